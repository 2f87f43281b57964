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
    // From now on it is placed only on demand (a read of its value); where it is placed already, it
    // counts as used, so that it is never placed twice.
    s.failed.push_back(s.writes[i]);
    s.writes.erase(s.writes.begin() + static_cast<std::ptrdiff_t>(i));
    for (Config& c : s.configs)
      if (erase_sorted(c.done, id)) insert_sorted(c.used, id);
    normalise(s);
    return;
  }
}

bool RegisterMonitor::close(State& s) const {
  if (s.writes.empty()) return true;
  // Breadth first: each level places one more write in flight in every way. Different orders
  // reach the same configuration, so each level keeps only configurations not reached before.
  std::vector<Config> all = std::move(s.configs);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<Config> level = all;
  while (!level.empty()) {
    std::vector<Config> next;
    for (const Config& from : level) {
      for (const Pending& w : s.writes) {
        if (contains(from.done, w.id)) continue;
        Config c = from;
        const auto value = static_cast<std::int64_t>(w.id);
        c.value = value;
        c.last_write = tick_;
        insert_sorted(c.done, w.id);
        for (auto& seen : c.seen) insert_sorted(seen, value);
        next.push_back(std::move(c));
      }
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    level.clear();
    std::set_difference(next.begin(), next.end(), all.begin(), all.end(), std::back_inserter(level));
    std::vector<Config> merged;
    merged.reserve(all.size() + level.size());
    std::merge(all.begin(), all.end(), level.begin(), level.end(), std::back_inserter(merged));
    drop_dominated(merged);
    all = std::move(merged);
    if (all.size() > config_limit_) return false;
  }
  s.configs = std::move(all);
  return true;
}

bool RegisterMonitor::apply(State& s, const Answer& a) const {
  if (!close(s)) {
    gave_up_ = true;
    return false;
  }
  std::vector<Config> out;
  if (a.write) {
    for (Config& c : s.configs)
      if (erase_sorted(c.done, a.id)) out.push_back(std::move(c));
    s.writes.erase(std::remove_if(s.writes.begin(), s.writes.end(), [&](const Pending& p) { return p.id == a.id; }),
                   s.writes.end());
  } else {
    std::size_t r = 0;
    while (r < s.reads.size() && s.reads[r].id != a.id) ++r;
    const Pending read = s.reads[r];
    const Pending* failed = nullptr;
    for (const Pending& f : s.failed)
      if (static_cast<std::int64_t>(f.id) == a.value) failed = &f;
    const auto drop_read = [&](Config c) {
      c.seen.erase(c.seen.begin() + static_cast<std::ptrdiff_t>(r));
      out.push_back(std::move(c));
    };
    for (Config& c : s.configs) {
      if (contains(c.seen[r], a.value)) {
        drop_read(std::move(c));
        continue;
      }
      if (!failed || contains(c.used, failed->id)) continue;
      // A never-answered write of the value read: placed now (the register then holds it) ...
      Config now = c;
      now.value = a.value;
      now.last_write = tick_;
      insert_sorted(now.used, failed->id);
      for (auto& seen : now.seen) insert_sorted(seen, a.value);
      drop_read(std::move(now));
      // ... or just before the latest write placed since it and the read began, where every read
      // in flight that had begun by then may have seen it too, and nothing else changes.
      if (c.last_write >= std::max(read.tick, failed->tick)) {
        insert_sorted(c.used, failed->id);
        for (std::size_t i = 0; i < s.reads.size(); ++i)
          if (s.reads[i].tick <= c.last_write) insert_sorted(c.seen[i], a.value);
        drop_read(std::move(c));
      }
    }
    s.reads.erase(s.reads.begin() + static_cast<std::ptrdiff_t>(r));
  }
  s.configs = std::move(out);
  normalise(s);
  return !s.configs.empty();
}

void RegisterMonitor::normalise(State& s) {
  // A never-answered write placed in every configuration can never be placed again: forget it.
  for (std::size_t i = 0; i < s.failed.size();) {
    const std::uint32_t id = s.failed[i].id;
    const bool everywhere = !s.configs.empty() &&
                            std::all_of(s.configs.begin(), s.configs.end(), [&](const Config& c) { return contains(c.used, id); });
    if (!everywhere) {
      ++i;
      continue;
    }
    for (Config& c : s.configs) erase_sorted(c.used, id);
    s.failed.erase(s.failed.begin() + static_cast<std::ptrdiff_t>(i));
  }
  // last_write is only ever compared with the ticks of reads in flight and never-answered writes
  // (later invocations come after it anyway): round it down to the largest of those not above it,
  // so that configurations equal in every way that matters are merged.
  std::vector<std::uint64_t> ticks;
  if (!s.failed.empty()) {
    for (const Pending& p : s.reads) ticks.push_back(p.tick);
    for (const Pending& p : s.failed) ticks.push_back(p.tick);
    std::sort(ticks.begin(), ticks.end());
  }
  for (Config& c : s.configs) {
    auto it = std::upper_bound(ticks.begin(), ticks.end(), c.last_write);
    c.last_write = it == ticks.begin() ? 0 : *(it - 1);
  }
  std::sort(s.configs.begin(), s.configs.end());
  s.configs.erase(std::unique(s.configs.begin(), s.configs.end()), s.configs.end());
  drop_dominated(s.configs);
}

// A configuration that equals another in everything but `seen`, where each of its sets is included
// in the other's, can do nothing the other cannot (a read has only fewer points to be placed at):
// dropping it loses no valid order. Different orders of the same writes relative to a read's start
// make many such pairs, and without this the closure grows with every read in flight.
void RegisterMonitor::drop_dominated(std::vector<Config>& configs) {
  // Sorted, so configurations equal but for `seen` are adjacent (seen is the last member).
  const auto same_but_seen = [](const Config& a, const Config& b) {
    return a.value == b.value && a.last_write == b.last_write && a.done == b.done && a.used == b.used;
  };
  const auto covers = [](const Config& a, const Config& b) {
    for (std::size_t i = 0; i < a.seen.size(); ++i)
      if (!std::includes(a.seen[i].begin(), a.seen[i].end(), b.seen[i].begin(), b.seen[i].end())) return false;
    return true;
  };
  std::vector<Config> out;
  out.reserve(configs.size());
  for (std::size_t lo = 0; lo < configs.size();) {
    std::size_t hi = lo + 1;
    while (hi < configs.size() && same_but_seen(configs[lo], configs[hi])) ++hi;
    std::vector<bool> dominated(hi - lo, false);
    for (std::size_t i = lo; i < hi; ++i)
      for (std::size_t j = lo; j < hi && !dominated[i - lo]; ++j)
        // Equal ones were merged already, so covering is strict: of two, never both go.
        dominated[i - lo] = j != i && covers(configs[j], configs[i]);
    for (std::size_t i = lo; i < hi; ++i)
      if (!dominated[i - lo]) out.push_back(std::move(configs[i]));
    lo = hi;
  }
  configs = std::move(out);
}

}  // namespace cs::lin
