// Review pages: annual and phase-transfer reviews of EHC plans (app/reviews.h).
//   Council (role gate: council staff):
//     GET  /reviews                              reviews due within N weeks or overdue (R1, R2, P1-P3),
//                                                filtered by caseworker, sorted by due date or caseworker, paged
//     GET  /reviews/phase-transfers              children due to move phase next September (P1/P2 dates)
//     GET  /cases/{id}/reviews                   a case's reviews, the clock's review deadlines, the next move
//     GET/POST /cases/{id}/reviews/new           plan a review (meeting date, invitees; phase transfer: the move
//                                                and the next setting, recording phase_transfer)
//     GET  /reviews/{review_id}                  one review: invitations (R4), papers (R5), the meeting record,
//                                                the report (R6), the decision (R7), the amendment (M2, M4)
//     POST /reviews/{review_id}/invitations|papers|report
//     GET/POST /reviews/{review_id}/meeting      the meeting recorded by the council (a child not in school)
//     GET/POST /reviews/{review_id}/decision     maintain, amend or cease (review_decision)
//   School (role gate: SENCOs; the app layer: the school the child is on roll at):
//     GET  /school/pupils/{id}/annual-reviews, GET/POST /school/pupils/{id}/annual-reviews/new
//     GET  /school/reviews/{review_id}, POST /school/reviews/{review_id}/invitations|papers|report
//     GET/POST /school/reviews/{review_id}/meeting
// What these promise: forms re-render with 422 (409 when the step is already done or out of order),
// the GOV.UK error summary linking to each field and the values typed; nothing is written. R4 is
// refused with the rule named. Success answers 303 to the review. Query strings carry only filters.
#include <algorithm>
#include <charconv>

#include "app/reviews.h"
#include "domain/annual_review.h"
#include "domain/phase_transfer.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

constexpr int kPerPage = 25;

std::optional<long long> to_int(std::string_view s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::int64_t id_of(const Request& req, const char* name) {
  auto id = req.id_param(name);
  if (!id) throw Error(Error::Kind::NotFound, name, "There is nothing at this address.");
  return *id;
}

int status_for(const Error& e) { return e.kind == Error::Kind::Conflict ? 409 : 422; }

// Where a side's pages live.
struct Side {
  bool school = false;
  std::string review(std::int64_t id) const {
    return (school ? "/school/reviews/" : "/reviews/") + std::to_string(id);
  }
  std::string nav() const { return school ? "school" : "reviews"; }
};

Data deadlines_data(const std::vector<Deadline>& ds, Date today) {
  std::vector<Data> out;
  for (const auto& d : ds) {
    Data r;
    r.set("rule", d.rule);
    r.set("summary", std::string(d.summary));
    r.set("basis", std::string(d.basis));
    r.set("due", long_date(d.due));
    Tag t = deadline_tag(d, today);
    r.set("tag_text", t.text);
    r.set("tag_css", t.css);
    out.push_back(r);
  }
  return list_of(out);
}

void put_deadlines(Data& body, const std::vector<Deadline>& ds, Date today) {
  body.set("deadlines", deadlines_data(ds, today));
  body.set("has_deadlines", !ds.empty());
}

std::string kind_label(const std::string& kind) {
  return kind == "phase_transfer" ? "Phase transfer review" : "Annual review";
}

std::string where_it_is(const store::ReviewRow& r) {
  if (r.cancelled_at) return "Cancelled";
  if (!r.decision.empty()) {
    auto rec = parse_recommendation(r.decision);
    return "Decided: " + std::string(rec ? recommendation_label(*rec) : std::string_view(r.decision));
  }
  if (r.report_sent_on) return "Report sent; the council's decision is awaited";
  if (r.held_on) return "Meeting held on " + long_date_or(*r.held_on) + "; the report is awaited";
  if (r.invitations_sent_on) return "Invitations sent; meeting on " + long_date_or(r.meeting_on);
  return "Planned; invitations not sent yet";
}

std::string pager_link(const std::string& base, std::string query, int page) {
  if (page > 1) query += (query.empty() ? "" : "&") + std::string("page=") + std::to_string(page);
  return query.empty() ? base : base + "?" + query;
}

Data pager(const std::string& base, const std::string& query, int page, int per_page, int total) {
  bool prev = page > 1;
  bool next = static_cast<long long>(page) * per_page < total;
  if (!prev && !next) return Data(false);
  Data p;
  if (prev) p.set("prev", pager_link(base, query, page - 1));
  else p.set("prev", false);
  if (next) p.set("next", pager_link(base, query, page + 1));
  else p.set("next", false);
  return p;
}

Choices staff_choices(Context& ctx) {
  Choices c{{"", "Anyone"}};
  for (const auto& a : ctx.accounts.staff()) c.emplace_back(std::to_string(a.user_id), a.name);
  return c;
}

// --- the council's lists ---------------------------------------------------------------------------

Response reviews_due_page(Context& ctx, Request& req) {
  Form q = req.query_fields();
  FormState st;
  app::ReviewsDueQuery f;
  f.per_page = kPerPage;
  std::string query;
  auto keep = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) query += (query.empty() ? "" : "&") + k + "=" + url_encode(v);
  };
  st.set("weeks", "8");
  if (auto v = q.value("weeks"); !v.empty()) {
    st.set("weeks", v);
    auto n = to_int(v);
    if (!n || *n < 0 || *n > 104) st.fail("weeks", "weeks", "Weeks must be a whole number from 0 to 104");
    else {
      f.weeks = static_cast<int>(*n);
      keep("weeks", v);
    }
  }
  if (auto v = q.value("caseworker"); !v.empty()) {
    st.set("caseworker", v);
    auto n = to_int(v);
    if (!n || *n <= 0) st.fail("caseworker", "caseworker", "Select a caseworker from the list");
    else {
      f.caseworker_id = *n;
      keep("caseworker", v);
    }
  }
  st.set("sort", "due");
  if (auto v = q.value("sort"); !v.empty()) {
    st.set("sort", v);
    if (v != "due" && v != "caseworker") st.fail("sort", "sort", "Select how to sort the list");
    else {
      f.sort = v;
      keep("sort", v);
    }
  }
  if (auto v = q.value("page"); !v.empty())
    if (auto n = to_int(v); n && *n >= 1 && *n <= 100000) f.page = static_cast<int>(*n);
  auto page_data = ctx.app.reviews.reviews_due(req.actor(), f, req.route_string());

  std::vector<Field> fields = {
      Field{Field::Kind::Text, "weeks", "Due within (weeks)", "Overdue reviews are always shown. For example, 8", {},
            "govuk-input--width-3", "", "text", ""},
      Field{Field::Kind::Select, "caseworker", "Caseworker", "", staff_choices(ctx), "", "", "text", ""},
      Field{Field::Kind::Select, "sort", "Sort by", "", {{"due", "Due date, soonest first"}, {"caseworker", "Caseworker"}},
            "", "", "text", ""},
  };
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("today", long_date(page_data.today));
  body.set("total", std::to_string(page_data.total));
  body.set("total_word", page_data.total == 1 ? "review" : "reviews");
  body.set("sort_caption", f.sort == "caseworker" ? "sorted by caseworker" : "soonest due first");
  std::vector<Data> rows;
  for (const auto& r : page_data.rows) {
    Data d;
    d.set("href", "/cases/" + std::to_string(r.c.id) + "/reviews");
    d.set("child_name", r.c.child_given_name + " " + r.c.child_family_name);
    d.set("rule", r.deadline.rule);
    d.set("summary", std::string(r.deadline.summary));
    d.set("due", long_date(r.deadline.due));
    Tag t = deadline_tag(r.deadline, page_data.today);
    d.set("tag_text", t.text);
    d.set("tag_css", t.css);
    d.set("caseworker", r.c.caseworker_name.empty() ? "Not assigned" : r.c.caseworker_name);
    d.set("meeting", r.open_review ? where_it_is(*r.open_review) : "Not planned");
    rows.push_back(d);
  }
  body.set("has_rows", !rows.empty());
  body.set("rows", list_of(rows));
  body.set("pager", pager("/reviews", query, page_data.page, page_data.per_page, page_data.total));
  return page(req, st.ok() ? 200 : 422, PageFrame{"Reviews due", "reviews", st.summary}, "review_due", body);
}

