// Scheduled runs (SimConfig::scheduled): the explorer's way of choosing the next event, and how a
// scenario's "schedule" replays what it chose.
#include <algorithm>

#include "sim/simulator.hpp"

namespace cs {

Message* Simulator::find_in_flight(const ScheduledStep& s) {
  // The oldest match on the link's current epoch, else the oldest match: a copy sent before a cut
  // can only be dropped, so it must neither hide a live copy from a step nor absorb a re-send
  // (the explorer leaves such copies out of its states: docs/explorer.md).
  Message* first = nullptr;
  // first_in_flight_ is an id; the table starts at messages_base_ (SimConfig::keep_messages).
  for (std::size_t id = std::max<std::size_t>(first_in_flight_, messages_base_); id < messages_base_ + messages_.size(); ++id) {
    Message& m = messages_[id - messages_base_];
    if (m.status != MsgStatus::InFlight || m.from != s.from || m.to != s.to || m.type != s.type || m.txn != s.txn ||
        m.a != s.a || m.b != s.b || m.extra != s.extra)
      continue;
    if (m.link_epoch == network_.epoch(m.from, m.to)) return &m;
    if (!first) first = &m;
  }
  return first;
}

bool Simulator::timer_live(std::uint32_t id) const {
  if (id == 0 || !has_timer_record(id)) return false;
  const TimerRec& t = timer(id);
  const NodeState& n = nodes_[static_cast<std::size_t>(t.node)];
  return !t.cancelled && n.up && n.incarnation == t.incarnation;
}

std::vector<TimerRec> Simulator::live_timers() const {
  std::vector<TimerRec> out;
  for (const TimerRec& t : timers_)
    if (timer_live(t.id)) out.push_back(t);
  return out;
}

std::vector<ScheduledStep> Simulator::pending_clients() const {
  std::vector<ScheduledStep> out;
  for (std::uint32_t i : scheduled_clients_) {
    const ClientRec& c = client(i);
    ScheduledStep s;
    s.kind = EventStepKind::Client;
    s.type = c.kind;
    s.txn = c.txn;
    s.a = c.value;
    out.push_back(s);
  }
  return out;
}

bool Simulator::dispatch_step(const ScheduledStep& s) {
  switch (s.kind) {
    case EventStepKind::Deliver:
    case EventStepKind::Drop:
    case EventStepKind::Duplicate: {
      Message* m = find_in_flight(s);
      if (!m) return false;
      if (s.kind == EventStepKind::Deliver) {
        deliver(*m);
      } else if (s.kind == EventStepKind::Drop) {
        drop(*m, DropReason::Injected);
      } else {
        // A copy arrives; the original stays in flight (what a duplicating network does). At the
        // memory limit no copy is made, and the step has happened all the same.
        if (Message* c = append_duplicate(m->id)) {
          record_duplicate(*c);
          deliver(*c);
        }
      }
      return true;
    }
    case EventStepKind::Timer:
      for (const TimerRec& t : timers_) {
        if (!timer_live(t.id) || t.node != s.to || t.kind != s.type || t.txn != s.txn || t.value != s.a) continue;
        fire_timer(t.id);
        return true;
      }
      return false;
    case EventStepKind::Client:
      for (std::size_t k = 0; k < scheduled_clients_.size(); ++k) {
        const ClientRec c = client(scheduled_clients_[k]);
        if (c.kind != s.type || c.txn != s.txn || c.value != s.a) continue;
        client(scheduled_clients_[k]).done = true;
        scheduled_clients_.erase(scheduled_clients_.begin() + static_cast<std::ptrdiff_t>(k));
        drop_done_clients();
        protocol_->on_client(*this, c.kind, c.txn, c.value);
        return true;
      }
      return false;
  }
  return false;
}

std::unique_ptr<Simulator> Simulator::clone_for(Protocol& protocol) const {
  std::unique_ptr<Simulator> copy(new Simulator(*this));
  copy->protocol_ = &protocol;
  copy->sink_ = nullptr;
  for (auto& fan : copy->observers_) fan = {};
  return copy;
}

bool Simulator::apply_step(const ScheduledStep& step) {
  if (halted_ != HaltReason::None || !started_) return false;
  const Time before = now_;
  now_ += ms(1);  // time is abstracted away; it only keeps the trace's events apart
  in_dispatch_ = true;
  if (!dispatch_step(step)) {
    now_ = before;
    in_dispatch_ = false;
    return false;
  }
  ++dispatched_;
  check_after_event_triggers();
  run_deferred();
  in_dispatch_ = false;
  return true;
}

}  // namespace cs

namespace cs {

bool Protocol::encode_state(const Simulator&, std::vector<std::int64_t>&) const { return false; }

Protocol::TxnCounts Protocol::transaction_counts() const {
  static_assert(std::tuple_size_v<TxnCounts> == static_cast<std::size_t>(TxnOutcome::Blocked) + 1, "one count per outcome");
  TxnCounts counts{};
  for (const TxnView& t : transactions()) ++counts[static_cast<std::size_t>(t.outcome)];
  return counts;
}

bool Protocol::undecided(const Simulator&) const {
  for (const TxnView& t : transactions())
    if (t.outcome == TxnOutcome::InProgress || t.outcome == TxnOutcome::Blocked) return true;
  return false;
}

}  // namespace cs
