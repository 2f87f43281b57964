#include "lab_controller.hpp"

#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "engine_text.hpp"
#include "fault_command.hpp"
#include "input_file.hpp"
#include "trace_digest.hpp"
#include "protocols/registry.hpp"
#include "scenario/lesson_walker.hpp"
#include "scenario/loader.hpp"
#include "scenario/report.hpp"

namespace {

// ~60 Hz: smooth enough for tokens moving along links, cheap enough for a laptop on battery.
constexpr int kTickMs = 16;

// The window's snapshot budget, measured from the heap (run_snapshots.hpp): at 100,000 2PC
// transactions it keeps ~100 snapshots 20,736 events apart, so that a scrub step replays at most
// that (plus kForwardLead forwards) in a process of ~370 MiB (docs/benchmarks.md, "Scrubbing,
// third pass": 160 MiB kept 67 a spacing of 31,104 apart, and the slow steps tripled).
constexpr std::size_t kWindowSnapshotBytes = std::size_t{256} << 20;

// A new seed derived from the old one, so that "re-roll" sequences are themselves reproducible.
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

QString diagnosticsText(const cs::Diagnostics& ds) {
  QStringList lines;
  for (const auto& d : ds) lines << QString::fromStdString(d.to_string());
  return lines.join(QLatin1Char('\n'));
}

// Whether two fault schedules are the same list (lessons only ever append "after_event" faults, so
// comparing triggers and the kind and ends of each action is enough).
bool sameSchedule(const std::vector<cs::Fault>& x, const std::vector<cs::Fault>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const auto& a = x[i];
    const auto& b = y[i];
    if (a.trigger.kind != b.trigger.kind || a.trigger.nth != b.trigger.nth || a.trigger.time != b.trigger.time ||
        a.action.kind != b.action.kind || a.action.a != b.action.a || a.action.b != b.action.b ||
        a.action.groups != b.action.groups)
      return false;
  }
  return true;
}

// A scheduled scenario (an explorer's counterexample) plays by itself in the lab: its steps become
// the run's events, one per virtual millisecond, so the timeline, stepping and seeking work as usual.
std::unique_ptr<cs::Simulation> createRun(const cs::Scenario& s, cs::Diagnostics& errors, const cs::RunLimits& limits) {
  auto run = cs::Simulation::create(s, errors, limits);
  if (run && s.scheduled) run->sim().set_script(s.schedule);
  return run;
}

// Moves the clock towards `t` without dispatching another event: it stops just before the next
// event, so that the event index (what fault schedules and checkpoints refer to) does not change.
// The one exception is a fault the user made at a clock up to `t` (an "after_event" fault with a
// time): it is an event, and it is dispatched, so that the run shows the fault at the time it was made.
void moveClockWithoutEvents(cs::Simulator& sim, cs::Time t) {
  sim.run_faults_until(t);
  if (const auto next = sim.next_event_time(); next && *next <= t) t = *next - 1;
  if (t > sim.now()) sim.run_until(t);
}

// A fresh run of `s` at event `n`, its clock brought as close to `clock` as it can go without
// dispatching another event (so that the event index, which fault schedules refer to, stays `n`).
std::unique_ptr<cs::Simulation> runAt(const cs::Scenario& s, quint64 n, cs::Time clock, const cs::RunLimits& limits) {
  cs::Diagnostics errors;
  auto run = createRun(s, errors, limits);
  if (!run) return run;
  cs::Simulator& sim = run->sim();
  sim.run_until_event(n);
  moveClockWithoutEvents(sim, std::min(clock, s.until));
  return run;
}

// The schedule after the user (or a lesson) performs `action` at this point of `sim` (a run of
// `schedule`): recorded as "after_event N" with the clock shown now, so that it happens at that time
// even when playback has moved the clock past event N. Faults recorded that way which have not fired
// yet lie in the future of this point: a new branch drops them.
std::vector<cs::Fault> branchWith(const std::vector<cs::Fault>& schedule, const cs::Simulator& sim,
                                  const cs::FaultAction& action) {
  std::vector<cs::Fault> out;
  out.reserve(schedule.size() + 1);
  for (std::size_t i = 0; i < schedule.size(); ++i)
    if (schedule[i].trigger.kind != cs::TriggerKind::AfterEvent || sim.fault_fired(i)) out.push_back(schedule[i]);
  cs::Fault f;
  f.trigger.kind = cs::TriggerKind::AfterEvent;
  f.trigger.nth = sim.events_dispatched();
  f.trigger.time = sim.now();
  f.action = action;
  out.push_back(f);
  return out;
}

}  // namespace

