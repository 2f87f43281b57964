// The event queue against a reference model of the queue it replaced: one heap from which cancelled
// timers were only skipped once they reached the top. Pop order and the size the queue limit sees
// must be the same, or runs at the limit would halt at a different event.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "sim/event_queue.hpp"
#include "sim/rng.hpp"

using namespace cs;

namespace {

// The old behaviour, kept naive on purpose: every entry stays until it is popped or pruned from the top.
struct LazyModel {
  struct Entry {
    QueuedEvent ev;
    bool cancelled = false;
  };
  std::vector<Entry> entries;  // unsorted; the minimum is searched

  std::size_t min_index() const {
    std::size_t best = 0;
    for (std::size_t i = 1; i < entries.size(); ++i)
      if (entries[i].ev < entries[best].ev) best = i;
    return best;
  }
  void prune() {
    while (!entries.empty() && entries[min_index()].cancelled) entries.erase(entries.begin() + static_cast<long>(min_index()));
  }
  QueuedEvent pop() {
    const std::size_t i = min_index();
    const QueuedEvent e = entries[i].ev;
    entries.erase(entries.begin() + static_cast<long>(i));
    return e;
  }
  void cancel(std::uint32_t timer) {
    for (auto& e : entries)
      if (e.ev.kind == EventKind::Timer && e.ev.idx == timer) e.cancelled = true;
  }
};

// One simulator step on the queue and on the model: both drop cancelled timers off their tops (the
// simulator's prune), then each pops its top into `a` (queue) or `b` (model) if it has one. Returns
// whether the queue had an event; `modelHad` whether the model had (the tests check they agree).
bool simulator_step(EventQueue& q, LazyModel& model, QueuedEvent& a, QueuedEvent& b, bool& modelHad) {
  model.prune();
  while (!q.empty() && q.top_removed()) q.pop();
  q.mark_pruned();
  modelHad = !model.entries.empty();
  if (modelHad) b = model.pop();
  if (q.empty()) return false;
  a = q.top();
  q.pop();
  return true;
}

}  // namespace

TEST(EventQueue, RemovedTimersNeverPopAndTheLimitCountSeesThemUntilDue) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Rng rng(seed, 99);
    EventQueue q;
    LazyModel model;
    std::uint64_t seq = 0;
    std::uint32_t next_timer = 1;
    std::vector<std::uint32_t> timers;  // ever set, in order
    Time now = 0;
    // Seed 1 runs long with far-off timers, so that enough cancelled keys pile up to be compacted.
    const int steps = seed == 1 ? 8000 : 600;
    const std::uint64_t spread = seed == 1 ? 100'000 : 50;
    for (int step = 0; step < steps; ++step) {
      const auto op = rng.below(10);
      if (op < 4) {  // push a message or a timer
        const bool timer = rng.below(2) == 0;
        const QueuedEvent e{now + static_cast<Time>(rng.below(spread)), seq++, timer ? next_timer : 0,
                            timer ? EventKind::Timer : EventKind::Deliver};
        if (timer) timers.push_back(next_timer++);
        // Any lane, or none (kinds from kTimerLanes on): random times overtake the lanes often.
        q.push(e, static_cast<std::uint16_t>(rng.below(EventQueue::kTimerLanes + 2)));
        model.entries.push_back({e, false});
      } else if (op < 7 && !timers.empty()) {  // cancel any timer ever set (maybe fired or cancelled)
        const std::uint32_t t = timers[rng.below(timers.size())];
        q.remove_timer(t);
        model.cancel(t);
      } else {  // a simulator step: prune, then pop the top
        QueuedEvent a{}, b{};
        bool modelHad = false;
        const bool queueHad = simulator_step(q, model, a, b, modelHad);
        ASSERT_EQ(queueHad, modelHad) << "seed " << seed << " step " << step;
        if (!queueHad) continue;
        ASSERT_EQ(a.seq, b.seq) << "seed " << seed << " step " << step;
        now = a.time;
      }
      // The limit check at every possible limit around the model's size.
      const std::size_t size = model.entries.size();
      for (std::size_t n = size > 2 ? size - 2 : 0; n <= size + 2; ++n)
        ASSERT_EQ(q.counts_at_least(n), size >= n) << "seed " << seed << " step " << step << " n " << n;
    }
  }
}

// What the lanes are for: deliveries with one latency and timers with one delay per kind, most
// timers cancelled before they are due (a vote arrives before its timeout), and now and then an event
// that overtakes its lane. Same pop order and the same limit count as the reference model, at every
// step.
TEST(EventQueue, LanesOfFixedDelaysKeepTheOrderAndTheLimitCount) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Rng rng(seed, 17);
    EventQueue q;
    LazyModel model;
    std::uint64_t seq = 0;
    std::uint32_t next_timer = 1;
    std::vector<std::uint32_t> live;  // timers set and not yet cancelled by the test
    Time now = 0;
    const Time delays[] = {40, 40, 90, 250, 7, 1000};  // by kind; kinds 0 and 1 share a delay
    for (int step = 0; step < 4000; ++step) {
      const auto op = rng.below(100);
      if (op < 30) {  // a delivery, one latency; now and then a shorter one that overtakes the lane
        const Time latency = rng.below(20) == 0 ? 1 : 10;
        const QueuedEvent e{now + latency, seq++, 0, EventKind::Deliver};
        q.push(e);
        model.entries.push_back({e, false});
      } else if (op < 60) {  // a timer of one kind, with that kind's delay (kind 9: no lane)
        const auto kind = static_cast<std::uint16_t>(rng.below(7) == 6 ? 9 : rng.below(6));
        const Time delay = kind == 9 ? static_cast<Time>(rng.below(300)) : delays[kind] - (rng.below(30) == 0 ? 5 : 0);
        const QueuedEvent e{now + delay, seq++, next_timer, EventKind::Timer};
        live.push_back(next_timer++);
        q.push(e, kind);
        model.entries.push_back({e, false});
      } else if (op < 85 && !live.empty()) {  // cancel a timer, most often a recent one
        const std::size_t back = std::min<std::size_t>(live.size(), rng.below(2) == 0 ? 3 : live.size());
        const std::size_t i = live.size() - 1 - rng.below(back);
        q.remove_timer(live[i]);
        model.cancel(live[i]);
        if (rng.below(4) != 0) q.remove_timer(live[i]);  // a second cancel changes nothing
        live.erase(live.begin() + static_cast<long>(i));
      } else {  // a simulator step
        QueuedEvent a{}, b{};
        bool modelHad = false;
        const bool queueHad = simulator_step(q, model, a, b, modelHad);
        ASSERT_EQ(queueHad, modelHad) << "seed " << seed << " step " << step;
        if (!queueHad) continue;
        ASSERT_EQ(a.seq, b.seq) << "seed " << seed << " step " << step;
        ASSERT_EQ(a.idx, b.idx) << "seed " << seed << " step " << step;
        now = a.time;
        if (a.kind == EventKind::Timer) live.erase(std::remove(live.begin(), live.end(), a.idx), live.end());
      }
      const std::size_t size = model.entries.size();
      for (std::size_t n = size > 2 ? size - 2 : 0; n <= size + 2; ++n)
        ASSERT_EQ(q.counts_at_least(n), size >= n) << "seed " << seed << " step " << step << " n " << n;
    }
  }
}
