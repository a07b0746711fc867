// Family plan pages: a parent or young person comments on a draft plan or on proposed amendments,
// part by part, and can say they have nothing to add.
//   GET  /family/plan-versions/{id}                   the version, each part with "Comment on this
//        part" (?element=B-1 chooses it in the form), their comments and the council's answers, the
//        last day of their 15 days (A5 / M1), the comment form and "I have nothing to add"
//   POST /family/plan-versions/{id}/comments          element, comment
//   POST /family/plan-versions/{id}/nothing-to-add    confirm=yes
// What this promises: the family area (audience.h) and the app layer's FamilyWrite decide; a version
// the family cannot see is 404. Comments are taken only on the latest issued version when it is a
// draft or proposed amendments (otherwise the page says so and shows no form; a POST is 409).
// Errors: 422 with the GOV.UK error summary and the comment kept. Success: 303 back to the page.
#include "app/errors.h"
#include "web/api_error.h"
#include "web/page_form.h"
#include "web/page_plan_parts.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

std::int64_t version_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Kind::NotFound, "id", "There is no plan at this address.");
  return *id;
}

std::string short_text(const std::string& s) { return s.size() > 80 ? s.substr(0, 77) + "..." : s; }

Response family_page(Context& ctx, const Request& req, std::int64_t version_id, int status, FormState st) {
  auto v = ctx.app.plans.version(req.actor(), version_id, req.route_string());
  auto o = ctx.app.plans.overview(req.actor(), v.case_id, req.route_string());
  auto comments = ctx.app.plans.comments(req.actor(), version_id, req.route_string());
  bool commentable_kind = v.row.kind == "draft" || v.row.kind == "proposed_amendments";
  bool latest = !o.issued.empty() && o.issued.front().id == version_id;
  bool may_comment = commentable_kind && latest;

  Data body;
  body.set("child_name", v.child_name);
  body.set("label", version_label(v.row));
  body.set("is_amendments", v.row.kind == "proposed_amendments");
  body.set("read_href", version_href(version_id));
  body.set("pdf_href", version_href(version_id) + "/pdf");
  body.set("may_comment", may_comment);
  body.set("not_commentable", !commentable_kind);
  body.set("superseded", commentable_kind && !latest);
  body.set("nothing_to_add", may_comment && o.family_said_nothing_to_add);
  body.set("can_say_nothing", may_comment && !o.family_said_nothing_to_add);
  if (o.family_window && may_comment) {
    body.set("last_day", long_date(o.family_window->last_day));
    body.set("window_open", o.family_window->open(o.today));
  } else {
    body.set("last_day", false);
    body.set("window_open", false);
  }
  body.set("comment_action", family_version_href(version_id) + "/comments");
  body.set("nothing_action", family_version_href(version_id) + "/nothing-to-add");

  // Each part with its comments.
  std::vector<Data> sections;
  Choices parts{{"", "Choose a part of the plan"}, {"general", "The plan as a whole"}};
  auto lines = plan_lines(v.plan);
  auto comment_data = [&](const store::PlanCommentRow& c) {
    Data d;
    d.set("id", std::to_string(c.id));
    d.set("body", c.body);
    d.set("author", c.author_name);
    d.set("created", long_date_or(c.created_at.substr(0, 10)));
    put(d, "response", c.response.value_or(""));
    return d;
  };
  for (auto s : all_plan_sections()) {
    Data sd;
    sd.set("heading", section_heading(s));
    sd.set("question", std::string(plan_section_question(s)));
    std::vector<Data> items;
    for (const auto& l : lines) {
      if (l.section != s) continue;
      parts.emplace_back(l.id, l.id + ": " + short_text(l.text));
      Data i;
      i.set("id", l.id);
      i.set("anchor", "element-" + l.id);
      i.set("text", l.text);
      i.set("comment_href", family_version_href(version_id) + "?element=" + l.id + "#element");
      std::vector<Data> mine;
      for (const auto& c : comments)
        if (c.element_id == l.id) mine.push_back(comment_data(c));
      i.set("has_comments", !mine.empty());
      i.set("comments", list_of(std::move(mine)));
      items.push_back(std::move(i));
    }
    sd.set("empty", items.empty());
    sd.set("lines", list_of(std::move(items)));
    sections.push_back(std::move(sd));
  }
  body.set("sections", list_of(std::move(sections)));
  std::vector<Data> general;
  for (const auto& c : comments)
    if (c.element_id == "general") general.push_back(comment_data(c));
  body.set("has_general", !general.empty());
  body.set("general", list_of(std::move(general)));
  body.set("comment_count", std::to_string(comments.size()));

  std::vector<Field> fields{
      Field{Field::Kind::Select, "element", "Which part of the plan is your comment about?",
            "Each part has a number, like B-1. You can also comment on the plan as a whole", parts, "", "", "text", ""},
      Field{Field::Kind::Textarea, "comment", "Your comment",
            "Say what you think is wrong or missing, and what you would like it to say", {}, "", "", "text", ""}};
  std::vector<Field> confirm{Field{Field::Kind::Checkbox, "confirm", "Nothing to add", "", {}, "", "", "text",
                                   "I have read the plan and I have nothing to add"}};
  std::vector<Field> all = fields;
  all.push_back(confirm.front());
  st.order_by(all);
  body.set("fields", fields_data(fields, st));
  Data c;
  c.set("fields", fields_data(confirm, st));
  body.set("confirm", c);
  std::string title = v.row.kind == "proposed_amendments" ? "Comment on the proposed changes to the plan"
                                                          : "Comment on the draft plan";
  body.set("title", title);
  return page(req, status, PageFrame{title, "family", st.summary}, "plan_family", body);
}

}  // namespace

