#include "explore/textbook_models.hpp"

#include <algorithm>
#include <bit>

namespace cs::explore {
namespace {

// Fields of a packed state: `bits` wide (at most 8) at bit offset `at`, possibly across two words.
template <std::size_t W>
std::uint64_t get(const Packed<W>& s, int at, int bits) {
  const auto word = static_cast<std::size_t>(at / 64);
  const int shift = at % 64;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  std::uint64_t v = s[word] >> shift;
  if (shift + bits > 64) v |= s[word + 1] << (64 - shift);
  return v & mask;
}

template <std::size_t W>
void set(Packed<W>& s, int at, int bits, std::uint64_t v) {
  const auto word = static_cast<std::size_t>(at / 64);
  const int shift = at % 64;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  s[word] = (s[word] & ~(mask << shift)) | ((v & mask) << shift);
  if (shift + bits > 64) {
    const int spill = 64 - shift;  // bits already written into the first word
    s[word + 1] = (s[word + 1] & ~(mask >> spill)) | ((v & mask) >> spill);
  }
}

template <std::size_t W>
bool bit(const Packed<W>& s, int at) {
  return (s[static_cast<std::size_t>(at / 64)] >> (at % 64)) & 1u;
}

template <std::size_t W>
void setBit(Packed<W>& s, int at) {
  s[static_cast<std::size_t>(at / 64)] |= std::uint64_t{1} << (at % 64);
}

// rmState values, as the specs spell them.
enum Rm : std::uint64_t { Working = 0, Prepared = 1, Committed = 2, Aborted = 3 };
constexpr const char* kRmNames[] = {"working", "prepared", "committed", "aborted"};

// TCConsistent: no RM has aborted while another has committed.
template <std::size_t W>
bool consistent(const Packed<W>& s, int rms) {
  bool committed = false, aborted = false;
  for (int r = 0; r < rms; ++r) {
    const auto v = get(s, 2 * r, 2);
    committed = committed || v == Committed;
    aborted = aborted || v == Aborted;
  }
  return !(committed && aborted);
}

template <std::size_t W>
std::string describeRms(const Packed<W>& s, int rms) {
  std::string out = "rmState = (";
  for (int r = 0; r < rms; ++r) out += std::string(r ? ", " : "") + kRmNames[get(s, 2 * r, 2)];
  return out + ")";
}

// ---------------------------------------------------------------------------------------------
// TCommit.tla: rmState only. Prepare(rm), Decide(rm).

struct TCommit {
  static constexpr std::size_t kWords = 1;
  using State = Packed<1>;
  int rms;

  State initial() const { return {0}; }
  template <class Emit>
  void successors(const State& s, Emit&& emit) const {
    bool canCommit = true, notCommitted = true;
    for (int r = 0; r < rms; ++r) {
      const auto v = get(s, 2 * r, 2);
      canCommit = canCommit && (v == Prepared || v == Committed);
      notCommitted = notCommitted && v != Committed;
    }
    for (int r = 0; r < rms; ++r) {
      const auto v = get(s, 2 * r, 2);
      State t = s;
      if (v == Working) {  // Prepare(rm)
        set(t, 2 * r, 2, Prepared);
        emit(t);
      }
      if (v == Prepared && canCommit) {  // Decide(rm), first disjunct
        t = s;
        set(t, 2 * r, 2, Committed);
        emit(t);
      }
      if ((v == Working || v == Prepared) && notCommitted) {  // Decide(rm), second disjunct
        t = s;
        set(t, 2 * r, 2, Aborted);
        emit(t);
      }
    }
  }
  const char* violated(const State& s) const { return consistent(s, rms) ? nullptr : "TCConsistent"; }
  std::string describe(const State& s) const { return describeRms(s, rms); }
};

// ---------------------------------------------------------------------------------------------
// TwoPhase.tla: rmState, tmState, tmPrepared, msgs (Prepared(rm), Commit, Abort).

struct TwoPhase {
  static constexpr std::size_t kWords = 1;
  using State = Packed<1>;
  int rms;
  // Layout: rmState 2 bits each | tmState 2 bits | tmPrepared 1 bit each | Prepared msgs 1 bit each
  // | Commit | Abort.
  int tm() const { return 2 * rms; }
  int tmPrepared(int r) const { return 2 * rms + 2 + r; }
  int prepared(int r) const { return 3 * rms + 2 + r; }
  int commitMsg() const { return 4 * rms + 2; }
  int abortMsg() const { return 4 * rms + 3; }
  enum Tm : std::uint64_t { Init = 0, TmCommitted = 1, TmAborted = 2 };

