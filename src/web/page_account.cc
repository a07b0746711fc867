// Account pages: a person's own account, the council administrator's organisations and staff, an
// organisation administrator's members, and a child's family accounts (council side).
//   GET /account, POST /account/password                  your account; change your password
//   GET /admin/organisations, GET/POST /admin/organisations/new|/admin/organisations
//   GET /admin/organisations/{id}                           one organisation, its members, invitations
//   POST /admin/organisations/{id}/invitations              invite a member (its first administrator)
//   POST /admin/organisations/{id}/members/{user_id}/remove
//   GET /admin/staff, POST /admin/staff/invitations, POST /admin/staff/{user_id}/remove
//   GET /organisation, POST /organisation/invitations, POST /organisation/members/{user_id}/remove
//   GET /children/{id}/family, POST /children/{id}/family/invitations,
//   POST /children/{id}/family/links/{link_id}/end, POST /children/{id}/family/links/{link_id}/acting
// Authorisation is app::Organisations' (admin only: 403; another organisation: 404; a child the
// user may not see: 404; CaseworkWrite needed on the child). Forms re-render with 422 (409 for an
// email already taken) and the GOV.UK error summary; success answers 303 back to the page with a
// banner (the query says only which banner). Personal data never goes in a URL.
#include "app/errors.h"
#include "app/passwords.h"
#include "domain/roles.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

Field make_field(Field::Kind kind, std::string name, std::string label, std::string hint = "", Choices options = {},
                 std::string autocomplete = "", std::string type = "text", std::string width = "") {
  Field f;
  f.kind = kind;
  f.name = std::move(name);
  f.label = std::move(label);
  f.hint = std::move(hint);
  f.options = std::move(options);
  f.autocomplete = std::move(autocomplete);
  f.input_type = std::move(type);
  f.width = std::move(width);
  return f;
}

std::string role_text(const std::string& role) {
  auto r = parse_role(role);
  return r ? std::string(role_label(*r)) : role;
}

std::string kind_text(const std::string& kind) {
  auto k = parse_organisation_kind(kind);
  return k ? std::string(organisation_kind_label(*k)) : kind;
}

std::string relationship_text(const std::string& rel, bool pr) {
  if (rel == "young_person") return "The young person";
  return pr ? "Parent or carer with parental responsibility" : "Parent or carer without parental responsibility";
}

// An app::Error on a form field becomes the form's error; any other error goes to the error page.
bool field_error(FormState& st, const Error& e, const std::vector<Field>& fields) {
  if (e.kind != Error::Kind::Unprocessable && e.kind != Error::Kind::Conflict) return false;
  const Field* f = find_field(fields, e.field);
  if (!f) return false;
  st.fail(f->name, anchor(*f), e.reason);
  return true;
}

int form_status(const Error& e) { return e.kind == Error::Kind::Conflict ? 409 : 422; }

// --- your account ---------------------------------------------------------------------------------

std::vector<Field> password_fields(const app::Actor& a) {
  return {make_field(Field::Kind::Text, "current_password", "Current password", "", {}, "current-password", "password"),
          make_field(Field::Kind::Text, "password", "New password",
                     "At least " + std::to_string(app::min_password_length(a.role)) +
                         " characters. Three random words together make a good password; you do not need symbols "
                         "or numbers",
                     {}, "new-password", "password")};
}

Response account_page(const Request& req, int status, FormState st, bool changed) {
  const app::Actor& a = req.actor();
  auto fields = password_fields(a);
  st.order_by(fields);
  Data body;
  body.set("name", a.name);
  body.set("email", a.email);
  body.set("role", role_text(a.role));
  body.set("org_admin", a.org_admin);
  put(body, "organisation", a.organisation_name);
  auto role = parse_role(a.role);
  bool needed = !role || needs_two_factor(*role);
  body.set("two_factor", a.two_factor ? "On: you sign in with a code from your authenticator app"
                                      : (needed ? "Not set up yet: you will set it up when you next sign in"
                                                : "Not needed for family accounts"));
  body.set("changed", changed);
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Your account", "account", st.summary}, "account", body);
}

// --- members (organisation, staff) ----------------------------------------------------------------------

