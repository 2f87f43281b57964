#include "scenario/report.hpp"

#include "explore/scenario_explorer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <map>

#include "check/linearizability.hpp"
#include "scenario/json_format.hpp"

namespace cs {
namespace {

using ojson = nlohmann::ordered_json;

// Whole milliseconds as integers, otherwise a fraction with µs precision.
ojson ms_value(Time t) {
  if (t % kMicrosPerMs == 0) return ojson(t / kMicrosPerMs);
  return ojson(static_cast<double>(t) / 1000.0);
}

std::string ms_text(Time t) {
  std::string s = std::to_string(t / kMicrosPerMs);
  if (const Time frac = (t < 0 ? -t : t) % kMicrosPerMs; frac != 0) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(frac));
    s += buf;
    while (s.back() == '0') s.pop_back();
  }
  return s + " ms";
}

const std::string& key_or(const std::vector<std::string>& keys, std::size_t i, std::string& scratch) {
  if (i < keys.size()) return keys[i];
  scratch = "#" + std::to_string(i);
  return scratch;
}

std::string key_of(const std::vector<std::string>& keys, std::size_t i) {
  std::string scratch;
  return key_or(keys, i, scratch);
}

// ---- hand-built JSON ----

// Writes one trace line into a fixed buffer through a pointer: no capacity check and no terminator
// per append as std::string does (the formatting was a third of a CLI run's instructions once the
// hash was fast). Each write checks its room once; a line that does not fit sets `overflow` and
// append_trace_line retries with a larger buffer.
struct LineWriter {
  char* p;
  char* end;
  bool overflow = false;

  bool room(std::size_t n) {
    if (static_cast<std::size_t>(end - p) >= n) return true;
    overflow = true;
    p = end;  // every later write fails too
    return false;
  }
  void raw(const char* s, std::size_t n) {
    if (!room(n)) return;
    std::memcpy(p, s, n);
    p += n;
  }
  void ch(char c) {
    if (room(1)) *p++ = c;
  }
  template <class Int>
  void num(Int v) {
    if (room(20)) p = std::to_chars(p, p + 20, v).ptr;  // 20: the longest 64-bit integer
  }
  // Keys and names are plain ASCII in practice; escaping keeps the output valid JSON regardless.
  void str(std::string_view s) {
    const auto plain = [](char c) { return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20; };
    if (!std::all_of(s.begin(), s.end(), plain)) return escaped(s);
    if (!room(s.size() + 2)) return;
    *p++ = '"';
    std::memcpy(p, s.data(), s.size());
    p += s.size();
    *p++ = '"';
  }
  void escaped(std::string_view s) {
    ch('"');
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        const char esc[] = {'\\', c};
        raw(esc, sizeof esc);
      } else if (u < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        const char esc[] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xf]};
        raw(esc, sizeof esc);
      } else {
        ch(c);
      }
    }
    ch('"');
  }
};

// `,"key":` then the value; `prefix` is that text, a literal (the key is fixed per call site).
template <std::size_t N>
void field_str(LineWriter& w, const char (&prefix)[N], std::string_view value) {
  w.raw(prefix, N - 1);
  w.str(value);
}

template <std::size_t N>
void field_int(LineWriter& w, const char (&prefix)[N], std::int64_t value) {
  w.raw(prefix, N - 1);
  w.num(value);
}

// A protocol key as a JSON string, or "#i" for an index the protocol has no key for.
template <std::size_t N>
void field_key(LineWriter& w, const char (&prefix)[N], const std::vector<std::string>& keys, std::size_t i) {
  if (i < keys.size()) return field_str(w, prefix, keys[i]);
  w.raw(prefix, N - 1);
  w.raw("\"#", 2);
  w.num(i);
  w.ch('"');
}

bool is_message_event(TraceKind k) {
  return k == TraceKind::Send || k == TraceKind::Deliver || k == TraceKind::Drop || k == TraceKind::Duplicate;
}

