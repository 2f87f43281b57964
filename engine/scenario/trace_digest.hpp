// The bytes trace_sha256 is the SHA-256 of: a compact, canonical binary encoding of the trace's
// records (docs/scenario-format.md, "trace_sha256", byte by byte). It is a function of the records'
// content only, the same on every platform and standard library, and it can be made from either
//  - a run, as it goes (TraceDigestSink, a TraceSink: no JSONL is formatted), or
//  - a --trace JSONL file, line by line (TraceJsonlDigester: `commitscope-cli digest RUN.jsonl`).
// Both hand the bytes, in chunks, to a callback that hashes them: the engine does no I/O and no
// hashing (the CLI and the window use OpenSSL, app/digest; the engine tests a portable SHA-256).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/simulator.hpp"

namespace cs {

// The first bytes of every encoding: a name and a version, so that a digest of another encoding (or
// of the JSONL text, as before) can never equal one of this one.
inline constexpr std::string_view kTraceDigestMagic{"CSTRACE\x01", 8};

// Writes the encoding into a buffer and hands it on in chunks. Strings are interned by content: the
// first time a string appears anywhere in the trace it is written out whole and numbered (1, 2, ...),
// later it is written as its number.
class TraceDigestEncoder {
 public:
  using Output = std::function<void(std::string_view)>;
  // 16 KiB chunks: the buffer is written and hashed while it is in the L1 cache, and a run touches
  // 4 pages for it instead of 16 (page faults cost ~14 us each on the project's VM).
  explicit TraceDigestEncoder(Output out, std::size_t chunk_bytes = std::size_t{1} << 14);

