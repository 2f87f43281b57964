// Faults are explicit operations with a trigger. A scenario's fault list, the GUI's fault tools and
// the tests all use this one vocabulary (documented in docs/scenario-format.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sim/types.hpp"

namespace cs {

enum class FaultKind : std::uint8_t {
  Crash,          // node
  Restart,        // node
  Cut,            // link a-b (both directions)
  Heal,           // link a-b
  HealAll,        // every cut link and any partition
  Partition,      // groups
  HealPartition,  // removes the partition, keeps individual cuts
  DropNext,       // the next message sent on link a-b (either direction) is lost
  DuplicateNext,  // the next message sent on link a-b is delivered twice
  SetNetwork,     // replaces latency range / loss / duplication
};
std::string_view fault_kind_key(FaultKind k);

enum class TriggerKind : std::uint8_t {
  AtTime,      // at virtual time `time` (ordered before other events of the same time)
  OnState,     // when `node` enters `state` (first time only), optionally for one transaction
  OnSent,      // right after the `nth` message of `msg_type` is sent (optionally by `node`)
  // Right after the `nth` dispatched event (how the GUI records a user's action). With a `time`
  // (> 0) later than that event's, the fault waits for that time instead, as an event of its own
  // (queued the moment event `nth` is dispatched): the user acted while playback had moved the
  // clock past the last event without dispatching another one.
  AfterEvent,
};

struct FaultTrigger {
  TriggerKind kind = TriggerKind::AtTime;
  Time time = 0;  // AtTime: when; AfterEvent: not before (0: at once)
  NodeId node = kNoNode;
  std::uint16_t state = 0;
  TxnId txn = 0;  // 0 = any
  std::uint16_t msg_type = 0;
  std::uint64_t nth = 1;
};

struct NetworkSettings {
  Time latency_lo = ms(5);
  Time latency_hi = ms(20);
  Ratio loss{0, Ratio::kPpm};
  Ratio duplicate{0, Ratio::kPpm};
  bool operator==(const NetworkSettings&) const = default;
};

struct FaultAction {
  FaultKind kind = FaultKind::Crash;
  NodeId a = kNoNode;  // node, or first end of a link
  NodeId b = kNoNode;  // second end of a link
  std::vector<std::vector<NodeId>> groups;  // Partition
  NetworkSettings network;                  // SetNetwork
};

struct Fault {
  FaultTrigger trigger;
  FaultAction action;
};

}  // namespace cs
