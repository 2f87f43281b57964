// Client-side bookkeeping shared by the protocols whose clients issue single operations to servers
// (cap-register, primary-backup): the record of each operation from issue to answer, the ways it can
// end without an answer (client down when due, client crashed while waiting) and latency figures.
// One implementation, so that both report transactions, notes and latency metrics the same way and
// the split-brain and CAP lessons can be read side by side.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs {

enum class ClientOpStatus : std::uint8_t {
  Due,        // not issued yet
  InFlight,   // sent, no answer yet
  Ok,
  Failed,     // refused by the servers, or given up after too many attempts
  Timeout,    // no answer in time
  Skipped,    // its client was down when it was due: never issued
  Abandoned,  // its client crashed while waiting for the answer
};

// One client operation (a protocol's record adds its own fields). Index = operation id = TxnId.
struct ClientOp {
  NodeId client = kNoNode;
  ClientOpStatus status = ClientOpStatus::Due;
  Time invoked = -1;
  Time ended = -1;  // answered, failed, timed out, skipped or abandoned
  std::uint32_t timer = 0;

  // Sent: in flight from now (the protocol traces the client's state change).
  void issue(Time now) {
    status = ClientOpStatus::InFlight;
    invoked = now;
  }
  // Ends the operation: leaves the client's pending list, stops its timer.
  void finish(Simulator& sim, TxnId id, std::vector<TxnId>& pending, ClientOpStatus to);
  // Its client is down when it is due: not issued; reported with `note` and as aborted.
  void skip(Simulator& sim, TxnId id, std::uint16_t note);
  // Its client crashed while it was pending: it ends without an answer (a write may still take
  // effect at the servers); reported with `note` and as aborted.
  void abandon(Simulator& sim, TxnId id, std::uint16_t note);
  TxnView view(TxnId id) const;
};

// The id of the oldest operation a client waits for (node views show it), or 0.
inline TxnId oldest_pending(const std::vector<TxnId>& pending) {
  return pending.empty() ? 0 : *std::min_element(pending.begin(), pending.end());
}

// Latencies (µs) of one kind of successful operation, per node or summed over the run.
struct LatencyFigures {
  std::int64_t sum = 0, count = 0, max = 0;

  void add(std::int64_t latency) {
    sum += latency;
    ++count;
    max = std::max(max, latency);
  }
  void merge(const LatencyFigures& o) {
    sum += o.sum;
    count += o.count;
    max = std::max(max, o.max);
  }
  // "<kind>_latency_sum_us", "<kind>_latency_count", "<kind>_latency_max_us".
  void append_metrics(std::vector<Metric>& out, std::string_view kind, NodeId node) const;
};

}  // namespace cs
