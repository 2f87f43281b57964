#include "sim/simulator.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

#include "sim/memory_advice.hpp"

namespace cs {

namespace {
// Traces longer than this (a raised trace_limit) grow by reallocation beyond it.
constexpr std::size_t kTraceReserveMax = 4'000'000;

// What the accountant counts for things the simulator keeps. Estimates of what the allocator hands
// out, erring high: the limit is there to keep the process under a ceiling, not to be exact.
// A message in the deque, plus its share of the deque's blocks and their map.
constexpr std::size_t kMessageBytes = sizeof(Message) + 16;
// A heap block of n 64-bit values as glibc's malloc gives it: an 8-byte header, 16-byte aligned,
// at least 32 bytes.
std::size_t payload_bytes(std::size_t n) {
  if (n == 0) return 0;
  return std::max<std::size_t>(32, (n * sizeof(std::int64_t) + 8 + 15) & ~std::size_t{15});
}
// A message with a payload of that capacity.
std::size_t message_bytes(std::size_t payload_capacity) { return kMessageBytes + payload_bytes(payload_capacity); }
}  // namespace

std::string_view halt_reason_key(HaltReason r) {
  switch (r) {
    case HaltReason::None: return "none";
    case HaltReason::TraceLimit: return "trace_limit";
    case HaltReason::QueueLimit: return "queue_limit";
    case HaltReason::MemoryLimit: return "memory_limit";
  }
  return "unknown";
}

std::string_view fault_kind_key(FaultKind k) {
  switch (k) {
    case FaultKind::Crash: return "crash";
    case FaultKind::Restart: return "restart";
    case FaultKind::Cut: return "cut";
    case FaultKind::Heal: return "heal";
    case FaultKind::HealAll: return "heal_all";
    case FaultKind::Partition: return "partition";
    case FaultKind::HealPartition: return "heal_partition";
    case FaultKind::DropNext: return "drop_next";
    case FaultKind::DuplicateNext: return "duplicate_next";
    case FaultKind::SetNetwork: return "network";
  }
  return "unknown";
}

std::string_view txn_outcome_key(TxnOutcome o) {
  switch (o) {
    case TxnOutcome::Pending: return "pending";
    case TxnOutcome::InProgress: return "in_progress";
    case TxnOutcome::Committed: return "committed";
    case TxnOutcome::Aborted: return "aborted";
    case TxnOutcome::Blocked: return "blocked";
  }
  return "unknown";
}

int ProtocolInfo::index_of(const std::vector<std::string>& keys, std::string_view key) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

const RoleMachine* ProtocolInfo::role(std::string_view key) const {
  for (const auto& r : roles)
    if (r.role == key) return &r;
  return nullptr;
}

Simulator::Simulator(const SimConfig& cfg, Protocol& protocol)
    : protocol_(&protocol),
      seed_(cfg.seed),
      cfg_(cfg),
      rng_latency_(make_stream(cfg.seed, Stream::Latency)),
      rng_loss_(make_stream(cfg.seed, Stream::Loss)),
      rng_duplicate_(make_stream(cfg.seed, Stream::Duplicate)),
      rng_workload_(make_stream(cfg.seed, Stream::Workload)),
      rng_protocol_(make_stream(cfg.seed, Stream::Protocol)) {
  network_.set_settings(cfg.network);
  // Message id 0 and timer id 0 mean "none": reserve slot 0 in both tables.
  messages_ = MessageTable(ChunkAllocator<Message>(&chunks_));
  messages_.emplace_back();
  messages_[0].status = MsgStatus::Delivered;
  first_in_flight_ = 1;
  TimerRec none;
  none.cancelled = true;  // dropped at the first drop_dead_timer_records(); ids go on from 1
  timers_.push_back(none);
  trace_stop_ = counts_trace() ? cfg.trace_limit : UINT64_MAX;
  trace_bytes_counted_ = counts_trace();
  // Room for the whole trace up front (address space; pages are only touched as records arrive),
  // so it is never reallocated: growing by doubling copied it each time and touched about twice
  // the memory in all, and fresh pages are what recording mostly costs.
  if (cfg.keep_trace) {
    trace_.reserve(std::min(cfg.trace_limit, kTraceReserveMax) + 1);  // + 1: the final `limit` record
    advise_huge_pages(trace_.data(), trace_.capacity() * sizeof(TraceEvent));
  }
}

void Simulator::add_observer(TraceObserver* obs) {
  const std::uint32_t kinds = obs->kinds();
  for (std::size_t k = 0; k < observers_.size(); ++k) {
    if (!(kinds & (std::uint32_t{1} << k))) continue;
    const std::uint64_t keys = obs->keys(static_cast<TraceKind>(k));
    observers_[k].to.push_back({obs, keys});
    observers_[k].keys |= keys;
  }
}

void Simulator::notify(const Fanout& f, const TraceEvent& ev) const {
  // A key from 64 on has no bit of its own: every observer of the kind gets it.
  const std::uint64_t bit = ev.key < 64 ? std::uint64_t{1} << ev.key : kAllTraceKeys;
  for (const Fanout::Listener& l : f.to)
    if ((l.keys & bit) != 0 || ev.key >= 64) l.observer->observe(ev);
}

void Simulator::set_trace_sink(TraceSink* sink) {
  assert(!started_);
  sink_ = sink;
  if (sink_) sink_->begin(*this);
}

NodeId Simulator::add_node(std::string name, std::string role) {
  assert(!started_);
  NodeState n;
  n.name = std::move(name);
  n.role = std::move(role);
  nodes_.push_back(std::move(n));
  // Growing nodes_ copies its elements, and a copied log uses the heap: (re)attach the empty ones.
  for (NodeState& ns : nodes_)
    if (ns.log.empty() && ns.log.truncated() == 0) ns.log = DurableLog(&chunks_);
  network_.resize(static_cast<int>(nodes_.size()));
  return static_cast<NodeId>(nodes_.size() - 1);
}

std::size_t Simulator::add_fault(const Fault& f) {
  const std::size_t i = faults_.size();
  faults_.push_back(f);
  fired_.push_back(0);
  switch (f.trigger.kind) {
    case TriggerKind::AtTime: push(std::max<Time>(f.trigger.time, now_), EventKind::Fault, static_cast<std::uint32_t>(i)); break;
    case TriggerKind::OnState: state_triggers_.push_back(i); break;
    case TriggerKind::OnSent:
      sent_triggers_.push_back(i);
      sent_counts_.push_back(0);
      break;
    case TriggerKind::AfterEvent: event_triggers_.push_back(i); break;
  }
  return i;
}

void Simulator::start() {
  assert(!started_);
  started_ = true;
  in_dispatch_ = true;
  protocol_->start(*this);
  check_after_event_triggers();  // "after_event": 0 means before the first event
  run_deferred();
  in_dispatch_ = false;
}

void Simulator::push(Time t, EventKind kind, std::uint32_t idx, std::uint16_t timer_kind) {
  if (halted_ != HaltReason::None) return;
  if (cfg_.scheduled && kind != EventKind::Fault) {
    // Waits for a step that names it; messages and timers are found in their own tables.
    if (kind == EventKind::Client) scheduled_clients_.push_back(idx);
    return;
  }
  if (queue_.counts_at_least(cfg_.queue_limit)) {
    halted_ = HaltReason::QueueLimit;
    TraceEvent ev;
    ev.kind = TraceKind::Limit;
    ev.value = static_cast<std::int64_t>(HaltReason::QueueLimit);
    record(ev);
    return;
  }
  queue_.push(QueuedEvent{t, next_seq_++, idx, kind}, timer_kind);
}

bool Simulator::admit(std::size_t bytes) {
  // Once the budget has run out nothing more is kept, so the `limit` record stays the last one.
  if (halted_ == HaltReason::MemoryLimit) return false;
  if (bytes > cfg_.memory_limit - memory_used_) {
    halt(HaltReason::MemoryLimit);
    return false;
  }
  memory_used_ += bytes;
  return true;
}

bool Simulator::charge(std::size_t bytes) { return admit(bytes); }

void Simulator::halt(HaltReason why) {
  if (halted_ != HaltReason::None) return;
  halted_ = why;
  // Not counted against the memory limit: the trace keeps room for this one record.
  TraceEvent lim;
  lim.seq = trace_count_;
  lim.time = now_;
  lim.kind = TraceKind::Limit;
  lim.value = static_cast<std::int64_t>(why);
  const TraceEvent& stored = store(lim);
  const Fanout& fan = observers_[static_cast<std::size_t>(TraceKind::Limit)];
  if (fan.wants(stored.key)) notify(fan, stored);
}

const TraceEvent& Simulator::store(const TraceEvent& ev) {
  ++trace_count_;
  last_kind_ = ev.kind;
  if (sink_) sink_->record(ev);
  if (!cfg_.keep_trace) return ev;  // the caller's record: observers read it before it goes
  return trace_.emplace_back(ev);
}

void Simulator::record_past_trace_limit(TraceKind kind) {
  if (halted_ != HaltReason::None && kind != TraceKind::Limit) return;
  // One final record says why the run stopped; everything after it is discarded.
  if (halted_ == HaltReason::None) halted_ = HaltReason::TraceLimit;
  if (last_kind_ == TraceKind::Limit) return;
  TraceEvent lim;
  lim.seq = trace_count_;
  lim.time = now_;
  lim.kind = TraceKind::Limit;
  lim.value = static_cast<std::int64_t>(halted_);
  store(lim);  // observers are not told (as before); the sink is
}

inline void Simulator::record(TraceEvent ev) {
  if (trace_count_ >= trace_stop_) return record_past_trace_limit(ev.kind);
  // A `limit` record is never refused: it says why the run stopped. The bytes are counted whether
  // or not the trace is kept (SimConfig::keep_trace), so that the run does not depend on it.
  if (ev.kind != TraceKind::Limit && trace_bytes_counted_ && !admit(sizeof(TraceEvent))) return;
  ev.seq = trace_count_;
  ev.time = now_;
  // store(), written out: this is the hottest path of a run.
  ++trace_count_;
  last_kind_ = ev.kind;
  if (sink_) sink_->record(ev);
  const TraceEvent& stored = cfg_.keep_trace ? trace_.emplace_back(ev) : ev;
  const Fanout& fan = observers_[static_cast<std::size_t>(ev.kind)];
  if (fan.wants(ev.key)) notify(fan, stored);
}

void Simulator::message_event(TraceKind kind, const Message& m, DropReason why) {
  const bool outgoing = kind == TraceKind::Send || kind == TraceKind::Duplicate;
  TraceEvent ev;
  ev.kind = kind;
  ev.node = outgoing ? m.from : m.to;
  ev.peer = outgoing ? m.to : m.from;
  ev.key = m.type;
  ev.txn = m.txn;
  ev.msg = m.id;
  ev.reason = why;
  if (kind == TraceKind::Duplicate) ev.value = m.copy_of - 1;
  record(ev);
}

bool Simulator::dead(const QueuedEvent& ev) const {
  // Cancelled timers and timers of an earlier incarnation vanish without counting as an event.
  if (ev.kind != EventKind::Timer) return false;
  const TimerRec& t = timer(ev.idx);  // queued timers are never below the base: they are not dead yet
  const NodeState& n = nodes_[static_cast<std::size_t>(t.node)];
  return t.cancelled || !n.up || n.incarnation != t.incarnation;
}

void Simulator::prune() const {
  // Cancelled timers are already gone; timers voided by a crash are skipped here.
  bool skipped = false;
  while (!queue_.empty()) {
    if (queue_.top_removed()) {  // cancelled, left in place by the queue (a timer lane's front)
      queue_.pop();
      continue;
    }
    if (!dead(queue_.top())) break;
    timer(queue_.top().idx).cancelled = true;  // skipped: its record may go
    skipped = true;
    queue_.pop();
  }
  queue_.mark_pruned();
  if (skipped) drop_dead_timer_records();
}

void Simulator::drop_dead_timer_records() const {
  while (!timers_.empty() && timers_.front().cancelled) {
    timers_.pop_front();
    ++timers_base_;
  }
}

namespace {
// A script starts with the run (time 0) and its step k happens at k + 1 ms, wherever playback has
// moved the clock in between (the lab moves it towards the next event without dispatching it).
Time script_step_time(std::size_t k) { return ms(static_cast<std::int64_t>(k) + 1); }
}  // namespace

std::optional<Time> Simulator::next_event_time() const {
  prune();
  if (halted_ != HaltReason::None) return std::nullopt;
  if (script_due()) return script_step_time(script_pos_);
  if (queue_.empty()) return std::nullopt;
  return queue_.top().time;
}

bool Simulator::script_due() const {
  if (script_pos_ >= script_.size()) return false;
  return queue_.empty() || queue_.top().time > script_step_time(script_pos_);
}

void Simulator::set_script(std::vector<ScheduledStep> steps) {
  script_ = std::move(steps);
  script_pos_ = 0;
}

bool Simulator::step() {
  prune();
  return step_pruned();
}

bool Simulator::step_pruned() {
  if (script_due() && halted_ == HaltReason::None) {
    const Time shown = now_;
    now_ = std::max(Time{0}, script_step_time(script_pos_) - ms(1));  // apply_step adds the 1 ms
    if (apply_step(script_[script_pos_])) {
      ++script_pos_;
      return true;
    }
    now_ = shown;
    script_pos_ = script_.size();  // a step that names nothing ends the script
    return false;
  }
  if (!queue_.empty() && halted_ == HaltReason::None) {
    const QueuedEvent ev = queue_.top();
    queue_.pop();
    now_ = ev.time;
    in_dispatch_ = true;
    dispatch(ev);
    ++dispatched_;
    check_after_event_triggers();
    run_deferred();
    in_dispatch_ = false;
    if (!cfg_.keep_messages) forget_settled_messages();
    return true;
  }
  return false;
}

void Simulator::run_until(Time t) {
  while (halted_ == HaltReason::None) {
    const auto next = next_event_time();  // prunes
    if (!next || *next > t) break;
    step_pruned();
  }
  if (halted_ == HaltReason::None && t > now_) now_ = t;
}

void Simulator::run_until_event(std::uint64_t n) {
  while (dispatched_ < n && step()) {
  }
}

void Simulator::dispatch(const QueuedEvent& ev) {
  switch (ev.kind) {
    case EventKind::Deliver: deliver(messages_[ev.idx - messages_base_]); break;
    case EventKind::Timer: fire_timer(ev.idx); break;
    case EventKind::Fault: fire(ev.idx); break;
    case EventKind::Client: {
      const ClientRec c = client(ev.idx);
      client(ev.idx).done = true;
      drop_done_clients();
      protocol_->on_client(*this, c.kind, c.txn, c.value);
      break;
    }
  }
}

void Simulator::fire_timer(std::uint32_t id) {
  const TimerRec t = timer(id);  // a copy: its record may be dropped below
  timer(id).cancelled = true;    // fired timers cannot be cancelled again
  drop_dead_timer_records();
  TraceEvent tr;
  tr.kind = TraceKind::Timer;
  tr.node = t.node;
  tr.txn = t.txn;
  tr.key = t.kind;
  tr.value = t.value;
  record(tr);
  protocol_->on_timer(*this, t);
}

void Simulator::drop(Message& m, DropReason why) {
  m.status = MsgStatus::Dropped;
  m.drop_reason = why;
  message_event(TraceKind::Drop, m, why);
}

void Simulator::deliver(Message& m) {
  if (m.doomed != DropReason::None) return drop(m, m.doomed);
  if (network_.partitioned(m.from, m.to)) return drop(m, DropReason::Partition);
  if (network_.is_cut(m.from, m.to) || network_.epoch(m.from, m.to) != m.link_epoch)
    return drop(m, DropReason::LinkCut);
  if (!is_up(m.to)) return drop(m, DropReason::NodeDown);
  m.status = MsgStatus::Delivered;
  message_event(TraceKind::Deliver, m);
  protocol_->on_message(*this, m);  // stable: messages_ is a deque
}

void Simulator::forget_settled_messages() {
  // Ids go on from messages_base_ + size(), so an empty table is fine.
  while (!messages_.empty() && messages_.front().status != MsgStatus::InFlight) {
    // Slot 0 (id 0 means "none") was never counted.
    if (!cfg_.count_unkept && messages_base_ != 0) memory_used_ -= message_bytes(messages_.front().extra.capacity());
    messages_.pop_front();
    ++messages_base_;
  }
  if (first_in_flight_ < messages_base_) first_in_flight_ = messages_base_;
}

void Simulator::launch(Message& m) {
  const auto id = messages_base_ + static_cast<std::uint32_t>(messages_.size() - 1);
  m.id = id;
  m.sent_at = now_;
  const auto& net = network_.settings();
  m.deliver_at = now_ + rng_latency_.between(net.latency_lo, net.latency_hi);
  m.link_epoch = network_.epoch(m.from, m.to);
  if (m.doomed == DropReason::None && !net.loss.is_zero() && rng_loss_.chance(net.loss)) m.doomed = DropReason::Loss;
  push(m.deliver_at, EventKind::Deliver, id);
}

Message* Simulator::append_duplicate(std::uint32_t of) {
  // The copy's payload has capacity == size (what forget_settled_messages() gives back).
  if (!admit(message_bytes(message(of).extra.size()))) return nullptr;
  Message copy = message(of);  // a copy on purpose: the duplicate is a message of its own
  copy.copy_of = of + 1;
  copy.doomed = DropReason::None;
  Message& c = messages_.emplace_back(std::move(copy));
  c.id = messages_base_ + static_cast<std::uint32_t>(messages_.size() - 1);
  return &c;
}

void Simulator::record_duplicate(const Message& c) { message_event(TraceKind::Duplicate, c); }

std::uint32_t Simulator::send_message(NodeId from, NodeId to, std::uint16_t type, TxnId txn, std::int64_t a,
                                      std::int64_t b, std::vector<std::int64_t>* extra) {
  if (!is_up(from) || halted_ != HaltReason::None) return 0;
  if (cfg_.scheduled) {
    // The network is a set: the same message again, while one is in flight, adds nothing.
    ScheduledStep same{EventStepKind::Deliver, from, to, type, txn, a, b, extra ? *extra : std::vector<std::int64_t>{}};
    if (const Message* m = find_in_flight(same); m && m->link_epoch == network_.epoch(from, to)) return m->id;
  }
  if (!admit(message_bytes(extra ? extra->capacity() : 0))) return 0;
  const bool injected_drop = network_.take_drop_next(from, to);
  const bool dup = network_.take_duplicate_next(from, to) ||
                   (!network_.settings().duplicate.is_zero() && rng_duplicate_.chance(network_.settings().duplicate));
  // Built in place in the table (no copy of the message on the way).
  Message& m = messages_.emplace_back();
  m.from = from;
  m.to = to;
  m.type = type;
  m.txn = txn;
  m.a = a;
  m.b = b;
  if (extra) m.extra = std::move(*extra);
  if (injected_drop) m.doomed = DropReason::Injected;
  launch(m);
  const std::uint32_t id = m.id;
  nodes_[static_cast<std::size_t>(from)].last_sent = id;
  message_event(TraceKind::Send, m);

  if (Message* c = dup ? append_duplicate(id) : nullptr) {
    launch(*c);
    record_duplicate(*c);
  }

  // "Right after the n-th message of a type is sent": faults fire here, inside the sender's handler.
  for (std::size_t k = 0; k < sent_triggers_.size(); ++k) {
    const std::size_t fi = sent_triggers_[k];
    if (fired_[fi]) continue;
    const FaultTrigger& tr = faults_[fi].trigger;
    if (tr.msg_type != type || (tr.node != kNoNode && tr.node != from)) continue;
    if (++sent_counts_[k] >= tr.nth) fire(fi);
  }
  return id;
}

std::uint32_t Simulator::set_timer(NodeId node, Time delay, std::uint16_t kind, TxnId txn, std::int64_t value) {
  if (!is_up(node)) return 0;
  TimerRec t;
  t.id = timers_base_ + static_cast<std::uint32_t>(timers_.size());
  t.node = node;
  t.kind = kind;
  t.txn = txn;
  t.value = value;
  t.incarnation = nodes_[static_cast<std::size_t>(node)].incarnation;
  t.set_at = now_;
  t.fire_at = now_ + std::max<Time>(delay, 0);
  timers_.push_back(t);
  push(now_ + std::max<Time>(delay, 0), EventKind::Timer, t.id, kind);
  return t.id;
}

std::vector<PendingTimer> Simulator::pending_timers(NodeId node) const {
  std::vector<PendingTimer> out;
  for (const TimerRec& t : timers_) {
    if (t.cancelled || (node != kNoNode && t.node != node)) continue;
    const NodeState& n = nodes_[static_cast<std::size_t>(t.node)];
    if (!n.up || n.incarnation != t.incarnation) continue;  // voided by a crash, skipped when due
    out.push_back(PendingTimer{t.node, t.kind, t.txn, t.set_at, t.fire_at});
  }
  std::stable_sort(out.begin(), out.end(), [](const PendingTimer& a, const PendingTimer& b) { return a.fire_at < b.fire_at; });
  return out;
}

void Simulator::cancel_timer(std::uint32_t id) {
  // None, or fired, cancelled or skipped (a dropped record was one of those).
  if (id == 0 || !has_timer_record(id) || timer(id).cancelled) return;
  timer(id).cancelled = true;
  queue_.remove_timer(id);
  drop_dead_timer_records();
}

void Simulator::schedule_client(Time delay, std::uint16_t kind, TxnId txn, std::int64_t value) {
  // Counted as a vector of every record would grow (by doubling, at least 16), as it once was.
  static_assert(sizeof(ClientRec) == 16, "the accountant's figure for a workload event");
  const std::size_t made = clients_base_ + clients_.size();
  if (made == clients_room_) {
    const std::size_t grown = std::max<std::size_t>(16, 2 * clients_room_);
    if (!admit((grown - clients_room_) * sizeof(ClientRec))) return;
    clients_room_ = grown;
  }
  clients_.push_back(ClientRec{kind, false, txn, value});
  push(now_ + std::max<Time>(delay, 0), EventKind::Client, static_cast<std::uint32_t>(made));
}

void Simulator::drop_done_clients() {
  while (!clients_.empty() && clients_.front().done) {
    clients_.pop_front();
    ++clients_base_;
  }
}

void Simulator::log_append(NodeId node, std::uint16_t type, TxnId txn, std::int64_t value) {
  if (!is_up(node)) return;
  DurableLog& log = nodes_[static_cast<std::size_t>(node)].log;
  if (const std::size_t more = log.more_room_needed(); more > 0) {
    if (!admit(more * sizeof(LogRecord))) return;
    log.add_room(more);
  }
  log.append(LogRecord{now_, type, txn, value});
  TraceEvent ev;
  ev.kind = TraceKind::LogAppend;
  ev.node = node;
  ev.key = type;
  ev.txn = txn;
  ev.value = value;
  record(ev);
}

void Simulator::log_truncate(NodeId node, std::size_t records) {
  if (cfg_.forget_finished) nodes_[static_cast<std::size_t>(node)].log.truncate_front(records);
}

void Simulator::set_state(NodeId node, TxnId txn, std::uint16_t from, std::uint16_t to) {
  if (!is_up(node)) return;
  TraceEvent ev;
  ev.kind = TraceKind::State;
  ev.node = node;
  ev.txn = txn;
  ev.key = to;
  ev.value = from;
  record(ev);
  NodeState& ns = nodes_[static_cast<std::size_t>(node)];
  if (from != to || ns.state_txn != txn || ns.state_since < 0) {  // a self-loop does not restart "since"
    ns.state_txn = txn;
    ns.state_key = to;
    ns.state_since = now_;
  }
  for (std::size_t fi : state_triggers_) {
    if (fired_[fi]) continue;
    const FaultTrigger& tr = faults_[fi].trigger;
    if (tr.node == node && tr.state == to && (tr.txn == 0 || tr.txn == txn)) fire(fi);
  }
}

void Simulator::lock_event(TraceKind kind, NodeId node, TxnId txn, std::int64_t resource) {
  if (!is_up(node)) return;
  TraceEvent ev;
  ev.kind = kind;
  ev.node = node;
  ev.txn = txn;
  ev.value = resource;
  record(ev);
}

void Simulator::txn_start(NodeId node, TxnId txn) {
  TraceEvent ev;
  ev.kind = TraceKind::TxnStart;
  ev.node = node;
  ev.txn = txn;
  record(ev);
}

void Simulator::txn_end(TxnId txn, TxnOutcome outcome) {
  TraceEvent ev;
  ev.kind = TraceKind::TxnEnd;
  ev.txn = txn;
  ev.key = static_cast<std::uint16_t>(outcome);
  record(ev);
}

void Simulator::note(NodeId node, TxnId txn, std::uint16_t key, std::int64_t value) {
  TraceEvent ev;
  ev.kind = TraceKind::Note;
  ev.node = node;
  ev.txn = txn;
  ev.key = key;
  ev.value = value;
  record(ev);
}

std::vector<std::uint32_t> Simulator::in_flight() const {
  const std::size_t end = messages_base_ + messages_.size();
  while (first_in_flight_ < end && message(static_cast<std::uint32_t>(first_in_flight_)).status != MsgStatus::InFlight)
    ++first_in_flight_;
  std::vector<std::uint32_t> out;
  for (std::size_t i = first_in_flight_; i < end; ++i)
    if (message(static_cast<std::uint32_t>(i)).status == MsgStatus::InFlight) out.push_back(static_cast<std::uint32_t>(i));
  return out;
}

NodeId Simulator::node_id(std::string_view name) const {
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].name == name) return static_cast<NodeId>(i);
  return kNoNode;
}

