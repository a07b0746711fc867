// Advice pages: advice asked of organisations (SEND Regulations 2014 reg 6(1); due in 6 weeks, reg 8).
//   The council (CaseworkRead / CaseworkWrite on the case):
//     GET      /cases/{id}/advice/new                           the form: type, organisation, date asked
//     POST     /cases/{id}/advice                               asks (refused 422 without consent or an
//                                                               override, linking to the child's sharing page)
//     GET      /cases/{id}/advice/{request_id}                  one request: status, due date, the advice
//     GET/POST /cases/{id}/advice/{request_id}/withdraw         withdraw it, with a reason
//     GET/POST /cases/{id}/advice/{request_id}/reuse            agree (or not) to earlier advice being reused
//   The advice giver (AdviceRead / AdviceWrite; only their organisation's open requests, else 404;
//   council staff get 403):
//     GET      /advice                                          the organisation's inbox, filter by status
//     GET      /advice/{id}                                     what is asked, by when, the child, all about
//                                                               me, the advice the service gave before
//     GET/POST /advice/{id}/submit                             advice as sections
//     GET/POST /advice/{id}/decline                            decline with a reason
//     GET/POST /advice/{id}/reuse                              offer advice already given instead
//   The family (FamilyRead / FamilyWrite on the child):
//     GET/POST /family/advice-reuse/{id}                       agree (or not) to earlier advice being reused
// Forms follow page_form.h: every problem at once, 422 (409 for a request already answered) with the
// GOV.UK error summary and the values kept, nothing written; success answers 303. No JavaScript.
#include "web/page_advice.h"

#include "domain/all_about_me.h"
#include "domain/codes.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;
using store::AdviceRequestRow;

std::int64_t param_or_404(const Request& req, std::string_view name, const char* what) {
  auto id = req.id_param(name);
  if (!id) throw Error(Error::Kind::NotFound, std::string(name), what);
  return *id;
}

std::string from_label(const std::string& from) { return choice_label(advice_from_choices(), from); }

std::string kind_label(const std::string& kind) {
  if (kind == "ep_service") return "Educational psychology services";
  if (kind == "health") return "Health teams";
  if (kind == "social_care") return "Social care teams";
  if (kind == "school") return "Schools and settings";
  return "Other organisations";
}

std::string advice_title(const AdviceRequestRow& r) {
  std::string label = from_label(r.advice_from);
  if (r.advice_from == "education") label = "Educational";
  else if (r.advice_from == "other") label = "Other";
  return label + " advice";
}

Tag status_tag(const AdviceRequestRow& r) {
  if (r.status == "submitted") return {"Advice sent on " + long_date_or(r.responded_on.value_or("")), "govuk-tag govuk-tag--green"};
  if (r.status == "declined") return {"Declined on " + long_date_or(r.responded_on.value_or("")), "govuk-tag govuk-tag--yellow"};
  if (r.status == "withdrawn") return {"Withdrawn by the council", "govuk-tag govuk-tag--grey"};
  if (r.reused_from && r.family_agreed >= 0 && r.council_agreed >= 0)
    return {"Earlier advice offered: waiting for agreement", "govuk-tag govuk-tag--light-blue"};
  return {"Waiting for advice", "govuk-tag govuk-tag--blue"};
}

std::string agreement_words(int v) {
  if (v > 0) return "Agreed";
  if (v < 0) return "Did not agree";
  return "Not answered yet";
}

Data tag_data(const Tag& t) {
  Data d;
  d.set("text", t.text);
  d.set("css", t.css);
  return d;
}

Data paragraphs(const std::string& text) {
  std::vector<Data> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) {
      Data p;
      p.set("text", line);
      out.push_back(p);
    }
    start = end + 1;
  }
  return list_of(std::move(out));
}

Data sections_data(const std::vector<app::SectionText>& sections) {
  std::vector<Data> out;
  for (const auto& s : sections) {
    Data d;
    d.set("label", s.label);
    d.set("paragraphs", paragraphs(s.text));
    out.push_back(d);
  }
  return list_of(std::move(out));
}

Data advice_block(const std::string& heading, const std::vector<app::SectionText>& sections) {
  Data b;
  b.set("advice_heading", heading);
  b.set("advice_sections", sections_data(sections));
  return b;
}

Data kv(const std::string& key, const std::string& value) {
  Data d;
  d.set("key", key);
  d.set("value", value);
  return d;
}

std::string case_href(std::int64_t case_id) { return "/cases/" + std::to_string(case_id); }
std::string council_href(const AdviceRequestRow& r) {
  return case_href(r.case_id) + "/advice/" + std::to_string(r.id);
}
std::string giver_href(std::int64_t id) { return "/advice/" + std::to_string(id); }

