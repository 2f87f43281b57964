// The parameters 2PC and 3PC share (the workload of many transactions over locked resources, the
// timeouts, the forced votes), read in one place so that the two protocols accept the same keys with
// the same ranges, defaults and messages, and a scenario can switch between them unchanged; and the
// per-transaction workload draw, so that the same seed gives both protocols the same transactions.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

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
  std::vector<bool> always_abort;  // index = participant number (1-based)
  Ratio abort_probability{0, Ratio::kPpm};
};

// The params a new 2PC or 3PC scenario starts from.
nlohmann::json default_commit_params();

// Reads the shared keys into `p`. `own_keys` reads the protocol's own keys; it is called between
// ack_timeout_ms and client_retry_ms, with timeout_ms (its default for derived durations), so that
// the keys are read, and listed in "known: ..." diagnostics, in the order they always were.
void read_commit_params(ParamReader& r, CommitParams& p, const std::function<void(double timeout_ms)>& own_keys);

// What one transaction asks of each participant (index = participant number, 1-based): the resource
// it locks and whether it votes abort. Drawn when the client starts the transaction, whatever happens
// next, so that a crash does not shift the draws of later transactions.
struct TxnDraw {
  std::vector<std::int64_t> resource;
  std::vector<bool> vote_abort;
};
TxnDraw draw_transaction(const CommitParams& p, Rng& workload);

}  // namespace cs
