// The deterministic discrete-event simulator: virtual clock, event queue ordered by (time, sequence),
// network, nodes with volatile state (owned by the protocol) and a durable log (owned here), timers,
// the fault schedule and the trace.
//
// Limits (each halts the run, recorded as a final `limit` trace event, never a crash):
//  - trace_limit: trace records kept (default 4,000,000);
//  - queue_limit: pending events (default 1,000,000);
//  - memory_limit: bytes of what a run keeps for good (default 512 MiB), counted by the simulator's
//    accountant: trace records, messages with their payloads, durable log records, and what the
//    protocol declares with charge(). The other two limits bound counts; this one bounds size (one
//    message can carry a payload of any length), so that a run stays under the documented memory
//    ceiling (docs/scenario-format.md, "Limits") whatever its parameters.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/chunk_pool.hpp"
#include "sim/durable_log.hpp"
#include "sim/event_queue.hpp"
#include "sim/fault.hpp"
#include "sim/network.hpp"
#include "sim/protocol.hpp"
#include "sim/ring_table.hpp"
#include "sim/rng.hpp"
#include "sim/schedule.hpp"
#include "sim/trace.hpp"
#include "sim/types.hpp"

namespace cs {

enum class MsgStatus : std::uint8_t { InFlight, Delivered, Dropped };

struct Message {
  std::uint32_t id = 0;  // index into Simulator::messages()
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  std::uint16_t type = 0;
  TxnId txn = 0;
  std::int64_t a = 0;  // protocol payload
  std::int64_t b = 0;
  std::vector<std::int64_t> extra;  // larger payloads (vector clocks, value lists); usually empty
  Time sent_at = 0;
  Time deliver_at = 0;
  std::uint32_t link_epoch = 0;
  std::uint32_t copy_of = 0;  // non-zero for a network duplicate: id of the original + 1
  DropReason doomed = DropReason::None;  // decided at send time (random loss, injected drop)
  MsgStatus status = MsgStatus::InFlight;
  DropReason drop_reason = DropReason::None;  // filled in when status == Dropped
};

struct TimerRec {
  std::uint32_t id = 0;
  NodeId node = kNoNode;
  std::uint16_t kind = 0;
  TxnId txn = 0;
  std::int64_t value = 0;
  std::uint32_t incarnation = 0;
  bool cancelled = false;
  Time set_at = 0;   // when it was set
  Time fire_at = 0;  // when it fires unless cancelled or voided by a crash
};

// A timer that is still running: what the GUI draws as a countdown on its node. `kind` indexes
// ProtocolInfo::timers (the descriptor's timer keys).
struct PendingTimer {
  NodeId node = kNoNode;
  std::uint16_t kind = 0;
  TxnId txn = 0;
  Time set_at = 0;
  Time fire_at = 0;
};

struct NodeState {
  std::string name;
  std::string role;
  bool up = true;
  std::uint32_t incarnation = 0;  // bumped by every crash; timers of older incarnations never fire
  std::uint32_t crashes = 0;
  DurableLog log;  // durable: survives crashes (sim/durable_log.hpp)
  // Read-only facts for teaching aids (node_facts.hpp), kept as the run goes so that no view has to
  // search the trace: the id of the last message the node sent (0: none), and its last state change.
  std::uint32_t last_sent = 0;
  TxnId state_txn = 0;
  std::uint16_t state_key = 0;
  Time state_since = -1;
};

struct SimConfig {
  std::uint64_t seed = 1;
  NetworkSettings network;
  std::size_t trace_limit = 4'000'000;
  std::size_t queue_limit = 1'000'000;
  std::size_t memory_limit = kDefaultMemoryLimit;
  static constexpr std::size_t kDefaultMemoryLimit = std::size_t{512} << 20;
  // Whether trace() keeps the records. Off, each record goes only to the observers and the trace
  // sink as it is made (what the CLI does when nothing reads the trace afterwards: ~48 bytes per
  // record saved). The run is the same either way: the limits count records and their bytes as if
  // they were kept, so a run halts at the same record, and its digest does not depend on this.
  bool keep_trace = true;
  // Whether messages() keeps every message of the run. Off, a message is forgotten once it is
  // delivered or dropped and every older one is too (the table is then the window of messages in
  // flight; message(id) still finds those). The run is the same either way: ids, trace and limits
  // do not depend on it (the accountant counts each message as if kept). Off in the CLI, which reads
  // no message after the run.
  bool keep_messages = true;
  // Whether the limits count what is not kept (an unkept trace's records, forgotten messages) as if
  // it were. On (the default), a run halts at the same record whether it keeps them or not. Off
  // (`commitscope-cli run --long-run`), they count only what the run holds: the trace limit does not
  // apply to an unkept trace, and a forgotten message's bytes are given back, so the memory limit
  // bounds messages in flight, durable logs and protocol state, and a run's length is not limited by
  // its trace. A run that no limit stops is the same either way.
  bool count_unkept = true;
  // A scheduled run (sim/schedule.hpp): messages, timers and workload events wait until a step
  // names them (apply_step), in any order, and the clock moves 1 ms per step. The network is a set:
  // sending a message identical to one still in flight adds nothing. The explorer's mode, and how
  // a scenario with a "schedule" replays.
  bool scheduled = false;
  // Whether protocols that can (2PC) keep only a window of unfinished transactions and a compact
  // summary of finished ones, and truncate their durable logs at checkpoints (log_truncate) that
  // recovery no longer reads past. The trace is the same either way; what views and reports can read
  // afterwards is not (old log records, finished transactions). On in `commitscope-cli run
  // --long-run`; off wherever something shows the logs and the transactions (the window, lessons).
  bool forget_finished = false;
  // Whether the caller keeps the trace as a window (forget_trace_before(): the window's long runs,
  // app/gui/lab/lab_controller.cpp). Its records are then not counted by the limits (no trace limit,
  // no bytes): the caller bounds what it keeps, and the run must not depend on when it forgets.
  // With count_unkept on, the records are counted as ever. Off everywhere else.
  bool trace_windowed = false;
};

class Simulator;

// Receives every trace record as it is made, in order, the final `limit` record included (a
// TraceObserver sees only the kinds it asks for, and not that record when the trace limit cut the
// run). Streams the trace out of the engine (the CLI's digest) when it is not kept.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  // Called once by set_trace_sink(), before any record: the run the records come from (node names,
  // protocol keys), for a sink that formats them.
  virtual void begin(const Simulator& sim) = 0;
  virtual void record(const TraceEvent& ev) = 0;
};