LabController::LabController(QObject* parent) : QObject(parent), timer_(new QTimer(this)) {
  snapshots_.setMaxBytes(kWindowSnapshotBytes);
  timer_->setInterval(kTickMs);
  timer_->setTimerType(Qt::PreciseTimer);
  connect(timer_, &QTimer::timeout, this, &LabController::tick);
  // A fresh controller always has a run: the first protocol of the registry at its default size.
  const auto registry = cs::protocol_registry();
  newScenario(QString::fromUtf8(registry.front().name().data(), static_cast<qsizetype>(registry.front().name().size())));
}

LabController::~LabController() = default;

// ---------------------------------------------------------------------------------------------
// Scenario

bool LabController::openScenario(const QString& path, QString* error) {
  // Regular files up to the size limit only (input_file.hpp): a FIFO or /dev/zero must not hang the window.
  const commitscope::InputFile in = commitscope::readInputFile(path);
  if (!in.ok()) {
    if (error) *error = in.error;
    return false;
  }
  const QByteArray& bytes = in.bytes;
  const std::string name = path.toStdString();
  cs::LoadResult loaded = cs::load_scenario(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), name);
  if (!loaded.scenario) {
    if (error) *error = diagnosticsText(loaded.diagnostics);
    return false;
  }
  cs::Diagnostics errors;
  if (!cs::Simulation::create(*loaded.scenario, errors)) {
    if (error) *error = errors.empty() ? tr("%1: the scenario could not be started").arg(path) : diagnosticsText(errors);
    return false;
  }
  setScenario(*loaded.scenario);
  // Resource paths (":/scenarios/...") are examples: Save must ask where to put a copy.
  path_ = path.startsWith(QLatin1Char(':')) ? QString() : QFileInfo(path).absoluteFilePath();
  emit documentChanged();
  return true;
}

bool LabController::saveScenario(const QString& path, QString* error) {
  const std::string text = cs::scenario_to_text(scenario_, run_->protocol());
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) ||
      f.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) || !f.commit()) {
    if (error) *error = tr("%1: cannot write the file: %2").arg(path, f.errorString());
    return false;
  }
  path_ = QFileInfo(path).absoluteFilePath();
  saved_ = scenario_;
  undo_.setClean();
  emit documentChanged();
  return true;
}

void LabController::newScenario(const QString& protocol) {
  const cs::ProtocolEntry* entry = cs::find_protocol(protocol.toStdString());
  if (!entry) entry = &cs::protocol_registry().front();
  newScenarioWithParams(QString::fromUtf8(entry->name().data(), static_cast<qsizetype>(entry->name().size())),
                        entry->default_params());
}

bool LabController::newScenarioWithParams(const QString& protocol, const nlohmann::json& params) {
  const cs::ProtocolEntry* entry = cs::find_protocol(protocol.toStdString());
  if (!entry) return false;
  cs::Scenario s;
  s.protocol = std::string(entry->name());
  s.title = tr("New %1 scenario").arg(EngineText::protocolName(entry->name())).toStdString();
  s.params = params;
  s.seed = 1;
  s.until = cs::ms(2000);
  cs::Diagnostics errors;
  if (!cs::Simulation::create(s, errors)) return false;
  setScenario(s);
  path_.clear();
  emit documentChanged();
  return true;
}

void LabController::setScenario(const cs::Scenario& scenario) {
  cs::Diagnostics errors;
  auto run = createRun(scenario, errors, limitsFor(scenario));
  if (!run) return;  // callers validate first; a broken scenario never replaces a working run
  ++generation_;
  cancelAnimation();  // its target belongs to the run being replaced
  pause();
  scenario_ = scenario;
  saved_ = scenario;
  run_ = std::move(run);
  ++history_;  // even the same scenario again: a fresh run at event 0, the views start over
  snapshots_.reset(scenario_, runLimits());
  resetRun();
  emit scenarioChanged();
  emit runChanged();
}

