// Document pages: lists, uploads, downloads and the council's choice of who sees a document.
//   The council (CaseworkRead / CaseworkWrite on the child):
//     GET      /children/{id}/documents              every document of the child, who can see each
//     GET/POST /children/{id}/documents/new          add one: a case, whether the family sees it,
//                                                    whether the school and advice givers do
//     GET/POST /documents/{id}/sharing               change who can see it
//   The family (FamilyRead / FamilyWrite):
//     GET      /family/children/{id}/documents       what the family may see
//     GET/POST /family/children/{id}/documents/new   add one (the family always sees its own)
//   The school (PupilRead / PupilWrite on a pupil on roll):
//     GET      /school/pupils/{id}/documents         its own uploads and what the council shared
//     GET/POST /school/pupils/{id}/documents/new     add one, choosing whether the family sees it
//   The advice giver (AdviceRead / AdviceWrite on its organisation's open request {id}):
//     GET      /advice/{id}/documents                the request's documents
//     GET/POST /advice/{id}/documents/new            attach one (the council shows it to the family)
//   Anyone who may see the document:
//     GET      /documents/{id}                       the download: attachment, its stored type,
//                                                    a safe ASCII file name, never cached
// A page for another role answers 403 (the record is visible, the page is not theirs); a record
// the person may not see answers 404. Uploads are multipart/form-data (Router::add_upload, limit
// max_upload_bytes plus 64 KiB for the other fields); the CSRF token is checked before the handler
// runs, so a refused form writes nothing. Form errors re-render with 422 (409 for a closed advice
// request), the GOV.UK error summary and the values typed (a file must be chosen again).
#include "app/document_types.h"
#include "app/documents.h"
#include "app/errors.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Capability;
using app::Error;

constexpr const char* kAccept =
    ".pdf,.docx,.png,.jpg,.jpeg,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg";

enum class Who { Council, Family, School, Advice };

// Where one role's document pages live.
struct Spot {
  Who who;
  std::int64_t id;  // the child's, or the advice request's

  std::string base() const {
    std::string n = std::to_string(id);
    switch (who) {
      case Who::Council: return "/children/" + n;
      case Who::Family: return "/family/children/" + n;
      case Who::School: return "/school/pupils/" + n;
      case Who::Advice: return "/advice/" + n;
    }
    return "/";
  }
  std::string list_href() const { return base() + "/documents"; }
  std::string new_href() const { return base() + "/documents/new"; }
  std::string nav() const {
    switch (who) {
      case Who::Council: return "children";
      case Who::Family: return "family";
      case Who::School: return "school";
      case Who::Advice: return "advice";
    }
    return "";
  }
  Capability read() const {
    switch (who) {
      case Who::Council: return Capability::CaseworkRead;
      case Who::Family: return Capability::FamilyRead;
      case Who::School: return Capability::PupilRead;
      case Who::Advice: return Capability::AdviceRead;
    }
    return Capability::CaseworkRead;
  }
  Capability write() const {
    switch (who) {
      case Who::Council: return Capability::CaseworkWrite;
      case Who::Family: return Capability::FamilyWrite;
      case Who::School: return Capability::PupilWrite;
      case Who::Advice: return Capability::AdviceWrite;
    }
    return Capability::CaseworkWrite;
  }
};

Spot spot_of(Who who, const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no page at this address.");
  return Spot{who, *id};
}

app::DocumentsView view_of(Context& ctx, const Request& req, const Spot& s) {
  if (s.who == Who::Advice) return ctx.app.documents.view_for_advice_request(req.actor(), s.id, s.read(), req.route_string());
  return ctx.app.documents.view_for_child(req.actor(), s.id, s.read(), req.route_string());
}

std::string caption_of(const app::DocumentsView& v, const Spot& s) {
  if (s.who == Who::Advice) return "Advice request for " + v.child_name;
  return v.child_name;
}

std::string back_text(const app::DocumentsView& v, const Spot& s) {
  if (s.who == Who::Advice) return "Back to the advice request";
  return "Back to " + v.child_name;
}

