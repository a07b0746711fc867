// Advice use cases: asking an organisation for advice (due 6 weeks from the request, reg 8; only
// with consent to share or an override; row, chronology entry and notifications in one
// transaction), the organisation's shared inbox, submitting (advice_received appended, the clock
// moves), declining, withdrawing, reuse of earlier advice (counts only when the family and the
// council both agree), and access ending with the request or with consent. Today is 2026-11-25.
#include "app/advice.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/accounts.h"
#include "app/casework.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "store/sharing_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }

class AdviceTest : public ::testing::Test {
 protected:
  AdviceTest()
      : storage(tmp.path()), today(d("2026-11-25")), casework(storage, today), accounts(storage),
        advice(storage, today, settings) {
    ep = org("Northmoor EP Service", "ep_service");
    other_ep = org("Southmoor EP Service", "ep_service");
    health = org("Northmoor Children's Health", "health");
    staff = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", pw);
    other_staff = accounts.create_user("cw2@example.org", "Chris Worker", "caseworker", pw);
    eve = accounts.create_user("eve@example.org", "Eve Psych", "advice_giver", pw, ep);
    ezra = accounts.create_user("ezra@example.org", "Ezra Psych", "advice_giver", pw, ep);
    sol = accounts.create_user("sol@example.org", "Sol Psych", "advice_giver", pw, other_ep);
    parent = accounts.create_user("mum@example.org", "Mary Parent", "parent", pw);

    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    child_id = casework.create_child(staff, c, route).id;
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child_id;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
    case_id = casework.open_case(staff, child_id, staff.user_id, route).summary.id;
    Event req;
    req.type = EventType::RequestReceived;
    req.date = d("2026-09-01");
    req.source = 1;
    casework.append_event(staff, case_id, req, route);
    Event dec;
    dec.type = EventType::DecisionToAssess;
    dec.date = d("2026-10-05");
    dec.outcome = Outcome::Assess;
    casework.append_event(staff, case_id, dec, route);
  }

  std::int64_t org(const char* name, const char* kind) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, std::nullopt, std::nullopt});
    });
  }
  void consent(std::int64_t organisation) {
    storage.write([&](store::Database& db) {
      store::ConsentRow r;
      r.child_id = child_id;
      r.organisation_id = organisation;
      r.purpose = "EHC needs assessment advice";
      r.given_by = "Mary Parent";
      r.given_on = "2026-10-01";
      r.recorded_by = staff.user_id;
      r.recorded_at = "2026-10-01T10:00:00Z";
      store::insert_consent(db, r);
    });
  }
  void withdraw_consent(std::int64_t organisation) {
    storage.write([&](store::Database& db) {
      store::withdraw_consents(db, child_id, organisation, "2026-11-25", "Mary Parent", staff.user_id,
                               "2026-11-25T10:00:00Z");
    });
  }
  AdviceRequestInput ask(std::int64_t organisation, const char* from = "educational_psychology",
                         const char* on = "2026-11-02") {
    return AdviceRequestInput{organisation, from, d(on)};
  }
  SectionInput sections() {
    return {{"needs", "Difficulties with working memory and processing speed."},
            {"outcomes", "By the end of Key Stage 2, reads age-appropriate texts."},
            {"provision", "Daily 20-minute precision teaching with a trained teaching assistant."},
            {"views", "Amara says she likes drawing and wants help with reading."}};
  }

  std::vector<store::NotificationRow> notices(const Actor& a) {
    return store::notifications_of_user(storage.read(), a.user_id, 100);
  }
  bool has_notice(const Actor& a, const std::string& kind, const std::string& link) {
    for (const auto& n : notices(a))
      if (n.kind == kind && n.link == link) return true;
    return false;
  }
  std::vector<Event> chronology() { return casework.case_view(staff, case_id, route).chronology; }
  int count_events(EventType t, const std::string& id) {
    int n = 0;
    for (const auto& e : chronology()) n += e.type == t && e.id == id;
    return n;
  }
  std::optional<Deadline> a3(const std::string& id) {
    for (const auto& dl : casework.case_view(staff, case_id, route).clock.deadlines)
      if (dl.rule == "A3" && dl.id == id) return dl;
    return std::nullopt;
  }
  std::string next_due() { return store::find_case(storage.read(), case_id)->next_due.value_or(""); }
  template <typename F>
  Error::Kind refusal(F&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.kind;
    }
    ADD_FAILURE() << "expected a refusal";
    return Error::Kind::BadRequest;
  }

  const char* pw = "correct horse battery";
  const std::string route = "TEST";
  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  ServicesSettings settings;
  Casework casework;
  Accounts accounts;
  Advice advice;
  std::int64_t ep = 0, other_ep = 0, health = 0, child_id = 0, case_id = 0;
  Actor staff, other_staff, eve, ezra, sol, parent;
};

