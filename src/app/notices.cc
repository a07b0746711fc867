// Notices (see notices.h). Placeholder wiring until the outbox lands: in-application rows only.
#include "app/notices.h"

#include "app/storage.h"
#include "store/notifications_store.h"

namespace gt::app {

void notify_user(store::Database& db, std::int64_t user_id, const Notice& n) {
  store::NotificationRow r;
  r.user_id = user_id;
  r.child_id = n.child_id;
  r.case_id = n.case_id;
  r.kind = n.kind;
  r.what_changed = n.what_changed;
  r.what_needed = n.what_needed;
  if (n.due) r.due_on = n.due->to_string();
  r.link = n.link;
  r.created_at = utc_timestamp();
  store::insert_notification(db, r);
}

void notify_organisation(store::Database& db, std::int64_t organisation_id, const Notice& n) {
  for (auto id : store::active_members(db, organisation_id)) notify_user(db, id, n);
}

void notify_family(store::Database& db, std::int64_t child_id, const Notice& n, Date today) {
  (void)db; (void)child_id; (void)n; (void)today;
}

void send_account_email(store::Database& db, const std::string& to, const std::string& subject,
                        const std::string& body) {
  store::EmailRow e;
  e.to_address = to;
  e.subject = subject;
  e.body = body;
  e.created_at = utc_timestamp();
  store::insert_email(db, e);
}

void notify_case_event(store::Database& db, std::int64_t case_id, std::int64_t child_id, const Event& e,
                       const Actor& by, Date today) {
  (void)db; (void)case_id; (void)child_id; (void)e; (void)by; (void)today;
}

}  // namespace gt::app
