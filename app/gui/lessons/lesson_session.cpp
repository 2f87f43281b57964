#include "lesson_session.hpp"

#include "scenario/lesson_numbers.hpp"

#include <algorithm>

#include "progress_store.hpp"
#include "scenario/condition.hpp"
#include "scenario/lesson_predict.hpp"
#include "scenario/lesson_variant.hpp"
#include "scenario/lesson_walker.hpp"
#include "scenario/option_order.hpp"

namespace {

// Node ids a condition mentions (nodes alone, and links as pairs), for the canvas highlight of a
// task whose author did not name any.
void collectTargets(const cs::Condition& c, std::vector<cs::NodeId>& nodes, std::vector<std::pair<cs::NodeId, cs::NodeId>>& links) {
  using K = cs::ConditionKind;
  switch (c.kind) {
    case K::All:
    case K::Any:
    case K::Not:
      for (const auto& child : c.children) collectTargets(child, nodes, links);
      return;
    case K::LinkCut:
      links.emplace_back(c.node, c.peer);
      return;
    case K::Partitioned:
      nodes.push_back(c.node);
      nodes.push_back(c.peer);
      return;
    case K::MessagesSent:
    case K::MessagesDropped:
      if (c.node != cs::kNoNode && c.peer != cs::kNoNode) links.emplace_back(c.node, c.peer);
      else if (c.node != cs::kNoNode) nodes.push_back(c.node);
      return;
    default:
      if (c.node != cs::kNoNode) nodes.push_back(c.node);
      return;
  }
}

}  // namespace

LessonSession::LessonSession(LabController* controller, commitscope::ProgressStore* progress, QObject* parent)
    : QObject(parent), controller_(controller), progress_(progress), numbers_(std::make_unique<cs::CompareFigures>()) {
  connect(controller_, &LabController::runChanged, this, &LessonSession::checkGoal);
  connect(controller_, &LabController::watchTriggered, this, &LessonSession::checkGoal);
  connect(controller_, &LabController::animationFinished, this, &LessonSession::onAnimationFinished);
  connect(controller_, &LabController::scenarioChanged, this, [this] { ownsRun(); });
}

LessonSession::~LessonSession() {
  if (isActive()) controller_->setWatch({});
}

bool LessonSession::openRun(const cs::Lesson& lesson, QString* error) {
  cs::Diagnostics problems;
  if (!cs::Simulation::create(lesson.scenario, problems)) {
    if (error)
      *error = problems.empty() ? tr("%1: the lesson's scenario could not be started").arg(QString::fromStdString(lesson.file))
                                : QString::fromStdString(problems.front().to_string());
    return false;
  }
  stop();
  lesson_ = lesson;
  cs::Scenario s = lesson.scenario;
  if (s.title.empty() && s.title_zh.empty()) {  // named by the lesson, in both languages
    s.title = lesson.title.en;
    s.title_zh = lesson.title.zh_tw;
  }
  headless_ = true;  // the new run is the lesson's own
  controller_->setScenarioUntitled(s);
  headless_ = false;
  generation_ = controller_->scenarioGeneration();
  states_.assign(lesson.steps.size(), {});
  checkpoints_.assign(lesson.steps.size(), std::nullopt);
  goalReachedAt_.reset();
  finished_ = false;
  saveProblem_.clear();
  unsaved_ = 0;
  return true;
}

bool LessonSession::start(const cs::Lesson& lesson, QString* error) {
  if (!openRun(lesson, error)) return false;
  qint64 attempt = -1;
  if (recording()) {
    attempt = progress_->startAttempt(QString::fromStdString(lesson.id));
    saved(attempt >= 0, tr("Your new attempt at this lesson was NOT saved in your progress."));
  }
  // The options' order follows the attempt: the stored one, else this session's own count.
  attemptKey_ = attempt >= 0 ? static_cast<quint64>(attempt) : ++localAttempts_;
  enterStep(0);
  return true;
}

int LessonSession::resumeIndex(const cs::Lesson& lesson, const commitscope::ResumePoint& at) {
  const int last = static_cast<int>(lesson.steps.size()) - 1;
  for (int i = 0; i <= last; ++i) {
    const cs::LessonStep& s = lesson.steps[static_cast<std::size_t>(i)];
    if (QString::fromStdString(s.id) != at.currentStep || s.id.empty()) continue;
    const bool answered = std::any_of(at.answers.begin(), at.answers.end(),
                                      [&](const auto& a) { return a.stepId == at.currentStep; });
    return answered && i < last ? i + 1 : i;
  }
  return 0;
}

