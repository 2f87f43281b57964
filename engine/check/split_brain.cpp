#include "check/split_brain.hpp"

#include <string>

namespace cs {

OnePrimaryPerTermInvariant::OnePrimaryPerTermInvariant(std::uint16_t accept_record, std::vector<std::string> names)
    : Invariant("one_primary_per_term",
                "At most one primary's writes are accepted per term, and once a term's writes are accepted no "
                "write of an older term is (no split-brain writes)."),
      record_(accept_record),
      names_(std::move(names)) {}

std::string OnePrimaryPerTermInvariant::name(NodeId n) const {
  if (n >= 0 && static_cast<std::size_t>(n) < names_.size()) return names_[static_cast<std::size_t>(n)];
  return "node " + std::to_string(n);
}

void OnePrimaryPerTermInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend || ev.key != record_) return;
  const std::int64_t term = ev.value;
  if (term > term_) {
    term_ = term;
    owner_ = ev.node;
  } else if (term < term_) {
    violate(ev, "write " + std::to_string(ev.txn) + " was accepted by " + name(ev.node) + " in term " +
                    std::to_string(term) + " after writes of term " + std::to_string(term_) +
                    " had been accepted: two primaries are accepting writes (split-brain)");
  } else if (ev.node != owner_) {
    violate(ev, "write " + std::to_string(ev.txn) + " was accepted by " + name(ev.node) + " in term " +
                    std::to_string(term) + ", whose writes " + name(owner_) +
                    " already accepts: two primaries in one term (split-brain)");
  }
}

}  // namespace cs