Response phase_transfers_page(Context& ctx, Request& req) {
  Form q = req.query_fields();
  FormState st;
  app::PhaseTransferQuery f;
  f.per_page = kPerPage;
  std::string query;
  auto keep = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) query += (query.empty() ? "" : "&") + k + "=" + url_encode(v);
  };
  Date today = ctx.today();
  if (auto v = q.value("year"); !v.empty()) {
    st.set("year", v);
    auto n = to_int(v);
    if (!n || *n < today.year() - 1 || *n > today.year() + 5)
      st.fail("year", "year", "Year must be within a year before and five years after this year");
    else {
      f.transfer_year = static_cast<int>(*n);
      keep("year", v);
    }
  }
  if (auto v = q.value("caseworker"); !v.empty()) {
    st.set("caseworker", v);
    auto n = to_int(v);
    if (!n || *n <= 0) st.fail("caseworker", "caseworker", "Select a caseworker from the list");
    else {
      f.caseworker_id = *n;
      keep("caseworker", v);
    }
  }
  if (auto v = q.value("page"); !v.empty())
    if (auto n = to_int(v); n && *n >= 1 && *n <= 100000) f.page = static_cast<int>(*n);
  auto list = ctx.app.reviews.phase_transfers(req.actor(), f, req.route_string());
  if (st.value("year").empty()) st.set("year", std::to_string(list.transfer_year));
  std::vector<Field> fields = {
      Field{Field::Kind::Text, "year", "Year of the move (September)", "For example, " + std::to_string(list.transfer_year),
            {}, "govuk-input--width-4", "", "text", ""},
      Field{Field::Kind::Select, "caseworker", "Caseworker", "", staff_choices(ctx), "", "", "text", ""},
  };
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("year", std::to_string(list.transfer_year));
  body.set("total", std::to_string(list.total));
  body.set("total_word", list.total == 1 ? "child or young person" : "children and young people");
  std::vector<Data> rows;
  for (const auto& r : list.rows) {
    Data d;
    d.set("href", "/cases/" + std::to_string(r.c.id) + "/reviews");
    d.set("child_name", r.c.child_given_name + " " + r.c.child_family_name);
    d.set("dob", long_date_or(r.c.child_date_of_birth));
    d.set("move", std::string(transfer_phase_label(r.dates.phase)));
    d.set("setting", r.setting_name.empty() ? "No current school recorded" : r.setting_name);
    d.set("rule", r.dates.rule);
    d.set("due", long_date(r.dates.due));
    d.set("plan_from", long_date(r.dates.plan_from));
    d.set("hold_by", long_date(r.dates.hold_meeting_by));
    if (r.recorded) {
      Tag t = deadline_tag(*r.recorded, list.today);
      Data rec;
      rec.set("tag_text", "Planned. " + t.text);
      rec.set("tag_css", t.css);
      d.set("recorded", rec);
    } else {
      d.set("recorded", false);
    }
    d.set("plan_href", "/cases/" + std::to_string(r.c.id) + "/reviews/new?kind=phase_transfer");
    rows.push_back(d);
  }
  body.set("has_rows", !rows.empty());
  body.set("rows", list_of(rows));
  body.set("pager", pager("/reviews/phase-transfers", query, list.page, list.per_page, list.total));
  return page(req, st.ok() ? 200 : 422,
              PageFrame{"Moves to a new school or college", "reviews", st.summary}, "review_phase_transfers", body);
}

