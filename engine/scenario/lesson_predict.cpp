#include "scenario/lesson_predict.hpp"

#include "scenario/condition.hpp"
#include "scenario/json_positions.hpp"
#include "scenario/lesson_walker.hpp"

namespace cs {
namespace {

bool lower_bound_only(const Condition& c) { return !c.at_most.has_value(); }

// Whether a condition, once true, stays true for the rest of the run: it asks for something that
// only accumulates. Those are what a learner can read the answer from (a record in a log, a message
// on its way); a state or a metric may change back, so it is not evidence of the outcome.
bool accumulates(const Condition& c) {
  using K = ConditionKind;
  switch (c.kind) {
    case K::Log:
    case K::Note: return true;
    case K::MessagesSent:
    case K::MessagesDropped:
    case K::Crashes: return lower_bound_only(c);
    case K::TxnOutcome: return c.outcome == TxnOutcome::Committed || c.outcome == TxnOutcome::Aborted;
    case K::Invariant: return !c.flag;  // "has held so far" can only become false
    case K::Any:
      for (const auto& child : c.children)
        if (!accumulates(child)) return false;
      return !c.children.empty();
    default: return false;
  }
}

// The pieces of evidence an option's condition asks for: its accumulating parts, looking through
// "all" (each part must happen) but not through "not" (a thing that must not happen is no evidence).
void collect_evidence(const Condition& c, std::vector<const Condition*>& out) {
  if (c.kind == ConditionKind::All) {
    for (const auto& child : c.children) collect_evidence(child, out);
    return;
  }
  if (accumulates(c)) out.push_back(&c);
}

std::string count_text(const Condition& c) {
  if (!c.at_least || *c.at_least <= 1) return "";
  return " at least " + std::to_string(*c.at_least) + " times";
}

std::string txn_text(TxnId t) { return t == 0 ? "" : " for transaction " + std::to_string(t); }

std::string node_text(const Simulation& run, NodeId n) { return std::string(run.sim().node_name(n)); }

// A condition that holds, said as a fact about the run ("C's log already has ABORT for transaction 1").
std::string describe(const Condition& c, const Simulation& run) {
  const ProtocolInfo& info = run.protocol().info();
  using K = ConditionKind;
  switch (c.kind) {
    case K::Log:
      return node_text(run, c.node) + "'s log already has " + info.log_records[c.code] + txn_text(c.txn);
    case K::Note:
      return "the protocol already noted " + info.notes[c.code] +
             (c.node == kNoNode ? "" : " at " + node_text(run, c.node)) + txn_text(c.txn);
    case K::MessagesSent:
      return info.messages[c.code] + " has already been sent" +
             (c.node == kNoNode ? "" : " by " + node_text(run, c.node)) +
             (c.peer == kNoNode ? "" : " to " + node_text(run, c.peer)) + count_text(c) + " (sent messages are visible in flight)";
    case K::MessagesDropped:
      return std::string(c.any_code ? "a message" : info.messages[c.code]) + " has already been lost" + count_text(c);
    case K::Crashes: return node_text(run, c.node) + " has already crashed" + count_text(c);
    case K::TxnOutcome:
      return "transaction " + std::to_string(c.txn) + " is already " + std::string(txn_outcome_key(c.outcome));
    case K::Invariant: return "the invariant " + c.key + " is already broken";
    case K::Any: {
      for (const auto& child : c.children)
        if (evaluate(child, run)) return describe(child, run);
      return "the condition holds";
    }
    default: return "the condition holds";
  }
}

// "5 ms", "5.340 ms" (integer arithmetic: no locale).
std::string ms_text(Time t) {
  std::string s = std::to_string(t / kMicrosPerMs);
  if (const Time frac = t % kMicrosPerMs; frac != 0) {
    std::string f = std::to_string(frac);
    s += "." + std::string(3 - f.size(), '0') + f;
  }
  return s + " ms";
}

}  // namespace

std::vector<Giveaway> predict_giveaways(const Quiz& quiz, const Simulation& run) {
  std::vector<Giveaway> out;
  if (quiz.kind != QuizKind::Predict || quiz.correct.empty() || quiz.correct.front() >= quiz.options.size()) return out;
  const std::size_t right = quiz.correct.front();
  const QuizOption& option = quiz.options[right];
  if (option.when.empty()) return out;
  const Condition& when = option.when.front();
  std::vector<const Condition*> evidence;
  collect_evidence(when, evidence);
  for (const Condition* c : evidence)
    if (evaluate(*c, run)) out.push_back({c->path, describe(*c, run)});
  if (out.empty() && evaluate(when, run))
    out.push_back({when.path, "the right option (" + std::to_string(right) + ") already holds"});
  return out;
}

std::string giveaway_text(const std::vector<Giveaway>& found, const Simulation& run) {
  std::string s = "the answer is visible before the question is asked (at " + ms_text(run.sim().now()) + "): ";
  for (std::size_t i = 0; i < found.size(); ++i)
    s += (i == 0 ? "" : "; ") + found[i].what + " (" + found[i].path + ")";
  return s + "; stop the run before this happens, or do what decides it in \"after_prediction\"";
}

Diagnostics predict_question_diagnostics(const Lesson& lesson, std::string_view text) {
  Diagnostics out;
  const WalkReport walk = walk_lesson(lesson);
  const PositionedJson doc = parse_json_with_positions(text, lesson.file);
  for (const StepReport& r : walk.steps) {
    if (r.giveaway.empty()) continue;
    Diagnostic d;
    d.file = lesson.file;
    if (doc.parsed) {
      const TextPos pos = doc.value_pos(r.path);
      d.line = pos.line;
      d.column = pos.column;
    }
    d.path = r.path;
    d.message = "predict step \"" + r.id + "\": " + r.giveaway;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace cs
