// The family's pages (page_family.cc), in plain English for a parent on a phone at night:
//   GET  /family                                  the children this person may see, each in one line
//   GET  /family/children/{id}                    the case: where it stands, what happens next and by
//                                                 when, what you can do now, appeal and mediation
//                                                 rights with their last dates, what has happened,
//                                                 the plan, documents, all about me, messages
//   GET/POST /family/children/{id}/about-me       "all about me", written once (each save a new version)
//   GET/POST /family/children/{id}/messages       messages with the council
//   GET  /family/children/{id}/access-log         who has looked at the record (paged: ?page=N)
//   GET/POST /family/contact                      how we contact you (every role: professionals too)
// and the council's side of the messages:
//   GET/POST /children/{id}/messages
// What this promises: every family route is authorised by app::Family (FamilyRead / FamilyWrite:
// another family's child is 404, council staff on a family-only page 403); forms show every problem
// at once with the GOV.UK error summary, keep what was typed, answer 422 and write nothing; success
// answers 303. Legal rules are named in small print under the plain words.
#pragma once

#include <optional>

#include "app/family.h"
#include "web/page_layout.h"

namespace gt::web {

// "all about me" on any page that shows it (the council's child page, ...): sets "about_me" to
// false when nothing is written yet, else {sections: [{heading, text}], recorded: "Written by ... on
// ...", versions_text}.
void all_about_me_data(Data& body, const std::optional<app::AllAboutMeRecord>& about_me);

}  // namespace gt::web