// --- a case's reviews ----------------------------------------------------------------------------------

Response case_reviews_page(Request& req, const app::CaseReviews& v, const Side& side) {
  Data body;
  body.set("child_name", v.child_name);
  body.set("stage", std::string(stage_label(v.stage)));
  body.set("year_group", year_group_label(year_group(v.date_of_birth, v.today)));
  if (side.school) {
    body.set("back_href", "/school/pupils/" + std::to_string(v.child_id));
    body.set("back_text", "Back to the pupil");
    body.set("schedule_href", "/school/pupils/" + std::to_string(v.child_id) + "/annual-reviews/new");
    body.set("plan_href", false);
  } else {
    body.set("back_href", "/cases/" + std::to_string(v.case_id));
    body.set("back_text", "Back to the case");
    body.set("schedule_href", "/cases/" + std::to_string(v.case_id) + "/reviews/new");
    body.set("plan_href", "/cases/" + std::to_string(v.case_id) + "/plan");
  }
  if (v.next_transfer) {
    Data t;
    t.set("move", std::string(transfer_phase_label(v.next_transfer->phase)));
    t.set("date", long_date(v.next_transfer->transfer_date));
    t.set("due", long_date(v.next_transfer->due));
    t.set("rule", v.next_transfer->rule);
    t.set("basis", std::string(v.next_transfer->basis));
    t.set("plan_from", long_date(v.next_transfer->plan_from));
    t.set("hold_by", long_date(v.next_transfer->hold_meeting_by));
    body.set("transfer", t);
  } else {
    body.set("transfer", false);
  }
  body.set("may_schedule", v.may_schedule);
  body.set("cannot_schedule", v.cannot_schedule);
  std::vector<Data> reviews;
  for (const auto& r : v.reviews) {
    Data d;
    d.set("href", side.review(r.id));
    d.set("meeting", long_date_or(r.meeting_on));
    d.set("kind", kind_label(r.kind));
    d.set("progress", where_it_is(r));
    reviews.push_back(d);
  }
  body.set("has_reviews", !reviews.empty());
  body.set("reviews", list_of(reviews));
  put_deadlines(body, v.deadlines, v.today);
  return page(req, 200, PageFrame{"Annual reviews", side.nav(), {}}, "review_case", body);
}

// --- planning a review ---------------------------------------------------------------------------------

std::vector<Field> schedule_fields() {
  return {
      Field{Field::Kind::Radios, "kind", "What kind of review is it?", "",
            {{"annual", "An annual review"},
             {"phase_transfer", "A phase transfer review (before a move to a new school or college)"}},
            "", "", "text", ""},
      Field{Field::Kind::Date, "meeting_on", "Date of the meeting", "For example, 12 3 2026", {}, "", "", "text", ""},
      Field{Field::Kind::Checkbox, "invite_family", "The family", "", {}, "", "", "text",
            "Invite the child's parents or the young person"},
      Field{Field::Kind::Checkbox, "invite_school", "The school", "", {}, "", "", "text",
            "Invite the school the child or young person is on roll at"},
  };
}

std::vector<Field> phase_fields() {
  Choices phases{{"", "Choose the move"}};
  for (auto p : all_transfer_phases())
    phases.emplace_back(std::string(transfer_phase_name(p)), std::string(transfer_phase_label(p)));
  return {
      Field{Field::Kind::Select, "transfer_phase", "The move", "", phases, "", "", "text", ""},
      Field{Field::Kind::Date, "transfer_date", "Date of the move (optional for a school move)",
            "Leave blank for 1 September. For example, 1 9 2027", {}, "", "", "text", ""},
      Field{Field::Kind::Text, "next_setting_name", "Name of the next school or college", "", {},
            "govuk-!-width-two-thirds", "off", "text", ""},
      Field{Field::Kind::Text, "next_setting_urn", "URN of the next school (optional)", "6 digits", {},
            "govuk-input--width-10", "off", "text", ""},
  };
}

