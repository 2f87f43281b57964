// A linearizability checker for whole histories of read/write registers (Wing & Gong's exhaustive
// search, with Lowe's memo of visited configurations), and the invariant that checks a simulation's
// history as it happens (with check/register_monitor.hpp, which keeps only what can still matter).
//
// A history is a set of operations with the virtual times of their invocation and response. Each
// write writes a value no other write writes (the protocols write the operation's own id), so a read
// tells exactly which write it saw. Registers are independent (linearizability is local), so each
// key is checked on its own, which keeps the search small.
//
// Bounded: the search stops after `state_limit` configurations and answers Unknown — it never says
// "linearizable" or "not linearizable" without having proved it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "check/invariant.hpp"
#include "check/protocol_bound_invariant.hpp"
#include "check/register_monitor.hpp"
#include "sim/types.hpp"

namespace cs::lin {

// Response time of an operation that never answered (failed, timed out, or its client crashed):
// it may or may not have taken effect, at any time after its invocation.
constexpr Time kNever = std::numeric_limits<Time>::max();

struct Op {
  std::uint32_t id = 0;  // the caller's operation id, for messages
  bool write = false;
  std::int64_t value = 0;             // write: the value written (unique among writes)
  std::vector<std::int64_t> result;   // read: the values returned (more than one = siblings)
  Time invoke = 0;
  Time response = kNever;  // reads without a response constrain nothing and should be left out
};

enum class Verdict : std::uint8_t { Linearizable, NotLinearizable, Unknown };
std::string_view verdict_key(Verdict v);  // "linearizable", "not_linearizable", "unknown"

struct Result {
  Verdict verdict = Verdict::Linearizable;
  std::size_t states = 0;  // configurations explored
};

// Checks one register whose value is `initial` before any write.
// Operation a precedes b in real time iff a.response < b.invoke (equal times count as concurrent).
Result check_register(const std::vector<Op>& ops, std::int64_t initial = 0, std::size_t state_limit = 200'000);

// Where the simulation's operation history comes from (the register protocol implements it).
class RegisterHistory {
 public:
  virtual ~RegisterHistory() = default;
  // The key an operation works on, or -1 when the id is not an operation that was invoked.
  virtual std::int64_t key_of(TxnId op) const = 0;
  virtual bool is_write(TxnId op) const = 0;
  // What a read that answered returned (asked when its TxnEnd is recorded; an operation in flight
  // or just finished is always still held, even in a run that forgets finished ones).
  virtual const std::vector<std::int64_t>& result_of(TxnId op) const = 0;
  // Every invoked operation on `key` so far, in the form above (tests; a run that forgets finished
  // operations returns only those it still holds).
  virtual std::vector<Op> history(std::int64_t key) const = 0;
};

// "linearizable": follows each key's history as it happens (TxnStart: invoked; TxnEnd committed:
// answered; TxnEnd aborted: ended without an answer) with a RegisterMonitor, which keeps only what
// can still matter, so a run of any length is checked whole in bounded memory. The first event at
// which a key's history stops being linearizable is the violation (only a read's answer can be).
//
// Bounded, so that a very concurrent run cannot stall the simulation: a key whose configurations
// exceed `config_limit` is given up and unknown() turns true; the invariant never fails on
// "unknown" — it only vouches for what it checked.
class LinearizabilityInvariant final : public Invariant, public ProtocolBoundInvariant {
 public:
  explicit LinearizabilityInvariant(const RegisterHistory& history, std::size_t config_limit = 1'000);
  void observe(const TraceEvent& ev) override;
  std::uint32_t kinds() const override {
    return trace_kind_bit(TraceKind::TxnStart) | trace_kind_bit(TraceKind::TxnEnd);
  }
  bool unknown() const { return unknown_; }
  // Every field copied (verdict, monitors, keys given up), reading `copy`'s history.
  std::unique_ptr<Invariant> clone_for(const Protocol& copy) const override;
  // The monitor of a key (nullptr before its first operation), for tests and the benchmark.
  const RegisterMonitor* monitor(std::int64_t key) const;

 private:
  LinearizabilityInvariant(const LinearizabilityInvariant& other, const RegisterHistory& history)
      : Invariant(other),
        history_(history),
        config_limit_(other.config_limit_),
        keys_(other.keys_),
        invoked_(other.invoked_),
        unknown_(other.unknown_) {}
  RegisterMonitor& key_monitor(std::int64_t key);

  const RegisterHistory& history_;
  std::size_t config_limit_;
  std::vector<RegisterMonitor> keys_;
  std::vector<std::uint64_t> invoked_;  // per key: operations invoked so far (for the message)
  bool unknown_ = false;
};

// Whether `inv` held only as far as its checker could follow the run: a linearizability checker
// that gave a key up (too many operations in flight on it at once). The report and the window's
// status bar say so rather than a plain "held".
bool checked_in_part(const Invariant& inv);

}  // namespace cs::lin
