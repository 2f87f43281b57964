#include "explore/scenario_explorer.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "explore/state_encoder.hpp"
#include "explore/state_space.hpp"
#include "scenario/simulation.hpp"
#include "sim/inert_messages.hpp"
#include "sim/network_blind.hpp"
#include "sim/rounds.hpp"
#include "sim/symmetry.hpp"

namespace cs::explore {

namespace {

using Fingerprint = Packed<2>;

// Fingerprint -> state index, open addressing (what VisitedSet does, with an index per key: the
// blocking check needs the graph's edges). Never iterated, so its order cannot leak into results.
class StateIndex {
 public:
  StateIndex() : keys_(1u << 12, empty()), values_(1u << 12, 0) {}
  std::size_t bytes() const { return keys_.size() * (sizeof(Fingerprint) + sizeof(std::uint32_t)); }
  // The index of `k`, or UINT32_MAX when it is not there.
  std::uint32_t find(const Fingerprint& k) const {
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = k[0] & mask;; i = (i + 1) & mask) {
      if (keys_[i] == k) return values_[i];
      if (keys_[i] == empty()) return UINT32_MAX;
    }
  }
  // The index of `k`, inserting it as `fresh` if absent; second = whether it was inserted.
  std::pair<std::uint32_t, bool> insert(const Fingerprint& k, std::uint32_t fresh) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    return place(k, fresh);
  }

 private:
  static Fingerprint empty() { return {~std::uint64_t{0}, ~std::uint64_t{0}}; }
  std::pair<std::uint32_t, bool> place(const Fingerprint& k, std::uint32_t v) {
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = k[0] & mask;; i = (i + 1) & mask) {
      if (keys_[i] == k) return {values_[i], false};
      if (keys_[i] == empty()) {
        keys_[i] = k;
        values_[i] = v;
        ++size_;
        return {v, true};
      }
    }
  }
  void grow() {
    std::vector<Fingerprint> keys;
    std::vector<std::uint32_t> values;
    keys.swap(keys_);
    values.swap(values_);
    keys_.assign(keys.size() * 2, empty());
    values_.assign(keys.size() * 2, 0);
    size_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] != empty()) place(keys[i], values[i]);
  }
  std::vector<Fingerprint> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

Fingerprint fingerprint(std::vector<std::int64_t>::const_iterator begin, std::vector<std::int64_t>::const_iterator end,
                        std::uint32_t salt);

// ScenarioLimits::prune_covered (docs/explorer.md, "Covered states"). States are split into the
// messages in flight and the rest; for each rest, the message sets of the states stored with it that
// no other stored one contains (an antichain: a set contained in a stored one adds nothing to the
// check). A message is an interned number; a set, its sorted numbers.
class CoverSets {
 public:
  // Whether a stored state with the same rest has every message of `words`' state; if not, records
  // this one's set. `words` is a state's encoding, its messages in [begin, end) (state_encoder.hpp).
  bool covered_else_add(const std::vector<std::int64_t>& words, std::size_t begin, std::size_t end) {
    rest_.assign(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(begin));
    rest_.insert(rest_.end(), words.begin() + static_cast<std::ptrdiff_t>(end), words.end());
    set_.clear();
    for (std::size_t k = begin + 1; k < end;) {  // words[begin] is the count
      const auto len = static_cast<std::size_t>(words[k]);
      const auto from = words.begin() + static_cast<std::ptrdiff_t>(k + 1);
      const auto fresh = static_cast<std::uint32_t>(messages_count_);
      const auto [id, inserted] = messages_.insert(fingerprint(from, from + static_cast<std::ptrdiff_t>(len), 0), fresh);
      if (inserted) ++messages_count_;
      set_.push_back(id);
      k += 1 + len;
    }
    std::sort(set_.begin(), set_.end());
    const auto fresh = static_cast<std::uint32_t>(antichains_.size());
    const auto [slot, inserted] = rests_.insert(fingerprint(rest_.begin(), rest_.end(), 0), fresh);
    if (inserted) antichains_.emplace_back();
    auto& sets = antichains_[slot];
    for (const auto& stored : sets)
      if (std::includes(stored.begin(), stored.end(), set_.begin(), set_.end())) return true;
    std::erase_if(sets, [&](const std::vector<std::uint32_t>& stored) {
      if (!std::includes(set_.begin(), set_.end(), stored.begin(), stored.end())) return false;
      bytes_ -= stored.capacity() * sizeof(std::uint32_t);
      return true;
    });
    sets.push_back(set_);
    bytes_ += set_.size() * sizeof(std::uint32_t);
    return false;
  }
  std::size_t bytes() const {
    return bytes_ + messages_.bytes() + rests_.bytes() + antichains_.capacity() * sizeof(antichains_[0]);
  }

