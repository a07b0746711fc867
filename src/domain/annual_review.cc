// Annual review rules: promises what annual_review.h states (R4/R5 dates, ratings, year group).
#include "domain/annual_review.h"

namespace gt {

namespace {

constexpr std::string_view kR4Basis = "SEND Regulations 2014 reg 20(3)";
constexpr std::string_view kR5Basis = "SEND Regulations 2014 reg 20(4)";

}  // namespace

Date notice_due(Date meeting) { return meeting.plus_days(-14); }

std::vector<ReviewNoticeDate> notice_dates(Date meeting) {
  Date due = notice_due(meeting);
  return {
      {"R4", kR4Basis, "Invite everyone to the review meeting (at least 2 weeks' notice)", due},
      {"R5", kR5Basis, "Gather the advice and information and send it to everyone invited (at least 2 weeks before)",
       due},
  };
}

std::optional<NoticeBreach> check_notice(Date meeting, Date sent_on) {
  Date latest = notice_due(meeting);
  if (sent_on <= latest) return std::nullopt;
  NoticeBreach b;
  b.rule = "R4";
  b.basis = kR4Basis;
  b.latest_send = latest;
  b.earliest_meeting = sent_on.plus_days(14);
  b.reason = "the invitations must go at least 2 weeks before the meeting (rule R4, " + std::string(kR4Basis) +
             "): for a meeting on " + meeting.to_long_string() + " they had to be sent by " +
             latest.to_long_string() + "; with invitations sent on " + sent_on.to_long_string() +
             " the meeting can be on " + b.earliest_meeting.to_long_string() + " or later";
  return b;
}

PapersStatus papers_status(Date meeting, Date circulated_on) {
  return circulated_on <= notice_due(meeting) ? PapersStatus::Met : PapersStatus::Late;
}

const std::vector<ProgressRating>& all_progress_ratings() {
  static const std::vector<ProgressRating> v = {ProgressRating::Achieved, ProgressRating::OnTrack,
                                                ProgressRating::SomeProgress, ProgressRating::NotYet};
  return v;
}

std::string_view progress_rating_name(ProgressRating r) {
  switch (r) {
    case ProgressRating::Achieved: return "achieved";
    case ProgressRating::OnTrack: return "on_track";
    case ProgressRating::SomeProgress: return "some_progress";
    case ProgressRating::NotYet: return "not_yet";
  }
  return "";
}

std::string_view progress_rating_label(ProgressRating r) {
  switch (r) {
    case ProgressRating::Achieved: return "Achieved";
    case ProgressRating::OnTrack: return "On track";
    case ProgressRating::SomeProgress: return "Some progress";
    case ProgressRating::NotYet: return "Not yet";
  }
  return "";
}

std::optional<ProgressRating> parse_progress_rating(std::string_view name) {
  for (auto r : all_progress_ratings())
    if (progress_rating_name(r) == name) return r;
  return std::nullopt;
}

const std::vector<ReviewRecommendation>& all_recommendations() {
  static const std::vector<ReviewRecommendation> v = {ReviewRecommendation::Maintain, ReviewRecommendation::Amend,
                                                      ReviewRecommendation::Cease};
  return v;
}

std::string_view recommendation_name(ReviewRecommendation r) {
  switch (r) {
    case ReviewRecommendation::Maintain: return "maintain";
    case ReviewRecommendation::Amend: return "amend";
    case ReviewRecommendation::Cease: return "cease";
  }
  return "";
}

std::string_view recommendation_label(ReviewRecommendation r) {
  switch (r) {
    case ReviewRecommendation::Maintain: return "Keep the plan as it is";
    case ReviewRecommendation::Amend: return "Change (amend) the plan";
    case ReviewRecommendation::Cease: return "Stop (cease) the plan";
  }
  return "";
}

std::optional<ReviewRecommendation> parse_recommendation(std::string_view name) {
  for (auto r : all_recommendations())
    if (recommendation_name(r) == name) return r;
  return std::nullopt;
}

int year_group(Date dob, Date on) {
  // The school year containing `on` starts on 1 September of this year (or the year before).
  int start = on.month() >= 9 ? on.year() : on.year() - 1;
  // Age on 31 August before that school year: a child aged 4 then is in Reception.
  int age = (start - dob.year()) - ((dob.month() > 8) ? 1 : 0);
  return age - 4;
}

std::string year_group_label(int y) {
  if (y == 0) return "Reception";
  if (y == -1) return "Nursery";
  if (y < -1) return "Early years";
  if (y > 13) return "Past Year 13";
  return "Year " + std::to_string(y);
}

bool preparation_for_adulthood_applies(Date dob, Date meeting) { return year_group(dob, meeting) >= 9; }

}  // namespace gt
