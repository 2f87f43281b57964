#include "lesson_panel.hpp"

#include "projector_style.hpp"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

#include "engine_text.hpp"
#include "hint_icon.hpp"
#include "lab_controller.hpp"
#include "lesson_library.hpp"
#include "lesson_session.hpp"
#include "scenario/lesson_texts.hpp"

namespace {

// Feedback colours: readable on the light panel in both the normal and the projector palette.
const char* const kGood = "#1a7f37";
const char* const kBad = "#c62828";
const char* const kWait = "#8a5a00";

QLabel* wrapLabel(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setWordWrap(true);
  l->setTextFormat(Qt::RichText);
  l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  l->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  return l;
}

QString coloured(const char* colour, const QString& html) {
  return QStringLiteral("<div style='color:%1;'>%2</div>").arg(QLatin1String(colour), html);
}

// What an action step does, in words (shown while the lab plays it).
QString actionText(const cs::LessonAction& a, const LabController& c) {
  switch (a.kind) {
    case cs::ActionKind::PlayUntilTime:
      return LessonPanel::tr("playing to %1 ms").arg(static_cast<double>(a.time) / 1000.0);
    case cs::ActionKind::PlayUntilState:
      return LessonPanel::tr("playing until %1 is in %2").arg(c.nodeName(a.node), EngineText::stateAt(c.info(), a.state));
    case cs::ActionKind::PlayUntilCondition:
      return LessonPanel::tr("playing until the moment the lesson needs");
    case cs::ActionKind::Fault:
      return EngineText::faultDescription(a.fault, c.sim());
    case cs::ActionKind::Step:
      return LessonPanel::tr("dispatching %n event(s)", nullptr, static_cast<int>(a.count));
    case cs::ActionKind::Restart:
      return LessonPanel::tr("starting the run again with other settings");
    case cs::ActionKind::Show:
      return LessonPanel::tr("opening a view");
    case cs::ActionKind::SwitchScenario:
      return LessonPanel::tr("switching to another scenario");
  }
  return {};
}

}  // namespace

