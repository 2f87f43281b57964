#include "check/register_monitor.hpp"

#include <algorithm>
#include <iterator>

namespace cs::lin {

namespace {

template <class T>
void insert_sorted(std::vector<T>& v, T x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) v.insert(it, x);
}

template <class T>
bool contains(const std::vector<T>& v, T x) {
  return std::binary_search(v.begin(), v.end(), x);
}

template <class T>
bool erase_sorted(std::vector<T>& v, T x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) return false;
  v.erase(it);
  return true;
}

}  // namespace

RegisterMonitor::RegisterMonitor(std::int64_t initial, std::size_t config_limit) : config_limit_(config_limit) {
  Config c;
  c.value = initial;
  base_.configs.push_back(std::move(c));
}

void RegisterMonitor::advance(Time t) {
  if (t <= now_) return;
  if (!answers_.empty()) {
    base_ = State(settled());
    answers_.clear();
  }
  trial_valid_ = false;
  now_ = t;
}

const RegisterMonitor::State& RegisterMonitor::settled() const {
  if (answers_.empty()) return base_;
  if (!trial_valid_) {
    trial_ = base_;
    for (const Answer& a : answers_)
      if (!apply(trial_, a)) break;
    trial_valid_ = true;
  }
  return trial_;
}

void RegisterMonitor::invoke(std::uint32_t id, bool write, Time t) {
  if (violated_ || gave_up_) return;
  advance(t);
  trial_valid_ = false;
  const Pending p{id, ++tick_};
  if (write) {
    base_.writes.push_back(p);
    return;
  }
  base_.reads.push_back(p);
  for (Config& c : base_.configs) c.seen.push_back({c.value});
}

bool RegisterMonitor::respond(std::uint32_t id, Time t, const std::vector<std::int64_t>& result) {
  if (violated_) return false;
  if (gave_up_) return true;
  advance(t);
  Answer a{id, true, 0};
  const auto named = [&](const Pending& p) { return p.id == id; };
  const bool is_read = std::any_of(base_.reads.begin(), base_.reads.end(), named);
  if (!is_read && std::none_of(base_.writes.begin(), base_.writes.end(), named)) return true;  // not invoked here
  if (is_read) {
    a.write = false;
    // Several values at once (siblings) cannot be the state of one register.
    if (result.size() != 1) {
      violated_ = true;
      return false;
    }
    a.value = result[0];
  }
  answers_.push_back(a);
  trial_valid_ = false;
  const State& s = settled();
  if (gave_up_) return true;
  if (s.configs.empty()) violated_ = true;
  return !violated_;
}

void RegisterMonitor::abandon(std::uint32_t id, Time t) {
  if (violated_ || gave_up_) return;
  advance(t);
  trial_valid_ = false;
  State& s = base_;
  for (std::size_t i = 0; i < s.reads.size(); ++i) {
    if (s.reads[i].id != id) continue;
    s.reads.erase(s.reads.begin() + static_cast<std::ptrdiff_t>(i));
    for (Config& c : s.configs) c.seen.erase(c.seen.begin() + static_cast<std::ptrdiff_t>(i));
    normalise(s);
    return;
  }
  for (std::size_t i = 0; i < s.writes.size(); ++i) {
    if (s.writes[i].id != id) continue;
    // It stays pending for ever: placed where it is (never twice), placeable where it is not.
    s.failed.push_back(s.writes[i]);
    s.writes.erase(s.writes.begin() + static_cast<std::ptrdiff_t>(i));
    normalise(s);
    return;
  }
}

// Places the pending write `w` (value = its id) in configuration `c`, in the two ways that cover
// every valid order (see the header): appends the results to `out`.
void RegisterMonitor::place(const State& s, const Config& c, const Pending& w, std::vector<Config>& out) const {
  const auto value = static_cast<std::int64_t>(w.id);
  // Now: after everything placed so far; the register holds it, every read in flight may see it.
  Config now = c;
  now.value = value;
  now.last_write = tick_;
  insert_sorted(now.placed, w.id);
  for (auto& seen : now.seen) insert_sorted(seen, value);
  out.push_back(std::move(now));
  // Just before the latest write placed, if that came after the write began: the register's value
  // now is unchanged; the reads in flight that had begun by then may see it.
  if (c.last_write < w.tick) return;
  Config slot = c;
  insert_sorted(slot.placed, w.id);
  for (std::size_t i = 0; i < s.reads.size(); ++i)
    if (s.reads[i].tick <= c.last_write) insert_sorted(slot.seen[i], value);
  out.push_back(std::move(slot));
}

bool RegisterMonitor::apply(State& s, const Answer& a) const {
  std::vector<Config> out;
  if (a.write) {
    const auto it = std::find_if(s.writes.begin(), s.writes.end(), [&](const Pending& p) { return p.id == a.id; });
    const Pending w = *it;
    s.writes.erase(it);
    // Answered: it must be placed by now.
    for (Config& c : s.configs) {
      if (erase_sorted(c.placed, a.id)) {
        out.push_back(std::move(c));
        continue;
      }
      const std::size_t first = out.size();
      place(s, c, w, out);
      for (std::size_t i = first; i < out.size(); ++i) erase_sorted(out[i].placed, a.id);
    }
  } else {
    std::size_t r = 0;
    while (r < s.reads.size() && s.reads[r].id != a.id) ++r;
    // The write of the value read, if it is pending (in flight or never answered).
    const Pending* w = nullptr;
    for (const auto* list : {&s.writes, &s.failed})
      for (const Pending& p : *list)
        if (static_cast<std::int64_t>(p.id) == a.value) w = &p;
    std::vector<Config> placed;
    for (Config& c : s.configs) {
      if (contains(c.seen[r], a.value)) {
        out.push_back(std::move(c));
        continue;
      }
      // Its write placed now for this read, or before the latest write if the read had begun by then.
      if (!w || contains(c.placed, w->id)) continue;
      placed.clear();
      place(s, c, *w, placed);
      for (Config& p : placed)
        if (contains(p.seen[r], a.value)) out.push_back(std::move(p));
    }
    for (Config& c : out) c.seen.erase(c.seen.begin() + static_cast<std::ptrdiff_t>(r));
    s.reads.erase(s.reads.begin() + static_cast<std::ptrdiff_t>(r));
  }
  s.configs = std::move(out);
  normalise(s);
  if (s.configs.size() > config_limit_) {
    gave_up_ = true;
    return false;
  }
  return !s.configs.empty();
}

