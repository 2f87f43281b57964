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
#include "lab_controller.hpp"

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

// bench_render's workload (tests/bench/bench_render.cpp): 2PC with 11 participants, a transaction
// every 2.8 ms, ~200 messages in flight and a ticking countdown on every card, seeked to `at`.
inline std::unique_ptr<LabController> benchRenderRun(cs::Time at) {
  cs::Scenario s;
  s.protocol = "2pc";
  s.seed = 42;
  s.until = cs::ms(100'000);
  s.params = {{"participants", 11}, {"transactions", 5000}, {"interval_ms", 2.8}, {"resources", 1000}};
  auto c = std::make_unique<LabController>();
  c->setScenario(s);
  c->seekTime(at);
  return c;
}

}  // namespace guitest
