// Documents: upload, list, download and sharing, with each role's rules (see documents.h).
#include "app/documents.h"

#include <algorithm>
#include <cstdio>

#include "app/access.h"
#include "app/document_files.h"
#include "app/document_types.h"
#include "app/errors.h"
#include "app/notices.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/documents_store.h"
#include "store/notifications_store.h"

namespace gt::app {

namespace {

using Kind = Error::Kind;

constexpr std::size_t kTitleMax = 120;  // characters

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::int64_t child_id, Basis basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         std::string(basis_name(basis))};
}

// --- text ----------------------------------------------------------------------------------------

// Decodes one UTF-8 code point at s[i]; returns its length, or 0 when the sequence is invalid.
std::size_t utf8_at(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool invisible_or_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||   // C0, DEL, C1
         (cp >= 0x200B && cp <= 0x200F) ||                          // zero-width, LRM/RLM
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||  // bidi overrides
         cp == 0xFEFF;
}

// Printable text only: invalid UTF-8, control, invisible and bidi characters dropped, runs of white
// space made one space, trimmed. Returns the text and how many characters it has.
std::pair<std::string, std::size_t> clean_text(std::string_view s) {
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_at(s, i, cp);
    if (n == 0) {
      ++i;
      continue;
    }
    bool ws = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
    if (ws) {
      space = true;
    } else if (!invisible_or_control(cp)) {
      if (space && !out.empty()) {
        out += ' ';
        ++chars;
      }
      space = false;
      out.append(s.substr(i, n));
      ++chars;
    }
    i += n;
  }
  return {out, chars};
}

// The first `max` characters of clean text.
std::string first_chars(const std::string& s, std::size_t max) {
  std::size_t i = 0, chars = 0;
  while (i < s.size() && chars < max) {
    char32_t cp = 0;
    std::size_t n = utf8_at(s, i, cp);
    i += n ? n : 1;
    ++chars;
  }
  return s.substr(0, i);
}

// A title from the name the sender's computer gave the file: its last path component, without a
// short extension, as clean text.
std::string title_from_file_name(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && name.size() - dot <= 6) name = name.substr(0, dot);
  return first_chars(clean_text(name).first, kTitleMax);
}

std::string title_for(const DocumentUpload& file) {
  auto [typed, chars] = clean_text(file.title);
  if (!typed.empty()) {
    if (chars > kTitleMax)
      throw Error(Kind::Unprocessable, "title", "The title must be " + std::to_string(kTitleMax) + " characters or fewer");
    return typed;
  }
  std::string from_name = title_from_file_name(file.file_name);
  return from_name.empty() ? "Document" : from_name;
}

// ASCII letters, digits, '-', '_' and '.', from the title, with the type's extension.
std::string safe_file_name(const std::string& title, std::string_view extension) {
  std::string out;
  for (char c : title) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    char put = keep ? c : '-';
    if (put == '-' && (out.empty() || out.back() == '-')) continue;
    if (put == '.' && (out.empty() || out.back() == '.')) continue;
    out += put;
    if (out.size() >= 80) break;
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  while (!out.empty() && (out.front() == '-' || out.front() == '.')) out.erase(out.begin());
  if (out.empty()) out = "document";
  return out + "." + std::string(extension);
}