// The generic advice form page (advice_form.mustache).
struct FormPage {
  std::string title;
  std::string nav;
  std::string back_href;
  std::string back_text;
  std::string caption;
  std::string heading;
  std::vector<std::string> intro;
  std::vector<std::pair<std::string, std::string>> links;  // href, text
  std::vector<Data> rows;
  std::vector<Data> blocks;
  std::string sharing_href;
  bool form = true;
  std::string action;
  std::string button;
  bool warning = false;
};

Response form_page(const Request& req, int status, const FormPage& p, const std::vector<Field>& fields, FormState st) {
  st.order_by(fields);
  Data body;
  body.set("back_href", p.back_href);
  body.set("back_text", p.back_text);
  body.set("caption", p.caption);
  body.set("heading", p.heading);
  std::vector<Data> intro;
  for (const auto& t : p.intro) {
    Data d;
    d.set("text", t);
    intro.push_back(d);
  }
  body.set("intro", list_of(std::move(intro)));
  std::vector<Data> links;
  for (const auto& [href, text] : p.links) {
    Data d;
    d.set("href", href);
    d.set("text", text);
    links.push_back(d);
  }
  body.set("links", list_of(std::move(links)));
  body.set("has_rows", !p.rows.empty());
  body.set("rows", list_of(p.rows));
  body.set("blocks", list_of(p.blocks));
  put(body, "sharing_href", p.sharing_href);
  body.set("form", p.form);
  body.set("action", p.action);
  body.set("button", p.button);
  body.set("warning", p.warning);
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{p.title, p.nav, st.summary}, "advice_form", body);
}

int status_of(const Error& e) { return e.kind == Error::Kind::Conflict ? 409 : 422; }

// Puts an app::Error from a form's POST on its field (or rethrows what is not about the input).
int show_error(FormState& st, const std::vector<Field>& fields, const Error& e) {
  if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden || e.kind == Error::Kind::BadRequest) throw e;
  show_app_error(st, fields, e.field, e.reason);
  return status_of(e);
}

// --- the council asks ------------------------------------------------------------------------------

std::vector<Field> ask_fields() {
  Choices orgs{{"", "Choose the organisation"}};
  return {
      Field{Field::Kind::Radios, "advice_from", "What advice are you asking for?",
            "SEND Regulations 2014 reg 6(1): educational, medical (health), psychological and social care advice, and "
            "any other advice the council thinks appropriate",
            advice_from_choices(), "", "", "text", ""},
      Field{Field::Kind::Select, "organisation_id", "Which organisation are you asking?",
            "Only organisations of the matching kind can be asked. The child's record can be shared only with consent "
            "in force or an override on record",
            orgs, "", "", "text", ""},
      Field{Field::Kind::Date, "requested_on", "Date the advice was asked for",
            "The advice is due 6 weeks after this date (SEND Regulations 2014 reg 8). For example, 2 11 2026", {}, "", "",
            "text", ""},
  };
}

std::string sharing_words(const std::string& s) {
  if (s == "consent") return "consent to share in force";
  if (s == "override") return "override on record";
  return "no consent or override yet";
}

Response ask_form(const Request& req, const app::AskContext& c, int status, FormState st, bool show_sharing) {
  auto fields = ask_fields();
  st.order_by(fields);
  std::vector<OptionGroup> groups;
  for (const char* kind : {"ep_service", "health", "social_care", "school", "other"}) {
    OptionGroup g{kind_label(kind), {}};
    for (const auto& o : c.organisations)
      if (o.organisation.kind == kind)
        g.options.emplace_back(std::to_string(o.organisation.id),
                               o.organisation.name + " (" + sharing_words(o.sharing) + ")");
    if (!g.options.empty()) groups.push_back(std::move(g));
  }
  Data list{Data::type::list};
  auto rest = fields_data(fields, st);
  list.push_back(rest.list_value()[0]);
  list.push_back(grouped_select_data(fields[1], groups, st));
  list.push_back(rest.list_value()[2]);
  Data body;
  body.set("back_href", case_href(c.case_id));
  body.set("back_text", "Back to the case");
  body.set("caption", c.child_name + ", case " + std::to_string(c.case_id));
  body.set("heading", "Ask for advice");
  Data intro{Data::type::list};
  Data p1;
  p1.set("text", "The organisation is told straight away, with the date the advice is due. Its advice givers see the "
                 "request, and the child's details they need, until they answer.");
  intro.push_back(p1);
  body.set("intro", intro);
  body.set("links", Data{Data::type::list});
  body.set("has_rows", false);
  body.set("rows", Data{Data::type::list});
  body.set("blocks", Data{Data::type::list});
  put(body, "sharing_href", show_sharing ? "/children/" + std::to_string(c.child_id) + "/sharing" : "");
  body.set("form", true);
  body.set("action", case_href(c.case_id) + "/advice");
  body.set("button", "Ask for advice");
  body.set("warning", false);
  body.set("fields", list);
  return page(req, status, PageFrame{"Ask for advice", "caseload", st.summary}, "advice_form", body);
}