void write_trace_line(LineWriter& w, const Simulator& sim, const TraceEvent& ev) {
  const ProtocolInfo& info = sim.protocol().info();
  w.raw("{\"seq\":", 7);
  w.num(ev.seq);
  field_int(w, ",\"t\":", ev.time);
  field_str(w, ",\"ev\":", trace_kind_key(ev.kind));
  if (ev.node != kNoNode) field_str(w, ",\"node\":", sim.node_name(ev.node));
  if (ev.peer != kNoNode) field_str(w, ",\"peer\":", sim.node_name(ev.peer));
  if (is_message_event(ev.kind)) {
    field_key(w, ",\"msg\":", info.messages, ev.key);
    field_int(w, ",\"id\":", ev.msg);
  }
  switch (ev.kind) {
    case TraceKind::Duplicate: field_int(w, ",\"of\":", ev.value); break;
    case TraceKind::Drop: field_str(w, ",\"reason\":", drop_reason_key(ev.reason)); break;
    case TraceKind::State:
      field_key(w, ",\"state\":", info.states, ev.key);
      field_key(w, ",\"from\":", info.states, static_cast<std::size_t>(ev.value));
      break;
    case TraceKind::LogAppend:
      field_key(w, ",\"rec\":", info.log_records, ev.key);
      field_int(w, ",\"value\":", ev.value);
      break;
    case TraceKind::LockAcquire:
    case TraceKind::LockRelease:
    case TraceKind::LockWait: field_int(w, ",\"resource\":", ev.value); break;
    case TraceKind::Fault:
      field_str(w, ",\"fault\":", fault_kind_key(static_cast<FaultKind>(ev.key)));
      field_int(w, ",\"index\":", ev.value);
      break;
    case TraceKind::TxnEnd: field_str(w, ",\"outcome\":", txn_outcome_key(static_cast<TxnOutcome>(ev.key))); break;
    case TraceKind::Note:
      field_key(w, ",\"note\":", info.notes, ev.key);
      if (ev.value != 0) field_int(w, ",\"value\":", ev.value);
      break;
    case TraceKind::Timer:
      field_key(w, ",\"timer\":", info.timers, ev.key);
      if (ev.value != 0) field_int(w, ",\"value\":", ev.value);
      break;
    case TraceKind::Limit: field_str(w, ",\"limit\":", halt_reason_key(static_cast<HaltReason>(ev.value))); break;
    default: break;
  }
  if (ev.txn != 0) field_int(w, ",\"txn\":", ev.txn);
  w.ch('}');
}

}  // namespace

void append_trace_line(std::string& out, const Simulator& sim, const TraceEvent& ev) {
  // Names and keys are short: a line nearly always fits the stack buffer. Otherwise it is written
  // again into one twice as large until it fits.
  char small[512];
  LineWriter w{small, small + sizeof small};
  write_trace_line(w, sim, ev);
  if (!w.overflow) {
    out.append(small, static_cast<std::size_t>(w.p - small));
    return;
  }
  for (std::size_t size = 2 * sizeof small;; size *= 2) {
    std::string big(size, '\0');
    LineWriter b{big.data(), big.data() + big.size()};
    write_trace_line(b, sim, ev);
    if (!b.overflow) {
      out.append(big.data(), static_cast<std::size_t>(b.p - big.data()));
      return;
    }
  }
}

std::string trace_line(const Simulator& sim, const TraceEvent& ev) {
  std::string out;
  out.reserve(128);
  append_trace_line(out, sim, ev);
  return out;
}

void append_trace_jsonl(std::string& out, const Simulator& sim) {
  out.reserve(out.size() + sim.trace().size() * 96);
  for (const auto& ev : sim.trace()) {
    append_trace_line(out, sim, ev);
    out += '\n';
  }
}