void LabController::setScenarioUntitled(const cs::Scenario& scenario) {
  setScenario(scenario);
  path_.clear();
  emit documentChanged();
}

void LabController::resetRun() {
  undo_.clear();
  invalidateMarks();
  carry_us_ = 0;
  selected_node_ = cs::kNoNode;
  selected_message_ = 0;
  emit selectionChanged();
}

bool LabController::isModified() const {
  if (!undo_.isClean()) return true;
  if (!run_) return false;
  if (saved_.protocol != scenario_.protocol) return true;  // a lesson switched to another scenario
  return cs::scenario_to_text(scenario_, run_->protocol()) != cs::scenario_to_text(saved_, run_->protocol());
}

// ---------------------------------------------------------------------------------------------
// The run

std::unique_ptr<cs::Simulation> LabController::makeRun() const {
  cs::Diagnostics errors;
  return createRun(scenario_, errors, limitsFor(scenario_));
}

std::unique_ptr<cs::Simulation> LabController::makeLeanRun() const {
  cs::Diagnostics errors;
  cs::RunLimits limits = limitsFor(scenario_);
  limits.trace_windowed = false;  // nothing is kept: count only what the run holds
  limits.count_unkept = false;
  auto run = cs::Simulation::create(scenario_, errors, limits, cs::TraceRouting{.keep = false});
  if (run && scenario_.scheduled) run->sim().set_script(scenario_.schedule);
  return run;
}

bool LabController::isLongRun(const cs::Scenario& s) const {
  for (const char* key : {"transactions", "operations"}) {
    const auto it = s.params.find(key);
    if (it != s.params.end() && it->is_number_integer() && it->get<std::int64_t>() > long_run_transactions_) return true;
  }
  return false;
}

cs::RunLimits LabController::limitsFor(const cs::Scenario& s) const {
  cs::RunLimits limits = limits_;
  if (limits.trace_windowed && isLongRun(s)) limits.forget_finished = true;
  return limits;
}

void LabController::trimHistory() {
  cs::Simulator& sim = run_->sim();
  if (!sim.config().trace_windowed || sim.trace().size() <= trace_window_ + trace_window_ / 4) return;
  sim.forget_trace_before(sim.trace_records() - trace_window_);
  // The messages sent before the first record kept: the views draw nothing earlier.
  const cs::Time from = sim.trace().front().time;
  const auto& msgs = sim.messages();
  const auto first = std::partition_point(msgs.begin(), msgs.end(), [&](const cs::Message& m) { return m.sent_at < from; });
  sim.forget_messages_before(sim.messages_base() + static_cast<std::uint32_t>(first - msgs.begin()));
}

std::unique_ptr<cs::Simulation> LabController::runBefore(quint64 event, cs::Time clock) {
  syncSnapshots();
  std::unique_ptr<cs::Simulation> run;
  // A copy's vectors have no spare capacity, so the engine's accountant counts their next growth
  // again: a restored run may count up to a snapshot's bytes more than the straight one. The live
  // run, a later point, has counted at least what the straight run counts up to there (the count
  // only grows while messages are kept, as in the window), so a snapshot is restored only when
  // both fit under the limit: the restored run never halts where the straight run would not (a run
  // near the limit replays from the start, as before).
  const bool rewind = run_ && event <= eventIndex() && clock <= now();
  // The snapshot takes its history (trace, settled messages) back from the live run: the snapshots
  // belong to runs of scenario_ with these limits, and so does run_.
  const std::size_t used = run_ ? run_->sim().memory_used() : 0;
  const std::size_t limit = run_ ? run_->sim().memory_limit() : 0;
  if (event > 0 && rewind && used < limit) run = snapshots_.restore(event, clock, *run_, limit - used);
  return run ? std::move(run) : makeRun();
}

void LabController::offerSnapshot() {
  syncSnapshots();
  snapshots_.offer(*run_);
}