TEST(AdviceRules, DueSixWeeksFromTheRequest) {
  EXPECT_EQ(advice_due_on(d("2026-11-02")), d("2026-12-14"));
  EXPECT_EQ(advice_due_on(d("2025-02-11")), d("2025-03-25"));  // docs/clock.md 9.2
  EXPECT_EQ(advice_due_on(d("2026-12-21")), d("2027-02-01"));  // across the year; holidays never move it
}

TEST(AdviceRules, OrganisationKindMustFitTheAdvice) {
  EXPECT_TRUE(organisation_fits(AdviceFrom::EducationalPsychology, "ep_service"));
  EXPECT_FALSE(organisation_fits(AdviceFrom::EducationalPsychology, "health"));
  EXPECT_TRUE(organisation_fits(AdviceFrom::Health, "health"));
  EXPECT_TRUE(organisation_fits(AdviceFrom::SocialCare, "social_care"));
  EXPECT_FALSE(organisation_fits(AdviceFrom::SocialCare, "school"));
  EXPECT_TRUE(organisation_fits(AdviceFrom::Education, "school"));
  EXPECT_TRUE(organisation_fits(AdviceFrom::Other, "health"));
  EXPECT_FALSE(organisation_fits(AdviceFrom::Other, "council"));
}

TEST(AdviceRules, SectionsRequiredAndLimited) {
  auto errors = validate_sections({{"needs", "  "}, {"outcomes", "x"}, {"provision", std::string(10001, 'a')}});
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].first, "needs");
  EXPECT_EQ(errors[1].first, "provision");
  EXPECT_NE(errors[1].second.find("10,000"), std::string::npos);
  // Characters, not bytes: 10,000 two-byte letters are allowed.
  std::string accented;
  for (int i = 0; i < 10000; ++i) accented += "\xC3\xA9";
  EXPECT_TRUE(validate_sections({{"needs", accented}, {"outcomes", "x"}, {"provision", "y"}}).empty());
}

TEST_F(AdviceTest, WithConsentTheRowTheEventAndTheNotificationsAreWrittenTogether) {
  consent(ep);
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  EXPECT_EQ(r.status, "requested");
  EXPECT_EQ(r.basis, "consent");
  EXPECT_EQ(r.requested_on, "2026-11-02");
  EXPECT_EQ(r.due_on, "2026-12-14");
  EXPECT_EQ(r.advice_id, "ep1");
  EXPECT_EQ(r.organisation_name, "Northmoor EP Service");
  EXPECT_EQ(count_events(EventType::AdviceRequested, "ep1"), 1);
  auto deadline = a3("ep1");
  ASSERT_TRUE(deadline);
  EXPECT_EQ(deadline->due, d("2026-12-14"));  // the clock and the request agree
  // Both members of the service are told, with the due date and a link without personal data.
  for (const Actor* a : {&eve, &ezra}) {
    auto ns = notices(*a);
    ASSERT_EQ(ns.size(), 1u) << a->name;
    EXPECT_EQ(ns[0].kind, "advice_requested");
    EXPECT_EQ(ns[0].link, "/advice/" + std::to_string(r.id));
    EXPECT_EQ(ns[0].due_on, "2026-12-14");
    EXPECT_NE(ns[0].what_needed.find("14 December 2026"), std::string::npos);
    EXPECT_EQ(ns[0].what_changed.find("Amara"), std::string::npos);
  }
  EXPECT_TRUE(notices(sol).empty());
  // The write is audited with the child and the basis.
  bool audited = false;
  for (const auto& a : store::audit_of(storage.read(), "advice_request", r.id))
    audited = audited || (a.action == "create" && a.child_id == child_id && a.basis == "council_staff");
  EXPECT_TRUE(audited);
  // Another EP service asked on the same case gets the next id.
  std::int64_t west = org("Westmoor EP Service", "ep_service");
  consent(west);
  EXPECT_EQ(advice.request_advice(staff, case_id, ask(west), route).advice_id, "ep2");
}

