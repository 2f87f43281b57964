// load_lesson: the top level of a lesson file, its steps and quizzes (the parts that refer to the
// run are read by LessonReader). Every check reports and carries on, so an author sees all problems.
#include <algorithm>
#include <set>

#include "scenario/lesson.hpp"
#include "scenario/lesson_reader.hpp"
#include "scenario/lesson_texts.hpp"

namespace cs {

using lesson_detail::json;
using lesson_detail::LessonReader;

std::string_view quiz_kind_key(QuizKind k) {
  switch (k) {
    case QuizKind::Choice: return "choice";
    case QuizKind::Predict: return "predict";
    case QuizKind::MakeItHappen: return "make_it_happen";
  }
  return "choice";
}

std::string_view step_kind_key(StepKind k) {
  switch (k) {
    case StepKind::Narration: return "narration";
    case StepKind::Action: return "action";
    case StepKind::Task: return "task";
    case StepKind::Quiz: return "quiz";
  }
  return "narration";
}

std::size_t Lesson::question_count() const {
  return static_cast<std::size_t>(
      std::count_if(steps.begin(), steps.end(), [](const LessonStep& s) { return s.kind == StepKind::Quiz; }));
}

const Scenario& Lesson::scenario_at(std::size_t index) const {
  const Scenario* in_effect = &scenario;
  for (std::size_t i = 0; i <= index && i < steps.size(); ++i) {
    const LessonAction& a = steps[i].action;
    if (steps[i].kind == StepKind::Action && a.kind == ActionKind::SwitchScenario && a.scenario) in_effect = &*a.scenario;
  }
  return *in_effect;
}

namespace {

constexpr std::string_view kTopKeys[] = {"id", "title", "summary", "topic", "minutes", "prerequisites", "scenario", "steps",
                                          "recap", "sources"};
constexpr std::string_view kStepKinds[] = {"narration", "action", "task", "quiz"};
constexpr std::string_view kNarrationKeys[] = {"kind", "id", "text", "more", "highlight"};
constexpr std::string_view kActionExtra[] = {"kind", "id", "highlight"};
constexpr std::string_view kTaskKeys[] = {"kind", "id", "text", "more", "goal", "too_late", "hints", "solution", "highlight"};
constexpr std::string_view kChoiceKeys[] = {"kind", "id", "quiz", "question", "options", "correct", "highlight"};
constexpr std::string_view kPredictKeys[] = {"kind", "id", "quiz", "question", "options", "correct", "until",
                                            "after_prediction", "highlight"};
constexpr std::string_view kMakeKeys[] = {"kind",     "id",          "quiz",     "question", "goal",
                                          "too_late", "hints",       "solution", "explanation", "highlight"};
constexpr std::string_view kOptionKeys[] = {"text", "explanation"};
constexpr std::string_view kPredictOptionKeys[] = {"text", "explanation", "when"};
constexpr std::size_t kMinQuestions = 3;
// More questions than this turn a lesson into a test; a teacher cannot get through them in a period.
constexpr std::size_t kMaxQuestions = 6;

bool valid_id(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

class StepLoader {
 public:
  StepLoader(LessonReader& r, const PositionedJson& doc) : r_(r), doc_(doc) {}

  std::optional<Lesson> load(std::string_view file);

 private:
  std::optional<LessonStep> step(const json& v, const std::string& path, std::size_t index);
  void sources(const json& v, Lesson& l);
  void quiz(const json& v, const std::string& path, LessonStep& s);
  std::vector<QuizOption> options(const json& v, const std::string& path, bool predict);
  std::vector<std::size_t> correct(const json& v, const std::string& path, std::size_t option_count, bool single);
  void task_parts(const json& v, const std::string& path, std::vector<Condition>& goal, std::vector<LocalizedText>& hints,
                  std::vector<LessonAction>& solution, bool need_solution);
  void too_late(const json& v, const std::string& path, LessonStep& s);

  LessonReader& r_;
  const PositionedJson& doc_;
  std::set<std::string> ids_;
};

std::optional<Lesson> StepLoader::load(std::string_view file) {
  const json& root = doc_.value;
  if (!root.is_object()) {
    r_.error("", "a lesson file must contain one JSON object {...}, not " + type_phrase(root));
    return std::nullopt;
  }
  const std::size_t before = r_.error_count();
  Lesson l;
  l.file = std::string(file);
  r_.check_keys(root, "", kTopKeys, "a lesson");

  for (std::string_view k : {"id", "title", "topic", "minutes", "scenario", "steps"})
    if (!root.contains(std::string(k))) r_.missing("", k, "missing key \"" + std::string(k) + "\" (see docs/lesson-format.md)");

  if (root.contains("id")) {
    if (auto id = r_.string(root["id"], "id", "id")) {
      if (!valid_id(*id)) r_.error("id", "id must use only a-z, 0-9, '-' and '_', such as \"07-two-phase-commit\", not \"" + *id + "\"");
      l.id = *id;
    }
  }
  if (root.contains("title")) {
    if (auto t = r_.text(root["title"], "title", "the title")) l.title = std::move(*t);
  }
  if (root.contains("summary")) {
    if (auto t = r_.text(root["summary"], "summary", "the summary")) l.summary = std::move(*t);
  }
  if (root.contains("topic")) {
    if (auto t = r_.string(root["topic"], "topic", "topic")) {
      if (!valid_id(*t)) r_.error("topic", "topic is a key using only a-z, 0-9, '-' and '_', such as \"atomic-commit\"");
      l.topic = *t;
    }
  }
  if (root.contains("minutes")) {
    if (auto m = r_.integer(root["minutes"], "minutes", "minutes (estimated time)", 1, 240)) l.minutes = static_cast<int>(*m);
  }
  if (root.contains("prerequisites")) {
    const json& p = root["prerequisites"];
    if (!p.is_array()) {
      r_.error("prerequisites", "prerequisites must be a list of lesson ids, not " + type_phrase(p));
    } else {
      for (std::size_t i = 0; i < p.size(); ++i)
        if (auto s = r_.string(p[i], json_path_index("prerequisites", i), "a prerequisite (a lesson id)")) l.prerequisites.push_back(*s);
    }
  }
  if (root.contains("recap")) {
    if (auto t = r_.text(root["recap"], "recap", "the recap")) l.recap = std::move(*t);
  }
  if (root.contains("sources")) sources(root["sources"], l);
  // The scenario comes before the steps: their names are checked against it.
  if (root.contains("scenario")) {
    if (auto s = r_.scenario(root["scenario"], "scenario")) l.scenario = std::move(*s);
  }
  if (root.contains("steps")) {
    const json& steps = root["steps"];
    if (!steps.is_array() || steps.empty()) {
      r_.error("steps", "steps must be a non-empty list of steps, not " + type_phrase(steps));
    } else if (r_.knows_names()) {
      for (std::size_t i = 0; i < steps.size(); ++i)
        if (auto s = step(steps[i], json_path_index("steps", i), i)) l.steps.push_back(std::move(*s));
      std::size_t questions = 0;
      bool active = false;
      for (const auto& s : l.steps) {
        if (s.kind != StepKind::Quiz) continue;
        ++questions;
        active = active || s.quiz.kind != QuizKind::Choice;
      }
      // Only meaningful when every step was read; otherwise the counts are off.
      if (l.steps.size() == steps.size()) {
        if (questions < kMinQuestions)
          r_.error("steps", "a lesson ends with at least " + std::to_string(kMinQuestions) + " questions (quiz steps), but this one has " +
                                std::to_string(questions));
        if (questions > kMaxQuestions)
          r_.error("steps", "a lesson has at most " + std::to_string(kMaxQuestions) + " questions (quiz steps), but this one has " +
                                std::to_string(questions) + "; keep the ones that need the run to answer");
        if (!active) r_.error("steps", "at least one question must be a \"predict\" or \"make_it_happen\" quiz");
        if (l.steps.back().kind != StepKind::Quiz)
          r_.error(json_path_index("steps", steps.size() - 1), "the last step of a lesson must be a quiz question");
      }
    }
  }
  if (r_.error_count() != before) return std::nullopt;
  return l;
}

std::optional<LessonStep> StepLoader::step(const json& v, const std::string& path, std::size_t index) {
  if (!r_.expect_object(v, path, "a step")) return std::nullopt;
  const std::size_t before = r_.error_count();
  LessonStep s;
  s.path = path;
  if (!v.contains("kind")) {
    r_.missing(path, "kind", "missing key \"kind\": one of " + join(kStepKinds));
    return std::nullopt;
  }
  auto kind = r_.string(v["kind"], json_path_member(path, "kind"), "kind");
  if (!kind) return std::nullopt;
  auto it = std::find(std::begin(kStepKinds), std::end(kStepKinds), *kind);
  if (it == std::end(kStepKinds)) {
    r_.error(json_path_member(path, "kind"), "unknown step kind \"" + *kind + "\"; kinds are " + join(kStepKinds));
    return std::nullopt;
  }
  s.kind = static_cast<StepKind>(it - std::begin(kStepKinds));

  // Ids are how progress is stored; quizzes must name theirs so that editing a lesson keeps answers.
  if (v.contains("id")) {
    if (auto id = r_.string(v["id"], json_path_member(path, "id"), "id")) {
      if (!valid_id(*id)) r_.error(json_path_member(path, "id"), "a step id uses only a-z, 0-9, '-' and '_'");
      else if (!ids_.insert(*id).second) r_.error(json_path_member(path, "id"), "the step id \"" + *id + "\" is used twice in this lesson");
      s.id = *id;
    }
  } else if (s.kind == StepKind::Quiz) {
    r_.missing(path, "id", "missing key \"id\": a quiz needs a stable id (progress is stored by it)");
  } else {
    s.id = "step-" + std::to_string(index + 1);
  }
  if (v.contains("highlight")) s.highlight = r_.highlights(v["highlight"], json_path_member(path, "highlight"));
  if (v.contains("more") && (s.kind == StepKind::Narration || s.kind == StepKind::Task)) {
    if (auto t = r_.text(v["more"], json_path_member(path, "more"), "the longer explanation (\"more\")")) s.more = std::move(*t);
  }

  switch (s.kind) {
    case StepKind::Narration:
      r_.check_keys(v, path, kNarrationKeys, "a narration step");
      if (auto t = r_.text_member(v, path, "text", "the narration")) s.text = std::move(*t);
      break;
    case StepKind::Action:
      if (auto a = r_.action(v, path, kActionExtra, true)) s.action = std::move(*a);
      break;
    case StepKind::Task:
      r_.check_keys(v, path, kTaskKeys, "a task step");
      if (auto t = r_.text_member(v, path, "text", "the task's instruction")) s.text = std::move(*t);
      task_parts(v, path, s.goal, s.hints, s.solution, true);
      too_late(v, path, s);
      break;
    case StepKind::Quiz: quiz(v, path, s); break;
  }
  if (r_.error_count() != before) return std::nullopt;
  return s;
}

// A list of source keys, each known (scenario/lesson_texts.hpp) and listed once.
void StepLoader::sources(const json& v, Lesson& l) {
  if (!v.is_array() || v.empty()) {
    r_.error("sources", "sources must be a non-empty list of source keys such as \"gray-lamport-2006\", not " + type_phrase(v));
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string p = json_path_index("sources", i);
    auto key = r_.string(v[i], p, "a source key");
    if (!key) continue;
    if (!find_source(*key)) {
      std::string known;
      for (const auto& s : lesson_sources()) known += (known.empty() ? "" : ", ") + std::string(s.key);
      r_.error(p, "unknown source \"" + *key + "\"; known sources are: " + known);
    } else if (std::find(l.sources.begin(), l.sources.end(), *key) != l.sources.end()) {
      r_.error(p, "the source \"" + *key + "\" is listed twice");
    } else {
      l.sources.push_back(*key);
    }
  }
}

// A task's or make-it-happen quiz's moment that has passed: the window offers to retry the step.
void StepLoader::too_late(const json& v, const std::string& path, LessonStep& s) {
  if (!v.contains("too_late")) return;
  if (auto c = r_.condition(v["too_late"], json_path_member(path, "too_late"))) s.too_late.push_back(std::move(*c));
}

void StepLoader::task_parts(const json& v, const std::string& path, std::vector<Condition>& goal,
                            std::vector<LocalizedText>& hints, std::vector<LessonAction>& solution, bool need_solution) {
  if (!v.contains("goal")) {
    r_.missing(path, "goal", "missing key \"goal\": the condition on the engine's state that completes this step");
  } else if (auto c = r_.condition(v["goal"], json_path_member(path, "goal"))) {
    goal.push_back(std::move(*c));
  }
  if (!v.contains("hints")) {
    r_.missing(path, "hints", "missing key \"hints\": at least one hint for a learner who is stuck");
  } else {
    hints = r_.texts(v["hints"], json_path_member(path, "hints"), "a hint");
    if (v["hints"].is_array() && v["hints"].empty()) r_.error(json_path_member(path, "hints"), "give at least one hint");
  }
  if (!v.contains("solution")) {
    if (need_solution)
      r_.missing(path, "solution", "missing key \"solution\": the actions that reach the goal (the walker checks them)");
  } else {
    solution = r_.actions(v["solution"], json_path_member(path, "solution"));
    if (v["solution"].is_array() && v["solution"].empty()) r_.error(json_path_member(path, "solution"), "a solution needs at least one action");
  }
}

std::vector<QuizOption> StepLoader::options(const json& v, const std::string& path, bool predict) {
  std::vector<QuizOption> out;
  if (!v.is_array() || v.size() < 2) {
    r_.error(path, "options must be a list of at least two options, not " + type_phrase(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string p = json_path_index(path, i);
    if (!r_.expect_object(v[i], p, "an option")) continue;
    if (predict)
      r_.check_keys(v[i], p, kPredictOptionKeys, "a predict option");
    else
      r_.check_keys(v[i], p, kOptionKeys, "an option");
    QuizOption o;
    if (auto t = r_.text_member(v[i], p, "text", "the option")) o.text = std::move(*t);
    if (auto t = r_.text_member(v[i], p, "explanation", "an explanation of why this option is right or wrong"))
      o.explanation = std::move(*t);
    if (predict) {
      if (!v[i].contains("when"))
        r_.missing(p, "when", "missing key \"when\": the condition that is true if this option is what happens");
      else if (auto c = r_.condition(v[i]["when"], json_path_member(p, "when")))
        o.when.push_back(std::move(*c));
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::size_t> StepLoader::correct(const json& v, const std::string& path, std::size_t option_count, bool single) {
  std::vector<std::size_t> out;
  const auto one = [&](const json& x, const std::string& p) {
    if (!x.is_number_unsigned() || x.get<std::uint64_t>() >= option_count) {
      r_.error(p, "a correct answer is an option index from 0 to " + std::to_string(option_count == 0 ? 0 : option_count - 1) +
                      ", not " + type_phrase(x));
      return;
    }
    const auto i = static_cast<std::size_t>(x.get<std::uint64_t>());
    if (std::find(out.begin(), out.end(), i) != out.end()) r_.error(p, "option " + std::to_string(i) + " is listed twice");
    else out.push_back(i);
  };
  if (v.is_array()) {
    if (single) r_.error(path, "a predict quiz has exactly one correct option: give one index, not a list");
    else if (v.empty()) r_.error(path, "correct must name at least one option");
    for (std::size_t i = 0; i < v.size(); ++i) one(v[i], json_path_index(path, i));
  } else {
    one(v, path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void StepLoader::quiz(const json& v, const std::string& path, LessonStep& s) {
  if (!v.contains("quiz")) {
    r_.missing(path, "quiz", "missing key \"quiz\": choice, predict or make_it_happen");
    return;
  }
  const std::string qp = json_path_member(path, "quiz");
  auto kind = r_.string(v["quiz"], qp, "quiz");
  if (!kind) return;
  Quiz& q = s.quiz;
  if (*kind == "choice") {
    q.kind = QuizKind::Choice;
    r_.check_keys(v, path, kChoiceKeys, "a choice quiz");
  } else if (*kind == "predict") {
    q.kind = QuizKind::Predict;
    r_.check_keys(v, path, kPredictKeys, "a predict quiz");
  } else if (*kind == "make_it_happen") {
    q.kind = QuizKind::MakeItHappen;
    r_.check_keys(v, path, kMakeKeys, "a make_it_happen quiz");
  } else {
    r_.error(qp, "unknown quiz kind \"" + *kind + "\"; kinds are choice, predict, make_it_happen");
    return;
  }
  if (auto t = r_.text_member(v, path, "question", "the question")) q.question = std::move(*t);
  if (q.kind == QuizKind::MakeItHappen) {
    task_parts(v, path, q.goal, q.hints, q.solution, true);
    too_late(v, path, s);
    if (v.contains("explanation")) {
      if (auto t = r_.text(v["explanation"], json_path_member(path, "explanation"), "the explanation")) q.explanation = std::move(*t);
    }
    return;
  }
  const bool predict = q.kind == QuizKind::Predict;
  if (!v.contains("options")) r_.missing(path, "options", "missing key \"options\"");
  else q.options = options(v["options"], json_path_member(path, "options"), predict);
  if (!v.contains("correct")) r_.missing(path, "correct", "missing key \"correct\": the index (from 0) of the correct option");
  else q.correct = correct(v["correct"], json_path_member(path, "correct"), q.options.size(), predict);
  if (predict) {
    if (!v.contains("until"))
      r_.missing(path, "until", "missing key \"until\": how far the run plays before the answer is compared, such as {\"ms\": 900}");
    else if (auto a = r_.play_until(v["until"], json_path_member(path, "until")))
      q.until.push_back(std::move(*a));
    if (v.contains("after_prediction"))
      q.after_prediction = r_.actions(v["after_prediction"], json_path_member(path, "after_prediction"),
                                      "\"after_prediction\"");
  }
}

}  // namespace

LessonLoadResult load_lesson(std::string_view text, std::string_view file_name) {
  LessonLoadResult r;
  PositionedJson doc = parse_json_with_positions(text, file_name);
  r.diagnostics = doc.errors;
  if (doc.parsed) {
    LessonReader reader(doc, file_name, r.diagnostics);
    StepLoader loader(reader, doc);
    auto l = loader.load(file_name);
    if (r.diagnostics.empty()) r.lesson = std::move(l);
  }
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return r;
}

namespace {

// Looks for a "steps" key in the top-level object without building the document (which for a 50 MB
// scenario would cost as much as loading it), and stops as soon as it finds one.
class TopLevelStepsKey final : public nlohmann::json_sax<json> {
 public:
  bool found = false;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth_, true; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return ++depth_, true; }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    found = depth_ == 1 && k == "steps";
    return !found;  // stop at once
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  std::size_t depth_ = 0;
};

}  // namespace

bool looks_like_lesson(std::string_view text) {
  TopLevelStepsKey sax;
  const bool complete = json::sax_parse(text.begin(), text.end(), &sax);
  if (sax.found) return true;
  if (complete) return false;
  return text.find("\"steps\"") != std::string_view::npos;  // broken JSON: the best guess
}

AnswerCheck check_answer(const Quiz& quiz, const std::vector<std::size_t>& chosen) {
  AnswerCheck a;
  std::vector<std::size_t> sorted = chosen;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  bool in_range = true;
  for (std::size_t i : chosen) {
    if (i < quiz.options.size()) a.explanations.push_back(&quiz.options[i].explanation);
    else in_range = false;
  }
  a.correct = in_range && !sorted.empty() && sorted == quiz.correct;
  return a;
}

}  // namespace cs
