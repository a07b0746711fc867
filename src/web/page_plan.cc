// Plan pages: the council's plan of a case, issuing a version, and reading and comparing versions.
//   GET  /cases/{id}/plan                                  the plan: versions, the working version, the
//        family's window (A5 / M1) and "nothing to add", the comments on the latest draft or proposed
//        amendments with a response form each
//   POST /cases/{id}/plan/start                            start a working version (303 to section A)
//   POST /cases/{id}/plan/discard                          discard the working version (confirm=yes)
//   POST /cases/{id}/plan/comments/{comment_id}/respond    answer a family comment
//   GET/POST /cases/{id}/plan/issue                        every finding, the kinds it may be issued as,
//        the date served (default today), "issue anyway" when there are findings; the chronology's
//        refusals (e.g. a final plan inside the family's 15 days) come back on their field
//   GET  /plan-versions/{id}                               a version as accessible HTML, for everyone
//        with PlanRead (the app layer decides: no basis 404); headings "Section X: <title>", the
//        elements as plan_lines() text, a link to the PDF (/plan-versions/{id}/pdf)
//   GET  /plan-versions/{id}/compare?with={other}          two versions of the same plan, section by
//        section: only changed lines, each labelled in words (Added / Removed / Changed, with
//        <ins>/<del>), a count; "No changes" for an unchanged section. Without `with`: a form to pick.
// The editor (sections and elements) is page_plan_editor.cc; the family's pages page_plan_family.cc.
// Errors re-render with 422 (409 for a conflict) and the GOV.UK error summary; success answers 303.
#include <algorithm>
#include <cctype>

#include "app/errors.h"
#include "web/api_error.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_plan_parts.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

std::int64_t id_of(const Request& req, const char* name = "id") {
  auto id = req.id_param(name);
  if (!id) throw Error(Kind::NotFound, name, "There is nothing at this address.");
  return *id;
}

std::string window_text(const CommentWindow& w, Date today) {
  std::string what = w.kind == CommentWindow::Kind::DraftPlan ? "the draft plan" : "the proposed amendments";
  std::string s = "The family's 15 days to comment on " + what + " (sent " + long_date(w.sent_on) + ") ";
  if (w.closed_on) return s + "ended when the next version was issued on " + long_date(*w.closed_on) + ".";
  if (w.open(today)) return s + "run until " + long_date(w.last_day) + ".";
  return s + "ended on " + long_date(w.last_day) + ".";
}

// The latest issued version the family may comment on, if it is the newest issued version.
std::optional<store::PlanVersionRow> commentable(const app::PlanOverview& o) {
  if (o.issued.empty()) return std::nullopt;
  const auto& v = o.issued.front();
  if (v.kind == "draft" || v.kind == "proposed_amendments") return v;
  return std::nullopt;
}

// --- the overview --------------------------------------------------------------------------------

struct ResponseInput {
  std::int64_t comment_id = 0;
  std::string value;
  std::string error;
};

