#include "scenario/lesson_walker.hpp"
#include "scenario/lesson_numbers.hpp"

#include <algorithm>
#include <cmath>

#include "scenario/lesson_predict.hpp"
#include "sim/fault.hpp"

namespace cs {
namespace {

// Bounds on play_until so that a lesson whose target never comes cannot spin for ever.
constexpr std::uint64_t kMaxEventsPerPlay = 2'000'000;

// "5 ms", "5.340 ms". Integer arithmetic, not printf: "%.3f" follows the C locale, which a Qt
// program sets from the environment (de_DE would print "5,340 ms").
std::string ms_text(Time t) {
  const Time whole = t / kMicrosPerMs;
  const Time frac = (t < 0 ? -t : t) % kMicrosPerMs;
  std::string s = (t < 0 && whole == 0 ? "-" : "") + std::to_string(whole);
  if (frac != 0) {
    s += '.';
    s += static_cast<char>('0' + frac / 100);
    s += static_cast<char>('0' + frac / 10 % 10);
    s += static_cast<char>('0' + frac % 10);
  }
  return s + " ms";
}

// Why a run cannot go on. A run that stopped at a limit still has events: saying "no more events"
// then would send a lesson author looking for a bug in the protocol.
std::string why_run_stopped(const Simulator& sim) {
  switch (sim.halted()) {
    case HaltReason::TraceLimit:
      return "the run stopped at its trace limit of " + std::to_string(sim.config().trace_limit) + " records (at " +
             ms_text(sim.now()) + ")";
    case HaltReason::QueueLimit:
      return "the run stopped at its limit of " + std::to_string(sim.config().queue_limit) + " pending events (at " +
             ms_text(sim.now()) + ")";
    case HaltReason::MemoryLimit:
      return "the run stopped at its memory limit of " + std::to_string(sim.memory_limit() / (1024 * 1024)) + " MiB (at " +
             ms_text(sim.now()) + ")";
    case HaltReason::None: break;
  }
  return "the run has no more events (at " + ms_text(sim.now()) + ")";
}

template <class Pred>
ActionResult play_while_not(Simulation& run, Pred done, const std::string& what) {
  Simulator& sim = run.sim();
  const Time limit = std::max(run.scenario().until, sim.now());
  for (std::uint64_t n = 0; !done(); ++n) {
    const auto next = sim.next_event_time();
    if (!next) return {false, what + " never happened: " + why_run_stopped(sim)};
    if (*next > limit) return {false, what + " did not happen before the scenario's end at " + ms_text(limit)};
    if (n >= kMaxEventsPerPlay) return {false, what + " did not happen within " + std::to_string(kMaxEventsPerPlay) + " events"};
    if (!sim.step()) return {false, what + " never happened: " + why_run_stopped(sim)};
  }
  return {};
}

std::string fault_text(const FaultAction& f, const Simulator& sim) {
  std::string s(fault_kind_key(f.kind));
  if (f.a != kNoNode) s += " " + std::string(sim.node_name(f.a));
  if (f.b != kNoNode) s += "-" + std::string(sim.node_name(f.b));
  return s;
}

// A narration's numbers from the run, as the app shows them now: a placeholder that cannot be filled
// here (a protocol that cannot run the scenario, a figure with no value) fails the step.
void numbers_step(StepReport& r, const LocalizedText& text, const Simulation& run) {
  if (find_placeholders(text.en).empty()) return;
  CompareFigures cache;
  for (const std::string* t : {&text.en, &text.zh_tw})
    for (const Placeholder& p : find_placeholders(*t))
      if (placeholder_value(p, run, cache) == "?") {
        r.ok = false;
        r.message = "the number " + p.text + " cannot be filled at " + ms_text(run.sim().now());
        return;
      }
  r.message = std::to_string(find_placeholders(text.en).size()) + " number(s) from the run";
}

}  // namespace

ActionResult perform(const LessonAction& a, Simulation& run) {
  Simulator& sim = run.sim();
  switch (a.kind) {
    case ActionKind::PlayUntilTime:
      if (a.time < sim.now()) return {false, "cannot play back to " + ms_text(a.time) + ": the run is already at " + ms_text(sim.now())};
      sim.run_until(a.time);
      return {};
    case ActionKind::PlayUntilState: {
      const std::string what = std::string(sim.node_name(a.node)) + " entering " + run.protocol().info().states[a.state];
      return play_while_not(run, [&] { return run.sim().node_view(a.node).state == a.state; }, what);
    }
    case ActionKind::PlayUntilCondition:
      return play_while_not(run, [&] { return evaluate(a.condition.front(), run); }, "the condition at " + a.path);
    case ActionKind::Fault:
      if (!sim.apply_now(a.fault)) return {false, "the fault " + fault_text(a.fault, sim) + " had no effect at " + ms_text(sim.now())};
      return {};
    case ActionKind::Step:
      for (std::uint64_t i = 0; i < a.count; ++i)
        if (!sim.step()) return {false, "after " + std::to_string(i) + " of " + std::to_string(a.count) + " steps, " + why_run_stopped(sim)};
      return {};
    case ActionKind::Restart:
      return {false, "a restart replaces the run; only the lesson walker and the app can perform it"};
    case ActionKind::SwitchScenario:
      return {false, "a switch to another scenario replaces the run; only the lesson walker and the app can perform it"};
    case ActionKind::Show:
      return {};  // the app opens a view; the run does not change
  }
  return {false, "unknown action"};
}

ActionResult perform_all(const std::vector<LessonAction>& actions, Simulation& run) {
  for (const auto& a : actions) {
    ActionResult r = perform(a, run);
    if (!r.ok) {
      r.message = a.path + ": " + r.message;
      return r;
    }
  }
  return {};
}

std::vector<std::size_t> true_options(const Quiz& quiz, const Simulation& run) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < quiz.options.size(); ++i)
    if (!quiz.options[i].when.empty() && evaluate(quiz.options[i].when.front(), run)) out.push_back(i);
  return out;
}

