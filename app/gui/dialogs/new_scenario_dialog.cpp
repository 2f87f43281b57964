#include "new_scenario_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "check/invariant.hpp"
#include "engine_text.hpp"
#include "param_form.hpp"
#include "protocols/registry.hpp"

namespace {

// How each protocol names its cluster size (the parameter its descriptor marks as setting it).
struct SizeLabel {
  const char* key;
  const char* label;
};
constexpr SizeLabel kSizeLabels[] = {
    {"participants", QT_TRANSLATE_NOOP("NewScenarioDialog", "Participants:")},
    {"replicas", QT_TRANSLATE_NOOP("NewScenarioDialog", "Replicas:")},
    {"servers", QT_TRANSLATE_NOOP("NewScenarioDialog", "Servers:")},
    {"steps", QT_TRANSLATE_NOOP("NewScenarioDialog", "Saga steps:")},
    {"services", QT_TRANSLATE_NOOP("NewScenarioDialog", "Services:")},
};

QString sizeLabel(std::string_view key) {
  for (const SizeLabel& l : kSizeLabels)
    if (key == l.key) return NewScenarioDialog::tr(l.label);
  return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())) + QLatin1Char(':');
}

const cs::ProtocolEntry* entryFor(const QString& name) { return cs::find_protocol(name.toStdString()); }

}  // namespace

NewScenarioDialog::NewScenarioDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("New scenario"));
  protocol_ = new QComboBox(this);
  protocol_->setObjectName(QStringLiteral("protocol"));
  for (const auto& entry : cs::protocol_registry())
    protocol_->addItem(EngineText::protocolName(entry.name()), QString::fromUtf8(entry.name().data(), static_cast<qsizetype>(entry.name().size())));
  protocol_->setToolTip(tr("The protocol every node runs"));
  size_label_ = new QLabel(this);
  size_ = new QSpinBox(this);
  size_->setToolTip(tr("How large the cluster is; the protocol adds its fixed nodes (coordinator, broker, clients)"));
  form_ = new ParamForm;
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setMinimumHeight(240);
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  summary_->setMinimumWidth(460);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

  auto* form = new QFormLayout;
  form->addRow(tr("Protocol:"), protocol_);
  form->addRow(size_label_, size_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(scroll, 1);
  layout->addWidget(summary_);
  layout->addWidget(buttons_);

  connect(protocol_, &QComboBox::currentIndexChanged, this, &NewScenarioDialog::protocolChanged);
  connect(size_, &QSpinBox::valueChanged, this, &NewScenarioDialog::validate);
  connect(form_, &ParamForm::changed, this, &NewScenarioDialog::validate);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  protocolChanged();
}

QString NewScenarioDialog::protocol() const { return protocol_->currentData().toString(); }

nlohmann::json NewScenarioDialog::params() const {
  const cs::ProtocolEntry* entry = entryFor(protocol());
  if (!entry) return nlohmann::json::object();
  nlohmann::json p = entry->default_params();
  if (!size_key_.isEmpty()) p[size_key_.toStdString()] = size_->value();
  return form_->apply(std::move(p));
}

void NewScenarioDialog::protocolChanged() {
  const cs::ProtocolEntry* entry = entryFor(protocol());
  size_key_.clear();
  const cs::ParamSpec* size = entry ? entry->descriptor().cluster_size_param() : nullptr;
  if (size) {
    size_key_ = QString::fromUtf8(size->key.data(), static_cast<qsizetype>(size->key.size()));
    size_label_->setText(sizeLabel(size->key));
    const nlohmann::json starter = entry->default_params();
    const auto it = starter.find(std::string(size->key));
    const QSignalBlocker block(size_);
    size_->setRange(static_cast<int>(size->lo), static_cast<int>(size->hi));
    size_->setValue(it != starter.end() && it->is_number_integer() ? it->get<int>() : static_cast<int>(size->def));
  }
  if (entry) {
    const QSignalBlocker block(form_);
    form_->setProtocol(entry->descriptor(), entry->default_params(), size ? size->key : std::string_view());
  }
  size_label_->setVisible(!size_key_.isEmpty());
  size_->setVisible(!size_key_.isEmpty());
  validate();
}

void NewScenarioDialog::validate() {
  const cs::ProtocolEntry* entry = entryFor(protocol());
  cs::Diagnostics problems;
  std::unique_ptr<cs::Protocol> built = entry ? entry->create(params(), problems) : nullptr;
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(built != nullptr);
  if (!built) {
    // The protocol's own sentence, after the parameter it is about ("params.read_quorum: is 5 but
    // must be between 1 and 3"), and that parameter's label in the form.
    QString text = tr("This protocol cannot be started.");
    if (!problems.empty()) {
      const cs::Diagnostic& d = problems.front();
      const std::string key = d.path.substr(d.path.rfind('.') == std::string::npos ? 0 : d.path.rfind('.') + 1);
      const QString label = form_->labelText(key);
      text = QString::fromStdString(d.path.empty() ? d.message : d.path + ": " + d.message);
      if (!label.isEmpty()) text = label + QLatin1Char(' ') + text;
    }
    summary_->setText(text.toHtmlEscaped());
    return;
  }
  QStringList nodes, invariants;
  for (const auto& spec : built->node_specs()) nodes << QString::fromStdString(spec.name);
  for (const auto& inv : built->make_invariants()) invariants << EngineText::invariant(inv->key()).toHtmlEscaped();
  QString html = QStringLiteral("<p>%1</p>").arg(EngineText::protocolSummary(protocol().toStdString()).toHtmlEscaped());
  const QString separator = tr(", ", "between the items of a list");
  html += QStringLiteral("<p>%1<br>%2</p>")
              .arg(tr("<b>Nodes:</b> %1").arg(nodes.join(separator).toHtmlEscaped()),
                   tr("<b>Checked at every event:</b> %1").arg(invariants.join(separator)));
  html += QStringLiteral("<p>%1</p>").arg(tr("Faults you inject are added to the scenario and saved with it.").toHtmlEscaped());
  summary_->setText(html);
}
