// Invariants of Paxos Commit that the 2PC/3PC checkers do not express: a commit needs every RM's
// durable PREPARED record (the vote is a log record there, not a message), and each RM's Paxos
// instance chooses one value at most.
#pragma once

#include <memory>

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "check/invariant.hpp"
#include "sim/types.hpp"

namespace cs {

// Nobody commits a transaction unless every participant logged its prepared vote for it first.
class PreparedValidityInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<PreparedValidityInvariant>(*this); }
  PreparedValidityInvariant(std::uint16_t commit_state, std::uint16_t prepared_record, std::vector<NodeId> participants);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override {
    return trace_kind_bit(TraceKind::LogAppend) | trace_kind_bit(TraceKind::State);
  }

 private:
  std::uint16_t commit_;
  std::uint16_t prepared_;
  std::vector<NodeId> participants_;
  std::uint64_t all_ = 0;
  std::vector<std::uint64_t> prepared_by_;  // per txn: bit i when participants_[i] logged PREPARED
};

// How an acceptor's ACCEPTED record stores (ballot, instance, value).
struct AcceptedRecordLayout {
  std::int64_t (*ballot)(std::int64_t value);
  int (*instance)(std::int64_t value);
  std::uint8_t (*vote)(std::int64_t value);
};

// A value is chosen for an instance once `quorum` acceptors logged accepting it in one ballot; no
// instance may ever have two different values chosen (Paxos's safety property).
class ChosenOnceInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ChosenOnceInvariant>(*this); }
  ChosenOnceInvariant(std::uint16_t accepted_record, int quorum, AcceptedRecordLayout layout);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override { return trace_kind_bit(TraceKind::LogAppend); }

 private:
  struct Count {
    std::uint8_t value = 0;
    std::uint64_t acceptors = 0;  // bit = node id
  };
  std::uint16_t record_;
  int quorum_;
  AcceptedRecordLayout layout_;
  std::map<std::tuple<TxnId, int, std::int64_t>, Count> accepted_;  // (txn, instance, ballot)
  std::map<std::pair<TxnId, int>, std::uint8_t> chosen_;            // (txn, instance)
};

}  // namespace cs
