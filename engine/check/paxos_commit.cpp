#include "check/paxos_commit.hpp"

#include <bit>
#include <string>

namespace cs {

PreparedValidityInvariant::PreparedValidityInvariant(std::uint16_t commit_state, std::uint16_t prepared_record,
                                                     std::vector<NodeId> participants)
    : Invariant("commit_validity", "Nobody commits unless every participant voted to commit."),
      commit_(commit_state),
      prepared_(prepared_record),
      participants_(std::move(participants)) {
  all_ = participants_.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << participants_.size()) - 1;
}

void PreparedValidityInvariant::observe(const TraceEvent& ev) {
  if (prepared_by_.size() <= ev.txn) prepared_by_.resize(ev.txn + 1 + prepared_by_.size() / 2, 0);
  if (ev.kind == TraceKind::LogAppend && ev.key == prepared_) {
    for (std::size_t i = 0; i < participants_.size() && i < 64; ++i)
      if (participants_[i] == ev.node) prepared_by_[ev.txn] |= std::uint64_t{1} << i;
    return;
  }
  if (ev.kind != TraceKind::State || ev.key != commit_) return;
  if ((prepared_by_[ev.txn] & all_) != all_)
    violate(ev, "transaction " + std::to_string(ev.txn) + " committed without a prepared vote from every participant");
}

ChosenOnceInvariant::ChosenOnceInvariant(std::uint16_t accepted_record, int quorum, AcceptedRecordLayout layout)
    : Invariant("chosen_once", "Each RM's Paxos instance chooses at most one value (prepared or aborted)."),
      record_(accepted_record),
      quorum_(quorum),
      layout_(layout) {}

void ChosenOnceInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend || ev.key != record_ || ev.node < 0 || ev.node >= 64) return;
  const int instance = layout_.instance(ev.value);
  const std::uint8_t value = layout_.vote(ev.value);
  std::uint64_t& acceptors = accepted_[{ev.txn, instance, layout_.ballot(ev.value), value}];
  acceptors |= std::uint64_t{1} << ev.node;
  if (std::popcount(acceptors) < quorum_) return;
  std::uint8_t& chosen = chosen_[{ev.txn, instance}];
  if (chosen == 0) {
    chosen = value;
  } else if (chosen != value) {
    violate(ev, "transaction " + std::to_string(ev.txn) + ": the instance of participant " + std::to_string(instance) +
                    " chose two different values");
  }
}

}  // namespace cs
