// "votes" of 2PC, 3PC and Paxos Commit: a participant that votes abort on every transaction
// ({"P2": "abort"}) or only on some ({"P2": {"abort": [2, 5]}}), and the errors that name the key.
#include <gtest/gtest.h>

#include "protocols/registry.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

std::vector<TxnId> aborted(const Simulation& s) {
  std::vector<TxnId> out;
  for (const auto& t : s.protocol().transactions())
    if (t.outcome == TxnOutcome::Aborted) out.push_back(t.id);
  return out;
}

Scenario scenario(const char* protocol, nlohmann::json params) {
  Scenario s = two_pc(std::move(params));
  s.protocol = protocol;
  return s;
}

std::vector<std::string> problems(const char* protocol, const nlohmann::json& params) {
  Diagnostics d;
  EXPECT_EQ(find_protocol(protocol)->create(params, d), nullptr) << protocol;
  std::vector<std::string> out;
  for (const auto& e : d) out.push_back(e.path + ": " + e.message);
  return out;
}

}  // namespace

TEST(CommitVotes, AListAbortsOnlyThoseTransactions) {
  for (const char* protocol : {"2pc", "3pc", "paxos-commit"}) {
    auto s = build(scenario(protocol, {{"participants", 3}, {"transactions", 6}, {"interval_ms", 40},
                                       {"votes", {{"P2", {{"abort", {5, 2}}}}, {"P3", "commit"}}}}));
    s->run();
    EXPECT_EQ(aborted(*s), (std::vector<TxnId>{2, 5})) << protocol;
    for (const auto& inv : s->invariants()) EXPECT_TRUE(inv->held()) << protocol << ": " << inv->key();
  }
}

TEST(CommitVotes, EveryTransactionStaysTheShortForm) {
  auto s = build(scenario("2pc", {{"participants", 2}, {"transactions", 3}, {"votes", {{"P1", "abort"}}}}));
  s->run();
  EXPECT_EQ(aborted(*s), (std::vector<TxnId>{1, 2, 3}));
}

TEST(CommitVotes, MistakesNameTheirKey) {
  const nlohmann::json base = {{"participants", 3}, {"transactions", 4}};
  auto with = [&](nlohmann::json votes) {
    nlohmann::json p = base;
    p["votes"] = std::move(votes);
    return p;
  };
  for (const char* protocol : {"2pc", "3pc", "paxos-commit"}) {
    EXPECT_EQ(problems(protocol, with({{"P2", {{"abort", {5}}}}})),
              (std::vector<std::string>{"params.votes.P2.abort: every entry must be a transaction number between 1 and 4"}))
        << protocol;
    EXPECT_EQ(problems(protocol, with({{"P2", {{"abort", nlohmann::json::array()}}}})),
              (std::vector<std::string>{"params.votes.P2.abort: must be a non-empty list of transaction numbers such as [2, 5]"}));
    EXPECT_EQ(problems(protocol, with({{"P2", {{"commit", {1}}}}})),
              (std::vector<std::string>{"params.votes.P2: must be \"abort\", \"commit\" or {\"abort\": [transaction "
                                        "numbers]}, such as {\"abort\": [2, 5]}"}));
    EXPECT_EQ(problems(protocol, with({{"P2", "maybe"}})),
              (std::vector<std::string>{"params.votes.P2: must be \"commit\", \"abort\" or {\"abort\": [transaction numbers]}"}));
  }
}
