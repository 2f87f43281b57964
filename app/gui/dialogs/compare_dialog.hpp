// File > Compare protocols…: which protocols to run side by side (2 to 4 of those with a transaction
// workload; the scenario's own protocol is checked to start with). Given the scenario, it says at
// once, in the learner's language, why a checked protocol cannot run it, and keeps OK disabled.
#pragma once

#include <QDialog>
#include <QStringList>
#include <optional>

#include "scenario/scenario.hpp"

class QDialogButtonBox;
class QLabel;
class QListWidget;

class CompareDialog final : public QDialog {
  Q_OBJECT

 public:
  CompareDialog(const QString& currentProtocol, QWidget* parent = nullptr);
  QStringList protocols() const;  // the checked ones, in the registry's order
  void setChecked(const QStringList& protocols);
  // The scenario to be compared: the checked protocols are mapped onto it as they are checked.
  void setScenario(const cs::Scenario& scenario);
  QListWidget* list() const { return list_; }
  QLabel* problem() const { return problem_; }  // empty and hidden while every checked protocol can run it

 private:
  void updateOk();

  QLabel* intro_;
  QListWidget* list_;
  QLabel* problem_;
  QDialogButtonBox* buttons_;
  std::optional<cs::Scenario> scenario_;
};
