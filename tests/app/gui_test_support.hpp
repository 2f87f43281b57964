// Shared helpers of the GUI tests: paths of the example scenarios, a fresh run's trace hash, and a
// private temporary directory per test.
#pragma once

#include <QCryptographicHash>
#include <QString>
#include <memory>
#include <string>

#include "scenario/report.hpp"
#include "scenario/simulation.hpp"

namespace guitest {

inline QString scenarioPath(const char* name) {
  return QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/") + QString::fromLatin1(name);
}

// The CLI's trace hash of any simulator (the JSONL trace, hashed).
inline QString traceSha(const cs::Simulator& sim) {
  std::string text;
  cs::append_trace_jsonl(text, sim);
  return QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex());
}

}  // namespace guitest