TEST_F(AdviceTest, NoConsentAndNoOverrideIsRefusedAndNothingIsWritten) {
  auto appends = [&] {
    storage.flush();
    int n = 0;
    for (const auto& a : store::audit_of(storage.read(), "case", case_id)) n += a.action == "append";
    return n;
  };
  int appends_before = appends();
  auto events_before = chronology().size();
  try {
    advice.request_advice(staff, case_id, ask(ep), route);
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "organisation_id");
    EXPECT_NE(e.reason.find("consent"), std::string::npos);
  }
  EXPECT_TRUE(store::advice_requests_of_case(storage.read(), case_id).empty());
  EXPECT_EQ(chronology().size(), events_before);
  EXPECT_TRUE(notices(eve).empty());
  EXPECT_EQ(appends(), appends_before);
  // Consent withdrawn is no consent.
  consent(ep);
  withdraw_consent(ep);
  EXPECT_EQ(refusal([&] { advice.request_advice(staff, case_id, ask(ep), route); }), Error::Kind::Unprocessable);
  EXPECT_TRUE(store::advice_requests_of_case(storage.read(), case_id).empty());
}

TEST_F(AdviceTest, AnOverrideOnRecordIsEnough) {
  storage.write([&](store::Database& db) {
    store::OverrideRow o;
    o.child_id = child_id;
    o.organisation_id = ep;
    o.lawful_basis = "UK GDPR Art 6(1)(e) and 9(2)(g)";
    o.reason = "Statutory assessment cannot wait";
    o.decided_by = staff.user_id;
    o.decided_at = "2026-11-01T09:00:00Z";
    store::insert_override(db, o);
  });
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  EXPECT_EQ(r.basis, "override");
}

TEST_F(AdviceTest, RefusesAnOrganisationOfTheWrongKindAnUnknownTypeAndAFutureDate) {
  consent(ep);
  consent(health);
  auto err = [&](AdviceRequestInput in) {
    try {
      advice.request_advice(staff, case_id, in, route);
    } catch (const Error& e) {
      return e.field;
    }
    return std::string("accepted");
  };
  EXPECT_EQ(err(ask(health, "educational_psychology")), "organisation_id");
  EXPECT_EQ(err(ask(ep, "astrology")), "advice_from");
  EXPECT_EQ(err(ask(ep, "educational_psychology", "2026-11-26")), "requested_on");  // after today
  EXPECT_EQ(err(ask(ep, "educational_psychology", "2026-09-20")), "requested_on");  // before the decision to assess
  EXPECT_EQ(err(AdviceRequestInput{ep, "educational_psychology", std::nullopt}), "requested_on");
  EXPECT_TRUE(store::advice_requests_of_case(storage.read(), case_id).empty());
  EXPECT_EQ(count_events(EventType::AdviceRequested, "ep1"), 0);
  // Families and advice givers cannot ask.
  EXPECT_EQ(refusal([&] { advice.request_advice(parent, case_id, ask(ep), route); }), Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { advice.request_advice(eve, case_id, ask(ep), route); }), Error::Kind::NotFound);
  // A second open request of the same kind to the same organisation is a conflict.
  advice.request_advice(staff, case_id, ask(ep), route);
  EXPECT_EQ(refusal([&] { advice.request_advice(staff, case_id, ask(ep), route); }), Error::Kind::Conflict);
}