// New reasons go last: the number is what a `limit` trace record stores.
enum class HaltReason : std::uint8_t { None, TraceLimit, QueueLimit, MemoryLimit };
std::string_view halt_reason_key(HaltReason r);

class Simulator {
 public:
  Simulator(const SimConfig& cfg, Protocol& protocol);
  Simulator& operator=(const Simulator&) = delete;
  // A copy of this run driving `protocol` (a copy of protocol()), for the explorer: no observers
  // (the caller adds the copies of its invariants) and no trace sink.
  std::unique_ptr<Simulator> clone_for(Protocol& protocol) const;

  // ---- set-up (before start) ----
  NodeId add_node(std::string name, std::string role);
  // Adds a fault to the schedule; returns its index (what `fault` trace events refer to).
  std::size_t add_fault(const Fault& f);
  void add_observer(TraceObserver* obs);
  // One sink (nullptr for none), set before start(); it gets begin(*this) at once.
  void set_trace_sink(TraceSink* sink);
  // Lets the protocol schedule its workload. Call once, after nodes and faults are added.
  void start();

  // ---- driving ----
  // Dispatches the next event. Returns false when there is none, or the run has halted.
  bool step();
  // Dispatches every event with time <= t, then sets the clock to t.
  void run_until(Time t);
  // Dispatches events until `events_dispatched() == n` (or the queue runs dry).
  void run_until_event(std::uint64_t n);
  std::optional<Time> next_event_time() const;
  // Dispatches the fault events at the head of the queue due at or before t (an "after_event" fault
  // with a time, made by a user at a clock that playback had moved past the last event), and stops
  // at the first event of another kind. Returns how many were dispatched. Replaying "event index n,
  // clock t" is run_until_event(n), then this, then moving the clock to t.
  std::uint64_t run_faults_until(Time t);
  // Applies a fault at once (the GUI's fault tools). Returns false if it has no effect
  // (crashing a crashed node, restarting a running one, healing a healthy link).
  bool apply_now(const FaultAction& action);
  // Whether an action would change anything right now (to grey out impossible GUI actions).
  bool would_change(const FaultAction& action) const;