// --- the council's view ----------------------------------------------------------------------------

std::vector<Data> request_rows(const AdviceRequestRow& r, Date today, bool for_council) {
  std::vector<Data> rows;
  rows.push_back(kv("Advice asked for", advice_title(r)));
  rows.push_back(kv(for_council ? "Organisation asked" : "Asked of", r.organisation_name));
  rows.push_back(kv("Reference", r.advice_id));
  rows.push_back(kv("Asked on", long_date_or(r.requested_on)));
  std::string due = long_date_or(r.due_on);
  if (r.status == "requested")
    if (auto d = Date::parse(r.due_on)) due += " (" + due_tag(*d, today).text + ")";
  rows.push_back(kv("Due by", due + " - 6 weeks from the request, SEND Regulations 2014 reg 8"));
  if (!r.created_by_name.empty()) rows.push_back(kv("Asked by", r.created_by_name));
  if (for_council)
    rows.push_back(kv("Shared on the basis of", r.basis == "override" ? "An override on record (no consent)"
                                                                      : "Consent to share in force"));
  return rows;
}

Response council_page(const Request& req, const app::CouncilAdviceView& v) {
  const auto& r = v.request;
  Data body;
  body.set("case_href", case_href(r.case_id));
  body.set("caption", r.child_given_name + " " + r.child_family_name + ", case " + std::to_string(r.case_id));
  body.set("heading", advice_title(r) + " from " + r.organisation_name);
  body.set("tag", tag_data(status_tag(r)));
  body.set("rows", list_of(request_rows(r, v.today, true)));
  body.set("submitted", r.status == "submitted");
  body.set("sent_line", "Sent on " + long_date_or(r.responded_on.value_or("")) +
                            (r.responded_by_name.empty() ? "" : " by " + r.responded_by_name) +
                            (r.reused_from ? ". This is advice the organisation gave before, reused with the "
                                             "agreement of the family and the council."
                                           : "."));
  body.set("advice_sections", sections_data(v.sections));
  if (r.status == "declined") {
    Data dcl;
    dcl.set("line", "Declined on " + long_date_or(r.responded_on.value_or("")) +
                        (r.responded_by_name.empty() ? "" : " by " + r.responded_by_name) + ".");
    dcl.set("paragraphs", paragraphs(r.decline_reason.value_or("")));
    body.set("declined", dcl);
  } else {
    body.set("declined", false);
  }
  if (r.status == "requested" && r.reused_from && v.reuse_of) {
    Data reuse;
    reuse.set("line", r.organisation_name + " has offered the advice it sent on " +
                          long_date_or(v.reuse_of->responded_on.value_or("")) + " (reference " + v.reuse_of->advice_id +
                          ") instead of writing new advice. It counts only if the family and the council both agree.");
    reuse.set("family", agreement_words(r.family_agreed));
    reuse.set("council", agreement_words(r.council_agreed));
    put(reuse, "answer_href", r.council_agreed == 0 ? council_href(r) + "/reuse" : "");
    body.set("reuse", reuse);
  } else {
    body.set("reuse", false);
  }
  put(body, "withdraw_href", r.status == "requested" || r.status == "declined" ? council_href(r) + "/withdraw" : "");
  body.set("withdrawn", r.status == "withdrawn");
  return page(req, 200, PageFrame{advice_title(r), "caseload", {}}, "advice_council", body);
}

std::vector<Field> withdraw_fields() {
  return {Field{Field::Kind::Textarea, "reason", "Why is the request being withdrawn?",
                "The organisation is told the request is withdrawn. The reason is kept in the case's timeline. Up to " +
                    std::to_string(app::kWithdrawReasonMax) + " characters",
                {}, "", "", "text", ""}};
}

FormPage withdraw_page(const AdviceRequestRow& r) {
  FormPage p;
  p.title = "Withdraw the request for advice";
  p.nav = "caseload";
  p.back_href = council_href(r);
  p.back_text = "Back to the request";
  p.caption = advice_title(r) + " from " + r.organisation_name + ", reference " + r.advice_id;
  p.heading = "Withdraw the request for advice";
  p.intro = {"The request is struck out of the case's chronology, so its 6-week deadline no longer counts. The "
             "organisation will no longer see the child's record through this request."};
  p.action = council_href(r) + "/withdraw";
  p.button = "Withdraw the request";
  p.warning = true;
  return p;
}

