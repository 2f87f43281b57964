#include "node_aids.hpp"

#include <QLocale>
#include <algorithm>

#include "engine_text.hpp"
#include "protocols/descriptor.hpp"
#include "sim/node_facts.hpp"
#include "view_util.hpp"

namespace {

QString namesOf(const cs::Simulator& sim, const std::vector<cs::NodeId>& nodes) {
  QStringList names;
  for (cs::NodeId n : nodes) names << viewutil::nodeName(sim, n);
  return names.join(QStringLiteral(", "));
}

}  // namespace

QString NodeAids::ms(cs::Time t) {
  const double v = static_cast<double>(t) / 1000.0;
  return t % 1000 == 0 ? QLocale().toString(static_cast<qlonglong>(t / 1000)) : QLocale().toString(v, 'f', 1);
}

QString NodeAids::countdown(cs::Time left) { return QLocale().toString(static_cast<qlonglong>((std::max<cs::Time>(0, left) + 999) / 1000)); }

NodeAids NodeAids::of(const cs::Simulator& sim, const cs::ProtocolDescriptor* descriptor, cs::NodeId node, Words* words) {
  NodeAids aids;
  const cs::NodeFacts f = cs::node_facts(sim, node);
  const auto& info = sim.protocol().info();
  const cs::Time now = sim.now();
  if (words && !f.timers.empty()) {
    const QString stamp = QLocale().name() + QLatin1Char('\n') + tr("%1 · %2 ms") + QLatin1Char('\n') + tr("%1 ms");
    if (stamp != words->stamp_ || words->texts_.size() > 4096) {
      words->texts_.clear();
      words->stamp_ = stamp;
    }
  }
  for (const cs::PendingTimer& t : f.timers) {
    Countdown c;
    const cs::Time total = std::max<cs::Time>(1, t.fire_at - t.set_at);
    const cs::Time remaining = std::max<cs::Time>(0, t.fire_at - now);
    const auto word = [&] {
      Words::Entry e;
      if (t.kind < info.timers.size()) e.timer = info.timers[t.kind];
      e.key = viewutil::key(info.timers, t.kind);
      e.text = tr("%1 · %2 ms").arg(EngineText::timer(e.key.toStdString()), countdown(remaining));
      e.shortText = tr("%1 ms").arg(countdown(remaining));
      return e;
    };
    // The value a countdown shows (whole milliseconds, rounded up) is what its words depend on.
    const qint64 shown = (remaining + 999) / 1000;
    const Words::Entry* e = nullptr;
    Words::Entry fresh;
    if (words && t.kind < info.timers.size()) {
      const std::pair<int, qint64> at{t.kind, shown};
      auto it = words->texts_.find(at);
      if (it == words->texts_.end()) it = words->texts_.insert(at, word());
      else if (it->timer != info.timers[t.kind]) *it = word();
      e = &*it;
    } else {
      fresh = word();
      e = &fresh;
    }
    c.key = e->key;
    c.text = e->text;
    c.shortText = e->shortText;
    c.left = std::clamp(static_cast<double>(remaining) / static_cast<double>(total), 0.0, 1.0);
    aids.timers << c;
  }
  if (!f.up || !f.view.blocked) return aids;

  // Why it is blocked: since when, and what it last did about it.
  const cs::StateSpec* state = descriptor && f.view.state < descriptor->states.size() ? &descriptor->states[f.view.state] : nullptr;
  const bool uncertain = state && state->cls == cs::StateClass::Uncertain;
  if (f.state_since >= 0)
    aids.why << (uncertain ? tr("in doubt since %1 ms") : tr("blocked since %1 ms")).arg(ms(f.state_since));
  else
    aids.why << (uncertain ? tr("in doubt") : tr("blocked"));
  if (f.last_sent) {
    const cs::SentBurst& b = *f.last_sent;
    const QString to = namesOf(sim, b.to), at = ms(b.at);
    const cs::MessageSpec* m = descriptor && b.type < descriptor->messages.size() ? &descriptor->messages[b.type] : nullptr;
    const cs::MessageFamily family = m ? m->family : cs::MessageFamily::Event;
    if (family == cs::MessageFamily::Request || family == cs::MessageFamily::Recovery)
      aids.why << tr("asked %1 at %2 ms").arg(to, at);
    else if (family == cs::MessageFamily::VoteYes)
      aids.why << tr("voted yes to %1 at %2 ms").arg(to, at);
    else if (family == cs::MessageFamily::VoteNo)
      aids.why << tr("voted no to %1 at %2 ms").arg(to, at);
    else
      aids.why << tr("sent %1 to %2 at %3 ms").arg(viewutil::key(info.messages, b.type), to, at);
  }
  return aids;
}