  // ---- scheduled runs (SimConfig::scheduled) ----
  // Dispatches the event `step` names (the lowest-numbered match), then the "after_event" faults due.
  // Returns false, changing nothing, when no event matches or the run has halted.
  bool apply_step(const ScheduledStep& step);
  // Live timers (not fired, cancelled or voided by a crash), by id.
  std::vector<TimerRec> live_timers() const;
  bool timer_live(std::uint32_t id) const;
  // Pending workload events of a scheduled run, in the order they were scheduled.
  std::vector<ScheduledStep> pending_clients() const;
  // A scheduled run that plays by itself (the lab steps through a counterexample on its timeline):
  // step(), next_event_time() and run_until*() then apply these steps in order, one per virtual ms,
  // as if they were timed events. Ends at the first step that names no pending event.
  void set_script(std::vector<ScheduledStep> steps);
  std::size_t script_position() const { return script_pos_; }

  // ---- services for protocols ----
  Time now() const { return now_; }
  bool is_up(NodeId n) const { return nodes_[static_cast<std::size_t>(n)].up; }
  // What views show of a node: the protocol's live view while it is up; while it is down, what it
  // showed at the moment it crashed, without locks and not blocked (its memory is gone).
  NodeView node_view(NodeId n) const;
  // Sends a message; returns its id (0 when the sender is down and nothing was sent). Most messages
  // carry no payload beyond `a` and `b`: that overload makes no vector on the way.
  std::uint32_t send(NodeId from, NodeId to, std::uint16_t type, TxnId txn, std::int64_t a = 0, std::int64_t b = 0) {
    return send_message(from, to, type, txn, a, b, nullptr);
  }
  std::uint32_t send(NodeId from, NodeId to, std::uint16_t type, TxnId txn, std::int64_t a, std::int64_t b,
                     std::vector<std::int64_t> extra) {
    return send_message(from, to, type, txn, a, b, &extra);
  }
  // Timers are volatile: a crash of the node voids them. Returns an id for cancel_timer (0 if down).
  std::uint32_t set_timer(NodeId node, Time delay, std::uint16_t kind, TxnId txn, std::int64_t value = 0);
  void cancel_timer(std::uint32_t id);
  void schedule_client(Time delay, std::uint16_t kind, TxnId txn, std::int64_t value = 0);
  void log_append(NodeId node, std::uint16_t type, TxnId txn, std::int64_t value = 0);
  // A checkpoint: drops the node's `records` oldest log records, which its recovery no longer reads.
  // Only when config().forget_finished (else nothing happens); not traced.
  void log_truncate(NodeId node, std::size_t records);
  void set_state(NodeId node, TxnId txn, std::uint16_t from, std::uint16_t to);
  void lock_event(TraceKind kind, NodeId node, TxnId txn, std::int64_t resource);
  void txn_start(NodeId node, TxnId txn);
  void txn_end(TxnId txn, TxnOutcome outcome);
  void note(NodeId node, TxnId txn, std::uint16_t key, std::int64_t value = 0);
  // Counts `bytes` of protocol state kept for the rest of the run (per-operation histories...) against
  // the memory limit. Returns false, having halted the run, when they do not fit (they are then not
  // counted); the caller may finish its handler, as after any halt.
  bool charge(std::size_t bytes);
  Rng& workload_rng() { return rng_workload_; }
  Rng& protocol_rng() { return rng_protocol_; }