  State initial() const { return {0}; }
  template <class Emit>
  void successors(const State& s, Emit&& emit) const {
    const auto tmState = get(s, tm(), 2);
    bool allPrepared = true;
    for (int r = 0; r < rms; ++r) allPrepared = allPrepared && bit(s, tmPrepared(r));
    if (tmState == Init) {
      for (int r = 0; r < rms; ++r)
        if (bit(s, prepared(r))) {  // TMRcvPrepared(rm)
          State t = s;
          setBit(t, tmPrepared(r));
          emit(t);
        }
      if (allPrepared) {  // TMCommit
        State t = s;
        set(t, tm(), 2, TmCommitted);
        setBit(t, commitMsg());
        emit(t);
      }
      State t = s;  // TMAbort
      set(t, tm(), 2, TmAborted);
      setBit(t, abortMsg());
      emit(t);
    }
    for (int r = 0; r < rms; ++r) {
      const auto v = get(s, 2 * r, 2);
      if (v == Working) {
        State t = s;  // RMPrepare(rm)
        set(t, 2 * r, 2, Prepared);
        setBit(t, prepared(r));
        emit(t);
        t = s;  // RMChooseToAbort(rm)
        set(t, 2 * r, 2, Aborted);
        emit(t);
      }
      if (bit(s, commitMsg())) {  // RMRcvCommitMsg(rm): no condition on rmState in the spec
        State t = s;
        set(t, 2 * r, 2, Committed);
        emit(t);
      }
      if (bit(s, abortMsg())) {  // RMRcvAbortMsg(rm)
        State t = s;
        set(t, 2 * r, 2, Aborted);
        emit(t);
      }
    }
  }
  const char* violated(const State& s) const {
    if (get(s, tm(), 2) > TmAborted) return "TPTypeOK";
    return consistent(s, rms) ? nullptr : "TCConsistent";
  }
  std::string describe(const State& s) const {
    static constexpr const char* kTm[] = {"init", "committed", "aborted", "?"};
    std::string out = describeRms(s, rms) + ", tmState = " + kTm[get(s, tm(), 2)] + ", tmPrepared = {";
    for (int r = 0; r < rms; ++r)
      if (bit(s, tmPrepared(r))) out += "rm" + std::to_string(r + 1) + " ";
    return out + "}";
  }
};

// ---------------------------------------------------------------------------------------------
// PaxosCommit.tla: rmState, aState[ins][acc] = [mbal, bal, val], msgs (phase1a, phase1b, phase2a,
// phase2b, Commit, Abort). Ballots 0 .. B-1; a majority is any set of more than half the acceptors.

struct PaxosLayout {
  int n, a, b;  // RMs (= instances), acceptors, ballots
  // aState: mbal (2 bits, 0..B-1), bal + 1 (2 bits, -1..B-1), val (2 bits: none, prepared, aborted).
  int aState(int ins, int acc) const { return 2 * n + 6 * (ins * a + acc); }
  int msgBase() const { return 2 * n + 6 * n * a; }
  int phase1a(int ins, int bal) const { return msgBase() + ins * (b - 1) + (bal - 1); }
  int phase1bBase() const { return msgBase() + n * (b - 1); }
  // val: 0 none, 1 prepared, 2 aborted (as aState's val).
  int phase1b(int ins, int mbal, int bal, int val, int acc) const {
    return phase1bBase() + ((((ins * (b - 1) + (mbal - 1)) * (b + 1) + (bal + 1)) * 3 + val) * a + acc);
  }
  int phase2aBase() const { return phase1bBase() + n * (b - 1) * (b + 1) * 3 * a; }
  // val: 1 prepared, 2 aborted.
  int phase2a(int ins, int bal, int val) const { return phase2aBase() + (ins * b + bal) * 2 + (val - 1); }
  int phase2bBase() const { return phase2aBase() + n * b * 2; }
  int phase2b(int acc, int ins, int bal, int val) const { return phase2bBase() + ((acc * n + ins) * b + bal) * 2 + (val - 1); }
  int commitMsg() const { return phase2bBase() + a * n * b * 2; }
  int abortMsg() const { return commitMsg() + 1; }
  int bits() const { return abortMsg() + 1; }
};

template <std::size_t W>
struct PaxosCommit {
  static constexpr std::size_t kWords = W;
  using State = Packed<W>;
  PaxosLayout l;
  std::vector<unsigned> majorities;  // acceptor sets as bit masks

