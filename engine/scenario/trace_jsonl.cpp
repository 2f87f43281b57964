#include "scenario/trace_jsonl.hpp"

#include <cassert>
#include <utility>

#include "scenario/report.hpp"

namespace cs {

TraceJsonlStream::TraceJsonlStream(Output out, std::size_t chunk_bytes)
    : out_(std::move(out)), chunk_bytes_(chunk_bytes) {
  // Room for the chunk and one more line, so that appending never reallocates.
  buffer_.reserve(chunk_bytes_ + 4096);
}

void TraceJsonlStream::record(const TraceEvent& ev) {
  assert(sim_ && "begin() comes first (Simulator::set_trace_sink)");
  append_trace_line(buffer_, *sim_, ev);
  buffer_ += '\n';
  if (buffer_.size() >= chunk_bytes_) flush();
}

void TraceJsonlStream::flush() {
  if (buffer_.empty()) return;
  out_(buffer_);
  buffer_.clear();
}

}  // namespace cs