std::string size_text(std::int64_t bytes) {
  char buf[32];
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::string megabytes(std::int64_t bytes) {
  std::int64_t mb = bytes / (1024 * 1024);
  if (mb * 1024 * 1024 == bytes) return std::to_string(mb) + "MB";
  return std::to_string((bytes + 1023) / 1024) + "KB";
}

DocumentSummary summary_of(const store::DocumentRow& r) {
  DocumentSummary s;
  s.id = r.id;
  s.title = r.title;
  s.media_type = r.media_type;
  auto t = accepted_type(r.media_type);
  s.type_label = t ? std::string(t->label) : r.media_type;
  s.size_bytes = r.size_bytes;
  s.size_text = size_text(r.size_bytes);
  s.uploaded_at = r.uploaded_at;
  s.uploaded_by = r.uploader_name;
  s.uploaded_by_organisation = r.organisation_name;
  s.uploaded_by_role = r.uploader_role;
  s.child_id = r.child_id;
  s.case_id = r.case_id;
  s.advice_request_id = r.advice_request_id;
  s.visible_to_family = r.visible_to_family;
  s.shared_with_professionals = r.shared_with_professionals;
  s.href = "/documents/" + std::to_string(r.id);
  return s;
}

// What decides which of a child's documents someone sees (documents.h): the basis and, for an
// advice giver, its organisation's open requests for the child.
struct Viewer {
  const Actor* actor = nullptr;
  Basis basis = Basis::CouncilStaff;
  std::vector<store::AdviceRequestRow> open;  // AdviceRequested only

  bool may_see(const store::DocumentRow& d) const {
    switch (basis) {
      case Basis::CouncilStaff:
        return true;
      case Basis::ParentalResponsibility:
      case Basis::ActingForYoungPerson:
      case Basis::YoungPerson:
        return d.visible_to_family;
      case Basis::SchoolOnRoll:
        return (actor->organisation_id && d.organisation_id == actor->organisation_id) || d.shared_with_professionals;
      case Basis::AdviceRequested:
        for (const auto& r : open) {
          if (d.advice_request_id && *d.advice_request_id == r.id) return true;
          if (d.shared_with_professionals && (!d.case_id || *d.case_id == r.case_id)) return true;
        }
        return false;
      case Basis::NamedProvider:  // the plan only, not the record's documents
      case Basis::QualityAudit:
        return false;
    }
    return false;
  }
};

std::vector<store::AdviceRequestRow> open_requests(store::Database& db, std::int64_t organisation_id,
                                                   std::int64_t child_id) {
  std::vector<store::AdviceRequestRow> out;
  for (auto& r : store::advice_requests_of_organisation(db, organisation_id, "requested"))
    if (r.child_id == child_id) out.push_back(std::move(r));
  return out;
}

// NotFound unless the actor has a basis for the child.
Viewer viewer(store::Database& db, const Actor& a, std::int64_t child_id, Date today) {
  auto basis = child_basis(db, a, child_id, today);
  if (!basis) throw Error(Kind::NotFound, "id", "There is no child or young person at this address.");
  Viewer v{&a, *basis, {}};
  if (*basis == Basis::AdviceRequested && a.organisation_id) v.open = open_requests(db, *a.organisation_id, child_id);
  return v;
}

Error no_document() { return Error(Kind::NotFound, "id", "There is no document at this address."); }

// The bytes, checked: present, within the limit, of an accepted type.
DocumentType check_file(const DocumentUpload& file, std::int64_t max_bytes) {
  if (file.bytes.empty()) {
    if (file.file_name.empty()) throw Error(Kind::Unprocessable, "file", "Select a file");
    throw Error(Kind::Unprocessable, "file", "The selected file is empty");
  }
  if (static_cast<std::int64_t>(file.bytes.size()) > max_bytes)
    throw Error(Kind::Unprocessable, "file", "The selected file must be smaller than " + megabytes(max_bytes));
  auto t = type_of_content(file.bytes);
  if (!t)
    throw Error(Kind::Unprocessable, "file",
                "The selected file must be " + std::string(accepted_types_text()) +
                    ". It was checked by what it contains, not by its name");
  return *t;
}

// Everyone at the council who should act on a document someone else added.
std::vector<std::int64_t> council_recipients(store::Database& db, std::int64_t child_id,
                                             std::optional<std::int64_t> case_id) {
  if (case_id)
    if (auto w = store::caseworker_of_case(db, *case_id)) return {*w};
  auto workers = store::caseworkers_of_child(db, child_id);
  if (!workers.empty()) return workers;
  return store::council_staff_ids(db);  // nobody assigned: the council team
}

void notify_council(store::Database& db, const std::vector<std::int64_t>& users, const Notice& n) {
  for (auto u : users) notify_user(db, u, n);
}

}  // namespace

// --- uploads -------------------------------------------------------------------------------------

