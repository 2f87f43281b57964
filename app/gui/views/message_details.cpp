#include "message_details.hpp"

#include <QEvent>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "drop_notice.hpp"
#include "engine_text.hpp"
#include "lab_controller.hpp"
#include "palette.hpp"
#include "view_util.hpp"

namespace {

// A long run's log is summarised; the full one is in the trace. The table is HTML laid out again
// whenever the log changes, i.e. at every step of a scrub: 200 rows made it the most expensive
// thing the window drew (issue 18); 40 fill the pane.
constexpr int kMaxLogRows = 40;

QString row(const QString& label, const QString& value) {
  return QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
}

QString chip(const QColor& c, const QString& text) {
  return QStringLiteral("<span style='background:%1;color:%2;'>&nbsp;%3&nbsp;</span>")
      .arg(c.name(), palette::textOn(c).name(), text.toHtmlEscaped());
}

}  // namespace

MessageDetails::MessageDetails(LabController* controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  text_ = new QTextBrowser(this);
  text_->setOpenLinks(false);
  text_->setFrameShape(QFrame::NoFrame);
  text_->setAccessibleName(tr("Details of the selection"));
  layout->addWidget(text_);
  connect(controller_, &LabController::scenarioChanged, this, &MessageDetails::rebuild);
  connect(controller_, &LabController::runChanged, this, &MessageDetails::refresh);
  connect(controller_, &LabController::selectionChanged, this, &MessageDetails::refresh);
  refresh();
}

void MessageDetails::rebuild() { refresh(); }

void MessageDetails::setProjectorMode(bool on) {
  projector_ = on;
  // The application font is already enlarged by projector mode; scaling again here made the
  // details text about 2.9x. Just follow the widget font.
  text_->setFont(font());
  html_.clear();
  refresh();
}

void MessageDetails::changeEvent(QEvent* e) {
  QWidget::changeEvent(e);
  if (e->type() == QEvent::LanguageChange) {
    html_.clear();
    refresh();
  }
}

QString MessageDetails::messageHtml(quint32 id) const {
  const auto& sim = controller_->sim();
  // A long run's window forgets its oldest messages (messages_base()): nothing to show for those.
  if (id == 0 || id < sim.messages_base() || id >= sim.messages_sent()) return {};
  const cs::Message& m = sim.message(id);
  const QString key = viewutil::key(controller_->info().messages, m.type);
  QString status;
  switch (m.status) {
    case cs::MsgStatus::InFlight: status = tr("in flight"); break;
    case cs::MsgStatus::Delivered: status = tr("delivered"); break;
    case cs::MsgStatus::Dropped: status = tr("lost: %1").arg(EngineText::dropReason(m.drop_reason)); break;
  }
  QString h = QStringLiteral("<h3>%1 %2</h3><table>")
                  .arg(tr("Message #%1").arg(id).toHtmlEscaped(), chip(palette::message(key, projector_), EngineText::message(key.toStdString())));
  h += row(tr("Transaction"), QStringLiteral("t%1").arg(m.txn));
  h += row(tr("From → to"), QStringLiteral("%1 → %2").arg(viewutil::nodeName(sim, m.from), viewutil::nodeName(sim, m.to)));
  h += row(tr("Sent at"), tr("%1 ms").arg(viewutil::ms(m.sent_at)));
  h += row(m.status == cs::MsgStatus::InFlight ? tr("Arrives at") : tr("Due at"), tr("%1 ms").arg(viewutil::ms(m.deliver_at)));
  h += row(tr("Status"), status.toHtmlEscaped());
  if (m.status == cs::MsgStatus::InFlight && m.doomed != cs::DropReason::None)
    h += row(tr("Fate"), tr("will be lost: %1").arg(EngineText::dropReason(m.doomed)).toHtmlEscaped());
  h += row(tr("Payload a, b"), QStringLiteral("%1, %2").arg(m.a).arg(m.b));
  if (!m.extra.empty()) {
    QStringList xs;
    for (auto v : m.extra) xs << QString::number(v);
    h += row(tr("Payload (more)"), xs.join(QStringLiteral(", ")));
  }
  if (m.copy_of != 0) h += row(tr("Duplicate of"), tr("message #%1").arg(m.copy_of - 1));
  h += row(tr("Link epoch"), QString::number(m.link_epoch));
  return h + QStringLiteral("</table>");
}

