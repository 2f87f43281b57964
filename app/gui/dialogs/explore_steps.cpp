#include "explore_steps.hpp"

#include <QCoreApplication>

#include "engine_text.hpp"

namespace ExploreSteps {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ExploreSteps", text); }

QString q(const std::string& s) { return QString::fromStdString(s); }

QStringList names(const std::vector<std::string>& nodes) {
  QStringList out;
  for (const std::string& n : nodes) out.append(q(n));
  return out;
}

// A message or timer key in the window's language; "#n" (an unknown index) as it is.
QString keyText(const std::string& key, QString (*text)(std::string_view)) {
  return key.starts_with('#') ? q(key) : text(key);
}

}  // namespace

QString moveText(const cs::explore::MoveDescription& d) {
  using K = cs::explore::MoveDescription::Kind;
  const QString txn = d.txn ? tr(" (transaction %1)").arg(d.txn) : QString();
  const QString msg = tr("%1 from %2 to %3").arg(keyText(d.key, &EngineText::message), q(d.from), q(d.node)) + txn;
  switch (d.kind) {
    case K::Crash: return tr("%1 crashes").arg(q(d.node));
    case K::Restart: return tr("%1 restarts").arg(q(d.node));
    case K::Heal: return tr("The partition heals");
    case K::Partition:
      return tr("The network splits into %1")
          .arg(tr("{%1} and {%2}").arg(names(d.side_a).join(QStringLiteral(", ")), names(d.side_b).join(QStringLiteral(", "))));
    case K::Deliver: return tr("%1 arrives").arg(msg);
    case K::Duplicate: return tr("%1 arrives twice (a duplicate)").arg(msg);
    case K::Drop: return tr("%1 is lost").arg(msg);
    case K::Timer: return tr("%1's timer “%2” fires").arg(q(d.node), keyText(d.key, &EngineText::timer)) + txn;
    case K::Client: return tr("The workload's next event happens") + txn;
  }
  return QStringLiteral("?");
}

QStringList describe(const cs::Protocol& protocol, const std::vector<cs::explore::Choice>& path) {
  const auto nodes = protocol.node_specs();
  QStringList lines;
  lines.reserve(static_cast<qsizetype>(path.size()));
  for (std::size_t i = 0; i < path.size(); ++i)
    lines.append(QStringLiteral("%1. %2").arg(i + 1).arg(moveText(cs::explore::describe_move(path[i], protocol, nodes))));
  return lines;
}

}  // namespace ExploreSteps
