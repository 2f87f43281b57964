// `commitscope-cli explore FILE`: every interleaving of a scenario's protocol, with bounded faults
// (engine/explore/scenario_explorer.hpp). Prints what was found, each finding with a scenario that
// `run` replays. Timing is the CLI's: the engine has no clock.
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "explore/move_description.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"

namespace cs::cli {

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

// One explorer move in words, for the text output (the window words the same description through
// tr(): app/gui/dialogs/explore_steps.cpp).
std::string describe_move_text(const explore::MoveDescription& d) {
  const std::string txn = d.txn ? " (txn " + std::to_string(d.txn) + ")" : std::string();
  const std::string msg = d.key + " " + d.from + " -> " + d.node + txn;
  using K = explore::MoveDescription::Kind;
  switch (d.kind) {
    case K::Crash: return d.node + " crashes";
    case K::Restart: return d.node + " restarts";
    case K::Heal: return "the partition heals";
    case K::Partition: return "the network splits into {" + joined(d.side_a) + "} and {" + joined(d.side_b) + "}";
    case K::Deliver: return msg + " arrives";
    case K::Duplicate: return msg + " arrives twice (a duplicate)";
    case K::Drop: return msg + " is lost";
    case K::Timer: return "timer " + d.key + " fires at " + d.node + txn;
    case K::Client: return "the client acts" + txn;
  }
  return "?";
}

void print_path(const std::vector<explore::Choice>& path, const Protocol& p) {
  const auto nodes = p.node_specs();
  for (std::size_t i = 0; i < path.size(); ++i)
    std::printf("      %2zu. %s\n", i + 1, describe_move_text(explore::describe_move(path[i], p, nodes)).c_str());
}

nlohmann::ordered_json finding_json(const Scenario& base, const explore::Finding& f, const Protocol& p) {
  const std::string title = f.invariant.empty() ? "Explorer: a blocking state at depth " + std::to_string(f.depth)
                                                : "Explorer: " + f.invariant + " violated at depth " + std::to_string(f.depth);
  nlohmann::ordered_json j;
  if (!f.invariant.empty()) j["invariant"] = f.invariant;
  j["depth"] = f.depth;
  if (f.duplicates >= 0) j["over_approximation"] = {{"duplicates", f.duplicates}, {"replays", f.replays}};
  j["scenario"] = scenario_to_json(explore::path_scenario(base, f.path, title), p);
  return j;
}

constexpr const char* kMoveKindNames[explore::kMoveKinds] = {"deliver", "drop", "duplicate", "timer", "client",
                                                             "crash", "restart", "partition", "heal"};

nlohmann::ordered_json profile_json(const explore::SearchProfile& p) {
  nlohmann::ordered_json depths = nlohmann::ordered_json::array();
  for (const auto& d : p.depths) {
    nlohmann::ordered_json by_move;
    for (std::size_t k = 0; k < explore::kMoveKinds; ++k)
      if (d.by_move[k]) by_move[kMoveKindNames[k]] = d.by_move[k];
    depths.push_back({{"states", d.states}, {"by_move", by_move.is_null() ? nlohmann::ordered_json::object() : by_move},
                      {"max_words", d.max_words}});
  }
  return {{"depths", depths},
          {"active_nodes", p.active_nodes},
          {"sampled_states", p.sampled_states},
          {"pairs", p.pairs},
          {"pairs_commuting", p.pairs_commuting},
          {"pairs_disabling", p.pairs_disabling},
          {"pairs_differing", p.pairs_differing}};
}

void print_profile(const explore::SearchProfile& p) {
  std::printf("\nwhere the states come from (--profile):\n  depth  new states  longest state (words)  made by\n");
  for (std::size_t depth = 0; depth < p.depths.size(); ++depth) {
    const auto& d = p.depths[depth];
    std::string made;
    for (std::size_t k = 0; k < explore::kMoveKinds; ++k)
      if (d.by_move[k]) made += (made.empty() ? "" : ", ") + std::string(kMoveKindNames[k]) + " " + std::to_string(d.by_move[k]);
    std::printf("  %5zu  %10llu  %21llu  %s\n", depth, static_cast<unsigned long long>(d.states),
                static_cast<unsigned long long>(d.max_words), made.c_str());
  }
  std::printf("  expanded states by nodes with a delivery or timer to take:");
  for (std::size_t n = 0; n < p.active_nodes.size(); ++n)
    std::printf(" %zu: %llu", n, static_cast<unsigned long long>(p.active_nodes[n]));
  std::printf("\n  pairs of moves at two nodes, both orders, in %llu sampled states: %llu, of which %llu commute, %llu "
              "disable each other, %llu differ\n",
              static_cast<unsigned long long>(p.sampled_states), static_cast<unsigned long long>(p.pairs),
              static_cast<unsigned long long>(p.pairs_commuting), static_cast<unsigned long long>(p.pairs_disabling),
              static_cast<unsigned long long>(p.pairs_differing));
}

void print_text(const ExploreFileOptions& opt, const Scenario& s, const explore::ScenarioResult& r, double seconds, const Protocol& p) {
  const auto& b = opt.budget;
  std::printf("scenario: %s (protocol %s)\n", opt.file.c_str(), s.protocol.c_str());
  std::printf("faults allowed: %d crash(es), %d drop(s), %d duplicate(s), %d partition(s); restarts and heals at any time\n",
              b.crashes, b.drops, b.duplicates, b.partitions);
  std::printf("distinct states: %llu\ntransitions: %llu\nlongest shortest path: %d steps\n",
              static_cast<unsigned long long>(r.distinct_states), static_cast<unsigned long long>(r.transitions), r.max_depth);
  if (opt.symmetry)
    std::printf("symmetry: %u interchangeable nodes, %llu states stored (one per class of renamings)\n", r.symmetric_nodes,
                static_cast<unsigned long long>(r.symmetry_reduced_states));
  if (opt.max_rounds > 0)
    std::printf("rounds: %s\n", r.rounds_bounded ? ("runs within --max-rounds " + std::to_string(opt.max_rounds) + "; " +
                                                    std::to_string(r.beyond_rounds) + " states past the bound left unexpanded").c_str()
                                                 : "this protocol has no rounds: --max-rounds changes nothing");
  if (r.sent_set)
    std::printf("network: the sent set (--sent-set): a message stays in flight once sent and may arrive any number of\n"
                "  times; an over-approximation of every budget of drops and duplicates, for the safety verdict\n");
  if (r.inert_messages)
    std::printf("inert messages left out (--inert-messages): a message whose delivery the protocol says can change\n"
                "  nothing any more is not part of a state; every verdict is that of the search without it\n");
  if (r.pruned_covered)
    std::printf("covered states left out: %llu moves reached a state whose messages in flight a stored state with\n"
                "  the same rest also had (--prune-covered: the violations are exact, blocking states not checked)\n",
                static_cast<unsigned long long>(r.covered_successors));
  std::printf("complete: %s%s\n", r.complete ? "yes" : "no, stopped by ", r.complete ? "" : r.stopped_by.c_str());
  if (!r.exact) std::printf("note: this protocol has no state encoding; states reached by different paths were not merged\n");
  std::printf("time: %.3f s (%.0f states/s), memory: %.1f MiB\n", seconds,
              seconds > 0 ? static_cast<double>(r.distinct_states) / seconds : 0.0, static_cast<double>(r.memory_bytes) / (1 << 20));
  if (r.violations.empty()) std::printf("\ninvariants: held in every state%s\n", r.complete ? "" : " explored");
  for (const auto& v : r.violations) {
    std::printf("\nVIOLATED %s after %d steps (a shortest way):\n", v.invariant.c_str(), v.depth);
    if (v.duplicates >= 0)
      std::printf("    %s\n", v.replays ? ("as a real run it needs " + std::to_string(v.duplicates) + " duplicate(s)" +
                                            (v.duplicates > opt.budget.duplicates ? ", more than --max-dups allows" : "") +
                                            "; it replays")
                                                .c_str()
                                          : "found in the over-approximation only: it does not replay as a real run");
    print_path(v.path, p);
  }
  if (!r.blocking_checked)
    std::printf("\nblocking states: not checked (%s)\n", r.sent_set ? "--sent-set" : "--prune-covered");
  else
    std::printf("\nblocking states: %llu%s\n", static_cast<unsigned long long>(r.blocking_count),
                r.blocking_count ? " (something stays undecided until a node restarts or the network heals)" : "");
  for (const auto& e : r.blocking_examples) {
    std::printf("    blocked after %d steps:\n", e.depth);
    print_path(e.path, p);
  }
  if (opt.profile) print_profile(r.profile);
  if (!r.violations.empty() || r.blocking_count)
    std::printf("\n--json prints each of these as a scenario that `commitscope-cli run` replays.\n");
}

}  // namespace

