#include "protocols/commit_params.hpp"

#include <string>

namespace cs {

nlohmann::json default_commit_params() {
  return {{"participants", 3}, {"transactions", 1}, {"timeout_ms", 300}};
}

void read_commit_params(ParamReader& r, CommitParams& p, const std::function<void(double timeout_ms)>& own_keys) {
  // Bit masks of node ids are 32 bits wide: C plus at most 16 participants.
  p.participants = static_cast<int>(r.integer("participants", 3, 1, 16));
  p.transactions = static_cast<int>(r.integer("transactions", 1, 1, 100'000));
  p.interval = r.duration_ms("interval_ms", 10, 0, 3'600'000);
  p.work = r.duration_ms("work_ms", 0, 0, 3'600'000);
  p.timeout = r.duration_ms("timeout_ms", 300, 1, 3'600'000);
  const double timeout_ms = static_cast<double>(p.timeout) / kMicrosPerMs;
  p.ack_timeout = r.duration_ms("ack_timeout_ms", timeout_ms, 1, 3'600'000);
  own_keys(timeout_ms);
  p.client_retry = r.duration_ms("client_retry_ms", 100, 1, 3'600'000);
  p.resources = static_cast<int>(r.integer("resources", 100, 1, 1'000'000));
  p.abort_probability = r.probability("abort_probability", 0.0);
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