namespace {

struct Placed {
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> advice_request_id;
  bool visible_to_family = false;
  bool shared = false;
  std::optional<std::int64_t> advice_created_by;
};

// Applies the basis's rules to where the document goes; checks every id against the child.
Placed place(store::Database& db, const Actor& a, Basis basis, std::int64_t child_id, const DocumentContext& where) {
  Placed p;
  if (where.case_id) {
    auto owner = store::child_of_case(db, *where.case_id);
    if (!owner || *owner != child_id)
      throw Error(Kind::Unprocessable, "case_id", "Choose one of this child or young person's cases");
    p.case_id = where.case_id;
  }
  switch (basis) {
    case Basis::CouncilStaff:
      p.visible_to_family = where.visible_to_family;
      p.shared = where.shared_with_professionals;
      if (where.advice_request_id) {
        auto ref = store::find_advice_request(db, *where.advice_request_id);
        if (!ref || ref->child_id != child_id)
          throw Error(Kind::Unprocessable, "advice_request_id", "Choose one of this child or young person's advice requests");
        if (p.case_id && *p.case_id != ref->case_id)
          throw Error(Kind::Unprocessable, "advice_request_id", "The advice request belongs to another case");
        p.advice_request_id = ref->id;
        p.case_id = ref->case_id;
      }
      return p;
    case Basis::ParentalResponsibility:
    case Basis::ActingForYoungPerson:
    case Basis::YoungPerson:
      p.visible_to_family = true;  // the family always sees what it gave
      return p;
    case Basis::SchoolOnRoll:
      p.visible_to_family = where.visible_to_family;
      return p;
    case Basis::AdviceRequested: {
      if (!where.advice_request_id || !a.organisation_id)
        throw Error(Kind::Forbidden, "", "Advice givers add documents to the advice request they were sent");
      auto ref = store::find_advice_request(db, *where.advice_request_id);
      if (!ref || ref->child_id != child_id || ref->organisation_id != *a.organisation_id)
        throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
      if (ref->status != "requested")
        throw Error(Kind::Conflict, "advice_request_id", "This advice request is closed: documents can no longer be added");
      p.advice_request_id = ref->id;
      p.case_id = ref->case_id;
      p.advice_created_by = ref->created_by;
      p.visible_to_family = false;  // the council decides when the family sees advice
      return p;
    }
    case Basis::NamedProvider:
    case Basis::QualityAudit:
      break;
  }
  throw Error(Kind::Forbidden, "", "You cannot add documents to this record");
}

Capability upload_capability(Basis b) {
  switch (b) {
    case Basis::CouncilStaff: return Capability::CaseworkWrite;
    case Basis::ParentalResponsibility:
    case Basis::ActingForYoungPerson:
    case Basis::YoungPerson: return Capability::FamilyWrite;
    case Basis::SchoolOnRoll: return Capability::PupilWrite;
    case Basis::AdviceRequested: return Capability::AdviceWrite;
    case Basis::NamedProvider:
    case Basis::QualityAudit: return Capability::AdviceWrite;  // which they do not have: Forbidden
  }
  return Capability::CaseworkWrite;
}

// Who must act on the new document, told inside the upload's transaction.
void notify_upload(store::Database& db, const Actor& a, Basis basis, std::int64_t doc_id, std::int64_t child_id,
                   const Placed& p, Date today) {
  std::string council_link = "/children/" + std::to_string(child_id) + "/documents";
  Notice n;
  n.child_id = child_id;
  n.case_id = p.case_id;
  n.link = council_link;
  switch (basis) {
    case Basis::CouncilStaff:
      if (!p.visible_to_family) return;
      n.kind = "document_added";
      n.what_changed = "The council's SEND team has added a document to your child's record.";
      n.what_needed = "Read it when you can. Contact your caseworker if you have a question about it.";
      n.link = "/family/children/" + std::to_string(child_id) + "/documents";
      notify_family(db, child_id, n, today);
      return;
    case Basis::ParentalResponsibility:
    case Basis::ActingForYoungPerson:
    case Basis::YoungPerson:
      n.kind = "document_from_family";
      n.what_changed = "The family has added a document to a child's record.";
      n.what_needed = "Read it, and decide whether the school and those giving advice should see it.";
      notify_council(db, council_recipients(db, child_id, p.case_id), n);
      return;
    case Basis::SchoolOnRoll:
      n.kind = "document_from_school";
      n.what_changed = (a.organisation_name.empty() ? std::string("A school") : a.organisation_name) +
                       " has added a document to a pupil's record.";
      n.what_needed = "Read it, and decide whether those giving advice should see it.";
      notify_council(db, council_recipients(db, child_id, p.case_id), n);
      return;
    case Basis::AdviceRequested: {
      n.kind = "document_from_advice_giver";
      n.what_changed = (a.organisation_name.empty() ? std::string("An advice giver") : a.organisation_name) +
                       " has added a document to an advice request.";
      n.what_needed = "Read it. The family does not see it until you choose to show it to them.";
      std::vector<std::int64_t> to;
      if (p.advice_created_by) to.push_back(*p.advice_created_by);
      for (auto u : council_recipients(db, child_id, p.case_id))
        if (std::find(to.begin(), to.end(), u) == to.end()) to.push_back(u);
      notify_council(db, to, n);
      return;
    }
    case Basis::NamedProvider:
    case Basis::QualityAudit:
      return;  // they cannot upload (upload_capability)
  }
  (void)doc_id;
}

}  // namespace

