// Outbox: emails queued by notices and account messages are delivered over SMTP to a local sink
// (tests/support/smtp_sink.h on 127.0.0.1) and the delivery recorded; a relay that says "try
// again later" is retried with backoff until it takes the email; one that always refuses, or
// refuses for good, leaves the email failed with SMTP's answer; nothing is sent without a relay.
// Every pass is driven with an explicit `now`, so nothing here depends on timing.
#include "app/outbox.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/accounts.h"
#include "app/notices.h"
#include "app/storage.h"
#include "store/notifications_store.h"
#include "support/smtp_sink.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

constexpr std::int64_t kNow = 1'795'000'000;  // 2026-11-18T11:06:40Z

// Quoted-printable (RFC 2045) back to text, CRLF to LF: enough to read what the sink received.
std::string body_of(const std::string& data) {
  auto at = data.find("\r\n\r\n");
  std::string qp = at == std::string::npos ? "" : data.substr(at + 4);
  std::string out;
  for (std::size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] == '=' && i + 2 < qp.size() && qp[i + 1] == '\r' && qp[i + 2] == '\n') {
      i += 2;  // soft line break
    } else if (qp[i] == '=' && i + 2 < qp.size()) {
      out += static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (qp[i] != '\r') {
      out += qp[i];
    }
  }
  return out;
}

std::string header_of(const std::string& data, const std::string& name) {
  auto at = data.find("\r\n" + name + ": ");
  if (data.rfind(name + ": ", 0) == 0) at = 0;
  else if (at == std::string::npos) return "";
  else at += 2;
  at += name.size() + 2;
  return data.substr(at, data.find("\r\n", at) - at);
}

class OutboxTest : public ::testing::Test {
 protected:
  OutboxTest() : storage(tmp.path()), today(*Date::parse("2026-11-18")) {
    settings.smtp_url = sink.url();
    settings.smtp_from = "Northmoor SEND <send@northmoor.example>";
    settings.public_base_url = "https://send.northmoor.example/";
    outbox = std::make_unique<Outbox>(storage, today, settings);
  }

  std::int64_t queue_account_email(const std::string& to, const std::string& subject, const std::string& body) {
    storage.write([&](store::Database& db) { send_account_email(db, to, subject, body); });
    return store::list_emails(storage.read(), 1)[0].id;
  }
  store::EmailRow email(std::int64_t id) { return *store::find_email(storage.read(), id); }

  testing::TempDb tmp;
  testing::SmtpSink sink;
  Storage storage;
  Today today;
  ServicesSettings settings;
  std::unique_ptr<Outbox> outbox;
};