Response schedule_form(Context& ctx, const Request& req, const app::CaseReviews& v, const Side& side, int status,
                       FormState st) {
  auto fields = schedule_fields();
  auto phase = phase_fields();
  std::vector<Field> all = fields;
  all.insert(all.end(), phase.begin(), phase.end());
  all.push_back(Field{Field::Kind::Checkbox, "organisations", "Other organisations", "", {}, "", "", "text", ""});
  st.order_by(all);
  Data body;
  body.set("child_name", v.child_name);
  put(body, "cannot_schedule", v.may_schedule ? "" : v.cannot_schedule);
  body.set("fields", fields_data(fields, st));
  Data pf;
  pf.set("fields", fields_data(phase, st));
  body.set("phase_fields", pf);
  std::vector<Data> orgs;
  auto chosen = st.values.count("organisations") ? st.value("organisations") : std::string();
  int n = 0;
  for (const auto& o : ctx.app.reviews.invitable(req.actor(), v.case_id)) {
    Data d;
    d.set("option_id", n == 0 ? std::string("organisations") : "organisations-" + std::to_string(n + 1));
    d.set("value", std::to_string(o.organisation_id));
    d.set("name", o.name);
    d.set("checked", ("," + chosen + ",").find("," + std::to_string(o.organisation_id) + ",") != std::string::npos);
    orgs.push_back(d);
    ++n;
  }
  body.set("organisations", list_of(orgs));
  auto err = st.field_errors.find("organisations");
  if (err != st.field_errors.end()) body.set("organisations_error", err->second);
  else body.set("organisations_error", false);
  if (side.school) {
    body.set("back_href", "/school/pupils/" + std::to_string(v.child_id) + "/annual-reviews");
    body.set("action_href", "/school/pupils/" + std::to_string(v.child_id) + "/annual-reviews/new");
  } else {
    body.set("back_href", "/cases/" + std::to_string(v.case_id) + "/reviews");
    body.set("action_href", "/cases/" + std::to_string(v.case_id) + "/reviews/new");
  }
  return page(req, status, PageFrame{"Plan a review", side.nav(), st.summary}, "review_schedule", body);
}

Response schedule_get(Context& ctx, Request& req, const app::CaseReviews& v, const Side& side) {
  FormState st;
  st.set("kind", req.query_fields().value("kind") == "phase_transfer" ? "phase_transfer" : "annual");
  st.set("invite_family", "yes");
  st.set("invite_school", "yes");
  if (v.next_transfer) st.set("transfer_phase", std::string(transfer_phase_name(v.next_transfer->phase)));
  return schedule_form(ctx, req, v, side, 200, st);
}

Response schedule_post(Context& ctx, Request& req, const app::CaseReviews& v, const Side& side) {
  FormState st;
  st.take(req.form);
  app::ScheduleInput in;
  in.kind = st.value("kind");
  if (in.kind != "annual" && in.kind != "phase_transfer") st.fail("kind", "kind", "Choose the kind of review");
  in.meeting_on = read_date(st, "meeting_on", "the date of the meeting", true);
  in.invite_family = st.value("invite_family") == "yes";
  in.invite_school = st.value("invite_school") == "yes";
  std::string chosen;
  for (auto o : req.form.all("organisations")) {
    auto n = to_int(o);
    if (!n || *n <= 0) {
      st.fail("organisations", "organisations", "Choose organisations from the list");
      continue;
    }
    in.organisation_ids.push_back(*n);
    chosen += (chosen.empty() ? "" : ",") + std::to_string(*n);
  }
  st.set("organisations", chosen);
  if (in.kind == "phase_transfer") {
    in.transfer_phase = st.value("transfer_phase");
    if (!parse_transfer_phase(in.transfer_phase)) st.fail("transfer_phase", "transfer_phase", "Choose the move");
    in.transfer_date = read_date(st, "transfer_date", "the date of the move", false);
    in.next_setting_name = st.value("next_setting_name");
    in.next_setting_urn = st.value("next_setting_urn");
    if (in.next_setting_name.empty())
      st.fail("next_setting_name", "next_setting_name", "Enter the name of the next school or college");
  }
  int status = 422;
  if (st.ok()) {
    try {
      auto r = ctx.app.reviews.schedule(req.actor(), v.case_id, in, req.route_string());
      return Response::redirect(side.review(r.id));
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      std::vector<Field> all = schedule_fields();
      auto phase = phase_fields();
      all.insert(all.end(), phase.begin(), phase.end());
      std::string field = e.field == "invitees" ? "invite_family" : e.field;
      if (field == "organisations")
        st.fail("organisations", "organisations", capitalise(e.reason));
      else
        show_app_error(st, all, field == "case" || field == "review" ? "kind" : field, e.reason);
      status = status_for(e);
    }
  }
  return schedule_form(ctx, req, v, side, status, st);
}

