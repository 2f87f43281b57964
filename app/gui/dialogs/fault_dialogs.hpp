// Dialogs of the Faults menu that need more than one click: choosing a link (cut, drop next,
// duplicate next) and drawing a partition with a side A / side B checkbox per node.
#pragma once

#include <QDialog>
#include <vector>

#include "sim/fault.hpp"

class LabController;
class QComboBox;
class QCheckBox;
class QDialogButtonBox;
class QLabel;

// Picks the two ends of a link. The OK button is enabled only for a pair the action can apply to.
class LinkDialog final : public QDialog {
  Q_OBJECT

 public:
  LinkDialog(LabController* controller, cs::FaultKind kind, QWidget* parent = nullptr);
  cs::FaultAction action() const;

 private:
  void validate();

  LabController* controller_;
  cs::FaultKind kind_;
  QComboBox* a_;
  QComboBox* b_;
  QLabel* note_;
  QDialogButtonBox* buttons_;
};

// Splits the nodes into side A and side B (each node on exactly one side).
class PartitionDialog final : public QDialog {
  Q_OBJECT

 public:
  PartitionDialog(LabController* controller, QWidget* parent = nullptr);
  cs::FaultAction action() const;
  // For tests and scripted lessons: put `node` on side B (true) or A (false).
  void setSideB(cs::NodeId node, bool side_b);

 private:
  void validate();

  LabController* controller_;
  std::vector<QCheckBox*> side_a_;
  std::vector<QCheckBox*> side_b_;
  QLabel* note_;
  QDialogButtonBox* buttons_;
};
