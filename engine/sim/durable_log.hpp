// A node's durable log: its records in the order they were written, kept in fixed-size chunks
// (std::deque's blocks) so that a growing log never copies what it holds (a std::vector doubled it,
// and held up to twice its records while it grew), and a checkpoint that drops the oldest records
// once the protocol's recovery no longer reads them (truncate_front; only in runs that ask for it,
// SimConfig::forget_finished). Indices and iteration run over the records still held; truncated()
// says how many came before them. The simulator's logs take their chunks from its ChunkPool
// (sim/chunk_pool.hpp: fewer page faults); a copy of a log uses the heap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>

#include "sim/chunk_pool.hpp"

#include "sim/types.hpp"

namespace cs {

struct LogRecord {
  Time time = 0;
  std::uint16_t type = 0;
  TxnId txn = 0;
  std::int64_t value = 0;
};

class DurableLog {
 public:
  using Records = std::deque<LogRecord, ChunkAllocator<LogRecord>>;
  using const_iterator = Records::const_iterator;

  DurableLog() = default;
  // An empty log whose chunks come from `pool` (which must outlive it).
  explicit DurableLog(ChunkPool* pool) : records_(ChunkAllocator<LogRecord>(pool)) {}
  // A copy (Simulator::clone_for) starts with the room of what it holds, as a copied std::vector had
  // its size as its capacity: the accountant then counts its growth exactly as it did before.
  DurableLog(const DurableLog& other) : records_(other.records_), truncated_(other.truncated_), room_(other.size()) {}
  DurableLog(DurableLog&&) = default;
  DurableLog& operator=(const DurableLog& other) {
    if (this != &other) *this = DurableLog(other);
    return *this;
  }
  DurableLog& operator=(DurableLog&&) = default;

  std::size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  const LogRecord& operator[](std::size_t i) const { return records_[i]; }
  const LogRecord& front() const { return records_.front(); }
  const LogRecord& back() const { return records_.back(); }
  const_iterator begin() const { return records_.begin(); }
  const_iterator end() const { return records_.end(); }
  // Records dropped by checkpoints, before the first one held.
  std::uint64_t truncated() const { return truncated_; }

  // The memory accountant's view (Simulator::log_append): records of room counted so far, grown by
  // doubling from 16 as a std::vector's capacity did, so that a run reaches its memory limit at the
  // same record as before the chunks. Truncation does not give room back: the run's peak is counted.
  std::size_t more_room_needed() const { return size() < room_ ? 0 : std::max<std::size_t>(16, 2 * room_) - room_; }
  void add_room(std::size_t records) { room_ += records; }
  void append(const LogRecord& r) { records_.push_back(r); }
  // The checkpoint: drops the first `n` records held (at most all of them); their chunks are freed.
  void truncate_front(std::size_t n) {
    n = std::min(n, records_.size());
    records_.erase(records_.begin(), records_.begin() + static_cast<std::ptrdiff_t>(n));
    truncated_ += n;
  }

 private:
  Records records_;
  std::uint64_t truncated_ = 0;
  std::size_t room_ = 0;
};

}  // namespace cs