// --- one review ----------------------------------------------------------------------------------------

bool may_write(app::Basis b) { return b == app::Basis::CouncilStaff || b == app::Basis::SchoolOnRoll; }

Field date_field(const std::string& name, const std::string& label) {
  return Field{Field::Kind::Date, name, label, "For example, 26 2 2026", {}, "", "", "text", ""};
}

void record_data(Data& body, const app::ReviewView& v) {
  const auto& r = v.review;
  body.set("held", r.held_on.has_value());
  if (!r.held_on) return;
  body.set("held_on", long_date_or(*r.held_on));
  body.set("attendees", r.attendees);
  body.set("views_child", r.views_child);
  body.set("views_parents", r.views_parents);
  body.set("views_school", r.views_school);
  put(body, "views_others", r.views_others);
  auto yes_no = [](const std::optional<bool>& b) { return !b ? "Not recorded" : *b ? "Yes" : "No"; };
  body.set("outcomes_still_right", yes_no(r.outcomes_still_right));
  body.set("provision_still_right", yes_no(r.provision_still_right));
  auto rec = parse_recommendation(r.recommendation);
  body.set("recommendation", rec ? std::string(recommendation_label(*rec)) : r.recommendation);
  put(body, "changes_suggested", r.changes_suggested);
  put(body, "preparation_for_adulthood", r.preparation_for_adulthood);
  std::vector<Data> progress;
  for (const auto& p : v.progress) {
    Data d;
    d.set("outcome_id", p.outcome_id);
    d.set("outcome_text", p.outcome_text);
    auto rating = parse_progress_rating(p.rating);
    d.set("rating", rating ? std::string(progress_rating_label(*rating)) : p.rating);
    d.set("comment", p.comment);
    progress.push_back(d);
  }
  body.set("has_progress", !progress.empty());
  body.set("progress", list_of(progress));
}

Response review_page(Context& ctx, Request& req, std::int64_t review_id, const Side& side, int status,
                     FormState st) {
  auto v = ctx.app.reviews.review(req.actor(), review_id, req.route_string());
  const auto& r = v.review;
  const std::string base = side.review(r.id);
  Data body;
  body.set("child_name", v.child_name);
  body.set("title", kind_label(r.kind));
  body.set("back_href", side.school ? "/school/pupils/" + std::to_string(v.child_id) + "/annual-reviews"
                                    : "/cases/" + std::to_string(v.case_id) + "/reviews");
  body.set("meeting_on", long_date_or(r.meeting_on));
  body.set("led_by", r.led_by == "school" ? "The school" : "The council");
  body.set("year_group", v.year_group);
  body.set("adulthood", v.preparation_for_adulthood);
  std::vector<Data> invitees;
  for (const auto& i : v.invitees) {
    Data d;
    d.set("name", i.name);
    invitees.push_back(d);
  }
  body.set("invitees", list_of(invitees));
  if (r.kind == "phase_transfer") {
    Data p;
    auto phase = parse_transfer_phase(r.transfer_phase);
    p.set("move", phase ? std::string(transfer_phase_label(*phase)) : r.transfer_phase);
    p.set("transfer_date", long_date_or(r.transfer_date.value_or("")));
    p.set("next_setting", r.next_setting_name + (r.next_setting_urn.empty() ? "" : " (URN " + r.next_setting_urn + ")"));
    body.set("phase", p);
  } else {
    body.set("phase", false);
  }
  std::vector<Data> notice;
  for (const auto& n : v.notice) {
    Data d;
    d.set("rule", n.rule);
    d.set("summary", std::string(n.summary));
    d.set("basis", std::string(n.basis));
    d.set("due", long_date(n.due));
    notice.push_back(d);
  }
  body.set("notice", list_of(notice));
  put(body, "invitations_sent_on", r.invitations_sent_on ? long_date_or(*r.invitations_sent_on) : "");
  put(body, "notice_breach", v.notice_breach ? capitalise(v.notice_breach->reason) + "." : "");
  if (r.papers_sent_on) {
    Date meeting = *Date::parse(r.meeting_on);
    bool met = papers_status(meeting, *Date::parse(*r.papers_sent_on)) == PapersStatus::Met;
    body.set("papers_sent_on", long_date_or(*r.papers_sent_on));
    body.set("papers_status", met ? "R5 met" : "R5 missed: less than 2 weeks before the meeting");
    body.set("papers_css", met ? "govuk-tag govuk-tag--green" : "govuk-tag govuk-tag--red");
  } else {
    body.set("papers_sent_on", false);
  }
  bool open = r.decision.empty() && !r.cancelled_at;
  bool writer = may_write(v.basis) && open;
  body.set("may_write", writer);
  auto form = [&](const std::string& action, const std::string& name, const std::string& label) {
    Data f;
    f.set("action", base + "/" + action);
    if (!st.values.count(name)) st.set_date(name, v.today);
    f.set("fields", fields_data({date_field(name, label)}, st));
    return f;
  };
  if (writer && !r.invitations_sent_on)
    body.set("invitations_form", form("invitations", "invitations_sent_on", "Date the invitations were sent"));
  else body.set("invitations_form", false);
  if (writer && !r.papers_sent_on)
    body.set("papers_form", form("papers", "papers_sent_on", "Date the advice and information were sent"));
  else body.set("papers_form", false);
  put(body, "meeting_href", writer && r.invitations_sent_on && !r.held_on ? base + "/meeting" : "");
  if (writer && r.held_on && !r.report_sent_on)
    body.set("report_form", form("report", "report_sent_on", "Date the report was sent"));
  else body.set("report_form", false);
  record_data(body, v);
  put(body, "report_sent_on", r.report_sent_on ? long_date_or(*r.report_sent_on) : "");
  if (!r.decision.empty()) {
    auto rec = parse_recommendation(r.decision);
    body.set("decision", rec ? std::string(recommendation_label(*rec)) : r.decision);
    body.set("decision_on", long_date_or(r.decision_on.value_or("")));
    put(body, "decision_reasons", r.decision_reasons);
  } else {
    body.set("decision", false);
  }
  bool council = v.basis == app::Basis::CouncilStaff && !side.school;
  put(body, "decision_href", council && open && r.held_on ? base + "/decision" : "");
  bool amending = r.decision == "amend";
  body.set("amending", amending);
  if (amending) {
    std::string s;
    if (v.latest_plan_kind == "amended") s = "The amended plan has been issued.";
    else if (v.latest_plan_kind == "proposed_amendments") s = "The proposed amendments have been sent; the amended plan is awaited.";
    else if (v.plan_being_written) s = "A new version of the plan is being written.";
    else s = "No proposed amendments have been sent yet.";
    body.set("amend_status", s);
  }
  put(body, "plan_href", council ? "/cases/" + std::to_string(v.case_id) + "/plan" : "");
  put(body, "cease_href", council && r.decision == "cease" ? "/cases/" + std::to_string(v.case_id) + "/cease" : "");
  put_deadlines(body, v.deadlines, v.today);
  return page(req, status, PageFrame{kind_label(r.kind), side.nav(), st.summary}, "review_show", body);
}