TEST_F(AdviceTest, TheInboxBelongsToTheOrganisation) {
  consent(ep);
  consent(health);
  auto r1 = advice.request_advice(staff, case_id, ask(ep, "educational_psychology", "2026-11-02"), route);
  auto r2 = advice.request_advice(staff, case_id, ask(ep, "other", "2026-10-20"), route);
  advice.request_advice(staff, case_id, ask(health, "health"), route);
  // A colleague in the same service sees the same inbox, soonest due first.
  for (const Actor* a : {&eve, &ezra}) {
    Inbox in = advice.inbox(*a, "", route);
    ASSERT_EQ(in.rows.size(), 2u);
    EXPECT_EQ(in.rows[0].request.id, r2.id);
    EXPECT_EQ(in.rows[1].request.id, r1.id);
    EXPECT_TRUE(in.rows[0].visible);
    EXPECT_EQ(in.rows[0].request.child_given_name, "Amara");
    EXPECT_EQ(advice.request_for_giver(*a, r1.id, route).child.given_name, "Amara");
  }
  // Another EP service sees none of it.
  EXPECT_TRUE(advice.inbox(sol, "", route).rows.empty());
  EXPECT_EQ(refusal([&] { advice.request_for_giver(sol, r1.id, route); }), Error::Kind::NotFound);
  // The council sees the case, but this is not its page.
  EXPECT_EQ(refusal([&] { advice.request_for_giver(staff, r1.id, route); }), Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { advice.inbox(staff, "", route); }), Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { advice.inbox(eve, "lost", route); }), Error::Kind::BadRequest);
  EXPECT_EQ(refusal([&] { advice.request_for_giver(eve, 9999, route); }), Error::Kind::NotFound);
  // Reads are audited with the child and the basis.
  storage.flush();
  bool audited = false;
  for (const auto& a : store::audit_of(storage.read(), "advice_request", r1.id))
    audited = audited || (a.action == "read" && a.user_id == ezra.user_id && a.child_id == child_id &&
                          a.basis == "advice_requested");
  EXPECT_TRUE(audited);
}

TEST_F(AdviceTest, SubmittingAppendsAdviceReceivedAndTheClockMoves) {
  consent(ep);
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  // A3 (14 Dec) is the council's next due date; the request was on 1 Sep, so A4 is 22 Dec.
  EXPECT_EQ(next_due(), "2026-12-14");
  auto done = advice.submit(ezra, r.id, sections(), route);
  EXPECT_EQ(done.status, "submitted");
  EXPECT_EQ(done.responded_on, "2026-11-25");
  EXPECT_EQ(done.responded_by, ezra.user_id);
  auto stored = parse_sections(done.sections);
  ASSERT_EQ(stored.size(), 4u);
  EXPECT_EQ(stored[0].key, "needs");
  EXPECT_EQ(stored[2].text, "Daily 20-minute precision teaching with a trained teaching assistant.");
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep1"), 1);
  auto deadline = a3("ep1");
  ASSERT_TRUE(deadline);
  EXPECT_EQ(deadline->status, DeadlineStatus::Met);
  EXPECT_EQ(deadline->met_on, d("2026-11-25"));
  EXPECT_EQ(next_due(), "2026-12-22");
  // The caseworker is told, with a link to the advice; the organisation no longer sees the record.
  EXPECT_TRUE(has_notice(staff, "advice_received", "/cases/" + std::to_string(case_id) + "/advice/" + std::to_string(r.id)));
  EXPECT_FALSE(has_notice(other_staff, "advice_received",
                          "/cases/" + std::to_string(case_id) + "/advice/" + std::to_string(r.id)));
  EXPECT_EQ(refusal([&] { advice.request_for_giver(eve, r.id, route); }), Error::Kind::NotFound);
  EXPECT_EQ(refusal([&] { advice.submit(eve, r.id, sections(), route); }), Error::Kind::NotFound);
  Inbox in = advice.inbox(eve, "submitted", route);
  ASSERT_EQ(in.rows.size(), 1u);
  EXPECT_FALSE(in.rows[0].visible);
  EXPECT_EQ(in.rows[0].request.child_given_name, "");  // no longer shown
  EXPECT_TRUE(advice.inbox(eve, "requested", route).rows.empty());
  // The council reads it.
  auto v = advice.council_view(staff, case_id, r.id, route);
  EXPECT_EQ(v.sections.size(), 4u);
}

