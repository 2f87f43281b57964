#include "check/saga.hpp"

#include <algorithm>
#include <string>

#include "sim/protocol.hpp"

namespace cs {

namespace {
template <typename T>
T& slot(std::vector<T>& v, std::size_t i) {
  if (v.size() <= i) v.resize(i + 1 + v.size() / 2, T{});
  return v[i];
}

// The step a record belongs to, or -1 when the node runs no step.
int step_of(const SagaRecords& r, NodeId node) {
  for (std::size_t k = 0; k < r.step_nodes.size(); ++k)
    if (r.step_nodes[k] == node) return static_cast<int>(k);
  return -1;
}

std::string saga_str(TxnId t) { return "saga " + std::to_string(t); }
}  // namespace

// ---------------------------------------------------------------------------------------------

AllOrCompensatedInvariant::AllOrCompensatedInvariant(SagaRecords r)
    : Invariant("all_or_compensated",
                "When a saga ends, either all its steps applied, or every step that applied was compensated; "
                "no step applies after its compensation or after the end."),
      r_(std::move(r)) {}

void AllOrCompensatedInvariant::observe(const TraceEvent& ev) {
  if (ev.kind == TraceKind::LogAppend) {
    const int k = step_of(r_, ev.node);
    if (k < 0 || (ev.key != r_.applied && ev.key != r_.compensated)) return;
    Saga& s = slot(sagas_, ev.txn);
    const std::uint32_t bit = 1u << k;
    if (ev.key == r_.applied) {
      if (s.ended) violate(ev, "step " + std::to_string(k) + " of " + saga_str(ev.txn) + " applied after the saga ended");
      if (s.compensated & bit)
        violate(ev, "step " + std::to_string(k) + " of " + saga_str(ev.txn) + " applied after its compensation");
      s.applied |= bit;
    } else {
      if (ev.value == 1 && !(s.applied & bit))
        violate(ev, "step " + std::to_string(k) + " of " + saga_str(ev.txn) + " undone but never applied");
      if (ev.value != 1 && (s.applied & bit))
        violate(ev, "step " + std::to_string(k) + " of " + saga_str(ev.txn) + " applied but its compensation undid nothing");
      if (ev.value == 1) s.undone |= bit;
      s.compensated |= bit;
    }
    return;
  }
  if (ev.kind != TraceKind::TxnEnd) return;
  Saga& s = slot(sagas_, ev.txn);
  s.ended = true;
  const std::uint32_t all = (1u << r_.step_nodes.size()) - 1u;
  const auto outcome = static_cast<TxnOutcome>(ev.key);
  if (outcome == TxnOutcome::Committed && (s.applied != all || s.undone != 0))
    violate(ev, saga_str(ev.txn) + " completed without every step applied exactly once");
  if (outcome == TxnOutcome::Aborted && s.applied != s.undone)
    violate(ev, saga_str(ev.txn) + " ended compensated with an applied step left uncompensated");
}

// ---------------------------------------------------------------------------------------------

CompensationOrderInvariant::CompensationOrderInvariant(SagaRecords r)
    : Invariant("compensation_order",
                "A step is compensated only after every later step that applied has been compensated (reverse order)."),
      r_(std::move(r)) {}

void CompensationOrderInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend) return;
  const int k = step_of(r_, ev.node);
  if (k < 0) return;
  const std::uint32_t bit = 1u << k;
  if (ev.key == r_.applied) {
    slot(applied_, ev.txn) |= bit;
  } else if (ev.key == r_.compensated) {
    const std::uint32_t later = ~((bit << 1) - 1u);
    const std::uint32_t open = slot(applied_, ev.txn) & ~slot(compensated_, ev.txn) & later;
    if (open != 0)
      violate(ev, "step " + std::to_string(k) + " of " + saga_str(ev.txn) +
                      " compensated while a later step was still applied");
    slot(compensated_, ev.txn) |= bit;
  }
}

// ---------------------------------------------------------------------------------------------

ExactlyOnceEffectInvariant::ExactlyOnceEffectInvariant(std::vector<std::uint16_t> effect_records,
                                                       std::optional<std::uint16_t> lost_note)
    : Invariant("exactly_once_effect",
                lost_note ? "Every effect is applied exactly once: duplicates change nothing and no event is lost."
                          : "Every effect is applied at most once per node and transaction: duplicates change nothing."),
      records_(std::move(effect_records)),
      lost_note_(lost_note) {}

