// Cease pages: ceasing an EHC plan (SEND Regulations 2014 reg 31, CFA 2014 s45).
//   Council (the /cases area):
//     GET  /cases/{id}/cease           where the procedure stands: the proposal and its grounds, the
//                                      consultation's last day (C4), the family's and the school's
//                                      responses, the decision with its SEN2 cease reason, the last
//                                      day to appeal (T1) and the day the plan ended; the form for
//                                      the next step
//     POST /cases/{id}/cease/propose   date, respond_by (optional: the setting's 15 days), grounds
//     POST /cases/{id}/cease/decide    date, outcome (cease | maintain), cease_reason (1-9),
//                                      confirm_not_necessary / confirm_not_returning /
//                                      confirm_adult_estate (C2, C3, C6), notes
//     POST /cases/{id}/cease/end       date, family_not_appealing
//   Family (/family) and school (/school) - the proposal, its grounds and their last day, the
//   decision and the right to appeal; while the council consults, their response:
//     GET|POST /family/children/{id}/cease/{case_id}   agrees (yes | no), comments
//     GET|POST /school/pupils/{id}/cease/{case_id}     agrees (yes | no), comments
// What this promises: app::Ceasing decides who may do what (404 for a case the person cannot see,
// 403 for a step that is not theirs) before any input is read; a case of another child than the
// one in the path is 404. Missing or unreadable answers, and refusals by the rules (app::Error
// naming the field and the rule), re-render the page with 422 (409 when the step is not open), the
// GOV.UK error summary linking to each field and the values typed; nothing is written. Success: 303
// back to the page. No personal data in URLs (ids only).
#include "app/errors.h"
#include "domain/appeal_rights.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

enum class Side { Council, Family, School };

std::int64_t id_or_404(const Request& req, const char* name) {
  auto id = req.id_param(name);
  if (!id) throw Error(Kind::NotFound, "id", "There is no case at this address.");
  return *id;
}

const Choices& agree_choices() {
  static const Choices c = {{"yes", "Yes, the plan can stop"}, {"no", "No, the plan should continue"}};
  return c;
}
const Choices& outcome_choices() {
  static const Choices c = {{"cease", "Cease the plan"}, {"maintain", "Keep the plan"}};
  return c;
}

Field checkbox(const std::string& name, const std::string& legend, const std::string& hint, const std::string& label) {
  return Field{Field::Kind::Checkbox, name, legend, hint, {}, "", "", "text", label};
}
Field date_q(const std::string& name, const std::string& label, const std::string& hint) {
  return Field{Field::Kind::Date, name, label, hint, {}, "", "", "text", ""};
}
Field textarea(const std::string& name, const std::string& label, const std::string& hint) {
  return Field{Field::Kind::Textarea, name, label, hint, {}, "", "", "text", ""};
}