  explicit PaxosCommit(PaxosLayout layout) : l(layout) {
    for (unsigned m = 1; m < (1u << l.a); ++m)
      if (2 * std::popcount(m) > l.a) majorities.push_back(m);
  }
  State initial() const {
    State s{};
    for (int i = 0; i < l.n; ++i)
      for (int c = 0; c < l.a; ++c) set(s, l.aState(i, c) + 2, 2, 0);  // mbal 0, bal -1, val none
    return s;
  }
  static State with(State s, int bitAt) {
    setBit(s, bitAt);
    return s;
  }
  template <class Emit>
  void successors(const State& s, Emit&& emit) const {
    rmActions(s, emit);
    for (int bal = 1; bal < l.b; ++bal)
      for (int rm = 0; rm < l.n; ++rm) {
        emit(with(s, l.phase1a(rm, bal)));  // Phase1a(bal, rm)
        phase2a(s, bal, rm, emit);
      }
    decide(s, emit);
    for (int acc = 0; acc < l.a; ++acc) {
      phase1b(s, acc, emit);
      phase2b(s, acc, emit);
    }
  }
  template <class Emit>
  void rmActions(const State& s, Emit&& emit) const {
    for (int rm = 0; rm < l.n; ++rm) {
      if (get(s, 2 * rm, 2) == Working) {
        State t = with(s, l.phase2a(rm, 0, 1));  // RMPrepare(rm)
        set(t, 2 * rm, 2, Prepared);
        emit(t);
        t = with(s, l.phase2a(rm, 0, 2));  // RMChooseToAbort(rm)
        set(t, 2 * rm, 2, Aborted);
        emit(t);
      }
      if (bit(s, l.commitMsg())) {  // RMRcvCommitMsg(rm)
        State t = s;
        set(t, 2 * rm, 2, Committed);
        emit(t);
      }
      if (bit(s, l.abortMsg())) {  // RMRcvAbortMsg(rm)
        State t = s;
        set(t, 2 * rm, 2, Aborted);
        emit(t);
      }
    }
  }
  // The phase1b message acceptor `acc` sent for (ins, mbal), if any: its bal and val.
  bool phase1bOf(const State& s, int ins, int mbal, int acc, int& bal, int& val) const {
    for (bal = -1; bal < l.b; ++bal)
      for (val = 0; val < 3; ++val)
        if (bit(s, l.phase1b(ins, mbal, bal, val, acc))) return true;
    return false;
  }
  template <class Emit>
  void phase2a(const State& s, int bal, int rm, Emit&& emit) const {
    if (bit(s, l.phase2a(rm, bal, 1)) || bit(s, l.phase2a(rm, bal, 2))) return;
    for (unsigned ms : majorities) {
      int maxbal = -1, val = 0;
      bool all = true;
      for (int acc = 0; acc < l.a && all; ++acc) {
        if (!(ms & (1u << acc))) continue;
        int b = 0, v = 0;
        all = phase1bOf(s, rm, bal, acc, b, v);
        if (all && b > maxbal) {
          maxbal = b;
          val = v;
        }
      }
      if (all) emit(with(s, l.phase2a(rm, bal, maxbal == -1 ? 2 : val)));
    }
  }
  bool decided(const State& s, int rm, int val) const {
    for (int b = 0; b < l.b; ++b) {
      int votes = 0;
      for (int acc = 0; acc < l.a; ++acc) votes += bit(s, l.phase2b(acc, rm, b, val)) ? 1 : 0;
      if (2 * votes > l.a) return true;
    }
    return false;
  }
  template <class Emit>
  void decide(const State& s, Emit&& emit) const {
    bool allPrepared = true, someAborted = false;
    for (int rm = 0; rm < l.n; ++rm) {
      allPrepared = allPrepared && decided(s, rm, 1);
      someAborted = someAborted || decided(s, rm, 2);
    }
    if (allPrepared) emit(with(s, l.commitMsg()));
    if (someAborted) emit(with(s, l.abortMsg()));
  }
  template <class Emit>
  void phase1b(const State& s, int acc, Emit&& emit) const {
    for (int ins = 0; ins < l.n; ++ins)
      for (int bal = 1; bal < l.b; ++bal) {
        const int at = l.aState(ins, acc);
        if (!bit(s, l.phase1a(ins, bal)) || static_cast<int>(get(s, at, 2)) >= bal) continue;
        State t = with(s, l.phase1b(ins, bal, static_cast<int>(get(s, at + 2, 2)) - 1, static_cast<int>(get(s, at + 4, 2)), acc));
        set(t, at, 2, static_cast<std::uint64_t>(bal));
        emit(t);
      }
  }
  template <class Emit>
  void phase2b(const State& s, int acc, Emit&& emit) const {
    for (int ins = 0; ins < l.n; ++ins)
      for (int bal = 0; bal < l.b; ++bal)
        for (int val = 1; val <= 2; ++val) {
          const int at = l.aState(ins, acc);
          if (!bit(s, l.phase2a(ins, bal, val)) || static_cast<int>(get(s, at, 2)) > bal) continue;
          State t = with(s, l.phase2b(acc, ins, bal, val));
          set(t, at, 2, static_cast<std::uint64_t>(bal));
          set(t, at + 2, 2, static_cast<std::uint64_t>(bal + 1));
          set(t, at + 4, 2, static_cast<std::uint64_t>(val));
          emit(t);
        }
  }
  const char* violated(const State& s) const {
    // PCTypeOK on the encoded fields: ballots inside Ballot, values inside {none, prepared, aborted}.
    for (int i = 0; i < l.n; ++i)
      for (int c = 0; c < l.a; ++c) {
        const int at = l.aState(i, c);
        if (static_cast<int>(get(s, at, 2)) >= l.b || static_cast<int>(get(s, at + 2, 2)) > l.b || get(s, at + 4, 2) > 2)
          return "PCTypeOK";
      }
    return consistent(s, l.n) ? nullptr : "TCConsistent";
  }
  std::string describe(const State& s) const {
    std::string out = describeRms(s, l.n);
    int msgs = 0;
    for (int i = l.msgBase(); i < l.bits(); ++i) msgs += bit(s, i) ? 1 : 0;
    return out + ", " + std::to_string(msgs) + " message(s) sent";
  }
};

template <std::size_t W>
Result explorePaxos(const PaxosLayout& layout, const Limits& limits) {
  return explore(PaxosCommit<W>(layout), limits);
}

}  // namespace

bool explore_model(std::string_view name, const ModelSize& size, const Limits& limits, Result& out, std::string& error) {
  const auto outOfRange = [&](const char* what, int value, int lo, int hi) {
    if (value >= lo && value <= hi) return false;
    error = std::string(what) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + " for the " +
            std::string(name) + " model (it is " + std::to_string(value) + ")";
    return true;
  };
  if (name == "tcommit") {
    if (outOfRange("--rms", size.rms, 1, kMaxTCommitRms)) return false;
    out = explore(TCommit{size.rms}, limits);
    return true;
  }
  if (name == "twophase") {
    if (outOfRange("--rms", size.rms, 1, kMaxTwoPhaseRms)) return false;
    out = explore(TwoPhase{size.rms}, limits);
    return true;
  }
  if (name == "paxoscommit") {
    if (outOfRange("--rms", size.rms, 1, kMaxPaxosRms) || outOfRange("--acceptors", size.acceptors, 1, kMaxPaxosAcceptors) ||
        outOfRange("--ballots", size.ballots, 1, kMaxPaxosBallots))
      return false;
    const PaxosLayout layout{size.rms, size.acceptors, size.ballots};
    // One bit of the last word stays clear: an all-ones state marks an empty slot of the table.
    const int words = layout.bits() / 64 + 1;
    switch (words) {
      case 1: out = explorePaxos<1>(layout, limits); return true;
      case 2: out = explorePaxos<2>(layout, limits); return true;
      case 3: out = explorePaxos<3>(layout, limits); return true;
      case 4: out = explorePaxos<4>(layout, limits); return true;
      case 5:
      case 6: out = explorePaxos<6>(layout, limits); return true;
      case 7:
      case 8: out = explorePaxos<8>(layout, limits); return true;
      default:
        error = "the paxoscommit model with these sizes needs " + std::to_string(layout.bits()) +
                " bits per state; at most 511 are supported (fewer RMs, acceptors or ballots)";
        return false;
    }
  }
  error = "unknown model \"" + std::string(name) + "\" (tcommit, twophase or paxoscommit)";
  return false;
}

}  // namespace cs::explore