void LessonSession::restoreAnswers(const commitscope::ResumePoint& at) {
  for (const auto& a : at.answers)
    for (std::size_t i = 0; i < lesson_->steps.size(); ++i) {
      if (QString::fromStdString(lesson_->steps[i].id) != a.stepId) continue;
      StepState& st = states_[i];
      st.answered = st.done = true;
      st.firstCorrect = a.firstCorrect;
      st.correct = a.lastCorrect;
      // "0,2" for a choice, "option 1" for a prediction: the options the learner chose last.
      QString list = a.lastAnswer;
      list.remove(QStringLiteral("option "));
      for (const QString& n : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = n.trimmed().toInt(&ok);
        if (ok && k >= 0) st.chosen.push_back(static_cast<std::size_t>(k));
      }
    }
}

bool LessonSession::resume(const cs::Lesson& lesson, const commitscope::ResumePoint& at, QString* error) {
  if (!openRun(lesson, error)) return false;
  attemptKey_ = at.attemptId >= 0 ? static_cast<quint64>(at.attemptId) : ++localAttempts_;  // the order it had
  restoreAnswers(at);
  const int target = resumeIndex(lesson, at);
  // The steps before are completed as their own solutions do it, each from its own start, so that
  // Back and the step list can return to any of them.
  for (int j = 0; j < target; ++j) {
    const auto i = static_cast<std::size_t>(j);
    checkpoints_[i] = controller_->checkpoint();
    states_[i].visited = states_[i].done = true;
    if (!completeHeadless(j)) {
      enterStep(j);
      return true;
    }
  }
  enterStep(target);
  return true;
}

void LessonSession::stop() {
  if (!lesson_) return;
  controller_->setWatch({});
  if (controller_->isAnimating()) {
    headless_ = true;
    controller_->finishAnimation();
    headless_ = false;
  }
  variant_.reset();
  lesson_.reset();
  states_.clear();
  checkpoints_.clear();
  index_ = 0;
  finished_ = false;
  status_ = Status::Ready;
  error_.clear();
  emit changed();
}

bool LessonSession::movedPastGoal() const {
  return goalReachedAt_ && (controller_->eventIndex() != goalReachedAt_->event || controller_->now() != goalReachedAt_->clock);
}

int LessonSession::stepCount() const { return lesson_ ? static_cast<int>(lesson_->steps.size()) : 0; }

const cs::LessonStep* LessonSession::currentStep() const {
  if (!lesson_ || index_ < 0 || index_ >= stepCount()) return nullptr;
  return &lesson_->steps[static_cast<std::size_t>(index_)];
}

const std::vector<cs::Condition>* LessonSession::goalOf(const cs::LessonStep& s) const {
  if (s.kind == cs::StepKind::Task) return &s.goal;
  if (s.kind == cs::StepKind::Quiz && s.quiz.kind == cs::QuizKind::MakeItHappen) return &s.quiz.goal;
  return nullptr;
}

bool LessonSession::canGoBack() const {
  if (!lesson_) return false;
  if (finished_) return true;
  for (int i = index_ - 1; i >= 0; --i)
    if (lesson_->steps[static_cast<std::size_t>(i)].kind != cs::StepKind::Action) return true;
  return false;
}

bool LessonSession::canGoNext() const {
  if (!lesson_ || finished_) return false;
  if (variant_) return !playingPredict_;  // the step itself was answered on the lesson's own run
  if (teacher_) return status_ != Status::Playing || !playingPredict_;
  return status_ == Status::Done || status_ == Status::Failed;
}

bool LessonSession::canJumpTo(int i) const {
  if (!lesson_ || i < 0 || i >= stepCount()) return false;
  if (teacher_) return true;
  return states_[static_cast<std::size_t>(i)].visited && checkpoints_[static_cast<std::size_t>(i)].has_value();
}