using Step = void (app::Reviews::*)(const app::Actor&, std::int64_t, Date, const std::string&);

Response step_post(Context& ctx, Request& req, const Side& side, const std::string& name, const std::string& question,
                   Step step) {
  std::int64_t id = id_of(req, "review_id");
  FormState st;
  st.take(req.form);
  auto on = read_date(st, name, question, true);
  int status = 422;
  if (on) {
    try {
      (ctx.app.reviews.*step)(req.actor(), id, *on, req.route_string());
      return Response::redirect(side.review(id));
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      Field f = date_field(name, capitalise(question));
      show_app_error(st, {f}, name, e.reason);
      status = status_for(e);
    }
  }
  return review_page(ctx, req, id, side, status, st);
}

// --- the meeting ---------------------------------------------------------------------------------------

std::vector<Field> meeting_fields(const app::ReviewView& v) {
  std::vector<Field> f = {
      Field{Field::Kind::Date, "held_on", "Date of the meeting", "For example, 12 3 2026", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "attendees", "Who came to the meeting",
            "Names and roles, and who was invited but could not come", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "views_child", "The child or young person's views",
            "In their own words where possible, and how they were gathered", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "views_parents", "The parents' or carers' views", "", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "views_school", "The school's or setting's views", "", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "views_others", "Others' views (optional)",
            "For example, health, social care or an educational psychologist", {}, "", "", "text", ""},
  };
  Choices ratings;
  for (auto r : all_progress_ratings())
    ratings.emplace_back(std::string(progress_rating_name(r)), std::string(progress_rating_label(r)));
  for (const auto& o : v.outcomes) {
    f.push_back(Field{Field::Kind::Radios, "progress-" + o.id, "Progress towards outcome " + o.id + ": " + o.text, "",
                      ratings, "", "", "text", ""});
    f.push_back(Field{Field::Kind::Textarea, "comment-" + o.id, "Comment on outcome " + o.id + " (optional)", "", {},
                      "", "", "text", ""});
  }
  Choices yes_no{{"yes", "Yes"}, {"no", "No"}};
  f.push_back(Field{Field::Kind::Radios, "outcomes_still_right", "Are the outcomes in the plan still right?", "",
                    yes_no, "", "", "text", ""});
  f.push_back(Field{Field::Kind::Radios, "provision_still_right", "Is the provision in the plan still right?", "",
                    yes_no, "", "", "text", ""});
  Choices recs;
  for (auto r : all_recommendations())
    recs.emplace_back(std::string(recommendation_name(r)), std::string(recommendation_label(r)));
  f.push_back(Field{Field::Kind::Radios, "recommendation", "What does the meeting recommend?", "", recs, "", "",
                    "text", ""});
  f.push_back(Field{Field::Kind::Textarea, "changes_suggested", "Changes suggested",
                    "Needed when recommending a change: what should change in the plan, section by section", {}, "", "",
                    "text", ""});
  f.push_back(Field{Field::Kind::Textarea, "preparation_for_adulthood",
                    std::string("Preparation for adulthood") + (v.preparation_for_adulthood ? "" : " (optional)"),
                    "Needed from Year 9: employment, independent living, friendships and community, good health", {},
                    "", "", "text", ""});
  return f;
}

