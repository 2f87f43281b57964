#include "explore_steps.hpp"

#include <QCoreApplication>

#include "engine_text.hpp"

namespace ExploreSteps {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ExploreSteps", text); }

QString nodeName(const std::vector<cs::NodeSpec>& nodes, cs::NodeId n) {
  return n >= 0 && static_cast<std::size_t>(n) < nodes.size() ? QString::fromStdString(nodes[static_cast<std::size_t>(n)].name)
                                                               : QStringLiteral("?");
}

QString keyText(const std::vector<std::string>& keys, std::uint16_t i, QString (*text)(std::string_view)) {
  return i < keys.size() ? text(keys[i]) : QStringLiteral("#%1").arg(i);
}

// "{C, P1} and {P2}": the two sides of a partition move.
QString sides(const std::vector<cs::NodeSpec>& nodes, const cs::explore::Choice& c) {
  QStringList a, b;
  for (cs::NodeId n = 0; n < c.nodes; ++n) ((c.side_b >> n & 1u) ? b : a).append(nodeName(nodes, n));
  return tr("{%1} and {%2}").arg(a.join(QStringLiteral(", ")), b.join(QStringLiteral(", ")));
}

QString stepText(const cs::Protocol& p, const std::vector<cs::NodeSpec>& nodes, const cs::ScheduledStep& s) {
  const QString txn = s.txn ? tr(" (transaction %1)").arg(s.txn) : QString();
  const QString msg = tr("%1 from %2 to %3")
                          .arg(keyText(p.info().messages, s.type, &EngineText::message), nodeName(nodes, s.from), nodeName(nodes, s.to)) +
                      txn;
  switch (s.kind) {
    case cs::EventStepKind::Deliver: return tr("%1 arrives").arg(msg);
    case cs::EventStepKind::Duplicate: return tr("%1 arrives twice (a duplicate)").arg(msg);
    case cs::EventStepKind::Drop: return tr("%1 is lost").arg(msg);
    case cs::EventStepKind::Timer:
      return tr("%1's timer “%2” fires").arg(nodeName(nodes, s.to), keyText(p.info().timers, s.type, &EngineText::timer)) + txn;
    case cs::EventStepKind::Client: return tr("The workload's next event happens") + txn;
  }
  return QStringLiteral("?");
}

QString moveText(const cs::Protocol& p, const std::vector<cs::NodeSpec>& nodes, const cs::explore::Choice& c) {
  using K = cs::explore::Choice::Kind;
  switch (c.kind) {
    case K::Crash: return tr("%1 crashes").arg(nodeName(nodes, c.node));
    case K::Restart: return tr("%1 restarts").arg(nodeName(nodes, c.node));
    case K::Heal: return tr("The partition heals");
    case K::Partition: return tr("The network splits into %1").arg(sides(nodes, c));
    case K::Step: break;
  }
  return stepText(p, nodes, c.step);
}

}  // namespace

QStringList describe(const cs::Protocol& protocol, const std::vector<cs::explore::Choice>& path) {
  const auto nodes = protocol.node_specs();
  QStringList lines;
  lines.reserve(static_cast<qsizetype>(path.size()));
  for (std::size_t i = 0; i < path.size(); ++i)
    lines.append(QStringLiteral("%1. %2").arg(i + 1).arg(moveText(protocol, nodes, path[i])));
  return lines;
}

}  // namespace ExploreSteps
