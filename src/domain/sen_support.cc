#include "domain/sen_support.h"

#include "domain/codes.h"
#include "domain/free_text.h"
#include "domain/text.h"

namespace gt {

namespace {

void check_not_future(Date d, Date today, const char* field, const char* what, std::vector<FieldError>& out) {
  if (today < d) out.push_back({field, std::string(what) + " must be today or in the past"});
}

}  // namespace

std::vector<FieldError> validate_sen_support(SenSupport& s, Date date_of_birth, Date today) {
  trim(s.area_of_need);
  trim_upper(s.primary_type);
  trim_upper(s.secondary_type);
  std::vector<FieldError> errors;
  bool area_ok = false;
  if (s.area_of_need.empty())
    errors.push_back({"area_of_need", "Select the area of need"});
  else if (!broad_areas().contains(s.area_of_need))
    errors.push_back({"area_of_need", "The area of need must be one of the four broad areas of the SEND Code of Practice"});
  else
    area_ok = true;

  const CodeList& types = support_sen_types();
  if (s.primary_type.empty()) {
    errors.push_back({"primary_type", "Select the primary type of need"});
  } else if (!types.contains(s.primary_type)) {
    errors.push_back({"primary_type", "The primary type of need must be one of the school census SEN type codes"});
  } else if (area_ok) {
    auto area = broad_area_of(s.primary_type);
    if (!area.empty() && area != s.area_of_need)
      errors.push_back({"primary_type", std::string(types.label(s.primary_type)) + " is in the area \"" +
                                            std::string(broad_areas().label(area)) +
                                            "\": choose that area of need, or another primary type"});
  }
  if (!s.secondary_type.empty()) {
    if (!types.contains(s.secondary_type))
      errors.push_back({"secondary_type", "The secondary type of need must be one of the school census SEN type codes, or none"});
    else if (s.secondary_type == s.primary_type)
      errors.push_back({"secondary_type", "The secondary type of need must differ from the primary type"});
    else if (s.secondary_type == "NSA" || s.primary_type == "NSA")
      errors.push_back({"secondary_type", "NSA (no specialist assessment) cannot be recorded with another type of need"});
  }
  check_not_future(s.start_date, today, "start_date", "The date SEN support started", errors);
  if (s.start_date < date_of_birth)
    errors.push_back({"start_date", "The date SEN support started cannot be before the child was born"});
  check_free_text(s.provision, "provision", "The provision already made", true, errors);
  return errors;
}

std::vector<FieldError> validate_cycle_start(SupportCycle& c, Date date_of_birth, Date today) {
  std::vector<FieldError> errors;
  check_not_future(c.started_on, today, "started_on", "The date the cycle started", errors);
  if (c.started_on < date_of_birth)
    errors.push_back({"started_on", "The date the cycle started cannot be before the child was born"});
  check_free_text(c.assess, "assess", "What was assessed", true, errors);
  check_free_text(c.plan, "plan", "The plan", true, errors);
  check_free_text(c.provision, "provision", "The provision made", true, errors);
  return errors;
}

std::vector<FieldError> validate_cycle_review(SupportCycle& c, Date today) {
  std::vector<FieldError> errors;
  if (!c.reviewed_on) {
    errors.push_back({"reviewed_on", "Enter the date of the review"});
  } else {
    check_not_future(*c.reviewed_on, today, "reviewed_on", "The date of the review", errors);
    if (*c.reviewed_on < c.started_on)
      errors.push_back({"reviewed_on", "The date of the review cannot be before the cycle started"});
  }
  check_free_text(c.outcomes, "outcomes", "The outcomes", true, errors);
  check_free_text(c.review, "review", "The review", true, errors);
  return errors;
}

bool is_evidence(const SupportCycle& c) {
  return c.reviewed_on.has_value() && !trimmed(c.provision).empty() && !trimmed(c.outcomes).empty();
}

}  // namespace gt
