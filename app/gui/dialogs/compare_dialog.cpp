#include "compare_dialog.hpp"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "engine_text.hpp"
#include "protocols/registry.hpp"
#include "scenario/compare.hpp"

CompareDialog::CompareDialog(const QString& currentProtocol, QWidget* parent)
    : QDialog(parent), intro_(new QLabel(this)), list_(new QListWidget(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Compare protocols"));
  intro_->setWordWrap(true);
  intro_->setText(tr("Run this scenario's workload and faults against 2 to 4 protocols side by side. A fault "
                     "on the coordinating node or on worker k applies to the matching node of every protocol."));
  for (const cs::ProtocolEntry& e : cs::protocol_registry()) {
    if (e.descriptor().workload.transactions.empty()) continue;  // no transaction workload to compare
    auto* item = new QListWidgetItem(EngineText::protocolName(e.name()), list_);
    item->setData(Qt::UserRole, QString::fromUtf8(e.name().data(), static_cast<qsizetype>(e.name().size())));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
  }
  // The scenario's own protocol and the classic contrast: 2PC against the orchestrated saga.
  QStringList start{currentProtocol};
  for (const QString& p : {QStringLiteral("2pc"), QStringLiteral("saga-orchestration")})
    if (start.size() < 2 && !start.contains(p)) start << p;
  setChecked(start);
  connect(list_, &QListWidget::itemChanged, this, &CompareDialog::updateOk);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro_);
  layout->addWidget(list_);
  problem_->setWordWrap(true);
  problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  problem_->hide();
  layout->addWidget(problem_);
  layout->addWidget(buttons_);
  updateOk();
}

QStringList CompareDialog::protocols() const {
  QStringList out;
  for (int i = 0; i < list_->count(); ++i)
    if (list_->item(i)->checkState() == Qt::Checked) out << list_->item(i)->data(Qt::UserRole).toString();
  return out;
}

void CompareDialog::setChecked(const QStringList& protocols) {
  for (int i = 0; i < list_->count(); ++i) {
    QListWidgetItem* item = list_->item(i);
    item->setCheckState(protocols.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
  }
  updateOk();
}

void CompareDialog::setScenario(const cs::Scenario& scenario) {
  scenario_ = scenario;
  updateOk();
}

void CompareDialog::updateOk() {
  const QStringList checked = protocols();
  QStringList problems;
  for (const QString& p : checked) {
    if (!scenario_) break;
    const cs::MappedScenario m = cs::map_scenario(*scenario_, p.toStdString());
    if (!m.scenario) problems << EngineText::compareRefusal(p.toStdString(), m.why);
  }
  problem_->setText(problems.join(QLatin1Char('\n')));
  problem_->setVisible(!problems.isEmpty());
  const auto n = checked.size();
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(n >= 2 && n <= 4 && problems.isEmpty());
}