void LabController::syncSnapshots() {
  if (snapshots_.matches(scenario_, runLimits())) return;
  snapshots_.reset(scenario_, runLimits());
  ++history_;
}

quint64 LabController::jumpAhead(quint64 event, cs::Time clock) {
  last_restored_ahead_ = false;
  syncSnapshots();
  cs::Simulator& sim = run_->sim();
  // A trace still whole stays whole unless the straight way there would forget it too.
  const bool whole = sim.trace_base() == 0 && sim.messages_base() == 0;
  const std::uint64_t records = whole && sim.config().trace_windowed ? trace_window_ : 0;
  if (whole && !sim.config().trace_windowed) return eventIndex();  // nothing may be dropped
  auto run = snapshots_.restoreAhead(event, clock, *run_, kForwardLead, kForwardGainEvents, records, sim.memory_limit());
  if (run) {
    run_ = std::move(run);
    last_restored_ahead_ = true;
  }
  return eventIndex();
}

void LabController::dispatchUntil(cs::Time t, quint64 last) {
  cs::Simulator& sim = run_->sim();
  const std::size_t trimAt = sim.config().trace_windowed ? trace_window_ + trace_window_ / 4
                                                                : std::numeric_limits<std::size_t>::max();
  while (sim.halted() == cs::HaltReason::None && sim.events_dispatched() < last) {
    const auto next = sim.next_event_time();
    if (!next || *next > t) break;
    if (!sim.step()) break;
    if (sim.events_dispatched() % snapshots_.spacing() == 0) offerSnapshot();
    if (sim.trace().size() > trimAt) trimHistory();
  }
  trimHistory();
  snapshots_.reached(*run_);
}

void LabController::rebuild(quint64 to_event) {
  cancelAnimation();  // the run is rewound or branched: an animation's target no longer applies
  // A snapshot strictly before the event: its clock is then no later than the event's time.
  auto run = runBefore(to_event > 0 ? to_event - 1 : 0, now());
  if (!run) return;
  const quint64 from = run->sim().events_dispatched();
  run_ = std::move(run);
  dispatchUntil(std::numeric_limits<cs::Time>::max(), to_event);
  finishRewind(from);
}

void LabController::replayTo(quint64 to_event, cs::Time clock) {
  cancelAnimation();
  // Bring the clock back to where the user was, but stop short of the next event so that the event
  // index (what the fault schedule refers to) stays exactly `to_event`.
  auto run = runBefore(to_event > 0 ? to_event - 1 : 0, clock);
  if (!run) return;
  const quint64 from = run->sim().events_dispatched();
  run_ = std::move(run);
  dispatchUntil(std::numeric_limits<cs::Time>::max(), to_event);
  moveClockWithoutEvents(run_->sim(), std::min(clock, scenario_.until));
  finishRewind(from);
}

QString LabController::traceSha256() const {
  // Same bytes and hash as the CLI's trace_sha256; none once the window has forgotten records.
  if (run_->sim().trace_base() > 0) return {};
  return QString::fromStdString(commitscope::traceSha256Hex(run_->sim()));
}

QString LabController::violatedInvariant() const {
  for (const auto& inv : run_->invariants())
    if (!inv->held()) return QString::fromStdString(inv->key());
  return {};
}

std::vector<std::pair<std::string, bool>> LabController::invariantVerdicts() const {
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& inv : run_->invariants()) out.emplace_back(inv->key(), inv->held());
  return out;
}

