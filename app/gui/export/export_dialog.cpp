#include "export_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace handout {

QStringList extensionsFor(Target target) {
  switch (target) {
    case Target::Canvas:
    case Target::Diagram:
    case Target::Compare: return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
    case Target::Chart: return {QStringLiteral("png"), QStringLiteral("svg")};
    case Target::Trace: return {QStringLiteral("jsonl")};
    case Target::Report: return {QStringLiteral("pdf")};
  }
  return {};
}

}  // namespace handout

namespace {

QString formatName(const QString& ext) {
  if (ext == QLatin1String("png")) return ExportDialog::tr("PNG image");
  if (ext == QLatin1String("svg")) return ExportDialog::tr("SVG drawing (text stays text)");
  if (ext == QLatin1String("pdf")) return ExportDialog::tr("PDF document");
  return ExportDialog::tr("JSON Lines (one trace record a line)");
}

// A file name for a target, before the user picks one.
QString baseName(handout::Target t) {
  switch (t) {
    case handout::Target::Canvas: return QStringLiteral("commitscope-canvas");
    case handout::Target::Diagram: return QStringLiteral("commitscope-spacetime");
    case handout::Target::Chart: return QStringLiteral("commitscope-chart");
    case handout::Target::Compare: return QStringLiteral("commitscope-side-by-side");
    case handout::Target::Trace: return QStringLiteral("commitscope-trace");
    case handout::Target::Report: return QStringLiteral("commitscope-report");
  }
  return QStringLiteral("commitscope");
}

}  // namespace

ExportDialog::ExportDialog(bool compareOpen, const QString& directory, QWidget* parent)
    : QDialog(parent), what_(new QComboBox(this)), format_(new QComboBox(this)), path_(new QLineEdit(this)),
      browse_(new QPushButton(tr("Browse…"), this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Export"));
  using handout::Target;
  what_->addItem(tr("Canvas (topology)"), int(Target::Canvas));
  what_->addItem(tr("Space-time diagram"), int(Target::Diagram));
  what_->addItem(tr("Metrics chart"), int(Target::Chart));
  if (compareOpen) what_->addItem(tr("Side-by-side view"), int(Target::Compare));
  what_->addItem(tr("Trace"), int(Target::Trace));
  what_->addItem(tr("Run report (one page, for a handout)"), int(Target::Report));
  path_->setText(QDir(directory).filePath(baseName(Target::Canvas) + QStringLiteral(".png")));
  auto* file_row = new QHBoxLayout;
  file_row->addWidget(path_, 1);
  file_row->addWidget(browse_);
  auto* form = new QFormLayout;
  form->addRow(tr("What:"), what_);
  form->addRow(tr("Format:"), format_);
  form->addRow(tr("File:"), file_row);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons_);
  fillFormats();
  connect(what_, &QComboBox::currentIndexChanged, this, [this] {
    const QString dir = QFileInfo(path_->text()).path();
    path_->setText(QDir(dir).filePath(baseName(target()) + QLatin1Char('.') + handout::extensionsFor(target()).front()));
    fillFormats();
  });
  connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::followFormat);
  connect(path_, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
  connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  setMinimumWidth(520);
}

handout::Target ExportDialog::target() const { return static_cast<handout::Target>(what_->currentData().toInt()); }

void ExportDialog::setTarget(handout::Target t) {
  const int i = what_->findData(int(t));
  if (i >= 0) what_->setCurrentIndex(i);
}

QString ExportDialog::extension() const { return format_->currentData().toString(); }

void ExportDialog::setExtension(const QString& ext) {
  const int i = format_->findData(ext);
  if (i >= 0) format_->setCurrentIndex(i);
}

QString ExportDialog::path() const { return path_->text().trimmed(); }
void ExportDialog::setPath(const QString& path) { path_->setText(path); }

void ExportDialog::fillFormats() {
  const QSignalBlocker block(format_);
  format_->clear();
  for (const QString& ext : handout::extensionsFor(target())) format_->addItem(formatName(ext), ext);
  followFormat();
}

void ExportDialog::followFormat() {
  const QFileInfo info(path());
  const QString name = info.completeBaseName().isEmpty() ? baseName(target()) : info.completeBaseName();
  path_->setText(QDir(info.path()).filePath(name + QLatin1Char('.') + extension()));
  updateOk();
}

void ExportDialog::browse() {
  const QString ext = extension();
  const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path(),
                                                      QStringLiteral("%1 (*.%2)").arg(formatName(ext), ext));
  if (chosen.isEmpty()) return;
  path_->setText(chosen);
  followFormat();
}

void ExportDialog::updateOk() { buttons_->button(QDialogButtonBox::Save)->setEnabled(!QFileInfo(path()).fileName().isEmpty()); }
