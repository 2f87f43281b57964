// The one object the GUI talks to: it owns the run (engine Simulation), the undo stack of injected
// faults, the selection and the playback clock. Views pull state from here in their refresh hook and
// send commands back; none of them decides protocol behaviour.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "run_snapshots.hpp"
#include "scenario/lesson.hpp"
#include "scenario/scenario.hpp"
#include "scenario/simulation.hpp"
#include "sim/fault.hpp"

class QTimer;

class LabController : public QObject {
  Q_OBJECT

 public:
  explicit LabController(QObject* parent = nullptr);
  ~LabController() override;

  // ---- scenario ----
  // Loads a scenario file; on failure returns false and fills `error` with "file:line:col: path: message"
  // lines. The current run is left untouched on failure.
  bool openScenario(const QString& path, QString* error);
  bool saveScenario(const QString& path, QString* error);
  void newScenario(const QString& protocol);  // the protocol's starter params (its descriptor)
  // A new scenario with the given params (File > New). Returns false if the protocol rejects them.
  bool newScenarioWithParams(const QString& protocol, const nlohmann::json& params);
  void setScenario(const cs::Scenario& scenario);
  // setScenario() for a scenario that has no file (a lesson's): Save asks where to put it.
  void setScenarioUntitled(const cs::Scenario& scenario);
  // The scenario as it would be saved: the base file plus every fault the user injected.
  const cs::Scenario& scenario() const { return scenario_; }
  QString scenarioPath() const { return path_; }
  // Counts the scenarios this controller has been given (open, new, a lesson's): a lesson session
  // remembers the one it started, so that it never judges a step against a run it did not start.
  quint64 scenarioGeneration() const { return generation_; }
  bool isModified() const;

  // ---- the run (read-only access for views) ----
  const cs::Simulation& simulation() const { return *run_; }
  const cs::Simulator& sim() const { return run_->sim(); }
  const cs::ProtocolInfo& info() const { return run_->protocol().info(); }
  cs::Time now() const { return run_->sim().now(); }
  quint64 eventIndex() const { return run_->sim().events_dispatched(); }
  cs::Time endTime() const { return scenario_.until; }
  QString traceSha256() const;
  // Key of the first invariant that no longer holds ("agreement", ...), or empty while all hold.
  QString violatedInvariant() const;
  // Every invariant of the protocol by key, with whether it still holds (the run report's verdicts).
  std::vector<std::pair<std::string, bool>> invariantVerdicts() const;

  // Markers for the timeline's scrub bar, over the whole run [0, until] with the current fault
  // schedule (computed by a separate full run, cached until the schedule changes).
  struct TimelineMark {
    enum class Kind { Fault, Commit, Abort };
    cs::Time time = 0;
    Kind kind = Kind::Fault;
  };
  const std::vector<TimelineMark>& timelineMarks() const;
  // Builds a fresh run of the current scenario (same seed, same faults), not yet advanced.
  std::unique_ptr<cs::Simulation> makeRun() const;
  // A run of the current scenario that keeps no history (no trace records, no settled messages),
  // for what only watches a whole run go by (observers: the timeline marks, the chart's samples).
  std::unique_ptr<cs::Simulation> makeLeanRun() const;
  // The limits runs are made with (the window's own, below; tests lower them). A long scenario
  // (isLongRun) also forgets finished transactions, as the CLI's --long-run does.
  void setRunLimits(const cs::RunLimits& limits) { limits_ = limits; }
  // Scrubbing: how many events the last seek (forwards or backwards), step back, undo or lesson jump
  // dispatched to get there, from the snapshot it restored, from the start or from where the run
  // was, and the snapshots kept (run_snapshots.hpp). Tests and bench_scrub read them.
  quint64 lastRewindEvents() const { return last_rewind_events_; }
  // Whether the last seek forwards restored a snapshot ahead of the run (dropping the history in
  // between) instead of running on.
  bool lastSeekRestoredAhead() const { return last_restored_ahead_; }
  // A seek forwards restores a snapshot ahead of the live run (RunSnapshots::restoreAhead) when it
  // lies at least kForwardGainEvents events ahead and kForwardLead of virtual time before the
  // target (what the views then show of the time before it), and the live run no longer holds its
  // whole history, or the way there makes more records than the trace window keeps: a run whose
  // trace is whole keeps it whole (docs/benchmarks.md, "Scrubbing, third pass").
  static constexpr cs::Time kForwardLead = cs::ms(1000);
  static constexpr std::uint64_t kForwardGainEvents = RunSnapshots::kFirstSpacing;
  const RunSnapshots& snapshots() const { return snapshots_; }
  // The snapshots' budget in bytes (RunSnapshots::kMaxBytes unless set; bench_scrub tries others).
  void setSnapshotBudget(std::size_t bytes) { snapshots_.setMaxBytes(bytes); }
  // Which history the live run belongs to: the same number while runs replace it that are points
  // of one run (a seek, step back, a snapshot restored, a replay), another one when the run is of
  // another scenario, fault schedule, seed or limits. A view that derives an index from the trace
  // keeps it across a rewind of the same history, cut back to the records the new run has.
  quint64 historyId() const { return history_; }
  cs::RunLimits runLimits() const { return limitsFor(scenario_); }
  // A scenario of more than kLongRunTransactions transactions (or operations): the run forgets
  // finished transactions and truncates its durable logs (SimConfig::forget_finished), so that its
  // snapshots stay small; the views say what they no longer show.
  bool isLongRun(const cs::Scenario& s) const;
  static constexpr std::int64_t kLongRunTransactions = 12'000;
  // Tests: a smaller trace window (records kept) and long-run threshold than the window's own.
  void setHistoryWindow(std::size_t traceRecords, std::int64_t longRunTransactions) {
    trace_window_ = traceRecords;
    long_run_transactions_ = longRunTransactions;
  }
  // The window may hold two full runs at once (the one on screen and one that feeds the chart, the
  // timeline marks or a "Compare with" variant), so each gets a share of the 1 GB ceiling that one
  // CLI run gets whole, and shorter trace and queue limits: the views index what the trace holds,
  // and a run of a million records is far past what anyone watches (docs/reliability.md).
  static constexpr std::size_t kWindowRunMemoryLimit = 320u << 20;
  static constexpr std::size_t kWindowTraceLimit = 1'000'000;
  // The window's runs keep their trace as a window (SimConfig::trace_windowed): the last
  // kWindowTraceKept records at least (up to a quarter more between trims), and the messages sent
  // since the first record kept, however long the run (records made != records kept). The trace
  // limit then does not apply; the views say on screen what they no longer have. The window is
  // trimmed as soon as it passes a quarter more (checked after every event), which stays below
  // 2^19 records: the trace vector, which grows by doubling, then stops at 2^19 records (24 MiB)
  // instead of the 2^21 (96 MiB) that a window of 1,000,000 to 1,250,000 records made it take.
  // ~5,000 2PC transactions, 20 s of virtual time: the views show a few hundred milliseconds.
  static constexpr std::size_t kWindowTraceKept = 419'328;
  static constexpr std::size_t kWindowQueueLimit = 250'000;

