// Sharing pages: consent to share a child's record with each organisation, and sharing without
// consent (overrides), for the family and for the council.
//   GET      /family/children/{id}/sharing                              who can see the record (family)
//   GET/POST /family/children/{id}/sharing/consent                      give consent (?organisation=N preselects)
//   GET/POST /family/children/{id}/sharing/{organisation_id}/withdraw   withdraw consent (confirm first)
//   GET      /children/{id}/sharing                                     the same for the council
//   GET/POST /children/{id}/sharing/consent                             record consent given on paper, by phone, ...
//   GET/POST /children/{id}/sharing/{organisation_id}/withdraw          record a withdrawal the council was told of
//   GET/POST /children/{id}/sharing/override                            share without consent: lawful basis and reason
// What this promises: app::Sharing authorises every request (family routes FamilyRead/FamilyWrite,
// council routes CaseworkRead/CaseworkWrite: 404 for a child the user may not see, 403 for the
// other side's route); forms show every problem at once with the GOV.UK error summary (422, values
// kept, nothing written); a consent already in force or nothing left to withdraw is 409 with the
// summary; success answers 303 to the sharing page. Consent and overrides are both shown to the family.
#include <algorithm>

#include "domain/consent.h"
#include "domain/roles.h"
#include "domain/text.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

std::int64_t child_id_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no child or young person at this address.");
  return *id;
}

std::string base_of(bool family, std::int64_t id) {
  return (family ? "/family/children/" : "/children/") + std::to_string(id);
}
std::string sharing_of(bool family, std::int64_t id) { return base_of(family, id) + "/sharing"; }
std::string full_name(const Child& c) { return c.given_name + " " + c.family_name; }

std::string kind_text(const std::string& kind) {
  auto k = parse_organisation_kind(kind);
  return k ? std::string(organisation_kind_label(*k)) : kind;
}

std::string purpose_text(const std::string& purpose) {
  auto l = consent_purposes().label(purpose);
  return l.empty() ? purpose : std::string(l);
}

std::string date_of(const std::string& iso) { return long_date_or(iso.substr(0, 10)); }

Choices code_choices(const CodeList& list) {
  Choices c;
  for (const auto& x : list) c.emplace_back(std::string(x.code), std::string(x.label));
  return c;
}

app::SharingView load(Context& ctx, const Request& req, bool family) {
  return ctx.app.sharing.view(req.actor(), child_id_of(req), family ? app::Capability::FamilyRead
                                                                     : app::Capability::CaseworkRead,
                              req.route_string());
}

// --- overview ------------------------------------------------------------------------------------

Response overview(const Request& req, Context& ctx, bool family) {
  auto v = load(ctx, req, family);
  std::int64_t id = v.child.id;
  std::vector<Data> orgs;
  for (const auto& o : v.organisations) {
    Data d;
    d.set("name", o.organisation.name);
    d.set("kind", kind_text(o.organisation.kind));
    std::string status, detail;
    std::string css;
    if (o.consent) {
      status = "Shared with consent";
      css = "govuk-tag govuk-tag--green";
      detail = "Given by " + o.consent->given_by + " on " + long_date_or(o.consent->given_on) + ": " +
               purpose_text(o.consent->purpose);
    } else if (o.override_on_record) {
      status = "Shared without consent";
      css = "govuk-tag govuk-tag--orange";
      detail = "The council recorded a lawful basis: see below.";
    } else if (o.last_withdrawn) {
      status = "Not shared: consent withdrawn";
      css = "govuk-tag govuk-tag--grey";
      detail = "Withdrawn by " + o.last_withdrawn->withdrawn_by.value_or("") + " on " +
               long_date_or(o.last_withdrawn->withdrawn_on.value_or(""));
    } else {
      status = "Not shared";
      css = "govuk-tag govuk-tag--grey";
    }
    if (o.override_on_record && o.consent) detail += ". The council has also recorded a lawful basis to share without consent.";
    d.set("status", status);
    d.set("status_css", css);
    put(d, "detail", detail);
    d.set("advice_asked", o.advice_asked);
    std::string org = std::to_string(o.organisation.id);
    if (o.consent) {
      d.set("action_href", sharing_of(family, id) + "/" + org + "/withdraw");
      d.set("action_text", family ? "Withdraw consent" : "Record a withdrawal");
    } else {
      d.set("action_href", sharing_of(family, id) + "/consent?organisation=" + org);
      d.set("action_text", family ? "Give consent" : "Record consent");
    }
    orgs.push_back(d);
  }
  std::vector<Data> overrides;
  for (const auto& o : v.overrides) {
    Data d;
    d.set("organisation", o.organisation_name);
    d.set("basis", o.lawful_basis);
    d.set("reason", o.reason);
    auto role = parse_role(o.decided_by_role);
    d.set("decided", o.decided_by_name + (role ? " (" + std::string(role_label(*role)) + ")" : "") + " on " +
                         date_of(o.decided_at));
    overrides.push_back(d);
  }
  std::vector<Data> consents;
  for (const auto& c : v.consents) {
    Data d;
    d.set("organisation", c.organisation_name);
    d.set("purpose", purpose_text(c.purpose));
    d.set("given", c.given_by + ", " + long_date_or(c.given_on));
    put(d, "recorded_by", c.given_by_user ? "" : c.recorded_by_name);
    put(d, "withdrawn", c.withdrawn_on ? c.withdrawn_by.value_or("") + ", " + long_date_or(*c.withdrawn_on) : "");
    consents.push_back(d);
  }
  Data body;
  body.set("family", family);
  body.set("name", full_name(v.child));
  body.set("child_href", base_of(family, id));
  body.set("organisations", list_of(orgs));
  body.set("has_organisations", !orgs.empty());
  body.set("overrides", list_of(overrides));
  body.set("has_overrides", !overrides.empty());
  body.set("consents", list_of(consents));
  body.set("has_consents", !consents.empty());
  body.set("consent_href", sharing_of(family, id) + "/consent");
  body.set("override_href", sharing_of(family, id) + "/override");
  return page(req, 200, PageFrame{"Who can see the record", family ? "family" : "children", {}}, "sharing_overview", body);
}

