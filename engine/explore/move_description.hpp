// One explorer move (Choice) as a structured description: what kind of move it is and the names
// it involves (nodes, the message or timer key, the two sides of a split), so that every front end
// words the same walk the same way in its own language (the CLI in English, the window through
// tr(): app/cli/explore_file_command.cpp, app/gui/dialogs/explore_steps.cpp). No text here: keys
// and node names only.
#pragma once

#include <string>
#include <vector>

#include "explore/scenario_explorer.hpp"
#include "sim/protocol.hpp"

namespace cs::explore {

struct MoveDescription {
  enum class Kind : std::uint8_t { Deliver, Duplicate, Drop, Timer, Client, Crash, Restart, Partition, Heal };
  Kind kind = Kind::Deliver;
  std::string key;   // Deliver, Duplicate, Drop: the message key; Timer: the timer key ("#n" if unknown)
  std::string from;  // Deliver, Duplicate, Drop: the sender's name
  std::string node;  // Deliver, Duplicate, Drop: the receiver; Timer: its node; Crash, Restart: the node
  TxnId txn = 0;     // 0: no transaction
  std::vector<std::string> side_a, side_b;  // Partition: the node names on each side (node 0 in side_a)
  bool operator==(const MoveDescription&) const = default;
};

// `nodes` = protocol.node_specs() (passed in: describing a path asks once).
MoveDescription describe_move(const Choice& c, const Protocol& protocol, const std::vector<NodeSpec>& nodes);

}  // namespace cs::explore