QStringList LessonSession::highlightedNodes() const {
  QStringList out;
  const cs::LessonStep* s = currentStep();
  if (!s || finished_) return out;
  std::vector<cs::NodeId> nodes;
  std::vector<std::pair<cs::NodeId, cs::NodeId>> links;
  for (const auto& h : s->highlight)
    if (h.kind == cs::HighlightKind::Node) nodes.push_back(h.a);
  if (s->highlight.empty())
    if (const auto* goal = goalOf(*s); goal && !goal->empty()) collectTargets(goal->front(), nodes, links);
  for (cs::NodeId n : nodes) {
    const QString name = controller_->nodeName(n);
    if (!name.isEmpty() && !out.contains(name)) out << name;
  }
  return out;
}

std::vector<cs::Highlight> LessonSession::viewHighlights() const {
  std::vector<cs::Highlight> out;
  const cs::LessonStep* s = currentStep();
  if (!s || finished_) return out;
  for (const auto& h : s->highlight)
    if (h.kind != cs::HighlightKind::Node && h.kind != cs::HighlightKind::Link) out.push_back(h);
  return out;
}

std::vector<const cs::LessonAction*> LessonSession::viewsFor(int index) const {
  std::vector<const cs::LessonAction*> out;
  if (!lesson_ || index < 0 || index >= stepCount()) return out;
  // The step itself when it is a show action, else the show actions just before it (the stage
  // directions that led here), so that Back, a jump or a resumed lesson find the same views.
  int first = index;
  if (lesson_->steps[static_cast<std::size_t>(index)].kind != cs::StepKind::Action)
    while (first > 0 && lesson_->steps[static_cast<std::size_t>(first - 1)].kind == cs::StepKind::Action) --first;
  for (int i = first; i <= index; ++i) {
    const cs::LessonStep& st = lesson_->steps[static_cast<std::size_t>(i)];
    if (st.kind == cs::StepKind::Action && st.action.kind == cs::ActionKind::Show) out.push_back(&st.action);
  }
  return out;
}

QString LessonSession::filled(const cs::LocalizedText& text, const std::string& lang) const {
  const std::string& t = text.in(lang);
  if (!lesson_ || t.find('{') == std::string::npos) return QString::fromStdString(t);
  return QString::fromStdString(cs::fill_placeholders(t, controller_->simulation(), *numbers_));
}

QList<QPair<QString, QString>> LessonSession::highlightedLinks() const {
  QList<QPair<QString, QString>> out;
  const cs::LessonStep* s = currentStep();
  if (!s || finished_) return out;
  std::vector<cs::NodeId> nodes;
  std::vector<std::pair<cs::NodeId, cs::NodeId>> links;
  for (const auto& h : s->highlight)
    if (h.kind == cs::HighlightKind::Link) links.emplace_back(h.a, h.b);
  if (s->highlight.empty())
    if (const auto* goal = goalOf(*s); goal && !goal->empty()) collectTargets(goal->front(), nodes, links);
  for (const auto& [a, b] : links) {
    const QPair<QString, QString> link(controller_->nodeName(a), controller_->nodeName(b));
    if (!out.contains(link)) out << link;
  }
  return out;
}

int LessonSession::score() const {
  if (!lesson_) return 0;
  int n = 0;
  for (std::size_t i = 0; i < states_.size(); ++i)
    if (lesson_->steps[i].kind == cs::StepKind::Quiz && states_[i].firstCorrect) ++n;
  return n;
}

std::vector<std::size_t> LessonSession::optionOrder(int i) const {
  if (!lesson_ || i < 0 || i >= stepCount()) return {};
  const cs::LessonStep& s = lesson_->steps[static_cast<std::size_t>(i)];
  if (s.kind != cs::StepKind::Quiz) return {};
  // The room in front of a projector sees one order, whatever attempt the teacher's profile is on.
  const quint64 attempt = teacher_ ? 0 : attemptKey_;
  const auto tries = teacher_ ? 0 : static_cast<std::uint64_t>(states_[static_cast<std::size_t>(i)].tries);
  return cs::option_order(s.quiz.options.size(), lesson_->id, s.id, attempt, tries);
}

int LessonSession::questionCount() const { return lesson_ ? static_cast<int>(lesson_->question_count()) : 0; }

void LessonSession::setTeacherMode(bool on) {
  if (teacher_ == on) return;
  teacher_ = on;
  emit changed();
}

// ---------------------------------------------------------------------------------------------
// Moving between steps