LessonPanel::LessonPanel(LessonSession* session, QWidget* parent) : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("LessonPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->setSpacing(6);

  title_ = new QLabel(this);
  title_->setWordWrap(true);
  title_->setTextFormat(Qt::PlainText);
  meta_ = new QLabel(this);
  meta_->setTextFormat(Qt::PlainText);
  meta_->setForegroundRole(QPalette::PlaceholderText);
  layout->addWidget(title_);
  layout->addWidget(meta_);

  steps_ = new QListWidget(this);
  steps_->setAlternatingRowColors(true);
  steps_->setUniformItemSizes(true);
  steps_->setMaximumHeight(170);
  steps_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  steps_->setTextElideMode(Qt::ElideRight);
  connect(steps_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    const int i = steps_->row(item);
    if (session_->canJumpTo(i)) session_->jumpTo(i);
    else refresh();  // put the selection back on the current step
  });
  layout->addWidget(steps_);

  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* body = new QWidget(scroll_);
  auto* bl = new QVBoxLayout(body);
  bl->setContentsMargins(2, 4, 6, 4);
  bl->setSpacing(8);
  kind_ = new QLabel(body);
  kind_->setTextFormat(Qt::PlainText);
  kind_->setForegroundRole(QPalette::Link);
  text_ = wrapLabel(body);
  more_ = new QPushButton(body);
  more_->setObjectName(QStringLiteral("LessonMore"));
  more_->setCheckable(true);
  more_->setFlat(true);
  more_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  connect(more_, &QPushButton::toggled, this, [this](bool) { refresh(); });
  moreText_ = wrapLabel(body);
  moreText_->setObjectName(QStringLiteral("LessonMoreText"));
  optionsBox_ = new QWidget(body);
  optionsLayout_ = new QVBoxLayout(optionsBox_);
  optionsLayout_->setContentsMargins(0, 0, 0, 0);
  optionsLayout_->setSpacing(4);
  submit_ = new QPushButton(body);
  connect(submit_, &QPushButton::clicked, this, &LessonPanel::submit);
  runResult_ = new QPushButton(body);
  runResult_->setObjectName(QStringLiteral("LessonRunToResult"));
  runResult_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
  connect(runResult_, &QPushButton::clicked, session_, &LessonSession::runToResult);
  hints_ = new QWidget(body);
  hintsLayout_ = new QVBoxLayout(hints_);
  hintsLayout_->setContentsMargins(0, 0, 0, 0);
  hint_ = new QPushButton(body);
  hint_->setIcon(hinticon::icon());
  connect(hint_, &QPushButton::clicked, session_, &LessonSession::showHint);
  // The verdict comes right after the options: what was chosen and whether it was right, then what
  // to do (try again, see the answer), then the explanations.
  feedback_ = wrapLabel(body);
  feedback_->setObjectName(QStringLiteral("LessonVerdict"));
  tryAgain_ = new QPushButton(body);
  connect(tryAgain_, &QPushButton::clicked, session_, &LessonSession::tryAgain);
  showAnswer_ = new QPushButton(body);
  connect(showAnswer_, &QPushButton::clicked, session_, &LessonSession::revealAnswer);
  explain_ = wrapLabel(body);
  explain_->setObjectName(QStringLiteral("LessonExplanations"));
  retry_ = new QPushButton(body);
  connect(retry_, &QPushButton::clicked, session_, &LessonSession::retryStep);
  variant_ = new QPushButton(body);
  variant_->setObjectName(QStringLiteral("LessonTryVariant"));
  connect(variant_, &QPushButton::clicked, session_, &LessonSession::tryVariant);
  skip_ = new QPushButton(body);
  connect(skip_, &QPushButton::clicked, session_, &LessonSession::skipAnimation);
  solution_ = new QPushButton(body);
  connect(solution_, &QPushButton::clicked, session_, &LessonSession::showSolution);
  reveal_ = new QPushButton(body);
  connect(reveal_, &QPushButton::clicked, session_, &LessonSession::revealAnswer);
  browse_ = new QPushButton(body);
  connect(browse_, &QPushButton::clicked, this, &LessonPanel::browseRequested);
  bl->addWidget(kind_);
  bl->addWidget(text_);
  bl->addWidget(more_, 0, Qt::AlignLeft);
  bl->addWidget(moreText_);
  bl->addWidget(optionsBox_);
  for (QPushButton* b : {submit_, runResult_, hint_, tryAgain_, showAnswer_, retry_, variant_, skip_, solution_, reveal_, browse_}) {
    b->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  }
  bl->addWidget(submit_, 0, Qt::AlignLeft);
  bl->addWidget(runResult_, 0, Qt::AlignLeft);
  bl->addWidget(feedback_);
  auto* again = new QHBoxLayout;
  again->setSpacing(6);
  again->addWidget(tryAgain_);
  again->addWidget(showAnswer_);
  again->addStretch(1);
  bl->addLayout(again);
  bl->addWidget(explain_);
  bl->addWidget(hints_);
  bl->addWidget(hint_, 0, Qt::AlignLeft);
  auto* tools = new QHBoxLayout;
  tools->setSpacing(6);
  for (QPushButton* b : {retry_, variant_, skip_, solution_, reveal_}) tools->addWidget(b);
  tools->addStretch(1);
  bl->addLayout(tools);
  bl->addWidget(browse_, 0, Qt::AlignLeft);
  bl->addStretch(1);
  scroll_->setWidget(body);
  layout->addWidget(scroll_, 1);

  // Outside the scroll area: a learner must see that an answer was lost without scrolling to it.
  saveNotice_ = wrapLabel(this);
  saveNotice_->setObjectName(QStringLiteral("LessonSaveNotice"));
  saveNotice_->setFrameShape(QFrame::StyledPanel);
  saveNotice_->setContentsMargins(6, 4, 6, 4);
  saveNotice_->hide();
  layout->addWidget(saveNotice_);

  auto* nav = new QHBoxLayout;
  back_ = new QPushButton(this);
  back_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
  next_ = new QPushButton(this);
  next_->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
  next_->setLayoutDirection(Qt::RightToLeft);  // the arrow after the word
  next_->setDefault(true);
  connect(back_, &QPushButton::clicked, session_, &LessonSession::back);
  connect(next_, &QPushButton::clicked, session_, &LessonSession::next);
  nav->addWidget(back_);
  nav->addStretch(1);
  nav->addWidget(next_);
  layout->addLayout(nav);

  footer_ = new QWidget(this);
  auto* footer = new QHBoxLayout(footer_);
  footer->setContentsMargins(0, 0, 0, 0);
  teacher_ = new QCheckBox(this);
  connect(teacher_, &QCheckBox::toggled, this, &LessonPanel::teacherModeToggled);
  freePlay_ = new QPushButton(this);
  connect(freePlay_, &QPushButton::clicked, this, &LessonPanel::freePlayRequested);
  close_ = new QPushButton(this);
  close_->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
  connect(close_, &QPushButton::clicked, this, &LessonPanel::closeRequested);
  footer->addWidget(teacher_);
  footer->addStretch(1);
  footer->addWidget(freePlay_);
  footer->addWidget(close_);
  layout->addWidget(footer_);

  connect(session_, &LessonSession::changed, this, &LessonPanel::refresh);
  applyFonts();
  retranslate();
}

void LessonPanel::applyFonts() {
  // Derived from the panel's font each time it changes, so projector mode (a larger application
  // font) enlarges the title and the step kind too.
  QFont tf = font();
  tf.setBold(true);
  // On a projector the type is already large and the title shares its line with "Step n of m".
  if (!projector::isOn()) tf.setPointSizeF(tf.pointSizeF() * 1.25);
  title_->setFont(tf);
  QFont kf = font();
  kf.setBold(true);
  kf.setCapitalization(QFont::AllUppercase);
  kf.setPointSizeF(kf.pointSizeF() * 0.85);
  kind_->setFont(kf);
  fitStepList();
  applyPresentation();
}

