// One injected fault as an undoable step. The command swaps the whole fault schedule (before/after)
// rather than patching it, because injecting after a scrub back also discards the later faults of the
// old branch, and undo must bring those back too.
#pragma once

#include <QUndoCommand>
#include <vector>

#include "sim/fault.hpp"
#include "sim/types.hpp"

class LabController;

class FaultCommand final : public QUndoCommand {
 public:
  FaultCommand(LabController* controller, std::vector<cs::Fault> before, std::vector<cs::Fault> after,
               quint64 at_event, cs::Time clock, const QString& text);

  void undo() override;
  void redo() override;

 private:
  void apply(const std::vector<cs::Fault>& schedule);

  LabController* controller_;
  std::vector<cs::Fault> before_;
  std::vector<cs::Fault> after_;
  quint64 at_event_;  // the run is replayed back to this event and clock either way; a fault made
  cs::Time clock_;    // past the event is then dispatched at the clock (the time it was made)
};
