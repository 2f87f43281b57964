#include "scenario/lesson_fairness.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>

#include "scenario/json_positions.hpp"

namespace cs {
namespace {

using Words = std::set<std::string>;

std::size_t characters(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool common_word(const std::string& w) {
  static constexpr std::string_view kCommon[] = {
      "that", "this", "with", "from", "have", "been", "were", "will", "would", "what", "when", "which", "their",
      "there", "them", "then", "than", "they", "into", "only", "also", "each", "does", "done", "some", "more",
      "most", "such", "very", "your", "just", "like", "same", "other", "over", "after", "before", "while",
      "about", "because", "could", "should", "must", "being"};
  return std::find(std::begin(kCommon), std::end(kCommon), w) != std::end(kCommon);
}

Words words(std::string_view text) {
  Words out;
  std::string w;
  const auto flush = [&] {
    if (w.size() >= 4 && !common_word(w)) {
      if (w.size() > 4 && w.back() == 's') w.pop_back();
      out.insert(w);
    }
    w.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && (std::isalnum(u) || c == '_')) w += static_cast<char>(std::tolower(u));
    else flush();
  }
  flush();
  return out;
}

// What the learner read just before step `i`: see the header.
std::string text_before(const Lesson& lesson, std::size_t i) {
  for (std::size_t j = i; j-- > 0;) {
    const LessonStep& s = lesson.steps[j];
    if (s.kind == StepKind::Action) continue;
    if (s.kind != StepKind::Quiz) return s.text.en;
    std::string t = s.quiz.question.en;
    for (const auto& o : s.quiz.options) t += " " + o.text.en + " " + o.explanation.en;
    if (s.quiz.explanation) t += " " + s.quiz.explanation->en;
    return t;
  }
  return {};
}

bool is_right(const Quiz& q, std::size_t k) { return std::find(q.correct.begin(), q.correct.end(), k) != q.correct.end(); }

class Checker {
 public:
  Checker(const Lesson& lesson, std::string_view text) : lesson_(lesson), doc_(parse_json_with_positions(text, lesson.file)) {}

  void question(std::size_t i) {
    const LessonStep& s = lesson_.steps[i];
    const Quiz& q = s.quiz;
    lengths(s, "en", [](const LocalizedText& t) -> const std::string& { return t.en; });
    lengths(s, "zh-TW", [](const LocalizedText& t) -> const std::string& { return t.zh_tw; });
    Words known = words(q.question.en);
    for (std::size_t k = 0; k < q.options.size(); ++k)
      if (!is_right(q, k)) known.merge(words(q.options[k].text.en));
    const Words before = words(text_before(lesson_, i));
    for (std::size_t k : q.correct) {
      if (k >= q.options.size()) continue;
      std::size_t distinctive = 0, told = 0;
      std::string list;
      for (const std::string& w : words(q.options[k].text.en)) {
        if (known.count(w)) continue;
        ++distinctive;
        if (before.count(w)) {
          ++told;
          list += (list.empty() ? "" : ", ") + w;
        }
      }
      if (distinctive >= kMinDistinctiveWords && static_cast<double>(told) >= kToldBeforeShare * static_cast<double>(distinctive))
        warn(option_path(s, k, "en"), s, "the right option's distinctive words (" + list + ": " + std::to_string(told) + " of " +
                                             std::to_string(distinctive) + ") are in the text shown just before the question; ask before telling, or ask about something else");
    }
  }

  Diagnostics take() { return std::move(out_); }

 private:
  template <class Pick>
  void lengths(const LessonStep& s, const char* lang, Pick pick) {
    const Quiz& q = s.quiz;
    std::size_t longest_wrong = 0;
    for (std::size_t k = 0; k < q.options.size(); ++k)
      if (!is_right(q, k)) longest_wrong = std::max(longest_wrong, characters(pick(q.options[k].text)));
    for (std::size_t k : q.correct) {
      if (k >= q.options.size() || longest_wrong == 0) continue;
      const std::size_t n = characters(pick(q.options[k].text));
      if (static_cast<double>(n) <= kMaxRightToWrongLength * static_cast<double>(longest_wrong)) continue;
      char ratio[24];
      std::snprintf(ratio, sizeof ratio, "%.2f", static_cast<double>(n) / static_cast<double>(longest_wrong));
      warn(option_path(s, k, lang), s, "the right option (" + std::to_string(n) + " characters) is " + ratio +
                                           " times as long as the longest wrong one (" + std::to_string(longest_wrong) +
                                           "); more than 1.5 gives it away: shorten it or make the wrong ones as full");
    }
  }

  static std::string option_path(const LessonStep& s, std::size_t k, const char* lang) {
    return json_path_member(json_path_member(json_path_index(json_path_member(s.path, "options"), k), "text"), lang);
  }

  void warn(const std::string& path, const LessonStep& s, const std::string& what) {
    Diagnostic d;
    d.file = lesson_.file;
    if (doc_.parsed) {
      const TextPos pos = doc_.value_pos(path);
      d.line = pos.line;
      d.column = pos.column;
    }
    d.path = path;
    d.message = "warning: question \"" + s.id + "\": " + what;
    out_.push_back(std::move(d));
  }

  const Lesson& lesson_;
  PositionedJson doc_;
  Diagnostics out_;
};

}  // namespace

Diagnostics question_fairness_warnings(const Lesson& lesson, std::string_view text) {
  Checker c(lesson, text);
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    const LessonStep& s = lesson.steps[i];
    if (s.kind == StepKind::Quiz && s.quiz.kind != QuizKind::MakeItHappen) c.question(i);
  }
  return c.take();
}

}  // namespace cs