namespace {

ojson log_entry(const ProtocolInfo& info, const LogRecord& rec) {
  ojson e = ojson::object();
  e["t_ms"] = ms_value(rec.time);
  e["type"] = key_of(info.log_records, rec.type);
  e["txn"] = rec.txn;
  e["value"] = rec.value;
  return e;
}

// A scheduled run (an explorer's finding, docs/explorer.md): how much of the schedule replayed, and
// whether it ends blocked (null: the check ran out of states before it could tell).
ojson schedule_report(const Simulation& run) {
  ojson o = ojson::object();
  o["steps"] = run.scenario().schedule.size();
  o["replayed"] = run.schedule_replayed();
  bool known = false;
  const bool blocked = explore::ends_blocked(run.scenario(), known);
  o["blocking"] = known ? ojson(blocked) : ojson(nullptr);
  return o;
}

// The report; with `with_logs` false each node's "log" is an empty list for write_run_report to fill.
ojson make_report(const Simulation& run, bool with_logs) {
  const Simulator& sim = run.sim();
  const Protocol& proto = run.protocol();
  const ProtocolInfo& info = proto.info();

  ojson r = ojson::object();
  r["protocol"] = info.name;
  r["seed"] = sim.seed();
  r["end_ms"] = ms_value(sim.now());
  r["events"] = sim.events_dispatched();
  r["trace_records"] = sim.trace_records();
  r["halted"] = sim.halted() == HaltReason::None ? ojson(nullptr) : ojson(halt_reason_key(sim.halted()));

  ojson nodes = ojson::object();
  for (std::size_t i = 0; i < sim.nodes().size(); ++i) {
    const NodeState& ns = sim.nodes()[i];
    const NodeView v = sim.node_view(static_cast<NodeId>(i));
    ojson n = ojson::object();
    n["role"] = ns.role;
    n["state"] = key_of(info.states, v.state);
    n["up"] = ns.up;
    n["blocked"] = v.blocked;
    n["txn"] = v.txn;
    ojson locks = ojson::array();
    for (const auto& l : v.locks) locks.push_back(l.resource);
    n["locks"] = std::move(locks);
    ojson log = ojson::array();
    if (with_logs)
      for (const auto& rec : ns.log) log.push_back(log_entry(info, rec));
    n["log"] = std::move(log);
    nodes[ns.name] = std::move(n);
  }
  r["nodes"] = std::move(nodes);

  ojson txns = ojson::array();
  for (const auto& t : proto.transactions()) {
    ojson o = ojson::object();
    o["id"] = t.id;
    o["outcome"] = txn_outcome_key(t.outcome);
    o["started_ms"] = t.started < 0 ? ojson(nullptr) : ms_value(t.started);
    o["ended_ms"] = t.ended < 0 ? ojson(nullptr) : ms_value(t.ended);
    txns.push_back(std::move(o));
  }
  r["transactions"] = std::move(txns);
  // A run that forgot its finished transactions (`run --long-run`) lists those it still holds and
  // counts the others here; absent otherwise, so other reports are as they were.
  if (const auto f = proto.forgotten_transactions(); f.committed + f.aborted > 0)
    r["transactions_forgotten"] = ojson{{"committed", f.committed}, {"aborted", f.aborted}};

  ojson invs = ojson::object();
  for (const auto& inv : run.invariants()) {
    ojson o = ojson::object();
    o["held"] = inv->held();
    o["description"] = inv->description();
    if (lin::checked_in_part(*inv)) o["checked"] = "in_part";
    if (!inv->held()) {
      const TraceEvent& ev = inv->first_violation();
      ojson fv = ojson::object();
      fv["seq"] = ev.seq;
      fv["t_ms"] = ms_value(ev.time);
      fv["event"] = trace_kind_key(ev.kind);
      o["first_violation"] = std::move(fv);
      o["message"] = inv->violation();
    }
    invs[inv->key()] = std::move(o);
  }
  r["invariants"] = std::move(invs);

  // Protocol figures (operations, errors, compensations, ...): run-wide ones under "run", the
  // others under the node's name, each in the order the protocol reports them.
  ojson metrics = ojson::object();
  for (const Metric& m : run.protocol().metrics()) {
    const std::string owner = m.node == kNoNode ? std::string("run") : std::string(run.sim().node_name(m.node));
    if (!metrics.contains(owner)) metrics[owner] = ojson::object();
    metrics[owner][m.key] = m.value;
  }
  r["metrics"] = std::move(metrics);
  if (run.scenario().scheduled) r["schedule"] = schedule_report(run);
  return r;
}

}  // namespace

