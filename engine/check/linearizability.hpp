// A linearizability checker for histories of read/write registers (Wing & Gong's exhaustive search,
// with Lowe's memo of visited configurations), and the invariant that runs it during a simulation.
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
  // The key an operation works on, or -1 when the id is not an operation.
  virtual std::int64_t key_of(TxnId op) const = 0;
  virtual bool is_write(TxnId op) const = 0;
  // Every invoked operation on `key` so far, in the form above.
  virtual std::vector<Op> history(std::int64_t key) const = 0;
};

// "linearizable": re-checks the operation's key each time a read completes successfully (a TxnEnd
// with outcome committed). A prefix of a linearizable history is linearizable, so the first failing
// check is the first event at which the history stopped being linearizable.
//
// Bounded, so that a long or very concurrent run cannot stall the simulation: each check explores at
// most `state_limit` configurations, all checks together at most `budget`, and a key whose history
// grows past `max_ops` operations is no longer checked. When a bound is hit the key is given up and
// unknown() turns true; the invariant never fails on "unknown" — it only vouches for what it checked.
class LinearizabilityInvariant final : public Invariant, public ProtocolBoundInvariant {
 public:
  explicit LinearizabilityInvariant(const RegisterHistory& history, std::size_t state_limit = 20'000,
                                    std::size_t max_ops = 300, std::size_t budget = 100'000);
  void observe(const TraceEvent& ev) override;
  bool unknown() const { return unknown_; }
  // Every field copied (verdict, budget left, keys given up), reading `copy`'s history.
  std::unique_ptr<Invariant> clone_for(const Protocol& copy) const override;

 private:
  LinearizabilityInvariant(const LinearizabilityInvariant& other, const RegisterHistory& history)
      : Invariant(other),
        history_(history),
        state_limit_(other.state_limit_),
        max_ops_(other.max_ops_),
        budget_(other.budget_),
        given_up_(other.given_up_),
        unknown_(other.unknown_) {}

  const RegisterHistory& history_;
  std::size_t state_limit_;
  std::size_t max_ops_;
  std::size_t budget_;                  // configurations left for all further checks
  std::vector<std::uint8_t> given_up_;  // per key
  bool unknown_ = false;
};

}  // namespace cs::lin
