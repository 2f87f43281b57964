#include "protocols/lock_table.hpp"

#include <algorithm>

namespace cs {

void LockTable::acquire(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim) {
  Lock& l = at(claim);
  if (l.holder == 0) {
    l.holder = txn;
    claim.held = true;
    sim.lock_event(TraceKind::LockAcquire, node, txn, claim.resource);
  } else {
    l.waiters.push_back(txn);
    claim.waiting = true;
    sim.lock_event(TraceKind::LockWait, node, txn, claim.resource);
  }
}

void LockTable::restore(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim) {
  at(claim).holder = txn;
  claim.held = true;
  sim.lock_event(TraceKind::LockAcquire, node, txn, claim.resource);
}

TxnId LockTable::release(Simulator& sim, NodeId node, TxnId txn, LockClaim& claim) {
  if (!claim.waiting && !claim.held) return 0;  // (before at(), which would add an entry)
  Lock& l = at(claim);
  if (claim.waiting) {
    claim.waiting = false;
    l.waiters.erase(std::remove(l.waiters.begin(), l.waiters.end(), txn), l.waiters.end());
    tidy(claim);
    return 0;
  }
  if (!claim.held) return 0;
  claim.held = false;
  l.holder = 0;
  sim.lock_event(TraceKind::LockRelease, node, txn, claim.resource);
  if (l.waiters.empty()) {
    tidy(claim);
    return 0;
  }
  const TxnId next = l.waiters.front();
  l.waiters.erase(l.waiters.begin());
  l.holder = next;
  // The waiter queued on this very lock, so its claim names the same resource.
  sim.lock_event(TraceKind::LockAcquire, node, next, claim.resource);
  return next;
}

namespace {
// The first entry whose resource is not below r.
template <class Entries>
auto find_slot(Entries& locks, std::int64_t r) {
  return std::lower_bound(locks.begin(), locks.end(), r, [](const auto& e, std::int64_t x) { return e.first < x; });
}
}  // namespace

LockTable::Lock& LockTable::at(const LockClaim& claim) {
  const auto it = find_slot(locks_, claim.resource);
  if (it != locks_.end() && it->first == claim.resource) return it->second;
  return locks_.insert(it, Entry{claim.resource, Lock{}})->second;
}

void LockTable::tidy(const LockClaim& claim) {
  const auto it = find_slot(locks_, claim.resource);
  if (it != locks_.end() && it->first == claim.resource && it->second.holder == 0 && it->second.waiters.empty())
    locks_.erase(it);
}

void LockTable::append_views(std::vector<LockView>& out) const {
  for (const auto& [r, l] : locks_)  // by resource
    if (l.holder != 0 || !l.waiters.empty()) out.push_back(LockView{r, l.holder, l.waiters});
}

void LockTable::encode(std::vector<std::int64_t>& out) const {
  out.push_back(static_cast<std::int64_t>(locks_.size()));
  for (const auto& [resource, lock] : locks_) {  // sorted: in resource order
    out.push_back(resource);
    out.push_back(lock.holder);
    out.push_back(static_cast<std::int64_t>(lock.waiters.size()));
    out.insert(out.end(), lock.waiters.begin(), lock.waiters.end());
  }
}

std::int64_t LockTable::held() const {
  return std::count_if(locks_.begin(), locks_.end(), [](const auto& e) { return e.second.holder != 0; });
}

std::int64_t LockTable::waiting() const {
  std::int64_t n = 0;
  for (const auto& [r, l] : locks_) n += static_cast<std::int64_t>(l.waiters.size());
  return n;
}

}  // namespace cs
