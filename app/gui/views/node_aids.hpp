// The teaching aids of a node card in words: its running timers as countdowns ("decision timeout ·
// 120 ms") and, while it is blocked, why ("in doubt since 12 ms", "asked C, P2 at
// 300 ms"). Worded from engine facts (cs::node_facts: the node's state class, the last messages it
// sent, its pending timers) and the protocol's descriptor (state classes, message families), never
// from protocol logic of its own.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <string>
#include <utility>

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

  // The words of countdowns already worded, by timer key and milliseconds shown. A card is refreshed
  // on every frame of playback and a busy node runs a dozen timers, but a countdown's words change
  // once per virtual millisecond: wording them anew each time was ~4 % of a 4K frame. Holds the
  // words of one language: emptied when the locale or the translation of the countdown changes
  // (and by the owner on a LanguageChange, since a timer's name may change alone).
  class Words {
   public:
    void clear() {
      texts_.clear();
      stamp_.clear();
    }
    qsizetype size() const { return texts_.size(); }

   private:
    friend class NodeAids;
    struct Entry {
      std::string timer;  // the protocol's key of the timer kind (another protocol may reuse the index)
      QString key, text, shortText;
    };
    QString stamp_;  // the locale's name and the countdown's translated patterns
    QHash<std::pair<int, qint64>, Entry> texts_;  // by timer kind and whole milliseconds shown
  };

  // `descriptor` may be null (an unknown protocol): then only the timers are worded. With `words`,
  // countdowns are worded once per timer key, value and language (the same words as without).
  static NodeAids of(const cs::Simulator& sim, const cs::ProtocolDescriptor* descriptor, cs::NodeId node,
                     Words* words = nullptr);
  // Milliseconds for a badge: whole when whole ("300"), else one decimal ("12.5").
  static QString ms(cs::Time t);
  // What a countdown shows: the milliseconds left, rounded up ("217": it has not fired yet).
  static QString countdown(cs::Time left);
};
