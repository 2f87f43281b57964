// The teaching aids of a node card in words: its running timers as countdowns ("decision timeout ·
// 120 ms") and, while it is blocked, why ("in doubt since 12 ms", "asked C, P2 at
// 300 ms"). Worded from engine facts (cs::node_facts: the node's state class, the last messages it
// sent, its pending timers) and the protocol's descriptor (state classes, message families), never
// from protocol logic of its own.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "sim/simulator.hpp"

namespace cs {
struct ProtocolDescriptor;
}

class NodeAids {
  Q_DECLARE_TR_FUNCTIONS(NodeAids)

 public:
  struct Countdown {
    QString key;            // the timer's stable key ("decision_timeout")
    QString text;           // "decision timeout · 120 ms"
    QString shortText;      // "120 ms", where the name does not fit
    double left = 0;        // the fraction of its delay still to run, 0..1
    bool operator==(const Countdown&) const = default;
  };
  QList<Countdown> timers;  // in the order they fire
  QStringList why;          // empty unless the node is blocked
  bool operator==(const NodeAids&) const = default;

  // `descriptor` may be null (an unknown protocol): then only the timers are worded.
  static NodeAids of(const cs::Simulator& sim, const cs::ProtocolDescriptor* descriptor, cs::NodeId node);
  // Milliseconds for a badge: whole when whole ("300"), else one decimal ("12.5").
  static QString ms(cs::Time t);
  // What a countdown shows: the milliseconds left, rounded up ("217": it has not fired yet).
  static QString countdown(cs::Time left);
};