// The app's field names ("progress.E-2", "progress.E-2.comment") as the form's ("progress-E-2").
std::string form_field(const std::string& app_field) {
  if (app_field.rfind("progress.", 0) == 0) {
    std::string rest = app_field.substr(9);
    auto dot = rest.find('.');
    if (dot != std::string::npos) return "comment-" + rest.substr(0, dot);
    return "progress-" + rest;
  }
  return app_field;
}

Response meeting_form(const Request& req, const app::ReviewView& v, const Side& side, int status, FormState st) {
  auto fields = meeting_fields(v);
  st.order_by(fields);
  Data body;
  body.set("child_name", v.child_name);
  body.set("year_group", v.year_group);
  body.set("adulthood", v.preparation_for_adulthood);
  body.set("has_outcomes", !v.outcomes.empty());
  body.set("fields", fields_data(fields, st));
  body.set("back_href", side.review(v.review.id));
  body.set("action_href", side.review(v.review.id) + "/meeting");
  return page(req, status, PageFrame{"Record the review meeting", side.nav(), st.summary}, "review_meeting", body);
}

Response meeting_get(Context& ctx, Request& req, const Side& side) {
  auto v = ctx.app.reviews.review(req.actor(), id_of(req, "review_id"), req.route_string());
  if (!may_write(v.basis)) throw Error(Error::Kind::Forbidden, "", "only the council and the school record a review meeting");
  FormState st;
  st.set_date("held_on", std::min(*Date::parse(v.review.meeting_on), v.today));
  return meeting_form(req, v, side, 200, st);
}

Response meeting_post(Context& ctx, Request& req, const Side& side) {
  std::int64_t id = id_of(req, "review_id");
  auto v = ctx.app.reviews.review(req.actor(), id, req.route_string());
  FormState st;
  st.take(req.form);
  auto fields = meeting_fields(v);
  app::MeetingInput in;
  in.held_on = read_date(st, "held_on", "the date of the meeting", true);
  in.attendees = st.value("attendees");
  in.views_child = st.value("views_child");
  in.views_parents = st.value("views_parents");
  in.views_school = st.value("views_school");
  in.views_others = st.value("views_others");
  auto yes_no = [](const std::string& s) -> std::optional<bool> {
    if (s == "yes") return true;
    if (s == "no") return false;
    return std::nullopt;
  };
  in.outcomes_still_right = yes_no(st.value("outcomes_still_right"));
  in.provision_still_right = yes_no(st.value("provision_still_right"));
  in.recommendation = st.value("recommendation");
  in.changes_suggested = st.value("changes_suggested");
  in.preparation_for_adulthood = st.value("preparation_for_adulthood");
  for (const auto& o : v.outcomes) {
    auto rating = st.value("progress-" + o.id);
    auto comment = st.value("comment-" + o.id);
    if (!rating.empty() || !comment.empty()) in.progress.push_back({o.id, rating, comment});
  }
  bool adulthood = in.held_on && preparation_for_adulthood_applies(v.date_of_birth, *in.held_on);
  app::MeetingInput check = in;
  for (const auto& e : app::meeting_problems(check, v.outcomes, adulthood)) {
    if (e.field == "held_on" && st.field_errors.count("held_on")) continue;
    show_app_error(st, fields, form_field(e.field), e.reason);
  }
  int status = 422;
  if (st.ok()) {
    try {
      ctx.app.reviews.record_meeting(req.actor(), id, in, req.route_string());
      return Response::redirect(side.review(id));
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      show_app_error(st, fields, form_field(e.field), e.reason);
      status = status_for(e);
    }
  }
  return meeting_form(req, v, side, status, st);
}

// --- the decision --------------------------------------------------------------------------------------

std::vector<Field> decision_fields() {
  Choices recs;
  for (auto r : all_recommendations())
    recs.emplace_back(std::string(recommendation_name(r)), std::string(recommendation_label(r)));
  return {
      Field{Field::Kind::Radios, "decision", "What has the council decided?", "", recs, "", "", "text", ""},
      Field{Field::Kind::Date, "decided_on", "Date of the decision", "The day the family is told. For example, 9 4 2026",
            {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "reasons", "Reasons",
            "Needed to amend or cease: what will change and why. The family sees this", {}, "", "", "text", ""},
  };
}

Response decision_form(const Request& req, const app::ReviewView& v, int status, FormState st) {
  auto fields = decision_fields();
  st.order_by(fields);
  Data body;
  body.set("child_name", v.child_name);
  body.set("back_href", "/reviews/" + std::to_string(v.review.id));
  body.set("action_href", "/reviews/" + std::to_string(v.review.id) + "/decision");
  std::string r7 = "4 weeks after the meeting";
  for (const auto& d : v.deadlines)
    if (d.rule == "R7" && d.open()) r7 = long_date(d.due);
  body.set("r7_due", r7);
  body.set("report_line", v.review.report_sent_on ? "The review report was sent on " +
                                                        long_date_or(*v.review.report_sent_on) + "."
                                                  : std::string("The review report has not been sent yet."));
  record_data(body, v);
  bool may = v.review.decision.empty() && !v.review.cancelled_at && v.review.held_on;
  body.set("may_decide", may);
  body.set("cannot_decide", !v.review.decision.empty() ? "The decision has already been recorded."
                                                       : "The review meeting has not been recorded yet.");
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"The council's decision", "reviews", st.summary}, "review_decision", body);
}

}  // namespace