  // The record's first byte and its seq and time, as differences from the previous record's.
  void header(TraceKind kind, bool node, bool peer, bool txn, std::uint64_t seq, std::int64_t time);
  // Unsigned LEB128. Inline: a record is mostly one-byte numbers.
  void uint(std::uint64_t v) {
    room(10);  // the longest 64-bit LEB128
    char* p = buf_.get() + len_;
    while (v >= 0x80) {
      *p++ = static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    len_ = static_cast<std::size_t>(p - buf_.get());
  }
  // Zigzag (0, -1, 1, -2, ... -> 0, 1, 2, 3, ...), then unsigned.
  void sint(std::int64_t v) {
    const auto u = static_cast<std::uint64_t>(v);
    uint((u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
  }
  // Writing a record through a pointer (TraceDigestSink::record): room for `n` bytes (at most 64,
  // the least chunk) and where they go, then end() with the pointer past what was written. The same
  // bytes as header(), uint() and sint(), with one room check per record instead of one per number.
  char* begin(std::size_t n) {
    room(n);
    return buf_.get() + len_;
  }
  void end(char* p) { len_ = static_cast<std::size_t>(p - buf_.get()); }
  static char* put_uint(char* p, std::uint64_t v) {
    while (v >= 0x80) {
      *p++ = static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    return p;
  }
  static char* put_sint(char* p, std::int64_t v) {
    const auto u = static_cast<std::uint64_t>(v);
    return put_uint(p, (u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
  }
  char* put_header(char* p, TraceKind kind, bool node, bool peer, bool txn, std::uint64_t seq, std::int64_t time) {
    *p++ = static_cast<char>(static_cast<unsigned>(kind) | (node ? 0x20u : 0u) | (peer ? 0x40u : 0u) | (txn ? 0x80u : 0u));
    p = put_sint(p, static_cast<std::int64_t>(seq - prev_seq_));
    p = put_sint(p, static_cast<std::int64_t>(static_cast<std::uint64_t>(time) - static_cast<std::uint64_t>(prev_time_)));
    prev_seq_ = seq;
    prev_time_ = time;
    return p;
  }
  // A string by content; returns its number.
  std::uint32_t string(std::string_view s);
  // A string already numbered (what string() returned).
  void string_number(std::uint32_t n) { uint(n); }
  // Hands on what is buffered. Call once the trace is over (more may follow after a pause).
  void flush();

 private:
  void room(std::size_t n) {
    if (len_ + n > cap_) flush();
  }
  Output out_;
  std::size_t cap_;
  std::unique_ptr<char[]> buf_;
  std::size_t len_ = 0;
  std::uint64_t prev_seq_ = 0;
  std::int64_t prev_time_ = 0;
  std::unordered_map<std::string, std::uint32_t> numbers_;
};

// A run's records encoded as they are made: what the CLI hashes for trace_sha256 (the JSONL is
// formatted only if a --trace file is asked for). Names and keys are looked up by index, and each
// index's string number is remembered, so a record costs a few array reads and varints.
class TraceDigestSink : public TraceSink {
 public:
  explicit TraceDigestSink(TraceDigestEncoder::Output out) : enc_(std::move(out)) {}
  void begin(const Simulator& sim) override;
  void record(const TraceEvent& ev) override;
  void flush() { enc_.flush(); }

 private:
  // The string number of entry `i` of one of the run's name tables, interned on first use.
  struct Table {
    std::vector<std::uint32_t> numbers;  // 0 = not yet interned
  };
  // Writes entry `i` of `table`: its number if it has one, else the string `text()` gives.
  template <class Text>
  void name(Table& table, std::size_t i, Text text);
  // The same through the record's pointer: a number already given is written in place (inline: all
  // but a name's first use); a string seen for the first time goes through put_new_name().
  template <class Text>
  [[gnu::always_inline]] char* put_name(char* p, Table& table, std::size_t i, Text text) {
    if (i < table.numbers.size()) [[likely]]
      if (const std::uint32_t n = table.numbers[i]; n != 0) [[likely]]
        return TraceDigestEncoder::put_uint(p, n);
    return put_new_name(p, table, i, text);
  }
  // A name's first use, out of line so that the record's path stays small: through name() (whatever
  // its length), and the record goes on after it.
  template <class Text>
  [[gnu::noinline]] char* put_new_name(char* p, Table& table, std::size_t i, Text text) {
    enc_.end(p);
    name(table, i, text);
    return enc_.begin(kRecordRoom);
  }
  char* put_node(char* p, NodeId n);
  char* put_key(char* p, Table& table, const std::vector<std::string>& keys, std::size_t i);
  // The most a record's numbers take: a header (1 + 10 + 10), four names or ids (5 each), a value
  // (10) and a transaction (5).
  static constexpr std::size_t kRecordRoom = 64;

  TraceDigestEncoder enc_;
  const Simulator* sim_ = nullptr;
  const ProtocolInfo* info_ = nullptr;  // the run's protocol's, read once
  Table nodes_, messages_, states_, log_records_, notes_, timers_, reasons_, faults_, outcomes_, limits_;
};

// Both at once: the digest's encoding and a second sink (the JSONL stream of `run --trace`).
class TraceSinkPair : public TraceSink {
 public:
  TraceSinkPair(TraceSink& a, TraceSink& b) : a_(a), b_(b) {}
  void begin(const Simulator& sim) override {
    a_.begin(sim);
    b_.begin(sim);
  }
  void record(const TraceEvent& ev) override {
    a_.record(ev);
    b_.record(ev);
  }

 private:
  TraceSink& a_;
  TraceSink& b_;
};

// The same encoding made from a JSONL trace (docs/scenario-format.md, `--trace`), a line at a time:
// each line is read as a record (its fields checked against its kind) and encoded. Reading a
// --trace file of a run gives that run's bytes, hence its trace_sha256.
class TraceJsonlDigester {
 public:
  explicit TraceJsonlDigester(TraceDigestEncoder::Output out) : enc_(std::move(out)) {}
  // One line without its '\n'. Returns what is wrong with it (nothing is encoded then), or nullopt.
  std::optional<std::string> line(std::string_view text);
  void flush() { enc_.flush(); }

 private:
  TraceDigestEncoder enc_;
};

}  // namespace cs