void LessonSession::setStatus(Status s) {
  status_ = s;
  emit changed();
}

void LessonSession::enterStep(int index) {
  index_ = index;
  error_.clear();
  goalReachedAt_.reset();
  pastGoalShown_ = false;
  playingPredict_ = false;
  playingSolution_ = false;
  finished_ = false;
  controller_->setWatch({});
  const auto i = static_cast<std::size_t>(index);
  if (lesson_->steps[i].kind == cs::StepKind::Quiz && lesson_->steps[i].quiz.kind == cs::QuizKind::Predict)
    rewindBeforeOutcome(index);
  checkpoints_[i] = controller_->checkpoint();
  StepState& st = states_[i];
  st.visited = true;
  const cs::LessonStep& s = lesson_->steps[i];
  if (recording())
    saved(progress_->markStepReached(QString::fromStdString(lesson_->id), QString::fromStdString(s.id), stepCount()),
          tr("Reaching this step was NOT saved in your progress."));

  switch (s.kind) {
    case cs::StepKind::Narration:
      status_ = Status::Done;
      st.done = true;  // read: nothing else to wait for
      break;
    case cs::StepKind::Action:
      status_ = Status::Playing;
      break;
    case cs::StepKind::Task:
      status_ = Status::Waiting;
      break;
    case cs::StepKind::Quiz:
      if (s.quiz.kind == cs::QuizKind::MakeItHappen) {
        status_ = Status::Waiting;
      } else {
        // A question is asked with the run standing still: a predict quiz is about what comes next.
        controller_->pause();
        st.retrying = false;  // coming back to a question shows the answer given
        status_ = st.answered ? Status::Done : Status::Ready;
      }
      break;
  }
  emit stepEntered(index);
  emit changed();

  if (s.kind == cs::StepKind::Action && s.action.kind == cs::ActionKind::Show) {
    // A stage direction for the window (stepEntered has told it which view); the run stays.
    onAnimationFinished(true);
    return;
  }
  if (s.kind == cs::StepKind::Action) {
    QString problem;
    const auto target = controller_->project({s.action}, &problem);
    if (!target) {
      error_ = problem;
      setStatus(Status::Failed);
      return;
    }
    if (s.action.kind == cs::ActionKind::Restart || s.action.kind == cs::ActionKind::SwitchScenario) {
      // Not a continuation of this run: the new one replaces it (Back restores the old one, with
      // its nodes, from the step's checkpoint), then the lesson moves on as after any stage
      // direction. The controller keeps the generation: the new run is still the lesson's own.
      controller_->restoreCheckpoint(*target);
      onAnimationFinished(true);
      return;
    }
    controller_->animateTo(*target);  // may finish at once (a fault): onAnimationFinished moves on
    return;
  }
  if (const auto* goal = goalOf(s)) {
    const cs::Condition* g = &goal->front();
    controller_->setWatch([g](const cs::Simulation& run) { return cs::evaluate(*g, run); });
    checkGoal();
  }
}

void LessonSession::rewindBeforeOutcome(int index) {
  const cs::Quiz& quiz = lesson_->steps[static_cast<std::size_t>(index)].quiz;
  if (cs::predict_giveaways(quiz, controller_->simulation()).empty()) return;
  // The learner played the run on while reading: back to where the narration before the question
  // began (the lesson's walk checks that the outcome is still open there), nearest first.
  headless_ = true;
  for (int j = index - 1; j >= 0; --j) {
    const auto& cp = checkpoints_[static_cast<std::size_t>(j)];
    if (lesson_->steps[static_cast<std::size_t>(j)].kind != cs::StepKind::Narration || !cp) break;
    controller_->restoreCheckpoint(*cp);
    if (cs::predict_giveaways(quiz, controller_->simulation()).empty()) break;
  }
  headless_ = false;
}

void LessonSession::next() {
  if (!canGoNext()) return;
  leaveVariant();
  if (status_ != Status::Done && status_ != Status::Failed && !completeHeadless(index_)) return;
  if (status_ == Status::Done && goalReachedAt_) {
    // The learner may have played on (or broken more) after the goal held: the next step starts
    // from the moment the goal held, which is the run its narration was written for.
    headless_ = true;
    controller_->restoreCheckpoint(*goalReachedAt_);
    headless_ = false;
  }
  if (index_ + 1 >= stepCount()) {
    controller_->setWatch({});
    finished_ = true;
    if (recording())
      saved(progress_->finishAttempt(QString::fromStdString(lesson_->id)),
            tr("Finishing the lesson was NOT saved in your progress."));
    emit changed();
    emit lessonFinished(score(), questionCount());
    return;
  }
  enterStep(index_ + 1);
}

