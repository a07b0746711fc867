// ServicesSettings: what the use cases need to know about the deployment, set by `goldthread
// serve` (or a test): where documents live, the address emails link to, the SMTP relay, the
// council's letterhead.
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
  // Ceasing a plan (reg 31): the days the family and the school are given to respond to a proposal
  // to cease (no period in law; councils commonly allow 15 days, counting the day it is sent).
  int cease_consultation_days = 15;
  // Provision delivery below this share of what the plan requires over a period is a shortfall
  // (app/delivery.h); in (0, 1].
  double delivery_threshold = 0.8;
  // The council's letterhead on plans as PDF (app/plan_pdf.h). The address may have several lines
  // (separated by newlines). Defaults: the fictional demo council.
  std::string council_name = "Northmoor Council";
  std::string council_address = "SEND Service, Town Hall, Market Street, Northmoor NM1 1AA";
  std::string council_phone = "01632 960000";
  std::string council_email = "send@northmoor.example";
};

}  // namespace gt::app