 private:
  StateIndex messages_, rests_;
  std::size_t messages_count_ = 0;
  std::vector<std::vector<std::vector<std::uint32_t>>> antichains_;
  std::vector<std::int64_t> rest_;
  std::vector<std::uint32_t> set_;
  std::size_t bytes_ = 0;
};

// Two independent 64-bit multiply-xorshift streams over the words (one multiplication each per
// word), finished by splitmix64's mixer: a 128-bit fingerprint at a fraction of a mix per word.
// `salt`: a state index for a protocol without an encoding (0 otherwise).
Fingerprint fingerprint(std::vector<std::int64_t>::const_iterator begin, std::vector<std::int64_t>::const_iterator end,
                        std::uint32_t salt) {
  const auto size = static_cast<std::uint64_t>(end - begin);
  std::uint64_t h1 = 0x9e3779b97f4a7c15ULL ^ size ^ (std::uint64_t{salt} << 32);
  std::uint64_t h2 = 0xc2b2ae3d27d4eb4fULL + size + salt;
  for (auto it = begin; it != end; ++it) {
    const auto x = static_cast<std::uint64_t>(*it);
    h1 = (h1 ^ x) * 0xff51afd7ed558ccdULL;
    h1 ^= h1 >> 29;
    h2 = (h2 + x) * 0xc4ceb9fe1a85ec53ULL;
    h2 ^= h2 >> 31;
  }
  h1 = detail::mix(h1);
  h2 = detail::mix(h2 ^ h1);
  return {h1, h2 & ~(std::uint64_t{1} << 63)};  // never the all-ones empty key
}

Fingerprint fingerprint(const std::vector<std::int64_t>& words, std::uint32_t salt) {
  return fingerprint(words.begin(), words.end(), salt);
}

bool is_progress(const Choice& c) {
  return c.kind == Choice::Kind::Step &&
         (c.step.kind == EventStepKind::Deliver || c.step.kind == EventStepKind::Timer || c.step.kind == EventStepKind::Client);
}

// The move's kind, as SearchProfile counts them.
std::size_t move_kind(const Choice& c) {
  switch (c.kind) {
    case Choice::Kind::Step:
      switch (c.step.kind) {
        case EventStepKind::Deliver: return 0;
        case EventStepKind::Drop: return 1;
        case EventStepKind::Duplicate: return 2;
        case EventStepKind::Timer: return 3;
        case EventStepKind::Client: return 4;
      }
      return 4;
    case Choice::Kind::Crash: return 5;
    case Choice::Kind::Restart: return 6;
    case Choice::Kind::Partition: return 7;
    case Choice::Kind::Heal: return 8;
  }
  return 8;
}

// The node a delivery or a timer happens at (kNoNode for every other move).
NodeId local_node(const Choice& c) {
  if (c.kind != Choice::Kind::Step) return kNoNode;
  if (c.step.kind != EventStepKind::Deliver && c.step.kind != EventStepKind::Timer) return kNoNode;
  return c.step.to;
}

FaultAction fault_action(const Choice& c) {
  FaultAction a;
  switch (c.kind) {
    case Choice::Kind::Crash: a.kind = FaultKind::Crash; a.a = c.node; break;
    case Choice::Kind::Restart: a.kind = FaultKind::Restart; a.a = c.node; break;
    case Choice::Kind::Heal: a.kind = FaultKind::HealPartition; break;
    case Choice::Kind::Partition: {
      a.kind = FaultKind::Partition;
      a.groups.resize(2);
      for (NodeId n = 0; n < c.nodes; ++n) a.groups[c.side_b >> n & 1u].push_back(n);
      break;
    }
    case Choice::Kind::Step: break;
  }
  return a;
}