const std::vector<LabController::TimelineMark>& LabController::timelineMarks() const {
  if (marks_valid_) return marks_;
  marks_.clear();
  marks_valid_ = true;
  // A run that keeps no history, watched as it goes (a long run's trace is not kept whole).
  auto full = makeLeanRun();
  if (!full) return marks_;
  // Decisions: a node entering a state whose class is an outcome (commit; abort or compensated), read
  // from the protocol's descriptor, so sagas and TCC get marks too. One mark per time and kind.
  struct Marker : cs::TraceObserver {
    const cs::ProtocolDescriptor& d;
    std::vector<TimelineMark>& out;
    Marker(const cs::ProtocolDescriptor& desc, std::vector<TimelineMark>& marks) : d(desc), out(marks) {}
    std::uint32_t kinds() const override {
      return cs::trace_kind_bit(cs::TraceKind::Fault) | cs::trace_kind_bit(cs::TraceKind::State);
    }
    void observe(const cs::TraceEvent& ev) override {
      if (ev.kind == cs::TraceKind::Fault) {
        out.push_back({ev.time, TimelineMark::Kind::Fault});
        return;
      }
      if (ev.value == ev.key || ev.key >= d.states.size()) return;
      const cs::StateClass cls = d.states[ev.key].cls;
      TimelineMark::Kind kind;
      if (cls == cs::StateClass::Committed)
        kind = TimelineMark::Kind::Commit;
      else if (cls == cs::StateClass::Aborted || cls == cs::StateClass::Compensated)
        kind = TimelineMark::Kind::Abort;
      else
        return;
      if (!out.empty() && out.back().time == ev.time && out.back().kind == kind) return;
      out.push_back({ev.time, kind});
    }
  } marker(cs::find_protocol(scenario_.protocol)->descriptor(), marks_);
  full->sim().add_observer(&marker);
  full->run();
  return marks_;
}

// ---------------------------------------------------------------------------------------------
// Timeline

bool LabController::isPlaying() const { return timer_->isActive(); }

void LabController::play() {
  if (isPlaying()) return;
  // Pressing play at the end starts over, as every media player does.
  if (now() >= scenario_.until || run_->sim().halted() != cs::HaltReason::None) rebuild(0);
  carry_us_ = 0;
  wall_.start();
  timer_->start();
  emit playingChanged(true);
  emit runChanged();
}

void LabController::pause() {
  if (!timer_ || !timer_->isActive()) return;
  timer_->stop();
  emit playingChanged(false);
}

void LabController::togglePlay() { isPlaying() ? pause() : play(); }

void LabController::setSpeed(double factor) {
  factor = std::clamp(factor, 0.1, 10.0);
  if (std::abs(factor - speed_) < 1e-9) return;
  speed_ = factor;
  emit speedChanged(speed_);
}

void LabController::tick() {
  // Wall time since the last tick, not the nominal interval: a busy event loop must not slow the
  // virtual clock down.
  const qint64 elapsed_ms = wall_.restart();
  const double speed = anim_ ? std::max(speed_, anim_speed_) : speed_;
  carry_us_ += static_cast<double>(elapsed_ms) * speed * kVirtualMsPerSecondAt1x;  // ms*(ms/s) = µs
  const auto advance = static_cast<cs::Time>(carry_us_);
  carry_us_ -= static_cast<double>(advance);
  cs::Simulator& sim = run_->sim();
  cs::Time target = std::min(sim.now() + advance, scenario_.until);
  if (anim_) target = std::min(target, std::max(anim_->clock, sim.now()));
  advanceTo(target);
  offerSnapshot();  // event by event (an animation, a watch) passes boundaries unseen
  trimHistory();
  if (checkAnimationDone()) return;
  if (sim.now() >= scenario_.until || sim.halted() != cs::HaltReason::None) {
    pause();
    if (anim_) {  // the run ended before the animation's target: it cannot be reached any more
      anim_.reset();
      emit runChanged();
      emit animationFinished(false);
      return;
    }
  }
  emit runChanged();
}

void LabController::advanceTo(cs::Time target) {
  cs::Simulator& sim = run_->sim();
  if (!anim_ && !watch_) {
    dispatchUntil(target, std::numeric_limits<quint64>::max());
    if (target > sim.now()) sim.run_until(target);
    return;
  }
  // Event by event, so that an animation stops exactly at its event and a watched goal pauses the
  // run at the event that made it true.
  bool fired = false;
  for (;;) {
    if (anim_ && sim.events_dispatched() >= anim_->event) break;
    const auto next = sim.next_event_time();
    if (!next || *next > target) break;
    if (!sim.step()) break;
    if (watch_ && watch_(*run_)) {
      fired = true;
      break;
    }
  }
  if (fired) {
    pause();
    emit runChanged();
    emit watchTriggered();
    return;
  }
  moveClockWithoutEvents(sim, target);
}