Choices role_choices(const std::string& kind) {
  Choices out{{"", "Choose their role"}};
  auto k = parse_organisation_kind(kind);
  for (Role r : all_roles()) {
    if (is_family(r)) continue;
    if (kind == "staff" ? role_fits_organisation(r, std::nullopt) : role_fits_organisation(r, k))
      out.emplace_back(std::string(role_name(r)), std::string(role_label(r)));
  }
  return out;
}

std::vector<Field> invite_fields(const std::string& kind, bool with_admin) {
  std::vector<Field> f{
      make_field(Field::Kind::Text, "name", "Full name", "", {}, "off"),
      make_field(Field::Kind::Text, "email", "Email address", "Their work email address", {}, "off", "email"),
      make_field(Field::Kind::Select, "role", "Role", "", role_choices(kind)),
  };
  if (with_admin) {
    Field admin = make_field(Field::Kind::Checkbox, "org_admin", "Administrator");
    admin.checkbox_label = "They can add and remove the organisation's members";
    f.push_back(admin);
  }
  return f;
}

struct MembersPage {
  std::string title;
  std::string caption;
  std::string details;
  std::string back_href, back_text;
  std::string invite_href;
  std::string remove_prefix;  // remove_prefix + user_id + "/remove"
  std::string kind;           // organisation kind, or "staff"
  bool with_admin = true;
  std::string nav;
};

Response members_page(const Request& req, int status, const MembersPage& mp, const std::vector<app::Member>& members,
                      const std::vector<app::OpenInvitation>& invitations, FormState st, const std::string& banner) {
  auto fields = invite_fields(mp.kind, mp.with_admin);
  st.order_by(fields);
  Data body;
  body.set("heading", mp.title);
  put(body, "caption", mp.caption);
  put(body, "details", mp.details);
  put(body, "back_href", mp.back_href);
  body.set("back_text", mp.back_text);
  put(body, "banner", banner);
  body.set("invite_href", mp.invite_href);
  std::vector<Data> ms;
  for (const auto& m : members) {
    Data d;
    d.set("name", m.name);
    d.set("email", m.email);
    d.set("role", role_text(m.role));
    d.set("org_admin", m.org_admin);
    d.set("active", m.active);
    d.set("removable", m.active && m.user_id != req.actor().user_id);
    d.set("remove_href", mp.remove_prefix + std::to_string(m.user_id) + "/remove");
    ms.push_back(d);
  }
  body.set("members", list_of(ms));
  std::vector<Data> is;
  for (const auto& i : invitations) {
    Data d;
    d.set("name", i.name);
    d.set("email", i.email);
    d.set("role", role_text(i.role));
    d.set("org_admin", i.org_admin);
    d.set("expires", long_date_or(i.expires_on));
    is.push_back(d);
  }
  body.set("has_invitations", !is.empty());
  body.set("invitations", list_of(is));
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{mp.title, mp.nav, st.summary}, "members", body);
}

std::string banner_of(const Request& req) {
  std::string b = req.query_fields().value("done");
  if (b == "invited") return "Invitation sent.";
  if (b == "removed") return "They have been removed and signed out. Their account can no longer be used.";
  if (b == "linked") return "The record has been added to their family account, and they have been told by email.";
  if (b == "ended") return "The link has ended: they no longer see this record.";
  if (b == "acting") return "Recorded.";
  return "";
}

app::Invite invite_of(const Request& req) {
  return app::Invite{req.form.value("email"), req.form.value("name"), req.form.value("role"),
                     req.form.value("org_admin") == "yes"};
}

MembersPage organisation_page_frame(const app::OrganisationSummary& o, bool admin_view) {
  MembersPage mp;
  mp.title = admin_view ? o.name : "Our members";
  mp.caption = admin_view ? kind_text(o.kind) : o.name;
  mp.details = o.urn.empty() ? "" : "URN " + o.urn;
  if (admin_view) {
    mp.back_href = "/admin/organisations";
    mp.back_text = "Back to organisations";
  }
  std::string base = admin_view ? "/admin/organisations/" + std::to_string(o.id) : "/organisation";
  mp.invite_href = base + "/invitations";
  mp.remove_prefix = base + "/members/";
  mp.kind = o.kind;
  mp.nav = admin_view ? "organisations" : "organisation";
  return mp;
}

// --- family ------------------------------------------------------------------------------------------