TEST_F(OutboxTest, ANoticeIsDeliveredWithItsLinkAndTheDeliveryRecorded) {
  Accounts accounts(storage);
  Actor mum = accounts.create_user("mum@example.org", "Mary Parent", "parent", "correct horse battery");
  storage.write([&](store::Database& db) {
    Notice n;
    n.kind = "draft_plan_served";
    n.what_changed = "The council has sent you the draft EHC plan.";
    n.what_needed = "Read the draft plan. Your last day is Friday 16 May 2025.";
    n.due = Date::parse("2025-05-16");
    n.link = "/family/children/12";
    notify_user(db, mum.user_id, n);
  });
  std::int64_t id = store::list_emails(storage.read(), 1)[0].id;

  DeliveryPass p = outbox->deliver_due(kNow);
  EXPECT_EQ(p.sent, 1);
  EXPECT_EQ(p.retrying + p.failed, 0);

  auto got = sink.messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].from, "send@northmoor.example");
  ASSERT_EQ(got[0].to.size(), 1u);
  EXPECT_EQ(got[0].to[0], "mum@example.org");
  EXPECT_EQ(header_of(got[0].data, "Subject"), "The council has sent you the draft EHC plan");
  EXPECT_EQ(header_of(got[0].data, "From"), "Northmoor SEND <send@northmoor.example>");
  EXPECT_EQ(header_of(got[0].data, "To"), "<mum@example.org>");
  EXPECT_EQ(header_of(got[0].data, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(header_of(got[0].data, "Auto-Submitted"), "auto-generated");
  EXPECT_FALSE(header_of(got[0].data, "Message-ID").empty());
  std::string body = body_of(got[0].data);
  EXPECT_NE(body.find("Hello Mary Parent,"), std::string::npos) << body;
  EXPECT_NE(body.find("What has changed\nThe council has sent you the draft EHC plan."), std::string::npos) << body;
  EXPECT_NE(body.find("By when\nFriday 16 May 2025"), std::string::npos) << body;
  EXPECT_NE(body.find("\nhttps://send.northmoor.example/family/children/12\n"), std::string::npos) << body;
  EXPECT_EQ(body.find(kLinkToken), std::string::npos);

  auto row = email(id);
  EXPECT_EQ(row.status, "sent");
  EXPECT_EQ(row.attempts, 1);
  ASSERT_TRUE(row.sent_at);
  EXPECT_EQ(*row.sent_at, "2026-11-18T11:06:40Z");
  EXPECT_FALSE(row.last_error);

  // Sent once only.
  EXPECT_EQ(outbox->deliver_due(kNow + 3600).sent, 0);
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST_F(OutboxTest, TryAgainLaterIsRetriedWithBackoffThenSent) {
  sink.fail_next(2, 451);
  std::int64_t id = queue_account_email("new.user@example.org", "Your invitation", "Follow the link.\n");

  DeliveryPass p = outbox->deliver_due(kNow);
  EXPECT_EQ(p.retrying, 1);
  auto row = email(id);
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.next_attempt_at, kNow + 60);
  ASSERT_TRUE(row.last_error);
  EXPECT_NE(row.last_error->find("451"), std::string::npos) << *row.last_error;

  // Not before its time.
  EXPECT_EQ(outbox->deliver_due(kNow + 59).retrying, 0);
  EXPECT_EQ(email(id).attempts, 1);

  EXPECT_EQ(outbox->deliver_due(kNow + 60).retrying, 1);
  row = email(id);
  EXPECT_EQ(row.attempts, 2);
  EXPECT_EQ(row.next_attempt_at, kNow + 60 + 120);  // the wait doubles

  EXPECT_EQ(outbox->deliver_due(kNow + 180).sent, 1);
  row = email(id);
  EXPECT_EQ(row.status, "sent");
  EXPECT_EQ(row.attempts, 3);
  EXPECT_EQ(sink.refused(), 2);
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0].to[0], "new.user@example.org");
}

TEST_F(OutboxTest, ARelayThatAlwaysRefusesLeavesTheEmailFailedWithItsAnswer) {
  sink.fail_always(451);
  std::int64_t id = queue_account_email("new.user@example.org", "Your invitation", "Follow the link.\n");
  std::int64_t t = kNow;
  for (int i = 1; i <= Outbox::kMaxAttempts; ++i) {
    DeliveryPass p = outbox->deliver_due(t);
    auto row = email(id);
    EXPECT_EQ(row.attempts, i);
    if (i < Outbox::kMaxAttempts) {
      EXPECT_EQ(p.retrying, 1);
      EXPECT_EQ(row.next_attempt_at, t + Outbox::retry_delay(i));
      t = row.next_attempt_at;
    } else {
      EXPECT_EQ(p.failed, 1);
    }
  }
  auto row = email(id);
  EXPECT_EQ(row.status, "failed");
  ASSERT_TRUE(row.last_error);
  EXPECT_NE(row.last_error->find("SMTP 451"), std::string::npos) << *row.last_error;
  EXPECT_FALSE(row.sent_at);
  // Given up: never tried again.
  EXPECT_EQ(outbox->deliver_due(t + 30 * 24 * 3600).failed, 0);
  EXPECT_EQ(email(id).attempts, Outbox::kMaxAttempts);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(OutboxTest, APermanentRefusalFailsAtOnce) {
  sink.refuse_recipients(550);
  std::int64_t id = queue_account_email("nobody@example.org", "Your invitation", "Follow the link.\n");
  DeliveryPass p = outbox->deliver_due(kNow);
  EXPECT_EQ(p.failed, 1);
  auto row = email(id);
  EXPECT_EQ(row.status, "failed");
  EXPECT_EQ(row.attempts, 1);
  ASSERT_TRUE(row.last_error);
  EXPECT_NE(row.last_error->find("550"), std::string::npos) << *row.last_error;
}

TEST_F(OutboxTest, NoRelayNothingSentAndTheEmailsWait) {
  ServicesSettings none = settings;
  none.smtp_url.clear();
  Outbox idle(storage, today, none);
  std::int64_t id = queue_account_email("new.user@example.org", "Your invitation", "Follow the link.\n");
  DeliveryPass p = idle.deliver_due(kNow);
  EXPECT_EQ(p.sent + p.retrying + p.failed, 0);
  idle.start(std::chrono::milliseconds(1));
  EXPECT_FALSE(idle.running());
  auto row = email(id);
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.attempts, 0);
  EXPECT_TRUE(sink.messages().empty());
  // The same email goes once a relay is configured.
  EXPECT_EQ(outbox->deliver_due(kNow).sent, 1);
}