  // ---- history: the window's long runs and scrubbing (sim/simulator_history.cpp) ----
  // Forgets the kept trace records with seq < `seq`. Changes nothing else: the limits count what
  // they counted (SimConfig::trace_windowed), so the run does not depend on when it is called.
  void forget_trace_before(std::uint64_t seq);
  // Forgets kept messages with id < `id`, stopping at the first one still in flight (it and every
  // later one stay); message(id) then finds ids from messages_base() on. The limits count what they
  // counted (as above).
  void forget_messages_before(std::uint32_t id);
  // A copy of this run driving `protocol` (a copy of protocol()), as clone_for(), without its
  // history: no trace records, and of the messages only those from the first still in flight on.
  // A snapshot to come back to, costing what the run holds besides its history.
  std::unique_ptr<Simulator> clone_without_history_for(Protocol& protocol) const;
  // Gives this run (a copy without history, or a copy of one) the history that `later` holds up to
  // this run's point, when `later` is a later point of the same run (same scenario, seed and
  // limits; the caller knows): later's trace cut back to this run's record count, later's messages
  // cut back to this run's, with the ones this run holds (their state at this point) put in their
  // place. `later` loses its trace and messages (their memory moves, nothing is copied). What
  // `later` had forgotten stays forgotten. Returns false, changing nothing, when `later` has made
  // fewer records or sent fewer messages than this run.
  bool take_history_from(Simulator& later);

  // ---- reading ----
  // Empty unless config().keep_trace.
  const std::vector<TraceEvent>& trace() const { return trace_; }
  // Records made so far, kept or not (the next record's seq).
  std::uint64_t trace_records() const { return trace_count_; }
  // Seq of trace().front(): the records before it were forgotten (forget_trace_before(), or a
  // snapshot's history taken back after a later point had forgotten them). 0 for a whole trace.
  std::uint64_t trace_base() const { return trace_count_ - trace_.size(); }
  // A deque: references stay valid while protocols send (no copy per delivery). Index = id while
  // config().keep_messages; otherwise it holds ids from messages_base() on (use message()). Its
  // blocks come from the run's chunk pool (sim/chunk_pool.hpp).
  using MessageTable = std::deque<Message, ChunkAllocator<Message>>;
  const MessageTable& messages() const { return messages_; }
  // A message by id: any message if they are kept, else one still in flight (or not yet forgotten).
  const Message& message(std::uint32_t id) const { return messages_[id - messages_base_]; }
  std::uint32_t messages_base() const { return messages_base_; }
  // Messages sent so far, kept or not (the next message's id).
  std::uint32_t messages_sent() const { return messages_base_ + static_cast<std::uint32_t>(messages_.size()); }
  // Ids of messages still in flight, oldest first.
  std::vector<std::uint32_t> in_flight() const;
  // Timers still running (not fired, cancelled or voided by a crash), of one node or (kNoNode) of
  // every node, in the order they fire. Read-only: the countdowns the canvas draws.
  std::vector<PendingTimer> pending_timers(NodeId node = kNoNode) const;
  const std::vector<NodeState>& nodes() const { return nodes_; }
  const DurableLog& log(NodeId n) const { return nodes_[static_cast<std::size_t>(n)].log; }
  NodeId node_id(std::string_view name) const;
  std::string_view node_name(NodeId n) const;
  const Network& network() const { return network_; }
  const std::vector<Fault>& faults() const { return faults_; }
  bool fault_fired(std::size_t i) const { return fired_[i] != 0; }
  std::uint64_t events_dispatched() const { return dispatched_; }
  HaltReason halted() const { return halted_; }
  const SimConfig& config() const { return cfg_; }  // the limits, for messages that name them
  // What the accountant has counted so far; never above memory_limit().
  std::size_t memory_used() const { return memory_used_; }
  std::size_t memory_limit() const { return cfg_.memory_limit; }
  // Whether the trace limit and the trace's bytes apply (SimConfig::count_unkept).
  bool counts_trace() const { return (cfg_.keep_trace && !cfg_.trace_windowed) || cfg_.count_unkept; }
  std::uint64_t seed() const { return seed_; }
  Protocol& protocol() { return *protocol_; }
  const Protocol& protocol() const { return *protocol_; }