// The moves of the search, each stored once: a state keeps the index of the move that reached it
// (4 bytes) instead of a Choice (a ScheduledStep with its payload vector, 88 bytes and more). Few
// distinct moves reach millions of states: the same deliveries and timers in different orders.
class ChoiceTable {
 public:
  std::uint32_t intern(const Choice& c) {
    if ((choices_.size() + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(c) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == kEmpty) {
        slots_[i] = static_cast<std::uint32_t>(choices_.size());
        choices_.push_back(c);
        payload_bytes_ += c.step.extra.size() * sizeof(std::int64_t);
        return slots_[i];
      }
      if (choices_[slots_[i]] == c) return slots_[i];
    }
  }
  const Choice& operator[](std::uint32_t i) const { return choices_[i]; }
  std::size_t bytes() const {
    return choices_.capacity() * sizeof(Choice) + slots_.capacity() * sizeof(std::uint32_t) + payload_bytes_;
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static std::uint64_t hash(const Choice& c) {
    const ScheduledStep& s = c.step;
    std::uint64_t h = detail::mix(static_cast<std::uint64_t>(c.kind) << 56 ^ static_cast<std::uint64_t>(s.kind) << 48 ^
                                  static_cast<std::uint64_t>(s.type) << 32 ^ static_cast<std::uint32_t>(s.txn));
    for (std::int64_t w : {static_cast<std::int64_t>(s.from), static_cast<std::int64_t>(s.to), s.a, s.b,
                           static_cast<std::int64_t>(c.node), static_cast<std::int64_t>(c.side_b)})
      h = detail::mix(h ^ static_cast<std::uint64_t>(w));
    for (std::int64_t w : s.extra) h = detail::mix(h ^ static_cast<std::uint64_t>(w));
    return h;
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t k = 0; k < choices_.size(); ++k) {
      std::size_t i = hash(choices_[k]) & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = k;
    }
  }
  std::vector<Choice> choices_;
  std::vector<std::uint32_t> slots_;
  std::size_t payload_bytes_ = 0;
};

// A state: a run rebuilt by replaying a path, and the faults it has used.
struct Replay {
  std::unique_ptr<Simulation> run;
  FaultBudget used;
};

ScheduledStep message_step(const Message& m, EventStepKind kind) {
  return ScheduledStep{kind, m.from, m.to, m.type, m.txn, m.a, m.b, m.extra};
}

template <class T>
void push_unique(std::vector<T>& v, T x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(std::move(x));
}

class Search {
 public:
  Search(const Scenario& s, const FaultBudget& budget, bool recover, const ScenarioLimits& limits,
         ScenarioResult& r, const ProgressFn& progress)
      : base_(s), budget_(budget), recover_(recover), limits_(limits), r_(r), progress_(progress) {
    base_.scheduled = true;
    if (!s.scheduled) base_.faults.clear();  // timed faults mean nothing without time: the budget decides
  }

  bool run(std::string& error);

 private:
  bool start_symmetry(const Replay& root, std::string& error);
  std::unique_ptr<Replay> replay(const std::vector<Choice>& path, std::string* error = nullptr);
  // A copy of `rp` (nullptr when the protocol cannot be copied: then paths are replayed).
  std::unique_ptr<Replay> copy(const Replay& rp);
  // State i rebuilt: a copy of its parent's run (kept while its children are expanded, which
  // breadth-first order puts next to each other) plus one move, or a replay of its whole path.
  std::unique_ptr<Replay> rebuild(std::uint32_t i);
  bool apply(Replay& rp, const Choice& c) const;
  std::vector<Choice> choices(const Replay& rp) const;
  Fingerprint encode(const Replay& rp, std::uint32_t index);
  std::vector<Choice> path_of(std::uint32_t i) const;
  void add_state(std::uint32_t parent, const Choice& c, const Replay& rp);
  bool over_limit();
  void find_blocking();
  // ScenarioLimits::profile: the expanded state's active nodes and, for a sample, its pairs of moves.
  void profile_expansion(std::uint32_t i, const Replay& here, const std::vector<Choice>& moves);
  // The state after `a` then `b` from `rp` (false: one of them was not possible).
  bool after_both(const Replay& rp, const Choice& a, const Choice& b, Fingerprint& out);
  // ScenarioLimits::sent_set: a violation's path as a real run with the duplicates it needs.
  void realise(Finding& f);
  // ScenarioLimits::check_inert: the messages `rp`'s protocol calls inert (ids), and the checks.
  std::vector<std::uint32_t> inert_ids(const Replay& rp) const;
  void check_inert_deliveries(const Replay& here);
  void check_inert_kept(const std::vector<std::uint32_t>& before, const Replay& next);
  std::size_t memory() const {
    return cover_.bytes() + index_.bytes() + choices_.bytes() + nodes_.capacity() * sizeof(Node) + edges_.capacity() * sizeof(edges_[0]) + flags_.capacity() +
           orbits_.capacity() * sizeof(std::uint32_t);
  }
  std::uint64_t weight(std::uint32_t i) const { return orbits_.empty() ? 1 : orbits_[i]; }

  struct Node {
    std::uint32_t parent;
    std::uint32_t depth;
    std::uint32_t choice;  // in choices_
  };
  enum Flag : std::uint8_t { kUndecided = 1, kViolated = 2, kExpanded = 4, kBeyondRounds = 8 };

