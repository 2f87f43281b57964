#include "protocols/client_ops.hpp"

#include <string>

namespace cs {

void ClientOp::finish(Simulator& sim, TxnId id, std::vector<TxnId>& pending, ClientOpStatus to) {
  pending.erase(std::remove(pending.begin(), pending.end(), id), pending.end());
  sim.cancel_timer(timer);
  timer = 0;
  status = to;
  ended = sim.now();
}

void ClientOp::skip(Simulator& sim, TxnId id, std::uint16_t note) {
  status = ClientOpStatus::Skipped;
  ended = sim.now();
  sim.note(client, id, note);
  sim.txn_end(id, TxnOutcome::Aborted);
}

void ClientOp::abandon(Simulator& sim, TxnId id, std::uint16_t note) {
  status = ClientOpStatus::Abandoned;
  ended = sim.now();
  sim.note(client, id, note);
  sim.txn_end(id, TxnOutcome::Aborted);
}

TxnView ClientOp::view(TxnId id) const {
  TxnView v{id, TxnOutcome::Pending, invoked, ended};
  switch (status) {
    case ClientOpStatus::Due: break;
    case ClientOpStatus::InFlight: v.outcome = TxnOutcome::InProgress; break;
    case ClientOpStatus::Ok: v.outcome = TxnOutcome::Committed; break;
    default: v.outcome = TxnOutcome::Aborted; break;
  }
  return v;
}

void LatencyFigures::append_metrics(std::vector<Metric>& out, std::string_view kind, NodeId node) const {
  const std::string k(kind);
  out.push_back({k + "_latency_sum_us", node, sum});
  out.push_back({k + "_latency_count", node, count});
  out.push_back({k + "_latency_max_us", node, max});
}

}  // namespace cs