 private:
  Simulator(const Simulator&) = default;  // clone_for()
  struct ClientRec {
    std::uint16_t kind;
    bool done;  // dispatched: the record may go once every older one has
    TxnId txn;
    std::int64_t value;
  };
  enum class Deferred : std::uint8_t { Wipe, Restart };

  // `timer_kind`: a timer's kind, which picks its lane in the queue (sim/event_queue.hpp).
  void push(Time t, EventKind kind, std::uint32_t idx, std::uint16_t timer_kind = 0);
  // Inlined where records are made (the hottest path of a run: ~4 records per event), so that the
  // kind's tests and its observers' table are resolved at each call site.
  [[gnu::always_inline]] inline void record(TraceEvent ev);
  // record() once the trace limit is reached: at most one final `limit` record, then nothing.
  void record_past_trace_limit(TraceKind kind);
  // The record of a message's Send, Duplicate (node = sender, peer = receiver; a duplicate's value is
  // the original's id), Deliver or Drop (node = receiver, peer = sender): type, transaction and id.
  void message_event(TraceKind kind, const Message& m, DropReason why = DropReason::None);
  // Gives `ev` to the sink and keeps it if the trace is kept; returns where it lives now (`ev` itself
  // when the trace is not kept).
  const TraceEvent& store(const TraceEvent& ev);
  // Halts the run for `why` (unless it has halted already) with one final `limit` record.
  void halt(HaltReason why);
  // The accountant: counts `bytes` if they fit under the memory limit, else halts the run.
  bool admit(std::size_t bytes);
  void dispatch(const QueuedEvent& ev);
  // step() once prune() has run (run_until() has just pruned, through next_event_time()).
  bool step_pruned();
  void fire_timer(std::uint32_t id);
  // The lowest-numbered message in flight with the content `step` names, else nullptr.
  Message* find_in_flight(const ScheduledStep& step);
  // send()'s work; `extra` (may be null: no payload) is moved into the message.
  std::uint32_t send_message(NodeId from, NodeId to, std::uint16_t type, TxnId txn, std::int64_t a, std::int64_t b,
                             std::vector<std::int64_t>* extra);
  bool dispatch_step(const ScheduledStep& step);
  void deliver(Message& m);
  void drop(Message& m, DropReason why);
  // Gives the message just added to messages_ its id, delivery time and fate, and queues it.
  void launch(Message& m);
  // A network duplicate of message `of`, appended as a message of its own (nullptr when the memory
  // limit refuses it); the caller launches or delivers it, and records it with record_duplicate().
  Message* append_duplicate(std::uint32_t of);
  void record_duplicate(const Message& copy);
  void apply(const FaultAction& action, std::int64_t index);
  void fire(std::size_t fault_index);
  void run_deferred();
  void check_after_event_triggers();
  bool dead(const QueuedEvent& ev) const;
  void prune() const;
  TimerRec& timer(std::uint32_t id) const { return timers_[id - timers_base_]; }
  bool has_timer_record(std::uint32_t id) const { return id >= timers_base_ && id - timers_base_ < timers_.size(); }
  void drop_dead_timer_records() const;
  // Forgets the messages at the front of the table that are no longer in flight (!keep_messages).
  void forget_settled_messages();

  Protocol* protocol_;
  std::uint64_t seed_;
  SimConfig cfg_;
  Time now_ = 0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t dispatched_ = 0;
  HaltReason halted_ = HaltReason::None;
  std::size_t memory_used_ = 0;
  bool started_ = false;
  bool in_dispatch_ = false;

