#include "scenario/lesson_texts.hpp"

#include <algorithm>
#include <cctype>

#include "scenario/json_positions.hpp"

namespace cs {
namespace {

// Keys name what the command does, not where it is: a menu can move without touching a lesson.
constexpr UiKeyInfo kUiKeys[] = {
    {"play", false},              // Run > Play / Pause (Space)
    {"step_forward", false},      // Run > Step forward
    {"step_back", false},         // Run > Step back
    {"restart_same_seed", false}, // Run > Restart with the same seed
    {"reroll_seed", false},       // Run > Re-roll the seed
    {"explore", false},           // Run > What can go wrong?…
    {"examples_menu", false},     // File > Examples
    {"faults_menu", false},       // the Faults menu
    {"cut_link_menu", false},     // Faults > Cut link…
    {"partition_menu", false},    // Faults > Partition…
    {"heal_partition_menu", false},  // Faults > Heal the partition
    {"heal_all", false},          // Faults > Heal all links and partitions
    {"drop_next_menu", false},    // Faults > Drop next message on link…
    {"duplicate_next_menu", false},  // Faults > Duplicate next message on link…
    {"crash_node", true},         // a node's menu on the canvas: Crash R1
    {"restart_node", true},       // a node's menu on the canvas: Restart R1
    {"cut_link", false},          // a link's menu on the canvas
    {"heal_link", false},
    {"drop_next", false},         // a link's menu: Drop next message on this link
    {"duplicate_next", false},    // a link's menu: Duplicate next message on this link
    {"heal_partition", false},    // a node's or link's menu during a partition
    {"retry_step", false},        // lesson panel: Retry this step
    {"free_play", false},         // lesson panel: Free play
    {"teacher_mode", false},      // lesson panel: Teacher mode
};

constexpr SourceInfo kSources[] = {
    {"gray-lamport-2006", "Jim Gray and Leslie Lamport, “Consensus on Transaction Commit”, ACM TODS 31(1), 2006"},
    {"skeen-1981", "Dale Skeen, “Nonblocking Commit Protocols”, ACM SIGMOD 1981"},
    {"garcia-molina-salem-1987", "Hector Garcia-Molina and Kenneth Salem, “Sagas”, ACM SIGMOD 1987"},
    {"gilbert-lynch-2002",
     "Seth Gilbert and Nancy Lynch, “Brewer’s Conjecture and the Feasibility of Consistent, Available, Partition-Tolerant Web "
     "Services”, ACM SIGACT News 33(2), 2002"},
    {"abadi-2012", "Daniel Abadi, “Consistency Tradeoffs in Modern Distributed Database System Design”, IEEE Computer 45(2), 2012"},
    {"lamport-1978", "Leslie Lamport, “Time, Clocks, and the Ordering of Events in a Distributed System”, CACM 21(7), 1978"},
    {"kleppmann-ddia-7", "Martin Kleppmann, Designing Data-Intensive Applications, O’Reilly 2017, ch. 7 “Transactions”"},
    {"kleppmann-ddia-8", "Martin Kleppmann, Designing Data-Intensive Applications, O’Reilly 2017, ch. 8 “The Trouble with Distributed Systems”"},
    {"kleppmann-ddia-9", "Martin Kleppmann, Designing Data-Intensive Applications, O’Reilly 2017, ch. 9 “Consistency and Consensus”"},
    {"kleppmann-ddia-11", "Martin Kleppmann, Designing Data-Intensive Applications, O’Reilly 2017, ch. 11 “Stream Processing”"},
    {"postgresql-two-phase", "PostgreSQL documentation, “PREPARE TRANSACTION” and “Two-Phase Transactions” (section 74.4)"},
    {"helland-2007", "Pat Helland, “Life beyond Distributed Transactions: an Apostate’s Opinion”, CIDR 2007"},
};

bool key_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x80 && std::isalnum(u)) || c == '_' || c == '-';
}

}  // namespace