std::vector<Field> agree_fields(bool family) {
  return {Field{Field::Kind::Radios, "agree",
                family ? "Do you agree to this advice being used again?" : "Can this earlier advice be used for this request?",
                family ? "If you say no, they will write new advice" : "If not, the organisation must write new advice",
                family ? Choices{{"yes", "Yes, use this advice again"}, {"no", "No, I want them to write new advice"}}
                       : Choices{{"yes", "Yes, it can be used"}, {"no", "No, new advice is needed"}},
                "", "", "text", ""}};
}

std::optional<bool> read_agree(FormState& st, bool family) {
  std::string v = st.value("agree");
  if (v == "yes") return true;
  if (v == "no") return false;
  st.fail("agree", "agree", family ? "Select yes if you agree to this advice being used again"
                                   : "Select yes if the earlier advice can be used for this request");
  return std::nullopt;
}

FormPage council_reuse_page(const app::CouncilAdviceView& v) {
  const auto& r = v.request;
  FormPage p;
  p.title = "Reuse earlier advice";
  p.nav = "caseload";
  p.back_href = council_href(r);
  p.back_text = "Back to the request";
  p.caption = r.child_given_name + " " + r.child_family_name + ", case " + std::to_string(r.case_id);
  p.heading = "Reuse earlier advice from " + r.organisation_name;
  p.intro.push_back(r.organisation_name + " has offered the advice it sent on " +
                    long_date_or(v.reuse_of->responded_on.value_or("")) + " instead of writing new advice for this " +
                    "request (reference " + r.advice_id + "). It counts as the advice asked for only if the family and "
                    "the council both agree.");
  p.intro.push_back("The family: " + agreement_words(r.family_agreed) + ".");
  if (r.council_agreed != 0) {
    p.intro.push_back("The council has answered: " + agreement_words(r.council_agreed) + ".");
    p.form = false;
  }
  if (r.status != "requested") p.form = false;
  p.blocks.push_back(advice_block("The earlier advice", v.reuse_sections));
  p.action = council_href(r) + "/reuse";
  p.button = "Save the council's answer";
  return p;
}

// --- the advice giver ------------------------------------------------------------------------------

std::vector<Field> inbox_fields() {
  return {Field{Field::Kind::Select, "status", "Show requests",
                "",
                {{"", "All requests"},
                 {"requested", "Waiting for your advice"},
                 {"submitted", "Advice sent"},
                 {"declined", "Declined"},
                 {"withdrawn", "Withdrawn by the council"}},
                "", "", "text", ""}};
}

Response inbox_page(const Request& req, const app::Inbox& in, const std::string& status) {
  FormState st;
  st.set("status", status);
  Data body;
  body.set("organisation", in.organisation_name);
  body.set("today", long_date(in.today));
  body.set("fields", fields_data(inbox_fields(), st));
  body.set("filtered", !status.empty());
  std::string done = req.query_fields().value("done");
  if (done == "submitted") body.set("banner", std::string("Your advice was sent to the council."));
  else if (done == "declined") body.set("banner", std::string("You declined the request. The council has been told why."));
  else body.set("banner", false);
  std::vector<Data> rows;
  for (const auto& row : in.rows) {
    const auto& r = row.request;
    Data d;
    d.set("visible", row.visible);
    d.set("child_name", r.child_given_name + " " + r.child_family_name);
    d.set("href", giver_href(r.id));
    d.set("reference", r.advice_id);
    d.set("advice", advice_title(r));
    d.set("asked_on", long_date_or(r.requested_on));
    d.set("due", long_date_or(r.due_on));
    auto due = Date::parse(r.due_on);
    if (r.status == "requested" && due) d.set("due_tag", tag_data(due_tag(*due, in.today)));
    else d.set("due_tag", false);
    d.set("status_tag", tag_data(status_tag(r)));
    std::string why;
    if (!row.visible)
      why = r.status == "requested" ? "The child's record is not shared with your service at the moment (there is no "
                                      "consent in force), so the request cannot be shown. Contact the council"
                                    : "The child's details are shown only while a request is open";
    put(d, "hidden_reason", why);
    rows.push_back(d);
  }
  body.set("has_rows", !rows.empty());
  body.set("requests", list_of(std::move(rows)));
  return page(req, 200, PageFrame{"Advice requests", "advice", {}}, "advice_inbox", body);
}

std::string sen_text(const std::string& code) {
  auto label = sen_types().label(code);
  return label.empty() ? code : std::string(label) + " (" + code + ")";
}