void RegisterMonitor::normalise(State& s) {
  // A never-answered write placed in every configuration can never be placed again: forget it.
  for (std::size_t i = 0; i < s.failed.size();) {
    const std::uint32_t id = s.failed[i].id;
    const bool everywhere = !s.configs.empty() &&
                            std::all_of(s.configs.begin(), s.configs.end(), [&](const Config& c) { return contains(c.placed, id); });
    if (!everywhere) {
      ++i;
      continue;
    }
    for (Config& c : s.configs) erase_sorted(c.placed, id);
    s.failed.erase(s.failed.begin() + static_cast<std::ptrdiff_t>(i));
  }
  // last_write is only ever compared with the ticks of operations pending (later invocations come
  // after it anyway): round it down to the largest of those not above it, so that configurations
  // equal in every way that matters are merged.
  std::vector<std::uint64_t> ticks;
  for (const auto* list : {&s.reads, &s.writes, &s.failed})
    for (const Pending& p : *list) ticks.push_back(p.tick);
  std::sort(ticks.begin(), ticks.end());
  for (Config& c : s.configs) {
    auto it = std::upper_bound(ticks.begin(), ticks.end(), c.last_write);
    c.last_write = it == ticks.begin() ? 0 : *(it - 1);
  }
  std::sort(s.configs.begin(), s.configs.end());
  s.configs.erase(std::unique(s.configs.begin(), s.configs.end()), s.configs.end());
  drop_dominated(s);
}

// Configuration b can be dropped when another, a, with the same value can do everything b can:
// - a's latest write is no earlier (a later slot is open to more reads and writes);
// - every write a has placed, b has placed too, and each write b placed and a did not began before
//   a's latest write, so a can still put it in that slot (an in-flight one by its answer; a
//   never-answered one when a read needs it, or never);
// - each read in flight may have seen in a whatever it may have seen in b, counting in a the values
//   of those unplaced writes for the reads that had begun by a's latest write (the slot again).
// Then every valid order that extends b has a counterpart that extends a, so dropping b loses none.
// Different placements of the same writes (now or in the slot) make many such pairs.
void RegisterMonitor::drop_dominated(State& s) {
  std::vector<Config>& configs = s.configs;
  std::vector<Pending> pending = s.writes;
  pending.insert(pending.end(), s.failed.begin(), s.failed.end());
  std::sort(pending.begin(), pending.end(), [](const Pending& x, const Pending& y) { return x.id < y.id; });
  const auto tick_of = [&](std::uint32_t id) {
    auto it = std::lower_bound(pending.begin(), pending.end(), id, [](const Pending& p, std::uint32_t x) { return p.id < x; });
    return it != pending.end() && it->id == id ? it->tick : ~std::uint64_t{0};
  };
  std::vector<std::int64_t> slot_values, seen;
  const auto covers = [&](const Config& a, const Config& b) {
    if (a.last_write < b.last_write || !std::includes(b.placed.begin(), b.placed.end(), a.placed.begin(), a.placed.end()))
      return false;
    for (std::uint32_t id : b.placed)
      if (!contains(a.placed, id) && tick_of(id) > a.last_write) return false;
    slot_values.clear();
    for (const Pending& p : pending)
      if (p.tick <= a.last_write && !contains(a.placed, p.id)) slot_values.push_back(static_cast<std::int64_t>(p.id));
    for (std::size_t i = 0; i < a.seen.size(); ++i) {
      const std::vector<std::int64_t>* have = &a.seen[i];
      if (s.reads[i].tick <= a.last_write && !slot_values.empty()) {
        seen.clear();
        std::set_union(a.seen[i].begin(), a.seen[i].end(), slot_values.begin(), slot_values.end(), std::back_inserter(seen));
        have = &seen;
      }
      if (!std::includes(have->begin(), have->end(), b.seen[i].begin(), b.seen[i].end())) return false;
    }
    return true;
  };
  std::vector<Config> out;
  out.reserve(configs.size());
  // Sorted, so configurations with the same value are adjacent (the first member).
  for (std::size_t lo = 0; lo < configs.size();) {
    std::size_t hi = lo + 1;
    while (hi < configs.size() && configs[hi].value == configs[lo].value) ++hi;
    std::vector<bool> dominated(hi - lo, false);
    for (std::size_t i = lo; i < hi; ++i)
      for (std::size_t j = lo; j < hi && !dominated[i - lo]; ++j)
        // Of two that cover each other (equal in effect), only the later one is dropped.
        dominated[i - lo] = j != i && !dominated[j - lo] && covers(configs[j], configs[i]) && (j < i || !covers(configs[i], configs[j]));
    for (std::size_t i = lo; i < hi; ++i)
      if (!dominated[i - lo]) out.push_back(std::move(configs[i]));
    lo = hi;
  }
  configs = std::move(out);
}

}  // namespace cs::lin
