#include "protocols/saga/common.hpp"

#include <algorithm>
#include <string>

#include "check/saga.hpp"

namespace cs::saga {

Workload read_workload(ParamReader& r) {
  Workload w;
  w.sagas = static_cast<int>(r.integer("sagas"));
  w.steps = static_cast<int>(r.integer("steps"));
  w.interval = r.duration("interval_ms");
  w.client_retry = r.duration("client_retry_ms");
  const std::string fail = r.choice("fail_step");
  for (int k = 0; k < kMaxSteps; ++k)
    if (fail == kStepKeys[static_cast<std::size_t>(k)]) w.fail_step = k;
  if (w.fail_step >= w.steps)
    r.error("fail_step", "\"" + fail + "\" is not one of the " + std::to_string(w.steps) + " steps of this saga");
  w.fail_timeout = r.choice("fail_mode") == "timeout";
  w.fail_probability = r.probability("fail_probability");
  w.compensation_failures = static_cast<int>(r.integer("compensation_failures"));
  if (const auto* list = r.raw("fail_sagas")) {
    if (!list->is_array()) {
      r.error("fail_sagas", "must be a list of saga numbers such as [1, 3]");
    } else {
      w.fail_saga.assign(static_cast<std::size_t>(w.sagas) + 1, false);
      for (const auto& v : *list) {
        if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > w.sagas) {
          r.error("fail_sagas", "every entry must be a saga number between 1 and " + std::to_string(w.sagas));
          break;
        }
        w.fail_saga[static_cast<std::size_t>(v.get<std::int64_t>())] = true;
      }
    }
  }
  return w;
}

int draw_failure(const Workload& w, Rng& rng, std::uint32_t saga) {
  if (w.fail_step < 0) return -1;
  if (!w.fail_saga.empty() && !w.fail_saga[saga]) return -1;
  return rng.chance(w.fail_probability) ? w.fail_step : -1;
}

std::vector<std::unique_ptr<Invariant>> make_invariants(int steps, std::uint16_t applied, std::uint16_t compensated,
                                                        std::vector<std::uint16_t> effect_records) {
  SagaRecords r;
  for (int k = 0; k < steps; ++k) r.step_nodes.push_back(step_node(k));
  r.applied = applied;
  r.compensated = compensated;
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<AllOrCompensatedInvariant>(r));
  out.push_back(std::make_unique<CompensationOrderInvariant>(r));
  out.push_back(std::make_unique<ExactlyOnceEffectInvariant>(std::move(effect_records)));
  return out;
}

void Ledger::start(TxnId saga, Time now) {
  book_[saga].started = now;
  book_[saga].outcome = TxnOutcome::InProgress;
  ++started_;
}

bool Ledger::end(TxnId saga, Time now, TxnOutcome outcome) {
  Entry& b = book_[saga];
  if (b.ended >= 0) return false;
  b.ended = now;
  b.outcome = outcome;
  (outcome == TxnOutcome::Committed ? completed_ : compensated_) += 1;
  const Time latency = b.ended - b.started;
  latency_sum_ += latency;
  latency_max_ = std::max<std::int64_t>(latency_max_, latency);
  return true;
}

std::vector<TxnView> Ledger::transactions() const {
  std::vector<TxnView> out;
  out.reserve(book_.size());
  for (TxnId t = 1; t < book_.size(); ++t) out.push_back(TxnView{t, book_[t].outcome, book_[t].started, book_[t].ended});
  return out;
}

std::vector<Metric> Ledger::metrics(std::initializer_list<Metric> own) const {
  const std::int64_t ended = completed_ + compensated_;
  std::vector<Metric> m{
      {"sagas_started", kNoNode, started_},
      {"sagas_completed", kNoNode, completed_},
      {"sagas_compensated", kNoNode, compensated_},
      {"sagas_running", kNoNode, started_ - ended},
  };
  m.insert(m.end(), own.begin(), own.end());
  m.push_back({"latency_avg_us", kNoNode, ended > 0 ? latency_sum_ / ended : 0});
  m.push_back({"latency_max_us", kNoNode, latency_max_});
  return m;
}

}  // namespace cs::saga
