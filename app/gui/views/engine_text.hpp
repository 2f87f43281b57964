// The one place where the engine's stable keys (state, message, log record, timer, note, role,
// fault, outcome, trace kind, drop reason, invariant and protocol names) become words on screen.
//
// Canonical protocol names (READY, PREPARE, ...) stay visible in every language because lessons and
// textbooks use them: the zh-TW translation of a state is e.g. "READY（就緒）". Keys this table does not
// know (a protocol added later) are shown as they are, so nothing ever shows up blank.
#pragma once

#include <QString>
#include <string_view>

#include "scenario/compare_refusal.hpp"
#include "sim/fault.hpp"
#include "sim/simulator.hpp"
#include "sim/protocol.hpp"
#include "sim/trace.hpp"

namespace cs {
class Simulator;
}

namespace EngineText {

QString state(std::string_view key);
QString message(std::string_view key);
QString logRecord(std::string_view key);
QString timer(std::string_view key);
QString note(std::string_view key);
QString role(std::string_view key);
// A state-machine arrow's label key ("event/action", e.g. "all VOTE_COMMIT/GLOBAL_COMMIT",
// "timeout/CANCEL", "READ|WRITE/QUERY") as words: message names stay bare (the arrows are narrow; the
// legend and the canvas carry their translation), "all X" and "A|B" are spelled out, anything else is
// an event phrase from this file's table.
QString transitionLabel(const cs::ProtocolInfo& info, std::string_view key);
QString faultKind(cs::FaultKind kind);
QString outcome(cs::TxnOutcome outcome);
QString traceKind(cs::TraceKind kind);
QString dropReason(cs::DropReason reason);
QString haltReason(cs::HaltReason reason);  // the limit a run stopped at: "the memory limit (512 MiB)"
QString invariant(std::string_view key);             // short name, e.g. "Agreement"
QString invariantDescription(std::string_view key);  // one sentence
QString protocolName(std::string_view key);          // "2pc" -> "Two-phase commit (2PC)"
QString protocolSummary(std::string_view key);       // a sentence or two on what it does; empty if unknown

// Index-based helpers for trace fields (fall back to the number when out of range).
QString stateAt(const cs::ProtocolInfo& info, int index);
QString messageAt(const cs::ProtocolInfo& info, int index);
QString logRecordAt(const cs::ProtocolInfo& info, int index);

// Why `target` cannot run a compared scenario, as one sentence ("… cannot run this scenario: …").
QString compareRefusal(std::string_view target, const cs::CompareRefusal& refusal);
// The reason alone (without the target's name); a key this table does not know shows as it is.
QString compareRefusalReason(const cs::CompareRefusal& refusal);
bool knowsCompareRefusal(std::string_view key);  // for the guard test

// A whole fault as a short sentence: "Crash C", "Cut link C – P1", "Partition {C, P1} | {P2, P3}".
QString faultDescription(const cs::FaultAction& action, const cs::Simulator& sim);

}  // namespace EngineText
