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
        q.push(e);
        model.entries.push_back({e, false});
      } else if (op < 7 && !timers.empty()) {  // cancel any timer ever set (maybe fired or cancelled)
        const std::uint32_t t = timers[rng.below(timers.size())];
        q.remove_timer(t);
        model.cancel(t);
      } else {  // a simulator step: prune, then pop the top
        model.prune();
        q.mark_pruned();
        ASSERT_EQ(q.empty(), model.entries.empty()) << "seed " << seed << " step " << step;
        if (q.empty()) continue;
        const QueuedEvent a = q.top();
        q.pop();
        const QueuedEvent b = model.pop();
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
