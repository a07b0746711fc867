// Audit chain: each row's hash covers the previous hash and every field, so any change is seen.
#include "domain/audit_chain.h"

#include <gtest/gtest.h>

#include <vector>

namespace gt {
namespace {

std::vector<AuditEntry> chain(int n) {
  std::vector<AuditEntry> rows;
  std::string prev(kGenesis);
  for (int i = 1; i <= n; ++i) {
    AuditEntry e{i, "2026-11-25T10:00:0" + std::to_string(i) + "Z", 7, "read", "child", 42, "GET /children/{id}",
                 42, "council_staff", prev, std::nullopt};
    e.hash = link_hash(prev, e);
    prev = *e.hash;
    rows.push_back(e);
  }
  return rows;
}

std::optional<ChainBreak> verify(const std::vector<AuditEntry>& rows) {
  ChainVerifier v;
  for (const auto& r : rows)
    if (auto b = v.add(r)) return b;
  return std::nullopt;
}

TEST(AuditChain, AnIntactChainVerifies) {
  auto rows = chain(5);
  ChainVerifier v;
  for (const auto& r : rows) EXPECT_FALSE(v.add(r));
  EXPECT_EQ(v.rows(), 5);
  EXPECT_EQ(v.head(), *rows.back().hash);
}

TEST(AuditChain, EveryFieldIsCovered) {
  auto base = chain(1)[0];
  std::string h = link_hash(kGenesis, base);
  auto changed = [&](auto mutate) {
    AuditEntry e = base;
    mutate(e);
    return link_hash(kGenesis, e) != h;
  };
  EXPECT_TRUE(changed([](AuditEntry& e) { e.id = 2; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.at = "2026-11-25T10:00:02Z"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.user_id = std::nullopt; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.action = "append"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.subject = "case"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.subject_id = 43; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.route = "GET /cases/{id}"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.child_id = std::nullopt; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.basis = "school_on_roll"; }));
  EXPECT_NE(link_hash(std::string(63, '0') + "1", base), h);
}

TEST(AuditChain, FieldsCannotBeShiftedIntoEachOther) {
  AuditEntry a{1, "x", 1, "ab", "c", 1, "r", 1, "b", std::nullopt, std::nullopt};
  AuditEntry b = a;
  b.action = "a";
  b.subject = "bc";
  EXPECT_NE(audit_canonical_text(a), audit_canonical_text(b));
}

TEST(AuditChain, FindsModifiedDeletedAndReorderedRows) {
  auto rows = chain(5);
  auto modified = rows;
  modified[2].route = "GET /elsewhere";
  EXPECT_EQ(verify(modified)->id, 3);

  auto deleted = rows;
  deleted.erase(deleted.begin() + 1);
  EXPECT_EQ(verify(deleted)->id, 3);

  auto reordered = rows;
  std::swap(reordered[1], reordered[3]);
  EXPECT_EQ(verify(reordered)->id, 4);  // row 4 now sits second: it does not follow row 1
  EXPECT_NE(verify(reordered)->reason.find("does not follow"), std::string::npos);
  std::vector<AuditEntry> backwards{rows[0], rows[1], rows[1]};
  EXPECT_NE(verify(backwards)->reason.find("out of order"), std::string::npos);
}

TEST(AuditChain, RowsFromBeforeTheChainComeFirstOnly) {
  AuditEntry old1{1, "2026-01-01T00:00:00Z", 1, "read", "case", 1, "GET /cases/{id}", std::nullopt, "",
                  std::nullopt, std::nullopt};
  AuditEntry old2 = old1;
  old2.id = 2;
  std::string prev(kGenesis);
  AuditEntry first{3, "2026-11-25T00:00:00Z", 1, "read", "case", 1, "GET /cases/{id}", 9, "council_staff", prev,
                   std::nullopt};
  first.hash = link_hash(prev, first);
  ChainVerifier v;
  EXPECT_FALSE(v.add(old1));
  EXPECT_FALSE(v.add(old2));
  EXPECT_FALSE(v.add(first));
  EXPECT_EQ(v.unchained(), 2);
  AuditEntry unhashed_later = old1;
  unhashed_later.id = 4;
  EXPECT_TRUE(v.add(unhashed_later));  // once the chain began, a row without hashes is a break
}

}  // namespace
}  // namespace gt