// --- consent -------------------------------------------------------------------------------------

std::vector<Field> consent_fields(const app::SharingView& v, bool family) {
  Choices orgs;
  if (!family) orgs.emplace_back("", "Choose an organisation");
  for (const auto& o : v.organisations)
    if (!o.consent) orgs.emplace_back(std::to_string(o.organisation.id), o.organisation.name + " (" + kind_text(o.organisation.kind) + ")");
  std::vector<Field> f = {
      Field{family ? Field::Kind::Radios : Field::Kind::Select, "organisation",
            family ? "Who may see the record?" : "Organisation", "", orgs, "", "", "text", ""},
      Field{Field::Kind::Radios, "purpose", family ? "What may they use it for?" : "What was consent given for?", "",
            code_choices(consent_purposes()), "", "", "text", ""},
  };
  if (!family) {
    f.push_back(Field{Field::Kind::Text, "given_by", "Who gave consent?",
                      "Their full name: the parent or carer, or the young person", {}, "govuk-!-width-two-thirds", "off",
                      "text", ""});
    f.push_back(Field{Field::Kind::Radios, "method", "How was consent given?", "", code_choices(consent_methods()), "",
                      "", "text", ""});
    f.push_back(Field{Field::Kind::Date, "given_on", "When was consent given?", "For example, 2 11 2026", {}, "", "",
                      "text", ""});
  }
  return f;
}

Response consent_form(const Request& req, const app::SharingView& v, bool family, int status, FormState st) {
  auto fields = consent_fields(v, family);
  st.order_by(fields);
  Data body;
  body.set("family", family);
  body.set("name", full_name(v.child));
  body.set("back_href", sharing_of(family, v.child.id));
  body.set("action_href", sharing_of(family, v.child.id) + "/consent");
  body.set("fields", fields_data(fields, st));
  body.set("none_left", fields.front().options.size() <= (family ? 0u : 1u));
  std::string title = family ? "Give consent to share" : "Record consent";
  return page(req, status, PageFrame{title, family ? "family" : "children", st.summary}, "sharing_consent", body);
}

void fail_on(FormState& st, const std::vector<Field>& fields, const std::string& field, const std::string& reason) {
  const Field* f = find_field(fields, field);
  if (!f) f = &fields.front();
  st.fail(f->name, anchor(*f), capitalise(reason));
}

std::optional<std::int64_t> org_id(const std::string& s) {
  if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoll(s);
}