void register_review_pages(Router& router, Context& ctx) {
  const Side council{false}, school{true};

  router.add(Method::Get, "/reviews", Access::Page, [&ctx](Request& req) { return reviews_due_page(ctx, req); });
  router.add(Method::Get, "/reviews/phase-transfers", Access::Page,
             [&ctx](Request& req) { return phase_transfers_page(ctx, req); });

  router.add(Method::Get, "/cases/{id}/reviews", Access::Page, [&ctx, council](Request& req) {
    return case_reviews_page(req, ctx.app.reviews.for_case(req.actor(), id_of(req, "id"), req.route_string()), council);
  });
  router.add(Method::Get, "/school/pupils/{id}/annual-reviews", Access::Page, [&ctx, school](Request& req) {
    return case_reviews_page(req, ctx.app.reviews.for_pupil(req.actor(), id_of(req, "id"), req.route_string()), school);
  });

  router.add(Method::Get, "/cases/{id}/reviews/new", Access::Page, [&ctx, council](Request& req) {
    return schedule_get(ctx, req, ctx.app.reviews.for_case(req.actor(), id_of(req, "id"), req.route_string()), council);
  });
  router.add(Method::Post, "/cases/{id}/reviews/new", Access::Page, [&ctx, council](Request& req) {
    return schedule_post(ctx, req, ctx.app.reviews.for_case(req.actor(), id_of(req, "id"), req.route_string()), council);
  });
  router.add(Method::Get, "/school/pupils/{id}/annual-reviews/new", Access::Page, [&ctx, school](Request& req) {
    return schedule_get(ctx, req, ctx.app.reviews.for_pupil(req.actor(), id_of(req, "id"), req.route_string()), school);
  });
  router.add(Method::Post, "/school/pupils/{id}/annual-reviews/new", Access::Page, [&ctx, school](Request& req) {
    return schedule_post(ctx, req, ctx.app.reviews.for_pupil(req.actor(), id_of(req, "id"), req.route_string()), school);
  });

  for (const Side& side : {council, school}) {
    const std::string base = side.school ? "/school/reviews/{review_id}" : "/reviews/{review_id}";
    router.add(Method::Get, base, Access::Page, [&ctx, side](Request& req) {
      return review_page(ctx, req, id_of(req, "review_id"), side, 200, FormState{});
    });
    router.add(Method::Post, base + "/invitations", Access::Page, [&ctx, side](Request& req) {
      return step_post(ctx, req, side, "invitations_sent_on", "the date the invitations were sent",
                       &app::Reviews::send_invitations);
    });
    router.add(Method::Post, base + "/papers", Access::Page, [&ctx, side](Request& req) {
      return step_post(ctx, req, side, "papers_sent_on", "the date the advice and information were sent",
                       &app::Reviews::send_papers);
    });
    router.add(Method::Post, base + "/report", Access::Page, [&ctx, side](Request& req) {
      return step_post(ctx, req, side, "report_sent_on", "the date the report was sent", &app::Reviews::send_report);
    });
    router.add(Method::Get, base + "/meeting", Access::Page,
               [&ctx, side](Request& req) { return meeting_get(ctx, req, side); });
    router.add(Method::Post, base + "/meeting", Access::Page,
               [&ctx, side](Request& req) { return meeting_post(ctx, req, side); });
  }

  router.add(Method::Get, "/reviews/{review_id}/decision", Access::Page, [&ctx](Request& req) {
    auto v = ctx.app.reviews.review(req.actor(), id_of(req, "review_id"), req.route_string());
    if (v.basis != app::Basis::CouncilStaff) throw Error(Error::Kind::Forbidden, "", "only the council decides");
    FormState st;
    st.set_date("decided_on", v.today);
    return decision_form(req, v, 200, st);
  });
  router.add(Method::Post, "/reviews/{review_id}/decision", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req, "review_id");
    auto v = ctx.app.reviews.review(req.actor(), id, req.route_string());
    if (v.basis != app::Basis::CouncilStaff) throw Error(Error::Kind::Forbidden, "", "only the council decides");
    FormState st;
    st.take(req.form);
    auto fields = decision_fields();
    std::string decision = st.value("decision");
    if (!parse_recommendation(decision)) st.fail("decision", "decision", "Choose what the council has decided");
    auto on = read_date(st, "decided_on", "the date of the decision", true);
    std::string reasons = st.value("reasons");
    if (decision != "maintain" && parse_recommendation(decision) && reasons.find_first_not_of(" \t\r\n") == std::string::npos)
      st.fail("reasons", "reasons", "Enter the reasons for the decision");
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.reviews.decide(req.actor(), id, decision, *on, reasons, req.route_string());
        return Response::redirect("/reviews/" + std::to_string(id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return decision_form(req, v, status, st);
  });
}

}  // namespace gt::web
