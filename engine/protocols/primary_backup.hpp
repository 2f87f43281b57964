// Primary/backup with heartbeat failover, for the split-brain lesson ("primary-backup").
//
// Servers N1..Nn (nodes 0..n-1): N1 is the primary of term 1 at the start and sends HEARTBEATs; a
// backup that hears none for failover_ms takes over in a new term. Clients K1..Km (nodes n..) send
// each write to the server they believe is primary, follow REDIRECT hints and try the next server on
// a timeout. The primary accepts a write by logging ACCEPT (value = its term) and answers WRITE_OK; it
// also pushes the write to the backups (REPLICATE).
//
// fencing = false: a backup promotes itself (term + 1) on its own, and a primary accepts writes as
//   long as it believes it is primary. Cut the primary off from the backups while clients still reach
//   it, and two primaries accept writes: split-brain.
// fencing = true: a primary needs a majority behind it. A backup that times out becomes CANDIDATE and
//   asks for votes (one vote per term, durable); heartbeats double as leases: a primary accepts writes
//   only while a majority acknowledged a heartbeat sent less than lease_ms ago, and a server that
//   acknowledged one promises not to vote for anyone else until lease_ms after that (also after a
//   restart). So an old primary's lease has expired before a new one can be elected, and at most one
//   primary's writes are accepted per term. Leases are safe only with bounded clock drift and no
//   process pauses: the primary decides alone, from its own clock, that it may still write.
// fencing_token = true: the data lives on a STORAGE node (node n+m, after the clients). Elections need
//   a majority (one primary per term), and the term is the fencing token: a new primary announces it to
//   STORAGE (NEW_TOKEN), and forwards every write with it (STORE). STORAGE remembers the highest token
//   it has seen and rejects a write with an older one (STORE_REJECTED, note stale_token), whatever the
//   old primary believes. With fencing = false there are no leases: the old primary keeps trying and
//   the storage, not its clock, stops it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/client_ops.hpp"
#include "sim/diagnostic.hpp"
#include "protocols/descriptor.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs::pb {

enum State : std::uint16_t { PRIMARY, BACKUP, CANDIDATE, IDLE, WAITING, DONE, FAILED, SERVING };
enum Msg : std::uint16_t {
  WRITE, WRITE_OK, REDIRECT, HEARTBEAT, HEARTBEAT_ACK, VOTE_REQUEST, VOTE_GRANTED, REPLICATE,
  STORE, STORED, STORE_REJECTED, NEW_TOKEN  // fencing_token: primary <-> STORAGE
};
enum Rec : std::uint16_t { REC_TERM, REC_VOTE, REC_ACCEPT, REC_REPLICA, REC_TOKEN };
enum TimerKind : std::uint16_t { T_HEARTBEAT, T_FAILOVER, T_CLIENT_TIMEOUT, T_CLIENT_RETRY };
enum Note : std::uint16_t {
  N_FAILOVER,           // server became primary; value = its term
  N_STEP_DOWN,          // primary or candidate became backup; value = the term it now knows
  N_TWO_PRIMARIES,      // more than one running server believes it is primary; value = how many
  N_NO_LEASE,           // (fencing) a primary refused a write: no majority lease
  N_FENCED,             // a server ignored a message of an older term; value = that term
  N_CONFLICTING_WRITE,  // a write accepted against one_primary_per_term (split-brain); value = term
  N_WRITE_OK,           // client; value = latency (µs)
  N_WRITE_FAILED,       // client gave up after max_attempts
  N_RETRY,              // client tries again; value = attempt number
  N_RECOVERED,
  N_CLIENT_DOWN,        // the write's client was down when it was due: not issued
  N_OP_ABANDONED,       // client crashed with the write outstanding
  N_STALE_TOKEN,        // (fencing_token) STORAGE rejected a write; value = its token, older than the highest seen
  N_NEW_TOKEN,          // (fencing_token) STORAGE raised its highest token; value = the new token
};

struct Params {
  int servers = 3;
  int clients = 2;
  bool fencing = true;
  bool token = false;  // fencing_token
  int writes = 20;
  Time interval = ms(20);
  Time heartbeat = ms(50);
  Time failover = ms(200);
  Time lease = ms(150);
  Time client_timeout = ms(150);
  Time client_retry = ms(50);
  int max_attempts = 10;
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class PrimaryBackup final : public Protocol {
 public:
  explicit PrimaryBackup(Params p);

  const ProtocolInfo& info() const override { return info_; }
  std::vector<NodeSpec> node_specs() const override;
  void start(Simulator& sim) override;
  void on_message(Simulator& sim, const Message& msg) override;
  void on_timer(Simulator& sim, const TimerRec& timer) override;
  void on_client(Simulator& sim, std::uint16_t kind, TxnId txn, std::int64_t value) override;
  void on_crash(Simulator& sim, NodeId node) override;
  void on_restart(Simulator& sim, NodeId node) override;
  NodeView live_view(NodeId node) const override;
  std::vector<TxnView> transactions() const override;
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override;
  // Every node's state is plain values: a copy is the whole protocol (snapshots for scrubbing, the explorer).
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<PrimaryBackup>(*this); }
  std::vector<Metric> metrics() const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info(bool fencing, bool token = false);
  std::int64_t term_of(NodeId server) const { return servers_[static_cast<std::size_t>(server)].term; }
  int primaries() const;  // running servers that believe they are primary

