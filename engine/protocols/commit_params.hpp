// The parameters 2PC and 3PC share (the workload of many transactions over locked resources, the
// timeouts, the forced votes), read in one place so that the two protocols accept the same keys with
// the same ranges, defaults and messages, and a scenario can switch between them unchanged; and the
// per-transaction workload draw, so that the same seed gives both protocols the same transactions.
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/descriptor.hpp"
#include "protocols/params.hpp"
#include "sim/rng.hpp"
#include "sim/types.hpp"

namespace cs {

struct CommitParams {
  int participants = 3;
  int transactions = 1;
  Time interval = ms(10);      // between transaction starts
  Time work = 0;               // local work before C asks for votes (locks are held meanwhile)
  Time timeout = ms(300);      // C waiting for votes, P before it voted; each protocol adds its own uses
  Time ack_timeout = ms(300);  // C re-sends to participants that have not acknowledged
  Time client_retry = ms(100);
  int resources = 100;         // lockable resources per participant
  // "votes" (RefusalForm::Votes in the compare mapping: {"Pk": "abort"} for every transaction,
  // {"Pk": {"abort": [t, ...]}} for some): index = participant number (1-based). A participant votes abort on every transaction
  // (`every`) or only on the listed ones (`txns`, ascending); the others follow abort_probability.
  struct ForcedAbort {
    bool every = false;
    std::vector<TxnId> txns;
    bool applies_to(TxnId txn) const;
  };
  std::vector<ForcedAbort> forced_abort;
  Ratio abort_probability{0, Ratio::kPpm};
  // Sessions and the janitor (2PC reads them with read_pool_janitor_params; 0 = off, the default).
  int pool_size = 0;             // sessions per participant; a transaction holds one from its join
  bool pool_release_at_prepare = true;  // PREPARE TRANSACTION detaches it (else held until the decision)
  Time janitor = 0;              // a READY transaction older than this is rolled back heuristically
};

// The schema entries 2PC and 3PC share (each protocol lists them, with its own keys between
// ack_timeout_ms and client_retry_ms, in its descriptor; docs list keys in schema order).
namespace commit_param_specs {
inline constexpr ParamSpec kParticipants{.key = "participants", .kind = ParamKind::Integer, .def = 3, .lo = 1, .hi = 16,
                                         .unit = "nodes", .help = "participants P1…Pn (besides the coordinator C)",
                                         .sets_cluster_size = true, .starter = true};
inline constexpr ParamSpec kTransactions{.key = "transactions", .kind = ParamKind::Integer, .def = 1, .lo = 1,
                                         .hi = 100'000, .help = "transactions the client starts", .starter = true};
inline constexpr ParamSpec kInterval{.key = "interval_ms", .kind = ParamKind::DurationMs, .def = 10, .lo = 0,
                                     .hi = 3'600'000, .unit = "ms", .help = "between transaction starts"};
inline constexpr ParamSpec kWork{.key = "work_ms", .kind = ParamKind::DurationMs, .def = 0, .lo = 0, .hi = 3'600'000,
                                 .unit = "ms", .help = "local work before C asks for votes (locks are held meanwhile)"};
inline constexpr ParamSpec kTimeout{.key = "timeout_ms", .kind = ParamKind::DurationMs, .def = 300, .lo = 1,
                                    .hi = 3'600'000, .unit = "ms",
                                    .help = "how long C waits for votes and a participant for the decision or PREPARE",
                                    .starter = true};
inline constexpr ParamSpec kAckTimeout{.key = "ack_timeout_ms", .kind = ParamKind::DurationMs, .lo = 1, .hi = 3'600'000,
                                       .unit = "ms", .help = "re-send period of the decision to those that have not acknowledged",
                                       .rule = DefaultRule::SameAs, .ref = "timeout_ms"};
inline constexpr ParamSpec kClientRetry{.key = "client_retry_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1,
                                        .hi = 3'600'000, .unit = "ms", .help = "client retry while C is down"};
inline constexpr ParamSpec kResources{.key = "resources", .kind = ParamKind::Integer, .def = 100, .lo = 1,
                                      .hi = 1'000'000, .help = "lockable resources per participant"};
inline constexpr ParamSpec kAbortProbability{.key = "abort_probability", .kind = ParamKind::Probability, .def = 0,
                                             .lo = 0, .hi = 1,
                                             .help = "chance that a participant votes abort, per transaction"};
inline constexpr ParamSpec kVotes{.key = "votes", .kind = ParamKind::Structured,
                                  .help = "{\"P2\": \"abort\"}: P2 votes abort on every transaction; "
                                          "{\"P2\": {\"abort\": [2, 5]}}: only on transactions 2 and 5",
                                  .def_json = "{}"};
// The connection pool and the janitor (0 = off: runs without them are unchanged).
inline constexpr std::string_view kPoolReleases[] = {"prepare", "decision"};
inline constexpr ParamSpec kPoolSize{.key = "pool_size", .kind = ParamKind::Integer, .def = 0, .lo = 0, .hi = 1000,
                                     .unit = "sessions",
                                     .help = "sessions per participant (0: unlimited); a transaction that finds none free fails"};
inline constexpr ParamSpec kPoolRelease{.key = "pool_release", .kind = ParamKind::Choice,
                                        .help = "when a transaction gives its session back: at READY (PREPARE TRANSACTION "
                                                "detaches it) or only at the decision",
                                        .def_choice = "prepare", .choices = kPoolReleases};
inline constexpr ParamSpec kJanitor{.key = "janitor_ms", .kind = ParamKind::DurationMs, .def = 0, .lo = 0,
                                    .hi = 3'600'000, .unit = "ms",
                                    .help = "0: off; else a participant rolls back a transaction left READY this long "
                                            "(a heuristic decision, like ROLLBACK PREPARED)"};
// The figures and invariants both commit protocols have.
inline constexpr MetricSpec kCommitted{.key = "txns_committed", .sense = MetricSense::Good, .shown_by_default = true};
inline constexpr MetricSpec kAborted{.key = "txns_aborted", .sense = MetricSense::Bad, .shown_by_default = true};
inline constexpr MetricSpec kLocksHeld{.key = "locks_held", .level = true, .shown_by_default = true};
inline constexpr InvariantSpec kInvariants[] = {
    {"agreement", "No two nodes decide differently for a transaction, and no node changes its decision."},
    {"commit_validity", "Nobody commits unless every participant voted to commit."},
    {"commit_once", "A node applies a transaction's commit at most once (duplicate decisions are harmless)."},
};
// "Compare with": how long a participant holds its locks before it gives up.
inline constexpr VariantSpec kVariants[] = {
    {.id = "timeout=half", .label = "Shorter timeouts (%1 ms)", .tag = "½ timeout", .edit = VariantEdit::Scale,
     .key = "timeout_ms", .factor = 0.5},
    {.id = "timeout=double", .label = "Longer timeouts (%1 ms)", .tag = "2× timeout", .edit = VariantEdit::Scale,
     .key = "timeout_ms", .factor = 2},
};
}  // namespace commit_param_specs

// Reads the shared keys into `p` (the protocol reads its own keys with the same reader).
void read_commit_params(ParamReader& r, CommitParams& p);
// Reads pool_size, pool_release and janitor_ms (the protocols that model sessions and a janitor).
void read_pool_janitor_params(ParamReader& r, CommitParams& p);
// Reads "votes" (after the protocol's own keys, so that diagnostics keep their order).
void read_commit_votes(ParamReader& r, CommitParams& p);

// What one transaction asks of each participant (index = participant number, 1-based): the resource
// it locks and whether it votes abort. Drawn when the client starts the transaction, whatever happens
// next, so that a crash does not shift the draws of later transactions.
struct TxnDraw {
  std::vector<std::int64_t> resource;
  std::vector<bool> vote_abort;
};
TxnDraw draw_transaction(const CommitParams& p, TxnId txn, Rng& workload);

}  // namespace cs
