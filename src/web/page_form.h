// Page form: the GOV.UK form pattern shared by every page form - the fields a form shows, the values
// a user typed (kept when the form comes back with errors), the errors per field and the error
// summary that links to each one.
//
// Contract:
//  - A Field describes one question: text input, date input (day/month/year in a fieldset with a
//    legend), radios (fieldset with a legend), a single checkbox, a select or a textarea. form_fields.mustache
//    renders it with its label, hint, inline error message and aria-describedby.
//  - Input ids follow GOV.UK Frontend's macros: a date's inputs are NAME-day, NAME-month, NAME-year;
//    the first radio or checkbox is NAME, the next NAME-2, ...; so an error links to the first input
//    of its field (anchor()).
//  - read_date reads NAME-day/-month/-year: all empty is "missing" (an error only when required);
//    a missing part, a non-number or a day that does not exist is an error naming the question.
//  - FormState::fail keeps the first error of each field, in the order added (the summary's order).
//  - grouped_select_data renders a select whose options are grouped (<optgroup label="...">), for
//    long code lists with a natural grouping (SEN types by broad area, settings by band); the
//    ungrouped options (e.g. {"", "Choose..."}) come first. Same label, hint, error and ids as a
//    plain select.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "web/form.h"
#include "web/page_layout.h"
#include "web/page_text.h"

namespace gt::web {

struct Field {
  enum class Kind { Text, Date, Radios, Checkbox, Select, Textarea };
  Kind kind = Kind::Text;
  std::string name;
  std::string label;  // label, or legend for a date or radios
  std::string hint;
  Choices options;    // radios and selects (a select's first option may be {"", "Choose..."})
  std::string width;  // "govuk-input--width-10", "govuk-!-width-one-half", ...
  std::string autocomplete;
  std::string input_type = "text";
  std::string checkbox_label;  // Checkbox: the label beside the box (label is the legend)
};

struct FormState {
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> field_errors;
  std::vector<PageError> summary;
  std::vector<std::string> summary_fields;  // the field of each summary entry

  void take(const Form& form);  // keep what the user typed
  void set(const std::string& name, const std::string& value) { values[name] = value; }
  std::string value(const std::string& name) const;
  void set_date(const std::string& name, Date d);
  // Records an error for `field` (first one wins) linking to `anchor_id`.
  void fail(const std::string& field, const std::string& anchor_id, const std::string& message);
  bool ok() const { return summary.empty(); }
  // Puts the summary in the order the fields appear on the page (GOV.UK error summary pattern).
  void order_by(const std::vector<Field>& fields);
};

std::string anchor(const Field& f);
const Field* find_field(const std::vector<Field>& fields, const std::string& name);

// Reads a date field; records an error naming `question` (e.g. "the date of the decision").
std::optional<Date> read_date(FormState& st, const std::string& name, const std::string& question, bool required);

// Mustache data for a list of fields with the state's values and errors ({{#fields}}).
Data fields_data(const std::vector<Field>& fields, const FormState& st);

struct OptionGroup {
  std::string label;
  Choices options;
};
// One field's Mustache data (an item of a {{#fields}} list) for a Select field `f` whose options are
// `f.options` (ungrouped, first) then `groups`.
Data grouped_select_data(const Field& f, const std::vector<OptionGroup>& groups, const FormState& st);

}  // namespace gt::web