Response giver_page(const Request& req, const app::GiverView& v, const std::optional<app::AllAboutMeRecord>& about_me) {
  const auto& r = v.request;
  Data body;
  std::string name = v.child.given_name + " " + v.child.family_name;
  body.set("caption", "Reference " + r.advice_id);
  body.set("heading", advice_title(r) + " for " + name);
  body.set("tag", tag_data(status_tag(r)));
  body.set("rows", list_of(request_rows(r, v.today, false)));
  body.set("submit_href", giver_href(r.id) + "/submit");
  body.set("documents_href", giver_href(r.id) + "/documents");
  body.set("upload_href", giver_href(r.id) + "/documents/new");
  body.set("decline_href", giver_href(r.id) + "/decline");
  put(body, "reuse_href", v.earlier.empty() ? "" : giver_href(r.id) + "/reuse");
  if (r.reused_from && v.reuse_of) {
    Data reuse;
    reuse.set("line", "You offered the advice your service sent on " +
                          long_date_or(v.reuse_of->responded_on.value_or("")) + " (reference " +
                          v.reuse_of->advice_id + "). It counts only if the family and the council both agree.");
    reuse.set("family", agreement_words(r.family_agreed));
    reuse.set("council", agreement_words(r.council_agreed));
    reuse.set("refused", r.family_agreed < 0 || r.council_agreed < 0);
    body.set("reuse", reuse);
  } else {
    body.set("reuse", false);
  }
  std::vector<Data> child;
  child.push_back(kv("Name", name));
  child.push_back(kv("Date of birth", long_date_or(v.child.date_of_birth)));
  if (v.needs) {
    child.push_back(kv("Primary type of need", sen_text(v.needs->primary_type)));
    if (v.needs->secondary_type && !v.needs->secondary_type->empty())
      child.push_back(kv("Secondary type of need", sen_text(*v.needs->secondary_type)));
  } else {
    child.push_back(kv("Type of need", "Not recorded yet"));
  }
  if (v.placements.empty()) child.push_back(kv("Where they are educated", "Not recorded"));
  for (const auto& p : v.placements) {
    std::string setting(setting_types().label(p.setting_type));
    if (setting.empty()) setting = p.setting_type;
    child.push_back(kv(p.rank == 2 ? "Dual placement" : "Where they are educated",
                       (p.name.empty() ? setting : p.name + " (" + setting + ")") + ", since " +
                           long_date_or(p.entry_date)));
  }
  body.set("child_rows", list_of(std::move(child)));
  std::vector<Data> aam;
  if (about_me) {
    for (const auto& section : all_about_me_sections()) {
      const std::string& text = about_me->text.*(section.member);
      if (text.empty()) continue;
      Data d;
      d.set("label", std::string(section.heading));
      d.set("paragraphs", paragraphs(text));
      aam.push_back(d);
    }
    body.set("aam_date", long_date_or(about_me->recorded_at.substr(0, 10)));
  } else {
    body.set("aam_date", false);
  }
  body.set("has_aam", !aam.empty());
  body.set("all_about_me", list_of(std::move(aam)));
  std::vector<Data> earlier;
  for (const auto& e : v.earlier) {
    Data d;
    d.set("summary", advice_title(e) + " sent on " + long_date_or(e.responded_on.value_or("")) + " (reference " +
                         e.advice_id + ")");
    d.set("advice_sections", sections_data(app::parse_sections(e.sections)));
    earlier.push_back(d);
  }
  body.set("has_earlier", !earlier.empty());
  body.set("earlier", list_of(std::move(earlier)));
  return page(req, 200, PageFrame{advice_title(r), "advice", {}}, "advice_request", body);
}

std::vector<Field> submit_fields() {
  std::vector<Field> out;
  for (const auto& s : app::advice_sections())
    out.push_back(Field{Field::Kind::Textarea, s.key, s.label + (s.required ? "" : " (optional)"),
                        s.hint + (s.required ? ". " : ". ") + "Up to 10,000 characters", {}, "", "", "text", ""});
  return out;
}

FormPage submit_page(const app::GiverView& v) {
  const auto& r = v.request;
  FormPage p;
  p.title = "Send your advice";
  p.nav = "advice";
  p.back_href = giver_href(r.id);
  p.back_text = "Back to the request";
  p.caption = advice_title(r) + " for " + v.child.given_name + " " + v.child.family_name;
  p.heading = "Send your advice";
  p.intro = {"Due by " + long_date_or(r.due_on) + ". Once sent, the council is told and your service no longer sees "
             "this child's record through this request. Attach any reports or assessments before you send your advice."};
  p.links = {{giver_href(r.id) + "/documents/new", "Attach a document to this request"}};
  p.action = giver_href(r.id) + "/submit";
  p.button = "Send advice to the council";
  return p;
}

