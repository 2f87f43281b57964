#include "trace_digest.hpp"

#include "scenario/trace_jsonl.hpp"
#include "sha256.hpp"

namespace commitscope {

std::string traceSha256Hex(const cs::Simulator& sim) {
  // The kept trace replayed through the same chunked formatter the CLI streams a run through.
  Sha256 hash;
  cs::TraceJsonlStream stream([&](std::string_view chunk) { hash.add(chunk); });
  stream.begin(sim);
  for (const auto& ev : sim.trace()) stream.record(ev);
  stream.flush();
  return hash.hex();
}

}  // namespace commitscope
