#include "check/atomic_commit.hpp"

#include <algorithm>
#include <string>

namespace cs {

namespace {
template <typename T>
T& slot(std::vector<T>& v, std::size_t i) {
  if (v.size() <= i) v.resize(i + 1 + v.size() / 2, T{});
  return v[i];
}
}  // namespace

AgreementInvariant::AgreementInvariant(std::uint16_t commit_state, std::uint16_t abort_state)
    : Invariant("agreement", "No two nodes decide differently for a transaction, and no node changes its decision."),
      commit_(commit_state),
      abort_(abort_state) {}

void AgreementInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::State || (ev.key != commit_ && ev.key != abort_)) return;
  const std::uint8_t d = ev.key == commit_ ? 1 : 2;
  std::uint8_t& seen = slot(decided_, ev.txn);
  if (seen == 0) {
    seen = d;
  } else if (seen != d) {
    violate(ev, "transaction " + std::to_string(ev.txn) + " was both committed and aborted");
  }
}

CommitValidityInvariant::CommitValidityInvariant(std::uint16_t commit_state, std::uint16_t vote_commit_msg,
                                                 std::vector<NodeId> participants)
    : Invariant("commit_validity", "Nobody commits unless every participant voted to commit."),
      commit_(commit_state),
      vote_commit_(vote_commit_msg),
      participants_(std::move(participants)) {
  // Bit i stands for participants_[i]; bits past 64 participants are never set (as before).
  all_votes_ = participants_.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << participants_.size()) - 1;
  for (std::size_t i = 0; i < participants_.size() && i < 64; ++i) {
    if (participants_[i] < 0) continue;
    slot(vote_bits_, static_cast<std::size_t>(participants_[i])) |= std::uint64_t{1} << i;
  }
  width_ = std::max<std::size_t>(1, (std::min<std::size_t>(participants_.size(), 64) + 7) / 8);
}

void CommitValidityInvariant::observe(const TraceEvent& ev) {
  // Byte b of a transaction's entry holds bits 8b .. 8b+7 of the participants' bits.
  const auto entry = [this](TxnId txn) {
    const std::size_t at = static_cast<std::size_t>(txn) * width_;
    if (votes_.size() < at + width_) votes_.resize(at + width_ + votes_.size() / 2, 0);
    return votes_.data() + at;
  };
  if (ev.kind == TraceKind::Send && ev.key == vote_commit_) {
    const auto node = static_cast<std::size_t>(ev.node);
    if (ev.node < 0 || node >= vote_bits_.size() || vote_bits_[node] == 0) return;
    std::uint8_t* votes = entry(ev.txn);
    for (std::size_t b = 0; b < width_; ++b) votes[b] |= static_cast<std::uint8_t>(vote_bits_[node] >> (8 * b));
    return;
  }
  if (ev.kind != TraceKind::State || ev.key != commit_) return;
  const std::uint8_t* votes = entry(ev.txn);
  bool all = true;
  for (std::size_t b = 0; b < width_; ++b) {
    const auto want = static_cast<std::uint8_t>(all_votes_ >> (8 * b));
    all = all && (votes[b] & want) == want;
  }
  if (!all) violate(ev, "transaction " + std::to_string(ev.txn) + " committed without a commit vote from every participant");
}

CommitOnceInvariant::CommitOnceInvariant(std::uint16_t commit_record)
    : Invariant("commit_once", "A node applies a transaction's commit at most once (duplicate decisions are harmless)."),
      record_(commit_record) {}

void CommitOnceInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend || ev.key != record_ || ev.node < 0) return;
  if (ev.node < 8) {
    std::uint8_t& nodes = slot(applied_low_, ev.txn);
    const auto bit = static_cast<std::uint8_t>(1u << ev.node);
    if (nodes & bit) violate(ev, "a node applied the commit of transaction " + std::to_string(ev.txn) + " twice");
    nodes |= bit;
    return;
  }
  auto& per_node = slot(applied_, static_cast<std::size_t>(ev.node));
  std::uint8_t& n = slot(per_node, ev.txn);
  if (++n > 1) violate(ev, "a node applied the commit of transaction " + std::to_string(ev.txn) + " twice");
}

}  // namespace cs