std::string_view Simulator::node_name(NodeId n) const {
  if (n < 0 || static_cast<std::size_t>(n) >= nodes_.size()) return {};
  return nodes_[static_cast<std::size_t>(n)].name;
}

void Simulator::fire(std::size_t fault_index) {
  if (fired_[fault_index]) return;
  fired_[fault_index] = 1;
  apply(faults_[fault_index].action, static_cast<std::int64_t>(fault_index));
}

void Simulator::check_after_event_triggers() {
  for (std::size_t fi : event_triggers_) {
    const FaultTrigger& t = faults_[fi].trigger;
    if (fired_[fi] || t.nth != dispatched_) continue;
    // Made at a clock later than this event: the fault becomes the event at that time (no other
    // event was due before it when it was made, so a replay dispatches it next).
    if (t.time > now_) push(t.time, EventKind::Fault, static_cast<std::uint32_t>(fi));
    else fire(fi);
  }
}

std::uint64_t Simulator::run_faults_until(Time t) {
  std::uint64_t n = 0;
  for (;;) {
    prune();
    if (queue_.empty() || halted_ != HaltReason::None) break;
    const QueuedEvent& top = queue_.top();
    if (top.kind != EventKind::Fault || top.time > t) break;
    if (!step()) break;
    ++n;
  }
  return n;
}