std::vector<Field> propose_fields(const app::CeaseState& s) {
  return {date_q("date", "Date the family was told the council is considering ceasing the plan",
                 "For example, 1 9 2026"),
          date_q("respond_by", "Last day for the family and the school or college to respond (optional)",
                 "Leave blank to give them 15 days, counting the day it is sent (until " +
                     long_date(s.default_respond_by) + " if sent today)"),
          textarea("grounds", "Why the council is considering ceasing the plan",
                   "The family and the school or college will see this")};
}
std::vector<Field> decide_fields() {
  return {date_q("date", "Date the decision was sent to the family", "For example, 20 9 2026"),
          Field{Field::Kind::Radios, "outcome", "What did the council decide?", "", outcome_choices(), "", "", "text", ""},
          Field{Field::Kind::Radios, "cease_reason", "Reason for ceasing (SEN2 cease reason)",
                "Only when the council decided to cease the plan", cease_reason_choices(), "", "", "text", ""},
          checkbox("confirm_not_necessary", "Under 18",
                   "For a child under 18 the plan can stop only if special educational provision through a plan "
                   "is no longer necessary (SEND Regulations 2014 reg 29)",
                   "The council has decided a plan is no longer necessary"),
          checkbox("confirm_not_returning", "18 or over",
                   "Leaving education or training is not enough: the council must review the plan and establish "
                   "that the young person does not wish to return, or that it would not be appropriate (reg 30)",
                   "The council reviewed the plan and established this"),
          checkbox("confirm_adult_estate", "Maximum age",
                   "Before the end of the academic year in which they turn 25, the maximum-age reason applies only "
                   "to a young person of 19 or over who has entered the adult estate",
                   "The young person has entered the adult estate"),
          textarea("notes", "Notes on the decision (optional)", "")};
}
std::vector<Field> end_fields() {
  return {date_q("date", "Date the plan ended", "For example, 21 11 2026"),
          checkbox("family_not_appealing", "Appeal",
                   "Tick only if the family said they will not appeal, so the plan can end before the time to "
                   "appeal has passed",
                   "The family said they will not appeal")};
}
std::vector<Field> respond_fields() {
  return {Field{Field::Kind::Radios, "agrees", "Do you agree the plan should stop?", "", agree_choices(), "", "",
                "text", ""},
          textarea("comments", "Your views (optional)",
                   "Tell the council anything it should know before it decides")};
}

std::string party_label(const std::string& party) { return party == "family" ? "Family" : "School or college"; }

Data form_data(const std::vector<Field>& fields, const FormState& st, const std::string& action) {
  Data d;
  d.set("fields", fields_data(fields, st));
  d.set("action", action);
  return d;
}

// The page of one side. `posted` is the form the user sent (its state carries the errors).
Response render(const Request& req, const app::CeaseState& s, Side side, int status, const std::string& posted,
                FormState st) {
  Data body;
  std::string base = side == Side::Council ? "/cases/" + std::to_string(s.case_id) + "/cease"
                     : side == Side::Family
                         ? "/family/children/" + std::to_string(s.child_id) + "/cease/" + std::to_string(s.case_id)
                         : "/school/pupils/" + std::to_string(s.child_id) + "/cease/" + std::to_string(s.case_id);
  body.set("child_name", s.child_name);
  body.set("case_id", std::to_string(s.case_id));
  body.set("council", side == Side::Council);
  body.set("back_href", side == Side::Council  ? "/cases/" + std::to_string(s.case_id)
                        : side == Side::Family ? "/family/children/" + std::to_string(s.child_id)
                                               : "/school/pupils/" + std::to_string(s.child_id));
  body.set("stage", std::string(stage_label(s.stage)));
  const auto& c = s.consultation;
  body.set("has_consultation", c.has_value());
  if (c) {
    body.set("proposed_on", long_date_or(c->proposed_on));
    body.set("respond_by", long_date_or(c->respond_by));
    body.set("grounds", c->grounds);
    body.set("open", s.consultation_open);
    body.set("decided", c->decision.has_value());
    body.set("decided_cease", c->decision && *c->decision == "cease");
    body.set("decided_maintain", c->decision && *c->decision == "maintain");
    put(body, "decided_at", c->decided_at ? long_date_or(c->decided_at->substr(0, 10)) : "");
    put(body, "cease_reason",
        c->cease_reason ? choice_label(cease_reason_choices(), std::to_string(*c->cease_reason)) : "");
    put(body, "decision_notes", side == Side::Council ? c->decision_notes.value_or("") : "");
    body.set("family_responded", s.family_responded);
    body.set("school_responded", s.school_responded);
    body.set("school_consulted", c->school_id.has_value());
  }
  put(body, "appeal_by", s.appeal_by ? long_date(*s.appeal_by) : "");
  put(body, "earliest_end", s.earliest_end ? long_date(*s.earliest_end) : "");
  put(body, "ceased_on", s.ceased_on ? long_date(*s.ceased_on) : "");
  put(body, "decide_from", s.decide_from ? long_date(*s.decide_from) : "");
  std::vector<Data> responses;
  for (const auto& r : s.responses) {
    Data d;
    d.set("party", party_label(r.party));
    d.set("who", r.user_name);
    d.set("agrees", r.agrees ? "Agrees the plan should stop" : "Does not agree");
    d.set("comments", r.comments.empty() ? "No comments" : r.comments);
    d.set("at", long_date_or(r.at.substr(0, 10)));
    responses.push_back(std::move(d));
  }
  body.set("has_responses", !responses.empty());
  body.set("responses", list_of(std::move(responses)));

  FormState empty;
  auto state_for = [&](const std::string& name) -> const FormState& { return posted == name ? st : empty; };
  bool any_form = false;
  auto form = [&](const std::string& key, bool show, const std::vector<Field>& fields, const std::string& action) {
    if (show) {
      body.set(key, form_data(fields, state_for(key), action));
      any_form = true;
    } else {
      body.set(key, false);
    }
  };
  if (side == Side::Council) {
    form("propose", s.may_propose, propose_fields(s), base + "/propose");
    form("decide", s.consultation_open, decide_fields(), base + "/decide");
    form("end", s.may_end, end_fields(), base + "/end");
    body.set("respond", false);
  } else {
    form("respond", s.consultation_open, respond_fields(), base);
    body.set("propose", false);
    body.set("decide", false);
    body.set("end", false);
  }
  body.set("may_decide", s.may_decide);
  body.set("no_form", !any_form);
  std::string title = side == Side::Council ? "Ceasing the EHC plan" : "Stopping the EHC plan";
  std::string nav = side == Side::Council ? "caseload" : side == Side::Family ? "family" : "school";
  return page(req, status, PageFrame{title, nav, st.summary}, "cease", body);
}