void LessonSession::back() {
  if (!canGoBack()) return;
  int target = finished_ ? stepCount() - 1 : index_ - 1;
  // Action steps are stage directions: going back lands on the step before them, so that Back does
  // not replay the action and come straight forward again.
  while (target > 0 && lesson_->steps[static_cast<std::size_t>(target)].kind == cs::StepKind::Action) --target;
  jumpTo(target);
}

void LessonSession::jumpTo(int index) {
  if (!lesson_ || index < 0 || index >= stepCount()) return;
  leaveVariant();
  const auto i = static_cast<std::size_t>(index);
  if (teacher_ && index > index_ && !finished_) {
    // Forward in teacher mode: every step in between is completed the way its solution does it.
    for (int j = index_; j < index; ++j) {
      if (j != index_) checkpoints_[static_cast<std::size_t>(j)] = controller_->checkpoint();
      if (!completeHeadless(j)) return;
    }
    enterStep(index);
    return;
  }
  if (!checkpoints_[i]) return;
  headless_ = true;
  controller_->restoreCheckpoint(*checkpoints_[i]);
  headless_ = false;
  enterStep(index);
}

std::vector<cs::LessonAction> LessonSession::actionsToComplete(int i) const {
  const cs::LessonStep& s = lesson_->steps[static_cast<std::size_t>(i)];
  switch (s.kind) {
    case cs::StepKind::Action: return {s.action};
    case cs::StepKind::Task: return s.solution;
    case cs::StepKind::Quiz:
      if (s.quiz.kind == cs::QuizKind::Predict) {
        std::vector<cs::LessonAction> all = s.quiz.after_prediction;
        all.insert(all.end(), s.quiz.until.begin(), s.quiz.until.end());
        return all;
      }
      if (s.quiz.kind == cs::QuizKind::MakeItHappen) return s.quiz.solution;
      return {};
    case cs::StepKind::Narration: return {};
  }
  return {};
}

bool LessonSession::completeHeadless(int i) {
  const cs::LessonStep& s = lesson_->steps[static_cast<std::size_t>(i)];
  headless_ = true;
  // From the step's own start, as the walker does it (the learner may have half-done a task).
  if (const auto& cp = checkpoints_[static_cast<std::size_t>(i)]) controller_->restoreCheckpoint(*cp);
  const auto* goal = goalOf(s);
  const bool needed = !goal || !cs::evaluate(goal->front(), controller_->simulation());
  bool ok = true;
  if (needed) {
    QString problem;
    if (const auto target = controller_->project(actionsToComplete(i), &problem)) {
      controller_->restoreCheckpoint(*target);
    } else {
      error_ = problem;
      ok = false;
    }
  }
  headless_ = false;
  if (!ok) setStatus(Status::Failed);
  return ok;
}

void LessonSession::retryStep() {
  if (!lesson_ || finished_) return;
  const cs::LessonStep* s = currentStep();
  const auto* goal = s ? goalOf(*s) : nullptr;
  if (!variant_ || !goal) {
    jumpTo(index_);
    return;
  }
  // In a variant: back to where the variant's question began, on the variant's run.
  headless_ = true;
  controller_->restoreCheckpoint(*checkpoints_[static_cast<std::size_t>(index_)]);
  headless_ = false;
  goalReachedAt_.reset();
  states_[static_cast<std::size_t>(index_)].done = false;
  const cs::Condition* g = &goal->front();
  controller_->setWatch([g](const cs::Simulation& run) { return cs::evaluate(*g, run); });
  setStatus(Status::Waiting);
  checkGoal();
}

void LessonSession::tryAgain() {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || s->kind != cs::StepKind::Quiz || s->quiz.kind != cs::QuizKind::Choice) return;
  StepState& st = states_[static_cast<std::size_t>(index_)];
  if (!st.answered || st.correct) return;
  st.retrying = true;
  ++st.tries;  // the options come back in another order: a second guess by position gets nothing
  st.chosen.clear();
  setStatus(Status::Ready);
}

