#include "lesson_browser.hpp"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "language.hpp"
#include "lesson_library.hpp"
#include "lesson_session.hpp"
#include "progress_store.hpp"

LessonBrowser::LessonBrowser(const LessonLibrary* library, commitscope::ProgressStore* progress, bool hideScores,
                             QWidget* parent)
    : QDialog(parent), library_(library), progress_(progress), hideScores_(hideScores) {
  setWindowTitle(tr("Lessons"));
  setObjectName(QStringLiteral("LessonBrowser"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("Choose a lesson. Each one starts from its own scenario; your answers are saved as you give them."), this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  list_ = new QTreeWidget(this);
  list_->setColumnCount(ColumnCount);
  //: The column of lesson numbers ("No." as in number).
  list_->setHeaderLabels({tr("No."), tr("Lesson"), tr("Topic"), tr("Time"), tr("Take first"), tr("Completed"), tr("Best score"),
                          tr("Last attempt")});
  list_->headerItem()->setToolTip(Prerequisites, tr("Lessons to take before this one (by number)"));
  list_->setRootIsDecorated(false);
  list_->setAlternatingRowColors(true);
  list_->setUniformRowHeights(true);
  list_->setAllColumnsShowFocus(true);
  list_->header()->setStretchLastSection(false);
  list_->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
  list_->header()->setSectionResizeMode(Number, QHeaderView::ResizeToContents);
  for (int c = Topic; c < ColumnCount; ++c) list_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  list_->setColumnHidden(Score, hideScores_);
  details_ = new QLabel(this);
  details_->setWordWrap(true);
  details_->setTextFormat(Qt::RichText);
  details_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  details_->setMargin(8);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(details_);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(list_);
  split->addWidget(scroll);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  layout->addWidget(split, 1);

  auto* buttons = new QDialogButtonBox(this);
  continue_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
  start_ = buttons->addButton(tr("Start lesson"), QDialogButtonBox::AcceptRole);
  start_->setDefault(true);
  freePlay_ = buttons->addButton(tr("Free play"), QDialogButtonBox::ActionRole);
  freePlay_->setToolTip(tr("Open the lesson's scenario in the sandbox, without the lesson"));
  buttons->addButton(QDialogButtonBox::Close);
  connect(start_, &QPushButton::clicked, this, [this] { finish(Choice::Start); });
  connect(continue_, &QPushButton::clicked, this, [this] { finish(Choice::Continue); });
  connect(freePlay_, &QPushButton::clicked, this, [this] { finish(Choice::FreePlay); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);

  connect(list_, &QTreeWidget::currentItemChanged, this, &LessonBrowser::updateDetails);
  // Double-click: continue where the learner left off when there is something to continue.
  connect(list_, &QTreeWidget::itemActivated, this,
          [this] { finish(continue_->isVisible() ? Choice::Continue : Choice::Start); });
  fill();
  resize(1040, 640);
}

QString LessonBrowser::lessonNumber(const QString& id, int place) {
  int digits = 0;
  while (digits < id.size() && id.at(digits).isDigit()) ++digits;
  return digits > 0 ? id.left(digits) : QString::number(place);
}

void LessonBrowser::fill() {
  list_->clear();
  const QString lang = language::current();
  int number = 0;
  for (const LessonEntry& e : library_->entries()) {
    ++number;
    auto* item = new QTreeWidgetItem(list_);
    item->setData(Title, Qt::UserRole, e.id);
    item->setText(Number, lessonNumber(e.id, number));
    item->setTextAlignment(Number, Qt::AlignRight | Qt::AlignVCenter);
    if (!e.available()) {
      item->setText(Title, tr("%1 — unavailable").arg(e.title(lang)));
      item->setText(Topic, tr("(broken file)"));
      item->setToolTip(Title, e.problems.value(0));
      item->setForeground(Title, QColor(0xc6, 0x28, 0x28));
      for (int c = Topic; c < ColumnCount; ++c) item->setForeground(c, palette().color(QPalette::Disabled, QPalette::Text));
      continue;
    }
    const cs::Lesson& l = *e.lesson;
    item->setText(Title, e.title(lang));
    item->setToolTip(Title, lessonPlain(l.summary));
    item->setText(Topic, lessonTopicName(QString::fromStdString(l.topic)));
    item->setText(Minutes, tr("%1 min").arg(l.minutes));
    QStringList before;
    QStringList names;
    for (const auto& id : l.prerequisites) {
      const QString pid = QString::fromStdString(id);
      const LessonEntry* p = library_->find(pid);
      int place = 0;
      for (std::size_t k = 0; k < library_->entries().size(); ++k)
        if (library_->entries()[k].id == pid) place = static_cast<int>(k) + 1;
      before << lessonNumber(pid, place);
      names << (p ? p->title(lang) : pid);
    }
    item->setText(Prerequisites, before.join(QStringLiteral(", ")));
    item->setToolTip(Prerequisites, names.join(QLatin1Char('\n')));
    if (progress_ && progress_->isUsable()) {
      const commitscope::LessonProgress p = progress_->lessonSummary(e.id, static_cast<int>(l.steps.size()));
      if (p.completed) item->setText(Completion, tr("✔ done"));
      else if (p.stepsReached > 0) item->setText(Completion, QLocale().toString(qRound(p.completion * 100)) + QStringLiteral(" %"));
      else item->setText(Completion, tr("not started"));
      if (p.bestScoreOutOf > 0) item->setText(Score, tr("%1 / %2").arg(p.bestScore).arg(l.question_count()));
      if (p.lastAttempt.isValid()) item->setText(LastAttempt, attemptTimeText(p.lastAttempt));
    }
  }
  if (list_->topLevelItemCount() > 0) {
    // Start where the learner is: the first lesson not completed yet.
    QTreeWidgetItem* pick = list_->topLevelItem(0);
    for (int i = 0; i < list_->topLevelItemCount(); ++i) {
      QTreeWidgetItem* it = list_->topLevelItem(i);
      const LessonEntry* e = library_->find(it->data(Title, Qt::UserRole).toString());
      if (e && e->available() && it->text(Completion) != tr("✔ done")) {
        pick = it;
        break;
      }
    }
    list_->setCurrentItem(pick);
  }
  updateDetails();
}

void LessonBrowser::updateDetails() {
  const LessonEntry* e = library_->find(selectedId());
  start_->setEnabled(e && e->available());
  freePlay_->setEnabled(e && e->available());
  start_->setText(tr("Start lesson"));
  continue_->hide();
  if (!e) {
    details_->setText(library_->entries().empty() ? tr("No lessons were found in %1.").arg(library_->directory().toHtmlEscaped())
                                                  : QString());
    return;
  }
  const QString lang = language::current();
  if (!e->available()) {
    QString h = tr("<p><b>This lesson cannot be opened.</b> Its file has problems; the rest of the app is unaffected. "
                   "A teacher or the lesson's author can fix them:</p>");
    h += QStringLiteral("<pre style='color:#c62828;'>");
    for (const QString& p : e->problems) h += p.toHtmlEscaped() + QLatin1Char('\n');
    h += QStringLiteral("</pre>");
    details_->setText(h);
    return;
  }
  const cs::Lesson& l = *e->lesson;
  QString h = QStringLiteral("<h3>%1</h3>").arg(e->title(lang).toHtmlEscaped());
  h += lessonHtml(l.summary);
  QStringList prereqs;
  for (const auto& id : l.prerequisites) {
    const LessonEntry* p = library_->find(QString::fromStdString(id));
    prereqs << (p ? p->title(lang) : QString::fromStdString(id)).toHtmlEscaped();
  }
  if (!prereqs.isEmpty()) h += tr("<p><b>Take first:</b> %1</p>").arg(prereqs.join(QStringLiteral(" · ")));
  h += tr("<p>%1 steps · %2 questions · about %3 minutes</p>").arg(l.steps.size()).arg(l.question_count()).arg(l.minutes);
  // A lesson left halfway: continue at the step the learner was on, with the score so far.
  if (progress_ && progress_->isUsable()) {
    const commitscope::ResumePoint at = progress_->resumePoint(e->id);
    const int step = LessonSession::resumeIndex(l, at);
    if (at.canContinue() && (step > 0 || !at.answers.isEmpty())) {
      continue_->setText(tr("Continue at step %1").arg(step + 1));
      continue_->setToolTip(tr("Where you left off, with your answers and score so far"));
      continue_->show();
      continue_->setDefault(true);
      start_->setText(tr("Start over"));
      start_->setToolTip(tr("A new attempt from step 1 (your earlier attempts stay in your progress)"));
      h += hideScores_ ? tr("<p><b>You left this lesson at step %1 of %2.</b> Continue there, or start over.</p>")
                             .arg(step + 1)
                             .arg(l.steps.size())
                       : tr("<p><b>You left this lesson at step %1 of %2.</b> Score so far: %3 of %4. Continue there, or "
                            "start over.</p>")
                             .arg(step + 1)
                             .arg(l.steps.size())
                             .arg(at.score())
                             .arg(l.question_count());
    } else {
      start_->setDefault(true);
      start_->setToolTip(QString());
    }
  }
  details_->setText(h);
}

QString LessonBrowser::selectedId() const {
  const QTreeWidgetItem* it = list_->currentItem();
  return it ? it->data(Title, Qt::UserRole).toString() : QString();
}

void LessonBrowser::select(const QString& id) {
  for (int i = 0; i < list_->topLevelItemCount(); ++i)
    if (list_->topLevelItem(i)->data(Title, Qt::UserRole).toString() == id) list_->setCurrentItem(list_->topLevelItem(i));
}

void LessonBrowser::finish(Choice c) {
  const LessonEntry* e = library_->find(selectedId());
  if (!e || !e->available()) return;
  choice_ = c;
  accept();
}
