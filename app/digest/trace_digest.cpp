#include "trace_digest.hpp"

#include "scenario/trace_digest.hpp"
#include "sha256.hpp"

namespace commitscope {

std::string traceSha256Hex(const cs::Simulator& sim) {
  // The kept trace replayed through the same encoder the CLI streams a run through.
  Sha256 hash;
  cs::TraceDigestSink sink([&](std::string_view chunk) { hash.add(chunk); });
  sink.begin(sim);
  for (const auto& ev : sim.trace()) sink.record(ev);
  sink.flush();
  return hash.hex();
}

}  // namespace commitscope