std::vector<Field> decline_fields() {
  return {Field{Field::Kind::Textarea, "reason", "Why can your service not give this advice?",
                "The council's caseworker sees this reason. Up to 2,000 characters", {}, "", "", "text", ""}};
}

FormPage decline_page(const app::GiverView& v) {
  const auto& r = v.request;
  FormPage p;
  p.title = "Decline the request";
  p.nav = "advice";
  p.back_href = giver_href(r.id);
  p.back_text = "Back to the request";
  p.caption = advice_title(r) + " for " + v.child.given_name + " " + v.child.family_name;
  p.heading = "Decline the request";
  p.intro = {"The council is told straight away so it can ask someone else. Your service will no longer see this "
             "child's record through this request."};
  p.action = giver_href(r.id) + "/decline";
  p.button = "Decline the request";
  p.warning = true;
  return p;
}

std::vector<Field> offer_fields(const app::GiverView& v) {
  Choices c;
  for (const auto& e : v.earlier)
    c.emplace_back(std::to_string(e.id), advice_title(e) + " sent on " + long_date_or(e.responded_on.value_or("")) +
                                             " (reference " + e.advice_id + ")");
  return {Field{Field::Kind::Radios, "earlier_id", "Which advice do you want to offer?",
                "It counts only if the family and the council both agree. Until then the request stays open", c, "", "",
                "text", ""}};
}

FormPage offer_page(const app::GiverView& v) {
  const auto& r = v.request;
  FormPage p;
  p.title = "Offer advice already given";
  p.nav = "advice";
  p.back_href = giver_href(r.id);
  p.back_text = "Back to the request";
  p.caption = advice_title(r) + " for " + v.child.given_name + " " + v.child.family_name;
  p.heading = "Offer advice your service already gave";
  p.intro = {"The family and the council will be asked whether it can be used again, so the family does not have to "
             "tell their story again. If either says no, you will be asked for new advice."};
  for (const auto& e : v.earlier)
    p.blocks.push_back(advice_block(advice_title(e) + " sent on " + long_date_or(e.responded_on.value_or("")) +
                                        " (reference " + e.advice_id + ")",
                                    app::parse_sections(e.sections)));
  p.action = giver_href(r.id) + "/reuse";
  p.button = "Offer this advice";
  return p;
}

// --- the family ------------------------------------------------------------------------------------

FormPage family_reuse_page(const app::FamilyReuseView& v) {
  const auto& r = v.request;
  FormPage p;
  p.title = "Using advice again";
  p.nav = "family";
  p.back_href = "/family";
  p.back_text = "Back";
  p.caption = r.child_given_name + " " + r.child_family_name;
  p.heading = "Can we use this advice again?";
  p.intro.push_back("The council asked " + r.organisation_name + " for advice as part of the education, health and "
                    "care needs assessment. Instead of writing new advice, they have offered the advice they wrote on " +
                    long_date_or(v.earlier.responded_on.value_or("")) + ". You can read it below.");
  p.intro.push_back("It will only be used if you and the council both agree. If you say no, they will write new advice.");
  if (r.family_agreed != 0) {
    p.intro.push_back(r.family_agreed > 0 ? "You said yes: the advice can be used again."
                                          : "You said no: they will write new advice.");
    p.form = false;
  } else if (r.status != "requested") {
    p.form = false;
  }
  if (r.status == "submitted" && r.reused_from)
    p.intro.push_back("You and the council both agreed, so this advice now counts as " + r.organisation_name +
                      "'s advice.");
  p.blocks.push_back(advice_block("The advice they offered", v.earlier_sections));
  p.action = "/family/advice-reuse/" + std::to_string(r.id);
  p.button = "Send my answer";
  return p;
}

}  // namespace

void case_advice_data(Data& body, std::int64_t case_id, const std::vector<AdviceRequestRow>& requests, Date today) {
  std::vector<Data> rows;
  for (const auto& r : requests) {
    Data d;
    d.set("reference", r.advice_id);
    d.set("href", council_href(r));
    d.set("organisation", r.organisation_name);
    d.set("advice", advice_title(r));
    d.set("asked_on", long_date_or(r.requested_on));
    d.set("due", long_date_or(r.due_on));
    auto due = Date::parse(r.due_on);
    if (r.status == "requested" && due) d.set("due_tag", tag_data(due_tag(*due, today)));
    else d.set("due_tag", false);
    d.set("status_tag", tag_data(status_tag(r)));
    rows.push_back(d);
  }
  body.set("has_advice_requests", !rows.empty());
  body.set("advice_requests", list_of(std::move(rows)));
  body.set("ask_advice_href", case_href(case_id) + "/advice/new");
}

