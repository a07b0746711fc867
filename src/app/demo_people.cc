#include "app/demo_people.h"

#include <map>
#include <set>

#include "app/demo.h"
#include "app/two_factor.h"
#include "domain/school_age.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/organisations_store.h"
#include "store/sharing_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

struct Outstanding {
  Event requested;
};

// The advice requests of a chronology that have no advice_received yet.
std::vector<Event> outstanding_advice(const std::vector<Event>& events) {
  std::set<std::string> received;
  for (const auto& e : events)
    if (e.type == EventType::AdviceReceived) received.insert(e.id);
  std::vector<Event> out;
  for (const auto& e : events)
    if (e.type == EventType::AdviceRequested && !received.count(e.id)) out.push_back(e);
  return out;
}

const Placement* current_school(const DemoCase& c) {
  for (const auto& p : c.placements)
    if (!p.leaving_date && p.rank == 1 && !p.urn.empty()) return &p;
  return nullptr;
}

std::string stamp(Date d) { return d.to_string() + "T09:30:00Z"; }

}  // namespace

DemoPeople write_demo_people(store::Database& db, const DemoCouncil& council, const std::vector<std::int64_t>& child_ids,
                             const std::vector<std::int64_t>& case_ids, const std::vector<std::int64_t>& staff_ids,
                             std::string (*password_hash)(std::uint64_t seed, const std::string& email)) {
  DemoPeople out;
  const Date today = council.options.today;
  auto org = [&](std::string name, std::string kind, std::optional<std::string> urn) {
    ++out.organisations;
    return store::insert_organisation(db, store::OrganisationRow{0, std::move(name), std::move(kind), std::move(urn),
                                                                 std::nullopt});
  };
  std::int64_t council_org = org(kDemoCouncil, "council", std::nullopt);
  for (auto id : staff_ids) {
    store::set_member_organisation(db, id, council_org, false);
    store::set_totp_secret(db, id, std::string(kDemoTotpSecret));
  }
  std::map<std::string, std::int64_t> school_by_urn;
  for (const auto& e : council.establishments)
    if (!e.urn.empty() && !school_by_urn.count(e.urn)) school_by_urn[e.urn] = org(e.name, "school", e.urn);
  std::int64_t ep = org("Northmoor Educational Psychology Service", "ep_service", std::nullopt);
  std::int64_t health = org("Northmoor Community Paediatrics", "health", std::nullopt);
  std::int64_t care = org("Northmoor Children's Social Care", "social_care", std::nullopt);

  auto person = [&](const char* email, const char* name, const char* role, std::optional<std::int64_t> organisation,
                    bool org_admin) {
    store::UserRow u{0, email, name, role, password_hash(council.options.seed, email)};
    u.organisation_id = organisation;
    u.org_admin = org_admin;
    if (organisation || std::string(role) == "admin" || std::string(role) == "analyst")
      u.totp_secret = kDemoTotpSecret;
    return store::insert_user(db, u);
  };
  person(kDemoAdminEmail, "Adaeze Okoro", "admin", council_org, true);
  person(kDemoAnalystEmail, "Priya Natarajan", "analyst", council_org, false);

  // Outstanding advice becomes the services' inboxes, with the family's consent on the request date.
  std::int64_t recorder = staff_ids.empty() ? 0 : staff_ids.front();
  int walkthrough = -1;
  for (std::size_t ci = 0; ci < council.cases.size(); ++ci) {
    const DemoCase& c = council.cases[ci];
    if (c.stage != "assessment" && c.stage != "drafting") continue;
    const Placement* school = current_school(c);
    std::set<std::int64_t> consented;
    for (const Event& e : outstanding_advice(c.events)) {
      std::optional<std::int64_t> to;
      switch (e.advice_from) {
        case AdviceFrom::EducationalPsychology: to = ep; break;
        case AdviceFrom::Health: to = health; break;
        case AdviceFrom::SocialCare: to = care; break;
        case AdviceFrom::Education:
          if (school && school_by_urn.count(school->urn)) to = school_by_urn[school->urn];
          break;
        default: break;
      }
      if (!to) continue;
      if (!consented.count(*to)) {
        store::ConsentRow consent;
        consent.child_id = child_ids[ci];
        consent.organisation_id = *to;
        consent.purpose = "advice";
        consent.given_by = "Parent or carer";
        consent.given_on = e.date.to_string();
        consent.recorded_by = recorder;
        consent.recorded_at = stamp(e.date);
        store::insert_consent(db, consent);
        consented.insert(*to);
      }
      store::AdviceRequestRow r;
      r.case_id = case_ids[ci];
      r.child_id = child_ids[ci];
      r.organisation_id = *to;
      r.advice_from = std::string(advice_from_name(e.advice_from));
      r.advice_id = e.id;
      r.requested_on = e.date.to_string();
      r.due_on = e.date.plus_weeks(6).to_string();
      r.basis = "consent";
      r.created_by = recorder;
      r.created_at = stamp(e.date);
      store::insert_advice_request(db, r);
      ++out.advice_requests;
      if (walkthrough < 0 && c.stage == "assessment" && e.advice_from == AdviceFrom::EducationalPsychology && school &&
          school_by_urn.count(school->urn) && !is_young_person(c.child.date_of_birth, today) &&
          c.child.date_of_birth.plus_months(5 * 12) <= today)
        walkthrough = static_cast<int>(ci);
    }
  }

  std::int64_t parent = person(kDemoParentEmail, "Grace Ellison", "parent", std::nullopt, false);
  if (walkthrough >= 0) {
    const DemoCase& c = council.cases[static_cast<std::size_t>(walkthrough)];
    const Placement* school = current_school(c);
    out.walkthrough_child = child_ids[static_cast<std::size_t>(walkthrough)];
    out.walkthrough_case = case_ids[static_cast<std::size_t>(walkthrough)];
    out.walkthrough_school = school->name;
    person(kDemoSencoEmail, "Femi Adeyemi", "senco", school_by_urn[school->urn], true);
    store::FamilyLinkRow link;
    link.child_id = out.walkthrough_child;
    link.user_id = parent;
    link.relationship = "parent_carer";
    link.parental_responsibility = true;
    store::insert_family_link(db, link, recorder);
  } else {
    std::int64_t first_school = school_by_urn.empty() ? council_org : school_by_urn.begin()->second;
    person(kDemoSencoEmail, "Femi Adeyemi", "senco", first_school, true);
  }
  person(kDemoEpEmail, "Dr Sian Morgan", "advice_giver", ep, true);
  person(kDemoHealthEmail, "Dr Tomasz Nowak", "advice_giver", health, true);

  std::int64_t young = person(kDemoYoungPersonEmail, "Jordan Blake", "young_person", std::nullopt, false);
  for (std::size_t ci = 0; ci < council.cases.size(); ++ci) {
    const DemoCase& c = council.cases[ci];
    if ((c.stage == "plan" || c.stage == "review") && is_young_person(c.child.date_of_birth, today)) {
      store::FamilyLinkRow link;
      link.child_id = child_ids[ci];
      link.user_id = young;
      link.relationship = "young_person";
      link.parental_responsibility = false;
      store::insert_family_link(db, link, recorder);
      out.young_person_child = child_ids[ci];
      break;
    }
  }
  return out;
}

}  // namespace gt::app