std::int64_t Documents::upload(const Actor& actor, std::int64_t child_id, const DocumentUpload& file,
                               const DocumentContext& where, const std::string& route) {
  Date today = today_();
  // Who may upload, before anything is read from the file: a child they may not see is NotFound.
  {
    auto& db = storage_.read();
    auto basis = child_basis(db, actor, child_id, today);
    if (!basis) throw Error(Kind::NotFound, "id", "There is no child or young person at this address.");
    require_child(db, actor, child_id, upload_capability(*basis), today);
    if (where.need) require_child(db, actor, child_id, *where.need, today);
    (void)place(db, actor, *basis, child_id, where);
  }
  std::string title = title_for(file);
  DocumentType type = check_file(file, settings_.max_upload_bytes);

  // The file first: a row is only ever written for a file on disk.
  std::string hash = store_document_file(settings_.documents_dir, file.bytes);

  return storage_.write([&](store::Database& db) {
    auto basis = child_basis(db, actor, child_id, today);
    if (!basis) throw Error(Kind::NotFound, "id", "There is no child or young person at this address.");
    require_child(db, actor, child_id, upload_capability(*basis), today);
    if (where.need) require_child(db, actor, child_id, *where.need, today);
    Placed p = place(db, actor, *basis, child_id, where);
    store::DocumentRow row;
    row.sha256 = hash;
    row.media_type = std::string(type.media_type);
    row.size_bytes = static_cast<std::int64_t>(file.bytes.size());
    row.title = title;
    row.child_id = child_id;
    row.case_id = p.case_id;
    row.advice_request_id = p.advice_request_id;
    row.visible_to_family = p.visible_to_family;
    row.shared_with_professionals = p.shared;
    row.uploaded_by = actor.user_id;
    row.organisation_id = actor.organisation_id;
    row.uploaded_at = utc_timestamp();
    std::int64_t id = store::insert_document(db, row);
    store::append_audit(db, {audit(actor, "upload", "document", id, route, child_id, *basis)});
    notify_upload(db, actor, *basis, id, child_id, p, today);
    return id;
  });
}

std::int64_t Documents::upload_to_advice_request(const Actor& actor, std::int64_t request_id,
                                                 const DocumentUpload& file, const std::string& route,
                                                 std::optional<Capability> need) {
  std::int64_t child_id = 0;
  {
    auto& db = storage_.read();
    auto ref = store::find_advice_request(db, request_id);
    if (!ref) throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
    auto basis = child_basis(db, actor, ref->child_id, today_());
    if (!basis) throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
    if (*basis == Basis::AdviceRequested && (!actor.organisation_id || ref->organisation_id != *actor.organisation_id))
      throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
    if (*basis != Basis::AdviceRequested && *basis != Basis::CouncilStaff)
      throw Error(Kind::Forbidden, "", "Only the council and the advice giver asked can add documents to an advice request");
    child_id = ref->child_id;
  }
  DocumentContext where;
  where.advice_request_id = request_id;
  where.need = need;
  return upload(actor, child_id, file, where, route);
}

// --- reading -------------------------------------------------------------------------------------

namespace {

// The view of a child's documents, or of an advice request's (view_for_child and
// view_for_advice_request; the list functions are the same without a page's capability).
DocumentsView child_view(Storage& storage, Date today, const Actor& actor, std::int64_t child_id,
                         std::optional<Capability> need, const std::string& route) {
  auto& db = storage.read();
  Viewer v = viewer(db, actor, child_id, today);
  if (need && !allows(v.basis, *need)) throw Error(Kind::Forbidden, "", "This page is not for your role");
  DocumentsView out;
  out.child_id = child_id;
  if (auto c = store::find_child(db, child_id)) out.child_name = c->given_name + " " + c->family_name;
  if (v.basis == Basis::CouncilStaff)
    for (const auto& c : store::cases_of_child(db, child_id)) out.cases.push_back({c.id, c.opened_at, c.stage});
  for (const auto& d : store::documents_of_child(db, child_id))
    if (v.may_see(d)) out.documents.push_back(summary_of(d));
  storage.audit_read(audit(actor, "list", "documents", child_id, route, child_id, v.basis));
  return out;
}

DocumentsView request_view(Storage& storage, Date today, const Actor& actor, std::int64_t request_id,
                           std::optional<Capability> need, const std::string& route) {
  auto& db = storage.read();
  auto ref = store::find_advice_request(db, request_id);
  if (!ref) throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
  auto basis = child_basis(db, actor, ref->child_id, today);
  if (!basis || (*basis == Basis::AdviceRequested &&
                 (!actor.organisation_id || ref->organisation_id != *actor.organisation_id)))
    throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
  if (need && !allows(*basis, *need)) throw Error(Kind::Forbidden, "", "This page is not for your role");
  Viewer v = viewer(db, actor, ref->child_id, today);
  DocumentsView out;
  out.child_id = ref->child_id;
  out.child_name = ref->child_given_name + " " + ref->child_family_name;
  out.advice_request_id = request_id;
  out.organisation_name = ref->organisation_name;
  for (const auto& d : store::documents_of_advice_request(db, request_id))
    if (v.may_see(d)) out.documents.push_back(summary_of(d));
  storage.audit_read(audit(actor, "list", "advice_request_documents", request_id, route, ref->child_id, v.basis));
  return out;
}

}  // namespace