Response post_consent(Request& req, Context& ctx, bool family) {
  std::int64_t id = child_id_of(req);
  auto v = load(ctx, req, family);
  auto fields = consent_fields(v, family);
  FormState st;
  st.take(req.form);
  auto org = org_id(st.value("organisation"));
  if (!org) st.fail("organisation", "organisation", "Select an organisation");
  if (!consent_purposes().contains(st.value("purpose")))
    st.fail("purpose", "purpose", family ? "Select what they may use the record for" : "Select what consent was given for");
  std::optional<Date> given_on;
  if (!family) {
    if (std::string(trimmed(st.value("given_by"))).empty()) st.fail("given_by", "given_by", "Enter the name of the person who gave consent");
    if (!consent_methods().contains(st.value("method"))) st.fail("method", "method", "Select how consent was given");
    given_on = read_date(st, "given_on", "the date consent was given", true);
    if (given_on && *given_on > ctx.today()) st.fail("given_on", "given_on-day", "The date consent was given must be today or in the past");
  }
  int status = 422;
  if (st.ok()) {
    try {
      if (family)
        ctx.app.sharing.give_consent(req.actor(), id, *org, st.value("purpose"), req.route_string());
      else
        ctx.app.sharing.record_consent(
            req.actor(), id, app::ConsentRecorded{*org, st.value("purpose"), st.value("given_by"), st.value("method"), given_on},
            req.route_string());
      return Response::redirect(sharing_of(family, id));
    } catch (const Error& e) {
      if (e.kind != Error::Kind::Unprocessable && e.kind != Error::Kind::Conflict) throw;
      fail_on(st, fields, e.field, e.reason);
      status = e.kind == Error::Kind::Conflict ? 409 : 422;
    }
  }
  return consent_form(req, v, family, status, st);
}

// --- withdrawal ----------------------------------------------------------------------------------

struct Withdrawal {
  app::SharingView view;
  const app::SharingOrganisation* org = nullptr;
};

Withdrawal load_withdrawal(Context& ctx, const Request& req, bool family) {
  Withdrawal w{load(ctx, req, family), nullptr};
  auto oid = req.id_param("organisation_id");
  if (oid)
    for (const auto& o : w.view.organisations)
      if (o.organisation.id == *oid) w.org = &o;
  if (!w.org) throw Error(Error::Kind::NotFound, "organisation_id", "There is no such organisation for this record.");
  return w;
}

std::vector<Field> withdraw_fields(bool family) {
  if (family) return {};
  return {
      Field{Field::Kind::Text, "withdrawn_by", "Who withdrew consent?",
            "Their full name, and how they told you (for example, by phone)", {}, "govuk-!-width-two-thirds", "off", "text", ""},
      Field{Field::Kind::Date, "withdrawn_on", "When was consent withdrawn?", "For example, 24 11 2026", {}, "", "", "text", ""},
  };
}

Response withdraw_form(const Request& req, const Withdrawal& w, bool family, int status, FormState st) {
  auto fields = withdraw_fields(family);
  st.order_by(fields);
  Data body;
  body.set("family", family);
  body.set("name", full_name(w.view.child));
  body.set("organisation", w.org->organisation.name);
  body.set("in_force", w.org->consent.has_value());
  body.set("override", w.org->override_on_record);
  body.set("advice_asked", w.org->advice_asked);
  body.set("back_href", sharing_of(family, w.view.child.id));
  body.set("action_href", sharing_of(family, w.view.child.id) + "/" + std::to_string(w.org->organisation.id) + "/withdraw");
  body.set("fields", fields_data(fields, st));
  std::string title = family ? "Withdraw consent" : "Record that consent was withdrawn";
  return page(req, status, PageFrame{title, family ? "family" : "children", st.summary}, "sharing_withdraw", body);
}

Response post_withdraw(Request& req, Context& ctx, bool family) {
  Withdrawal w = load_withdrawal(ctx, req, family);
  std::int64_t id = w.view.child.id;
  FormState st;
  st.take(req.form);
  auto fields = withdraw_fields(family);
  std::optional<Date> on;
  if (!family) {
    if (std::string(trimmed(st.value("withdrawn_by"))).empty())
      st.fail("withdrawn_by", "withdrawn_by", "Enter the name of the person who withdrew consent");
    on = read_date(st, "withdrawn_on", "the date consent was withdrawn", true);
    if (on && *on > ctx.today())
      st.fail("withdrawn_on", "withdrawn_on-day", "The date consent was withdrawn must be today or in the past");
  }
  int status = 422;
  if (st.ok()) {
    try {
      if (family)
        ctx.app.sharing.withdraw_consent(req.actor(), id, w.org->organisation.id, req.route_string());
      else
        ctx.app.sharing.record_withdrawal(req.actor(), id, w.org->organisation.id, st.value("withdrawn_by"), on,
                                          req.route_string());
      return Response::redirect(sharing_of(family, id));
    } catch (const Error& e) {
      if (fields.empty() || (e.kind != Error::Kind::Unprocessable && e.kind != Error::Kind::Conflict)) throw;
      fail_on(st, fields, e.field, e.reason);
      status = e.kind == Error::Kind::Conflict ? 409 : 422;
    }
  }
  return withdraw_form(req, w, family, status, st);
}