// Reads, calls the app, and shows its refusal on the posted form.
template <typename Read, typename Act>
Response post_step(const Request& req, const app::CeaseState& s, Side side, const std::string& name,
                   const std::vector<Field>& fields, Read&& read, Act&& act, const std::string& done) {
  FormState st;
  st.take(req.form);
  bool ok = read(st);
  int status = 422;
  if (ok) {
    try {
      act();
      return Response::redirect(done);
    } catch (const Error& err) {
      if (err.kind == Kind::NotFound || err.kind == Kind::Forbidden) throw;
      if (err.kind == Kind::Conflict) status = 409;
      show_app_error(st, fields, err.field, err.reason);
    }
  }
  st.order_by(fields);
  return render(req, s, side, status, name, st);
}

bool read_yes(const FormState& st, const char* name) { return st.value(name) == "yes"; }

void register_side(Router& router, Context& ctx, Side side) {
  const std::string path = side == Side::Family ? "/family/children/{id}/cease/{case_id}" : "/school/pupils/{id}/cease/{case_id}";
  const app::Capability read_cap = side == Side::Family ? app::Capability::FamilyRead : app::Capability::PupilRead;
  auto load = [&ctx, side, read_cap](const Request& req) {
    std::int64_t child = id_or_404(req, "id");
    std::int64_t case_id = id_or_404(req, "case_id");
    auto s = ctx.app.ceasing.state(req.actor(), case_id, req.route_string(), read_cap);
    if (s.child_id != child) throw Error(Kind::NotFound, "id", "There is no case at this address.");
    (void)side;
    return s;
  };
  router.add(Method::Get, path, Access::Page,
             [load, side](Request& req) { return render(req, load(req), side, 200, "", FormState{}); });
  router.add(Method::Post, path, Access::Page, [&ctx, load, side](Request& req) {
    auto s = load(req);
    bool agrees = false;
    std::string comments;
    auto fields = respond_fields();
    std::string done = "/" + std::string(side == Side::Family ? "family/children/" : "school/pupils/") +
                       std::to_string(s.child_id) + "/cease/" + std::to_string(s.case_id);
    return post_step(
        req, s, side, "respond", fields,
        [&](FormState& st) {
          std::string a = st.value("agrees");
          if (a == "yes" || a == "no") agrees = a == "yes";
          else st.fail("agrees", "agrees", "Select whether you agree the plan should stop");
          comments = st.value("comments");
          return st.ok();
        },
        [&] { ctx.app.ceasing.respond(req.actor(), s.case_id, agrees, comments, req.route_string()); }, done);
  });
}

}  // namespace

