// Split-brain: "at most one primary's writes are accepted per term".
#pragma once

#include <memory>

#include <cstdint>
#include <string>
#include <vector>

#include "check/invariant.hpp"
#include "sim/types.hpp"

namespace cs {

// Watches the log record a primary appends when it accepts a write (value = its term). It fails when a
// write is accepted in a term whose writes another node already accepted (two primaries in one term),
// or in an older term than one whose writes were already accepted (the old primary still writing
// after the new one started: split-brain).
class OnePrimaryPerTermInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<OnePrimaryPerTermInvariant>(*this); }
  // `names`: node names by NodeId, for the violation message.
  OnePrimaryPerTermInvariant(std::uint16_t accept_record, std::vector<std::string> names);
  void observe(const TraceEvent& ev) override;

 private:
  std::string name(NodeId n) const;
  std::uint16_t record_;
  std::vector<std::string> names_;
  std::int64_t term_ = -1;  // highest term with an accepted write
  NodeId owner_ = kNoNode;  // the node that accepted writes in that term
};

}  // namespace cs
