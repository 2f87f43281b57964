// Words and presentation hints for the protocols' metric keys (engine `Metric::key`, e.g. "ops_ok",
// "stale_reads", "compensations"): the translated name shown by the metrics chart, whether a figure is
// a duration, which tone of colour suits it, and the few metrics each protocol shows by default.
//
// Kept apart from engine_text.cpp (which owns states, messages, notes, ...) because only the metrics
// chart uses these. Keys this table does not know (a protocol added later) are shown as they are.
#pragma once

#include <QString>
#include <string_view>
#include <vector>

namespace MetricText {

// The translated name, e.g. "stale_reads" -> "Stale reads" / "過時讀取". Translated at call time
// (context "MetricName"), so a language switch takes effect on the next refresh.
QString name(std::string_view key);
// A short label ("Committed" for "Transactions committed"), for a projector's narrow picker; the
// name for a key without one. label() picks by mode.
QString shortName(std::string_view key);
QString label(std::string_view key, bool projector);

// Durations are reported in virtual microseconds (keys ending in "_us") and plotted in milliseconds
// on their own axis; everything else is a count or a level.
bool isDuration(std::string_view key);

// What a rising line means, so that colours tell the story at a glance on a projector: successes
// green, failures vermillion, anomalies (stale reads, duplicates, conflicts) orange, things held or
// pending (locks, reservations, running sagas) purple, durations blue, everything else sky blue.
enum class Tone { Good, Bad, Anomaly, Level, Duration, Neutral };
Tone tone(std::string_view key);

// The 2-3 most instructive metrics of a protocol (registry name, e.g. "cap-register"), in order.
// Empty for an unknown protocol (the chart then shows the first metrics it finds).
std::vector<std::string_view> defaults(std::string_view protocol);

}  // namespace MetricText
