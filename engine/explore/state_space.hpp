// Breadth-first exploration of a finite state space, the way TLC explores a TLA+ specification:
// every state reachable from the initial one, each distinct state stored once, invariants checked
// in every state. Breadth-first, so the first violation found is at the smallest depth.
//
// A model packs its state into W 64-bit words (a fixed, canonical encoding: two equal states have
// equal words) and provides
//   State initial() const;
//   template <class Emit> void successors(const State&, Emit&& emit) const;  // emit(State) per action
//   const char* violated(const State&) const;   // key of a broken invariant, or nullptr
//   std::string describe(const State&) const;   // for reports
// The visited set is an open-addressing hash table of packed states (no pointers, no per-state
// allocation), so a million states cost tens of megabytes, not hundreds.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/memory_advice.hpp"

namespace cs::explore {

template <std::size_t W>
using Packed = std::array<std::uint64_t, W>;

struct Limits {
  std::uint64_t max_states = 20'000'000;     // distinct states; the run stops (complete = false) past it
  std::size_t max_memory = std::size_t{1} << 30;  // bytes of the visited table and the frontier
};

struct Violation {
  std::string invariant;
  int depth = 0;      // steps from the initial state (breadth-first: the shortest)
  std::string state;  // the model's description of the violating state
};

struct Result {
  std::uint64_t distinct_states = 0;
  std::uint64_t transitions = 0;  // successors generated, repeats included (TLC's "states generated" - initial)
  int max_depth = 0;              // TLC's "depth of the complete state graph search" minus one
  bool complete = true;           // false: a limit stopped the search (stopped_by says which)
  std::string stopped_by;         // "", "max_states", "max_memory"
  std::vector<Violation> violations;  // the first violation of each invariant
  std::size_t memory_bytes = 0;       // peak bytes of the table and the frontiers
};

namespace detail {

inline std::uint64_t mix(std::uint64_t x) {
  // splitmix64's finaliser: every input bit reaches every output bit.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Visited states. An all-ones key marks an empty slot: models never produce it (their encodings
// leave the top bits of the last word zero).
template <std::size_t W>
class VisitedSet {
 public:
  explicit VisitedSet(std::size_t initial_slots = 1u << 16) : slots_(allocate(initial_slots)), capacity_(initial_slots) {}
  std::size_t size() const { return size_; }
  std::size_t bytes() const { return capacity_ * sizeof(Packed<W>); }
  std::size_t bytes_after_growth() const { return 2 * bytes(); }
  bool needs_growth() const { return (size_ + 1) * 2 > capacity_; }  // at most half full
  // True when `s` was not there before (and is now). `h` = hash(s), computed once by the caller.
  bool insert(const Packed<W>& s) { return insert(s, hash(s)); }
  bool insert(const Packed<W>& s, std::uint64_t h) {
    if (needs_growth()) grow();
    const std::size_t mask = capacity_ - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (same(slots_[i], s)) return false;
      if (is_empty(slots_[i])) {
        slots_[i] = s;
        ++size_;
        return true;
      }
    }
  }
  // Asks the memory system for the slot a state with hash `h` starts probing at: the table is far
  // larger than the caches, and a batch of successors then waits for its misses together.
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & (capacity_ - 1)]); }
  void grow_now() { grow(); }
  static std::uint64_t hash(const Packed<W>& s) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::uint64_t w : s) h = mix(h ^ w);
    return h;
  }

 // Word by word: std::array's == goes through memcmp, a call per probe (15% of PaxosCommit's time).
  static bool same(const Packed<W>& a, const Packed<W>& b) {
    bool eq = true;
    for (std::size_t k = 0; k < W; ++k) eq &= a[k] == b[k];
    return eq;
  }

 private:
  static bool is_empty(const Packed<W>& a) {
    bool eq = true;
    for (std::size_t k = 0; k < W; ++k) eq &= a[k] == ~std::uint64_t{0};
    return eq;
  }
  // A table of empty slots. Huge pages are asked for before the first touch: filling a fresh
  // 100 MiB table a 4 KiB page fault at a time was a sixth of PaxosCommit's time.
  static std::unique_ptr<Packed<W>[]> allocate(std::size_t n) {
    std::unique_ptr<Packed<W>[]> t(new Packed<W>[n]);  // default-initialised: not touched yet
    advise_huge_pages(t.get(), n * sizeof(Packed<W>));
    for (std::size_t i = 0; i < n; ++i) t[i].fill(~std::uint64_t{0});
    return t;
  }
  void grow() {
    const std::size_t bigger = capacity_ * 2, mask = bigger - 1;
    std::unique_ptr<Packed<W>[]> table = allocate(bigger);
    // The keys are distinct: each needs only an empty slot, no comparison.
    for (std::size_t k = 0; k < capacity_; ++k) {
      if (is_empty(slots_[k])) continue;
      std::size_t i = hash(slots_[k]) & mask;
      while (!is_empty(table[i])) i = (i + 1) & mask;
      table[i] = slots_[k];
    }
    slots_.swap(table);
    capacity_ = bigger;
  }
  std::unique_ptr<Packed<W>[]> slots_;
  std::size_t capacity_;
  std::size_t size_ = 0;
};

}  // namespace detail

