#include "protocols/commit_params.hpp"

#include <algorithm>
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

bool CommitParams::ForcedAbort::applies_to(TxnId txn) const {
  return every || std::binary_search(txns.begin(), txns.end(), txn);
}

namespace {

int participant_index(const std::string& name, int participants) {
  for (int i = 1; i <= participants; ++i)
    if (name == "P" + std::to_string(i)) return i;
  return 0;
}

// {"abort": [2, 5]}: the transactions (1 to `transactions`) on which the participant votes abort.
void read_vote_list(ParamReader& r, const std::string& key, const nlohmann::json& v, int transactions,
                    CommitParams::ForcedAbort& out) {
  const auto list = v.find("abort");
  if (v.size() != 1 || list == v.end()) {
    r.error(key, "must be \"abort\", \"commit\" or {\"abort\": [transaction numbers]}, such as {\"abort\": [2, 5]}");
    return;
  }
  if (!list->is_array() || list->empty()) {
    r.error(key + ".abort", "must be a non-empty list of transaction numbers such as [2, 5]");
    return;
  }
  for (const auto& t : *list) {
    if (!t.is_number_integer() || t.get<std::int64_t>() < 1 || t.get<std::int64_t>() > transactions) {
      r.error(key + ".abort", "every entry must be a transaction number between 1 and " + std::to_string(transactions));
      out.txns.clear();
      return;
    }
    out.txns.push_back(t.get<TxnId>());
  }
  std::sort(out.txns.begin(), out.txns.end());
  out.txns.erase(std::unique(out.txns.begin(), out.txns.end()), out.txns.end());
}

}  // namespace

void read_commit_votes(ParamReader& r, CommitParams& p) {
  p.forced_abort.assign(static_cast<std::size_t>(p.participants) + 1, {});
  const auto* votes = r.raw("votes");
  if (!votes) return;
  if (!votes->is_object()) {
    r.error("votes", "must be an object such as {\"P2\": \"abort\"} or {\"P2\": {\"abort\": [2, 5]}}");
    return;
  }
  for (const auto& [name, v] : votes->items()) {
    const int idx = participant_index(name, p.participants);
    const std::string key = "votes." + name;
    auto& forced = p.forced_abort[static_cast<std::size_t>(idx)];
    if (idx == 0)
      r.error(key, "\"" + name + "\" is not a participant (P1 to P" + std::to_string(p.participants) + ")");
    else if (v.is_object())
      read_vote_list(r, key, v, p.transactions, forced);
    else if (!v.is_string() || (v != "abort" && v != "commit"))
      r.error(key, "must be \"commit\", \"abort\" or {\"abort\": [transaction numbers]}");
    else
      forced.every = (v == "abort");
  }
}

TxnDraw draw_transaction(const CommitParams& p, TxnId txn, Rng& workload) {
  TxnDraw d;
  d.resource.assign(static_cast<std::size_t>(p.participants) + 1, 0);
  d.vote_abort.assign(static_cast<std::size_t>(p.participants) + 1, false);
  for (int i = 1; i <= p.participants; ++i) {
    const auto ix = static_cast<std::size_t>(i);
    d.resource[ix] = static_cast<std::int64_t>(workload.below(static_cast<std::uint64_t>(p.resources)));
    d.vote_abort[ix] = p.forced_abort[ix].applies_to(txn) || (!p.abort_probability.is_zero() && workload.chance(p.abort_probability));
  }
  return d;
}

}  // namespace cs
