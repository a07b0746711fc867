// Phase transfer: promises what phase_transfer.h states.
#include "domain/phase_transfer.h"

#include <algorithm>

#include "domain/annual_review.h"

namespace gt {

const std::vector<TransferPhase>& all_transfer_phases() {
  static const std::vector<TransferPhase> v = {TransferPhase::EarlyYearsToSchool, TransferPhase::InfantToJunior,
                                               TransferPhase::PrimaryToSecondary, TransferPhase::SecondaryToPost16,
                                               TransferPhase::Post16ToPost16};
  return v;
}

std::string_view transfer_phase_name(TransferPhase p) {
  switch (p) {
    case TransferPhase::EarlyYearsToSchool: return "early_years_to_school";
    case TransferPhase::InfantToJunior: return "infant_to_junior";
    case TransferPhase::PrimaryToSecondary: return "primary_to_secondary";
    case TransferPhase::SecondaryToPost16: return "secondary_to_post16";
    case TransferPhase::Post16ToPost16: return "post16_to_post16";
  }
  return "";
}

std::string_view transfer_phase_label(TransferPhase p) {
  switch (p) {
    case TransferPhase::EarlyYearsToSchool: return "Early years to Reception";
    case TransferPhase::InfantToJunior: return "Infant school to junior school (Year 2 to Year 3)";
    case TransferPhase::PrimaryToSecondary: return "Primary to secondary school (Year 6 to Year 7)";
    case TransferPhase::SecondaryToPost16: return "Secondary school to post-16 (Year 11 to Year 12)";
    case TransferPhase::Post16ToPost16: return "One post-16 institution to another";
  }
  return "";
}

std::optional<TransferPhase> parse_transfer_phase(std::string_view name) {
  for (auto p : all_transfer_phases())
    if (transfer_phase_name(p) == name) return p;
  return std::nullopt;
}

PhaseKind phase_kind_of(TransferPhase p) {
  switch (p) {
    case TransferPhase::SecondaryToPost16: return PhaseKind::Post16;
    case TransferPhase::Post16ToPost16: return PhaseKind::Post16Other;
    default: return PhaseKind::School;
  }
}

Date phase_transfer_due(PhaseKind kind, Date t) {
  switch (kind) {
    case PhaseKind::School: return Date::from_ymd(t.year(), 2, 14);
    case PhaseKind::Post16: return Date::from_ymd(t.year(), 3, 30);
    default: return t.plus_months(-5);
  }
}

PhaseTransferDates phase_transfer_on(TransferPhase phase, Date t) {
  PhaseTransferDates d;
  d.phase = phase;
  d.kind = phase_kind_of(phase);
  switch (phase) {
    case TransferPhase::EarlyYearsToSchool: d.from_year = -1; d.to_year = 0; break;
    case TransferPhase::InfantToJunior: d.from_year = 2; d.to_year = 3; break;
    case TransferPhase::PrimaryToSecondary: d.from_year = 6; d.to_year = 7; break;
    case TransferPhase::SecondaryToPost16: d.from_year = 11; d.to_year = 12; break;
    case TransferPhase::Post16ToPost16: d.from_year = 12; d.to_year = 12; break;
  }
  d.transfer_date = t;
  d.due = phase_transfer_due(d.kind, t);
  switch (d.kind) {
    case PhaseKind::School:
      d.rule = "P1";
      d.basis = "SEND Regulations 2014 reg 18(1)(b)";
      d.lenient_due = Date::from_ymd(t.year(), 2, 15);
      break;
    case PhaseKind::Post16:
      d.rule = "P2";
      d.basis = "SEND Regulations 2014 reg 18(1)(a)";
      d.lenient_due = Date::from_ymd(t.year(), 3, 31);
      break;
    default:
      d.rule = "P3";
      d.basis = "SEND Regulations 2014 reg 18(2)";
      d.lenient_due = d.due;
      break;
  }
  if (d.kind == PhaseKind::Post16Other) {
    d.plan_from = t.plus_months(-12);
    d.autumn_term_ends = d.due;  // no term to wait for: the move can be at any time
  } else {
    d.plan_from = Date::from_ymd(t.year() - 1, 9, 1);
    d.autumn_term_ends = Date::from_ymd(t.year() - 1, 12, 31);
  }
  d.hold_meeting_by = std::min(d.autumn_term_ends, d.due.plus_weeks(-12));
  return d;
}

std::optional<PhaseTransferDates> next_phase_transfer(Date dob, Date today, bool infant_school) {
  int y = year_group(dob, today);
  int start = today.month() >= 9 ? today.year() : today.year() - 1;  // this school year's first September
  for (int k = 0; y + k <= 11; ++k) {
    int from = y + k;
    std::optional<TransferPhase> phase;
    if (from <= -1 && from + 1 == 0) phase = TransferPhase::EarlyYearsToSchool;
    else if (from == 2 && infant_school) phase = TransferPhase::InfantToJunior;
    else if (from == 6) phase = TransferPhase::PrimaryToSecondary;
    else if (from == 11) phase = TransferPhase::SecondaryToPost16;
    if (phase) return phase_transfer_on(*phase, Date::from_ymd(start + 1 + k, 9, 1));
  }
  return std::nullopt;
}

}  // namespace gt