  Scenario base_;
  FaultBudget budget_;
  bool recover_;
  ScenarioLimits limits_;
  ScenarioResult& r_;
  ProgressFn progress_;  // a copy: ends_blocked() passes a temporary
  StateIndex index_;
  ChoiceTable choices_;
  std::vector<Node> nodes_;
  std::vector<std::uint8_t> flags_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges_;  // progress steps: from, to
  bool copies_ = true;  // the protocol and its checkers can be copied
  StateEncoder encoder_;
  std::uint32_t orbit_ = 1;        // states the last encoded class stands for
  std::vector<std::uint32_t> orbits_;  // per state, with symmetry: states its class stands for
  std::uint32_t cached_index_ = UINT32_MAX;
  std::unique_ptr<Replay> cached_;
  std::unique_ptr<Replay> root_;  // the initial state's run, kept to replay paths from
  bool rounds_apply_ = false;  // limits_.max_rounds is set and the protocol has rounds
  CoverSets cover_;            // limits_.prune_covered
};

std::unique_ptr<Replay> Search::copy(const Replay& rp) {
  if (!copies_) return nullptr;
  auto c = std::make_unique<Replay>();
  c->run = rp.run->clone();
  if (!c->run) {
    copies_ = false;
    return nullptr;
  }
  c->used = rp.used;
  return c;
}

std::unique_ptr<Replay> Search::rebuild(std::uint32_t i) {
  if (!copies_ || i == 0) return replay(path_of(i));
  const std::uint32_t parent = nodes_[i].parent;
  if (cached_index_ != parent) {
    cached_ = replay(path_of(parent));
    cached_index_ = parent;
  }
  auto rp = cached_ ? copy(*cached_) : nullptr;
  if (!rp) {
    copies_ = false;
    return replay(path_of(i));
  }
  ++r_.replayed_steps;
  if (!apply(*rp, choices_[nodes_[i].choice])) return nullptr;
  return rp;
}

std::unique_ptr<Replay> Search::replay(const std::vector<Choice>& path, std::string* error) {
  // From a copy of the initial run when there is one: no parameters to read, no start() again.
  if (auto rp = root_ ? copy(*root_) : nullptr) {
    r_.replayed_steps += path.size();
    for (const Choice& c : path)
      if (!apply(*rp, c)) return nullptr;
    return rp;
  }
  Diagnostics errors;
  RunLimits limits;
  auto rp = std::make_unique<Replay>();
  rp->run = Simulation::create(base_, errors, limits, TraceRouting{.keep = false, .sink = nullptr});
  if (!rp->run) {
    if (error) *error = errors.empty() ? "the scenario cannot be run" : errors.front().message;
    return nullptr;
  }
  rp->run->run();  // a scheduled scenario's own steps first
  r_.replayed_steps += rp->run->schedule_replayed() + path.size();
  for (const Choice& c : path)
    if (!apply(*rp, c)) return nullptr;  // cannot happen: a path is a replay of itself
  return rp;
}

bool Search::apply(Replay& rp, const Choice& c) const {
  Simulator& sim = rp.run->sim();
  if (c.kind == Choice::Kind::Step) {
    if (!sim.apply_step(c.step)) return false;
    if (c.step.kind == EventStepKind::Drop) ++rp.used.drops;
    if (c.step.kind == EventStepKind::Duplicate && !limits_.sent_set) ++rp.used.duplicates;
    return true;
  }
  if (!sim.apply_now(fault_action(c))) return false;
  if (c.kind == Choice::Kind::Crash) ++rp.used.crashes;
  if (c.kind == Choice::Kind::Partition) ++rp.used.partitions;
  return true;
}