void register_advice_pages(Router& router, Context& ctx) {
  // --- the council ---------------------------------------------------------------------------------
  router.add(Method::Get, "/cases/{id}/advice/new", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto c = ctx.app.advice.ask_context(req.actor(), id, req.route_string());
    FormState st;
    st.set_date("requested_on", ctx.today());
    return ask_form(req, c, 200, st, false);
  });

  router.add(Method::Post, "/cases/{id}/advice", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto c = ctx.app.advice.ask_context(req.actor(), id, req.route_string());
    auto fields = ask_fields();
    FormState st;
    st.take(req.form);
    app::AdviceRequestInput in;
    in.advice_from = st.value("advice_from");
    if (in.advice_from.empty()) st.fail("advice_from", "advice_from", "Select the advice you are asking for");
    std::string org = st.value("organisation_id");
    if (org.empty() || org.size() > 18 || org.find_first_not_of("0123456789") != std::string::npos)
      st.fail("organisation_id", "organisation_id", "Choose the organisation to ask");
    else
      in.organisation_id = std::stoll(org);
    in.requested_on = read_date(st, "requested_on", "the date the advice was asked for", true);
    int status = 422;
    if (st.ok()) {
      try {
        auto r = ctx.app.advice.request_advice(req.actor(), id, in, req.route_string());
        return Response::redirect(council_href(r));
      } catch (const Error& e) {
        status = show_error(st, fields, e);
      }
    }
    bool show_sharing = false;
    for (const auto& o : c.organisations)
      if (o.organisation.id == in.organisation_id && o.sharing == "none") show_sharing = true;
    return ask_form(req, c, status, st, show_sharing);
  });

  router.add(Method::Get, "/cases/{id}/advice/{request_id}", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto rid = param_or_404(req, "request_id", "There is no advice request at this address.");
    return council_page(req, ctx.app.advice.council_view(req.actor(), id, rid, req.route_string()));
  });

  router.add(Method::Get, "/cases/{id}/advice/{request_id}/withdraw", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto rid = param_or_404(req, "request_id", "There is no advice request at this address.");
    auto v = ctx.app.advice.council_view(req.actor(), id, rid, req.route_string());
    if (v.request.status != "requested" && v.request.status != "declined")
      throw Error(Error::Kind::Conflict, "", "This request has already been " + v.request.status + ".");
    return form_page(req, 200, withdraw_page(v.request), withdraw_fields(), FormState{});
  });

  router.add(Method::Post, "/cases/{id}/advice/{request_id}/withdraw", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto rid = param_or_404(req, "request_id", "There is no advice request at this address.");
    FormState st;
    st.take(req.form);
    int status = 422;
    try {
      ctx.app.advice.withdraw(req.actor(), id, rid, st.value("reason"), req.route_string());
      return Response::redirect(case_href(id) + "/advice/" + std::to_string(rid));
    } catch (const Error& e) {
      status = show_error(st, withdraw_fields(), e);
    }
    auto v = ctx.app.advice.council_view(req.actor(), id, rid, req.route_string());
    return form_page(req, status, withdraw_page(v.request), withdraw_fields(), st);
  });

  router.add(Method::Get, "/cases/{id}/advice/{request_id}/reuse", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto rid = param_or_404(req, "request_id", "There is no advice request at this address.");
    auto v = ctx.app.advice.council_view(req.actor(), id, rid, req.route_string());
    if (!v.reuse_of) throw Error(Error::Kind::NotFound, "request_id", "No earlier advice has been offered for this request.");
    return form_page(req, 200, council_reuse_page(v), agree_fields(false), FormState{});
  });

  router.add(Method::Post, "/cases/{id}/advice/{request_id}/reuse", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no case at this address.");
    auto rid = param_or_404(req, "request_id", "There is no advice request at this address.");
    FormState st;
    st.take(req.form);
    int status = 422;
    if (auto agree = read_agree(st, false)) {
      try {
        ctx.app.advice.council_answer_reuse(req.actor(), id, rid, *agree, req.route_string());
        return Response::redirect(case_href(id) + "/advice/" + std::to_string(rid));
      } catch (const Error& e) {
        status = show_error(st, agree_fields(false), e);
      }
    }
    auto v = ctx.app.advice.council_view(req.actor(), id, rid, req.route_string());
    if (!v.reuse_of) throw Error(Error::Kind::NotFound, "request_id", "No earlier advice has been offered for this request.");
    FormPage p = council_reuse_page(v);
    p.form = true;
    return form_page(req, status, p, agree_fields(false), st);
  });

  // --- the advice giver ----------------------------------------------------------------------------
  router.add(Method::Get, "/advice", Access::Page, [&ctx](Request& req) {
    std::string status = req.query_fields().value("status");
    return inbox_page(req, ctx.app.advice.inbox(req.actor(), status, req.route_string()), status);
  });

  router.add(Method::Get, "/advice/{id}", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string());
    // The child's own words, as the family wrote them once (app/family.h; audited there).
    auto about_me = ctx.app.family.all_about_me(req.actor(), v.request.child_id, req.route_string());
    return giver_page(req, v, about_me);
  });

  router.add(Method::Get, "/advice/{id}/submit", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
    return form_page(req, 200, submit_page(v), submit_fields(), FormState{});
  });

  router.add(Method::Post, "/advice/{id}/submit", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    auto fields = submit_fields();
    FormState st;
    st.take(req.form);
    app::SectionInput in;
    for (const auto& s : app::advice_sections()) in.emplace_back(s.key, st.value(s.key));
    for (const auto& [field, message] : app::validate_sections(in)) st.fail(field, field, message);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.advice.submit(req.actor(), id, in, req.route_string());
        return Response::redirect("/advice?done=submitted");
      } catch (const Error& e) {
        status = show_error(st, fields, e);
      }
    }
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
    return form_page(req, status, submit_page(v), fields, st);
  });

  router.add(Method::Get, "/advice/{id}/decline", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
    return form_page(req, 200, decline_page(v), decline_fields(), FormState{});
  });

  router.add(Method::Post, "/advice/{id}/decline", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    FormState st;
    st.take(req.form);
    int status = 422;
    try {
      ctx.app.advice.decline(req.actor(), id, st.value("reason"), req.route_string());
      return Response::redirect("/advice?done=declined");
    } catch (const Error& e) {
      status = show_error(st, decline_fields(), e);
    }
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
    return form_page(req, status, decline_page(v), decline_fields(), st);
  });

  router.add(Method::Get, "/advice/{id}/reuse", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
    if (v.earlier.empty())
      throw Error(Error::Kind::NotFound, "id", "Your service has not given advice for this child before.");
    return form_page(req, 200, offer_page(v), offer_fields(v), FormState{});
  });

  router.add(Method::Post, "/advice/{id}/reuse", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no advice request at this address.");
    FormState st;
    st.take(req.form);
    std::string earlier = st.value("earlier_id");
    std::int64_t earlier_id = 0;
    if (earlier.empty() || earlier.size() > 18 || earlier.find_first_not_of("0123456789") != std::string::npos)
      st.fail("earlier_id", "earlier_id", "Select the advice you want to offer");
    else
      earlier_id = std::stoll(earlier);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.advice.offer_reuse(req.actor(), id, earlier_id, req.route_string());
        return Response::redirect(giver_href(id));
      } catch (const Error& e) {
        auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
        status = show_error(st, offer_fields(v), e);
      }
    }
    auto v = ctx.app.advice.request_for_giver(req.actor(), id, req.route_string(), app::Capability::AdviceWrite);
    if (v.earlier.empty())
      throw Error(Error::Kind::NotFound, "id", "Your service has not given advice for this child before.");
    return form_page(req, status, offer_page(v), offer_fields(v), st);
  });

  // --- the family ----------------------------------------------------------------------------------
  router.add(Method::Get, "/family/advice-reuse/{id}", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no offer to reuse advice at this address.");
    auto v = ctx.app.advice.reuse_for_family(req.actor(), id, req.route_string());
    return form_page(req, 200, family_reuse_page(v), agree_fields(true), FormState{});
  });

  router.add(Method::Post, "/family/advice-reuse/{id}", Access::Page, [&ctx](Request& req) {
    auto id = param_or_404(req, "id", "There is no offer to reuse advice at this address.");
    FormState st;
    st.take(req.form);
    int status = 422;
    if (auto agree = read_agree(st, true)) {
      try {
        ctx.app.advice.family_answer_reuse(req.actor(), id, *agree, req.route_string());
        return Response::redirect("/family/advice-reuse/" + std::to_string(id));
      } catch (const Error& e) {
        status = show_error(st, agree_fields(true), e);
      }
    }
    auto v = ctx.app.advice.reuse_for_family(req.actor(), id, req.route_string(), app::Capability::FamilyWrite);
    FormPage p = family_reuse_page(v);
    if (status == 422) p.form = true;
    return form_page(req, status, p, agree_fields(true), st);
  });
}

}  // namespace gt::web
