// ServicesSettings: what the use cases need to know about the deployment, set by `goldthread
// serve` (or a test): where documents live, the address emails link to, the SMTP relay.
#pragma once

#include <cstdint>
#include <string>

namespace gt::app {

struct ServicesSettings {
  std::string documents_dir;    // outside any web root; created if missing
  std::string public_base_url = "http://127.0.0.1:8080";  // emails link to pages under it
  std::string smtp_url;         // e.g. "smtp://127.0.0.1:2525"; empty: the outbox holds emails
  std::string smtp_from = "Golden Thread <no-reply@goldthread.invalid>";
  std::int64_t max_upload_bytes = 10 * 1024 * 1024;
};

}  // namespace gt::app
