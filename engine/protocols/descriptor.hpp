// What the engine declares about each protocol, once: its roles, states (with a class), messages
// (with a family), log records, timers, notes, metrics, invariants and parameters (with kind,
// default, range, unit and help), and the teaching variants "Compare with" offers.
//
// Everything else reads this: ParamReader validates a scenario's params against the schema (so a
// default lives in exactly one place), the protocol's ProtocolInfo takes its key lists from it,
// `commitscope-cli protocols --json|--markdown` prints it (docs/protocols.md's parameter tables are
// generated from it, and a test fails when they drift), and the GUI builds its New-scenario form,
// compare variants, colours (by message family), timeline marks (by state class), canvas placement
// (by coordinating role) and default metrics from it. Only translated text stays per key in the app.
//
// Descriptors are constant data (constexpr tables of string_views), never mutable global state.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/protocol.hpp"

namespace cs {

// What a state means for the transaction (or operation) it belongs to; the GUI's decision marks,
// colours and lesson conditions read this instead of matching state names.
enum class StateClass : std::uint8_t {
  Initial,       // nothing has happened yet (INIT, NONE, IDLE)
  Working,       // the node is doing its part (WAIT, TRYING, RUNNING, QUERYING, ...)
  Uncertain,     // voted or reserved and waiting for the outcome it cannot take alone (READY, RESERVED)
  Committing,    // the outcome is commit but not yet final everywhere (3PC's PRECOMMIT, TCC's CONFIRMING)
  Committed,     // the transaction's outcome is commit (COMMIT, CONFIRMED, COMPLETED)
  Aborting,      // the outcome is abort, being carried out (TCC's CANCELLING)
  Aborted,       // the transaction's outcome is abort (ABORT, CANCELLED, REJECTED, EXPIRED)
  Compensating,  // undoing applied steps
  Compensated,   // every applied step undone
  Done,          // a local step or an operation succeeded (not a transaction decision)
  Failed,        // a local step or an operation failed (not a transaction decision)
  Leader,        // primary
  Follower,      // backup or candidate
};

// What a message is for; the GUI colours and shapes messages by family.
enum class MessageFamily : std::uint8_t {
  Request,       // asks a node to do its part (PREPARE, TRY, CHARGE, READ, WRITE, POLL)
  VoteYes,       // "I can" (VOTE_COMMIT, TRY_OK, VOTE_GRANTED)
  VoteNo,        // "I cannot" (VOTE_ABORT, TRY_FAILED)
  PreDecision,   // 3PC's PRECOMMIT: the decision announced but not yet final
  Commit,        // the commit decision (GLOBAL_COMMIT, CONFIRM, FINALIZE)
  Abort,         // the abort decision (GLOBAL_ABORT, CANCEL)
  Ack,           // acknowledges a decision or a delivery
  Recovery,      // termination and recovery traffic (DECISION_REQUEST, STATE_REQUEST)
  Compensation,  // undoes an applied step (REFUND, RELEASE_STOCK)
  Replication,   // replica-to-replica traffic (STORE, REPLICATE, SYNC)
  Election,      // heartbeats and elections
  Success,       // a step or an operation succeeded (CHARGED, READ_OK, an event of success)
  Failure,       // a step or an operation failed (CHARGE_FAILED, FAIL, REDIRECT)
  Event,         // an event published to a broker or delivered by it
};

enum class MetricSense : std::uint8_t { Good, Bad, Anomaly, Neutral };
enum class MetricUnit : std::uint8_t { Count, Micros, Amount };

enum class ParamKind : std::uint8_t {
  Integer,
  DurationMs,   // milliseconds in the file (fractions allowed), microseconds in the engine
  Probability,  // 0..1, turned into an integer ratio
  Boolean,
  Choice,       // one of `choices`
  Structured,   // an object or list the protocol checks itself (votes, capacity, attach, ...)
};

// How a parameter's default is found when the file does not give it.
enum class DefaultRule : std::uint8_t {
  Literal,     // `def` (or `def_choice`, or `def_json` for structured values)
  SameAs,      // the value of `ref`
  HalfOf,      // half the value of `ref`
  MajorityOf,  // floor(ref / 2) + 1
  IfRef,       // `alt` when boolean `ref` is true, else `def`
};

struct RoleSpec {
  std::string_view key;      // "coordinator", "participant", ...
  std::string_view naming;   // how its nodes are named: "C", "P1…Pn", "ACCOUNT, INVENTORY, …"
  std::string_view count;    // the parameter that sets how many there are ("" for one node)
  bool coordinates = false;  // the node that drives the transaction (placed first, matched across protocols)
  bool worker = false;       // numbered workers (participants, saga steps, services): "worker k"
  std::string_view help;
};

struct StateSpec {
  std::string_view key;
  StateClass cls;
};

struct MessageSpec {
  std::string_view key;
  MessageFamily family;
};

struct MetricSpec {
  std::string_view key;
  MetricUnit unit = MetricUnit::Count;
  MetricSense sense = MetricSense::Neutral;
  bool level = false;          // a level at this moment (locks held), not a running total
  bool shown_by_default = false;
  // Drawn as a row on the node's card where the protocol reports it per node: a counter, or, with
  // `capacity` (another metric's key), a gauge "value / capacity". The view draws; the protocol says what.
  bool on_card = false;
  std::string_view capacity;
};

struct InvariantSpec {
  std::string_view key;
  std::string_view description;
};

struct ParamSpec {
  std::string_view key;
  ParamKind kind = ParamKind::Integer;
  double def = 0;  // Literal default of numbers and booleans (0/1); `def` of IfRef when ref is false
  double lo = 0;
  double hi = 0;
  std::string_view unit;        // "ms", "nodes", ... ("" when it needs none)
  std::string_view help;        // one English line (docs, CLI, tool tips)
  std::string_view def_choice;  // Choice default
  std::span<const std::string_view> choices;
  std::string_view def_json;    // Structured default as JSON text ("{}", "1000"); also the docs' text
  DefaultRule rule = DefaultRule::Literal;
  std::string_view ref;         // the parameter a rule or `hi_ref` refers to
  double alt = 0;               // IfRef: the default when `ref` is true
  std::string_view hi_ref;      // the upper bound is this parameter's value (read_quorum <= replicas)
  bool sets_cluster_size = false;  // the New-scenario dialog's size field
  bool starter = false;            // written into a new scenario's params...
  std::string_view starter_json;   // ...with this value (JSON text) when it is not the default: a new
                                   // saga scenario starts with a failing step, to have something to show
};

// A "Compare with" teaching variant: the same scenario with one design parameter changed.
enum class VariantEdit : std::uint8_t {
  Set,       // key = value (JSON text)
  Scale,     // key = current value * factor (rounded down), kept inside the parameter's range
  Quorums,   // read_quorum = write_quorum = `factor` (1), the majority (0) or all replicas (-1)
};

struct VariantSpec {
  std::string_view id;     // stable: "mode=ap", "timeout=half"
  std::string_view label;  // English, may hold %1 (the number the edit produced)
  std::string_view tag;    // short English legend tag, may hold %1
  VariantEdit edit = VariantEdit::Set;
  std::string_view key;
  std::string_view value;      // Set: JSON text
  double factor = 1;           // Scale / Quorums
  std::string_view when_key;   // offered only when this parameter...
  std::string_view when_value; // ...has this value (JSON text); empty: always
};

// How a protocol's workload reads in the common vocabulary that `compare` maps between protocols
// (docs/protocols.md, "Comparing protocols"): how many transactions, how far apart, and how
// "worker k refuses transaction t" is said in its params.
enum class RefusalForm : std::uint8_t {
  None,      // no worker can refuse (outbox, dual-write, primary-backup)
  Votes,     // "votes": {"Pk": "abort"}: worker k votes abort on every transaction (2PC, 3PC)
  FailStep,  // "fail_step" (+ "fail_sagas"): the saga fails at one step, for the listed sagas or all
  Capacity,  // "capacity": {"NAME": 0}: every try at that service fails (TCC)
};

struct WorkloadSpec {
  std::string_view transactions;  // the parameter counting transactions; "" = no transaction workload
  std::string_view interval;      // the parameter spacing them
  RefusalForm refusal = RefusalForm::None;
};

struct ProtocolDescriptor {
  std::string_view name;     // the scenario's "protocol" value
  std::string_view title;    // short English name ("Two-phase commit")
  std::string_view summary;  // one English line
  std::span<const RoleSpec> roles;
  std::span<const StateSpec> states;      // in trace index order
  std::span<const MessageSpec> messages;  // in trace index order
  std::span<const std::string_view> log_records;
  std::span<const std::string_view> timers;
  std::span<const std::string_view> notes;
  std::span<const MetricSpec> metrics;
  std::span<const InvariantSpec> invariants;
  std::span<const ParamSpec> params;
  std::span<const VariantSpec> variants;
  WorkloadSpec workload;