  // mutable: pruning dead timers from the top is logically const (next_event_time()).
  mutable EventQueue queue_;
  // The durable logs' and the message table's blocks (declared before them: it outlives them). A
  // clone's pool is new and unused: copied logs and messages use the heap.
  ChunkPool chunks_;
  std::vector<NodeState> nodes_;
  std::vector<NodeView> crashed_views_;  // index = node; meaningful while the node is down
  MessageTable messages_;
  std::uint32_t messages_base_ = 0;  // id of messages_.front() (0 unless !keep_messages)
  // Messages below it are no longer in flight; advanced lazily by in_flight(), its only reader.
  mutable std::size_t first_in_flight_ = 0;
  // Timer records from id timers_base_ on. Leading records that are dead (fired, cancelled, voided
  // by a crash and skipped) are dropped: a cancelled timer must stay cancelled, and an id below the
  // base says so. In a long run this keeps the table at the span of live timers, whose memory is
  // reused, instead of one record for every timer ever set.
  mutable RingTable<TimerRec> timers_;  // mutable: prune() marks skipped timers dead
  mutable std::uint32_t timers_base_ = 0;
  // Workload events by index from clients_base_ on; leading ones already dispatched are dropped, so
  // the ring spans the pending ones (a few) instead of one record per transaction ever started.
  // The accountant still counts them as the vector this was (clients_room_: its capacity), so a run
  // halts at the memory limit where it did.
  ClientRec& client(std::uint32_t i) { return clients_[i - clients_base_]; }
  const ClientRec& client(std::uint32_t i) const { return clients_[i - clients_base_]; }
  void drop_done_clients();
  RingTable<ClientRec> clients_;
  std::uint32_t clients_base_ = 0;
  std::size_t clients_room_ = 0;
  std::vector<std::uint32_t> scheduled_clients_;  // scheduled runs: client indices not yet run
  std::vector<ScheduledStep> script_;  // set_script(): the steps step() applies, from script_pos_
  std::size_t script_pos_ = 0;
  bool script_due() const;             // the next event is the script's next step (not a timed fault)
  std::vector<TraceEvent> trace_;
  std::uint64_t trace_count_ = 0;
  // trace_count_ at which the trace limit applies: trace_limit, or never when !counts_trace().
  std::uint64_t trace_stop_ = 0;
  bool trace_bytes_counted_ = false;  // counts_trace(), read once per record
  TraceKind last_kind_ = TraceKind::Count_;  // of the last record; Count_ before the first
  TraceSink* sink_ = nullptr;
  // The observers of one trace kind, in the order they were added, each with the keys it looks at
  // (TraceObserver::keys()); `keys` is their union, so a record no observer wants costs one test.
  struct Fanout {
    struct Listener {
      TraceObserver* observer;
      std::uint64_t keys;
    };
    std::uint64_t keys = 0;
    std::vector<Listener> to;
    // Whether some observer wants a record with this key (tested inline, before any call).
    bool wants(std::uint16_t key) const { return key < 64 ? ((keys >> key) & 1) != 0 : !to.empty(); }
  };
  // Tells the observers of `ev`'s kind that want its key.
  void notify(const Fanout& f, const TraceEvent& ev) const;
  // By trace kind: record() calls only those that look at the kind and the key.
  std::array<Fanout, static_cast<std::size_t>(TraceKind::Count_)> observers_;
  Network network_;

  std::vector<Fault> faults_;
  std::vector<std::uint8_t> fired_;
  std::vector<std::size_t> state_triggers_;  // indices of OnState faults
  std::vector<std::size_t> sent_triggers_;   // indices of OnSent faults
  std::vector<std::uint64_t> sent_counts_;   // per fault in sent_triggers_
  std::vector<std::size_t> event_triggers_;  // indices of AfterEvent faults
  std::vector<std::pair<Deferred, NodeId>> deferred_;

  Rng rng_latency_;
  Rng rng_loss_;
  Rng rng_duplicate_;
  Rng rng_workload_;
  Rng rng_protocol_;
};

}  // namespace cs
