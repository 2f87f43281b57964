// The peer baseline for `commitscope-cli run tests/bench/scenarios/2pc-10k.json`: the same 2PC
// workload as a SimGrid S4U program, so that the two can be timed side by side (scripts/bench --peers,
// docs/benchmarks.md). One actor per node (coordinator C, participants P1..P5), one host each, every
// pair of hosts joined by its own link of 1 ms latency; messages of 0 bytes, so with
// `--cfg=network/model:CM02` each one takes exactly the link latency (SimGrid's default model scales
// latency by ~13). Transactions run back to back: C sends PREPARE to all, waits for every vote, sends
// GLOBAL_COMMIT to all, waits for every ACK, then starts the next; 4 messages per participant per
// transaction, 200,000 in all for 10,000 transactions. Every participant votes commit.
//
// Usage: simgrid_2pc [TRANSACTIONS] [PARTICIPANTS] --cfg=network/model:CM02
// Prints the end time, the messages and the transactions committed (checked against the plan).
#include <simgrid/s4u.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace sg4 = simgrid::s4u;

namespace {

enum class Kind { Prepare, VoteCommit, GlobalCommit, Ack };

struct Msg {
  Kind kind;
  int txn;
  int from;  // participant number (1-based); 0 = coordinator
};

long g_messages = 0;
long g_committed = 0;

void send(sg4::Mailbox* to, Kind kind, int txn, int from) {
  ++g_messages;
  // Detached: the sender does not wait for delivery, as a network send does not (0 bytes).
  to->put_init(new Msg{kind, txn, from}, 0)->detach();
}

std::unique_ptr<Msg> receive(sg4::Mailbox* box) { return std::unique_ptr<Msg>(box->get<Msg>()); }

// The node's inbox, with its actor as permanent receiver: a message starts travelling when it is
// sent, not when the receiver asks for it (without this, a rendezvous mailbox serialises the 5
// votes, one latency each, and a transaction takes 12 ms instead of 4).
sg4::Mailbox* own_inbox(const std::string& name) {
  sg4::Mailbox* box = sg4::Mailbox::by_name(name);
  box->set_receiver(sg4::Actor::self());
  return box;
}

// Receives `n` messages of `kind` for `txn` on `box`.
void collect(sg4::Mailbox* box, int n, Kind kind, int txn) {
  for (int got = 0; got < n; ++got) {
    const auto m = receive(box);
    if (m->kind != kind || m->txn != txn) xbt_die("coordinator: unexpected message for txn %d", m->txn);
  }
}

void coordinator(int transactions, std::vector<sg4::Mailbox*> participants) {
  sg4::Mailbox* self = own_inbox("C");
  const int n = static_cast<int>(participants.size());
  for (int txn = 1; txn <= transactions; ++txn) {
    for (auto* p : participants) send(p, Kind::Prepare, txn, 0);
    collect(self, n, Kind::VoteCommit, txn);
    for (auto* p : participants) send(p, Kind::GlobalCommit, txn, 0);
    collect(self, n, Kind::Ack, txn);
    ++g_committed;
  }
}

void participant(int me, int transactions) {
  sg4::Mailbox* self = own_inbox("P" + std::to_string(me));
  sg4::Mailbox* coord = sg4::Mailbox::by_name("C");
  for (int handled = 0; handled < 2 * transactions; ++handled) {
    const auto m = receive(self);
    send(coord, m->kind == Kind::Prepare ? Kind::VoteCommit : Kind::Ack, m->txn, me);
  }
}

// A full mesh of hosts, one 1 ms link per pair (1 Gbps; 0-byte messages never use it).
std::vector<sg4::Host*> make_platform(int participants) {
  auto* zone = sg4::create_full_zone("cluster");
  std::vector<sg4::Host*> hosts;
  for (int i = 0; i <= participants; ++i)
    hosts.push_back(zone->create_host(i == 0 ? std::string("C") : "P" + std::to_string(i), "1Gf")->seal());
  for (std::size_t a = 0; a < hosts.size(); ++a)
    for (std::size_t b = a + 1; b < hosts.size(); ++b) {
      auto* link = zone->create_link(hosts[a]->get_name() + "-" + hosts[b]->get_name(), "1Gbps")
                       ->set_latency("1ms")
                       ->seal();
      zone->add_route(hosts[a]->get_netpoint(), hosts[b]->get_netpoint(), nullptr, nullptr,
                      {sg4::LinkInRoute(link)}, true);
    }
  zone->seal();
  return hosts;
}

}  // namespace

int main(int argc, char** argv) {
  sg4::Engine engine(&argc, argv);  // consumes --cfg=... and --log=...
  const int transactions = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int participants = argc > 2 ? std::atoi(argv[2]) : 5;
  const std::vector<sg4::Host*> hosts = make_platform(participants);
  std::vector<sg4::Mailbox*> boxes;
  for (int i = 1; i <= participants; ++i) boxes.push_back(sg4::Mailbox::by_name("P" + std::to_string(i)));
  sg4::Actor::create("C", hosts[0], coordinator, transactions, boxes);
  for (int i = 1; i <= participants; ++i) sg4::Actor::create("P" + std::to_string(i), hosts[i], participant, i, transactions);
  engine.run();
  std::printf("end: %.3f ms\nmessages: %ld\ncommitted: %ld\n", sg4::Engine::get_clock() * 1000.0, g_messages, g_committed);
  return g_committed == transactions && g_messages == 4L * participants * transactions ? 0 : 1;
}