namespace detail {
inline Result stopped(Result& r, std::size_t states, const char* why) {
  r.complete = false;
  r.stopped_by = why;
  r.distinct_states = states;
  return r;
}
}  // namespace detail

template <class Model>
Result explore(const Model& model, const Limits& limits) {
  using detail::stopped;
  constexpr std::size_t W = Model::kWords;
  using State = Packed<W>;
  Result r;
  detail::VisitedSet<W> visited;
  std::vector<State> frontier{model.initial()}, next;
  visited.insert(frontier.front());
  const auto check = [&](const State& s, int depth) {
    const char* key = model.violated(s);
    if (!key) return;
    for (const Violation& v : r.violations)
      if (v.invariant == key) return;  // the first (shallowest) violation of each invariant is kept
    r.violations.push_back({key, depth, model.describe(s)});
  };
  check(frontier.front(), 0);
  std::vector<State> batch;
  std::vector<std::uint64_t> hashes;
  for (int depth = 0; !frontier.empty(); ++depth) {
    r.max_depth = depth;
    next.clear();
    // Successors of a chunk of states first, their slots prefetched, then the look-ups in the same
    // order: the table is far larger than the caches, and a chunk's misses overlap. (Per state, a
    // batch of ~8 successors was too short to hide them.)
    constexpr std::size_t kChunk = 32;
    for (std::size_t from = 0; from < frontier.size(); from += kChunk) {
      const std::size_t to = std::min(frontier.size(), from + kChunk);
      batch.clear();
      for (std::size_t k = from; k < to; ++k) {
        const State& s = frontier[k];
        model.successors(s, [&](const State& t) {
          ++r.transitions;
          // A step that changes nothing (a message sent again, a decision received again) is common
          // and needs no look-up: its state is the one being expanded, visited already.
          if (!detail::VisitedSet<W>::same(t, s)) batch.push_back(t);
        });
      }
      hashes.resize(batch.size());
      for (std::size_t i = 0; i < batch.size(); ++i) {
        hashes[i] = detail::VisitedSet<W>::hash(batch[i]);
        visited.prefetch(hashes[i]);
      }
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::size_t memory = (visited.needs_growth() ? visited.bytes_after_growth() : visited.bytes()) +
                                   (frontier.capacity() + next.capacity() + 1) * sizeof(State);
        if (memory > limits.max_memory) return stopped(r, visited.size(), "max_memory");
        if (visited.needs_growth()) {
          // Growing moves every slot: the prefetched ones are gone, fetch the rest of the batch anew.
          visited.grow_now();
          for (std::size_t k = i; k < batch.size(); ++k) visited.prefetch(hashes[k]);
        }
        if (!visited.insert(batch[i], hashes[i])) continue;
        if (visited.size() > limits.max_states) return stopped(r, visited.size(), "max_states");
        check(batch[i], depth + 1);
        next.push_back(batch[i]);
      }
      r.memory_bytes = std::max(r.memory_bytes, visited.bytes() + (frontier.capacity() + next.capacity()) * sizeof(State));
    }
    frontier.swap(next);
  }
  r.distinct_states = visited.size();
  return r;
}

}  // namespace cs::explore