  const ParamSpec* param(std::string_view key) const;
  const StateSpec* state(std::string_view key) const;
  const MessageSpec* message(std::string_view key) const;
  const MetricSpec* metric(std::string_view key) const;
  const RoleSpec* role(std::string_view key) const;
  const RoleSpec* coordinating_role() const;  // nullptr: no node coordinates (a register)
  const ParamSpec* cluster_size_param() const;
  // The params a new scenario starts from: every `starter` parameter at its default.
  nlohmann::json starter_params() const;
};

std::string_view state_class_key(StateClass c);        // "initial", "working", ...
std::string_view message_family_key(MessageFamily f);  // "request", "vote_yes", ...
std::string_view param_kind_key(ParamKind k);          // "integer", "duration_ms", ...
std::string_view metric_unit_key(MetricUnit u);        // "count", "us", "amount"
std::string_view metric_sense_key(MetricSense s);      // "good", "bad", "anomaly", "neutral"
std::string_view refusal_form_key(RefusalForm f);      // "none", "votes", "fail_step", "capacity"

// The default a parameter takes when absent, as docs and tables show it ("300", "= timeout_ms",
// "timeout_ms / 2", "majority of replicas", "\"cp\"", "{}").
std::string param_default_text(const ParamSpec& p);
// Its allowed values as text ("1–16", "0–1", "\"cp\", \"ap\"", "1–replicas").
std::string param_range_text(const ParamSpec& p);

// The key lists of a run's ProtocolInfo (trace indices follow the descriptor's order); the
// protocol adds its role machines, which may depend on its parameters.
ProtocolInfo make_protocol_info(const ProtocolDescriptor& d);

// `commitscope-cli protocols --json`: every descriptor as one JSON document.
nlohmann::json descriptors_json(std::span<const ProtocolDescriptor* const> all);
nlohmann::json descriptor_json(const ProtocolDescriptor& d);
// The parameter table of one protocol as Markdown (what docs/protocols.md holds between the
// `<!-- params:NAME -->` markers).
std::string params_markdown(const ProtocolDescriptor& d);

}  // namespace cs
