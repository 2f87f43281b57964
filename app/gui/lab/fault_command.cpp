#include "fault_command.hpp"

#include "lab_controller.hpp"

FaultCommand::FaultCommand(LabController* controller, std::vector<cs::Fault> before, std::vector<cs::Fault> after,
                           quint64 at_event, cs::Time clock, const QString& text)
    : QUndoCommand(text),
      controller_(controller),
      before_(std::move(before)),
      after_(std::move(after)),
      at_event_(at_event),
      clock_(clock) {}

void FaultCommand::undo() { apply(before_); }
void FaultCommand::redo() { apply(after_); }

void FaultCommand::apply(const std::vector<cs::Fault>& schedule) {
  controller_->scenario_.faults = schedule;
  controller_->invalidateMarks();
  controller_->replayTo(at_event_, clock_);
  emit controller_->documentChanged();
  emit controller_->runChanged();
}