// --- override ------------------------------------------------------------------------------------

std::vector<Field> override_fields(const app::SharingView& v) {
  Choices orgs{{"", "Choose an organisation"}};
  for (const auto& o : v.organisations)
    orgs.emplace_back(std::to_string(o.organisation.id), o.organisation.name + " (" + kind_text(o.organisation.kind) + ")");
  return {
      Field{Field::Kind::Select, "organisation", "Organisation to share with", "", orgs, "", "", "text", ""},
      Field{Field::Kind::Radios, "lawful_basis", "Lawful basis for sharing without consent",
            "Your data protection officer can tell you which the council relies on", code_choices(lawful_bases()), "", "",
            "text", ""},
      Field{Field::Kind::Text, "other_basis", "If another lawful basis, which one?", "Only if you chose another lawful basis",
            {}, "", "off", "text", ""},
      Field{Field::Kind::Textarea, "reason", "Why must the record be shared without consent?",
            "The family will read this, with your name and the date", {}, "", "", "text", ""},
  };
}

Response override_form(const Request& req, const app::SharingView& v, int status, FormState st) {
  auto fields = override_fields(v);
  st.order_by(fields);
  Data body;
  body.set("name", full_name(v.child));
  body.set("back_href", sharing_of(false, v.child.id));
  body.set("action_href", sharing_of(false, v.child.id) + "/override");
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Share without consent", "children", st.summary}, "sharing_override", body);
}

}  // namespace

void register_sharing_pages(Router& router, Context& ctx) {
  for (bool family : {true, false}) {
    std::string base = family ? "/family/children/{id}/sharing" : "/children/{id}/sharing";
    router.add(Method::Get, base, Access::Page, [&ctx, family](Request& req) { return overview(req, ctx, family); });

    router.add(Method::Get, base + "/consent", Access::Page, [&ctx, family](Request& req) {
      auto v = load(ctx, req, family);
      // The form is the writer's: check the write capability before showing it.
      if (!app::allows(v.basis, family ? app::Capability::FamilyWrite : app::Capability::CaseworkWrite))
        throw Error(Error::Kind::Forbidden, "", "you cannot do this with this child's record");
      FormState st;
      std::string pre = req.query_fields().value("organisation");
      if (org_id(pre)) st.set("organisation", pre);
      return consent_form(req, v, family, 200, st);
    });
    router.add(Method::Post, base + "/consent", Access::Page,
               [&ctx, family](Request& req) { return post_consent(req, ctx, family); });

    router.add(Method::Get, base + "/{organisation_id}/withdraw", Access::Page, [&ctx, family](Request& req) {
      Withdrawal w = load_withdrawal(ctx, req, family);
      FormState st;
      if (!family) st.set_date("withdrawn_on", ctx.today());
      return withdraw_form(req, w, family, 200, st);
    });
    router.add(Method::Post, base + "/{organisation_id}/withdraw", Access::Page,
               [&ctx, family](Request& req) { return post_withdraw(req, ctx, family); });
  }

  router.add(Method::Get, "/children/{id}/sharing/override", Access::Page, [&ctx](Request& req) {
    auto v = load(ctx, req, false);
    return override_form(req, v, 200, FormState{});
  });

  router.add(Method::Post, "/children/{id}/sharing/override", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    auto v = load(ctx, req, false);
    auto fields = override_fields(v);
    FormState st;
    st.take(req.form);
    auto org = org_id(st.value("organisation"));
    if (!org) st.fail("organisation", "organisation", "Select an organisation");
    std::string basis = st.value("lawful_basis"), other = st.value("other_basis"), reason = st.value("reason");
    for (const auto& e : validate_override(basis, other, reason)) fail_on(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.sharing.record_override(req.actor(), id,
                                        app::OverrideRequest{*org, st.value("lawful_basis"), st.value("other_basis"),
                                                             st.value("reason")},
                                        req.route_string());
        return Response::redirect(sharing_of(false, id));
      } catch (const Error& e) {
        if (e.kind != Error::Kind::Unprocessable) throw;
        fail_on(st, fields, e.field, e.reason);
      }
    }
    return override_form(req, v, status, st);
  });
}

}  // namespace gt::web
