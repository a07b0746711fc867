// Documents: files that families, schools, advice givers and the council share about a child -
// uploads checked by their content, stored under their hash outside any web root, every upload and
// every download authorised and audited.
//
// Contract:
//  - Accepted types (decided from the bytes with libmagic, never from the file name or the declared
//    Content-Type): PDF, DOCX (an OOXML wordprocessing package; a plain ZIP, a macro-enabled or
//    template document is refused), PNG and JPEG. Anything else, an empty file or a file over
//    ServicesSettings::max_upload_bytes: app::Error Unprocessable naming field "file" and the
//    accepted types (document_types.h). Nothing is written then.
//  - The bytes are stored once per content: documents_dir/<first two hex>/<sha256 hex>, written
//    to a temporary file and renamed (document_files.h). The file is written before the row's
//    transaction: an orphan file is harmless, a row without its file never happens. The file name
//    the sender's computer gave is never a path: it only suggests the title (sanitised).
//  - Who may upload (access.h): council staff (CaseworkWrite: any context, they choose who sees
//    it), the family (FamilyWrite: always visible to the family), the school with the pupil on roll
//    (PupilWrite: they choose whether the family sees it), an advice giver only to its own open
//    request (AdviceWrite, upload_to_advice_request: not visible to the family until the council
//    shows it). Only the council marks a document shared with professionals or changes who sees it.
//  - Who may see a document (list and download; anything else is NotFound - its existence is not
//    revealed):
//      council staff            every document of the child
//      family                   documents visible_to_family
//      school on roll           documents uploaded by its organisation, and those the council shared
//      advice giver             documents attached to its organisation's open requests for the child,
//                               and those the council shared that belong to a case it was asked about
//                               (or to no case)
//  - Every upload is audited in its transaction (action "upload", subject "document"); every
//    download and every list is audited as a read with the child and the basis.
//  - An upload that asks someone to act notifies them in the same transaction: the family's or the
//    school's upload and an advice giver's tell the council (the case's caseworker, else the
//    caseworkers of the child's cases, else the council team; an advice giver's also who asked);
//    the council's upload visible to the family, or showing it to them later, tells the family.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;

// A file as it arrived.
struct DocumentUpload {
  std::string bytes;
  std::string file_name;  // as the sender's computer named it: display only, never a path
  std::string title;      // optional; default: the file name, sanitised
};

// Where a document belongs and who sees it. Council staff choose all of it; for other roles
// upload() applies their rules (see the contract) and ignores what they cannot choose.
struct DocumentContext {
  std::optional<std::int64_t> case_id;            // must be a case of the child
  std::optional<std::int64_t> advice_request_id;  // must be an advice request of the child
  bool visible_to_family = false;
  bool shared_with_professionals = false;  // council only: the school on roll and advice givers see it
  // When set, the actor's basis must allow this capability (a page for one role: the family's
  // upload page needs FamilyWrite) - Forbidden otherwise.
  std::optional<Capability> need;
};

struct DocumentSummary {
  std::int64_t id = 0;
  std::string title;
  std::string media_type;  // "application/pdf", ...
  std::string type_label;  // "PDF", "Word document", "PNG image", "JPEG image"
  std::int64_t size_bytes = 0;
  std::string size_text;   // "120 KB", "2.4 MB"
  std::string uploaded_at; // ISO 8601 UTC
  std::string uploaded_by;               // the person's name
  std::string uploaded_by_organisation;  // their organisation, or "" (a family member)
  std::string uploaded_by_role;          // role wire name
  std::int64_t child_id = 0;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> advice_request_id;
  bool visible_to_family = false;
  bool shared_with_professionals = false;
  std::string href;  // "/documents/12": the download
};

struct DocumentDownload {
  std::int64_t id = 0;
  std::string file_name;   // safe for Content-Disposition: [A-Za-z0-9 ._-] and the type's extension
  std::string media_type;  // as stored (decided at upload)
  std::string bytes;
};

// A page of documents: whose they are and what the actor may see (and attach to).
struct DocumentsView {
  std::int64_t child_id = 0;
  std::string child_name;  // given and family name
  std::optional<std::int64_t> advice_request_id;
  std::string organisation_name;  // the advice request's organisation
  struct CaseChoice {
    std::int64_t id = 0;
    std::string opened_at;  // ISO 8601 UTC
    std::string stage;
  };
  std::vector<CaseChoice> cases;  // council staff only: the child's cases, to attach a document to
  std::vector<DocumentSummary> documents;
};

class Documents {
 public:
  Documents(Storage& storage, const Today& today, const ServicesSettings& settings)
      : storage_(storage), today_(today), settings_(settings) {}

  // Uploads a document about the child; returns its id.
  std::int64_t upload(const Actor& actor, std::int64_t child_id, const DocumentUpload& file,
                      const DocumentContext& where, const std::string& route);
  // An advice giver (or council staff) attaches a document to an advice request. `need`: as in
  // DocumentContext (the advice giver's page passes AdviceWrite).
  std::int64_t upload_to_advice_request(const Actor& actor, std::int64_t request_id, const DocumentUpload& file,
                                        const std::string& route, std::optional<Capability> need = std::nullopt);

  // What the actor may see, newest first (NotFound when they may not see the child / request;
  // for an advice giver, a request of another organisation). Audited as one read.
  std::vector<DocumentSummary> list_for_child(const Actor& actor, std::int64_t child_id, const std::string& route);
  std::vector<DocumentSummary> list_for_advice_request(const Actor& actor, std::int64_t request_id,
                                                       const std::string& route);
  // The same with what a page shows around the list; `need`: the page's capability (Forbidden
  // when the actor's basis does not allow it, e.g. a caseworker on the family's page).
  DocumentsView view_for_child(const Actor& actor, std::int64_t child_id, Capability need, const std::string& route);
  DocumentsView view_for_advice_request(const Actor& actor, std::int64_t request_id, Capability need,
                                        const std::string& route);

  // One document the actor may see, with its metadata (NotFound otherwise; Forbidden when `need`
  // is given and the actor's basis does not allow it). Audited as a read.
  DocumentSummary summary(const Actor& actor, std::int64_t document_id, const std::string& route,
                          std::optional<Capability> need = std::nullopt);
  // The bytes, for a download (NotFound otherwise). Audited.
  DocumentDownload download(const Actor& actor, std::int64_t document_id, const std::string& route);

  // Council staff only: who sees the document. Notifies the family when it becomes visible to them.
  // Returns the document's child.
  std::int64_t set_sharing(const Actor& actor, std::int64_t document_id, bool visible_to_family,
                   bool shared_with_professionals, const std::string& route);

  std::int64_t max_upload_bytes() const { return settings_.max_upload_bytes; }

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
};

}  // namespace gt::app