bool LabController::checkAnimationDone() {
  if (!anim_) return false;
  const cs::Simulator& sim = run_->sim();
  if (sim.events_dispatched() < anim_->event || sim.now() < anim_->clock) return false;
  anim_.reset();
  pause();
  emit runChanged();
  emit animationFinished(true);
  return true;
}

void LabController::cancelAnimation() {
  if (!anim_) return;
  anim_.reset();
  pause();
  emit animationFinished(false);
}

void LabController::stepForward() {
  cs::Simulator& sim = run_->sim();
  const auto next = sim.next_event_time();
  if (!next || *next > scenario_.until) {
    // Nothing left before the end: move the clock to the end so the timeline shows it.
    if (sim.now() < scenario_.until && sim.halted() == cs::HaltReason::None) {
      sim.run_until(scenario_.until);
      emit runChanged();
    }
    return;
  }
  sim.step();
  const bool fired = watch_ && watch_(*run_);
  if (!checkAnimationDone()) emit runChanged();
  if (fired) emit watchTriggered();
}

void LabController::stepBack() {
  const quint64 n = eventIndex();
  if (n == 0) {
    if (now() == 0) return;
    rebuild(0);
  } else {
    rebuild(n - 1);
  }
  emit runChanged();
}

void LabController::seekTime(cs::Time t) {
  cancelAnimation();  // scrubbing is the learner taking over
  t = std::clamp<cs::Time>(t, 0, scenario_.until);
  // Forward seeks continue the run; backward ones go back to the nearest snapshot before `t` (else
  // to the start) and run forward from there: deterministic, and in a long run far less to replay.
  // Far forward in a long run, a snapshot ahead of the run stands in for running up to it.
  if (t < now()) {
    auto run = runBefore(eventIndex(), t);
    if (!run) return;
    const quint64 from = run->sim().events_dispatched();
    run_ = std::move(run);
    last_restored_ahead_ = false;
    dispatchUntil(t, std::numeric_limits<quint64>::max());
    finishRewind(from);
  } else {
    const quint64 from = jumpAhead(std::numeric_limits<quint64>::max(), t);
    dispatchUntil(t, std::numeric_limits<quint64>::max());
    finishRewind(from);
  }
  run_->sim().run_until(t);
  snapshots_.reached(*run_);  // the clock moved on without events: the furthest point did too
  emit runChanged();
}

void LabController::seekEvent(quint64 n) {
  cancelAnimation();
  if (n < eventIndex()) {
    last_restored_ahead_ = false;
    rebuild(n);
  } else {
    // A snapshot strictly before event n: its clock is then no later than the event's time.
    const quint64 from = n > 0 ? jumpAhead(n - 1, std::numeric_limits<cs::Time>::max()) : eventIndex();
    dispatchUntil(std::numeric_limits<cs::Time>::max(), n);
    finishRewind(from);
  }
  emit runChanged();
}

void LabController::restartSameSeed() {
  rebuild(0);
  carry_us_ = 0;
  emit runChanged();
}

void LabController::rerollSeed() {
  scenario_.seed = splitmix64(scenario_.seed) % 1'000'000'000ull + 1;  // short enough to read aloud
  invalidateMarks();
  rebuild(0);
  carry_us_ = 0;
  emit documentChanged();
  emit runChanged();
}

// ---------------------------------------------------------------------------------------------
// Faults

bool LabController::canInject(const cs::FaultAction& action) const {
  return run_->sim().halted() == cs::HaltReason::None && run_->sim().would_change(action);
}

int LabController::nodeCount() const { return static_cast<int>(run_->sim().nodes().size()); }

QString LabController::nodeName(cs::NodeId node) const {
  if (node < 0 || node >= nodeCount()) return {};
  return QString::fromStdString(run_->sim().nodes()[static_cast<std::size_t>(node)].name);
}

void LabController::injectFault(const cs::FaultAction& action) {
  if (!canInject(action)) return;
  const quint64 n = eventIndex();
  std::vector<cs::Fault> before = scenario_.faults;
  std::vector<cs::Fault> after = branchWith(before, run_->sim(), action);
  // The schedule entry is then applied by replaying to event n and the clock shown now: the live run
  // is byte-for-byte the run a reopened file gives (apply_now would record the fault as
  // "interactive", index -1).
  undo_.push(new FaultCommand(this, std::move(before), std::move(after), n, now(),
                              EngineText::faultDescription(action, run_->sim())));
  emit faultInjected(action);
}