Response overview_page(Context& ctx, const Request& req, std::int64_t case_id, int status,
                       const ResponseInput& typed = {}, const std::vector<PageError>& errors = {}) {
  auto o = ctx.app.plans.overview(req.actor(), case_id, req.route_string());
  Data body;
  body.set("case_id", std::to_string(case_id));
  body.set("case_href", "/cases/" + std::to_string(case_id));
  body.set("child_name", o.child_name);
  body.set("plan_href", plan_href(case_id));
  body.set("has_plan", o.plan.has_value());
  std::vector<Data> versions;
  for (const auto& v : o.issued) {
    Data d;
    d.set("number", v.number ? std::to_string(*v.number) : std::string());
    d.set("kind", kind_label(v.kind));
    d.set("issued_on", long_date_or(v.issued_on.value_or("")));
    d.set("href", version_href(v.id));
    d.set("label", version_label(v));
    versions.push_back(std::move(d));
  }
  body.set("has_versions", !versions.empty());
  body.set("versions", list_of(std::move(versions)));
  if (o.issued.size() >= 2) {
    body.set("compare_href", version_href(o.issued.front().id) + "/compare?with=" + std::to_string(o.issued[1].id));
  } else {
    body.set("compare_href", false);
  }
  if (o.working) {
    Data w;
    w.set("updated", long_date_or(o.working->updated_at.substr(0, 10)));
    w.set("kind", kind_label(o.working->kind));
    w.set("edit_href", section_href(case_id, PlanSection::A));
    w.set("read_href", version_href(o.working->id));
    w.set("issue_href", plan_href(case_id) + "/issue");
    w.set("discard_action", plan_href(case_id) + "/discard");
    std::vector<Data> kinds;
    for (auto k : o.may_issue) {
      Data kd;
      kd.set("label", std::string(app::plan_kind_label(k)));
      kinds.push_back(std::move(kd));
    }
    w.set("may_issue", list_of(std::move(kinds)));
    w.set("cannot_issue", o.may_issue.empty());
    body.set("working", w);
    body.set("start_action", false);
  } else {
    body.set("working", false);
    body.set("start_action", plan_href(case_id) + "/start");
  }
  put(body, "window", o.family_window ? window_text(*o.family_window, o.today) : "");
  body.set("nothing_to_add", o.family_said_nothing_to_add);

  auto latest = commentable(o);
  std::vector<Data> comments;
  if (latest) {
    body.set("comments_version", version_label(*latest));
    for (const auto& c : ctx.app.plans.comments(req.actor(), latest->id, req.route_string())) {
      Data d;
      d.set("id", std::to_string(c.id));
      d.set("element", c.element_id == "general" ? std::string("The plan as a whole") : "Part " + c.element_id);
      d.set("body", c.body);
      d.set("author", c.author_name);
      d.set("created", long_date_or(c.created_at.substr(0, 10)));
      put(d, "response", c.response.value_or(""));
      d.set("action", plan_href(case_id) + "/comments/" + std::to_string(c.id) + "/respond");
      d.set("field_id", "response-" + std::to_string(c.id));
      bool mine = typed.comment_id == c.id;
      d.set("typed", mine ? typed.value : std::string());
      put(d, "error", mine ? typed.error : "");
      comments.push_back(std::move(d));
    }
    body.set("has_latest", true);
  } else {
    body.set("has_latest", false);
  }
  body.set("has_comments", !comments.empty());
  body.set("comments", list_of(std::move(comments)));
  return page(req, status, PageFrame{"EHC plan", "caseload", errors}, "plan_overview", body);
}

// --- issuing -------------------------------------------------------------------------------------

std::vector<Field> issue_fields(const app::PlanOverview& o, bool has_findings) {
  Choices kinds;
  for (auto k : o.may_issue) kinds.emplace_back(std::string(app::plan_kind_name(k)), std::string(app::plan_kind_label(k)));
  std::vector<Field> f{
      Field{Field::Kind::Radios, "kind", "Issue this version as", "", kinds, "", "", "text", ""},
      Field{Field::Kind::Date, "served_on", "Date served",
            "The date the plan is sent to the family. The statutory clock counts from this date. For example, 25 11 2026",
            {}, "", "", "text", ""},
  };
  if (has_findings)
    f.push_back(Field{Field::Kind::Checkbox, "confirm", "The checks found problems", "", {}, "", "", "text",
                      "I have read the checks and want to issue this version anyway"});
  return f;
}

Response issue_page(Context& ctx, const Request& req, std::int64_t case_id, int status, FormState st) {
  auto o = ctx.app.plans.overview(req.actor(), case_id, req.route_string());
  auto w = ctx.app.plans.working(req.actor(), case_id, req.route_string());
  auto fields = issue_fields(o, !w.findings.empty());
  st.order_by(fields);
  Data body;
  body.set("child_name", o.child_name);
  body.set("plan_href", plan_href(case_id));
  body.set("action", plan_href(case_id) + "/issue");
  body.set("read_href", version_href(w.row.id));
  body.set("findings", findings_data(w.findings, case_id));
  body.set("has_findings", !w.findings.empty());
  body.set("findings_count", w.findings.size() == 1 ? std::string("1 thing to check")
                                                    : std::to_string(w.findings.size()) + " things to check");
  body.set("can_issue", !o.may_issue.empty());
  put(body, "window", o.family_window ? window_text(*o.family_window, o.today) : "");
  body.set("nothing_to_add", o.family_said_nothing_to_add);
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Issue the plan", "caseload", st.summary}, "plan_issue", body);
}

// --- reading and comparing -----------------------------------------------------------------------