// Every move from this state, in a fixed order: messages (by id), timers (by id), workload events,
// then faults by node.
std::vector<Choice> Search::choices(const Replay& rp) const {
  const Simulator& sim = rp.run->sim();
  std::vector<Choice> out;
  if (sim.halted() != HaltReason::None) return out;
  const auto step = [&](ScheduledStep s) {
    Choice c;
    c.step = std::move(s);
    push_unique(out, std::move(c));
  };
  const auto* inert = limits_.inert_messages ? dynamic_cast<const InertMessagesProtocol*>(&rp.run->protocol()) : nullptr;
  for (std::uint32_t id : sim.in_flight()) {
    const Message& m = sim.message(id);
    // An inert message is not in the state: delivering, losing or doubling it reaches the same state
    // (ScenarioLimits::inert_messages), so none of the three is a move worth taking.
    if (inert && inert->inert(sim, m)) continue;
    if (limits_.sent_set) {
      // The sent set: a message stays in flight when it arrives (a delivery is a duplicate, free of
      // the budget), and drops are subsumed by never delivering. A stale message is only ever dropped
      // and is not in the state: delivering it changes nothing.
      if (!is_stale(sim.network(), m)) step(message_step(m, EventStepKind::Duplicate));
      continue;
    }
    step(message_step(m, EventStepKind::Deliver));
    // A stale message (state_encoder.hpp) is lost whatever happens: losing or doubling it on
    // purpose would spend the budget on nothing.
    if (is_stale(sim.network(), m)) continue;
    if (rp.used.drops < budget_.drops) step(message_step(m, EventStepKind::Drop));
    if (rp.used.duplicates < budget_.duplicates) step(message_step(m, EventStepKind::Duplicate));
  }
  for (const TimerRec& t : sim.live_timers())
    step(ScheduledStep{EventStepKind::Timer, kNoNode, t.node, t.kind, t.txn, t.value, 0, {}});
  for (const ScheduledStep& c : sim.pending_clients()) step(c);
  const auto nodes = static_cast<NodeId>(sim.nodes().size());
  for (NodeId n = 0; n < nodes; ++n) {
    Choice c;
    c.node = n;
    if (sim.is_up(n) && rp.used.crashes < budget_.crashes) c.kind = Choice::Kind::Crash;
    else if (!sim.is_up(n) && recover_) c.kind = Choice::Kind::Restart;
    else continue;
    out.push_back(c);
  }
  if (sim.network().has_partition()) {
    if (recover_) out.push_back(Choice{Choice::Kind::Heal, {}, kNoNode, 0, 0});
  } else if (rp.used.partitions < budget_.partitions && nodes <= 16) {
    // Node 0 stays on the first side, so each split is listed once.
    for (std::uint32_t side_b = 2; side_b < (1u << nodes); side_b += 2)
      out.push_back(Choice{Choice::Kind::Partition, {}, kNoNode, side_b, static_cast<std::uint8_t>(nodes)});
  }
  return out;
}

// The canonical state (state_encoder.hpp); a protocol without an encoding is explored without
// merging states: its index makes every path a state of its own.
Fingerprint Search::encode(const Replay& rp, std::uint32_t index) {
  std::uint32_t stabiliser = 1;
  if (!encoder_.encode(*rp.run, rp.used, stabiliser)) {
    r_.exact = false;
    orbit_ = 1;
    return fingerprint(encoder_.words(), index);
  }
  orbit_ = static_cast<std::uint32_t>(encoder_.renamings() / stabiliser);
  return fingerprint(encoder_.words(), 0);
}

std::vector<Choice> Search::path_of(std::uint32_t i) const {
  std::vector<Choice> path;
  for (; i != 0; i = nodes_[i].parent) path.push_back(choices_[nodes_[i].choice]);
  std::reverse(path.begin(), path.end());
  return path;
}

void Search::add_state(std::uint32_t parent, const Choice& c, const Replay& rp) {
  const auto depth = parent == UINT32_MAX ? 0u : nodes_[parent].depth + 1;
  nodes_.push_back(Node{parent, depth, choices_.intern(c)});
  std::uint8_t flags = rp.run->protocol().undecided(rp.run->sim()) ? kUndecided : 0;
  for (const auto& inv : rp.run->invariants()) {
    if (inv->held()) continue;
    flags |= kViolated;
    const bool known = std::any_of(r_.violations.begin(), r_.violations.end(),
                                   [&](const Finding& f) { return f.invariant == inv->key(); });
    if (!known) r_.violations.push_back(Finding{inv->key(), static_cast<int>(depth), path_of(static_cast<std::uint32_t>(nodes_.size() - 1))});
  }
  // Past the rounds bound: a leaf. Its future is not searched, so the blocking check counts it as
  // unknown (never blocking), as it counts a state a limit left unexpanded.
  if (rounds_apply_) {
    const auto* p = dynamic_cast<const RoundedProtocol*>(&rp.run->protocol());
    if (p && p->rounds(rp.run->sim()) > limits_.max_rounds) flags |= kBeyondRounds;
  }
  flags_.push_back(flags);
  if (limits_.symmetry) orbits_.push_back(orbit_);
  if (limits_.profile) {
    auto& depths = r_.profile.depths;
    if (depths.size() <= depth) depths.resize(depth + 1);
    DepthProfile& d = depths[depth];
    ++d.states;
    if (parent != UINT32_MAX) ++d.by_move[move_kind(c)];
    d.max_words = std::max<std::uint64_t>(d.max_words, encoder_.words().size());
  }
  r_.max_depth = std::max(r_.max_depth, static_cast<int>(depth));
}

bool Search::over_limit() {
  const char* why = nullptr;
  r_.memory_bytes = std::max(r_.memory_bytes, memory());
  if (nodes_.size() > limits_.max_states) why = "max_states";
  else if (memory() > limits_.max_memory) why = "max_memory";
  else if (limits_.max_replayed_steps && r_.replayed_steps > limits_.max_replayed_steps) why = "max_replayed_steps";
  if (!why) return false;
  r_.complete = false;
  r_.stopped_by = why;
  return true;
}

