// Annual review rules: R4 and R5 run backwards from the meeting (at least 2 weeks: meeting - 14
// days, on or before), the R4 check names the rule and the earliest meeting late invitations allow,
// progress ratings and recommendations have stable names, and the year group (from Year 9,
// preparation for adulthood: R8) follows the school year from 1 September.
#include "domain/annual_review.h"

#include <gtest/gtest.h>

namespace gt {
namespace {

Date D(const char* s) { return *Date::parse(s); }

TEST(AnnualReviewTest, NoticeAndPapersAreDueTwoWeeksBeforeTheMeeting) {
  struct Row {
    const char* meeting;
    const char* due;
  };
  // The reference's worked example (Thu 12 Mar 2026 -> Thu 26 Feb), a month boundary, a leap
  // year and a year boundary. Weekends and bank holidays move nothing.
  for (const Row& r : {Row{"2026-03-12", "2026-02-26"}, Row{"2026-03-01", "2026-02-15"},
                       Row{"2028-03-13", "2028-02-28"}, Row{"2028-03-14", "2028-02-29"},
                       Row{"2027-01-05", "2026-12-22"}, Row{"2026-12-26", "2026-12-12"}}) {
    auto dates = notice_dates(D(r.meeting));
    ASSERT_EQ(dates.size(), 2u);
    EXPECT_EQ(dates[0].rule, "R4");
    EXPECT_EQ(dates[0].basis, "SEND Regulations 2014 reg 20(3)");
    EXPECT_EQ(dates[1].rule, "R5");
    EXPECT_EQ(dates[1].basis, "SEND Regulations 2014 reg 20(4)");
    EXPECT_EQ(dates[0].due.to_string(), r.due) << r.meeting;
    EXPECT_EQ(dates[1].due.to_string(), r.due) << r.meeting;
    EXPECT_EQ(notice_due(D(r.meeting)).to_string(), r.due);
  }
}

TEST(AnnualReviewTest, TheR4CheckRefusesShortNoticeNamingTheRule) {
  struct Row {
    const char* meeting;
    const char* sent;
    bool ok;
    const char* earliest;  // earliest meeting the sending date allows, when not ok
  };
  for (const Row& r : {Row{"2026-03-12", "2026-02-26", true, ""}, Row{"2026-03-12", "2026-02-01", true, ""},
                       Row{"2026-03-12", "2026-02-27", false, "2026-03-13"},
                       Row{"2026-03-12", "2026-03-12", false, "2026-03-26"},
                       Row{"2026-12-08", "2026-11-25", false, "2026-12-09"}}) {
    auto b = check_notice(D(r.meeting), D(r.sent));
    EXPECT_EQ(!b.has_value(), r.ok) << r.meeting << " sent " << r.sent;
    if (!b) continue;
    EXPECT_EQ(b->rule, "R4");
    EXPECT_EQ(b->basis, "SEND Regulations 2014 reg 20(3)");
    EXPECT_EQ(b->latest_send, notice_due(D(r.meeting)));
    EXPECT_EQ(b->earliest_meeting.to_string(), r.earliest);
    EXPECT_NE(b->reason.find("rule R4"), std::string::npos) << b->reason;
    EXPECT_NE(b->reason.find("reg 20(3)"), std::string::npos) << b->reason;
  }
}

TEST(AnnualReviewTest, PapersCirculatedLateMissR5) {
  EXPECT_EQ(papers_status(D("2026-03-12"), D("2026-02-26")), PapersStatus::Met);
  EXPECT_EQ(papers_status(D("2026-03-12"), D("2026-01-10")), PapersStatus::Met);
  EXPECT_EQ(papers_status(D("2026-03-12"), D("2026-02-27")), PapersStatus::Late);
  EXPECT_EQ(papers_status(D("2026-03-12"), D("2026-03-12")), PapersStatus::Late);
}

TEST(AnnualReviewTest, RatingsAndRecommendationsRoundTrip) {
  ASSERT_EQ(all_progress_ratings().size(), 4u);
  for (auto r : all_progress_ratings()) {
    EXPECT_EQ(parse_progress_rating(progress_rating_name(r)), r);
    EXPECT_FALSE(progress_rating_label(r).empty());
  }
  EXPECT_EQ(progress_rating_name(ProgressRating::OnTrack), "on_track");
  EXPECT_EQ(progress_rating_label(ProgressRating::SomeProgress), "Some progress");
  EXPECT_FALSE(parse_progress_rating("brilliant"));
  EXPECT_FALSE(parse_progress_rating(""));
  ASSERT_EQ(all_recommendations().size(), 3u);
  for (auto r : all_recommendations()) EXPECT_EQ(parse_recommendation(recommendation_name(r)), r);
  EXPECT_FALSE(parse_recommendation("Maintain"));
}

TEST(AnnualReviewTest, YearGroupFollowsTheSchoolYearFromSeptember) {
  struct Row {
    const char* dob;
    const char* on;
    int year;
    bool adulthood;
  };
  for (const Row& r : {
           Row{"2012-09-01", "2026-11-25", 9, true},   // oldest in Year 9
           Row{"2013-08-31", "2026-11-25", 9, true},   // youngest in Year 9
           Row{"2013-09-01", "2026-11-25", 8, false},  // a day younger: Year 8
           Row{"2013-09-01", "2027-09-01", 9, true},   // next September: Year 9
           Row{"2013-09-01", "2027-08-31", 8, false},
           Row{"2016-05-14", "2026-11-25", 6, false},
           Row{"2021-10-01", "2026-11-25", 0, false},  // Reception: turns 5 this school year
           Row{"2022-10-01", "2026-11-25", -1, false},
           Row{"2009-05-01", "2026-11-25", 13, true},
           Row{"2005-05-01", "2026-11-25", 17, true},
       }) {
    EXPECT_EQ(year_group(D(r.dob), D(r.on)), r.year) << r.dob << " on " << r.on;
    EXPECT_EQ(preparation_for_adulthood_applies(D(r.dob), D(r.on)), r.adulthood) << r.dob << " on " << r.on;
  }
  EXPECT_EQ(year_group_label(0), "Reception");
  EXPECT_EQ(year_group_label(9), "Year 9");
  EXPECT_EQ(year_group_label(-1), "Nursery");
  EXPECT_EQ(year_group_label(15), "Past Year 13");
}

}  // namespace
}  // namespace gt