std::string added_by(const app::DocumentSummary& d) {
  const std::string& r = d.uploaded_by_role;
  if (r == "parent") return d.uploaded_by + " (parent or carer)";
  if (r == "young_person") return d.uploaded_by + " (young person)";
  if (r == "caseworker" || r == "manager") return d.uploaded_by + ", council SEND team";
  if (!d.uploaded_by_organisation.empty()) return d.uploaded_by + ", " + d.uploaded_by_organisation;
  return d.uploaded_by.empty() ? "Unknown" : d.uploaded_by;
}

std::string added_on(const app::DocumentSummary& d) { return long_date_or(std::string_view(d.uploaded_at).substr(0, 10)); }

std::string audience(const app::DocumentSummary& d) {
  std::string out = d.visible_to_family ? "The family" : "Not the family";
  out += d.shared_with_professionals ? "; shared with the school and advice givers" : "; not shared with professionals";
  return out;
}

Data document_data(const app::DocumentSummary& d) {
  Data x;
  x.set("title", d.title);
  x.set("href", d.href);
  x.set("type", d.type_label);
  x.set("size", d.size_text);
  x.set("by", added_by(d));
  x.set("date", added_on(d));
  x.set("audience", audience(d));
  x.set("sharing_href", d.href + "/sharing");
  return x;
}

std::string intro_of(Who who) {
  switch (who) {
    case Who::Council:
      return "Every document about this child or young person. You choose who else can see each one.";
    case Who::Family:
      return "Documents about your child that you have added or the council has shared with you.";
    case Who::School:
      return "Documents your school has added, and those the council has shared with you.";
    case Who::Advice:
      return "Documents for this advice request, and those the council has shared with you.";
  }
  return "";
}

Response list_page(Context& ctx, const Request& req, Who who) {
  Spot s = spot_of(who, req);
  auto v = view_of(ctx, req, s);
  Data body;
  body.set("caption", caption_of(v, s));
  body.set("back_href", s.base());
  body.set("back_text", back_text(v, s));
  body.set("intro", intro_of(who));
  body.set("new_href", s.new_href());
  body.set("council", who == Who::Council);
  std::vector<Data> docs;
  for (const auto& d : v.documents) docs.push_back(document_data(d));
  body.set("has_documents", !docs.empty());
  body.set("documents", list_of(std::move(docs)));
  body.set("empty_text", who == Who::Family ? "No documents have been shared with you yet." : "There are no documents yet.");
  return page(req, 200, PageFrame{"Documents", s.nav(), {}}, "document_list", body);
}

// --- the upload form -----------------------------------------------------------------------------

Choices yes_no(const char* yes, const char* no) { return {{"yes", yes}, {"no", no}}; }

std::vector<Field> upload_fields(Who who, const app::DocumentsView& v) {
  std::vector<Field> f;
  f.push_back(Field{Field::Kind::Text, "title", "Title (optional)",
                    "What the document is, for example \"Speech and language report, May 2026\". If you leave this "
                    "empty, we use the file's name",
                    {}, "govuk-!-width-two-thirds", "off", "text", ""});
  if (who == Who::Council) {
    Choices cases{{"", "Not about one case"}};
    for (const auto& c : v.cases)
      cases.emplace_back(std::to_string(c.id), "Case " + std::to_string(c.id) + ", opened " +
                                                   long_date_or(std::string_view(c.opened_at).substr(0, 10)));
    f.push_back(Field{Field::Kind::Select, "case_id", "Case (optional)", "", cases, "", "", "text", ""});
    f.push_back(Field{Field::Kind::Radios, "visible_to_family", "Can the family see this document?",
                      "Advice and the council's working papers are usually shown to the family when the draft plan is sent",
                      yes_no("Yes, the family can see it", "No, not yet"), "", "", "text", ""});
    f.push_back(Field{Field::Kind::Checkbox, "shared_with_professionals", "Sharing with professionals",
                      "Only when it is needed for the assessment or the plan", {}, "", "", "text",
                      "Share it with the child's school and with those asked for advice"});
  } else if (who == Who::School) {
    f.push_back(Field{Field::Kind::Radios, "visible_to_family", "Can the family see this document?",
                      "The council can always see what your school adds",
                      yes_no("Yes, the family can see it", "No"), "", "", "text", ""});
  }
  return f;
}