std::vector<Field> family_fields() {
  return {
      make_field(Field::Kind::Text, "name", "Full name", "", {}, "off"),
      make_field(Field::Kind::Text, "email", "Email address", "", {}, "off", "email"),
      make_field(Field::Kind::Radios, "relationship", "Who are they?", "",
                 {{"parent_pr", "A parent or carer with parental responsibility"},
                  {"parent_no_pr", "A parent or carer without parental responsibility"},
                  {"young_person", "The young person (after the end of compulsory school age)"}}),
  };
}

Response family_page(const Request& req, const app::FamilyView& v, int status, FormState st) {
  auto fields = family_fields();
  st.order_by(fields);
  Data body;
  body.set("child_id", std::to_string(v.child_id));
  body.set("child_name", v.child_name);
  body.set("young_person", v.young_person);
  put(body, "banner", banner_of(req));
  std::vector<Data> ls;
  for (const auto& l : v.links) {
    Data d;
    d.set("id", std::to_string(l.id));
    d.set("name", l.name);
    d.set("email", l.email);
    std::string rel = relationship_text(l.relationship, l.parental_responsibility);
    if (l.acting_for_young_person) rel += ", acting for the young person";
    d.set("relationship", rel);
    put(d, "ended", l.ended_at ? long_date_or(l.ended_at->substr(0, 10)) : "");
    bool can_act = l.relationship == "parent_carer" && (v.young_person || l.acting_for_young_person);
    d.set("can_act", can_act);
    d.set("acting_next", l.acting_for_young_person ? "no" : "yes");
    d.set("acting_button",
          l.acting_for_young_person ? "No longer acting for the young person" : "Record as acting for the young person");
    ls.push_back(d);
  }
  body.set("links", list_of(ls));
  std::vector<Data> is;
  for (const auto& i : v.invitations) {
    Data d;
    d.set("name", i.name);
    d.set("email", i.email);
    d.set("relationship", relationship_text(i.relationship, i.parental_responsibility));
    d.set("expires", long_date_or(i.expires_on));
    is.push_back(d);
  }
  body.set("has_invitations", !is.empty());
  body.set("invitations", list_of(is));
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Family accounts", "children", st.summary}, "child_family", body);
}

Response not_found_child(const Request& req) { return error_page(req, 404, "Page not found."); }

// The /admin pages are the council administrator's (403 for anyone else).
void require_admin(const app::Actor& a) {
  if (a.role != "admin") throw Error(Error::Kind::Forbidden, "", "only the council administrator can do this");
}

}  // namespace

