#include "scenario/trace_digest.hpp"

#include <array>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>

#include "sim/fault.hpp"
#include "sim/protocol.hpp"

namespace cs {

// ---- the encoder ----

TraceDigestEncoder::TraceDigestEncoder(Output out, std::size_t chunk_bytes)
    : out_(std::move(out)), cap_(std::max<std::size_t>(chunk_bytes, 64)), buf_(new char[cap_]) {
  std::memcpy(buf_.get(), kTraceDigestMagic.data(), kTraceDigestMagic.size());
  len_ = kTraceDigestMagic.size();
}

void TraceDigestEncoder::flush() {
  if (len_ == 0) return;
  out_(std::string_view(buf_.get(), len_));
  len_ = 0;
}

void TraceDigestEncoder::header(TraceKind kind, bool node, bool peer, bool txn, std::uint64_t seq, std::int64_t time) {
  room(1);
  buf_[len_++] = static_cast<char>(static_cast<unsigned>(kind) | (node ? 0x20u : 0u) | (peer ? 0x40u : 0u) | (txn ? 0x80u : 0u));
  // Differences wrap as 64-bit two's complement: defined for any values, small for real traces.
  sint(static_cast<std::int64_t>(seq - prev_seq_));
  sint(static_cast<std::int64_t>(static_cast<std::uint64_t>(time) - static_cast<std::uint64_t>(prev_time_)));
  prev_seq_ = seq;
  prev_time_ = time;
}

std::uint32_t TraceDigestEncoder::string(std::string_view s) {
  // The map is keyed by std::string; a lookup by view would need C++20's heterogeneous unordered
  // lookup, which not every standard library here has. It runs once per distinct (table, index).
  const auto [it, added] = numbers_.try_emplace(std::string(s), static_cast<std::uint32_t>(numbers_.size() + 1));
  if (!added) {
    uint(it->second);
    return it->second;
  }
  uint(0);
  uint(s.size());
  if (len_ + s.size() > cap_) flush();
  if (s.size() > cap_) {
    out_(s);
  } else {
    std::memcpy(buf_.get() + len_, s.data(), s.size());
    len_ += s.size();
  }
  return it->second;
}

// ---- a run's records ----

namespace {

bool is_message_event(TraceKind k) {
  return k == TraceKind::Send || k == TraceKind::Deliver || k == TraceKind::Drop || k == TraceKind::Duplicate;
}

// Indices past this are not remembered (a `from` state is a 64-bit value; a bad one must not size a table).
constexpr std::size_t kMaxRemembered = 1 << 16;

}  // namespace

void TraceDigestSink::begin(const Simulator& sim) {
  sim_ = &sim;
  info_ = &sim.protocol().info();
}

template <class Text>
void TraceDigestSink::name(Table& table, std::size_t i, Text text) {
  if (i < table.numbers.size() && table.numbers[i] != 0) return enc_.string_number(table.numbers[i]);
  const std::uint32_t n = enc_.string(text());
  if (i >= kMaxRemembered) return;
  if (i >= table.numbers.size()) table.numbers.resize(i + 1, 0);
  table.numbers[i] = n;
}

// A node by its name. Inline where records are written: every use of a name but its first is a
// table read and (for fewer than 128 names) one byte.
inline char* TraceDigestSink::put_node(char* p, NodeId n) {
  return put_name(p, nodes_, static_cast<std::size_t>(n), [this, n] { return std::string(sim_->node_name(n)); });
}

// A protocol key, or "#i" for an index the protocol has no key for (as the JSONL writes it).
inline char* TraceDigestSink::put_key(char* p, Table& table, const std::vector<std::string>& keys, std::size_t i) {
  return put_name(p, table, i, [&keys, i]() -> std::string { return i < keys.size() ? keys[i] : "#" + std::to_string(i); });
}

// The hottest path of a digested run (one call per record): the bytes are written through one
// pointer, with one room check, and names already numbered cost a table read.
void TraceDigestSink::record(const TraceEvent& ev) {
  const ProtocolInfo& info = *info_;
  using E = TraceDigestEncoder;
  char* p = enc_.begin(kRecordRoom);
  p = enc_.put_header(p, ev.kind, ev.node != kNoNode, ev.peer != kNoNode, ev.txn != 0, ev.seq, ev.time);
  if (ev.node != kNoNode) p = put_node(p, ev.node);
  if (ev.peer != kNoNode) p = put_node(p, ev.peer);
  if (is_message_event(ev.kind)) {
    p = put_key(p, messages_, info.messages, ev.key);
    p = E::put_uint(p, ev.msg);
  }
  const auto text = [](std::string_view s) { return [s] { return std::string(s); }; };
  switch (ev.kind) {
    case TraceKind::Duplicate: p = E::put_sint(p, ev.value); break;
    case TraceKind::Drop: p = put_name(p, reasons_, static_cast<std::size_t>(ev.reason), text(drop_reason_key(ev.reason))); break;
    case TraceKind::State:
      p = put_key(p, states_, info.states, ev.key);
      p = put_key(p, states_, info.states, static_cast<std::size_t>(ev.value));
      break;
    case TraceKind::LogAppend:
      p = put_key(p, log_records_, info.log_records, ev.key);
      p = E::put_sint(p, ev.value);
      break;
    case TraceKind::LockAcquire:
    case TraceKind::LockRelease:
    case TraceKind::LockWait: p = E::put_sint(p, ev.value); break;
    case TraceKind::Fault:
      p = put_name(p, faults_, ev.key, text(fault_kind_key(static_cast<FaultKind>(ev.key))));
      p = E::put_sint(p, ev.value);
      break;
    case TraceKind::TxnEnd: p = put_name(p, outcomes_, ev.key, text(txn_outcome_key(static_cast<TxnOutcome>(ev.key)))); break;
    case TraceKind::Note:
      p = put_key(p, notes_, info.notes, ev.key);
      p = E::put_sint(p, ev.value);
      break;
    case TraceKind::Timer:
      p = put_key(p, timers_, info.timers, ev.key);
      p = E::put_sint(p, ev.value);
      break;
    case TraceKind::Limit:
      p = put_name(p, limits_, static_cast<std::size_t>(ev.value), text(halt_reason_key(static_cast<HaltReason>(ev.value))));
      break;
    default: break;
  }
  if (ev.txn != 0) p = E::put_uint(p, ev.txn);
  enc_.end(p);
}

// ---- a JSONL trace's records ----

namespace {

using json = nlohmann::json;

// What follows a record's header, per kind, in this order (the same as the engine's switch above and
// the JSONL's key order). 'S' string, 'U' unsigned integer, 'I' signed integer, 'i' signed integer
// that the JSONL leaves out when it is 0.
struct Field {
  const char* key;
  char type;
};
struct Layout {
  std::array<Field, 3> fields;
  std::size_t count;
};

Layout layout_of(TraceKind k) {
  switch (k) {
    case TraceKind::Send:
    case TraceKind::Deliver: return {{{{"msg", 'S'}, {"id", 'U'}}}, 2};
    case TraceKind::Drop: return {{{{"msg", 'S'}, {"id", 'U'}, {"reason", 'S'}}}, 3};
    case TraceKind::Duplicate: return {{{{"msg", 'S'}, {"id", 'U'}, {"of", 'I'}}}, 3};
    case TraceKind::State: return {{{{"state", 'S'}, {"from", 'S'}}}, 2};
    case TraceKind::LogAppend: return {{{{"rec", 'S'}, {"value", 'I'}}}, 2};
    case TraceKind::LockAcquire:
    case TraceKind::LockRelease:
    case TraceKind::LockWait: return {{{{"resource", 'I'}}}, 1};
    case TraceKind::Fault: return {{{{"fault", 'S'}, {"index", 'I'}}}, 2};
    case TraceKind::TxnEnd: return {{{{"outcome", 'S'}}}, 1};
    case TraceKind::Note: return {{{{"note", 'S'}, {"value", 'i'}}}, 2};
    case TraceKind::Timer: return {{{{"timer", 'S'}, {"value", 'i'}}}, 2};
    case TraceKind::Limit: return {{{{"limit", 'S'}}}, 1};
    default: return {{}, 0};
  }
}

std::optional<TraceKind> kind_of(std::string_view key) {
  for (unsigned k = 0; k < static_cast<unsigned>(TraceKind::Count_); ++k)
    if (trace_kind_key(static_cast<TraceKind>(k)) == key) return static_cast<TraceKind>(k);
  return std::nullopt;
}

bool is_unsigned(const json& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0); }
bool is_signed(const json& v) {
  return v.is_number_integer() && !(v.is_number_unsigned() && v.get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max());
}

std::string in_quotes(std::string_view key) { return "\"" + std::string(key) + "\""; }

// Why `rec` is not a well-formed record of kind `k`, or nullopt: every key known, every field of
// the right type, every required one there.
std::optional<std::string> check_record(const json& rec, TraceKind k, const Layout& layout) {
  const std::string kind(trace_kind_key(k));
  for (const auto& [key, value] : rec.items()) {
    bool known = key == "seq" || key == "t" || key == "ev" || key == "node" || key == "peer" || key == "txn";
    for (std::size_t i = 0; i < layout.count; ++i) known = known || key == layout.fields[i].key;
    if (!known) return "unexpected key " + in_quotes(key) + " in a " + kind + " record";
  }
  const auto check = [&](const char* key, char type) -> std::optional<std::string> {
    const auto it = rec.find(key);
    if (it == rec.end()) {
      if (type == 'i' || std::strcmp(key, "node") == 0 || std::strcmp(key, "peer") == 0 || std::strcmp(key, "txn") == 0)
        return std::nullopt;
      return "no " + in_quotes(key) + " in a " + kind + " record";
    }
    if (type == 'S' && !it->is_string()) return in_quotes(key) + " is not a string";
    if (type == 'U' && !is_unsigned(*it)) return in_quotes(key) + " is not a non-negative integer";
    if ((type == 'I' || type == 'i') && !is_signed(*it)) return in_quotes(key) + " is not a 64-bit integer";
    return std::nullopt;
  };
  for (const auto& [key, type] : {std::pair{"seq", 'U'}, {"t", 'I'}, {"node", 'S'}, {"peer", 'S'}, {"txn", 'U'}})
    if (auto why = check(key, type)) return why;
  for (std::size_t i = 0; i < layout.count; ++i)
    if (auto why = check(layout.fields[i].key, layout.fields[i].type)) return why;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> TraceJsonlDigester::line(std::string_view text) {
  const json rec = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (rec.is_discarded()) return std::string(text.empty() ? "an empty line" : "not valid JSON");
  if (!rec.is_object()) return std::string("not a JSON object");
  const auto ev = rec.find("ev");
  if (ev == rec.end() || !ev->is_string()) return std::string("no \"ev\" (the record's kind) string");
  const std::optional<TraceKind> kind = kind_of(ev->get<std::string>());
  if (!kind) return "unknown record kind " + in_quotes(ev->get<std::string>());
  const Layout layout = layout_of(*kind);
  if (auto why = check_record(rec, *kind, layout)) return why;

  // A txn of 0 is "no transaction": the engine leaves it out.
  const std::uint64_t txn = rec.contains("txn") ? rec["txn"].get<std::uint64_t>() : 0;
  enc_.header(*kind, rec.contains("node"), rec.contains("peer"), txn != 0, rec["seq"].get<std::uint64_t>(),
              rec["t"].get<std::int64_t>());
  if (rec.contains("node")) enc_.string(rec["node"].get_ref<const std::string&>());
  if (rec.contains("peer")) enc_.string(rec["peer"].get_ref<const std::string&>());
  for (std::size_t i = 0; i < layout.count; ++i) {
    const Field& f = layout.fields[i];
    const auto it = rec.find(f.key);
    if (f.type == 'S') enc_.string(it->get_ref<const std::string&>());
    if (f.type == 'U') enc_.uint(it->get<std::uint64_t>());
    if (f.type == 'I' || f.type == 'i') enc_.sint(it == rec.end() ? 0 : it->get<std::int64_t>());
  }
  if (txn != 0) enc_.uint(txn);
  return std::nullopt;
}

}  // namespace cs