TEST_F(AdviceTest, InvalidAdviceIsRefusedAndNothingIsWritten) {
  consent(ep);
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  auto s = sections();
  s[1].second = "   ";
  try {
    advice.submit(eve, r.id, s, route);
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "outcomes");
  }
  EXPECT_EQ(store::find_advice_request(storage.read(), r.id)->status, "requested");
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep1"), 0);
}

TEST_F(AdviceTest, DecliningTellsTheCaseworkerWhoMayThenWithdraw) {
  consent(ep);
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  EXPECT_EQ(refusal([&] { advice.decline(eve, r.id, "  ", route); }), Error::Kind::Unprocessable);
  auto declined = advice.decline(eve, r.id, "We have had no involvement with this child.", route);
  EXPECT_EQ(declined.status, "declined");
  EXPECT_EQ(declined.decline_reason, "We have had no involvement with this child.");
  EXPECT_TRUE(has_notice(staff, "advice_declined", "/cases/" + std::to_string(case_id) + "/advice/" + std::to_string(r.id)));
  EXPECT_EQ(refusal([&] { advice.request_for_giver(eve, r.id, route); }), Error::Kind::NotFound);
  // The A3 deadline is still open until the council withdraws the request.
  ASSERT_TRUE(a3("ep1"));
  EXPECT_EQ(refusal([&] { advice.withdraw(eve, case_id, r.id, "no", route); }), Error::Kind::NotFound);
  advice.withdraw(staff, case_id, r.id, "Asked the Southmoor service instead", route);
  EXPECT_EQ(store::find_advice_request(storage.read(), r.id)->status, "withdrawn");
  EXPECT_FALSE(a3("ep1"));
  EXPECT_EQ(count_events(EventType::AdviceRequested, "ep1"), 0);
  EXPECT_TRUE(has_notice(eve, "advice_withdrawn", "/advice"));
  EXPECT_EQ(refusal([&] { advice.withdraw(staff, case_id, r.id, "again", route); }), Error::Kind::Conflict);
}

TEST_F(AdviceTest, WithdrawingAnOpenRequestEndsTheAdviceGiversAccess) {
  consent(ep);
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  EXPECT_EQ(refusal([&] { advice.withdraw(staff, case_id, r.id, "", route); }), Error::Kind::Unprocessable);
  EXPECT_EQ(store::find_advice_request(storage.read(), r.id)->status, "requested");
  advice.withdraw(staff, case_id, r.id, "The family moved away", route);
  EXPECT_EQ(store::find_advice_request(storage.read(), r.id)->status, "withdrawn");
  EXPECT_FALSE(a3("ep1"));
  EXPECT_EQ(refusal([&] { advice.request_for_giver(eve, r.id, route); }), Error::Kind::NotFound);
  // The struck-out entry keeps the reason in the case's history.
  bool kept = false;
  for (const auto& h : casework.case_view(staff, case_id, route).history)
    kept = kept || (h.row.reason && h.row.reason->find("The family moved away") != std::string::npos);
  EXPECT_TRUE(kept);
}

TEST_F(AdviceTest, WithdrawingConsentRemovesAccess) {
  consent(ep);
  auto r = advice.request_advice(staff, case_id, ask(ep), route);
  EXPECT_EQ(advice.request_for_giver(eve, r.id, route).request.id, r.id);
  withdraw_consent(ep);
  EXPECT_EQ(refusal([&] { advice.request_for_giver(eve, r.id, route); }), Error::Kind::NotFound);
  EXPECT_EQ(refusal([&] { advice.submit(eve, r.id, sections(), route); }), Error::Kind::NotFound);
  Inbox in = advice.inbox(eve, "", route);
  ASSERT_EQ(in.rows.size(), 1u);
  EXPECT_FALSE(in.rows[0].visible);
  EXPECT_EQ(in.rows[0].request.child_family_name, "");
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep1"), 0);
}

