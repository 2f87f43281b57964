// The trace: every observable thing that happens in a run, in order, with a sequence number.
// Everything the GUI draws can be derived from the trace plus the current snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/types.hpp"

namespace cs {

enum class TraceKind : std::uint8_t {
  Send,       // key = message type, peer = receiver, msg = message id
  Deliver,    // key = message type, node = receiver, peer = sender
  Drop,       // a message lost; reason says why; node = intended receiver, peer = sender
  Duplicate,  // the network made an extra copy; msg = the copy's id, value = original id
  Timer,      // key = timer kind, value = timer value
  Crash,
  Restart,
  State,      // key = new state, value = previous state
  LogAppend,  // key = log record type, value = record value
  LockAcquire,  // value = resource
  LockRelease,  // value = resource
  LockWait,     // value = resource (the request is queued behind another holder)
  Fault,      // key = FaultKind, value = index into the run's fault list (or -1 for interactive)
  TxnStart,   // node = where it started (coordinator/orchestrator/client node)
  TxnEnd,     // key = TxnOutcome
  Limit,      // the run hit a limit (value = which) and halted
  Note,       // protocol-specific annotation; key = note key
  Count_
};

// Why a message did not arrive.
enum class DropReason : std::uint8_t {
  None = 0,
  Loss,         // random loss on the network
  LinkCut,      // the link was cut at send time or while the message was in flight
  Partition,    // sender and receiver were on different sides of a partition
  NodeDown,     // the receiver was crashed when the message arrived
  Injected,     // a "drop next message" fault
};

struct TraceEvent {
  std::uint64_t seq = 0;
  Time time = 0;
  std::int64_t value = 0;
  TxnId txn = 0;
  std::uint32_t msg = 0;
  NodeId node = kNoNode;
  NodeId peer = kNoNode;
  std::uint16_t key = 0;
  TraceKind kind = TraceKind::Note;
  DropReason reason = DropReason::None;
};

std::string_view trace_kind_key(TraceKind k);
std::string_view drop_reason_key(DropReason r);

constexpr std::uint32_t trace_kind_bit(TraceKind k) { return std::uint32_t{1} << static_cast<unsigned>(k); }
constexpr std::uint32_t kAllTraceKinds = (std::uint32_t{1} << static_cast<unsigned>(TraceKind::Count_)) - 1;
static_assert(static_cast<unsigned>(TraceKind::Count_) <= 32, "trace kinds must fit a 32-bit mask");
// A key's bit for TraceObserver::keys(): 0 for keys from 64 on, which every observer of the kind gets.
constexpr std::uint64_t trace_key_bit(std::uint16_t key) { return key < 64 ? std::uint64_t{1} << key : 0; }
constexpr std::uint64_t kAllTraceKeys = ~std::uint64_t{0};

// Receives trace events as they are recorded (invariant checkers, statistics).
class TraceObserver {
 public:
  virtual ~TraceObserver() = default;
  virtual void observe(const TraceEvent& ev) = 0;
  // The kinds of event observe() is called for (trace_kind_bit()s), read once when the observer is
  // added: an observer that looks at few kinds is then not called, virtually, for all the others.
  virtual std::uint32_t kinds() const { return kAllTraceKinds; }
  // Of a kind in kinds(), the keys (TraceEvent::key) observe() is called for, as trace_key_bit()s;
  // keys from 64 on are always passed. Read once when the observer is added, like kinds(): an
  // invariant that looks at one message type or one state is not called for every send or state.
  virtual std::uint64_t keys(TraceKind) const { return kAllTraceKeys; }
};

}  // namespace cs