 private:
  struct Round {
    Time sent = 0;
    std::uint32_t acks = 0;
  };
  struct Server {
    std::uint8_t role = BACKUP;
    std::int64_t term = 1;
    std::int64_t voted_term = 0;
    NodeId voted_for = kNoNode;
    NodeId primary = 0;       // who it believes is primary (REDIRECT hint)
    Time promise_until = 0;   // fencing: votes for nobody before this time
    Time lease_until = 0;     // fencing, primary: accepts writes before this time
    std::int64_t round = 0;
    std::map<std::int64_t, Round> rounds;  // heartbeat rounds still able to extend the lease
    std::uint32_t votes = 0;
    std::uint32_t hb_timer = 0, fo_timer = 0;
    std::vector<std::uint8_t> accepted;    // per write
    std::vector<std::uint8_t> replicated;  // per write
  };
  struct Client {
    NodeId believed = 0;
    std::vector<TxnId> pending;
  };
  struct WriteRec : ClientOp {
    int attempts = 0;
    NodeId target = kNoNode;
  };
  struct Figures {
    std::int64_t accepted = 0, refused = 0, failovers = 0, step_downs = 0, replicated = 0, conflicting = 0;
    std::int64_t ok = 0, failed = 0, retries = 0, abandoned = 0;
    std::int64_t stale = 0;  // STORAGE: writes rejected for an old token
    LatencyFigures latency;
  };

  int n() const { return p_.servers; }
  int majority() const { return p_.servers / 2 + 1; }
  bool is_server(NodeId node) const { return node >= 0 && node < p_.servers; }
  // Elections by majority vote: with leases, and with a fencing token (terms must be unique).
  bool voting() const { return p_.fencing || p_.token; }
  NodeId storage() const { return static_cast<NodeId>(p_.servers + p_.clients); }  // fencing_token only
  bool is_storage(NodeId node) const { return p_.token && node == storage(); }
  Server& srv(NodeId s) { return servers_[static_cast<std::size_t>(s)]; }
  Client& cli(NodeId k) { return clients_[static_cast<std::size_t>(k - p_.servers)]; }
  // Staggered by rank (N2 first, N1 last) so that backups rarely time out together.
  Time failover_delay(NodeId s) const { return p_.failover + static_cast<Time>((s + n() - 1) % n()) * p_.heartbeat; }

  // Servers.
  void set_role(Simulator& sim, NodeId s, std::uint8_t to);
  void arm_failover(Simulator& sim, NodeId s, Time delay);
  void heartbeat(Simulator& sim, NodeId s);
  void adopt_term(Simulator& sim, NodeId s, std::int64_t term);
  void step_down(Simulator& sim, NodeId s);
  void become_primary(Simulator& sim, NodeId s);
  void on_failover_timer(Simulator& sim, NodeId s);
  void server_on_message(Simulator& sim, const Message& m);
  void accept_write(Simulator& sim, NodeId s, const Message& m);
  void book_accept(Simulator& sim, NodeId node, TxnId write, std::int64_t term);
  void forward_store(Simulator& sim, NodeId s, const Message& m);
  void on_store_reply(Simulator& sim, NodeId s, const Message& m);

  // STORAGE (fencing_token).
  void storage_on_message(Simulator& sim, const Message& m);
  void storage_raise(Simulator& sim, std::int64_t token);
  void storage_recover(Simulator& sim);

  // Clients.
  void client_issue(Simulator& sim, TxnId w);
  void client_attempt(Simulator& sim, TxnId w, NodeId target);
  void client_on_message(Simulator& sim, const Message& m);
  void client_finish(Simulator& sim, TxnId w, bool ok);

  void count_primaries(Simulator& sim, NodeId changed);

  Params p_;
  ProtocolInfo info_;
  std::vector<Server> servers_;
  std::vector<Client> clients_;
  struct Storage {
    std::int64_t highest = 0;            // the highest token seen (durable: REC_TOKEN / REC_ACCEPT)
    std::vector<std::uint8_t> accepted;  // per write
  } store_;
  std::vector<WriteRec> writes_;  // index = write id
  std::vector<Figures> fig_;      // per node
  std::int64_t skipped_ = 0;
  std::int64_t primaries_max_ = 1;
  std::int64_t book_term_ = -1;  // ground truth for conflicting_writes (as the invariant)
  NodeId book_owner_ = kNoNode;
  std::vector<std::pair<std::uint8_t, TxnId>> last_;  // clients: last state and write
  std::vector<std::uint8_t> down_;
};

}  // namespace cs::pb
