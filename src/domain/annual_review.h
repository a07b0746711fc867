// Annual review: the pure rules of an EHC plan's review meeting - the dates that run backwards from
// a planned meeting (R4 notice to invitees, R5 advice circulated, both at least 2 weeks before),
// the progress ratings of the plan's outcomes, the review's recommendation, and the year group that
// decides when preparation for adulthood must be considered (R8, from Year 9).
//
// Contract:
//  - notice_dates(meeting): R4 and R5 are both due on meeting - 14 days (on or before: "at least 2
//    weeks before" with weeks of 7 calendar days, SEND reference s1.2). Each names its rule ("R4",
//    "R5") and the provision (reg 20(3), reg 20(4)).
//  - check_notice(meeting, sent_on): nullopt when the invitations were sent on or before the R4
//    date; otherwise a NoticeBreach naming R4, the provision, the latest day and the earliest
//    meeting date that sending today's invitations would allow.
//  - papers_status(meeting, circulated_on): whether R5 was met.
//  - year_group(dob, on): the national curriculum year of a child in the school year containing
//    `on` (1 September to 31 August): 0 is Reception (the year the child turns 5), 1..13 as usual,
//    negative for nursery and younger, above 13 past Year 13. preparation_for_adulthood_applies
//    is year_group >= 9 (reg 20(6)).
//  - Progress ratings and recommendations have stable wire names and plain-English labels.
//  - Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace gt {

struct ReviewNoticeDate {
  std::string rule;          // "R4" | "R5"
  std::string_view basis;    // "SEND Regulations 2014 reg 20(3)"
  std::string_view summary;  // plain English
  Date due;                  // on or before
};

// R4 then R5, for a meeting on `meeting`.
std::vector<ReviewNoticeDate> notice_dates(Date meeting);
Date notice_due(Date meeting);  // meeting - 14 days (R4 and R5 alike)

struct NoticeBreach {
  std::string rule;         // "R4"
  std::string_view basis;   // "SEND Regulations 2014 reg 20(3)"
  Date latest_send;         // the last day the invitations could have gone for this meeting
  Date earliest_meeting;    // the first meeting date that invitations sent on `sent_on` allow
  std::string reason;       // plain English naming the rule
};
std::optional<NoticeBreach> check_notice(Date meeting, Date sent_on);

enum class PapersStatus { Met, Late };
PapersStatus papers_status(Date meeting, Date circulated_on);

enum class ProgressRating { Achieved, OnTrack, SomeProgress, NotYet };
std::string_view progress_rating_name(ProgressRating r);   // "achieved" | "on_track" | "some_progress" | "not_yet"
std::string_view progress_rating_label(ProgressRating r);  // "Achieved", "On track", "Some progress", "Not yet"
std::optional<ProgressRating> parse_progress_rating(std::string_view name);
const std::vector<ProgressRating>& all_progress_ratings();

enum class ReviewRecommendation { Maintain, Amend, Cease };
std::string_view recommendation_name(ReviewRecommendation r);   // "maintain" | "amend" | "cease"
std::string_view recommendation_label(ReviewRecommendation r);  // "Keep the plan as it is", ...
std::optional<ReviewRecommendation> parse_recommendation(std::string_view name);
const std::vector<ReviewRecommendation>& all_recommendations();

int year_group(Date date_of_birth, Date on);
std::string year_group_label(int year_group);  // "Reception", "Year 9", "Nursery", "Past Year 13"
bool preparation_for_adulthood_applies(Date date_of_birth, Date meeting);

}  // namespace gt
