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
  list_->setHeaderLabels({tr("Lesson"), tr("Topic"), tr("Time"), tr("Completed"), tr("Best score"), tr("Last attempt")});
  list_->setRootIsDecorated(false);
  list_->setAlternatingRowColors(true);
  list_->setUniformRowHeights(true);
  list_->setAllColumnsShowFocus(true);
  list_->header()->setStretchLastSection(false);
  list_->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
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
  start_ = buttons->addButton(tr("Start lesson"), QDialogButtonBox::AcceptRole);
  start_->setDefault(true);
  freePlay_ = buttons->addButton(tr("Free play"), QDialogButtonBox::ActionRole);
  freePlay_->setToolTip(tr("Open the lesson's scenario in the sandbox, without the lesson"));
  buttons->addButton(QDialogButtonBox::Close);
  connect(start_, &QPushButton::clicked, this, [this] { finish(Choice::Start); });
  connect(freePlay_, &QPushButton::clicked, this, [this] { finish(Choice::FreePlay); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);

  connect(list_, &QTreeWidget::currentItemChanged, this, &LessonBrowser::updateDetails);
  connect(list_, &QTreeWidget::itemActivated, this, [this] { finish(Choice::Start); });
  fill();
  resize(980, 640);
}

void LessonBrowser::fill() {
  list_->clear();
  const QString lang = language::current();
  int number = 0;
  for (const LessonEntry& e : library_->entries()) {
    ++number;
    auto* item = new QTreeWidgetItem(list_);
    item->setData(Title, Qt::UserRole, e.id);
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
    if (progress_ && progress_->isUsable()) {
      const commitscope::LessonProgress p = progress_->lessonSummary(e.id, static_cast<int>(l.steps.size()));
      if (p.completed) item->setText(Completion, tr("✔ done"));
      else if (p.stepsReached > 0) item->setText(Completion, QLocale().toString(qRound(p.completion * 100)) + QStringLiteral(" %"));
      else item->setText(Completion, tr("not started"));
      if (p.bestScoreOutOf > 0) item->setText(Score, tr("%1 / %2").arg(p.bestScore).arg(l.question_count()));
      if (p.lastAttempt.isValid()) item->setText(LastAttempt, attemptTimeText(p.lastAttempt));
    }
  }
  Q_UNUSED(number);
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
