// FIFO exclusive locks over one participant's resources, as held by the atomic-commit protocols
// (2PC and 3PC): a transaction that joins locks one resource, or queues behind the holder; releasing
// hands the lock to the oldest waiter. Kept in one place because the lock trace events (acquire, wait,
// release) and the queue order are what the lessons and the trace hash see: both protocols must
// produce them the same way.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs {

// One transaction's claim on one resource at one participant: the protocol keeps it with its other
// per-transaction state (and takes `resource` from there for its log records).
struct LockClaim {
  std::int64_t resource = 0;
  bool held = false;
  bool waiting = false;  // queued behind the holder
};

class LockTable {
 public:
  struct Lock {
    TxnId holder = 0;  // 0: free
    std::vector<TxnId> waiters;  // oldest first
  };

  LockTable() = default;

  // Locks claim.resource for txn if it is free, else queues txn behind the holder; traces either.
  void acquire(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim);
  // Recovery: txn voted while holding the lock, and the vote promised to keep it; takes it back.
  void restore(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim);
  // Gives up the claim: leaves the queue (untraced), or frees the lock and hands it to the oldest
  // waiter. Returns that waiter (its own claim must then be marked with grant()), else 0.
  TxnId release(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim);
  static void grant(LockClaim& claim) {
    claim.waiting = false;
    claim.held = true;
  }
  // The participants' hand-over (2PC, 3PC, Paxos Commit): releases txn's claim; the oldest waiter
  // (its per-transaction state found by `state_of(next)`, which has `lock` and `prepare_pending`)
  // gets the lock, and a PREPARE it had to defer while it waited is handled now by `resume(next)`.
  template <class StateOf, class Resume>
  void release_and_resume(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim, StateOf&& state_of,
                          Resume&& resume) {
    const TxnId next = release(sim, node, txn, claim);
    if (next == 0) return;
    auto& waiter = state_of(next);
    grant(waiter.lock);
    if (waiter.prepare_pending) {
      waiter.prepare_pending = false;
      resume(next);
    }
  }
  // Locks live in memory: a crash forgets them all.
  void forget() { locks_.clear(); }

  // For views and figures.
  void append_views(std::vector<LockView>& out) const;
  std::int64_t held() const;     // locks with a holder
  std::int64_t waiting() const;  // transactions queued
  // For the explorer's canonical state (Protocol::encode_state): every lock with its queue, by resource.
  void encode(std::vector<std::int64_t>& out) const;
  // Locks with an entry (held or waited for); the rest take no memory.
  std::size_t entries() const { return locks_.size(); }

 private:
  using Entry = std::pair<std::int64_t, Lock>;
  // The entry of claim.resource, made (free) if there is none.
  Lock& at(const LockClaim& claim);
  // Frees the entry of a lock nobody holds or waits for.
  void tidy(const LockClaim& claim);
  // Only locks held or waited for, sorted by resource: a participant may have up to 10^6 resources
  // (16 of them, 32 bytes a lock, made half a gigabyte before the run started) and a run touches few.
  // A sorted vector, not a std::map: a transaction takes a lock and frees it, and a map node was a
  // malloc and a free each time (with the tree's rebalancing, ~8 % of a 2PC run's instructions);
  // the few locks held at a time are a short array whose memory is reused.
  std::vector<Entry> locks_;
};

}  // namespace cs
