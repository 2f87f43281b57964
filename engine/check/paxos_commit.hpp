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
  std::uint64_t keys(TraceKind k) const override {
    return k == TraceKind::LogAppend ? trace_key_bit(prepared_) : trace_key_bit(commit_);
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

// A value is chosen for an instance once `quorum` acceptors logged accepting that value in one
// ballot (PaxosCommit.tla's "decided": a majority sent the same phase2b, same ballot and value); no
// instance may ever have two different values chosen (Paxos's safety property). Acceptances are
// counted per (ballot, value), not per ballot: a ballot whose acceptors accepted different values
// (a leader that proposed two, or one acceptor that switched) chose none of them unless a quorum
// accepted the same one.
class ChosenOnceInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ChosenOnceInvariant>(*this); }
  ChosenOnceInvariant(std::uint16_t accepted_record, int quorum, AcceptedRecordLayout layout);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override { return trace_kind_bit(TraceKind::LogAppend); }
  std::uint64_t keys(TraceKind) const override { return trace_key_bit(record_); }

 private:
  std::uint16_t record_;
  int quorum_;
  AcceptedRecordLayout layout_;
  // (txn, instance, ballot, value) -> the acceptors that logged accepting it (bit = node id)
  std::map<std::tuple<TxnId, int, std::int64_t, std::uint8_t>, std::uint64_t> accepted_;
  std::map<std::pair<TxnId, int>, std::uint8_t> chosen_;            // (txn, instance)
};

}  // namespace cs