void LessonPanel::applyPresentation() {
  // On a projector the question, its options and the verdict must fit the panel without scrolling
  // (1280 x 720 at 1.7x type): the step list and the footer give their room up. "Step n of m" stays
  // in view; Teacher mode, Free play and Close stay in the Lessons menu.
  const bool on = projector::isOn();
  steps_->setVisible(!on);
  footer_->setVisible(!on);
  layout()->setSpacing(on ? 2 : 6);
  meta_->setVisible(!on);
  if (auto* bl = qobject_cast<QVBoxLayout*>(scroll_->widget()->layout())) bl->setSpacing(on ? 4 : 8);
  optionsLayout_->setSpacing(on ? 2 : 4);
  refresh();  // the title line differs
}

QWidget* LessonPanel::scrollViewport() const { return scroll_->viewport(); }

void LessonPanel::fitStepList() {
  // About five rows: enough to see where you are, leaving the room to the step's own text. Three on
  // a projector, where the large type makes the question and its options need every line.
  const int rows = projector::isOn() ? 3 : 5;
  const int rowH = std::max(QFontMetrics(font()).height(), steps_->sizeHintForRow(0));  // -1 while empty
  steps_->setMaximumHeight(rowH * rows + 2 * steps_->frameWidth() + 4);
}

void LessonPanel::changeEvent(QEvent* e) {
  QWidget::changeEvent(e);
  if (e->type() == QEvent::LanguageChange) retranslate();
  if (e->type() == QEvent::FontChange) applyFonts();
}

void LessonPanel::retranslate() {
  submit_->setText(tr("Check my answer"));
  runResult_->setText(tr("Run to the result"));
  runResult_->setToolTip(tr("Play the run quickly to the moment the question is about, then compare it with your "
                            "prediction"));
  tryAgain_->setText(tr("Try again"));
  tryAgain_->setToolTip(tr("Choose again; your score keeps counting your first answer"));
  showAnswer_->setText(tr("Show the answer"));
  showAnswer_->setToolTip(tr("Mark the right answer and show every explanation"));
  retry_->setText(tr("Retry this step"));
  retry_->setToolTip(tr("Go back to where this step began and try again (the run replays exactly)"));
  variant_->setText(tr("Try a variant"));
  variant_->setToolTip(tr("The same question on another run of this lesson (another seed): what happens there decides "
                          "the right answer. Practice only: your score keeps your first answer."));
  skip_->setText(tr("Skip ahead"));
  skip_->setToolTip(tr("Jump to where the lesson is playing the run, without the animation"));
  solution_->setText(tr("Show me"));
  solution_->setToolTip(tr("Teacher mode: perform this step's own solution on the canvas"));
  reveal_->setText(tr("Reveal the answer"));
  reveal_->setToolTip(tr("Teacher mode: mark the right answer and show every explanation"));
  browse_->setText(tr("Choose another lesson…"));
  back_->setText(tr("Back"));
  back_->setToolTip(tr("The previous step; the run goes back to where that step began"));
  teacher_->setText(tr("Teacher mode"));
  teacher_->setToolTip(tr("Jump to any step, reveal answers and hide scores"));
  freePlay_->setText(tr("Free play"));
  freePlay_->setToolTip(tr("Leave the lesson and keep experimenting with this scenario in the sandbox"));
  close_->setText(tr("Close"));
  close_->setToolTip(tr("Close the lesson (answers already given are kept)"));
  builtFor_ = -1;  // option texts are in the lesson's language: rebuild them
  rebuildSteps();
  refresh();
}

QString LessonPanel::stepLabel(int i) const {
  const cs::Lesson* lesson = session_->lesson();
  const cs::LessonStep& s = lesson->steps[static_cast<std::size_t>(i)];
  QString kind;
  QString text;
  switch (s.kind) {
    case cs::StepKind::Narration:
      kind = tr("Read");
      text = lessonPlain(s.text);
      break;
    case cs::StepKind::Action:
      kind = tr("The lab");
      text = actionText(s.action, *session_->controller());
      break;
    case cs::StepKind::Task:
      kind = tr("Your turn");
      text = lessonPlain(s.text);
      break;
    case cs::StepKind::Quiz:
      kind = tr("Question");
      text = lessonPlain(s.quiz.question);
      break;
  }
  return tr("%1. %2: %3").arg(i + 1).arg(kind, text);
}

void LessonPanel::rebuildSteps() {
  steps_->clear();
  if (!session_->isActive()) return;
  for (int i = 0; i < session_->stepCount(); ++i) {
    auto* item = new QListWidgetItem(stepLabel(i), steps_);
    item->setToolTip(stepLabel(i));
  }
  fitStepList();
}