// ---------------------------------------------------------------------------------------------
// Selection and layout

void LabController::selectNode(cs::NodeId node) {
  if (node == selected_node_) return;
  selected_node_ = node;
  emit selectionChanged();
}

void LabController::selectMessage(quint32 message) {
  if (message == selected_message_) return;
  selected_message_ = message;
  emit selectionChanged();
}

QPointF LabController::nodePosition(cs::NodeId node) const {
  const auto& nodes = run_->sim().nodes();
  if (node < 0 || static_cast<std::size_t>(node) >= nodes.size()) return {};
  const std::string& name = nodes[static_cast<std::size_t>(node)].name;
  for (const auto& l : scenario_.layout)
    if (l.node == name) return {l.x, l.y};
  // Default: a circle, the coordinating node (the descriptor's coordinating role, else node 0) at the top.
  cs::NodeId top = 0;
  const cs::RoleSpec* lead = cs::find_protocol(scenario_.protocol)->descriptor().coordinating_role();
  for (std::size_t i = 0; lead && i < nodes.size(); ++i)
    if (nodes[i].role == lead->key) {
      top = static_cast<cs::NodeId>(i);
      break;
    }
  const int count = static_cast<int>(nodes.size());
  const int slot = (node - top + count) % count;
  const double radius = std::max(180.0, 45.0 * count);
  const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * slot / std::max(1, count);
  return {radius * std::cos(angle), radius * std::sin(angle)};
}

void LabController::setNodePosition(cs::NodeId node, QPointF pos) {
  const auto& nodes = run_->sim().nodes();
  if (node < 0 || static_cast<std::size_t>(node) >= nodes.size()) return;
  const std::string& name = nodes[static_cast<std::size_t>(node)].name;
  // Rounded to whole scene units: the saved file stays readable and diffs stay small.
  const double x = std::round(pos.x());
  const double y = std::round(pos.y());
  auto it = std::find_if(scenario_.layout.begin(), scenario_.layout.end(), [&](const auto& l) { return l.node == name; });
  if (it == scenario_.layout.end()) {
    // The first drag pins every node, so the others keep their circle positions when reopened.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (static_cast<cs::NodeId>(i) == node) continue;
      const QPointF p = nodePosition(static_cast<cs::NodeId>(i));
      if (std::none_of(scenario_.layout.begin(), scenario_.layout.end(), [&](const auto& l) { return l.node == nodes[i].name; }))
        scenario_.layout.push_back({nodes[i].name, std::round(p.x()), std::round(p.y())});
    }
    scenario_.layout.push_back({name, x, y});
  } else {
    if (it->x == x && it->y == y) return;
    it->x = x;
    it->y = y;
  }
  emit nodeMoved(node);
  emit documentChanged();
}

// ---------------------------------------------------------------------------------------------
// Lessons

void LabController::restoreCheckpoint(const Checkpoint& cp) {
  pause();
  cancelAnimation();
  const bool schedule = !sameSchedule(scenario_.faults, cp.scenario.faults) || scenario_.seed != cp.scenario.seed ||
                        scenario_.params != cp.scenario.params ||  // a lesson's restart
                        scenario_.protocol != cp.scenario.protocol;  // a lesson's switch to another scenario
  const QStringList nodesBefore = nodeNames();
  const bool otherProtocol = scenario_.protocol != cp.scenario.protocol;
  scenario_ = cp.scenario;
  undo_.clear();
  if (schedule) invalidateMarks();
  replayTo(cp.event, cp.clock);
  carry_us_ = 0;
  if (schedule) emit documentChanged();
  if (otherProtocol || nodesBefore != nodeNames()) {
    // A lesson switched to a scenario with other nodes (or Back returned from one): the views
    // rebuild their items. The run is still the lesson's own, so the generation stays.
    selected_node_ = cs::kNoNode;
    selected_message_ = 0;
    emit selectionChanged();
    emit scenarioChanged();
  }
  emit runChanged();
}

