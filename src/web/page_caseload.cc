// Caseload page: GET / - the counts (overdue, due this week, by stage, each a link to the filtered
// list), the filter form (GET: overdue, due within N days, stage, caseworker; query strings carry
// only these filters, never personal data) and the table of cases sorted by next due date, paged
// with the GOV.UK pagination component. An unreadable filter is shown in the error summary (422)
// and ignored.
#include <charconv>

#include "domain/chronology.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

constexpr int kPerPage = 25;

std::optional<long long> to_int(std::string_view s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

const std::vector<Stage>& stages() {
  static const std::vector<Stage> s = {Stage::Request, Stage::Assessment, Stage::Drafting, Stage::Plan,
                                       Stage::Review,  Stage::Amendment,  Stage::Closed};
  return s;
}

std::string query_of(const FormState& st, int page_no) {
  std::string q;
  auto add = [&](const std::string& k, const std::string& v) {
    if (v.empty()) return;
    q += (q.empty() ? "?" : "&") + k + "=" + url_encode(v);
  };
  add("overdue", st.value("overdue"));
  add("due_within", st.value("due_within"));
  add("stage", st.value("stage"));
  add("caseworker", st.value("caseworker"));
  if (page_no > 1) add("page", std::to_string(page_no));
  return q.empty() ? "/" : "/" + q;
}

}  // namespace

void register_caseload_page(Router& router, Context& ctx) {
  router.add(Method::Get, "/", Access::Page, [&ctx](Request& req) {
    // Everyone starts at "/"; only the council's staff have a caseload.
    if (req.actor().role != "caseworker" && req.actor().role != "manager") return Response::redirect(home_for(req.actor()));
    Form q = req.query_fields();
    FormState st;
    app::CaseloadFilter f;
    f.per_page = kPerPage;
    if (q.value("overdue") == "yes") {
      f.overdue = true;
      st.set("overdue", "yes");
    }
    if (auto v = q.value("due_within"); !v.empty()) {
      st.set("due_within", v);
      auto n = to_int(v);
      if (!n || *n < 0 || *n > 3660)
        st.fail("due_within", "due_within", "Due within must be a whole number of days from 0 to 3660");
      else
        f.due_within = static_cast<int>(*n);
    }
    if (auto v = q.value("stage"); !v.empty()) {
      st.set("stage", v);
      if (auto s = parse_stage(v)) f.stage = *s;
      else st.fail("stage", "stage", "Select a stage from the list");
    }
    if (auto v = q.value("caseworker"); !v.empty()) {
      st.set("caseworker", v);
      auto n = to_int(v);
      if (!n || *n <= 0) st.fail("caseworker", "caseworker", "Select a caseworker from the list");
      else f.caseworker_id = *n;
    }
    if (auto v = q.value("page"); !v.empty()) {
      auto n = to_int(v);
      if (n && *n >= 1 && *n <= 100000) f.page = static_cast<int>(*n);
    }

    app::CaseloadPage cl = ctx.casework.caseload(req.actor(), f, req.route_string());
    // The counts follow the caseworker filter, and so do the links from them.
    app::CaseloadSummary sum = ctx.casework.caseload_summary(req.actor(), f.caseworker_id);
    const std::string scope = f.caseworker_id ? "&caseworker=" + std::to_string(*f.caseworker_id) : "";

    Data body;
    body.set("scope", scope);
    body.set("overdue_count", std::to_string(sum.overdue));
    body.set("due_week_count", std::to_string(sum.due_this_week));
    std::vector<Data> by_stage;
    for (const auto& [stage, n] : sum.by_stage) {
      Data d;
      d.set("label", std::string(stage_label(stage)));
      d.set("count", std::to_string(n));
      d.set("href", "/?stage=" + std::string(stage_name(stage)) + scope);
      by_stage.push_back(d);
    }
    body.set("by_stage", list_of(by_stage));

    // Filters.
    Choices stage_opts{{"", "Any stage"}};
    for (Stage s : stages()) stage_opts.emplace_back(std::string(stage_name(s)), std::string(stage_label(s)));
    Choices staff_opts{{"", "Anyone"}};
    for (const auto& a : ctx.accounts.staff()) staff_opts.emplace_back(std::to_string(a.user_id), a.name);
    std::vector<Field> filters = {
        Field{Field::Kind::Checkbox, "overdue", "Overdue", "", {}, "", "", "text", "Only cases with an overdue deadline"},
        Field{Field::Kind::Text, "due_within", "Due within (days)", "For example, 14", {}, "govuk-input--width-3", "",
              "text", ""},
        Field{Field::Kind::Select, "stage", "Stage", "", stage_opts, "", "", "text", ""},
        Field{Field::Kind::Select, "caseworker", "Caseworker", "", staff_opts, "", "", "text", ""},
    };
    body.set("fields", fields_data(filters, st));
    body.set("filtered", !st.value("overdue").empty() || !st.value("due_within").empty() ||
                             !st.value("stage").empty() || !st.value("caseworker").empty());

    // Table.
    std::vector<Data> rows;
    for (const auto& c : cl.cases) {
      Data r;
      r.set("href", "/cases/" + std::to_string(c.id));
      r.set("child_name", c.child_given_name + " " + c.child_family_name);
      auto st_enum = parse_stage(c.stage);
      r.set("stage", st_enum ? std::string(stage_label(*st_enum)) : c.stage);
      if (c.next_due) {
        Data n;
        n.set("rule", c.next_rule.value_or(""));
        n.set("summary", rule_summary(c.next_rule.value_or("")));
        n.set("due", long_date_or(*c.next_due));
        if (auto d = Date::parse(*c.next_due)) {
          Tag t = due_tag(*d, cl.today);
          n.set("tag_text", t.text);
          n.set("tag_css", t.css);
        } else {
          n.set("tag_text", false);
        }
        r.set("next", n);
      } else {
        r.set("next", false);
      }
      put(r, "caseworker", c.caseworker_name);
      rows.push_back(r);
    }
    body.set("rows", list_of(rows));
    body.set("total", std::to_string(cl.total));
    int pages = cl.total == 0 ? 1 : (cl.total + cl.per_page - 1) / cl.per_page;
    int first = cl.total == 0 ? 0 : (cl.page - 1) * cl.per_page + 1;
    int last = std::min(cl.total, cl.page * cl.per_page);
    body.set("first", std::to_string(first));
    body.set("last", std::to_string(last));
    body.set("today", long_date(cl.today));

    // Pagination: first, last, current and its neighbours, with ellipses between.
    if (pages > 1) {
      Data pg;
      if (cl.page > 1) pg.set("prev", query_of(st, cl.page - 1));
      else pg.set("prev", false);
      if (cl.page < pages) pg.set("next", query_of(st, cl.page + 1));
      else pg.set("next", false);
      std::vector<Data> items;
      int prev_shown = 0;
      for (int i = 1; i <= pages; ++i) {
        if (i != 1 && i != pages && (i < cl.page - 1 || i > cl.page + 1)) continue;
        if (prev_shown && i > prev_shown + 1) {
          Data e;
          e.set("ellipsis", true);
          items.push_back(e);
        }
        Data it;
        it.set("ellipsis", false);
        it.set("number", std::to_string(i));
        it.set("href", query_of(st, i));
        it.set("current", i == cl.page);
        items.push_back(it);
        prev_shown = i;
      }
      pg.set("items", list_of(items));
      body.set("pagination", pg);
    } else {
      body.set("pagination", false);
    }
    return page(req, st.ok() ? 200 : 422, PageFrame{"Caseload", "caseload", st.summary}, "caseload", body);
  });
}

}  // namespace gt::web