void LessonPanel::rebuildOptions() {
  for (QWidget* w : optionRows_) {
    // Out of the layout at once: deleteLater waits for the event loop, and until then the old rows
    // would still take their room above the new ones.
    optionsLayout_->removeWidget(w);
    w->hide();
    w->deleteLater();
  }
  options_.clear();
  optionLabels_.clear();
  optionRows_.clear();
  order_.clear();
  delete group_;
  group_ = nullptr;
  const cs::LessonStep* s = session_->currentStep();
  if (!s || session_->finished() || s->kind != cs::StepKind::Quiz || s->quiz.kind == cs::QuizKind::MakeItHappen) return;
  const bool multiple = s->quiz.kind == cs::QuizKind::Choice && s->quiz.correct.size() > 1;
  group_ = new QButtonGroup(this);
  group_->setExclusive(!multiple);
  order_ = session_->optionOrder(session_->currentIndex());
  for (std::size_t i = 0; i < order_.size(); ++i) {  // i: the position shown
    // A radio button cannot wrap its text, so each option is a bare button plus a word-wrapped label
    // that toggles it when clicked.
    auto* row = new QWidget(optionsBox_);
    auto* rl = new QHBoxLayout(row);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->setSpacing(6);
    QAbstractButton* b = multiple ? static_cast<QAbstractButton*>(new QCheckBox(row))
                                  : static_cast<QAbstractButton*>(new QRadioButton(row));
    auto* label = wrapLabel(row);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    label->setCursor(Qt::PointingHandCursor);
    label->setProperty("optionIndex", static_cast<int>(i));
    label->installEventFilter(this);
    rl->addWidget(b, 0, Qt::AlignTop);
    rl->addWidget(label, 1);
    group_->addButton(b, static_cast<int>(order_[i]));
    optionsLayout_->addWidget(row);
    options_.push_back(b);
    optionLabels_.push_back(label);
    optionRows_.push_back(row);
    connect(b, &QAbstractButton::toggled, this, [this] {
      submit_->setEnabled(group_ && group_->checkedButton() != nullptr);
    });
  }
}

