// Invariants of atomic commitment protocols (2PC, 3PC), checked on every trace event.
#pragma once

#include <memory>

#include <cstdint>
#include <vector>

#include "check/invariant.hpp"
#include "sim/types.hpp"

namespace cs {

// No two nodes decide differently for one transaction, and no node changes its decision.
class AgreementInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<AgreementInvariant>(*this); }
  AgreementInvariant(std::uint16_t commit_state, std::uint16_t abort_state);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override { return trace_kind_bit(TraceKind::State); }
  std::uint64_t keys(TraceKind) const override { return trace_key_bit(commit_) | trace_key_bit(abort_); }

 private:
  std::uint16_t commit_;
  std::uint16_t abort_;
  std::vector<std::uint8_t> decided_;  // per txn: 0 none, 1 commit, 2 abort
};

// Nobody commits a transaction unless every participant voted to commit it.
class CommitValidityInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<CommitValidityInvariant>(*this); }
  CommitValidityInvariant(std::uint16_t commit_state, std::uint16_t vote_commit_msg, std::vector<NodeId> participants);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override { return trace_kind_bit(TraceKind::Send) | trace_kind_bit(TraceKind::State); }
  std::uint64_t keys(TraceKind k) const override {
    return trace_key_bit(k == TraceKind::Send ? vote_commit_ : commit_);
  }

 private:
  std::uint16_t commit_;
  std::uint16_t vote_commit_;
  std::vector<NodeId> participants_;
  std::vector<std::uint64_t> vote_bits_;  // by node id: the bits of participants_ that node is
  std::uint64_t all_votes_ = 0;
  // Per txn, `width_` bytes: bit i set when participants_[i] voted commit. Bytes, not a 64-bit word,
  // because the table grows with the run: with up to 8 participants a 10,000-transaction run touches
  // 10 KB instead of 80 KB (grown by copying: ~60 page faults fewer, ~14 µs each on the project's VM).
  std::size_t width_ = 1;
  std::vector<std::uint8_t> votes_;
};

// Each node applies (logs) a commit at most once per transaction: duplicate decisions are harmless.
class CommitOnceInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<CommitOnceInvariant>(*this); }
  explicit CommitOnceInvariant(std::uint16_t commit_record);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override { return trace_kind_bit(TraceKind::LogAppend); }
  std::uint64_t keys(TraceKind) const override { return trace_key_bit(record_); }

 private:
  std::uint16_t record_;
  // Per txn, bit n set once node n (below 8: a coordinator and up to seven participants) applied the
  // commit: one byte per transaction for all of them, where a byte per node and transaction made the
  // table grow, by copying, once per node (~30 page faults of a 10,000-transaction run).
  std::vector<std::uint8_t> applied_low_;
  std::vector<std::vector<std::uint8_t>> applied_;  // [node][txn]: how often, for nodes from 8 on
};

}  // namespace cs