bool Simulator::would_change(const FaultAction& a) const {
  const auto valid = [&](NodeId n) { return n >= 0 && static_cast<std::size_t>(n) < nodes_.size(); };
  switch (a.kind) {
    case FaultKind::Crash: return valid(a.a) && is_up(a.a);
    case FaultKind::Restart: return valid(a.a) && !is_up(a.a);
    case FaultKind::Cut: return valid(a.a) && valid(a.b) && a.a != a.b && !network_.is_cut(a.a, a.b);
    case FaultKind::Heal: return valid(a.a) && valid(a.b) && a.a != a.b && network_.is_cut(a.a, a.b);
    case FaultKind::HealAll: {
      if (network_.has_partition()) return true;
      for (NodeId x = 0; x < network_.size(); ++x)
        for (NodeId y = x + 1; y < network_.size(); ++y)
          if (network_.is_cut(x, y)) return true;
      return false;
    }
    case FaultKind::Partition: return !a.groups.empty();
    case FaultKind::HealPartition: return network_.has_partition();
    case FaultKind::DropNext: return valid(a.a) && valid(a.b) && a.a != a.b && !network_.drop_next_armed(a.a, a.b);
    case FaultKind::DuplicateNext:
      return valid(a.a) && valid(a.b) && a.a != a.b && !network_.duplicate_next_armed(a.a, a.b);
    case FaultKind::SetNetwork: return !(a.network == network_.settings());
  }
  return false;
}