bool LessonPanel::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonRelease) {
    const QVariant v = watched->property("optionIndex");
    if (v.isValid()) {
      const auto i = static_cast<std::size_t>(v.toInt());
      if (i < options_.size() && options_[i]->isEnabled()) options_[i]->click();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

void LessonPanel::submit() {
  const cs::LessonStep* s = session_->currentStep();
  if (!s || !group_) return;
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < options_.size(); ++i)
    if (options_[i]->isChecked()) chosen.push_back(order_[i]);  // answers are lesson-file indices
  if (chosen.empty()) return;
  std::sort(chosen.begin(), chosen.end());
  if (s->quiz.kind == cs::QuizKind::Predict) session_->answerPredict(chosen.front());
  else session_->answerChoice(chosen);
}

QAbstractButton* LessonPanel::optionButton(std::size_t lessonIndex) const {
  for (std::size_t k = 0; k < order_.size() && k < options_.size(); ++k)
    if (order_[k] == lessonIndex) return options_[k];
  return nullptr;
}

QChar LessonPanel::optionLetter(std::size_t lessonIndex) const {
  const auto at = std::find(order_.begin(), order_.end(), lessonIndex);
  const auto k = at == order_.end() ? lessonIndex : static_cast<std::size_t>(at - order_.begin());
  return QChar(u'A' + static_cast<char16_t>(k));
}

QString LessonPanel::feedbackText() const { return feedback_->text(); }
QString LessonPanel::bodyText() const { return text_->text(); }

namespace {

// Whether the step's solution (a task's, or a make-it-happen question's) makes a fault: without one,
// stepping or playing is all the task asks for.
bool solvedWithFaults(const cs::LessonStep& s) {
  const auto& solution = s.kind == cs::StepKind::Quiz ? s.quiz.solution : s.solution;
  return solution.empty() || std::any_of(solution.begin(), solution.end(), [](const cs::LessonAction& a) {
           return a.kind == cs::ActionKind::Fault || a.kind == cs::ActionKind::Restart;
         });
}

}  // namespace

QString LessonPanel::statusHtml() const {
  using S = LessonSession::Status;
  const cs::LessonStep* s = session_->currentStep();
  const auto& st = session_->stepState(session_->currentIndex());
  QString h;
  switch (session_->status()) {
    case S::Playing:
      if (s->kind == cs::StepKind::Action)
        h = coloured(kWait, tr("▶ The lab is %1…").arg(actionText(s->action, *session_->controller()).toHtmlEscaped()));
      else
        h = coloured(kWait, tr("▶ Running to the result…"));
      break;
    case S::Waiting:
      // Point at the tools the task needs: a task solved by stepping alone said "right-click a node"
      // and sent learners looking for a fault to make.
      h = coloured(kWait, solvedWithFaults(*s)
                              ? tr("Waiting for you: act on the canvas (right-click a node, click a link, or use the "
                                   "Faults menu), then press Play (Space). The lesson checks the run after every event.")
                              : tr("Waiting for you: move the run forward with Step forward (→) or Play (Space). The "
                                   "lesson checks the run after every event."));
      break;
    case S::TooLate:
      h = coloured(kBad, tr("Too late: in this run the moment for this task has passed. Press “Retry this step” to go "
                            "back to where the step began."));
      break;
    case S::Failed:
      h = coloured(kBad, tr("The lesson could not perform this step: %1").arg(session_->error().toHtmlEscaped()));
      break;
    case S::Done:
      if (s->kind == cs::StepKind::Task)
        h = coloured(kGood, st.solved ? tr("✔ Done (the solution was shown).") : tr("✔ Done: the engine confirms it. Press Next."));
      if (session_->movedPastGoal())
        h += coloured(kWait, tr("The run has gone on since the goal held: Next continues from the moment it held, and "
                                "“Retry this step” goes back to where the step began."));
      break;
    case S::Ready:
      if (session_->awaitingResult())
        h = tr("Your prediction: <b>%1</b>. Press “Run to the result” to see what happens.")
                .arg(optionLetter(st.chosen.front()));
      else if (s->kind == cs::StepKind::Quiz && s->quiz.kind == cs::QuizKind::Predict)
        h = tr("The run is stopped before the outcome. Choose what you think happens next and lock it in; then run "
               "to the result.");
      break;
  }
  if (!session_->error().isEmpty() && session_->status() != S::Failed)
    h += coloured(kWait, session_->error().toHtmlEscaped());
  return h;
}

void LessonPanel::refresh() {
  const bool active = session_->isActive();
  setEnabled(active);
  if (!active) {
    title_->clear();
    meta_->clear();
    steps_->clear();
    builtFor_ = -1;
    saveNotice_->hide();
    return;
  }
  const QString unsaved = session_->saveProblem();
  saveNotice_->setText(coloured(kBad, QStringLiteral("⚠ ") + unsaved.toHtmlEscaped()));
  saveNotice_->setVisible(!unsaved.isEmpty());
  const cs::Lesson& lesson = *session_->lesson();
  if (steps_->count() != session_->stepCount() || title_->text().isEmpty()) rebuildSteps();
  const QString lessonTitle = QString::fromStdString(lesson.title.in(lessonLanguageKey()));
  const bool teacher = session_->teacherMode();
  {
    const QSignalBlocker block(teacher_);
    teacher_->setChecked(teacher);
  }
  const int index = session_->currentIndex();
  const bool finished = session_->finished();
  QString meta = finished ? tr("Lesson complete") : tr("Step %1 of %2").arg(index + 1).arg(session_->stepCount());
  if (!teacher) meta += tr("  ·  Score %1 of %2").arg(session_->score()).arg(session_->questionCount());
  else meta += tr("  ·  Teacher mode");
  meta_->setText(meta);
  if (projector::isOn()) {  // one line: the title, then where the class is
    // A long title wraps the line: it may break between "Step 3 of 23" and "Score 0 of 4", never
    // inside one of them ("Score 0 / of 4" read as two facts at the back of a room).
    QStringList parts = meta.split(QChar(0x00B7));
    for (QString& part : parts) part = part.trimmed().replace(QLatin1Char(' '), QChar(0x00A0));
    title_->setTextFormat(Qt::RichText);
    title_->setText(QStringLiteral("%1 <span style='font-weight:normal;'>· %2</span>")
                        .arg(lessonTitle.toHtmlEscaped(), parts.join(QStringLiteral(" \u00B7 ")).toHtmlEscaped()));
  } else {
    title_->setTextFormat(Qt::PlainText);
    title_->setText(lessonTitle);
  }

  // Step list: a mark per step (done, current, still to come) in front of its label.
  for (int i = 0; i < steps_->count(); ++i) {
    QListWidgetItem* item = steps_->item(i);
    const auto& st = session_->stepState(i);
    const QString mark = (i == index && !finished) ? QStringLiteral("▶ ") : st.done ? QStringLiteral("✔ ") : QStringLiteral("○ ");
    item->setText(mark + stepLabel(i));
    item->setFlags(session_->canJumpTo(i) ? (Qt::ItemIsEnabled | Qt::ItemIsSelectable) : Qt::ItemIsSelectable);
  }
  if (!finished) {
    steps_->setCurrentRow(index);
    steps_->scrollToItem(steps_->item(index));
  } else {
    steps_->clearSelection();
  }

  // A retry starts from fresh, unchecked options.
  const bool retrying = !finished && session_->stepState(index).retrying;
  // A new try or teacher mode brings another order.
  const bool reordered = !finished && !options_.empty() && session_->optionOrder(index) != order_;
  if (builtFor_ != index || builtFinished_ != finished || builtRetrying_ != retrying || reordered) {
    rebuildOptions();
    builtFor_ = index;
    builtFinished_ = finished;
    builtRetrying_ = retrying;
    scroll_->verticalScrollBar()->setValue(0);
  }

  for (QWidget* w : std::initializer_list<QWidget*>{submit_, runResult_, hint_, hints_, tryAgain_, showAnswer_, explain_, retry_, variant_, skip_,
                                                     solution_, reveal_, browse_})
    w->hide();
  optionsBox_->setVisible(!options_.empty());

  back_->setEnabled(session_->canGoBack());
  next_->setEnabled(session_->canGoNext());
  next_->setText(index + 1 >= session_->stepCount() ? tr("Finish") : tr("Next"));

  if (finished) {
    kind_->setText(tr("Well done"));
    text_->setText(finishedHtml(lessonTitle, teacher));
    more_->hide();
    moreText_->hide();
    feedback_->clear();
    feedback_->hide();
    browse_->show();
    return;
  }

  const cs::LessonStep& s = lesson.steps[static_cast<std::size_t>(index)];
  const auto& st = session_->stepState(index);
  QString body;
  switch (s.kind) {
    case cs::StepKind::Narration:
      kind_->setText(tr("Read"));
      body = lessonHtml(session_->filled(s.text, lessonLanguageKey()).toStdString());
      break;
    case cs::StepKind::Action:
      kind_->setText(tr("The lab"));
      body = QStringLiteral("<p>%1</p>").arg(actionText(s.action, *session_->controller()).toHtmlEscaped());
      break;
    case cs::StepKind::Task:
      kind_->setText(tr("Your turn"));
      body = lessonHtml(session_->filled(s.text, lessonLanguageKey()).toStdString());
      break;
    case cs::StepKind::Quiz:
      switch (s.quiz.kind) {
        case cs::QuizKind::Choice:
          kind_->setText(s.quiz.correct.size() > 1 ? tr("Question · choose every right answer") : tr("Question"));
          break;
        case cs::QuizKind::Predict: kind_->setText(tr("Question · predict")); break;
        case cs::QuizKind::MakeItHappen:
          kind_->setText(tr("Question · make it happen"));
          break;
      }
      body = lessonHtml(session_->filled(s.quiz.question, lessonLanguageKey()).toStdString());
      break;
  }
  text_->setText(body);
  refreshMore(index, s);

  refreshOptions();
  refreshHints();

  QString fb = verdictHtml();
  if (fb.isEmpty()) fb = statusHtml();
  if (session_->inVariant())
    fb = coloured(kWait, tr("<b>Variant %1</b> · seed %2: the same question on another run. The engine decides the right "
                            "answer on this run; your score keeps your first answer.")
                             .arg(st.variants)
                             .arg(st.variantSeed)) +
         fb;
  feedback_->setText(fb);
  feedback_->setVisible(!fb.isEmpty());
  const QString why = explanationsHtml();
  explain_->setText(why);
  explain_->setVisible(!why.isEmpty());

  using S = LessonSession::Status;
  const bool choice = s.kind == cs::StepKind::Quiz && s.quiz.kind == cs::QuizKind::Choice;
  const bool wrong = choice && st.answered && !st.retrying && !st.correct;
  tryAgain_->setVisible(wrong);
  showAnswer_->setVisible(wrong && !st.revealed);
  const bool goalStep = s.kind == cs::StepKind::Task || (s.kind == cs::StepKind::Quiz && s.quiz.kind == cs::QuizKind::MakeItHappen);
  // Also once done: a learner who played on past the goal can go back to where the step began.
  retry_->setVisible(goalStep && (session_->status() == S::TooLate || session_->status() == S::Waiting ||
                                  session_->status() == S::Done));
  skip_->setVisible(session_->status() == S::Playing && session_->controller()->isAnimating());
  variant_->setVisible(session_->canTryVariant());
  solution_->setVisible(teacher && goalStep && session_->status() != S::Done);
  reveal_->setVisible(teacher && s.kind == cs::StepKind::Quiz && s.quiz.kind != cs::QuizKind::MakeItHappen && !st.answered && !st.revealed);
}

// The longer explanation of a narration or task, collapsed under "More" until asked for; each step
// starts collapsed, so a projected step shows only its short text.
void LessonPanel::refreshMore(int index, const cs::LessonStep& s) {
  if (moreFor_ != index) {
    moreFor_ = index;
    const QSignalBlocker block(more_);
    more_->setChecked(false);
  }
  const bool has = s.more.has_value();
  more_->setVisible(has);
  more_->setText(more_->isChecked() ? tr("▾ Less") : tr("▸ More"));
  more_->setToolTip(tr("The longer explanation of this step"));
  moreText_->setVisible(has && more_->isChecked());
  moreText_->setText(has ? lessonHtml(*s.more) : QString());
}

// The end of a lesson: the score, what the learner can now do, and the primary sources.
QString LessonPanel::finishedHtml(const QString& lessonTitle, bool teacher) const {
  const cs::Lesson& lesson = *session_->lesson();
  const int score = session_->score();
  const int total = session_->questionCount();
  QString h = tr("<p>You have finished <b>%1</b>.</p>").arg(lessonTitle.toHtmlEscaped());
  if (!teacher) h += tr("<p>Questions right at the first try: <b>%1 of %2</b>.</p>").arg(score).arg(total);
  if (lesson.recap) h += QStringLiteral("<p><b>%1</b></p>").arg(tr("You can now")) + lessonHtml(*lesson.recap);
  if (!lesson.sources.empty()) {
    h += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Sources"));
    for (const std::string& key : lesson.sources)
      if (const cs::SourceInfo* src = cs::find_source(key))
        h += QStringLiteral("<li>%1</li>").arg(QString::fromUtf8(src->citation.data(), static_cast<qsizetype>(src->citation.size())).toHtmlEscaped());
    h += QStringLiteral("</ul>");
  }
  if (session_->unsavedCount() == 0)
    h += tr("<p>Your progress is saved. Open the scenario in <b>Free play</b> to keep experimenting, or choose the next "
            "lesson.</p>");
  else
    h += coloured(kBad, tr("<p><b>Not all of your progress was saved:</b> %n answer(s) or step(s) could not be written "
                           "to the progress file.</p>",
                           nullptr, session_->unsavedCount())) +
         tr("<p>Open the scenario in <b>Free play</b> to keep experimenting, or choose the next lesson.</p>");
  return h;
}

// Options: enabled until answered (or again after "Try again"); once answered the chosen ones stay
// checked, a wrong choice is marked ✖ and, when the answer is shown, the right ones ✔.
void LessonPanel::refreshOptions() {
  if (options_.empty()) return;
  const cs::LessonStep& s = *session_->currentStep();
  const auto& st = session_->stepState(session_->currentIndex());
  const bool answered = st.answered && !st.retrying;
  const bool playing = session_->status() == LessonSession::Status::Playing;
  const bool showRight = (answered && (st.correct || st.revealed || s.quiz.kind == cs::QuizKind::Predict)) ||
                         (!st.answered && st.revealed);
  const auto has = [](const std::vector<std::size_t>& v, std::size_t i) { return std::find(v.begin(), v.end(), i) != v.end(); };
  const bool predicted = s.quiz.kind == cs::QuizKind::Predict && !st.chosen.empty() && !answered;  // locked in
  for (std::size_t k = 0; k < options_.size(); ++k) {
    const std::size_t i = order_[k];  // k: shown position; i: the option in the lesson file
    QAbstractButton* b = options_[k];
    b->setEnabled(!answered && !playing && !predicted);
    if (answered || predicted) {
      const QSignalBlocker block(b);
      b->setChecked(has(st.chosen, i));
    }
    // An answered prediction is right where the run went: on a variant that need not be the lesson's answer.
    const bool predicted_run = s.quiz.kind == cs::QuizKind::Predict && answered;
    const bool right = predicted_run ? has(st.happened, i) : has(s.quiz.correct, i);
    const bool chosenWrong = answered && has(st.chosen, i) && !right;
    const QString mark = showRight && right ? QStringLiteral("<span style='color:%1;'>✔</span> ").arg(QLatin1String(kGood))
                         : chosenWrong      ? QStringLiteral("<span style='color:%1;'>✖</span> ").arg(QLatin1String(kBad))
                                            : QString();
    optionLabels_[k]->setText(QStringLiteral("<b>%1.</b> %2%3")
                                  .arg(QChar(u'A' + static_cast<char16_t>(k)))
                                  .arg(mark, lessonPlain(s.quiz.options[i].text).toHtmlEscaped()));
  }
  if (!answered && !predicted) {
    submit_->setText(s.quiz.kind == cs::QuizKind::Predict ? tr("Lock in my prediction") : tr("Check my answer"));
    submit_->setEnabled(group_ && group_->checkedButton() && !playing);
    submit_->show();
  }
  runResult_->setVisible(session_->awaitingResult());
}

void LessonPanel::refreshHints() {
  const cs::LessonStep& s = *session_->currentStep();
  const auto& st = session_->stepState(session_->currentIndex());
  const std::vector<cs::LocalizedText>* hints = s.kind == cs::StepKind::Task ? &s.hints
                                                : (s.kind == cs::StepKind::Quiz && s.quiz.kind == cs::QuizKind::MakeItHappen)
                                                    ? &s.quiz.hints
                                                    : nullptr;
  while (QLayoutItem* item = hintsLayout_->takeAt(0)) {
    if (item->widget()) item->widget()->deleteLater();
    delete item;
  }
  if (!hints) return;
  const int shown = std::min(st.hintsShown, static_cast<int>(hints->size()));
  // Each hint behind a drawn bulb (not the emoji, which is an empty box without an emoji font).
  const int side = QFontMetrics(font()).height();
  for (int i = 0; i < shown; ++i) {
    auto* row = new QWidget(hints_);
    auto* rl = new QHBoxLayout(row);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* icon = new QLabel(row);
    icon->setObjectName(QStringLiteral("LessonHintIcon"));
    icon->setPixmap(hinticon::pixmap(side, devicePixelRatioF()));
    auto* text = wrapLabel(row);
    text->setText(lessonHtml((*hints)[static_cast<std::size_t>(i)]));
    rl->addWidget(icon, 0, Qt::AlignTop);
    rl->addWidget(text, 1);
    hintsLayout_->addWidget(row);
  }
  hints_->setVisible(shown > 0);
  if (shown < static_cast<int>(hints->size()) && !st.done) {
    hint_->setText(tr("Show a hint (%1 of %2)").arg(shown + 1).arg(hints->size()));
    hint_->setIconSize(QSize(side, side));
    hint_->show();
  }
}

// The verdict of an answered question: whether it was right and what was chosen, first.
QString LessonPanel::verdictHtml() const {
  const cs::LessonStep& s = *session_->currentStep();
  const auto& st = session_->stepState(session_->currentIndex());
  if (s.kind != cs::StepKind::Quiz || !st.answered || st.retrying) return {};
  const auto letters = [&](const std::vector<std::size_t>& v) {
    QStringList out;
    for (std::size_t i : v) out << QString(optionLetter(i));
    out.sort();
    return out.join(QStringLiteral(", "));
  };
  switch (s.quiz.kind) {
    case cs::QuizKind::MakeItHappen: {
      QString fb = coloured(st.correct ? kGood : kWait, st.correct ? tr("✔ You made it happen.") : tr("✔ Reached with the solution shown."));
      if (s.quiz.explanation) fb += lessonHtml(session_->filled(*s.quiz.explanation, lessonLanguageKey()).toStdString());
      return fb;
    }
    case cs::QuizKind::Predict:
      return st.correct ? coloured(kGood, tr("<b>✔ Right:</b> you predicted %1, and that is what happened.").arg(letters(st.chosen)))
                        : coloured(kBad, tr("<b>✖ Not what happened:</b> you predicted %1; the run did %2.")
                                             .arg(letters(st.chosen), letters(st.happened)));
    case cs::QuizKind::Choice:
      break;
  }
  if (st.correct) return coloured(kGood, tr("<b>✔ Right:</b> you chose %1.").arg(letters(st.chosen)));
  QString h = coloured(kBad, tr("<b>✖ Not right:</b> you chose %1.").arg(letters(st.chosen)));
  if (st.revealed) h += coloured(kGood, tr("The right answer: %1.").arg(letters(s.quiz.correct)));
  else h += tr("Your score counts your first answer.");
  return h;
}

// Below the verdict: why. After a wrong choice only the chosen options' explanations (the others
// would give the answer away before a retry); once right or shown, every option's.
QString LessonPanel::explanationsHtml() const {
  const cs::LessonStep& s = *session_->currentStep();
  const auto& st = session_->stepState(session_->currentIndex());
  if (s.kind != cs::StepKind::Quiz || s.quiz.kind == cs::QuizKind::MakeItHappen) return {};
  const bool answered = st.answered && !st.retrying;
  if (!answered && !st.revealed) return {};
  const bool all = !answered || st.correct || st.revealed || s.quiz.kind == cs::QuizKind::Predict;
  const auto has = [](const std::vector<std::size_t>& v, std::size_t i) { return std::find(v.begin(), v.end(), i) != v.end(); };
  QString h;
  for (const std::size_t i : order_) {  // in the order shown
    const bool chosen = answered && has(st.chosen, i);
    if (!all && !chosen) continue;
    const bool right = s.quiz.kind == cs::QuizKind::Predict && answered ? has(st.happened, i) : has(s.quiz.correct, i);
    QString lead;
    if (s.quiz.kind == cs::QuizKind::Predict && answered) {
      if (has(st.happened, i)) lead = tr("This is what happened.");
    } else {
      lead = right ? tr("Right.") : chosen ? tr("Not quite.") : QString();
    }
    const QString head = QStringLiteral("<b>%1.</b> ").arg(optionLetter(i)) +
                         (lead.isEmpty() ? QString() : QStringLiteral("<b>%1</b> ").arg(lead.toHtmlEscaped()));
    const QString text = lessonHtml(s.quiz.options[i].explanation).remove(QStringLiteral("<p>")).remove(QStringLiteral("</p>"));
    h += QStringLiteral("<p>") + coloured(right ? kGood : chosen ? kBad : "#555555", head + text) + QStringLiteral("</p>");
  }
  return h;
}
