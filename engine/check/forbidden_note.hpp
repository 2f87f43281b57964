// An invariant that fails the first time a protocol records a given note: for properties the protocol
// itself detects with ground truth it keeps for reporting (a stale read, a lost update).
#pragma once

#include <memory>

#include <cstdint>
#include <string>

#include "check/invariant.hpp"

namespace cs {

class ForbiddenNoteInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ForbiddenNoteInvariant>(*this); }
  // `what` describes one occurrence; the operation (txn) id is appended.
  ForbiddenNoteInvariant(std::string key, std::string description, std::uint16_t note, std::string what)
      : Invariant(std::move(key), std::move(description)), note_(note), what_(std::move(what)) {}

  void observe(const TraceEvent& ev) override {
    if (ev.kind == TraceKind::Note && ev.key == note_) violate(ev, what_ + " (operation " + std::to_string(ev.txn) + ")");
  }

 private:
  std::uint16_t note_;
  std::string what_;
};

}  // namespace cs