// ---------------------------------------------------------------------------------------------
// What the run does

bool LessonSession::ownsRun() {
  if (!lesson_ || headless_ || controller_->scenarioGeneration() == generation_) return true;
  stop();
  emit runReplaced();
  return false;
}

void LessonSession::checkGoal() {
  if (!lesson_ || finished_ || headless_ || !ownsRun()) return;
  const cs::LessonStep* s = currentStep();
  if (!s) return;
  const auto* goal = goalOf(*s);
  if (goal && status_ == Status::Done && goalReachedAt_ && movedPastGoal() != pastGoalShown_) {
    pastGoalShown_ = movedPastGoal();  // the panel says where Next goes on from
    emit changed();
  }
  if (!goal || (status_ != Status::Waiting && status_ != Status::TooLate)) return;
  const cs::Simulation& run = controller_->simulation();
  StepState& st = states_[static_cast<std::size_t>(index_)];
  if (cs::evaluate(goal->front(), run)) {
    controller_->setWatch({});
    controller_->pause();
    goalReachedAt_ = controller_->checkpoint();
    st.done = true;
    if (s->kind == cs::StepKind::Quiz) {
      const bool first = !st.answered && !variant_;
      st.answered = true;
      st.correct = !st.solved;
      if (first) st.firstCorrect = st.correct && !st.revealed;
      if (!variant_) record(st.solved ? QStringLiteral("solution shown") : QStringLiteral("reached; hints %1").arg(st.hintsShown),
             st.correct);
    }
    setStatus(Status::Done);
    return;
  }
  const bool late = !s->too_late.empty() && cs::evaluate(s->too_late.front(), run);
  if (late && status_ != Status::TooLate) {
    controller_->pause();
    setStatus(Status::TooLate);
  } else if (!late && status_ == Status::TooLate) {
    setStatus(Status::Waiting);  // the learner stepped back to before the moment passed
  }
}

void LessonSession::onAnimationFinished(bool reached) {
  if (!lesson_ || headless_ || !ownsRun()) return;
  const cs::LessonStep* s = currentStep();
  if (!s) return;
  if (playingPredict_) {
    playingPredict_ = false;
    StepState& st = states_[static_cast<std::size_t>(index_)];
    if (!reached) {
      // The learner rewound or injected a fault while the run played on: ask again from the start.
      st.chosen.clear();
      error_ = tr("The run was changed before it reached the moment of the answer. Choose again.");
      setStatus(Status::Ready);
      return;
    }
    const cs::Simulation& run = controller_->simulation();
    st.happened = cs::true_options(s->quiz, run);
    const bool right = !st.chosen.empty() && cs::check_prediction(s->quiz, st.chosen.front(), run).correct;
    const bool first = !st.answered && !variant_;
    st.answered = true;
    st.correct = right;
    if (first) st.firstCorrect = right && !st.revealed;
    st.done = true;
    // A variant is practice: the score and the progress file keep the answer on the lesson's own run.
    if (!variant_) record(QStringLiteral("option %1").arg(st.chosen.empty() ? -1 : static_cast<int>(st.chosen.front())), right);
    setStatus(Status::Done);
    return;
  }
  if (playingSolution_) {
    playingSolution_ = false;
    checkGoal();
    return;
  }
  if (s->kind == cs::StepKind::Action && status_ == Status::Playing) {
    states_[static_cast<std::size_t>(index_)].done = true;
    if (!reached) {
      error_ = tr("The run was changed while the lesson was playing it; the lesson goes on from here.");
      setStatus(Status::Done);
      return;
    }
    status_ = Status::Done;
    // Stage directions move on by themselves; the last step of a lesson is always a quiz.
    if (index_ + 1 < stepCount()) enterStep(index_ + 1);
    else emit changed();
  }
}

// ---------------------------------------------------------------------------------------------
// The learner's input

void LessonSession::showHint() {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_) return;
  const auto& hints = s->kind == cs::StepKind::Task ? s->hints : s->quiz.hints;
  StepState& st = states_[static_cast<std::size_t>(index_)];
  if (st.hintsShown >= static_cast<int>(hints.size())) return;
  ++st.hintsShown;
  emit changed();
}

