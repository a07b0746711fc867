// Case page: GET /cases/{id} - the child, the stage, every deadline of the statutory clock (rule,
// plain-English summary, the provision it applies, start, due, status as a GOV.UK tag with its
// meaning in words), whether the plan came within 20 weeks, the timeline of every recorded entry
// (corrected entries struck through, with the correction's reason, who made it and when; strike-outs
// shown as such), links to record each event the case allows next, the advice asked of organisations
// (page_advice.h) and what schools sent (the request the case began with, contributions to
// reviews: page_school.h).
#include <algorithm>
#include <map>

#include "domain/sen2_items.h"
#include "web/page_advice.h"
#include "web/page_event_fields.h"
#include "web/page_layout.h"
#include "web/page_school.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

std::string recorded_line(const store::EventRow& r) {
  std::string who = r.recorded_by_name.empty() ? "unknown" : r.recorded_by_name;
  return "Recorded by " + who + " on " + long_date_or(r.recorded_at.substr(0, 10));
}

std::string type_label(const std::string& type) {
  auto t = parse_event_type(type);
  return t ? std::string(event_type_label(*t)) : type;
}

}  // namespace

void register_case_page(Router& router, Context& ctx) {
  router.add(Method::Get, "/cases/{id}", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw app::Error(app::Error::Kind::NotFound, "id", "There is no case at this address.");
    app::CaseView v = ctx.casework.case_view(req.actor(), *id, req.route_string());
    const std::string base = "/cases/" + std::to_string(v.summary.id);

    Data body;
    std::string child_name = v.child.given_name + " " + v.child.family_name;
    body.set("case_id", std::to_string(v.summary.id));
    body.set("child_name", child_name);
    body.set("child_href", "/children/" + std::to_string(v.child.id));
    body.set("dob", long_date(v.child.date_of_birth));
    body.set("stage", std::string(stage_label(v.stage)));
    body.set("caseworker", v.summary.caseworker_name.empty() ? "Not assigned" : v.summary.caseworker_name);
    body.set("today", long_date(v.today));
    body.set("reviews_href", base + "/reviews");  // page_review.cc
    body.set("plan_href", base + "/plan");  // page_plan.cc: write, issue and read the EHC plan

    // What still has to happen comes first, soonest due first; then everything done or disapplied,
    // in the clock's order.
    std::vector<const Deadline*> shown;
    for (const auto& d : v.clock.deadlines) shown.push_back(&d);
    std::stable_sort(shown.begin(), shown.end(), [](const Deadline* a, const Deadline* b) {
      if (a->open() != b->open()) return a->open();
      return a->open() && a->due < b->due;
    });
    std::vector<Data> deadlines;
    for (const Deadline* dp : shown) {
      const Deadline& d = *dp;
      Data r;
      r.set("rule", d.rule + (d.id.empty() ? "" : " (" + d.id + ")"));
      r.set("summary", std::string(d.summary));
      r.set("basis", std::string(d.basis));
      r.set("family", d.family_deadline);
      r.set("start", long_date(d.start));
      r.set("due", long_date(d.due));
      Tag t = deadline_tag(d, v.today);
      r.set("tag_text", t.text);
      r.set("tag_css", t.css);
      deadlines.push_back(r);
    }
    body.set("deadlines", list_of(deadlines));
    body.set("has_deadlines", !deadlines.empty());
    if (!v.clock.within_20_weeks) body.set("within_20", "Not known yet: no final plan has been issued");
    else body.set("within_20", *v.clock.within_20_weeks ? "Yes: the final plan was issued within 20 weeks"
                                                         : "No: the final plan was issued after 20 weeks");
    body.set("week20_exception", v.clock.week20_exception);
    // The SEN2 return items this chronology sets as at today (domain/sen2_items.h); ceasing (page_cease.cc).
    std::vector<Data> sen2;
    for (const auto& [tag, value] : sen2_items(v.chronology, v.today).items()) {
      Data item;
      item.set("tag", tag);
      item.set("value", value.empty() ? "Not set" : value);
      sen2.push_back(std::move(item));
    }
    body.set("sen2_items", list_of(std::move(sen2)));
    body.set("cease_href", base + "/cease");

    // Timeline: every row, by the date of what happened, then the order recorded.
    std::map<std::int64_t, const store::EventRow*> rows;
    for (const auto& h : v.history) rows[h.row.id] = &h.row;
    std::vector<const app::HistoryEntry*> order;
    for (const auto& h : v.history) order.push_back(&h);
    std::stable_sort(order.begin(), order.end(), [](const app::HistoryEntry* a, const app::HistoryEntry* b) {
      return a->row.event_date < b->row.event_date;
    });
    std::vector<Data> timeline;
    for (const app::HistoryEntry* h : order) {
      Data t;
      t.set("date", long_date_or(h->row.event_date));
      t.set("label", type_label(h->row.type));
      t.set("recorded", recorded_line(h->row));
      put(t, "details", h->event ? event_details(*h->event) : "");
      bool struck = h->superseded_by.has_value() || !h->event;
      t.set("struck", struck);
      t.set("strike_out", !h->event);
      std::string note;
      if (!h->event) {
        note = "Struck out: the entry was wrong and has been removed from the chronology. Reason: " + h->row.reason.value_or("");
      } else if (h->superseded_by) {
        auto it = rows.find(*h->superseded_by);
        if (it != rows.end()) {
          const store::EventRow& c = *it->second;
          note = std::string(c.payload ? "Corrected" : "Struck out") + " by " +
                 (c.recorded_by_name.empty() ? "unknown" : c.recorded_by_name) + " on " +
                 long_date_or(c.recorded_at.substr(0, 10)) + ". Reason: " + c.reason.value_or("");
        }
      } else if (h->row.supersedes) {
        note = "Correction of an earlier entry. Reason: " + h->row.reason.value_or("");
      }
      put(t, "note", note);
      if (h->event && !h->superseded_by)
        t.set("correct_href", base + "/events/" + std::to_string(h->row.id) + "/correct");
      else
        t.set("correct_href", false);
      timeline.push_back(t);
    }
    body.set("timeline", list_of(timeline));

    std::vector<Data> next;
    for (EventType t : v.allowed_next) {
      Data n;
      n.set("href", base + "/events/new?type=" + std::string(event_type_name(t)));
      n.set("label", std::string(event_type_label(t)));
      next.push_back(n);
    }
    body.set("next_events", list_of(next));
    // Advice asked of organisations: each request's status and due date, and the link to ask (page_advice.h).
    case_advice_data(body, v.summary.id, ctx.app.advice.requests_of_case(req.actor(), v.summary.id, req.route_string()),
                     v.today);
    // What schools sent: the request the case began with, contributions to reviews (page_school.h).
    school_case_data(body, ctx.app.schools.for_case(req.actor(), v.summary.id, req.route_string()));
    // Provision delivered against the plan in force, and its shortfalls (page_delivery.cc).
    if (auto dv = ctx.app.delivery.of_case(req.actor(), v.summary.id, req.route_string()); dv.in_force) {
      Data del;
      del.set("href", "/delivery/cases/" + std::to_string(v.summary.id));
      del.set("has_shortfalls", dv.shortfalls > 0);
      del.set("shortfalls", std::to_string(dv.shortfalls));
      body.set("delivery", del);
    } else {
      body.set("delivery", false);
    }
    return page(req, 200, PageFrame{"Case of " + child_name, "caseload", {}}, "case", body);
  });
}

}  // namespace gt::web