void ExactlyOnceEffectInvariant::observe(const TraceEvent& ev) {
  if (ev.kind == TraceKind::Note && lost_note_ && ev.key == *lost_note_) {
    violate(ev, "the event of transaction " + std::to_string(ev.txn) + " was lost: its effect will never be applied");
    return;
  }
  if (ev.kind != TraceKind::LogAppend || ev.node < 0) return;
  const auto it = std::find(records_.begin(), records_.end(), ev.key);
  if (it == records_.end()) return;
  const std::size_t row = static_cast<std::size_t>(ev.node) * records_.size() + static_cast<std::size_t>(it - records_.begin());
  std::uint8_t& n = slot(slot(seen_, row), ev.txn);
  if (n < 255) ++n;
  if (n > 1) violate(ev, "an effect of transaction " + std::to_string(ev.txn) + " was applied twice at one node");
}

// ---------------------------------------------------------------------------------------------

EffectAfterCommitInvariant::EffectAfterCommitInvariant(NodeId source, std::uint16_t commit_record, NodeId sink,
                                                       std::uint16_t effect_record)
    : Invariant("effect_after_commit", "An event's effect is applied only for a transaction its source committed."),
      source_(source),
      sink_(sink),
      commit_(commit_record),
      effect_(effect_record) {}

void EffectAfterCommitInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend) return;
  if (ev.node == source_ && ev.key == commit_) slot(committed_, ev.txn) = 1;
  const bool at_sink = sink_ == kNoNode ? ev.node != source_ : ev.node == sink_;
  if (at_sink && ev.key == effect_ && !slot(committed_, ev.txn))
    violate(ev, "the effect of transaction " + std::to_string(ev.txn) + " was applied but its source never committed it");
}

// ---------------------------------------------------------------------------------------------

NoDirtyReadInvariant::NoDirtyReadInvariant(NodeId node, std::uint16_t applied, std::uint16_t compensated,
                                           std::uint16_t read_note)
    : Invariant("no_dirty_read",
                "No saga reads a value that includes another saga's unfinished step which is later compensated."),
      node_(node),
      applied_(applied),
      compensated_(compensated),
      read_note_(read_note) {}

void NoDirtyReadInvariant::observe(const TraceEvent& ev) {
  if (ev.kind == TraceKind::TxnEnd) {
    pending_.erase(ev.txn);  // finished either way: its effect is final, or already undone
    return;
  }
  if (ev.node != node_) return;
  if (ev.kind == TraceKind::Note && ev.key == read_note_) {
    for (TxnId w : pending_)
      if (w != ev.txn) slot(readers_, w).push_back(ev.txn);
    return;
  }
  if (ev.kind != TraceKind::LogAppend) return;
  if (ev.key == applied_) {
    pending_.insert(ev.txn);
  } else if (ev.key == compensated_ && ev.value == 1) {
    pending_.erase(ev.txn);
    const auto& readers = slot(readers_, ev.txn);
    if (!readers.empty())
      violate(ev, "saga " + std::to_string(readers.front()) + " read a value that included saga " +
                      std::to_string(ev.txn) + "'s step, which was then compensated (dirty read)");
  }
}

NoLostUpdateInvariant::NoLostUpdateInvariant(StockRecords r, std::int64_t initial_stock)
    : Invariant("no_lost_update",
                "INVENTORY's stock always equals the initial stock minus the reservations that hold: no "
                "compensation overwrites another saga's update."),
      r_(r),
      initial_(initial_stock) {}

void NoLostUpdateInvariant::observe(const TraceEvent& ev) {
  if (ev.node != r_.node) return;
  if (ev.kind == TraceKind::LogAppend) {
    if (ev.key == r_.applied) holding_.insert(ev.txn);
    if (ev.key == r_.compensated && ev.value == 1) holding_.erase(ev.txn);
    return;
  }
  if (ev.kind != TraceKind::Note || (ev.key != r_.read_note && ev.key != r_.restored_note)) return;
  const std::int64_t expected = initial_ - static_cast<std::int64_t>(holding_.size());
  if (ev.value == expected) return;
  std::string others;
  for (TxnId t : holding_) others += (others.empty() ? "" : ", ") + std::to_string(t);
  const std::string held = others.empty() ? "no reservation holds" : "the reservations of saga " + others + " hold";
  if (ev.key == r_.restored_note)
    violate(ev, "saga " + std::to_string(ev.txn) + "'s compensation set the stock back to " + std::to_string(ev.value) +
                    ", but " + held + ": it should be " + std::to_string(expected) +
                    " (another saga's update was overwritten: a lost update)");
  else
    violate(ev, "saga " + std::to_string(ev.txn) + " read stock " + std::to_string(ev.value) + ", but " + held +
                    ": it should be " + std::to_string(expected) + " (an update was lost)");
}

}  // namespace cs
