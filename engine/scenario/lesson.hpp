// A guided lesson: metadata, the scenario it starts from, and a list of steps (narration, actions the
// app performs, tasks the learner completes on the canvas, quizzes). The JSON form is documented in
// docs/lesson-format.md; the loader (load_lesson) checks every name against the lesson's scenario so
// that a lesson that loads can always be played.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"
#include "sim/diagnostic.hpp"
#include "sim/trace.hpp"
#include "sim/fault.hpp"
#include "sim/protocol.hpp"
#include "sim/types.hpp"

namespace cs {

// Every learner-visible text exists in both languages; the loader rejects a lesson otherwise.
struct LocalizedText {
  std::string zh_tw;  // Traditional Chinese as used in Taiwan (JSON key "zh-TW")
  std::string en;     // English (JSON key "en")
  // The text for a language key ("zh-TW" or "en"); anything else gets English.
  const std::string& in(std::string_view lang) const { return lang == "zh-TW" ? zh_tw : en; }
  bool operator==(const LocalizedText&) const = default;
};

// A predicate over the engine's state at one moment (see docs/lesson-format.md, "Conditions").
enum class ConditionKind : std::uint8_t {
  All,           // children all true (empty = true)
  Any,           // some child true (empty = false)
  Not,           // children[0] false
  NodeState,     // node's current state (NodeView::state) == state
  NodeUp,        // node is up == flag
  NodeBlocked,   // NodeView::blocked == flag
  LinkCut,       // link node-peer is cut == flag
  Partitioned,   // node and peer are on different sides of a partition == flag
  TxnOutcome,    // transaction txn has this outcome
  Invariant,     // invariant `key` held == flag
  Log,           // node's durable log has a record of type `code` (for txn, if txn != 0)
  MessagesSent,  // messages of type `code` sent (optionally by node / to peer) within [at_least, at_most]
  TimeAtLeast,   // virtual time >= time
  Metric,        // protocol metric `key` (for node, or run-wide) within [at_least, at_most]
  Note,          // a protocol note `code` was recorded (optionally at node / for txn)
  LocksHeld,     // locks node holds within [at_least, at_most]
  LockWaiters,   // transactions waiting for node's locks within [at_least, at_most]
  MessagesDropped,  // messages lost so far (of type `code` if `any_code` is false; from node / to peer;
                    // for `reason` if set) within [at_least, at_most]
  Crashes,       // times node crashed so far within [at_least, at_most]
};

struct Condition {
  ConditionKind kind = ConditionKind::All;
  std::vector<Condition> children;
  NodeId node = kNoNode;
  NodeId peer = kNoNode;
  std::uint16_t code = 0;  // state, log record, message type or note index (by kind)
  bool any_code = false;   // MessagesDropped without a "type": every message type counts
  std::optional<DropReason> reason;  // MessagesDropped: only losses for this reason
  bool flag = true;
  TxnId txn = 0;
  TxnOutcome outcome = TxnOutcome::Pending;
  std::string key;  // invariant or metric key
  std::optional<std::int64_t> at_least;
  std::optional<std::int64_t> at_most;
  Time time = 0;
  std::string path;  // where it was written in the lesson ("steps[4].goal"), for walk reports
};

// Something the app does to the run: the lesson's own actions and the solutions of tasks.
enum class ActionKind : std::uint8_t {
  PlayUntilTime,   // run to virtual time `time` (absolute)
  PlayUntilState,  // run event by event until `node` is in `state`
  PlayUntilCondition,  // run event by event until `condition` holds
  Fault,           // apply `fault` now (Simulator::apply_now), like the GUI's fault tools
  Step,            // dispatch `count` events
  Restart,         // start the lesson's scenario afresh with `params` (same nodes, seed, own faults);
                   // a step's own action only (the walker and the app replace the run)
  Show,            // open and focus one of the app's views (`view`); changes nothing in the run; a
                   // step's own action only
  SwitchScenario,  // replace the run with a fresh run of another scenario (`scenario`: its own
                   // protocol, nodes and faults); the later steps are checked against it. A step's
                   // own action only (the walker and the app replace the run)
};

// The views a Show action opens (JSON "view"): see docs/lesson-format.md, "Views".
enum class LessonView : std::uint8_t {
  Spacetime,     // "spacetime": the space-time diagram
  StateMachine,  // "state_machine": `node`'s state machine
  Log,           // "log": `node`'s durable log (the log box under its state machine)
  Metrics,       // "metrics": the metrics chart, plotting `series`
  CompareWith,   // "compare_with": the chart's "Compare with" picker, set to `variant` ("mode=ap")
  Compare,       // "compare": the side-by-side window (File > Compare protocols…) with `protocols`
};
std::string_view lesson_view_key(LessonView v);
std::optional<LessonView> lesson_view_from_key(std::string_view key);

struct LessonAction {
  ActionKind kind = ActionKind::Step;
  Time time = 0;
  NodeId node = kNoNode;
  std::uint16_t state = 0;
  std::vector<Condition> condition;  // one element for PlayUntilCondition (a vector: Condition is recursive)
  FaultAction fault;
  std::uint64_t count = 1;
  nlohmann::json params;     // Restart: the lesson scenario's params with the action's keys replaced
  std::vector<Fault> faults;  // Restart: the lesson scenario's own fault schedule
  LessonView view = LessonView::Spacetime;  // Show
  std::vector<std::string> series;     // Show metrics: metric keys of the protocol
  std::vector<std::string> protocols;  // Show compare: 2 to 4 protocol names
  std::string variant;                 // Show compare_with: a variant id such as "mode=ap" (may be empty)
  std::optional<Scenario> source;      // Show compare: the scenario to compare (default: the lesson run's)
  std::optional<Scenario> scenario;    // SwitchScenario: the scenario the lab runs from this step on
  std::string path;
};

// What a highlight points at: a canvas element, or an item in one of the views.
enum class HighlightKind : std::uint8_t {
  Node,     // "P2"
  Link,     // "C-P2" (either order)
  Log,      // "log:P1:READY": records of that type in P1's durable log
  Message,  // "message:PREPARE": messages of that type in the space-time diagram
  Metric,   // "metric:locks_held": that series in the metrics chart
  Timer,    // "timer:P1": P1's timer countdowns on the canvas
};

// An element to emphasise on the canvas or in a view.
struct Highlight {
  HighlightKind kind = HighlightKind::Node;
  NodeId a = kNoNode;
  NodeId b = kNoNode;  // Link: the other node
  std::uint16_t code = 0;  // Log: record index; Message: message type index
  std::string name;    // Metric: the key; Log / Message: the record or message key
  std::string key;     // as written, e.g. "C-P2"
};

enum class QuizKind : std::uint8_t { Choice, Predict, MakeItHappen };
std::string_view quiz_kind_key(QuizKind k);  // "choice", "predict", "make_it_happen"

struct QuizOption {
  LocalizedText text;
  LocalizedText explanation;  // why this option is right or wrong (every option has one)
  std::vector<Condition> when;  // predict only: exactly one element, true after playing to `until`
};

struct Quiz {
  QuizKind kind = QuizKind::Choice;
  LocalizedText question;
  std::vector<QuizOption> options;          // choice, predict
  std::vector<std::size_t> correct;         // choice (one or more), predict (exactly one)
  std::vector<LessonAction> until;          // predict: one play_until action
  // predict, optional: what the lesson does once the learner has predicted and before it plays to
  // `until` (the restart that decides the outcome), so that the question is asked while the outcome
  // is still open (scenario/lesson_predict.hpp)
  std::vector<LessonAction> after_prediction;
  std::vector<Condition> goal;              // make_it_happen: exactly one element
  std::vector<LessonAction> solution;       // make_it_happen
  std::vector<LocalizedText> hints;         // make_it_happen
  std::optional<LocalizedText> explanation; // make_it_happen: shown once the goal is reached
};

enum class StepKind : std::uint8_t { Narration, Action, Task, Quiz };
std::string_view step_kind_key(StepKind k);  // "narration", "action", "task", "quiz"

struct LessonStep {
  StepKind kind = StepKind::Narration;
  std::string id;  // stable within the lesson (progress is stored by it); always set by the loader
  std::string path;  // "steps[3]"
  LocalizedText text;  // narration text, task instruction; empty for actions and quizzes
  // Narration and task, optional: the longer explanation, shown collapsed under "More" so that the
  // text read from a projector stays short.
  std::optional<LocalizedText> more;
  std::vector<Highlight> highlight;
  LessonAction action;                  // Action
  std::vector<Condition> goal;          // Task: exactly one element
  std::vector<Condition> too_late;      // Task, make-it-happen quiz, optional: goal can no longer be reached (GUI offers a retry)
  std::vector<LocalizedText> hints;     // Task
  std::vector<LessonAction> solution;   // Task
  Quiz quiz;                            // Quiz
};

struct Lesson {
  std::string file;
  std::string id;  // e.g. "07-two-phase-commit"
  LocalizedText title;
  LocalizedText summary;
  std::string topic;  // stable key, e.g. "atomic-commit"
  int minutes = 0;
  std::vector<std::string> prerequisites;  // lesson ids
  Scenario scenario;  // the run the lesson starts from (a switch_scenario step may replace it later)
  std::vector<LessonStep> steps;
  // Shown once the lesson is finished: what the learner can now do, and the primary sources
  // (keys of scenario/lesson_texts.hpp's lesson_sources()). Optional; `validate` warns without them.
  std::optional<LocalizedText> recap;
  std::vector<std::string> sources;

  std::size_t question_count() const;
  // The scenario in effect at step `index`: the lesson's own, or that of the last switch_scenario
  // step before it (or at it).
  const Scenario& scenario_at(std::size_t index) const;
};

struct LessonLoadResult {
  std::optional<Lesson> lesson;  // set only when `diagnostics` is empty
  Diagnostics diagnostics;       // every problem, sorted by line and column
};

// Parses and validates a lesson. No file I/O: the caller passes the text and the name to report.
LessonLoadResult load_lesson(std::string_view text, std::string_view file_name);

// Whether a text looks like a lesson rather than a scenario (a top-level "steps" key), so that tools
// can accept both kinds of file. Cheap and forgiving: it does not validate.
bool looks_like_lesson(std::string_view text);

// ---- answers (used by the GUI and by the walker) ----

struct AnswerCheck {
  bool correct = false;
  // Explanations of the options the learner chose, in the order chosen.
  std::vector<const LocalizedText*> explanations;
};

// A choice quiz: `chosen` (option indices) must equal the set of correct options.
// Out-of-range indices make the answer wrong.
AnswerCheck check_answer(const Quiz& quiz, const std::vector<std::size_t>& chosen);

}  // namespace cs
