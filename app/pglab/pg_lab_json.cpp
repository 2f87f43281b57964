#include <nlohmann/json.hpp>

#include "pg_lab.hpp"

namespace cs::pglab {

namespace {

nlohmann::json gids(const QStringList& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const QString& gid : list) out.push_back(gid.toStdString());
  return out;
}

}  // namespace

std::string observations_json(const Observations& o) {
  const nlohmann::json j = {
      {"server_version", o.server_version.toStdString()},
      {"observations",
       {{"disabled_error", o.disabled_error.toStdString()},
        {"prepared_after_prepare", o.prepared_after_prepare},
        {"survived_session_close", o.survived_session_close},
        {"survived_restart", o.survived_restart},
        {"concurrent_update_blocked", o.concurrent_update_blocked},
        {"visible_after_commit_prepared", o.visible_after_commit_prepared},
        {"janitor", {{"committed", gids(o.janitor_committed)}, {"rolled_back", gids(o.janitor_rolled_back)}, {"left", gids(o.janitor_left)}}},
        {"pool_exhaustion",
         {{"pool_size", o.pool_size},
          {"blocked_sessions_without_prepare", o.blocked_sessions_without_prepare},
          {"free_after_prepare", o.free_after_prepare}}}}}};
  return j.dump(2);
}

}  // namespace cs::pglab