// Symmetry: the encoder canonicalises under every renaming of the protocol's interchangeable nodes.
bool Search::start_symmetry(const Replay& root, std::string& error) {
  if (!limits_.symmetry) return true;
  const auto* symmetric = dynamic_cast<const SymmetricProtocol*>(&root.run->protocol());
  std::vector<NodeId> nodes = symmetric ? symmetric->interchangeable_nodes() : std::vector<NodeId>{};
  if (nodes.size() > kMaxSymmetricNodes) {
    error = "symmetry: " + std::to_string(nodes.size()) + " interchangeable nodes, at most " +
            std::to_string(kMaxSymmetricNodes) + " are supported";
    return false;
  }
  r_.symmetric_nodes = static_cast<std::uint32_t>(nodes.size());
  encoder_ = StateEncoder(std::move(nodes));
  return true;
}

bool Search::run(std::string& error) {
  auto root = replay({}, &error);
  if (!root || !start_symmetry(*root, error)) return false;
  root_ = copy(*root);
  rounds_apply_ = limits_.max_rounds > 0 && dynamic_cast<const RoundedProtocol*>(&root->run->protocol()) != nullptr;
  r_.rounds_bounded = rounds_apply_;
  const auto* blind = dynamic_cast<const NetworkBlindProtocol*>(&root->run->protocol());
  const bool network_blind = blind && blind->network_blind();
  if (limits_.prune_covered && !network_blind) {
    error = "prune_covered: protocol " + base_.protocol +
            " may read the messages in flight, so a state with more of them need not cover one with fewer";
    return false;
  }
  if (limits_.sent_set && !network_blind) {
    error = "sent_set: protocol " + base_.protocol +
            " may read the messages in flight, so a run with more of them need not do what one with fewer does";
    return false;
  }
  if (limits_.inert_messages && !dynamic_cast<const InertMessagesProtocol*>(&root->run->protocol())) {
    error = "inert_messages: protocol " + base_.protocol + " does not say which of its messages are inert";
    return false;
  }
  encoder_.leave_out_inert(limits_.inert_messages);
  r_.inert_messages = limits_.inert_messages;
  r_.pruned_covered = limits_.prune_covered;
  r_.sent_set = limits_.sent_set;
  r_.blocking_checked = !limits_.prune_covered && !limits_.sent_set;
  index_.insert(encode(*root, 0), 0);
  if (limits_.prune_covered) cover_.covered_else_add(encoder_.words(), encoder_.messages_begin(), encoder_.messages_end());
  add_state(UINT32_MAX, Choice{}, *root);
  nodes_[0].parent = 0;
  for (std::uint32_t i = 0; i < nodes_.size() && r_.complete; ++i) {
    // A counterexample ends its path; a state past the rounds bound is a leaf.
    if (flags_[i] & (kViolated | kBeyondRounds)) continue;
    auto here = rebuild(i);
    if (!here) continue;  // cannot happen: a path replays
    const std::vector<Choice> moves = choices(*here);
    if (limits_.profile) profile_expansion(i, *here, moves);
    std::vector<std::uint32_t> inert_before;
    if (limits_.check_inert && limits_.inert_messages) {
      check_inert_deliveries(*here);
      inert_before = inert_ids(*here);
    }
    for (std::size_t k = 0; k < moves.size() && r_.complete; ++k) {
      // The last move may use the run that listed the moves; the others need a copy or a replay.
      std::unique_ptr<Replay> next;
      if (k + 1 == moves.size()) next = std::move(here);
      else if (!(next = copy(*here))) next = replay(path_of(i));
      else ++r_.replayed_steps;
      if (!next || !apply(*next, moves[k])) continue;
      if (!inert_before.empty()) check_inert_kept(inert_before, *next);
      ++r_.transitions;
      const auto fresh = static_cast<std::uint32_t>(nodes_.size());
      const Fingerprint fp = encode(*next, fresh);
      // Covered (a stored state with the same rest has all its messages): left out. An exact
      // encoding only (an inexact one is not the whole state).
      if (limits_.prune_covered && r_.exact && index_.find(fp) == UINT32_MAX &&
          cover_.covered_else_add(encoder_.words(), encoder_.messages_begin(), encoder_.messages_end())) {
        ++r_.covered_successors;
        if (over_limit()) break;
        continue;
      }
      const auto [j, inserted] = index_.insert(fp, fresh);
      if (inserted) add_state(i, moves[k], *next);
      if (is_progress(moves[k]) && j != i) edges_.emplace_back(i, j);
      if (over_limit()) break;
    }
    if (r_.complete) flags_[i] |= kExpanded;
    if (progress_ && (i % 64 == 0) &&
        !progress_(Progress{nodes_.size(), r_.transitions, static_cast<int>(nodes_[i].depth), memory()})) {
      r_.complete = false;
      r_.stopped_by = "cancelled";
    }
  }
  r_.distinct_states = 0;
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    r_.distinct_states += weight(i);
    if (flags_[i] & kBeyondRounds) r_.beyond_rounds += weight(i);
  }
  if (limits_.symmetry) r_.symmetry_reduced_states = nodes_.size();
  if (r_.blocking_checked) find_blocking();
  if (limits_.sent_set)
    for (Finding& f : r_.violations) realise(f);
  return true;
}

