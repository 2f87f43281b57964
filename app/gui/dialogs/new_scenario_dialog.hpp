// File > New: choose a protocol from the registry and, where the protocol has one, its size
// (participants, replicas, servers or saga steps). The parameters are checked by the protocol
// itself before OK is enabled.
#pragma once

#include <QDialog>

#include <nlohmann/json.hpp>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

class NewScenarioDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit NewScenarioDialog(QWidget* parent = nullptr);
  QString protocol() const;
  // The protocol's default parameters with the chosen size.
  nlohmann::json params() const;

 private:
  void protocolChanged();
  void validate();

  QComboBox* protocol_;
  QLabel* size_label_;
  QSpinBox* size_;
  QLabel* summary_;
  QDialogButtonBox* buttons_;
  QString size_key_;  // the params key the spin box sets, empty when the topology is fixed
};
