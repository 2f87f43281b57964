#include "fault_dialogs.hpp"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "engine_text.hpp"
#include "lab_controller.hpp"

namespace {

QString nodeLabel(LabController* c, cs::NodeId n) {
  const auto& node = c->sim().nodes()[static_cast<std::size_t>(n)];
  //: A node in a list: its name and role, e.g. "P1 (participant)".
  return QCoreApplication::translate("FaultDialogs", "%1 (%2)").arg(c->nodeName(n), EngineText::role(node.role));
}

}  // namespace

// ---------------------------------------------------------------------------------------------

LinkDialog::LinkDialog(LabController* controller, cs::FaultKind kind, QWidget* parent)
    : QDialog(parent), controller_(controller), kind_(kind) {
  switch (kind) {
    case cs::FaultKind::Cut: setWindowTitle(tr("Cut a link")); break;
    case cs::FaultKind::Heal: setWindowTitle(tr("Heal a link")); break;
    case cs::FaultKind::DropNext: setWindowTitle(tr("Drop the next message on a link")); break;
    case cs::FaultKind::DuplicateNext: setWindowTitle(tr("Duplicate the next message on a link")); break;
    default: setWindowTitle(EngineText::faultKind(kind)); break;
  }
  a_ = new QComboBox(this);
  b_ = new QComboBox(this);
  for (cs::NodeId n = 0; n < controller_->nodeCount(); ++n) {
    a_->addItem(nodeLabel(controller_, n), n);
    b_->addItem(nodeLabel(controller_, n), n);
  }
  // Start on a sensible pair: the selected node (or the first) and the next one.
  const cs::NodeId first = controller_->selectedNode() >= 0 ? controller_->selectedNode() : 0;
  a_->setCurrentIndex(first);
  b_->setCurrentIndex((first + 1) % std::max(1, controller_->nodeCount()));
  a_->setToolTip(tr("One end of the link"));
  b_->setToolTip(tr("The other end of the link (links carry messages both ways)"));
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

  auto* form = new QFormLayout;
  form->addRow(tr("From node:"), a_);
  form->addRow(tr("To node:"), b_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addWidget(buttons_);

  connect(a_, &QComboBox::currentIndexChanged, this, &LinkDialog::validate);
  connect(b_, &QComboBox::currentIndexChanged, this, &LinkDialog::validate);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  validate();
}

cs::FaultAction LinkDialog::action() const {
  cs::FaultAction act;
  act.kind = kind_;
  act.a = a_->currentData().toInt();
  act.b = b_->currentData().toInt();
  return act;
}

void LinkDialog::validate() {
  const cs::FaultAction act = action();
  const bool ok = controller_->canInject(act);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(ok);
  if (act.a == act.b) note_->setText(tr("Choose two different nodes."));
  else if (ok) note_->setText(tr("Takes effect now, after event %1.").arg(controller_->eventIndex()));
  else if (kind_ == cs::FaultKind::Cut) note_->setText(tr("This link is already cut."));
  else if (kind_ == cs::FaultKind::Heal) note_->setText(tr("This link is not cut."));
  else note_->setText(tr("Already armed on this link."));
}

// ---------------------------------------------------------------------------------------------

PartitionDialog::PartitionDialog(LabController* controller, QWidget* parent) : QDialog(parent), controller_(controller) {
  setWindowTitle(tr("Partition the network"));
  auto* intro = new QLabel(tr("Put each node on side A or side B. Messages between the two sides are lost until "
                              "the partition is healed; links inside a side keep working."),
                           this);
  intro->setWordWrap(true);
  auto* grid = new QGridLayout;
  grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Node").toHtmlEscaped()), this), 0, 0);
  grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Side A").toHtmlEscaped()), this), 0, 1, Qt::AlignHCenter);
  grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Side B").toHtmlEscaped()), this), 0, 2, Qt::AlignHCenter);
  const int n = controller_->nodeCount();
  for (cs::NodeId i = 0; i < n; ++i) {
    auto* a = new QCheckBox(this);
    auto* b = new QCheckBox(this);
    a->setToolTip(tr("Put %1 on side A").arg(controller_->nodeName(i)));
    b->setToolTip(tr("Put %1 on side B").arg(controller_->nodeName(i)));
    auto* group = new QButtonGroup(this);  // exactly one side per node
    group->addButton(a);
    group->addButton(b);
    group->setExclusive(true);
    // Default proposal: the coordinating node and the first half on A, the rest on B.
    (i < (n + 1) / 2 ? a : b)->setChecked(true);
    grid->addWidget(new QLabel(nodeLabel(controller_, i), this), i + 1, 0);
    grid->addWidget(a, i + 1, 1, Qt::AlignHCenter);
    grid->addWidget(b, i + 1, 2, Qt::AlignHCenter);
    side_a_.push_back(a);
    side_b_.push_back(b);
    connect(a, &QCheckBox::toggled, this, &PartitionDialog::validate);
  }
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(grid);
  layout->addWidget(note_);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  validate();
}

void PartitionDialog::setSideB(cs::NodeId node, bool side_b) {
  if (node < 0 || static_cast<std::size_t>(node) >= side_b_.size()) return;
  (side_b ? side_b_ : side_a_)[static_cast<std::size_t>(node)]->setChecked(true);
}

cs::FaultAction PartitionDialog::action() const {
  cs::FaultAction act;
  act.kind = cs::FaultKind::Partition;
  std::vector<cs::NodeId> a, b;
  for (std::size_t i = 0; i < side_a_.size(); ++i) (side_a_[i]->isChecked() ? a : b).push_back(static_cast<cs::NodeId>(i));
  act.groups = {a, b};
  return act;
}

void PartitionDialog::validate() {
  const cs::FaultAction act = action();
  const bool split = !act.groups[0].empty() && !act.groups[1].empty();
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(split && controller_->canInject(act));
  note_->setText(split ? tr("Takes effect now, after event %1.").arg(controller_->eventIndex())
                       : tr("Each side needs at least one node."));
}