TEST_F(OutboxTest, AnUnreachableRelayIsRetried) {
  ServicesSettings down = settings;
  {
    // A port that was free a moment ago: nothing listens there.
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    down.smtp_url = "smtp://127.0.0.1:" + std::to_string(a.local_endpoint().port());
  }
  Outbox unreachable(storage, today, down);
  std::int64_t id = queue_account_email("new.user@example.org", "Your invitation", "Follow the link.\n");
  EXPECT_EQ(unreachable.deliver_due(kNow).retrying, 1);
  auto row = email(id);
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_TRUE(row.last_error);
}

TEST_F(OutboxTest, AClaimedEmailIsNotSentTwiceWithinItsLease) {
  std::int64_t id = queue_account_email("new.user@example.org", "Your invitation", "Follow the link.\n");
  auto claimed = storage.write(
      [&](store::Database& db) { return store::claim_due_emails(db, kNow, kNow + Outbox::kLeaseSeconds, 10); });
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].id, id);
  EXPECT_EQ(outbox->deliver_due(kNow).sent, 0);  // another worker holds it
  EXPECT_EQ(outbox->deliver_due(kNow + Outbox::kLeaseSeconds).sent, 1);  // the lease ran out
}

TEST_F(OutboxTest, HeadersAreEncodedAndTheBodyCannotEndTheData) {
  std::int64_t id = queue_account_email("zoe@example.org", "Zoë: reset your password\r\nBcc: evil@example.org",
                                        "Hello Zoë,\n.\n.hidden\n" + std::string(200, 'x') + "\n");
  EXPECT_EQ(outbox->deliver_due(kNow).sent, 1);
  auto got = sink.messages();
  ASSERT_EQ(got.size(), 1u);
  ASSERT_EQ(got[0].to.size(), 1u);  // no header injection
  EXPECT_EQ(got[0].data.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(header_of(got[0].data, "Subject").rfind("=?UTF-8?B?", 0), 0u);
  std::string body = body_of(got[0].data);
  EXPECT_EQ(body, "Hello Zoë,\n.\n.hidden\n" + std::string(200, 'x') + "\n\n");
  for (std::size_t start = 0, nl; (nl = got[0].data.find("\r\n", start)) != std::string::npos; start = nl + 2)
    EXPECT_LE(nl - start, 78u);  // lines short enough for any relay
  EXPECT_EQ(email(id).status, "sent");
}

TEST_F(OutboxTest, TheBackgroundWorkerDeliversUntilStopped) {
  queue_account_email("new.user@example.org", "Your invitation", "Follow the link.\n");
  outbox->start(std::chrono::milliseconds(20));
  EXPECT_TRUE(outbox->running());
  for (int i = 0; i < 1000 && sink.messages().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  outbox->stop();
  EXPECT_FALSE(outbox->running());
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(store::list_emails(storage.read(), 1)[0].status, "sent");
}

TEST(OutboxBackoff, DoublesFromAMinuteUpToSixHours) {
  EXPECT_EQ(Outbox::retry_delay(1), 60);
  EXPECT_EQ(Outbox::retry_delay(2), 120);
  EXPECT_EQ(Outbox::retry_delay(3), 240);
  EXPECT_EQ(Outbox::retry_delay(20), 6 * 3600);
}

}  // namespace
}  // namespace gt::app