ojson run_report(const Simulation& run) { return make_report(run, true); }

void write_run_report(const Simulation& run, const std::string& trace_sha256,
                      const std::function<void(std::string_view)>& sink) {
  ojson r = make_report(run, false);
  r["trace_sha256"] = trace_sha256;
  // Addresses taken once the report is complete: nothing is added to it afterwards.
  const Simulator& sim = run.sim();
  const ProtocolInfo& info = run.protocol().info();
  LazyArrays logs;
  for (const NodeState& ns : sim.nodes())
    logs[&r["nodes"][ns.name]["log"]] =
        LazyArray{ns.log.size(), [&info, &ns](std::size_t i) { return log_entry(info, ns.log[i]); }};
  write_json(r, logs, sink);
  sink("\n");
}

namespace {

void add_line(std::string& out, const std::string& s) {
  out += s;
  out += '\n';
}

// The node table, columns sized to their content.
void node_table(std::string& out, const Simulator& sim, const ProtocolInfo& info) {
  struct Row {
    std::string name, role, state, up, blocked, txn, locks, log;
    std::array<const std::string*, 8> cells() const { return {&name, &role, &state, &up, &blocked, &txn, &locks, &log}; }
  };
  std::vector<Row> rows{{"node", "role", "state", "up", "blocked", "txn", "locks", "log"}};
  for (std::size_t i = 0; i < sim.nodes().size(); ++i) {
    const NodeState& ns = sim.nodes()[i];
    const NodeView v = sim.node_view(static_cast<NodeId>(i));
    rows.push_back({ns.name, ns.role, key_of(info.states, v.state), ns.up ? "up" : "DOWN",
                    v.blocked ? "BLOCKED" : "-", v.txn == 0 ? "-" : std::to_string(v.txn),
                    // Records written, those a --long-run checkpoint truncated included.
                    std::to_string(v.locks.size()), std::to_string(ns.log.size() + ns.log.truncated())});
  }
  std::array<std::size_t, 8> w{};
  for (const auto& r : rows) {
    const auto cells = r.cells();
    for (std::size_t c = 0; c < 8; ++c) w[c] = std::max(w[c], cells[c]->size());
  }
  add_line(out, "");
  for (const auto& r : rows) {
    const auto cells = r.cells();
    std::string s = " ";
    for (std::size_t c = 0; c < 8; ++c) {
      s += ' ';
      s += *cells[c];
      if (c + 1 < 8) s.append(w[c] - cells[c]->size() + 1, ' ');
    }
    add_line(out, s);
  }
}

// "transactions: N (k committed, ...)", then one line per transaction when there are few. Counted
// by the protocol (transaction_counts()): the list is asked for only when it is printed.
void transaction_lines(std::string& out, const Protocol& proto) {
  Protocol::TxnCounts counts = proto.transaction_counts();
  std::uint64_t listed = 0;
  for (const std::uint64_t n : counts) listed += n;
  const auto forgotten = proto.forgotten_transactions();  // counted, not listed (`run --long-run`)
  counts[static_cast<std::size_t>(TxnOutcome::Committed)] += forgotten.committed;
  counts[static_cast<std::size_t>(TxnOutcome::Aborted)] += forgotten.aborted;
  // The outcomes that occur, in the order of their keys ("aborted", "blocked", "committed", ...).
  std::map<std::string_view, std::uint64_t> by_key;
  for (std::size_t o = 0; o < counts.size(); ++o)
    if (counts[o] > 0) by_key[txn_outcome_key(static_cast<TxnOutcome>(o))] = counts[o];
  std::string c = "transactions: " + std::to_string(listed + forgotten.committed + forgotten.aborted);
  bool first = true;
  for (const auto& [k, n] : by_key) {
    c += first ? " (" : ", ";
    c += std::to_string(n) + " " + std::string(k);
    first = false;
  }
  if (!first) c += ")";
  add_line(out, "");
  add_line(out, c);
  if (forgotten.committed + forgotten.aborted > 0)
    add_line(out, "  (" + std::to_string(forgotten.committed + forgotten.aborted) +
                      " finished ones forgotten as the run went (--long-run): counted, not listed)");
  if (listed > 20) return;
  for (const auto& t : proto.transactions()) {
    std::string s = "  txn " + std::to_string(t.id) + ": " + std::string(txn_outcome_key(t.outcome));
    if (t.started >= 0) s += ", started " + ms_text(t.started);
    if (t.ended >= 0) s += ", ended " + ms_text(t.ended);
    add_line(out, s);
  }
}

// Every invariant: held, or where it first broke.
void invariant_lines(std::string& out, const Simulation& run) {
  add_line(out, "");
  std::size_t violated = 0;
  for (const auto& inv : run.invariants()) violated += inv->held() ? 0 : 1;
  std::size_t in_part = 0;
  for (const auto& inv : run.invariants()) in_part += lin::checked_in_part(*inv) ? 1 : 0;
  add_line(out, violated == 0 ? "invariants: all " + std::to_string(run.invariants().size()) + " held" +
                                    (in_part ? " (" + std::to_string(in_part) + " checked in part)" : "")
                              : "invariants: " + std::to_string(violated) + " VIOLATED");
  for (const auto& inv : run.invariants()) {
    if (lin::checked_in_part(*inv)) {
      add_line(out, "  in part   " + inv->key() + ": " + inv->description());
      add_line(out, "            held as far as it was checked: the checker gave up on a key with too many operations");
      add_line(out, "            in flight at once, and says nothing of that key from there on");
      continue;
    }
    if (inv->held()) {
      add_line(out, "  ok        " + inv->key() + ": " + inv->description());
      continue;
    }
    const TraceEvent& ev = inv->first_violation();
    add_line(out, "  VIOLATED  " + inv->key() + ": " + inv->description());
    add_line(out, "            first at event #" + std::to_string(ev.seq) + " (" + std::string(trace_kind_key(ev.kind)) +
                      " at " + ms_text(ev.time) + "): " + inv->violation());
  }
}

}  // namespace

