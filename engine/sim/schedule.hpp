// A scheduled step: one event chosen by name instead of by the clock. The explorer (engine/explore)
// drives a run with these, and a scenario's "schedule" replays them (docs/explorer.md): in a
// scheduled run nothing happens unless a step says so, so the same steps give the same run.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace cs {

enum class EventStepKind : std::uint8_t {
  Deliver,    // a message in flight arrives (or is lost, if a partition or a crash is in the way)
  Duplicate,  // a copy of a message in flight arrives; the message stays in flight
  Drop,       // a message in flight is lost
  Timer,      // a running timer fires
  Client,     // a pending workload event happens
};

// Names an event by its content, so that a step means the same thing in every replay of a path.
// Messages: from, to, type, txn, a, b, extra. Timers: to (= the node), type (= kind), txn, a (= value).
// Client events: type (= kind), txn, a (= value).
struct ScheduledStep {
  EventStepKind kind = EventStepKind::Deliver;
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  std::uint16_t type = 0;
  TxnId txn = 0;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::vector<std::int64_t> extra;
  bool operator==(const ScheduledStep&) const = default;
};

}  // namespace cs