void register_cease_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/cases/{id}/cease", Access::Page, [&ctx](Request& req) {
    auto s = ctx.app.ceasing.state(req.actor(), id_or_404(req, "id"), req.route_string());
    return render(req, s, Side::Council, 200, "", FormState{});
  });

  router.add(Method::Post, "/cases/{id}/cease/propose", Access::Page, [&ctx](Request& req) {
    auto s = ctx.app.ceasing.state(req.actor(), id_or_404(req, "id"), req.route_string());
    app::CeaseProposal p;
    auto fields = propose_fields(s);
    return post_step(
        req, s, Side::Council, "propose", fields,
        [&](FormState& st) {
          if (auto d = read_date(st, "date", "the date the family was told", true)) p.proposed_on = *d;
          p.respond_by = read_date(st, "respond_by", "the last day to respond", false);
          p.grounds = st.value("grounds");
          if (p.grounds.find_first_not_of(" \t\r\n") == std::string::npos)
            st.fail("grounds", "grounds", "Enter why the council is considering ceasing the plan");
          return st.ok();
        },
        [&] { ctx.app.ceasing.propose(req.actor(), s.case_id, p, req.route_string()); },
        "/cases/" + std::to_string(s.case_id) + "/cease");
  });

  router.add(Method::Post, "/cases/{id}/cease/decide", Access::Page, [&ctx](Request& req) {
    auto s = ctx.app.ceasing.state(req.actor(), id_or_404(req, "id"), req.route_string());
    app::CeaseDecision d;
    auto fields = decide_fields();
    return post_step(
        req, s, Side::Council, "decide", fields,
        [&](FormState& st) {
          if (auto on = read_date(st, "date", "the date the decision was sent", true)) d.decided_on = *on;
          std::string o = st.value("outcome");
          if (o == "cease" || o == "maintain") d.cease = o == "cease";
          else st.fail("outcome", "outcome", "Select what the council decided");
          std::string r = st.value("cease_reason");
          if (d.cease && o == "cease") {
            if (r.size() == 1 && r[0] >= '1' && r[0] <= '9') d.cease_reason = r[0] - '0';
            else st.fail("cease_reason", "cease_reason", "Select the reason for ceasing the plan");
          }
          d.confirmations.not_necessary = read_yes(st, "confirm_not_necessary");
          d.confirmations.not_returning = read_yes(st, "confirm_not_returning");
          d.confirmations.adult_estate = read_yes(st, "confirm_adult_estate");
          d.notes = st.value("notes");
          return st.ok();
        },
        [&] { ctx.app.ceasing.decide(req.actor(), s.case_id, d, req.route_string()); },
        "/cases/" + std::to_string(s.case_id) + "/cease");
  });

  router.add(Method::Post, "/cases/{id}/cease/end", Access::Page, [&ctx](Request& req) {
    auto s = ctx.app.ceasing.state(req.actor(), id_or_404(req, "id"), req.route_string());
    Date on;
    bool not_appealing = false;
    auto fields = end_fields();
    return post_step(
        req, s, Side::Council, "end", fields,
        [&](FormState& st) {
          if (auto d = read_date(st, "date", "the date the plan ended", true)) on = *d;
          not_appealing = read_yes(st, "family_not_appealing");
          return st.ok();
        },
        [&] { ctx.app.ceasing.end_plan(req.actor(), s.case_id, on, not_appealing, req.route_string()); },
        "/cases/" + std::to_string(s.case_id) + "/cease");
  });

  register_side(router, ctx, Side::Family);
  register_side(router, ctx, Side::School);
}

}  // namespace gt::web
