// Page form: GOV.UK form fields, kept values and errors (see page_form.h).
#include "web/page_form.h"

#include <algorithm>
#include <cctype>

namespace gt::web {

void FormState::take(const Form& form) {
  for (const auto& [k, v] : form.fields())
    if (k != "csrf_token" && !values.count(k)) values[k] = v;
}

std::string FormState::value(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? "" : it->second;
}

void FormState::set_date(const std::string& name, Date d) {
  values[name + "-day"] = std::to_string(d.day());
  values[name + "-month"] = std::to_string(d.month());
  values[name + "-year"] = std::to_string(d.year());
}

void FormState::fail(const std::string& field, const std::string& anchor_id, const std::string& message) {
  if (field_errors.count(field)) return;
  field_errors[field] = message;
  summary.push_back(PageError{"#" + anchor_id, message});
  summary_fields.push_back(field);
}

void FormState::order_by(const std::vector<Field>& fields) {
  auto rank = [&](const std::string& name) {
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i].name == name) return i;
    return fields.size();
  };
  std::vector<size_t> idx(summary.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return rank(summary_fields[a]) < rank(summary_fields[b]); });
  std::vector<PageError> s;
  std::vector<std::string> f;
  for (size_t i : idx) {
    s.push_back(summary[i]);
    f.push_back(summary_fields[i]);
  }
  summary = std::move(s);
  summary_fields = std::move(f);
}

std::string anchor(const Field& f) { return f.kind == Field::Kind::Date ? f.name + "-day" : f.name; }

const Field* find_field(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

namespace {
std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}
bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
}  // namespace

std::optional<Date> read_date(FormState& st, const std::string& name, const std::string& question, bool required) {
  std::string day = trim(st.value(name + "-day")), month = trim(st.value(name + "-month")),
              year = trim(st.value(name + "-year"));
  std::string anchor_id = name + "-day";
  if (day.empty() && month.empty() && year.empty()) {
    if (required) st.fail(name, anchor_id, "Enter " + question);
    return std::nullopt;
  }
  std::string missing;
  if (day.empty()) missing = "day";
  else if (month.empty()) missing = "month", anchor_id = name + "-month";
  else if (year.empty()) missing = "year", anchor_id = name + "-year";
  if (day.empty()) anchor_id = name + "-day";
  if (!missing.empty()) {
    st.fail(name, anchor_id, capitalise(question) + " must include a " + missing);
    return std::nullopt;
  }
  if (!all_digits(day) || !all_digits(month) || !all_digits(year) || year.size() != 4) {
    st.fail(name, name + "-day", capitalise(question) + " must be a real date, for example 27 3 2026");
    return std::nullopt;
  }
  int y = std::stoi(year), m = std::stoi(month), d = std::stoi(day);
  if (m < 1 || m > 12 || d < 1 || d > static_cast<int>(days_in_month(y, static_cast<unsigned>(m)))) {
    st.fail(name, name + "-day", capitalise(question) + " must be a real date, for example 27 3 2026");
    return std::nullopt;
  }
  return Date::from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

namespace {
Data field_data(const Field& f, const FormState& st) {
  Data d;
  d.set("name", f.name);
  d.set("id", f.name);
  d.set("label", f.label);
  put(d, "hint", f.hint);
  put(d, "width", f.width);
  put(d, "autocomplete", f.autocomplete);
  d.set("input_type", f.input_type);
  auto err = st.field_errors.find(f.name);
  std::string error = err == st.field_errors.end() ? "" : err->second;
  put(d, "error", error);
  std::string describedby;
  if (!f.hint.empty()) describedby = f.name + "-hint";
  if (!error.empty()) describedby += (describedby.empty() ? "" : " ") + f.name + "-error";
  put(d, "describedby", describedby);
  d.set("is_text", f.kind == Field::Kind::Text);
  d.set("is_date", f.kind == Field::Kind::Date);
  d.set("is_radios", f.kind == Field::Kind::Radios);
  d.set("is_checkbox", f.kind == Field::Kind::Checkbox);
  d.set("is_select", f.kind == Field::Kind::Select);
  d.set("is_textarea", f.kind == Field::Kind::Textarea);
  std::string value = st.value(f.name);
  d.set("value", value);
  if (f.kind == Field::Kind::Date) {
    d.set("day", st.value(f.name + "-day"));
    d.set("month", st.value(f.name + "-month"));
    d.set("year", st.value(f.name + "-year"));
  }
  if (f.kind == Field::Kind::Checkbox) {
    d.set("checkbox_label", f.checkbox_label);
    d.set("checked", value == "yes");
  }
  Data options{Data::type::list};
  int i = 0;
  for (const auto& [v, l] : f.options) {
    Data o;
    o.set("option_id", i == 0 ? f.name : f.name + "-" + std::to_string(i + 1));
    o.set("option_value", v);
    o.set("option_text", l);
    o.set("selected", v == value);
    options.push_back(o);
    ++i;
  }
  d.set("options", options);
  d.set("groups", false);  // grouped_select_data sets the <optgroup>s
  return d;
}
}  // namespace

Data fields_data(const std::vector<Field>& fields, const FormState& st) {
  Data l{Data::type::list};
  for (const auto& f : fields) l.push_back(field_data(f, st));
  return l;
}

Data grouped_select_data(const Field& f, const std::vector<OptionGroup>& groups, const FormState& st) {
  Data d = field_data(f, st);
  std::string value = st.value(f.name);
  Data list{Data::type::list};
  for (const auto& g : groups) {
    Data gd;
    gd.set("group_label", g.label);
    Data options{Data::type::list};
    for (const auto& [v, l] : g.options) {
      Data o;
      o.set("option_value", v);
      o.set("option_text", l);
      o.set("selected", v == value);
      options.push_back(o);
    }
    gd.set("group_options", options);
    list.push_back(gd);
  }
  d.set("groups", list);
  return d;
}

}  // namespace gt::web