std::string file_hint(Context& ctx) {
  std::int64_t mb = ctx.app.documents.max_upload_bytes() / (1024 * 1024);
  return "The file must be " + std::string(app::accepted_types_text()) + ", smaller than " + std::to_string(mb) + "MB";
}

std::string upload_intro(Who who) {
  switch (who) {
    case Who::Council: return "";
    case Who::Family:
      return "You and the council's SEND team will be able to see it. The council decides whether your child's "
             "school or anyone giving advice sees it too.";
    case Who::School: return "The council's SEND team will be told that you have added it.";
    case Who::Advice:
      return "The council's SEND team will be told. The family sees it when the council shares your advice with them.";
  }
  return "";
}

Response upload_form(Context& ctx, const Request& req, const Spot& s, const app::DocumentsView& v, int status,
                     FormState st) {
  auto fields = upload_fields(s.who, v);
  std::vector<Field> ordered{Field{Field::Kind::Text, "file", "", "", {}, "", "", "text", ""}};
  ordered.insert(ordered.end(), fields.begin(), fields.end());
  st.order_by(ordered);
  Data body;
  body.set("caption", caption_of(v, s));
  body.set("back_href", s.list_href());
  body.set("action_href", s.new_href());
  put(body, "intro", upload_intro(s.who));
  body.set("file_hint", file_hint(ctx));
  body.set("accept", kAccept);
  auto fe = st.field_errors.find("file");
  put(body, "file_error", fe == st.field_errors.end() ? "" : fe->second);
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Add a document", s.nav(), st.summary}, "document_upload", body);
}

std::string anchor_for(const std::vector<Field>& fields, const std::string& field) {
  if (const Field* f = find_field(fields, field)) return anchor(*f);
  return "file";
}

Response upload_post(Context& ctx, Request& req, Who who) {
  Spot s = spot_of(who, req);
  FormState st;
  st.take(req.form);
  // The pages of one role: check before reading anything sent.
  auto v = view_of(ctx, req, s);
  auto fields = upload_fields(who, v);

  const UploadedFile* chosen = nullptr;
  int files = 0;
  for (const auto& f : req.files)
    if (f.field == "file") {
      ++files;
      if (!chosen) chosen = &f;
    }
  if (files > 1) st.fail("file", "file", "Upload one file at a time");

  app::DocumentContext where;
  where.need = s.write();
  std::string visible = st.value("visible_to_family");
  if (who == Who::Council || who == Who::School) {
    if (visible != "yes" && visible != "no")
      st.fail("visible_to_family", "visible_to_family", "Select whether the family can see this document");
    where.visible_to_family = visible == "yes";
  }
  if (who == Who::Council) {
    where.shared_with_professionals = st.value("shared_with_professionals") == "yes";
    std::string c = st.value("case_id");
    if (!c.empty()) {
      bool known = false;
      for (const auto& k : v.cases)
        if (std::to_string(k.id) == c) {
          known = true;
          where.case_id = k.id;
        }
      if (!known) st.fail("case_id", "case_id", "Choose one of this child or young person's cases");
    }
  }

  int status = 422;
  if (st.ok()) {
    app::DocumentUpload up{chosen ? chosen->data : std::string(), chosen ? chosen->file_name : std::string(),
                           st.value("title")};
    try {
      if (who == Who::Advice)
        ctx.app.documents.upload_to_advice_request(req.actor(), s.id, up, req.route_string(), s.write());
      else
        ctx.app.documents.upload(req.actor(), s.id, up, where, req.route_string());
      return Response::redirect(s.list_href());
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      st.fail(e.field.empty() ? "file" : e.field, anchor_for(fields, e.field), e.reason);
      if (e.kind == Error::Kind::Conflict) status = 409;
    }
  }
  return upload_form(ctx, req, s, v, status, st);
}