Data version_body(Context& ctx, const app::PlanVersionView& v) {
  Data body;
  body.set("council_name", ctx.app.settings.council_name);
  body.set("council_address", ctx.app.settings.council_address);
  body.set("council_phone", ctx.app.settings.council_phone);
  body.set("council_email", ctx.app.settings.council_email);
  body.set("child_name", v.child_name);
  body.set("label", version_label(v.row));
  body.set("kind", v.row.status == "issued" ? kind_label(v.row.kind) : std::string("Working version"));
  body.set("number", v.row.number ? std::to_string(*v.row.number) : std::string("not issued"));
  body.set("date", v.row.issued_on ? long_date_or(*v.row.issued_on) : "not issued yet");
  body.set("sections", plan_sections_data(v.plan));
  return body;
}

}  // namespace

void register_plan_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/cases/{id}/plan", Access::Page,
             [&ctx](Request& req) { return overview_page(ctx, req, id_of(req), 200); });

  router.add(Method::Post, "/cases/{id}/plan/start", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req);
    try {
      ctx.app.plans.start(req.actor(), id, req.route_string());
    } catch (const Error& e) {
      if (e.kind != Kind::Conflict) throw;
      return overview_page(ctx, req, id, 409, {}, {PageError{"#start", e.reason}});
    }
    return Response::redirect(section_href(id, PlanSection::A));
  });

  router.add(Method::Post, "/cases/{id}/plan/discard", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req);
    if (req.form.value("confirm") != "yes")
      return overview_page(ctx, req, id, 422, {},
                           {PageError{"#confirm", "Confirm that you want to discard the working version"}});
    ctx.app.plans.discard(req.actor(), id, req.route_string());
    return Response::redirect(plan_href(id));
  });

  router.add(Method::Post, "/cases/{id}/plan/comments/{comment_id}/respond", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req);
    std::int64_t comment_id = id_of(req, "comment_id");
    // The comment must be one of this case's (on its latest draft or proposed amendments).
    auto o = ctx.app.plans.overview(req.actor(), id, req.route_string());
    auto latest = commentable(o);
    bool found = false;
    if (latest)
      for (const auto& c : ctx.app.plans.comments(req.actor(), latest->id, req.route_string())) found |= c.id == comment_id;
    if (!found) throw Error(Kind::NotFound, "comment_id", "There is no such comment on this plan.");
    ResponseInput typed{comment_id, req.form.value("response"), ""};
    try {
      ctx.app.plans.respond(req.actor(), comment_id, typed.value, req.route_string());
      return Response::redirect(plan_href(id) + "#comment-" + std::to_string(comment_id));
    } catch (const Error& e) {
      if (e.kind != Kind::Unprocessable && e.kind != Kind::Conflict) throw;
      typed.error = capitalise(e.reason);
      return overview_page(ctx, req, id, status_of(e.kind), typed,
                           {PageError{"#response-" + std::to_string(comment_id), typed.error}});
    }
  });

  router.add(Method::Get, "/cases/{id}/plan/issue", Access::Page, [&ctx](Request& req) {
    FormState st;
    st.set_date("served_on", ctx.today());
    auto o = ctx.app.plans.overview(req.actor(), id_of(req), req.route_string());
    if (o.may_issue.size() == 1) st.set("kind", std::string(app::plan_kind_name(o.may_issue.front())));
    return issue_page(ctx, req, id_of(req), 200, st);
  });

  router.add(Method::Post, "/cases/{id}/plan/issue", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req);
    FormState st;
    st.take(req.form);
    auto o = ctx.app.plans.overview(req.actor(), id, req.route_string());
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    auto fields = issue_fields(o, !w.findings.empty());
    auto kind = app::parse_plan_kind(st.value("kind"));
    if (!kind || std::find(o.may_issue.begin(), o.may_issue.end(), *kind) == o.may_issue.end())
      st.fail("kind", "kind", o.may_issue.empty() ? "This version cannot be issued at this stage of the case"
                                                  : "Select what to issue this version as");
    auto served = read_date(st, "served_on", "the date served", true);
    if (!w.findings.empty() && st.value("confirm") != "yes")
      st.fail("confirm", "confirm",
              "The checks found " + std::to_string(w.findings.size()) +
                  " problems: put them right, or confirm that you want to issue this version anyway");
    int status = 422;
    if (st.ok()) {
      try {
        auto issued = ctx.app.plans.issue(req.actor(), id, *kind, *served, req.route_string());
        return Response::redirect(version_href(issued.row.id));
      } catch (const Error& e) {
        if (e.kind == Kind::NotFound || e.kind == Kind::Forbidden) throw;
        std::string field = e.field == "date" ? "served_on" : e.field;
        if (!find_field(fields, field)) {
          // A problem with the content (validate_plan names "<element>.<field>"): say which part.
          st.fail("kind", "kind", capitalise(e.field.empty() ? e.reason : e.field + ": " + e.reason));
        } else {
          show_app_error(st, fields, field, e.reason);
        }
        status = status_of(e.kind);
      }
    }
    return issue_page(ctx, req, id, status, st);
  });

  router.add(Method::Get, "/plan-versions/{id}", Access::Page, [&ctx](Request& req) {
    auto v = ctx.app.plans.version(req.actor(), id_of(req), req.route_string());
    Data body = version_body(ctx, v);
    body.set("pdf_href", version_href(v.row.id) + "/pdf");
    body.set("compare_href", version_href(v.row.id) + "/compare");
    bool council = req.actor().role == "caseworker" || req.actor().role == "manager";
    body.set("back_href", council ? plan_href(v.case_id) : std::string("/"));
    bool family = req.actor().role == "parent" || req.actor().role == "young_person";
    bool may_comment = v.row.kind == "draft" || v.row.kind == "proposed_amendments";
    put(body, "comment_href", family && may_comment && v.row.status == "issued" ? family_version_href(v.row.id) : "");
    body.set("is_working", v.row.status != "issued");
    return page(req, 200, PageFrame{version_label(v.row), "", {}}, "plan_version", body);
  });

  router.add(Method::Get, "/plan-versions/{id}/compare", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req);
    auto v = ctx.app.plans.version(req.actor(), id, req.route_string());
    auto o = ctx.app.plans.overview(req.actor(), v.case_id, req.route_string());
    std::vector<store::PlanVersionRow> all = o.issued;
    if (o.working) all.insert(all.begin(), *o.working);
    Data body;
    body.set("child_name", v.child_name);
    body.set("this_label", version_label(v.row));
    body.set("this_href", version_href(id));
    body.set("action", version_href(id) + "/compare");
    std::string with_text = req.query_fields().value("with");
    std::vector<PageError> errors;
    std::optional<std::int64_t> with;
    if (!with_text.empty()) {
      std::int64_t n = 0;
      bool digits = with_text.size() < 16 && std::all_of(with_text.begin(), with_text.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; });
      if (digits) n = std::stoll(with_text);
      if (!digits || n == id) errors.push_back(PageError{"#with", "Select another version to compare with"});
      else with = n;
    }
    std::vector<Data> options;
    for (const auto& r : all) {
      if (r.id == id) continue;
      Data d;
      d.set("value", std::to_string(r.id));
      d.set("text", version_label(r));
      d.set("selected", with && *with == r.id);
      options.push_back(std::move(d));
    }
    body.set("options", list_of(std::move(options)));
    put(body, "with_error", errors.empty() ? "" : errors.front().text);
    if (with) {
      auto other = ctx.app.plans.version(req.actor(), *with, req.route_string());
      // The earlier version is the one issued first; a working version is the latest of all.
      auto order = [](const store::PlanVersionRow& r) { return r.number ? *r.number : 1 << 30; };
      bool this_first = order(v.row) < order(other.row);
      std::int64_t earlier = this_first ? id : *with, later = this_first ? *with : id;
      auto cmp = ctx.app.plans.compare(req.actor(), earlier, later, req.route_string());
      Data r;
      r.set("earlier", version_label(this_first ? v.row : other.row));
      r.set("later", version_label(this_first ? other.row : v.row));
      r.set("count", std::to_string(cmp.changed_count));
      r.set("count_words", cmp.changed_count == 1 ? std::string("1 line changed")
                                                  : std::to_string(cmp.changed_count) + " lines changed");
      r.set("sections", comparison_data(cmp));
      body.set("result", r);
    } else {
      body.set("result", false);
    }
    return page(req, errors.empty() ? 200 : 422, PageFrame{"Compare versions of the plan", "", errors},
                "plan_compare", body);
  });

  register_plan_editor(router, ctx);
  register_plan_family_pages(router, ctx);
}

}  // namespace gt::web