AnswerCheck check_prediction(const Quiz& quiz, std::size_t chosen, const Simulation& run) {
  AnswerCheck a;
  const auto happened = true_options(quiz, run);
  if (chosen < quiz.options.size()) a.explanations.push_back(&quiz.options[chosen].explanation);
  a.correct = happened.size() == 1 && happened.front() == chosen;
  return a;
}

namespace {

// A wrong answer for a choice quiz: the first option that is not correct, alone.
std::optional<std::size_t> wrong_option(const Quiz& q) {
  for (std::size_t i = 0; i < q.options.size(); ++i)
    if (std::find(q.correct.begin(), q.correct.end(), i) == q.correct.end()) return i;
  return std::nullopt;
}

void goal_step(StepReport& r, const std::vector<Condition>& goal, const std::vector<Condition>& too_late,
               const std::vector<LessonAction>& solution, Simulation& run) {
  if (evaluate(goal.front(), run)) {
    r.ok = false;
    r.message = "the goal already holds before the learner acts";
    return;
  }
  if (!too_late.empty() && evaluate(too_late.front(), run)) {
    r.ok = false;
    r.message = "\"too_late\" already holds when the step starts";
    return;
  }
  const ActionResult a = perform_all(solution, run);
  if (!a.ok) {
    r.ok = false;
    r.message = "solution failed: " + a.message;
    return;
  }
  if (!evaluate(goal.front(), run)) {
    r.ok = false;
    r.message = "the solution ran but the goal does not hold at " + ms_text(run.sim().now());
    return;
  }
  r.message = "goal reached by the solution at " + ms_text(run.sim().now());
}

void quiz_step(StepReport& r, const LessonStep& s, Simulation& run) {
  const Quiz& q = s.quiz;
  switch (q.kind) {
    case QuizKind::Choice: {
      const bool right = check_answer(q, q.correct).correct;
      const auto wrong = wrong_option(q);
      const bool rejects = wrong && !check_answer(q, {*wrong}).correct;
      r.ok = right && rejects;
      r.message = !right ? "the checker rejects the declared correct answer"
                  : !wrong ? "every option is marked correct, so no answer can be wrong"
                  : !rejects ? "the checker accepts a wrong answer"
                             : "correct answer accepted, option " + std::to_string(*wrong) + " rejected";
      return;
    }
    case QuizKind::Predict: {
      // Checked where the app shows the question: before "after_prediction" and "until".
      if (const auto found = predict_giveaways(q, run); !found.empty()) r.giveaway = giveaway_text(found, run);
      if (const ActionResult a = perform_all(q.after_prediction, run); !a.ok) {
        r.ok = false;
        r.message = "after_prediction: " + a.message;
        return;
      }
      const ActionResult a = perform(q.until.front(), run);
      if (!a.ok) {
        r.ok = false;
        r.message = "until: " + a.message;
        return;
      }
      const auto happened = true_options(q, run);
      if (happened.size() != 1) {
        r.ok = false;
        std::string list;
        for (auto i : happened) list += (list.empty() ? "" : ", ") + std::to_string(i);
        r.message = happened.empty() ? "no option's condition holds at " + ms_text(run.sim().now())
                                     : "several options hold at " + ms_text(run.sim().now()) + ": " + list;
        return;
      }
      const std::size_t declared = q.correct.front();
      if (happened.front() != declared) {
        r.ok = false;
        r.message = "the lesson says option " + std::to_string(declared) + " but the run does option " +
                    std::to_string(happened.front());
        return;
      }
      const auto wrong = declared == 0 ? std::size_t{1} : std::size_t{0};
      if (!check_prediction(q, declared, run).correct || check_prediction(q, wrong, run).correct) {
        r.ok = false;
        r.message = "the prediction checker does not separate right from wrong";
        return;
      }
      r.message = "the run does option " + std::to_string(declared) + " at " + ms_text(run.sim().now()) + ", as the lesson says";
      return;
    }
    case QuizKind::MakeItHappen: goal_step(r, q.goal, s.too_late, q.solution, run); return;
  }
}

}  // namespace