void LessonSession::showSolution() {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || !goalOf(*s) || status_ == Status::Done) return;
  StepState& st = states_[static_cast<std::size_t>(index_)];
  st.solved = true;
  headless_ = true;
  controller_->restoreCheckpoint(*checkpoints_[static_cast<std::size_t>(index_)]);
  headless_ = false;
  QString problem;
  const auto target = controller_->project(actionsToComplete(index_), &problem);
  if (!target) {
    error_ = problem;
    setStatus(Status::Failed);
    return;
  }
  status_ = Status::Waiting;
  playingSolution_ = true;
  const cs::Condition* g = &goalOf(*s)->front();
  controller_->setWatch([g](const cs::Simulation& run) { return cs::evaluate(*g, run); });
  emit changed();
  controller_->animateTo(*target);
}

void LessonSession::revealAnswer() {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || s->kind != cs::StepKind::Quiz) return;
  states_[static_cast<std::size_t>(index_)].revealed = true;
  emit changed();
}

void LessonSession::skipAnimation() {
  if (controller_->isAnimating()) controller_->finishAnimation();
}

void LessonSession::answerChoice(const std::vector<std::size_t>& chosen) {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || s->kind != cs::StepKind::Quiz || s->quiz.kind != cs::QuizKind::Choice || chosen.empty()) return;
  StepState& st = states_[static_cast<std::size_t>(index_)];
  const cs::AnswerCheck check = cs::check_answer(s->quiz, chosen);
  const bool first = !st.answered;
  st.answered = true;
  st.retrying = false;
  st.correct = check.correct;
  st.chosen = chosen;
  if (first) st.firstCorrect = check.correct && !st.revealed;
  st.done = true;
  QStringList answer;
  for (std::size_t c : chosen) answer << QString::number(c);
  record(answer.join(QLatin1Char(',')), check.correct);
  setStatus(Status::Done);
}

bool LessonSession::awaitingResult() const {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || s->kind != cs::StepKind::Quiz || s->quiz.kind != cs::QuizKind::Predict) return false;
  const StepState& st = states_[static_cast<std::size_t>(index_)];
  return !st.chosen.empty() && !st.answered && status_ == Status::Ready;
}

void LessonSession::answerPredict(std::size_t chosen) {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || s->kind != cs::StepKind::Quiz || s->quiz.kind != cs::QuizKind::Predict || !ownsRun()) return;
  StepState& st = states_[static_cast<std::size_t>(index_)];
  if (st.answered || !st.chosen.empty() || status_ != Status::Ready || chosen >= s->quiz.options.size()) return;
  st.chosen = {chosen};  // locked in: a class can discuss it before the run shows what happens
  error_.clear();
  emit changed();
}

void LessonSession::runToResult() {
  if (!awaitingResult() || !ownsRun()) return;
  // The prediction is about what happens from the moment the question was asked.
  const auto& cp = *checkpoints_[static_cast<std::size_t>(index_)];
  if (controller_->eventIndex() != cp.event || controller_->now() != cp.clock) {
    headless_ = true;
    controller_->restoreCheckpoint(cp);
    headless_ = false;
  }
  QString problem;
  const auto target = controller_->project(actionsToComplete(index_), &problem);
  if (!target) {
    error_ = problem;
    setStatus(Status::Failed);
    return;
  }
  playingPredict_ = true;
  setStatus(Status::Playing);
  // Quickly: the result matters here, not a 40-second wait at 1x.
  controller_->animateTo(*target, kResultAnimationMs);
}

bool LessonSession::canTryVariant() const {
  const cs::LessonStep* s = currentStep();
  if (!s || finished_ || s->kind != cs::StepKind::Quiz || s->quiz.kind == cs::QuizKind::Choice) return false;
  // A variant draws another seed for the lesson's first scenario; after a switch_scenario step the
  // question's run would be the same one again, so none is offered there.
  if (&lesson_->scenario_at(static_cast<std::size_t>(index_)) != &lesson_->scenario) return false;
  const StepState& st = states_[static_cast<std::size_t>(index_)];
  return st.answered && status_ == Status::Done && !playingPredict_ && !playingSolution_;
}

