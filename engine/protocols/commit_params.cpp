#include "protocols/commit_params.hpp"

#include <string>

namespace cs {

void read_commit_params(ParamReader& r, CommitParams& p) {
  // Bit masks of node ids are 32 bits wide: C plus at most 16 participants (the schema's maximum).
  p.participants = static_cast<int>(r.integer("participants"));
  p.transactions = static_cast<int>(r.integer("transactions"));
  p.interval = r.duration("interval_ms");
  p.work = r.duration("work_ms");
  p.timeout = r.duration("timeout_ms");
  p.ack_timeout = r.duration("ack_timeout_ms");
  p.client_retry = r.duration("client_retry_ms");
  p.resources = static_cast<int>(r.integer("resources"));
  p.abort_probability = r.probability("abort_probability");
}

void read_pool_janitor_params(ParamReader& r, CommitParams& p) {
  p.pool_size = static_cast<int>(r.integer("pool_size"));
  p.pool_release_at_prepare = r.choice("pool_release") != "decision";
  p.janitor = r.duration("janitor_ms");
}

void read_commit_votes(ParamReader& r, CommitParams& p) {
  p.always_abort.assign(static_cast<std::size_t>(p.participants) + 1, false);
  if (const auto* votes = r.raw("votes")) {
    if (!votes->is_object()) {
      r.error("votes", "must be an object such as {\"P2\": \"abort\"}");
    } else {
      for (const auto& [name, v] : votes->items()) {
        int idx = 0;
        for (int i = 1; i <= p.participants; ++i)
          if (name == "P" + std::to_string(i)) idx = i;
        const std::string key = "votes." + name;
        if (idx == 0) {
          r.error(key, "\"" + name + "\" is not a participant (P1 to P" + std::to_string(p.participants) + ")");
        } else if (!v.is_string() || (v != "abort" && v != "commit")) {
          r.error(key, "must be \"commit\" or \"abort\"");
        } else {
          p.always_abort[static_cast<std::size_t>(idx)] = (v == "abort");
        }
      }
    }
  }
}

TxnDraw draw_transaction(const CommitParams& p, Rng& workload) {
  TxnDraw d;
  d.resource.assign(static_cast<std::size_t>(p.participants) + 1, 0);
  d.vote_abort.assign(static_cast<std::size_t>(p.participants) + 1, false);
  for (int i = 1; i <= p.participants; ++i) {
    const auto ix = static_cast<std::size_t>(i);
    d.resource[ix] = static_cast<std::int64_t>(workload.below(static_cast<std::uint64_t>(p.resources)));
    d.vote_abort[ix] = p.always_abort[ix] || (!p.abort_probability.is_zero() && workload.chance(p.abort_probability));
  }
  return d;
}

}  // namespace cs