std::string text_summary(const Simulation& run) {
  const Simulator& sim = run.sim();
  std::string out;
  if (!run.scenario().title.empty()) add_line(out, "scenario: " + run.scenario().title);
  add_line(out, "protocol: " + run.protocol().info().name);
  add_line(out, "seed: " + std::to_string(sim.seed()));
  add_line(out, "end: " + ms_text(sim.now()));
  add_line(out, "events: " + std::to_string(sim.events_dispatched()) + " (" + std::to_string(sim.trace_records()) +
                    " trace records)");
  if (sim.halted() != HaltReason::None)
    add_line(out, "HALTED: the run hit its " + std::string(halt_reason_key(sim.halted())) +
                      " and stopped early; the results below are partial");
  node_table(out, sim, run.protocol().info());
  transaction_lines(out, run.protocol());
  invariant_lines(out, run);
  if (run.scenario().scheduled) {
    const ojson sched = schedule_report(run);
    add_line(out, "schedule: " + std::to_string(run.schedule_replayed()) + " of " +
                      std::to_string(run.scenario().schedule.size()) + " steps replayed");
    if (sched["blocking"].is_boolean())
      add_line(out, sched["blocking"].get<bool>()
                        ? "BLOCKED: something stays undecided until a node restarts or the network heals"
                        : "not blocked: deliveries and timers alone can still decide everything");
  }
  return out;
}

}  // namespace cs
