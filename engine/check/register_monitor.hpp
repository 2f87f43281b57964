// One register's linearizability, checked as the history happens and keeping only what can still
// matter: the operations in flight, the writes that never answered, and the set of configurations —
// the states a valid order of everything seen so far can have left the register in. A finished
// operation leaves nothing behind, so memory follows the concurrency, not the length of the run.
//
// The method is just-in-time linearization (after Lowe, "Testing for linearizability", 2017, and
// Knossos' "linear" checker), made online for registers whose writes write values no other write
// writes (so a read names the write it saw):
//
// - A configuration is one class of valid orders of everything seen so far: the register's value,
//   the pending writes (in flight or never answered) already placed, the tick of the latest write
//   placed at an event ("now"), and for every read in flight the values the register held at some
//   point of the order since that read began (`seen`: a read changes nothing, so it can go at any
//   point where the register held what it returns).
// - A pending write is placed only when it must be: at its own answer, or when a read answers with
//   its value. It goes in one of two places: now (after everything placed; the register then holds
//   it and every read in flight may see it), or just before the latest write placed now, if that
//   came after it began (the value now is unchanged; the reads in flight that had begun by then may
//   see it). These two cover every valid order: in one, a write can always be moved later up to
//   just before the next write placed, or to now, without breaking real time (it has not answered)
//   or any read (a read of its value goes with it; the others keep their places).
// - An answer keeps the configurations that can place the operation (a write: placed; a read: its
//   value seen) and drops the rest. None left: no order explains the history, and no longer history
//   can repair that (a prefix of a linearizable history is linearizable), so the first empty set is
//   the first violating event.
// - Why dropping finished operations is sound: a configuration holds all a placed operation can
//   still do to the future (the value it left); an operation that answered before another began is
//   placed before it by construction, so no later event can need to reorder finished ones.
// - A write that never answered (failed, timed out, its client crashed) stays pending for ever: it
//   may take effect at any time after it began, or never, but at most once.
// - A configuration that another with the same value can imitate in every future is dropped
//   (drop_dominated() says when): without this, placing each answered write in two ways doubles
//   the configurations with every concurrent write.
//
// Pinned against the whole-history search (check_register) after every answer of 20,000 random
// histories (tests/engine/test_register_monitor.cpp; 400,000 run once).
//
// Equal times count as concurrent (as check_register: a precedes b iff a.response < b.invoke): at
// one virtual time every invocation is applied before every answer, whatever the trace order.
//
// Bounded: more than `config_limit` configurations and the monitor gives up (gave_up()); it never
// reports a violation it has not proved.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace cs::lin {

class RegisterMonitor {
 public:
  explicit RegisterMonitor(std::int64_t initial = 0, std::size_t config_limit = 1'000);

  // Events in time order. `id` names the operation; a write writes the value `id`.
  void invoke(std::uint32_t id, bool write, Time t);
  // The operation answered (a read with `result`). Returns false when the history, this answer
  // included, is no longer linearizable (only a read can make it so). Once false, or given up, stays.
  bool respond(std::uint32_t id, Time t, const std::vector<std::int64_t>& result);
  // The operation ended without an answer: a write may still take effect, a read constrains nothing.
  void abandon(std::uint32_t id, Time t);

  bool violated() const { return violated_; }
  bool gave_up() const { return gave_up_; }
  // What it holds, for tests and the benchmark: configurations, operations in flight, never-answered writes.
  std::size_t configurations() const { return settled().configs.size(); }
  std::size_t in_flight() const { return settled().writes.size() + settled().reads.size(); }
  std::size_t never_answered() const { return settled().failed.size(); }

 private:
  struct Pending {
    std::uint32_t id = 0;
    std::uint64_t tick = 0;  // when it was invoked, in invocation order
  };
  struct Config {
    std::int64_t value = 0;
    std::vector<std::uint32_t> placed;              // pending writes already placed (sorted ids)
    std::uint64_t last_write = 0;                   // tick of the latest write placed "now" (see normalise)
    std::vector<std::vector<std::int64_t>> seen;    // per read in flight (State::reads order), sorted
    auto operator<=>(const Config&) const = default;
  };
  struct State {
    std::vector<Pending> writes;  // in flight
    std::vector<Pending> failed;  // never answered, not placed in every configuration
    std::vector<Pending> reads;   // in flight
    std::vector<Config> configs;
  };
  struct Answer {
    std::uint32_t id = 0;
    bool write = false;
    std::int64_t value = 0;
  };

  void advance(Time t);
  // base_ with the answers of the current time applied (cached until base_ or the answers change).
  const State& settled() const;
  bool apply(State& s, const Answer& a) const;
  void place(const State& s, const Config& c, const Pending& w, std::vector<Config>& out) const;
  static void normalise(State& s);
  static void drop_dominated(State& s);

  State base_;                   // every event before now_, and the invocations at now_
  std::vector<Answer> answers_;  // answers at now_, applied after every invocation at now_
  mutable State trial_;  // a cache: settled() is logically const
  mutable bool trial_valid_ = false;
  Time now_ = 0;
  std::uint64_t tick_ = 0;
  std::size_t config_limit_;
  bool violated_ = false;
  mutable bool gave_up_ = false;  // set where the closure overflows, also inside settled()
};

}  // namespace cs::lin