// --- who can see a document ----------------------------------------------------------------------

std::vector<Field> sharing_fields() {
  return {
      Field{Field::Kind::Radios, "visible_to_family", "Can the family see this document?", "",
            yes_no("Yes, the family can see it", "No, not yet"), "", "", "text", ""},
      Field{Field::Kind::Checkbox, "shared_with_professionals", "Sharing with professionals",
            "Only when it is needed for the assessment or the plan", {}, "", "", "text",
            "Share it with the child's school and with those asked for advice"},
  };
}

Response sharing_form(const Request& req, const app::DocumentSummary& d, int status, FormState st) {
  auto fields = sharing_fields();
  st.order_by(fields);
  Data body = document_data(d);
  body.set("back_href", "/children/" + std::to_string(d.child_id) + "/documents");
  body.set("action_href", d.href + "/sharing");
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Who can see this document", "children", st.summary}, "document_sharing", body);
}

std::int64_t document_id_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no document at this address.");
  return *id;
}

}  // namespace

void register_document_pages(Router& router, Context& ctx) {
  // Room for the file and the form's other fields.
  std::size_t upload_limit = static_cast<std::size_t>(ctx.app.documents.max_upload_bytes()) + 64 * 1024;

  const std::vector<std::pair<Who, const char*>> places{{Who::Council, "/children/{id}"},
                                                        {Who::Family, "/family/children/{id}"},
                                                        {Who::School, "/school/pupils/{id}"},
                                                        {Who::Advice, "/advice/{id}"}};
  for (const auto& [who, base] : places) {
    Who w = who;
    router.add(Method::Get, std::string(base) + "/documents", Access::Page,
               [&ctx, w](Request& req) { return list_page(ctx, req, w); });
    router.add(Method::Get, std::string(base) + "/documents/new", Access::Page, [&ctx, w](Request& req) {
      Spot s = spot_of(w, req);
      auto v = view_of(ctx, req, s);
      FormState st;
      if (w == Who::Council) st.set("visible_to_family", "");
      return upload_form(ctx, req, s, v, 200, st);
    });
    router.add_upload(std::string(base) + "/documents/new",
                      [&ctx, w](Request& req) { return upload_post(ctx, req, w); }, upload_limit);
  }

  router.add(Method::Get, "/documents/{id}", Access::Page, [&ctx](Request& req) {
    auto dl = ctx.app.documents.download(req.actor(), document_id_of(req), req.route_string());
    Response r;
    r.status = 200;
    r.content_type = dl.media_type;
    r.body = std::move(dl.bytes);
    r.add_header("content-disposition", "attachment; filename=\"" + dl.file_name + "\"");
    return r;  // no-store (the server's default), nosniff and the CSP are added to every response
  });

  router.add(Method::Get, "/documents/{id}/sharing", Access::Page, [&ctx](Request& req) {
    auto d = ctx.app.documents.summary(req.actor(), document_id_of(req), req.route_string(), Capability::CaseworkWrite);
    FormState st;
    st.set("visible_to_family", d.visible_to_family ? "yes" : "no");
    st.set("shared_with_professionals", d.shared_with_professionals ? "yes" : "");
    return sharing_form(req, d, 200, st);
  });

  router.add(Method::Post, "/documents/{id}/sharing", Access::Page, [&ctx](Request& req) {
    std::int64_t id = document_id_of(req);
    FormState st;
    st.take(req.form);
    std::string visible = st.value("visible_to_family");
    if (visible != "yes" && visible != "no")
      st.fail("visible_to_family", "visible_to_family", "Select whether the family can see this document");
    if (st.ok()) {
      auto child = ctx.app.documents.set_sharing(req.actor(), id, visible == "yes",
                                                 st.value("shared_with_professionals") == "yes", req.route_string());
      return Response::redirect("/children/" + std::to_string(child) + "/documents");
    }
    auto d = ctx.app.documents.summary(req.actor(), id, req.route_string(), Capability::CaseworkWrite);
    return sharing_form(req, d, 422, st);
  });
}

}  // namespace gt::web