QStringList LabController::nodeNames() const {
  QStringList out;
  for (int i = 0; i < nodeCount(); ++i) out << nodeName(static_cast<cs::NodeId>(i));
  return out;
}

std::optional<LabController::Checkpoint> LabController::project(const std::vector<cs::LessonAction>& actions,
                                                                QString* error) const {
  Checkpoint cp{scenario_, eventIndex(), now()};
  auto run = runAt(cp.scenario, cp.event, cp.clock, limitsFor(cp.scenario));
  if (!run) return std::nullopt;
  for (const auto& a : actions) {
    if (a.kind == cs::ActionKind::Restart) {
      // A fresh run of the lesson's scenario with other parameters, from time 0.
      cp.scenario = cs::restarted_scenario(cp.scenario, a);
      run = runAt(cp.scenario, 0, 0, limitsFor(cp.scenario));
      if (!run) return std::nullopt;
      continue;
    }
    if (a.kind == cs::ActionKind::SwitchScenario && a.scenario) {
      // A fresh run of another scenario (its own protocol, nodes and faults), from time 0.
      cp.scenario = *a.scenario;
      run = runAt(cp.scenario, 0, 0, limitsFor(cp.scenario));
      if (!run) {
        if (error) *error = tr("%1: the scenario to switch to could not be started").arg(QString::fromStdString(a.path));
        return std::nullopt;
      }
      continue;
    }
    if (a.kind == cs::ActionKind::Fault) {
      if (run->sim().halted() != cs::HaltReason::None || !run->sim().would_change(a.fault)) {
        if (error) *error = tr("%1: the fault \"%2\" has no effect at this moment")
                                .arg(QString::fromStdString(a.path), EngineText::faultDescription(a.fault, run->sim()));
        return std::nullopt;
      }
      const quint64 n = run->sim().events_dispatched();
      const cs::Time clock = run->sim().now();
      cp.scenario.faults = branchWith(cp.scenario.faults, run->sim(), a.fault);
      // Replayed rather than applied with apply_now, so that the trace is the one a reopened file
      // gives; at the clock of this moment, as the walker applies it.
      run = runAt(cp.scenario, n, clock, limitsFor(cp.scenario));
      if (!run) return std::nullopt;
      continue;
    }
    const cs::ActionResult r = cs::perform(a, *run);
    if (!r.ok) {
      if (error) *error = QString::fromStdString(a.path + ": " + r.message);
      return std::nullopt;
    }
  }
  cp.event = run->sim().events_dispatched();
  cp.clock = run->sim().now();
  return cp;
}

void LabController::animateTo(const Checkpoint& target, int wallMs) {
  pause();
  cancelAnimation();
  anim_speed_ = 0.0;
  if (wallMs > 0 && target.clock > now()) {
    // virtual µs to go / wall ms = the speed factor times kVirtualMsPerSecondAt1x
    anim_speed_ = static_cast<double>(target.clock - now()) / wallMs / kVirtualMsPerSecondAt1x;
  }
  if (!sameSchedule(scenario_.faults, target.scenario.faults)) {
    // The target includes faults the lesson injects: they join the schedule (after the current
    // event, so the run so far is unchanged) before the animation starts.
    const quint64 n = eventIndex();
    const cs::Time clock = now();
    scenario_ = target.scenario;
    undo_.clear();
    invalidateMarks();
    replayTo(n, clock);
    emit documentChanged();
  }
  anim_ = target;
  if (checkAnimationDone()) return;  // nothing to play (a fault alone)
  carry_us_ = 0;
  wall_.start();
  timer_->start();
  emit playingChanged(true);
  emit runChanged();
}

void LabController::finishAnimation() {
  if (!anim_) return;
  cs::Simulator& sim = run_->sim();
  sim.run_until_event(anim_->event);
  moveClockWithoutEvents(sim, anim_->clock);
  if (!checkAnimationDone()) {  // cannot happen for a projection of this run; never leave it pending
    anim_.reset();
    pause();
    emit runChanged();
    emit animationFinished(false);
  }
}

void LabController::setWatch(std::function<bool(const cs::Simulation&)> watch) { watch_ = std::move(watch); }
