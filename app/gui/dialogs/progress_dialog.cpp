#include "progress_dialog.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "language.hpp"
#include "lesson_library.hpp"
#include "progress_store.hpp"

namespace {
enum Column { Lesson, Completion, Score, Attempts, Last, ColumnCount };
}

ProgressDialog::ProgressDialog(const LessonLibrary* library, commitscope::ProgressStore* progress, bool hideScores,
                               QWidget* parent)
    : QDialog(parent), library_(library), progress_(progress), hideScores_(hideScores) {
  setWindowTitle(tr("Progress"));
  setObjectName(QStringLiteral("ProgressDialog"));
  confirm_ = [this](const QString& q) {
    return QMessageBox::question(this, tr("Reset progress"), q, QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel) ==
           QMessageBox::Reset;
  };
  auto* layout = new QVBoxLayout(this);
  where_ = new QLabel(this);
  where_->setWordWrap(true);
  where_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(where_);
  table_ = new QTreeWidget(this);
  table_->setColumnCount(ColumnCount);
  table_->setHeaderLabels({tr("Lesson"), tr("Completed"), tr("Best score"), tr("Attempts"), tr("Last attempt")});
  table_->setRootIsDecorated(false);
  table_->setAlternatingRowColors(true);
  table_->header()->setStretchLastSection(false);
  table_->header()->setSectionResizeMode(Lesson, QHeaderView::Stretch);
  for (int c = Completion; c < ColumnCount; ++c) table_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  table_->setColumnHidden(Score, hideScores_);
  layout->addWidget(table_, 1);

  auto* buttons = new QDialogButtonBox(this);
  reset_ = buttons->addButton(tr("Reset this lesson…"), QDialogButtonBox::ActionRole);
  resetAll_ = buttons->addButton(tr("Reset all…"), QDialogButtonBox::ActionRole);
  auto* exportAnswers = buttons->addButton(tr("Export answers (CSV)…"), QDialogButtonBox::ActionRole);
  auto* exportSummary = buttons->addButton(tr("Export summary (CSV)…"), QDialogButtonBox::ActionRole);
  buttons->addButton(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(reset_, &QPushButton::clicked, this, &ProgressDialog::resetSelected);
  connect(resetAll_, &QPushButton::clicked, this, &ProgressDialog::resetAll);
  const auto exportTo = [this](bool summaries) {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export progress"),
                                                      QDir::home().filePath(summaries ? QStringLiteral("commitscope-summary.csv")
                                                                                      : QStringLiteral("commitscope-answers.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportCsv(path, summaries, &error)) QMessageBox::warning(this, tr("Export progress"), error);
  };
  connect(exportAnswers, &QPushButton::clicked, this, [exportTo] { exportTo(false); });
  connect(exportSummary, &QPushButton::clicked, this, [exportTo] { exportTo(true); });
  layout->addWidget(buttons);
  connect(table_, &QTreeWidget::currentItemChanged, this, [this] { reset_->setEnabled(!selectedId().isEmpty()); });
  refresh();
  resize(860, 520);
}

void ProgressDialog::refresh() {
  const QString keep = selectedId();
  table_->clear();
  using Status = commitscope::ProgressStore::Status;
  switch (progress_->status()) {
    case Status::Ok: where_->setText(tr("Progress is saved in %1").arg(QDir::toNativeSeparators(progress_->databasePath()))); break;
    case Status::Recovered:
      where_->setText(tr("Progress is saved in %1. %2").arg(QDir::toNativeSeparators(progress_->databasePath()), progress_->lastMessage()));
      break;
    case Status::InMemory:
      where_->setText(tr("Progress is kept in memory only and is lost when CommitScope closes. %1").arg(progress_->lastMessage()));
      break;
    case Status::Closed:
    case Status::Failed: where_->setText(tr("Progress cannot be recorded. %1").arg(progress_->lastMessage())); break;
  }
  if (!failure_.isEmpty()) where_->setText(where_->text() + QLatin1Char('\n') + failure_);
  const QString lang = language::current();
  QStringList seen;
  const auto addRow = [&](const QString& id, const QString& title, int totalSteps, int questions) {
    const commitscope::LessonProgress p = progress_->lessonSummary(id, totalSteps);
    auto* it = new QTreeWidgetItem(table_);
    it->setData(Lesson, Qt::UserRole, id);
    it->setText(Lesson, title);
    it->setText(Completion, p.completed ? tr("✔ done") : QLocale().toString(qRound(p.completion * 100)) + QStringLiteral(" %"));
    if (p.bestScoreOutOf > 0) it->setText(Score, tr("%1 / %2").arg(p.bestScore).arg(questions > 0 ? questions : p.bestScoreOutOf));
    it->setText(Attempts, QLocale().toString(p.attempts));
    if (p.lastAttempt.isValid()) it->setText(Last, attemptTimeText(p.lastAttempt));
    seen << id;
  };
  for (const LessonEntry& e : library_->entries())
    if (e.available())
      addRow(e.id, e.title(lang), static_cast<int>(e.lesson->steps.size()), static_cast<int>(e.lesson->question_count()));
  // Progress of lessons this build does not ship (an older or a teacher's lesson) is still shown.
  for (const commitscope::LessonProgress& p : progress_->allSummaries())
    if (!seen.contains(p.lessonId)) addRow(p.lessonId, p.lessonId, 0, 0);
  select(keep);
  reset_->setEnabled(!selectedId().isEmpty());
  resetAll_->setEnabled(progress_->isUsable());
}

QString ProgressDialog::selectedId() const {
  const QTreeWidgetItem* it = table_->currentItem();
  return it ? it->data(Lesson, Qt::UserRole).toString() : QString();
}

void ProgressDialog::select(const QString& lessonId) {
  for (int i = 0; i < table_->topLevelItemCount(); ++i)
    if (table_->topLevelItem(i)->data(Lesson, Qt::UserRole).toString() == lessonId) table_->setCurrentItem(table_->topLevelItem(i));
}

QString ProgressDialog::statusText() const { return where_->text(); }

bool ProgressDialog::resetSelected() {
  const QString id = selectedId();
  if (id.isEmpty()) return false;
  const QTreeWidgetItem* it = table_->currentItem();
  if (!confirm_(tr("Forget every answer and step of “%1”? This cannot be undone.").arg(it->text(Lesson)))) return false;
  const bool ok = progress_->resetLesson(id);
  failure_ = ok ? QString() : tr("The lesson was NOT reset: %1").arg(progress_->lastMessage());
  refresh();
  return ok;
}

bool ProgressDialog::resetAll() {
  if (!confirm_(tr("Forget the progress of every lesson? This cannot be undone."))) return false;
  const bool ok = progress_->resetAll();
  failure_ = ok ? QString() : tr("The progress was NOT reset: %1").arg(progress_->lastMessage());
  refresh();
  return ok;
}

bool ProgressDialog::exportCsv(const QString& path, bool summaries, QString* error) {
  const bool ok = progress_->exportCsv(path, summaries ? commitscope::ProgressStore::CsvContent::Summaries
                                                       : commitscope::ProgressStore::CsvContent::Answers);
  if (!ok && error) *error = tr("%1 could not be written. %2").arg(path, progress_->lastMessage());
  return ok;
}