Scenario restarted_scenario(const Scenario& current, const LessonAction& restart) {
  Scenario s = current;
  s.params = restart.params;
  s.faults = restart.faults;
  return s;
}

namespace {

// The run a restart or a switch_scenario step replaces the current one with.
std::unique_ptr<Simulation> restarted(const Simulation& run, const LessonAction& a, StepReport& r) {
  Diagnostics errors;
  const Scenario next = a.kind == ActionKind::SwitchScenario && a.scenario ? *a.scenario : restarted_scenario(run.scenario(), a);
  auto fresh = Simulation::create(next, errors);
  if (!fresh) {
    r.ok = false;
    r.message = errors.empty() ? "the restarted scenario could not be started" : errors.front().message;
  }
  return fresh;
}

}  // namespace

WalkReport walk_lesson(const Lesson& lesson) {
  WalkReport w;
  walk_lesson_steps(lesson, lesson.steps.size(), w);
  return w;
}

std::unique_ptr<Simulation> walk_lesson_steps(const Lesson& lesson, std::size_t count, WalkReport& w) {
  w.lesson = lesson.id;
  w.file = lesson.file;
  Diagnostics errors;
  auto run = Simulation::create(lesson.scenario, errors);
  if (!run) {
    w.ok = false;
    w.error = errors.empty() ? "the scenario could not be started" : errors.front().to_string();
    return run;
  }
  for (std::size_t i = 0; i < std::min(count, lesson.steps.size()); ++i) {
    const LessonStep& s = lesson.steps[i];
    StepReport r;
    r.index = i;
    r.id = s.id;
    r.path = s.path;
    r.kind = std::string(step_kind_key(s.kind));
    switch (s.kind) {
      case StepKind::Narration: numbers_step(r, s.text, *run); break;
      case StepKind::Action: {
        if (s.action.kind == ActionKind::Restart || s.action.kind == ActionKind::SwitchScenario) {
          run = restarted(*run, s.action, r);
          if (!run) {
            w.ok = false;
            w.steps.push_back(std::move(r));
            return run;
          }
          if (s.action.kind == ActionKind::SwitchScenario) r.message = "switched to the " + run->scenario().protocol + " scenario";
          break;
        }
        const ActionResult a = perform(s.action, *run);
        r.ok = a.ok;
        r.message = a.message;
        break;
      }
      case StepKind::Task: goal_step(r, s.goal, s.too_late, s.solution, *run); break;
      case StepKind::Quiz:
        r.kind += ":" + std::string(quiz_kind_key(s.quiz.kind));
        quiz_step(r, s, *run);
        if (!r.giveaway.empty()) {  // the run's own verdict is still worth reading after it
          r.ok = false;
          r.message = lesson.file + ": step \"" + s.id + "\": " + r.giveaway + "; then " + r.message;
        }
        break;
    }
    r.time = run->sim().now();
    w.ok = w.ok && r.ok;
    w.steps.push_back(std::move(r));
  }
  return run;
}

std::string walk_report_text(const WalkReport& w) {
  std::string out;
  if (!w.error.empty()) return w.file + ": FAIL: " + w.error + "\n";
  for (const auto& s : w.steps) {
    out += s.ok ? "  ok    " : "  FAIL  ";
    out += s.path + " " + s.kind + " " + s.id + " @" + ms_text(s.time);
    if (!s.message.empty()) out += ": " + s.message;
    out += '\n';
  }
  out += (w.ok ? "PASS " : "FAIL ") + w.file + " (" + w.lesson + ", " + std::to_string(w.steps.size()) + " steps)\n";
  return out;
}

}  // namespace cs