bool Simulator::apply_now(const FaultAction& action) {
  if (!would_change(action) || halted_ != HaltReason::None) return false;
  in_dispatch_ = true;
  apply(action, -1);
  run_deferred();
  in_dispatch_ = false;
  return true;
}

void Simulator::apply(const FaultAction& a, std::int64_t index) {
  if (!would_change(a)) {
    // A scheduled fault that changes nothing (restarting a running node) is still shown in the trace.
    TraceEvent ev;
    ev.kind = TraceKind::Fault;
    ev.key = static_cast<std::uint16_t>(a.kind);
    ev.node = a.a;
    ev.peer = a.b;
    ev.value = index;
    ev.reason = DropReason::None;
    record(ev);
    return;
  }
  TraceEvent ev;
  ev.kind = TraceKind::Fault;
  ev.key = static_cast<std::uint16_t>(a.kind);
  ev.node = a.a;
  ev.peer = a.b;
  ev.value = index;
  record(ev);
  switch (a.kind) {
    case FaultKind::Crash: {
      // The node stops at once (further sends in the running handler are suppressed); its volatile
      // state is wiped once the handler has returned, so protocol code never sees its state vanish.
      NodeState& n = nodes_[static_cast<std::size_t>(a.a)];
      TraceEvent c;
      c.kind = TraceKind::Crash;
      c.node = a.a;
      record(c);
      // Taken before the wipe, while the protocol still has the node's memory.
      crashed_views_.resize(nodes_.size());
      crashed_views_[static_cast<std::size_t>(a.a)] = protocol_->live_view(a.a);
      crashed_views_[static_cast<std::size_t>(a.a)].locks.clear();
      crashed_views_[static_cast<std::size_t>(a.a)].blocked = false;
      n.up = false;
      ++n.incarnation;
      ++n.crashes;
      deferred_.emplace_back(Deferred::Wipe, a.a);
      break;
    }
    case FaultKind::Restart: deferred_.emplace_back(Deferred::Restart, a.a); break;
    case FaultKind::Cut: network_.cut(a.a, a.b); break;
    case FaultKind::Heal: network_.heal(a.a, a.b); break;
    case FaultKind::HealAll: network_.heal_all(); break;
    case FaultKind::Partition: network_.partition(a.groups); break;
    case FaultKind::HealPartition: network_.heal_partition(); break;
    case FaultKind::DropNext: network_.arm_drop_next(a.a, a.b); break;
    case FaultKind::DuplicateNext: network_.arm_duplicate_next(a.a, a.b); break;
    case FaultKind::SetNetwork: network_.set_settings(a.network); break;
  }
  if (!in_dispatch_) run_deferred();
}

NodeView Simulator::node_view(NodeId n) const {
  if (is_up(n)) return protocol_->live_view(n);
  return static_cast<std::size_t>(n) < crashed_views_.size() ? crashed_views_[static_cast<std::size_t>(n)] : NodeView{};
}

void Simulator::run_deferred() {
  // Processing one entry can add more (a restart that enters a state that triggers a crash).
  for (std::size_t i = 0; i < deferred_.size(); ++i) {
    const auto [what, node] = deferred_[i];
    NodeState& n = nodes_[static_cast<std::size_t>(node)];
    if (what == Deferred::Wipe) {
      protocol_->on_crash(*this, node);
    } else if (!n.up) {
      n.up = true;
      TraceEvent r;
      r.kind = TraceKind::Restart;
      r.node = node;
      record(r);
      protocol_->on_restart(*this, node);
    }
  }
  deferred_.clear();
}

}  // namespace cs