QString MessageDetails::nodeHtml(int node) const {
  const auto& sim = controller_->sim();
  if (node < 0 || static_cast<std::size_t>(node) >= sim.nodes().size()) return {};
  const auto& info = controller_->info();
  const cs::NodeState& ns = sim.nodes()[static_cast<std::size_t>(node)];
  const cs::NodeView v = controller_->simulation().sim().node_view(node);
  const QString stateKey = viewutil::key(info.states, v.state);
  QString h = QStringLiteral("<h3>%1 <span class='m'>%2</span></h3><table>")
                  .arg(QString::fromStdString(ns.name).toHtmlEscaped(), EngineText::role(ns.role).toHtmlEscaped());
  h += row(tr("Status", "node: up or down"), ns.up ? tr("running").toHtmlEscaped()
                               : QStringLiteral("<b style='color:#c00'>%1</b>").arg(tr("DOWN — volatile state lost").toHtmlEscaped()));
  h += row(ns.up ? tr("State") : tr("State at crash"),
           chip(palette::state(stateKey, projector_), EngineText::state(stateKey.toStdString())) +
               (v.txn ? QStringLiteral(" t%1").arg(v.txn) : QString()));
  if (v.blocked) h += row(tr("Blocked"), tr("waiting for a decision it cannot take alone").toHtmlEscaped());
  h += row(tr("Crashes"), QString::number(ns.crashes));
  h += QStringLiteral("</table>");

  h += QStringLiteral("<h4>%1</h4>").arg(tr("Locks").toHtmlEscaped());
  if (v.locks.empty()) {
    h += QStringLiteral("<p class='m'>%1</p>").arg((ns.up ? tr("none") : tr("none (locks live in memory)")).toHtmlEscaped());
  } else {
    h += QStringLiteral("<table class='g'><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
             .arg(tr("Resource"), tr("Holder"), tr("Waiting"));
    for (const cs::LockView& l : v.locks) {
      QStringList w;
      for (auto t : l.waiters) w << QStringLiteral("t%1").arg(t);
      h += QStringLiteral("<tr><td>r%1</td><td>t%2</td><td>%3</td></tr>").arg(l.resource).arg(l.holder).arg(w.join(QStringLiteral(", ")));
    }
    h += QStringLiteral("</table>");
  }

  h += QStringLiteral("<h4>%1</h4>").arg(tr("Durable log (%n record(s))", nullptr, static_cast<int>(ns.log.size())).toHtmlEscaped());
  if (ns.log.empty()) return h + QStringLiteral("<p class='m'>%1</p>").arg(tr("empty").toHtmlEscaped());
  h += QStringLiteral("<table class='g'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
           .arg(tr("Time (ms)"), tr("Record"), tr("Txn"), tr("Value"));
  const auto size = static_cast<int>(ns.log.size());
  // Records a long run's checkpoints dropped (finished transactions): said, not counted as shown.
  if (const QString dropped = DropNotice::logText(sim, node); !dropped.isEmpty())
    h += QStringLiteral("<tr><td colspan='4' class='m'>%1</td></tr>").arg(dropped.toHtmlEscaped());
  if (size > kMaxLogRows)
    h += QStringLiteral("<tr><td colspan='4' class='m'>%1</td></tr>").arg(tr("… %n earlier record(s)", nullptr, size - kMaxLogRows));
  for (int i = std::max(0, size - kMaxLogRows); i < size; ++i) {
    const cs::LogRecord& r = ns.log[static_cast<std::size_t>(i)];
    h += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td>t%3</td><td align='right'>%4</td></tr>")
             .arg(viewutil::ms(r.time), EngineText::logRecordAt(info, r.type).toHtmlEscaped())
             .arg(r.txn)
             .arg(r.value);
  }
  return h + QStringLiteral("</table>");
}

void MessageDetails::refresh() {
  const palette::Scheme& s = palette::scheme(projector_);
  QString body = messageHtml(controller_->selectedMessage());
  cs::NodeId node = controller_->selectedNode();
  if (node == cs::kNoNode && body.isEmpty()) node = 0;  // nothing selected: the first (coordinating) node
  if (!body.isEmpty() && node != cs::kNoNode) body += QStringLiteral("<hr>");
  body += nodeHtml(node);
  if (body.isEmpty()) body = QStringLiteral("<p class='m'>%1</p>").arg(tr("Select a node or a message.").toHtmlEscaped());
  const QString css = QStringLiteral(
                          "<style>body{color:%1;} h3{margin:4px 0 6px 0;} h4{margin:10px 0 4px 0;color:%2;}"
                          " td.k{color:%2;padding-right:12px;} .m{color:%2;} table.g th{background:%3;text-align:left;"
                          " padding:2px 8px;} table.g td{padding:1px 8px;border-bottom:1px solid %3;}</style>")
                          .arg(s.ink.name(), s.mutedInk.name(), s.lane.name());
  const QString html = css + body;
  if (html == html_) return;  // setHtml is the costly part; most ticks change nothing here
  html_ = html;
  const int scroll = text_->verticalScrollBar()->value();  // keep the reader's place while playing
  text_->setHtml(html_);
  text_->verticalScrollBar()->setValue(scroll);
}
