// Page text: plain-English wording for the pages (see page_text.h).
#include "web/page_text.h"

#include <cctype>

#include "domain/codes.h"

namespace gt::web {

std::string long_date(Date d) {
  std::string s = d.to_long_string();  // "Monday 6 January 2025"
  auto sp = s.find(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}

std::string long_date_or(std::string_view iso) {
  if (auto d = Date::parse(iso)) return long_date(*d);
  return std::string(iso);
}

std::string days_phrase(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

Tag due_tag(Date due, Date today) {
  int n = due - today;
  if (n < 0) return {"Overdue by " + days_phrase(-n), "govuk-tag govuk-tag--red"};
  if (n == 0) return {"Due today", "govuk-tag govuk-tag--orange"};
  if (n < 7) return {"Due in " + days_phrase(n), "govuk-tag govuk-tag--orange"};
  return {"Due in " + days_phrase(n), "govuk-tag govuk-tag--blue"};
}

Tag deadline_tag(const Deadline& d, Date today) {
  switch (d.status) {
    case DeadlineStatus::Disapplied: return {"Disapplied (exception)", "govuk-tag govuk-tag--grey"};
    case DeadlineStatus::Met: return {"Met on " + long_date(*d.met_on), "govuk-tag govuk-tag--green"};
    case DeadlineStatus::Missed:
      if (d.met_on) return {"Missed: done late on " + long_date(*d.met_on), "govuk-tag govuk-tag--red"};
      if (d.family_deadline) return {"Passed on " + long_date(d.due), "govuk-tag govuk-tag--grey"};
      return due_tag(d.due, today);
    case DeadlineStatus::Pending:
      if (d.met_on) return {"Done on " + long_date(*d.met_on), "govuk-tag govuk-tag--green"};
      return due_tag(d.due, today);
  }
  return {"Unknown", "govuk-tag govuk-tag--grey"};
}

std::string rule_summary(std::string_view rule) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kRules = {
      {"A1", "Decide whether to assess"},
      {"A3", "Advice to be sent"},
      {"A4", "Tell the family if no plan will be issued"},
      {"A5", "Family's last day to respond to the draft plan"},
      {"A6", "Issue the final EHC plan"},
      {"A7", "Send the draft plan"},
      {"R1", "Complete the first annual review"},
      {"R2", "Complete the next annual review"},
      {"R6", "Send the annual review report"},
      {"R7", "Send the review decision"},
      {"M2", "Issue the amended plan (8 weeks from proposals)"},
      {"M4", "Issue the amended plan (12 weeks from review meeting)"},
      {"P1", "Amend the plan for the school transfer"},
      {"P2", "Amend the plan for the post-16 transfer"},
      {"P3", "Amend the plan for the next post-16 move"},
      {"C4", "Last day to respond to the proposal to cease the plan"},
      {"T1", "Family's last day to appeal"},
  };
  for (const auto& [r, s] : kRules)
    if (r == rule) return std::string(s);
  return std::string(rule);
}

const Choices& source_choices() {
  static const Choices c = [] {
    Choices v;
    for (const auto& code : request_sources()) v.emplace_back(std::string(code.code), std::string(code.label));
    return v;
  }();
  return c;
}

const Choices& outcome_choices(std::string_view event_type) {
  static const Choices assess = {{"assess", "Assess: carry out an EHC needs assessment"},
                                 {"not_assess", "Not assess: refuse the request"}};
  static const Choices issue = {{"issue", "Issue an EHC plan"}, {"not_issue", "Not issue a plan"}};
  static const Choices review = {
      {"maintain", "Keep the plan as it is"}, {"amend", "Amend the plan"}, {"cease", "Cease the plan"}};
  static const Choices none;
  if (event_type == "decision_to_assess") return assess;
  if (event_type == "decision_to_issue") return issue;
  if (event_type == "review_decision") return review;
  return none;
}

const Choices& advice_from_choices() {
  static const Choices c = {{"education", "Education (the school or setting)"},
                            {"educational_psychology", "Educational psychology"},
                            {"health", "Health"},
                            {"social_care", "Social care"},
                            {"other", "Other"}};
  return c;
}

const Choices& exception_reason_choices() {
  static const Choices c = {
      {"EX-SCHOOL", "School or college closed for 4 weeks or more"},
      {"EX-EY", "Early years provider closed for 4 weeks or more"},
      {"EX-PERSONAL", "Exceptional personal circumstances of the child, young person or parent"},
      {"EX-ABSENT", "Child, young person or parent away from the area for 4 weeks or more"}};
  return c;
}

const Choices& phase_kind_choices() {
  static const Choices c = {{"school", "Moving between schools (for example, primary to secondary)"},
                            {"post16", "Moving from secondary school to post-16 education"},
                            {"post16_other", "Moving from one post-16 institution to another"}};
  return c;
}

std::string choice_label(const Choices& c, std::string_view value) {
  for (const auto& [v, l] : c)
    if (v == value) return l;
  return std::string(value);
}

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace gt::web