  // ---- timeline ----
  bool isPlaying() const;
  // Speed factor 0.1 .. 10; 1x shows 20 virtual milliseconds per wall-clock second.
  double speed() const { return speed_; }
  static constexpr double kVirtualMsPerSecondAt1x = 20.0;

  // ---- faults ----
  // Whether the action would change anything now (menus grey out the others).
  bool canInject(const cs::FaultAction& action) const;
  // Node ids of the run in order, and a node's name, for menus and dialogs.
  int nodeCount() const;
  QString nodeName(cs::NodeId node) const;
  QStringList nodeNames() const;  // every node's name, in id order

  // ---- selection ----
  cs::NodeId selectedNode() const { return selected_node_; }
  quint32 selectedMessage() const { return selected_message_; }

  // ---- layout (saved in the scenario) ----
  QPointF nodePosition(cs::NodeId node) const;

  QUndoStack* undoStack() { return &undo_; }

  // ---- lessons ----
  // A point of a run that can be returned to exactly: the scenario with its fault schedule, the
  // event index and the clock. Lessons keep one per step for Back, jumps and "retry this step".
  struct Checkpoint {
    cs::Scenario scenario;
    quint64 event = 0;
    cs::Time clock = 0;
  };
  Checkpoint checkpoint() const { return {scenario_, eventIndex(), now()}; }
  // Moves the live run to `cp` (replaying it). The undo stack is cleared: a lesson jump is not a
  // fault the learner can undo. A checkpoint of another protocol or other nodes (a lesson's
  // switch_scenario step, or Back across one) also emits scenarioChanged() so that the views
  // rebuild, without counting as another scenario (scenarioGeneration() stays).
  void restoreCheckpoint(const Checkpoint& cp);
  // Where `actions` (lesson actions, solutions, a predict quiz's `until`) would take the run from
  // here, computed on a copy; the live run is untouched. A fault is recorded in the returned
  // scenario's schedule as "after_event N" at the clock of that moment, the way the fault tools
  // record it, so that the target replays exactly. nullopt (and `error`) when an action cannot be
  // performed.
  std::optional<Checkpoint> project(const std::vector<cs::LessonAction>& actions, QString* error) const;
  // Plays the live run towards `target` (a projection of this run) at the current speed, so the
  // learner sees the messages travel, then pauses and emits animationFinished(true).
  // finishAnimation() goes there at once. Anything that rewinds or branches the run (seek back,
  // undo, a new fault) cancels it: animationFinished(false).
  // `wallMs` > 0: fast enough that the rest of the way takes about that long on the wall clock
  // (never slower than the chosen speed), for a lesson's "Run to the result".
  void animateTo(const Checkpoint& target, int wallMs = 0);
  bool isAnimating() const { return anim_.has_value(); }
  void finishAnimation();
  // A predicate checked after every event the controller dispatches; the moment it becomes true the
  // run pauses and watchTriggered() is emitted (a task's goal: the next step starts where the lesson
  // expects). An empty function removes it.
  void setWatch(std::function<bool(const cs::Simulation&)> watch);

