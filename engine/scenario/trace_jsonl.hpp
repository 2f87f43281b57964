// The JSONL trace (report.hpp, append_trace_line) made as the run goes: each record is formatted when
// it is recorded and the text is handed on in chunks, so that no caller needs the trace, or its text,
// in memory. The CLI writes these chunks to the --trace file (only then is the JSONL formatted;
// trace_sha256 is made from the records themselves, scenario/trace_digest.hpp); the engine does no I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "sim/simulator.hpp"

namespace cs {

class TraceJsonlStream : public TraceSink {
 public:
  using Output = std::function<void(std::string_view)>;
  // `out` gets the text, whole lines only, in chunks of about `chunk_bytes`.
  explicit TraceJsonlStream(Output out, std::size_t chunk_bytes = std::size_t{1} << 18);

  void begin(const Simulator& sim) override { sim_ = &sim; }
  void record(const TraceEvent& ev) override;
  // Hands on what is still buffered. Call once the run is over (or paused: more may follow).
  void flush();

 private:
  Output out_;
  std::size_t chunk_bytes_;
  const Simulator* sim_ = nullptr;
  std::string buffer_;
};

}  // namespace cs
