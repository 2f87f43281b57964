// File > New: choose a protocol from the registry, its size where it has one (participants,
// replicas, servers or saga steps) and any of its other parameters (a form built from the
// protocol's descriptor). The parameters are checked by the protocol itself before OK is enabled.
#pragma once

#include <QDialog>

#include <nlohmann/json.hpp>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class ParamForm;

class NewScenarioDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit NewScenarioDialog(QWidget* parent = nullptr);
  QString protocol() const;
  // The protocol's starter parameters with the chosen size and every field the user changed.
  nlohmann::json params() const;
  ParamForm* paramForm() const { return form_; }  // for tests

 private:
  void protocolChanged();
  void validate();

  QComboBox* protocol_;
  QLabel* size_label_;
  QSpinBox* size_;
  ParamForm* form_;
  QLabel* summary_;
  QDialogButtonBox* buttons_;
  QString size_key_;  // the params key the spin box sets, empty when the topology is fixed
};
