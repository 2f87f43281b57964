#include "check/linearizability.hpp"

#include <algorithm>
#include <unordered_set>

#include "sim/protocol.hpp"

namespace cs::lin {

std::string_view verdict_key(Verdict v) {
  switch (v) {
    case Verdict::Linearizable: return "linearizable";
    case Verdict::NotLinearizable: return "not_linearizable";
    case Verdict::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

// A configuration of the search: which operations are linearized (bits) and the register's value.
// The set is only probed for membership, never iterated, so its order cannot leak into results.
struct ConfigHash {
  std::size_t operator()(const std::vector<std::uint64_t>& v) const {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (std::uint64_t w : v) h = (h ^ w) * 0x100000001B3ull + (h >> 29);
    return static_cast<std::size_t>(h);
  }
};

class Search {
 public:
  Search(std::vector<Op> ops, std::size_t limit) : ops_(std::move(ops)), limit_(limit) {
    words_ = (ops_.size() + 63) / 64;
    done_.assign(words_ + 1, 0);  // one spare word: is_done(ops_.size()) is false, ending scans
  }

  Result run(std::int64_t initial) {
    Result r;
    const bool ok = dfs(initial, ops_.size(), 0);
    r.states = states_;
    r.verdict = ok ? Verdict::Linearizable : (hit_limit_ ? Verdict::Unknown : Verdict::NotLinearizable);
    return r;
  }

 private:
  bool is_done(std::size_t i) const { return (done_[i / 64] >> (i % 64)) & 1u; }
  void flip(std::size_t i) { done_[i / 64] ^= std::uint64_t{1} << (i % 64); }

  // Plain recursion: the depth is the number of operations, which the caller bounds (max_ops).
  // `lo` is the first operation not yet linearized; ops_ is sorted by invocation, so every loop below
  // stops at the first operation invoked after the earliest pending response (the window).
  bool dfs(std::int64_t value, std::size_t remaining, std::size_t lo) {
    if (remaining == 0) return true;
    while (is_done(lo)) ++lo;
    // An operation may go next only if no other pending operation finished before it began. An
    // operation invoked after the running minimum cannot lower it (its response is later still).
    Time min_response = kNever;
    for (std::size_t i = lo; i < ops_.size() && ops_[i].invoke <= min_response; ++i)
      if (!is_done(i)) min_response = std::min(min_response, ops_[i].response);
    std::vector<std::size_t> writes;
    std::vector<std::int64_t> wanted;  // values that reads able to go next are waiting for
    for (std::size_t i = lo; i < ops_.size() && ops_[i].invoke <= min_response; ++i) {
      if (is_done(i)) continue;
      const Op& o = ops_[i];
      if (o.write) {
        writes.push_back(i);
      } else if (o.result[0] == value) {
        // A read that can go next and sees the current value may always go first: it changes nothing
        // and only lifts constraints. No need to branch.
        return step(i, value, remaining, lo);
      } else {
        wanted.push_back(o.result[0]);
      }
    }
    // Try first the writes such a read is waiting for, then those that answered earliest: in a
    // correct history these are the likeliest to come next.
    const auto rank = [&](std::size_t i) {
      return std::find(wanted.begin(), wanted.end(), ops_[i].value) != wanted.end() ? 0 : 1;
    };
    std::stable_sort(writes.begin(), writes.end(), [&](std::size_t a, std::size_t b) {
      return rank(a) != rank(b) ? rank(a) < rank(b) : ops_[a].response < ops_[b].response;
    });
    for (std::size_t i : writes) {
      if (step(i, ops_[i].value, remaining, lo)) return true;
      if (hit_limit_) return false;
    }
    return false;
  }

  // Linearizes op i next, leaving the register at `next`. A configuration seen before failed already
  // (or hit the limit), so it is not explored twice.
  bool step(std::size_t i, std::int64_t next, std::size_t remaining, std::size_t lo) {
    flip(i);
    std::vector<std::uint64_t> key = done_;
    key.push_back(static_cast<std::uint64_t>(next));
    bool ok = false;
    if (seen_.insert(std::move(key)).second) {
      if (++states_ > limit_)
        hit_limit_ = true;
      else
        ok = dfs(next, remaining - 1, lo);
    }
    flip(i);
    return ok;
  }

  std::vector<Op> ops_;
  std::size_t limit_;
  std::size_t words_ = 0;
  std::vector<std::uint64_t> done_;
  std::unordered_set<std::vector<std::uint64_t>, ConfigHash> seen_;
  std::size_t states_ = 0;
  bool hit_limit_ = false;
};

// A fast, sound test for the commonest violation, so that it is found without a search: a read r
// returns v although some operation x that completed before r began had already seen (or written) a
// value u whose write began after v's write had completed. Then v < u <= x < r in every order that
// respects real time, and u overwrote v before r read it.
bool stale_read(const std::vector<Op>& ops, std::int64_t initial) {
  std::vector<std::pair<std::int64_t, const Op*>> writes;  // value -> its write
  for (const Op& o : ops)
    if (o.write) writes.emplace_back(o.value, &o);
  std::sort(writes.begin(), writes.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto write_of = [&](std::int64_t v) -> const Op* {
    auto it = std::lower_bound(writes.begin(), writes.end(), v, [](const auto& e, std::int64_t x) { return e.first < x; });
    return it != writes.end() && it->first == v ? it->second : nullptr;
  };
  const auto older = [&](std::int64_t v, std::int64_t u) {
    if (v == u || u == initial) return false;
    if (v == initial) return true;
    const Op* wv = write_of(v);
    const Op* wu = write_of(u);
    return wv && wu && wv->response < wu->invoke;
  };
  for (const Op& r : ops) {
    if (r.write) continue;
    for (const Op& x : ops) {
      if (x.response >= r.invoke) continue;
      const std::int64_t u = x.write ? x.value : x.result[0];
      if (older(r.result[0], u)) return true;
    }
  }
  return false;
}

}  // namespace

Result check_register(const std::vector<Op>& ops, std::int64_t initial, std::size_t state_limit) {
  // Values some read returned: a write that never answered must be placed if (and only if) its value
  // was read; one whose value nobody read can always be left out, which is never worse.
  std::vector<std::int64_t> read_values;
  for (const Op& o : ops)
    if (!o.write && o.response != kNever) read_values.insert(read_values.end(), o.result.begin(), o.result.end());
  std::sort(read_values.begin(), read_values.end());
  std::vector<std::int64_t> written{initial};
  std::vector<Op> kept;
  for (const Op& o : ops) {
    if (o.write) {
      written.push_back(o.value);
      if (o.response == kNever && !std::binary_search(read_values.begin(), read_values.end(), o.value)) continue;
      kept.push_back(o);
    } else if (o.response != kNever) {
      // Siblings (several values at once) cannot be the state of one register.
      if (o.result.size() != 1) return Result{Verdict::NotLinearizable, 0};
      kept.push_back(o);
    }
  }
  // A read of a value nobody wrote cannot be explained by any order.
  std::sort(written.begin(), written.end());
  for (std::int64_t v : read_values)
    if (!std::binary_search(written.begin(), written.end(), v)) return Result{Verdict::NotLinearizable, 0};
  if (stale_read(kept, initial)) return Result{Verdict::NotLinearizable, 0};
  std::stable_sort(kept.begin(), kept.end(), [](const Op& a, const Op& b) { return a.invoke < b.invoke; });
  return Search(std::move(kept), state_limit).run(initial);
}

LinearizabilityInvariant::LinearizabilityInvariant(const RegisterHistory& history, std::size_t config_limit)
    : Invariant("linearizable",
                "Every completed read and write can be placed in one sequential order that respects real time "
                "(checked exhaustively per key; unknown beyond the search limit)."),
      history_(history),
      config_limit_(config_limit) {}

const RegisterMonitor* LinearizabilityInvariant::monitor(std::int64_t key) const {
  return key >= 0 && static_cast<std::size_t>(key) < keys_.size() ? &keys_[static_cast<std::size_t>(key)] : nullptr;
}

RegisterMonitor& LinearizabilityInvariant::key_monitor(std::int64_t key) {
  const auto k = static_cast<std::size_t>(key);
  while (keys_.size() <= k) keys_.emplace_back(0, config_limit_);
  if (invoked_.size() <= k) invoked_.resize(k + 1, 0);
  return keys_[k];
}

std::unique_ptr<Invariant> LinearizabilityInvariant::clone_for(const Protocol& copy) const {
  const auto* history = dynamic_cast<const RegisterHistory*>(&copy);
  if (!history) return nullptr;
  return std::unique_ptr<Invariant>(new LinearizabilityInvariant(*this, *history));
}

void LinearizabilityInvariant::observe(const TraceEvent& ev) {
  if (!held()) return;
  const std::int64_t key = history_.key_of(ev.txn);
  if (key < 0) return;  // not an operation, or one never invoked (its client was down)
  RegisterMonitor& m = key_monitor(key);
  if (m.gave_up()) return;
  if (ev.kind == TraceKind::TxnStart) {
    ++invoked_[static_cast<std::size_t>(key)];
    m.invoke(ev.txn, history_.is_write(ev.txn), ev.time);
  } else if (ev.kind == TraceKind::TxnEnd && ev.key == static_cast<std::uint16_t>(TxnOutcome::Committed)) {
    if (!m.respond(ev.txn, ev.time, history_.result_of(ev.txn))) {
      violate(ev, "after operation " + std::to_string(ev.txn) + " completed, no sequential order of the " +
                      std::to_string(invoked_[static_cast<std::size_t>(key)]) + " operations on key " +
                      std::to_string(key) +
                      " respects real time and register semantics: some read returned a value it could not have seen");
    }
  } else if (ev.kind == TraceKind::TxnEnd) {
    m.abandon(ev.txn, ev.time);
  }
  if (m.gave_up()) unknown_ = true;
}

bool checked_in_part(const Invariant& inv) {
  const auto* lin = dynamic_cast<const LinearizabilityInvariant*>(&inv);
  return lin && lin->held() && lin->unknown();
}

}  // namespace cs::lin