// A delivery in the sent set leaves the message in flight; a real network keeps it only if it was
// duplicated. Start with every delivery a plain one; where a later step names a message no longer in
// flight, the latest earlier delivery of the same message becomes a duplicate (node states are the
// same either way: only the network differs), and the path is replayed again. At most one round per
// step. Then the run is checked to end in the same violation.
void Search::realise(Finding& f) {
  std::vector<Choice> path = f.path;
  for (Choice& c : path)
    if (c.kind == Choice::Kind::Step && c.step.kind == EventStepKind::Duplicate) c.step.kind = EventStepKind::Deliver;
  const bool was = limits_.sent_set;
  limits_.sent_set = false;  // apply() counts duplicates again
  f.replays = false;
  for (std::size_t round = 0; round <= path.size(); ++round) {
    auto rp = replay({});  // the initial run (a copy of it when the protocol can be copied)
    if (!rp) break;
    std::size_t failed = path.size();
    for (std::size_t k = 0; k < path.size(); ++k)
      if (!apply(*rp, path[k])) {
        failed = k;
        break;
      }
    if (failed == path.size()) {
      f.duplicates = rp->used.duplicates;
      f.replays = std::any_of(rp->run->invariants().begin(), rp->run->invariants().end(),
                              [&](const auto& inv) { return inv->key() == f.invariant && !inv->held(); });
      if (f.replays) f.path = std::move(path);
      break;
    }
    const Choice& missing = path[failed];
    if (missing.kind != Choice::Kind::Step || missing.step.kind != EventStepKind::Deliver) break;
    std::size_t k = failed;
    while (k > 0 && !(path[k - 1].kind == Choice::Kind::Step && path[k - 1].step.kind == EventStepKind::Deliver &&
                      path[k - 1].step == missing.step))
      --k;
    if (k == 0) break;  // never delivered before: cannot happen in a path of the sent set
    path[k - 1].step.kind = EventStepKind::Duplicate;
  }
  limits_.sent_set = was;
}

std::vector<std::uint32_t> Search::inert_ids(const Replay& rp) const {
  std::vector<std::uint32_t> out;
  const Simulator& sim = rp.run->sim();
  const auto* inert = dynamic_cast<const InertMessagesProtocol*>(&rp.run->protocol());
  for (std::uint32_t id : sim.in_flight())
    if (inert && inert->inert(sim, sim.message(id))) out.push_back(id);
  return out;
}

// Each inert message, delivered on a copy: the encoding (which leaves inert messages out, so the
// delivered one does not count) and every invariant's verdict must stay as they are.
void Search::check_inert_deliveries(const Replay& here) {
  std::uint32_t stabiliser = 1;
  encoder_.encode(*here.run, here.used, stabiliser);
  const std::vector<std::int64_t> before = encoder_.words();
  std::vector<bool> held;
  for (const auto& inv : here.run->invariants()) held.push_back(inv->held());
  for (std::uint32_t id : inert_ids(here)) {
    auto next = copy(here);
    if (!next) return;
    ++r_.inert_checks;
    bool same = apply(*next, Choice{Choice::Kind::Step, message_step(here.run->sim().message(id), EventStepKind::Deliver)});
    encoder_.encode(*next->run, next->used, stabiliser);
    same = same && encoder_.words() == before;
    for (std::size_t k = 0; k < held.size(); ++k) same = same && next->run->invariants()[k]->held() == held[k];
    if (!same) ++r_.inert_claims_broken;
  }
}

// Inert is for ever: a message inert before a move and still in flight after it is still inert.
void Search::check_inert_kept(const std::vector<std::uint32_t>& before, const Replay& next) {
  const std::vector<std::uint32_t> in_flight = next.run->sim().in_flight();
  const std::vector<std::uint32_t> after = inert_ids(next);
  for (std::uint32_t id : before) {
    if (std::find(in_flight.begin(), in_flight.end(), id) == in_flight.end()) continue;
    ++r_.inert_checks;
    if (std::find(after.begin(), after.end(), id) == after.end()) ++r_.inert_claims_broken;
  }
}