std::span<const UiKeyInfo> ui_keys() { return kUiKeys; }

const UiKeyInfo* find_ui_key(std::string_view key) {
  for (const auto& k : kUiKeys)
    if (k.key == key) return &k;
  return nullptr;
}

std::vector<UiRef> find_ui_refs(std::string_view text) {
  std::vector<UiRef> out;
  constexpr std::string_view kOpen = "{ui:";
  for (std::size_t p = text.find(kOpen); p != std::string_view::npos; p = text.find(kOpen, p + 1)) {
    const std::size_t end = text.find('}', p);
    if (end == std::string_view::npos) break;
    UiRef r;
    r.pos = p;
    r.len = end - p + 1;
    const std::string_view body = text.substr(p + kOpen.size(), end - p - kOpen.size());
    const std::size_t colon = body.find(':');
    r.key = std::string(body.substr(0, colon));
    if (colon != std::string_view::npos) r.arg = std::string(body.substr(colon + 1));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> ui_ref_problems(std::string_view text) {
  std::vector<std::string> out;
  for (const UiRef& r : find_ui_refs(text)) {
    const UiKeyInfo* k = find_ui_key(r.key);
    if (!k) {
      std::string known;
      for (const auto& x : kUiKeys) known += (known.empty() ? "" : ", ") + std::string(x.key);
      out.push_back("unknown UI key \"" + r.key + "\" in {ui:...}; known keys are: " + known);
    } else if (k->takes_node && r.arg.empty()) {
      out.push_back("{ui:" + r.key + "} names a node: write {ui:" + r.key + ":NODE}");
    } else if (!k->takes_node && !r.arg.empty()) {
      out.push_back("{ui:" + r.key + "} takes no argument, not \"" + r.arg + "\"");
    } else if (!std::all_of(r.arg.begin(), r.arg.end(), key_char)) {
      out.push_back("the node in {ui:" + r.key + ":" + r.arg + "} must be a node name");
    }
  }
  return out;
}

std::span<const SourceInfo> lesson_sources() { return kSources; }

const SourceInfo* find_source(std::string_view key) {
  for (const auto& s : kSources)
    if (s.key == key) return &s;
  return nullptr;
}

std::size_t english_word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '`' || (c == '{' && text.substr(i, 4) == "{ui:")) {  // a code span or UI reference: one word
      const std::size_t end = text.find(c == '`' ? '`' : '}', i + 1);
      if (end == std::string_view::npos) break;
      ++n;
      in_word = false;
      i = end;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    const bool w = u >= 0x80 || std::isalnum(u) || c == '\'' || c == '_';
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

Diagnostics lesson_length_warnings(const Lesson& lesson, std::string_view text) {
  Diagnostics out;
  const PositionedJson doc = parse_json_with_positions(text, lesson.file);
  const auto warn = [&](const std::string& path, const std::string& message) {
    Diagnostic d;
    d.file = lesson.file;
    if (doc.parsed) {
      const TextPos pos = doc.value_pos(path);
      d.line = pos.line;
      d.column = pos.column;
    }
    d.path = path;
    d.message = "warning: " + message;
    out.push_back(std::move(d));
  };
  for (const LessonStep& s : lesson.steps) {
    if (s.kind != StepKind::Narration && s.kind != StepKind::Task) continue;
    const std::size_t words = english_word_count(s.text.en);
    if (words > kMaxStepWords)
      warn(json_path_member(json_path_member(s.path, "text"), "en"),
           "step \"" + s.id + "\": " + std::to_string(words) + " words in English, more than " + std::to_string(kMaxStepWords) +
               " to read from a projector; keep about 50 and move the rest into the step's \"more\"");
  }
  if (!lesson.recap) warn("", "the lesson has no \"recap\" (\"You can now…\"), shown when it is finished");
  if (lesson.sources.empty()) warn("", "the lesson names no \"sources\" (the primary literature), shown when it is finished");
  return out;
}

}  // namespace cs
