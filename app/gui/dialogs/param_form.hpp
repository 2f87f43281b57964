// The parameters of one protocol as a form built from its descriptor's schema (ParamSpec): a spin
// box per count or duration, a box from 0 to 1 per probability, a check box per switch, a list per
// choice. A parameter whose default follows another ("= timeout_ms", "majority of replicas") starts
// at "automatic" and stays unwritten until changed. Structured values (votes, capacity) are left to
// the scenario file: the form says so. Values are checked by the protocol itself (the dialog
// disables OK and shows its message), so the form only keeps each field inside its declared range.
#pragma once

#include <QString>
#include <QVariant>
#include <QWidget>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/descriptor.hpp"

class QFormLayout;
class QLabel;

class ParamForm final : public QWidget {
  Q_OBJECT

 public:
  explicit ParamForm(QWidget* parent = nullptr);
  // Rebuilds the fields for `d`, starting from `starter` (the protocol's starter params), leaving
  // out `skip` (the cluster size, which the dialog shows above the form).
  void setProtocol(const cs::ProtocolDescriptor& d, const nlohmann::json& starter, std::string_view skip);
  // `params` with every field the user changed written into it (an "automatic" field removed).
  nlohmann::json apply(nlohmann::json params) const;
  // For tests: the field of a parameter (nullptr if the form has none) and the label beside it.
  QWidget* field(std::string_view key) const;
  QString labelText(std::string_view key) const;
  int fieldCount() const { return static_cast<int>(fields_.size()); }

 signals:
  void changed();

 protected:
  void changeEvent(QEvent* e) override;

 private:
  struct Field {
    const cs::ParamSpec* spec = nullptr;
    QWidget* widget = nullptr;
    QLabel* label = nullptr;
    QVariant initial;        // the value the field started with
    bool automatic = false;  // its default follows another parameter: the minimum means "automatic"
  };
  Field makeField(const cs::ParamSpec& p, double hi, const nlohmann::json& starter);
  static QVariant value(const Field& f);
  void retranslate();

  QFormLayout* form_;
  QLabel* structured_;  // "Set in the scenario file: votes, capacity"
  std::vector<Field> fields_;
  std::vector<std::string> structuredKeys_;
};