TEST_F(AdviceTest, ReuseCountsOnlyWhenTheFamilyAndTheCouncilBothAgree) {
  consent(ep);
  auto first = advice.request_advice(staff, case_id, ask(ep, "educational_psychology", "2026-10-12"), route);
  advice.submit(eve, first.id, sections(), route);
  auto second = advice.request_advice(staff, case_id, ask(ep, "educational_psychology", "2026-11-02"), route);
  EXPECT_EQ(second.advice_id, "ep2");
  // The giver sees the earlier advice and offers it; only its own organisation's for this child counts.
  auto v = advice.request_for_giver(ezra, second.id, route);
  ASSERT_EQ(v.earlier.size(), 1u);
  EXPECT_EQ(v.earlier[0].id, first.id);
  EXPECT_EQ(refusal([&] { advice.offer_reuse(ezra, second.id, second.id, route); }), Error::Kind::Unprocessable);
  auto offered = advice.offer_reuse(ezra, second.id, first.id, route);
  EXPECT_EQ(offered.status, "requested");
  EXPECT_EQ(offered.reused_from, first.id);
  std::string council_reuse = "/cases/" + std::to_string(case_id) + "/advice/" + std::to_string(second.id) + "/reuse";
  EXPECT_TRUE(has_notice(staff, "advice_reuse_offered", council_reuse));
  std::string family_page = "/family/advice-reuse/" + std::to_string(second.id);
  EXPECT_TRUE(has_notice(parent, "advice_reuse_offered", family_page));

  // The family agrees: not yet counted.
  EXPECT_EQ(refusal([&] { advice.family_answer_reuse(staff, second.id, true, route); }), Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { advice.council_answer_reuse(parent, case_id, second.id, true, route); }),
            Error::Kind::Forbidden);
  auto fam = advice.reuse_for_family(parent, second.id, route);
  EXPECT_EQ(fam.earlier.id, first.id);
  EXPECT_EQ(fam.earlier_sections.size(), 4u);
  auto after_family = advice.family_answer_reuse(parent, second.id, true, route);
  EXPECT_EQ(after_family.status, "requested");
  EXPECT_EQ(after_family.family_agreed, 1);
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep2"), 0);
  EXPECT_EQ(refusal([&] { advice.family_answer_reuse(parent, second.id, false, route); }), Error::Kind::Conflict);

  // The council agrees too: the earlier advice is this request's advice, and it counts.
  auto agreed = advice.council_answer_reuse(staff, case_id, second.id, true, route);
  EXPECT_EQ(agreed.status, "submitted");
  EXPECT_EQ(agreed.council_agreed, 1);
  EXPECT_EQ(agreed.sections, store::find_advice_request(storage.read(), first.id)->sections);
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep2"), 1);
  EXPECT_EQ(a3("ep2")->status, DeadlineStatus::Met);
  EXPECT_TRUE(has_notice(eve, "advice_reuse_agreed", "/advice"));
  EXPECT_TRUE(has_notice(ezra, "advice_reuse_agreed", "/advice"));
  EXPECT_TRUE(has_notice(parent, "advice_reuse_agreed", family_page));
  // The caseworker who gave the last answer is not told of their own action; the family is.
  EXPECT_FALSE(has_notice(staff, "advice_received",
                          "/cases/" + std::to_string(case_id) + "/advice/" + std::to_string(second.id)));
}

TEST_F(AdviceTest, AReuseRefusedByEitherSideNeverCounts) {
  consent(ep);
  auto first = advice.request_advice(staff, case_id, ask(ep, "educational_psychology", "2026-10-12"), route);
  advice.submit(eve, first.id, sections(), route);
  auto second = advice.request_advice(staff, case_id, ask(ep, "educational_psychology", "2026-11-02"), route);
  advice.offer_reuse(eve, second.id, first.id, route);
  advice.council_answer_reuse(staff, case_id, second.id, true, route);
  auto refused = advice.family_answer_reuse(parent, second.id, false, route);
  EXPECT_EQ(refused.status, "requested");
  EXPECT_EQ(refused.family_agreed, -1);
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep2"), 0);
  EXPECT_TRUE(has_notice(eve, "advice_reuse_refused", "/advice/" + std::to_string(second.id)));
  // The organisation writes new advice instead; the offer is cleared.
  auto fresh = advice.submit(eve, second.id, sections(), route);
  EXPECT_EQ(fresh.status, "submitted");
  EXPECT_FALSE(fresh.reused_from);
  EXPECT_EQ(count_events(EventType::AdviceReceived, "ep2"), 1);
}

}  // namespace
}  // namespace gt::app
