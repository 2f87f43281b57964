// Symmetry among 2PC's participants, for the explorer's --symmetry (docs/explorer.md, "Symmetry").
// The protocol treats P1..Pn alike: C sends each the same messages and counts their votes and acks
// as a set; a participant asks every other one the same way; no message, log record or timer names
// a participant in its payload. What can tell them apart is the workload draw: each participant
// locks one of `resources` resources (logged with READY) and may be forced or drawn to vote abort.
// With one resource and no abort votes every participant draws the same, and renaming them maps
// every run to a run.
#include <algorithm>

#include "protocols/two_phase_commit.hpp"

namespace cs::tpc {

namespace {

// A participant bit mask (bit i-1 = Pi) with each Pi renamed.
std::int64_t renamed_mask(std::uint32_t mask, const std::vector<NodeId>& rename) {
  std::uint32_t out = 0;
  for (std::size_t i = 1; i < rename.size(); ++i)
    if (mask >> (i - 1) & 1u) out |= 1u << (rename[i] - 1);
  return out;
}

}  // namespace

std::vector<NodeId> TwoPhaseCommit::interchangeable_nodes() const {
  const bool forced = std::any_of(p_.forced_abort.begin(), p_.forced_abort.end(),
                                  [](const CommitParams::ForcedAbort& f) { return f.every || !f.txns.empty(); });
  if (p_.resources != 1 || forced || !p_.abort_probability.is_zero() || p_.participants < 2) return {};
  std::vector<NodeId> out;
  for (int i = 1; i <= p_.participants; ++i) out.push_back(static_cast<NodeId>(i));
  return out;
}

// The canonical state with the participants in the order of their new names and the masks renamed;
// encode_state() is this with the identity renaming.
void TwoPhaseCommit::encode_state_renamed(const Simulator& sim, const std::vector<NodeId>& rename,
                                          std::vector<std::int64_t>& out) const {
  out.push_back(coord_cursor_);
  const auto last = static_cast<TxnId>(p_.transactions);
  for (TxnId t = 0; t <= last; ++t) {
    const CoordTxn& c = coord_[t];
    out.push_back(c.state);
    out.push_back(renamed_mask(c.voted_commit, rename));
    out.push_back(renamed_mask(c.acked, rename));
    out.push_back(sim.timer_live(c.vote_timer));
    out.push_back(sim.timer_live(c.ack_timer));
    out.push_back(c.flushing | c.ended << 1);
  }
  std::vector<std::size_t> order(parts_.size());
  for (std::size_t i = 0; i < parts_.size(); ++i) order[static_cast<std::size_t>(rename[i + 1] - 1)] = i;
  for (std::size_t k : order) {
    const Participant& part = parts_[k];
    out.push_back(part.cursor);
    for (TxnId t = 0; t <= last; ++t) {
      const PartTxn& x = part.txns[t];
      out.push_back(x.state);
      // Not `blocked`: it only says whether the "blocked" note was shown yet (the view's flag); no
      // handler decides by it (docs/explorer.md, "What a state leaves out").
      out.push_back(x.prepare_pending | x.flushing << 1 | x.vote_abort << 3 | x.lock.held << 4 | x.lock.waiting << 5 |
                    x.session << 6 | x.heuristic << 7);
      out.push_back(x.lock.resource);
      out.push_back(sim.timer_live(x.timer));
      if (p_.janitor > 0) out.push_back(sim.timer_live(x.janitor_timer));
    }
    part.locks.encode(out);
    if (p_.pool_size > 0) out.push_back(part.sessions);
  }
}

}  // namespace cs::tpc