bool LessonSession::tryVariant() {
  if (!canTryVariant() || !ownsRun()) return false;
  StepState& st = states_[static_cast<std::size_t>(index_)];
  // Seeds after the last one tried, so that each press brings another run.
  const std::uint64_t from = (st.variantSeed != 0 ? st.variantSeed : lesson_->scenario.seed) + 1;
  std::vector<std::uint64_t> seeds;
  for (int k = 0; k < kVariantSeeds; ++k) seeds.push_back(from + static_cast<std::uint64_t>(k));
  const cs::Quiz& quiz = lesson_->steps[static_cast<std::size_t>(index_)].quiz;
  const bool goal = quiz.kind == cs::QuizKind::MakeItHappen;
  std::optional<std::uint64_t> found;
  if (goal) found = cs::find_goal_variant(*lesson_, static_cast<std::size_t>(index_), seeds);
  else if (const auto v = cs::find_predict_variant(*lesson_, static_cast<std::size_t>(index_), seeds)) found = v->seed;
  if (!found) {
    error_ = tr("No fair variant of this question was found on the next %1 seeds.").arg(kVariantSeeds);
    emit changed();
    return false;
  }
  if (!variant_) variant_ = VariantReturn{checkpoints_, controller_->checkpoint(), st, status_, goalReachedAt_};
  controller_->setWatch({});
  goalReachedAt_.reset();
  // The lesson's start on the variant's seed, then every step before the question the way its own
  // solution does it (the same walk the engine made to choose the seed).
  cs::Scenario start = variant_->checkpoints.front()->scenario;
  start.seed = *found;
  headless_ = true;
  controller_->restoreCheckpoint({start, 0, 0});
  headless_ = false;
  for (int j = 0; j < index_; ++j) {
    checkpoints_[static_cast<std::size_t>(j)] = controller_->checkpoint();
    if (!completeHeadless(j)) {
      leaveVariant();
      return false;
    }
  }
  checkpoints_[static_cast<std::size_t>(index_)] = controller_->checkpoint();
  st.chosen.clear();
  st.happened.clear();
  st.answered = false;
  st.correct = false;
  st.variantSeed = *found;
  ++st.variants;
  st.done = false;
  st.solved = false;
  error_.clear();
  controller_->pause();
  if (!goal) {
    setStatus(Status::Ready);
    return true;
  }
  // As when the step is entered: the goal is watched after every event.
  const cs::Condition* g = &quiz.goal.front();
  controller_->setWatch([g](const cs::Simulation& run) { return cs::evaluate(*g, run); });
  setStatus(Status::Waiting);
  checkGoal();
  return true;
}

void LessonSession::leaveVariant() {
  if (!variant_) return;
  VariantReturn back = std::move(*variant_);
  variant_.reset();
  StepState& st = states_[static_cast<std::size_t>(index_)];
  const int variants = st.variants;
  const std::uint64_t lastSeed = st.variantSeed;  // the next variant goes on from there
  checkpoints_ = std::move(back.checkpoints);
  st = back.state;
  st.variants = variants;
  st.variantSeed = lastSeed;
  if (controller_->isAnimating()) {
    headless_ = true;
    controller_->finishAnimation();
    headless_ = false;
  }
  playingPredict_ = false;
  playingSolution_ = false;
  controller_->setWatch({});
  headless_ = true;
  controller_->restoreCheckpoint(back.end);
  headless_ = false;
  goalReachedAt_ = back.goalReachedAt;
  status_ = back.status;
}

void LessonSession::record(const QString& answer, bool correct) {
  if (!recording() || !lesson_) return;
  const cs::LessonStep* s = currentStep();
  saved(progress_->recordAnswer(QString::fromStdString(lesson_->id), QString::fromStdString(s->id), answer, correct,
                                static_cast<double>(controller_->now()) / 1000.0),
        tr("Your answer was NOT saved."));
}

bool LessonSession::recording() const {
  return progress_ && progress_->status() != commitscope::ProgressStore::Status::Closed;
}

// Every caller emits changed() once its step state is complete, so the panel shows the problem then.
void LessonSession::saved(bool ok, const QString& what) {
  if (ok) {
    saveProblem_.clear();
    return;
  }
  ++unsaved_;
  const QString reason = progress_->lastMessage();
  //: A sentence saying what was not saved, then the progress store's reason.
  saveProblem_ = reason.isEmpty() ? what : tr("%1 %2").arg(what, reason);
  emit progressNotSaved(saveProblem_);
}
