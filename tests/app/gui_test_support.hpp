// Shared helpers of the GUI tests: paths of the example scenarios, a fresh run's trace hash, and a
// private temporary directory per test.
#pragma once

#include <QCryptographicHash>
#include <QString>
#include <memory>
#include <string>

#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "scenario/trace_digest.hpp"

namespace guitest {

inline QString scenarioPath(const char* name) {
  return QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/") + QString::fromLatin1(name);
}

// The CLI's trace hash of any simulator: its records' canonical encoding (scenario/trace_digest.hpp),
// hashed by Qt's SHA-256 (an implementation independent of the app's OpenSSL one).
inline QString traceSha(const cs::Simulator& sim) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  cs::TraceDigestSink sink([&hash](std::string_view c) { hash.addData(QByteArrayView(c.data(), c.size())); });
  sink.begin(sim);
  for (const auto& ev : sim.trace()) sink.record(ev);
  sink.flush();
  return QString::fromLatin1(hash.result().toHex());
}

// The same hash made from a JSONL trace's text (what `commitscope-cli digest` does); empty if a line
// is not a trace record.
inline QString traceShaOfJsonl(const QByteArray& text) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  cs::TraceJsonlDigester digester([&hash](std::string_view c) { hash.addData(QByteArrayView(c.data(), c.size())); });
  for (const QByteArray& line : text.split('\n')) {
    if (line.isEmpty()) continue;
    if (digester.line(std::string_view(line.constData(), static_cast<std::size_t>(line.size())))) return {};
  }
  digester.flush();
  return QString::fromLatin1(hash.result().toHex());
}

}  // namespace guitest