int explore_file_command(const ExploreFileOptions& opt) {
  const std::optional<Scenario> loaded = read_scenario(opt.file);
  if (!loaded) return 2;
  const Scenario& s = *loaded;
  Diagnostics diags;
  const auto protocol = find_protocol(s.protocol)->create(s.params, diags);
  explore::ScenarioLimits limits;
  if (opt.max_states) limits.max_states = *opt.max_states;
  limits.symmetry = opt.symmetry;
  limits.max_rounds = opt.max_rounds;
  limits.profile = opt.profile;
  limits.prune_covered = opt.prune_covered;
  limits.sent_set = opt.sent_set;
  limits.inert_messages = opt.inert_messages;
  explore::ScenarioResult r;
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  if (!protocol || !explore::explore_scenario(s, opt.budget, limits, r, error)) {
    err("commitscope-cli: explore: " + (error.empty() ? std::string("the scenario cannot be run") : error) + "\n");
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!opt.json) {
    print_text(opt, s, r, seconds, *protocol);
    return 0;
  }
  nlohmann::ordered_json j;
  j["protocol"] = s.protocol;
  j["distinct_states"] = r.distinct_states;
  if (opt.symmetry) {
    j["symmetry_reduced_states"] = r.symmetry_reduced_states;
    j["symmetric_nodes"] = r.symmetric_nodes;
  }
  if (opt.max_rounds > 0 && r.rounds_bounded) {
    j["max_rounds"] = opt.max_rounds;
    j["beyond_rounds_states"] = r.beyond_rounds;
  }
  if (r.pruned_covered) {
    j["prune_covered"] = true;
    j["covered_successors"] = r.covered_successors;
  }
  // Which network was searched: the exact one (messages leave when they arrive) or the sent set.
  j["network"] = r.sent_set ? "sent_set" : "exact";
  // Whether inert messages were left out of the state (a quotient: every verdict is exact).
  j["inert_messages"] = r.inert_messages;
  j["transitions"] = r.transitions;
  j["max_depth"] = r.max_depth;
  j["complete"] = r.complete;
  if (!r.complete) j["stopped_by"] = r.stopped_by;
  j["exact"] = r.exact;
  j["seconds"] = seconds;
  j["memory_bytes"] = r.memory_bytes;
  j["violations"] = nlohmann::ordered_json::array();
  for (const auto& v : r.violations) j["violations"].push_back(finding_json(s, v, *protocol));
  nlohmann::ordered_json examples = nlohmann::ordered_json::array();
  for (const auto& e : r.blocking_examples) examples.push_back(finding_json(s, e, *protocol));
  j["blocking_states"] = {{"checked", r.blocking_checked}, {"count", r.blocking_count}, {"examples", examples}};
  if (opt.profile) j["profile"] = profile_json(r.profile);
  std::printf("%s\n", j.dump(2).c_str());
  return 0;
}

}  // namespace cs::cli