 public slots:
  void play();
  void pause();
  void togglePlay();
  void setSpeed(double factor);
  void stepForward();   // dispatch the next event
  void stepBack();      // replay to one event earlier
  void seekTime(cs::Time t);
  void seekEvent(quint64 n);
  void restartSameSeed();
  void rerollSeed();
  // Records the action in the fault schedule as "after_event N" at the clock shown now (N =
  // eventIndex(), at_ms = now()), applies it, and pushes an undoable command. The fault happens at
  // that time: it is an event of its own when playback had moved the clock past event N. Recorded
  // faults that have not fired yet (the future of the old branch) are discarded.
  void injectFault(const cs::FaultAction& action);
  void selectNode(cs::NodeId node);
  void selectMessage(quint32 message);
  void setNodePosition(cs::NodeId node, QPointF pos);

 signals:
  void scenarioChanged();  // a different topology or protocol: views rebuild their items
  void runChanged();       // the run advanced, rewound or branched: views refresh
  void selectionChanged();
  void playingChanged(bool playing);
  void speedChanged(double factor);
  void documentChanged();  // something that Save would write changed (faults, seed, layout, path)
  void nodeMoved(cs::NodeId node);
  void animationFinished(bool reached);
  void watchTriggered();
  // A fault the user made with injectFault() (any view or menu): the side-by-side lab repeats it on
  // the matching nodes of the other protocols.
  void faultInjected(const cs::FaultAction& action);

 private:
  friend class FaultCommand;
  void rebuild(quint64 to_event);  // replays the scenario from scratch to an event index
  // rebuild(to_event), then moves the clock towards `clock` without dispatching another event.
  void replayTo(quint64 to_event, cs::Time clock);
  void resetRun();  // after a new scenario: fresh run at event 0, empty undo stack
  void tick();
  // Dispatches events up to `target` one at a time (stopping at the animation's event or when the
  // watch fires), then moves the clock as far as it can without dispatching another event.
  void advanceTo(cs::Time target);
  void cancelAnimation();
  bool checkAnimationDone();
  void invalidateMarks() { marks_valid_ = false; }
  // A run of the current scenario at a point at or before event `event` and clock `clock` of the
  // current scenario's run: a copy of the nearest snapshot, else a fresh run.
  std::unique_ptr<cs::Simulation> runBefore(quint64 event, cs::Time clock);
  // Dispatches the live run's events due by `t`, up to event `last`, keeping a snapshot at every
  // spacing boundary it passes (so that a long forward seek leaves snapshots to come back to).
  void dispatchUntil(cs::Time t, quint64 last);
  void offerSnapshot();  // a snapshot of the live run if its spacing boundary has none yet
  void finishRewind(quint64 from_event) { last_rewind_events_ = eventIndex() - from_event; }
  // A seek forwards to at most event `event` and the events due by `clock`: replaces the live run
  // with a snapshot ahead of it when that is allowed (kForwardLead); returns the event index it
  // starts from (the live run's when nothing was restored).
  quint64 jumpAhead(quint64 event, cs::Time clock);
  // Forgets the live run's oldest trace records and messages once it holds more than the window
  // keeps (kWindowTraceKept); nothing when its trace is not windowed.
  void trimHistory();
  cs::RunLimits limitsFor(const cs::Scenario& s) const;

  mutable std::vector<TimelineMark> marks_;
  mutable bool marks_valid_ = false;

  quint64 generation_ = 0;
  cs::Scenario scenario_;
  cs::Scenario saved_;  // as last opened or saved, for isModified()
  QString path_;
  std::unique_ptr<cs::Simulation> run_;
  RunSnapshots snapshots_;
  quint64 last_rewind_events_ = 0;
  bool last_restored_ahead_ = false;
  quint64 history_ = 0;
  std::size_t trace_window_ = kWindowTraceKept;
  std::int64_t long_run_transactions_ = kLongRunTransactions;
  // Makes the snapshots those of runs of scenario_ with its limits; another history when they were not.
  void syncSnapshots();
  cs::RunLimits limits_{.trace_limit = kWindowTraceLimit,
                       .queue_limit = kWindowQueueLimit,
                       .memory_limit = kWindowRunMemoryLimit,
                       .count_unkept = false,
                       .trace_windowed = true};
  QUndoStack undo_;
  QTimer* timer_ = nullptr;
  qint64 last_tick_ms_ = 0;
  double speed_ = 1.0;
  double carry_us_ = 0.0;
  QElapsedTimer wall_;  // measures wall time between ticks while playing
  cs::NodeId selected_node_ = cs::kNoNode;
  quint32 selected_message_ = 0;
  std::optional<Checkpoint> anim_;
  double anim_speed_ = 0.0;  // speed of the current animation when it has its own (0: speed_)
  std::function<bool(const cs::Simulation&)> watch_;
};