void register_plan_family_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/family/plan-versions/{id}", Access::Page, [&ctx](Request& req) {
    FormState st;
    std::string element = req.query_fields().value("element");
    if (!element.empty()) st.set("element", element);
    return family_page(ctx, req, version_of(req), 200, st);
  });

  router.add(Method::Post, "/family/plan-versions/{id}/comments", Access::Page, [&ctx](Request& req) {
    std::int64_t id = version_of(req);
    ctx.app.plans.version(req.actor(), id, req.route_string());  // the version first: 404 without a basis
    FormState st;
    st.take(req.form);
    std::string element = st.value("element");
    if (element.empty()) st.fail("element", "element", "Choose the part of the plan your comment is about");
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.plans.comment(req.actor(), id, element, st.value("comment"), req.route_string());
        return Response::redirect(family_version_href(id) + "#element-" + (element == "general" ? "general" : element));
      } catch (const Error& e) {
        if (e.kind == Kind::NotFound || e.kind == Kind::Forbidden) throw;
        std::string field = e.field == "comment" ? "comment" : "element";
        std::string reason = e.field == "comment" || e.field == "element"
                                 ? e.reason
                                 : "You cannot comment on this version of the plan: " + e.reason;
        st.fail(field, field, capitalise(reason));
        status = status_of(e.kind);
      }
    } else {
      // Every problem at once.
      if (st.value("comment").find_first_not_of(" \t\r\n") == std::string::npos)
        st.fail("comment", "comment", "Enter your comment");
    }
    return family_page(ctx, req, id, status, st);
  });

  router.add(Method::Post, "/family/plan-versions/{id}/nothing-to-add", Access::Page, [&ctx](Request& req) {
    std::int64_t id = version_of(req);
    ctx.app.plans.version(req.actor(), id, req.route_string());
    FormState st;
    st.take(req.form);
    if (st.value("confirm") != "yes") {
      st.fail("confirm", "confirm", "Tick the box to say you have nothing to add");
      return family_page(ctx, req, id, 422, st);
    }
    try {
      ctx.app.plans.nothing_to_add(req.actor(), id, req.route_string());
    } catch (const Error& e) {
      if (e.kind != Kind::Conflict) throw;
      st.fail("confirm", "confirm", capitalise(e.reason));
      return family_page(ctx, req, id, 409, st);
    }
    return Response::redirect(family_version_href(id) + "#nothing-to-add");
  });
}

}  // namespace gt::web
