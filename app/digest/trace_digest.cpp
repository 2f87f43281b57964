#include "trace_digest.hpp"

#include "scenario/report.hpp"
#include "sha256.hpp"

namespace commitscope {

std::string traceSha256Hex(const cs::Simulator& sim) {
  constexpr std::size_t kChunk = 1u << 18;
  Sha256 hash;
  std::string chunk;
  chunk.reserve(kChunk + 4096);
  for (const auto& ev : sim.trace()) {
    cs::append_trace_line(chunk, sim, ev);
    chunk += '\n';
    if (chunk.size() >= kChunk) {
      hash.add(chunk);
      chunk.clear();
    }
  }
  hash.add(chunk);
  return hash.hex();
}

}  // namespace commitscope
