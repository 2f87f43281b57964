// Invariants of compensating protocols (sagas) and of at-least-once messaging (outbox), checked on
// every trace event from the durable-log records the services append.
#pragma once

#include <memory>

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "check/invariant.hpp"
#include "sim/types.hpp"

namespace cs {

// Where a saga's steps live and which log records mean "step applied" and "step compensated".
// The compensated record's value is 1 when it undid an effect and 0 for an empty compensation (the
// step never applied there; the record only makes sure a late command is refused).
struct SagaRecords {
  std::vector<NodeId> step_nodes;  // index = step number
  std::uint16_t applied = 0;
  std::uint16_t compensated = 0;
};

// Semantic atomicity: when a saga ends, either every step applied and none was undone (completed),
// or every step that applied was undone (compensated); no step applies after its compensation or
// after the saga ended.
class AllOrCompensatedInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<AllOrCompensatedInvariant>(*this); }
  explicit AllOrCompensatedInvariant(SagaRecords r);
  void observe(const TraceEvent& ev) override;

 private:
  struct Saga {
    std::uint32_t applied = 0;      // bit = step
    std::uint32_t undone = 0;       // compensations that undid an effect
    std::uint32_t compensated = 0;  // any compensation record, empty or not
    bool ended = false;
  };
  SagaRecords r_;
  std::vector<Saga> sagas_;
};

// A step's compensation runs only after every later step that applied has been compensated.
class CompensationOrderInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<CompensationOrderInvariant>(*this); }
  explicit CompensationOrderInvariant(SagaRecords r);
  void observe(const TraceEvent& ev) override;

 private:
  SagaRecords r_;
  std::vector<std::uint32_t> applied_;
  std::vector<std::uint32_t> compensated_;
};

// Each effect record appears at most once per (node, transaction): duplicates, redeliveries and
// retries are harmless. With `lost_note`, a note of that key (an event that can never be
// delivered) is a violation too: exactly once means neither twice nor never.
class ExactlyOnceEffectInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ExactlyOnceEffectInvariant>(*this); }
  ExactlyOnceEffectInvariant(std::vector<std::uint16_t> effect_records, std::optional<std::uint16_t> lost_note = {});
  void observe(const TraceEvent& ev) override;

 private:
  std::vector<std::uint16_t> records_;
  std::optional<std::uint16_t> lost_note_;
  std::vector<std::vector<std::uint8_t>> seen_;  // [node * records + record][txn]
};

// An effect is applied downstream only for an order that the source has committed (no phantom
// events, as publishing before committing would produce). `sink` kNoNode: any node but the source
// (several consumers).
class EffectAfterCommitInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<EffectAfterCommitInvariant>(*this); }
  EffectAfterCommitInvariant(NodeId source, std::uint16_t commit_record, NodeId sink, std::uint16_t effect_record);
  void observe(const TraceEvent& ev) override;

 private:
  NodeId source_, sink_;
  std::uint16_t commit_, effect_;
  std::vector<std::uint8_t> committed_;
};

// Saga isolation: no saga reads a value at `node` (a `read_note` there) while another saga's
// applied-but-unfinished step is part of it, if that step is later undone (a dirty read).
class NoDirtyReadInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<NoDirtyReadInvariant>(*this); }
  NoDirtyReadInvariant(NodeId node, std::uint16_t applied, std::uint16_t compensated, std::uint16_t read_note);
  void observe(const TraceEvent& ev) override;

 private:
  NodeId node_;
  std::uint16_t applied_, compensated_, read_note_;
  std::set<TxnId> pending_;                  // writers whose effect at node_ is not final yet
  std::vector<std::vector<TxnId>> readers_;  // [writer] = sagas that read while it was pending
};

// Where a finite stock lives and how its changes show in the trace: reservations are `applied`
// records, undone ones `compensated` records of value 1, and the stock value is told by `read_note`
// (before each reservation) and `restored_note` (after a compensation that writes a value back).
struct StockRecords {
  NodeId node = kNoNode;
  std::uint16_t applied = 0;
  std::uint16_t compensated = 0;
  std::uint16_t read_note = 0;
  std::uint16_t restored_note = 0;
};

// No lost update: every stock value the node reports equals the initial stock minus the
// reservations that still hold. A compensation that writes back a before image while another saga's
// reservation holds overwrites that reservation (the count goes up by more than one unit).
class NoLostUpdateInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<NoLostUpdateInvariant>(*this); }
  NoLostUpdateInvariant(StockRecords r, std::int64_t initial_stock);
  void observe(const TraceEvent& ev) override;

 private:
  StockRecords r_;
  std::int64_t initial_;
  std::set<TxnId> holding_;  // sagas whose reservation holds
};

}  // namespace cs