void register_account_pages(Router& router, Context& ctx) {
  // --- your account ---
  router.add(Method::Get, "/account", Access::Page, [](Request& req) {
    return account_page(req, 200, FormState{}, req.query_fields().value("done") == "password");
  });
  router.add(Method::Post, "/account/password", Access::Page, [&ctx](Request& req) {
    FormState st;
    auto fields = password_fields(req.actor());
    if (req.form.value("current_password").empty())
      st.fail("current_password", "current_password", "Enter your current password");
    if (req.form.value("password").empty()) st.fail("password", "password", "Enter a new password");
    if (!st.ok()) return account_page(req, 422, st, false);
    try {
      ctx.accounts.change_password(req.session->token, req.form.value("current_password"), req.form.value("password"));
    } catch (const Error& e) {
      if (!field_error(st, e, fields)) throw;
      return account_page(req, 422, st, false);
    }
    return Response::redirect("/account?done=password");
  });

  // --- council administrator: organisations ---
  router.add(Method::Get, "/admin/organisations", Access::Page, [&ctx](Request& req) {
    auto orgs = ctx.app.organisations.list(req.actor());
    std::vector<Data> rows;
    for (const auto& o : orgs) {
      Data d;
      d.set("id", std::to_string(o.id));
      d.set("name", o.name);
      d.set("kind", kind_text(o.kind));
      d.set("urn", o.urn);
      d.set("members", std::to_string(o.active_members));
      rows.push_back(d);
    }
    Data body;
    body.set("organisations", list_of(rows));
    body.set("created", req.query_fields().value("done") == "created");
    return page(req, 200, PageFrame{"Organisations and accounts", "organisations", {}}, "organisations", body);
  });

  auto org_fields = [] {
    Choices kinds;
    for (auto k : all_organisation_kinds())
      if (k != OrganisationKind::Council)
        kinds.emplace_back(std::string(organisation_kind_name(k)), std::string(organisation_kind_label(k)));
    return std::vector<Field>{
        make_field(Field::Kind::Text, "name", "Name of the organisation", "", {}, "organization"),
        make_field(Field::Kind::Radios, "kind", "What kind of organisation is it?", "", kinds),
        make_field(Field::Kind::Text, "urn", "Unique reference number (URN)", "Schools only: 6 digits", {}, "off",
                   "text", "govuk-input--width-10"),
    };
  };
  auto org_form = [org_fields](const Request& req, int status, FormState st) {
    auto fields = org_fields();
    st.order_by(fields);
    Data body;
    body.set("fields", fields_data(fields, st));
    return page(req, status, PageFrame{"Add an organisation", "organisations", st.summary}, "organisation_new", body);
  };
  router.add(Method::Get, "/admin/organisations/new", Access::Page, [&ctx, org_form](Request& req) {
    ctx.app.organisations.list(req.actor());  // the administrator only (403 otherwise)
    return org_form(req, 200, FormState{});
  });
  router.add(Method::Post, "/admin/organisations", Access::Page, [&ctx, org_form, org_fields](Request& req) {
    FormState st;
    st.take(req.form);
    try {
      ctx.app.organisations.create(req.actor(), req.form.value("name"), req.form.value("kind"), req.form.value("urn"),
                                   req.route_string());
    } catch (const Error& e) {
      if (!field_error(st, e, org_fields())) throw;
      return org_form(req, form_status(e), st);
    }
    return Response::redirect("/admin/organisations?done=created");
  });

  auto org_view = [&ctx](const Request& req, std::int64_t id, bool admin_view, int status, FormState st) {
    auto v = ctx.app.organisations.view(req.actor(), id);
    return members_page(req, status, organisation_page_frame(v.organisation, admin_view), v.members, v.invitations,
                        std::move(st), status == 200 ? banner_of(req) : "");
  };
  router.add(Method::Get, "/admin/organisations/{id}", Access::Page, [&ctx, org_view](Request& req) {
    auto id = req.id_param("id");
    if (!id) return error_page(req, 404, "Page not found.");
    require_admin(req.actor());
    return org_view(req, *id, true, 200, FormState{});
  });

  // Inviting and removing, shared by the administrator's and the organisation's own pages.
  auto invite_into = [&ctx, org_view](Request& req, std::int64_t id, bool admin_view) {
    FormState st;
    st.take(req.form);
    try {
      ctx.app.organisations.invite_member(req.actor(), id, invite_of(req), req.route_string());
    } catch (const Error& e) {
      auto v = ctx.app.organisations.view(req.actor(), id);
      if (!field_error(st, e, invite_fields(v.organisation.kind, true))) throw;
      return org_view(req, id, admin_view, form_status(e), st);
    }
    return Response::redirect((admin_view ? "/admin/organisations/" + std::to_string(id) : std::string("/organisation")) +
                              "?done=invited");
  };
  auto remove_from = [&ctx](Request& req, std::int64_t id, bool admin_view) {
    auto user = req.id_param("user_id");
    if (!user) return error_page(req, 404, "Page not found.");
    ctx.app.organisations.remove_member(req.actor(), id, *user, req.route_string());
    return Response::redirect((admin_view ? "/admin/organisations/" + std::to_string(id) : std::string("/organisation")) +
                              "?done=removed");
  };
  router.add(Method::Post, "/admin/organisations/{id}/invitations", Access::Page, [invite_into](Request& req) {
    auto id = req.id_param("id");
    if (!id) return error_page(req, 404, "Page not found.");
    require_admin(req.actor());
    return invite_into(req, *id, true);
  });
  router.add(Method::Post, "/admin/organisations/{id}/members/{user_id}/remove", Access::Page,
             [remove_from](Request& req) {
               auto id = req.id_param("id");
               if (!id) return error_page(req, 404, "Page not found.");
               require_admin(req.actor());
               return remove_from(req, *id, true);
             });

  // --- council administrator: staff ---
  auto staff_frame = [] {
    MembersPage mp;
    mp.title = "Council staff accounts";
    mp.details = "Caseworkers, team managers, administrators and analysts of the council.";
    mp.back_href = "/admin/organisations";
    mp.back_text = "Back to organisations";
    mp.invite_href = "/admin/staff/invitations";
    mp.remove_prefix = "/admin/staff/";
    mp.kind = "staff";
    mp.with_admin = false;
    mp.nav = "organisations";
    return mp;
  };
  auto staff_view = [&ctx, staff_frame](const Request& req, int status, FormState st) {
    auto v = ctx.app.organisations.staff(req.actor());
    return members_page(req, status, staff_frame(), v.members, v.invitations, std::move(st),
                        status == 200 ? banner_of(req) : "");
  };
  router.add(Method::Get, "/admin/staff", Access::Page,
             [staff_view](Request& req) { return staff_view(req, 200, FormState{}); });
  router.add(Method::Post, "/admin/staff/invitations", Access::Page, [&ctx, staff_view](Request& req) {
    FormState st;
    st.take(req.form);
    try {
      ctx.app.organisations.invite_staff(req.actor(), invite_of(req), req.route_string());
    } catch (const Error& e) {
      if (!field_error(st, e, invite_fields("staff", false))) throw;
      return staff_view(req, form_status(e), st);
    }
    return Response::redirect("/admin/staff?done=invited");
  });
  router.add(Method::Post, "/admin/staff/{user_id}/remove", Access::Page, [&ctx](Request& req) {
    auto user = req.id_param("user_id");
    if (!user) return error_page(req, 404, "Page not found.");
    ctx.app.organisations.remove_staff(req.actor(), *user, req.route_string());
    return Response::redirect("/admin/staff?done=removed");
  });

  // --- an organisation's own administrator ---
  auto own = [](const Request& req) -> std::int64_t {
    const app::Actor& a = req.actor();
    if (!a.org_admin || !a.organisation_id)
      throw Error(Error::Kind::Forbidden, "", "only your organisation's administrator can manage its members");
    return *a.organisation_id;
  };
  router.add(Method::Get, "/organisation", Access::Page,
             [org_view, own](Request& req) { return org_view(req, own(req), false, 200, FormState{}); });
  router.add(Method::Post, "/organisation/invitations", Access::Page,
             [invite_into, own](Request& req) { return invite_into(req, own(req), false); });
  router.add(Method::Post, "/organisation/members/{user_id}/remove", Access::Page,
             [remove_from, own](Request& req) { return remove_from(req, own(req), false); });

  // --- a child's family accounts (council side) ---
  router.add(Method::Get, "/children/{id}/family", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) return not_found_child(req);
    auto v = ctx.app.organisations.family(req.actor(), *id, req.route_string());
    return family_page(req, v, 200, FormState{});
  });
  router.add(Method::Post, "/children/{id}/family/invitations", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) return not_found_child(req);
    FormState st;
    st.take(req.form);
    std::string choice = req.form.value("relationship");
    app::FamilyInvite inv{req.form.value("email"), req.form.value("name"),
                          choice == "young_person" ? "young_person" : (choice.empty() ? "" : "parent_carer"),
                          choice != "parent_no_pr"};
    if (!choice.empty() && choice != "parent_pr" && choice != "parent_no_pr" && choice != "young_person")
      inv.relationship = "unknown";
    try {
      auto outcome = ctx.app.organisations.invite_family(req.actor(), *id, inv, req.route_string());
      return Response::redirect("/children/" + std::to_string(*id) + "/family?done=" +
                                (outcome == app::FamilyInviteOutcome::Linked ? "linked" : "invited"));
    } catch (const Error& e) {
      if (!field_error(st, e, family_fields())) throw;
      auto v = ctx.app.organisations.family(req.actor(), *id, req.route_string());
      return family_page(req, v, form_status(e), st);
    }
  });
  router.add(Method::Post, "/children/{id}/family/links/{link_id}/end", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    auto link = req.id_param("link_id");
    if (!id || !link) return not_found_child(req);
    ctx.app.organisations.end_family_link(req.actor(), *id, *link, req.route_string());
    return Response::redirect("/children/" + std::to_string(*id) + "/family?done=ended");
  });
  router.add(Method::Post, "/children/{id}/family/links/{link_id}/acting", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    auto link = req.id_param("link_id");
    if (!id || !link) return not_found_child(req);
    ctx.app.organisations.set_acting_for_young_person(req.actor(), *id, *link, req.form.value("acting") == "yes",
                                                      req.route_string());
    return Response::redirect("/children/" + std::to_string(*id) + "/family?done=acting");
  });
}

}  // namespace gt::web