DocumentsView Documents::view_for_child(const Actor& actor, std::int64_t child_id, Capability need,
                                        const std::string& route) {
  return child_view(storage_, today_(), actor, child_id, need, route);
}

std::vector<DocumentSummary> Documents::list_for_child(const Actor& actor, std::int64_t child_id,
                                                       const std::string& route) {
  return child_view(storage_, today_(), actor, child_id, std::nullopt, route).documents;
}

DocumentsView Documents::view_for_advice_request(const Actor& actor, std::int64_t request_id, Capability need,
                                                 const std::string& route) {
  return request_view(storage_, today_(), actor, request_id, need, route);
}

std::vector<DocumentSummary> Documents::list_for_advice_request(const Actor& actor, std::int64_t request_id,
                                                                const std::string& route) {
  return request_view(storage_, today_(), actor, request_id, std::nullopt, route).documents;
}

namespace {

struct Seen {
  store::DocumentRow row;
  Basis basis;
};

Seen visible_document(store::Database& db, const Actor& actor, std::int64_t document_id, Date today) {
  auto d = store::document(db, document_id);
  if (!d) throw no_document();
  auto basis = child_basis(db, actor, d->child_id, today);
  if (!basis) throw no_document();
  Viewer v = viewer(db, actor, d->child_id, today);
  if (!v.may_see(*d)) throw no_document();
  return Seen{std::move(*d), v.basis};
}

}  // namespace

DocumentSummary Documents::summary(const Actor& actor, std::int64_t document_id, const std::string& route,
                                   std::optional<Capability> need) {
  Seen s = visible_document(storage_.read(), actor, document_id, today_());
  if (need && !allows(s.basis, *need)) throw Error(Kind::Forbidden, "", "You cannot do this with this document");
  storage_.audit_read(audit(actor, "read", "document", document_id, route, s.row.child_id, s.basis));
  return summary_of(s.row);
}

DocumentDownload Documents::download(const Actor& actor, std::int64_t document_id, const std::string& route) {
  Seen s = visible_document(storage_.read(), actor, document_id, today_());
  DocumentDownload out;
  out.id = s.row.id;
  out.media_type = s.row.media_type;
  auto t = accepted_type(s.row.media_type);
  out.file_name = safe_file_name(s.row.title, t ? t->extension : std::string_view("bin"));
  out.bytes = read_document_file(settings_.documents_dir, s.row.sha256);
  storage_.audit_read(audit(actor, "download", "document", document_id, route, s.row.child_id, s.basis));
  return out;
}

std::int64_t Documents::set_sharing(const Actor& actor, std::int64_t document_id, bool visible_to_family,
                            bool shared_with_professionals, const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Seen s = visible_document(db, actor, document_id, today);
    if (s.basis != Basis::CouncilStaff)
      throw Error(Kind::Forbidden, "", "Only the council's SEND team can change who sees a document");
    require_child(db, actor, s.row.child_id, Capability::CaseworkWrite, today);
    bool newly_visible = visible_to_family && !s.row.visible_to_family;
    store::set_document_sharing(db, document_id, visible_to_family, shared_with_professionals);
    store::append_audit(db, {audit(actor, "share", "document", document_id, route, s.row.child_id, s.basis)});
    if (newly_visible) {
      Notice n;
      n.kind = "document_added";
      n.what_changed = "The council's SEND team has shared a document about your child with you.";
      n.what_needed = "Read it when you can. Contact your caseworker if you have a question about it.";
      n.link = "/family/children/" + std::to_string(s.row.child_id) + "/documents";
      n.child_id = s.row.child_id;
      n.case_id = s.row.case_id;
      notify_family(db, s.row.child_id, n, today);
    }
    return s.row.child_id;
  });
}

}  // namespace gt::app