bool Search::after_both(const Replay& rp, const Choice& a, const Choice& b, Fingerprint& out) {
  auto next = copy(rp);
  if (!next || !apply(*next, a) || !apply(*next, b)) return false;
  out = encode(*next, 0);
  return true;
}

void Search::profile_expansion(std::uint32_t i, const Replay& here, const std::vector<Choice>& moves) {
  SearchProfile& p = r_.profile;
  const std::size_t nodes = here.run->sim().nodes().size();
  if (p.active_nodes.empty()) p.active_nodes.assign(nodes + 1, 0);
  std::vector<NodeId> active;
  for (const Choice& c : moves)
    if (local_node(c) != kNoNode) push_unique(active, local_node(c));
  ++p.active_nodes[std::min(active.size(), nodes)];
  // A sample spread over the search (deterministic: by index), not only its first states.
  constexpr std::uint32_t kStride = 61;
  constexpr std::uint64_t kMaxSamples = 400;
  if (i % kStride != 0 || p.sampled_states >= kMaxSamples || !copies_) return;
  ++p.sampled_states;
  for (std::size_t x = 0; x < moves.size(); ++x) {
    for (std::size_t y = x + 1; y < moves.size(); ++y) {
      const NodeId nx = local_node(moves[x]), ny = local_node(moves[y]);
      if (nx == kNoNode || ny == kNoNode || nx == ny) continue;
      ++p.pairs;
      Fingerprint xy{}, yx{};
      if (!after_both(here, moves[x], moves[y], xy) || !after_both(here, moves[y], moves[x], yx)) ++p.pairs_disabling;
      else if (xy == yx) ++p.pairs_commuting;
      else ++p.pairs_differing;
    }
  }
}

// Blocking: undecided, and no state that progress steps (deliveries, timers, workload events; no
// restart, heal, drop or duplicate) reach from it is decided. Found backwards from the decided
// states. A state the search did not expand counts as not blocking: nothing is known of its future.
void Search::find_blocking() {
  const std::size_t n = nodes_.size();
  std::vector<std::uint32_t> start(n + 1, 0), preds(edges_.size());
  for (const auto& e : edges_) ++start[e.second + 1];
  for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (const auto& e : edges_) preds[fill[e.second]++] = e.first;
  std::vector<std::uint8_t> good(n, 0);
  std::vector<std::uint32_t> todo;
  for (std::uint32_t i = 0; i < n; ++i)
    if (!(flags_[i] & kUndecided) || (flags_[i] & kViolated) || !(flags_[i] & kExpanded)) {
      good[i] = 1;
      todo.push_back(i);
    }
  while (!todo.empty()) {
    const std::uint32_t s = todo.back();
    todo.pop_back();
    for (std::uint32_t k = start[s]; k < start[s + 1]; ++k)
      if (!good[preds[k]]) {
        good[preds[k]] = 1;
        todo.push_back(preds[k]);
      }
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (good[i]) continue;
    r_.blocking_count += weight(i);
    if (r_.blocking_examples.size() < 3)
      r_.blocking_examples.push_back(Finding{"", static_cast<int>(nodes_[i].depth), path_of(i)});
  }
}

}  // namespace

bool explore_scenario(const Scenario& scenario, const FaultBudget& budget, const ScenarioLimits& limits,
                      ScenarioResult& result, std::string& error, const ProgressFn& progress) {
  result = ScenarioResult{};
  Search search(scenario, budget, true, limits, result, progress);
  return search.run(error);
}

bool ends_blocked(const Scenario& scheduled, bool& known, std::uint64_t max_states) {
  ScenarioResult r;
  std::string error;
  ScenarioLimits limits;
  limits.max_states = max_states;
  Search search(scheduled, FaultBudget{}, false, limits, r, {});
  known = search.run(error) && r.complete;
  return known && !r.blocking_examples.empty() && r.blocking_examples.front().depth == 0;
}

Scenario path_scenario(const Scenario& base, const std::vector<Choice>& path, const std::string& title) {
  Scenario s = base;
  if (!base.scheduled) {
    s.faults.clear();
    s.schedule.clear();
  }
  s.scheduled = true;
  s.title = title;
  s.title_zh.clear();
  s.description.clear();
  s.description_zh.clear();
  for (const Choice& c : path) {
    if (c.kind == Choice::Kind::Step) {
      s.schedule.push_back(c.step);
      continue;
    }
    Fault f;
    f.trigger.kind = TriggerKind::AfterEvent;
    f.trigger.nth = s.schedule.size();
    f.action = fault_action(c);
    s.faults.push_back(std::move(f));
  }
  return s;
}

}  // namespace cs::explore
