#include "state_machine_view.hpp"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QHelpEvent>
#include <algorithm>
#include <cmath>

#include "drop_notice.hpp"
#include "projector_style.hpp"
#include "engine_text.hpp"
#include "lab_controller.hpp"
#include "palette.hpp"
#include "table_painter.hpp"
#include "view_util.hpp"

namespace {

using viewutil::scaledFont;

void arrowHead(QPainter& p, QPointF tip, QPointF from, qreal size) {
  QPointF d = tip - from;
  const qreal len = std::hypot(d.x(), d.y());
  if (len < 1e-6) return;
  d /= len;
  const QPointF n(-d.y(), d.x());
  const QPolygonF head{tip, tip - d * size + n * size * 0.5, tip - d * size - n * size * 0.5};
  p.drawPolygon(head);
}

}  // namespace

StateMachineView::StateMachineView(LabController* controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  setAttribute(Qt::WA_OpaquePaintEvent);
  setAccessibleName(tr("State machine of the selected node"));
  dropNotice_ = new DropNotice(this);
  connect(controller_, &LabController::scenarioChanged, this, &StateMachineView::rebuild);
  connect(controller_, &LabController::runChanged, this, &StateMachineView::refresh);
  connect(controller_, &LabController::selectionChanged, this, &StateMachineView::refresh);
  rebuild();
}

// On a projector the column's type grows with the window's lines as the canvas's does (1.5x at
// 1920x1080, projector::factor()); at a fixed 1.7x it read smaller at 1080 than at 720.
palette::Scheme StateMachineView::scheme() const {
  palette::Scheme s = palette::scheme(projector_);
  if (projector_) {
    s.fontScale *= projector::factor();
    s.lineScale *= projector::factor();
  }
  return s;
}

void StateMachineView::rebuild() {
  scannedRun_ = nullptr;
  machine_ = nullptr;
  refresh();
}

void StateMachineView::setProjectorMode(bool on) {
  projector_ = on;
  update();
}

void StateMachineView::changeEvent(QEvent* e) {
  QWidget::changeEvent(e);
  if (e->type() == QEvent::LanguageChange || e->type() == QEvent::FontChange) refresh();  // the drop notice too
}

void StateMachineView::refresh() {
  const auto& sim = controller_->sim();
  const auto& info = controller_->info();
  cs::NodeId node = controller_->selectedNode();
  if (node < 0 || static_cast<std::size_t>(node) >= sim.nodes().size()) {
    // Default: the coordinating node, i.e. the first node whose role is the protocol's first role.
    node = 0;
    if (!info.roles.empty())
      for (std::size_t i = 0; i < sim.nodes().size(); ++i)
        if (sim.nodes()[i].role == info.roles.front().role) {
          node = static_cast<cs::NodeId>(i);
          break;
        }
  }
  if (sim.nodes().empty()) return;
  const cs::NodeState& ns = sim.nodes()[static_cast<std::size_t>(node)];
  const cs::RoleMachine* machine = info.role(ns.role);
  node_ = node;
  machine_ = machine;
  up_ = ns.up;
  state_ = controller_->simulation().sim().node_view(node).state;

  // The node's last transition: the newest State trace event for it. The scan only looks at events
  // added since the previous refresh, unless the run was rebuilt or another node is shown.
  const auto& trace = sim.trace();
  const std::uint64_t base = sim.trace_base();  // a long run keeps only the last records
  const std::uint64_t records = sim.trace_records();
  if (scannedRun_ != &controller_->simulation() || scannedNode_ != node || scannedSize_ > records) {
    scannedRun_ = &controller_->simulation();
    scannedNode_ = node;
    scannedSize_ = 0;
    lastTxn_ = 0;
    lastFrom_ = lastTo_ = -1;
    lastAt_ = -1;
  }
  for (std::uint64_t seq = records; seq > std::max(scannedSize_, base); --seq) {
    const cs::TraceEvent& ev = trace[seq - 1 - base];
    if (ev.kind == cs::TraceKind::State && ev.node == node) {
      lastFrom_ = static_cast<int>(ev.value);
      lastTo_ = ev.key;
      lastAt_ = ev.time;
      lastTxn_ = ev.txn;
      break;
    }
  }
  scannedSize_ = records;
  // What this view no longer has: the node's truncated log first (it is drawn here), else the trace.
  QString dropped = DropNotice::logText(sim, node);
  if (dropped.isEmpty()) dropped = DropNotice::eventsText(sim);
  dropNotice_->showText(dropped);
  update();
}

QString StateMachineView::transitionLabel(const std::string& key) const {
  return EngineText::transitionLabel(controller_->info(), key);
}

QString StateMachineView::edgeText(const QStringList& labels) const {
  // Transitions on one arrow that answer the same way share one line, as textbooks write it:
  // "VOTE_ABORT or timeout / GLOBAL_ABORT". Different answers get a bullet each.
  QStringList actions;
  std::map<QString, QStringList> events;
  for (const QString& l : labels) {
    const qsizetype cut = l.lastIndexOf(QLatin1String(" / "));
    const QString action = cut < 0 ? QString() : l.mid(cut + 3);
    if (!events.count(action)) actions << action;
    events[action] << (cut < 0 ? l : l.left(cut));
  }
  QStringList lines;
  for (const QString& a : actions) {
    const QStringList& ev = events[a];
    QString joined = ev.front();
    for (qsizetype i = 1; i < ev.size(); ++i) joined = tr("%1 or %2").arg(joined, ev[i]);
    lines << (a.isEmpty() ? joined : joined + QStringLiteral(" / ") + a);
  }
  return lines.size() == 1 ? lines.front() : QStringLiteral("• ") + lines.join(QStringLiteral("\n• "));
}
StateGraphLayout::Inputs StateMachineView::layoutInputs() const {
  StateGraphLayout::Inputs in;
  in.machine = machine_;
  in.font = font();
  in.scale = scheme().fontScale;
  in.stateName = [this](int state) { return EngineText::stateAt(controller_->info(), state); };
  in.transitionLabel = [this](const std::string& key) { return transitionLabel(key); };
  in.edgeText = [this](const QStringList& labels) { return edgeText(labels); };
  in.lit = {lastFrom_, lastTo_};
  // The log a lesson points at: its title, its column heads and its records (at most eight).
  if (lessonLogFocus_ && node_ >= 0 && static_cast<std::size_t>(node_) < controller_->sim().nodes().size())
    in.logRows = 2 + static_cast<int>(std::min<std::size_t>(8, std::max<std::size_t>(1, controller_->sim().nodes()[static_cast<std::size_t>(node_)].log.size())));
  return in;
}

void StateMachineView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  const palette::Scheme s = scheme();
  p.fillRect(rect(), s.background);
  const qreal f = s.fontScale;
  const QRectF all = QRectF(rect()).adjusted(10 * f, 8 * f, -10 * f, -8 * f);

  const QFontMetricsF title(scaledFont(font(), 15 * f, true));
  const qreal headerH = title.height() * 2 + 10 * f;
  const QRectF body = all.adjusted(0, headerH, 0, 0);

  // Recomputed on every paint: a handful of boxes, and it always matches the size, fonts and names.
  layout_.setInputs(layoutInputs());
  const qreal rowH = QFontMetricsF(scaledFont(font(), 11.5 * f)).height() + 5 * f;
  const int lockCount = node_ >= 0 ? static_cast<int>(controller_->simulation().sim().node_view(node_).locks.size()) : 0;
  const StateGraphLayout::Areas areas = layout_.arrange(body, lockCount, rowH, QRectF(rect()));
  // After the layout: the header names the last transition's trigger when its arrow had no room.
  paintHeader(p, QRectF(all.left(), all.top(), all.width(), headerH));
  if (areas.noMachine) {
    p.setFont(scaledFont(font(), 11.5 * f));
    p.setPen(s.mutedInk);
    p.drawText(QRectF(body.left(), body.top(), body.width(), areas.noteHeight), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(tr("This role has no protocol states; its durable log shows what it did."),
                                                  Qt::ElideRight, body.width()));
  }
  paintMachine(p);
  paintHiddenLabelsNote(p, areas.graph);
  paintLog(p, areas.log);
  paintLocks(p, areas.locks);
}

void StateMachineView::paintHeader(QPainter& p, const QRectF& area) {
  const palette::Scheme s = scheme();
  const qreal f = s.fontScale;
  const auto& sim = controller_->sim();
  if (node_ < 0 || static_cast<std::size_t>(node_) >= sim.nodes().size()) return;
  const cs::NodeState& ns = sim.nodes()[static_cast<std::size_t>(node_)];
  const QFont titleFont = scaledFont(font(), 15 * f, true);
  const QFont small = scaledFont(font(), 11.5 * f);
  const QFontMetricsF tm(titleFont), sm(small);

  p.setFont(titleFont);
  p.setPen(s.ink);
  const QString name = QString::fromStdString(ns.name);
  p.drawText(QRectF(area.left(), area.top(), area.width(), tm.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
  qreal x = area.left() + tm.horizontalAdvance(name) + 8 * f;
  // The DOWN pill must stay whole in a narrow pane: the subtitle gives way (elided) instead.
  const QFont pillFont = scaledFont(font(), 11.5 * f, true);
  const QString down = tr("DOWN");
  const qreal pillW = up_ ? 0 : QFontMetricsF(pillFont).horizontalAdvance(down) + 12 * f + 10 * f;
  p.setFont(scaledFont(font(), 12 * f));
  p.setPen(s.mutedInk);
  const QString sub = QFontMetricsF(p.font()).elidedText(tr("%1 state machine").arg(EngineText::role(ns.role)), Qt::ElideRight,
                                                         std::max<qreal>(0, area.right() - x - pillW));
  p.drawText(QRectF(x, area.top(), area.width(), tm.height()), Qt::AlignLeft | Qt::AlignVCenter, sub);
  x += QFontMetricsF(p.font()).horizontalAdvance(sub) + 10 * f;
  if (!up_) {
    p.setFont(pillFont);
    const QRectF pill(x, area.top() + (tm.height() - sm.height() - 4 * f) / 2,
                      QFontMetricsF(p.font()).horizontalAdvance(down) + 12 * f, sm.height() + 4 * f);
    p.setPen(Qt::NoPen);
    p.setBrush(s.cut);
    p.drawRoundedRect(pill, 4, 4);
    p.setPen(Qt::white);
    p.drawText(pill, Qt::AlignCenter, down);
  }

  paintTransitionLine(p, QRectF(area.left(), area.top() + tm.height() + 6 * f, area.width(), sm.height() + 4 * f));
}

// The header's second line: the last transition in words, and node pickers on the right.
void StateMachineView::paintTransitionLine(QPainter& p, const QRectF& area) {
  const palette::Scheme s = scheme();
  const qreal f = s.fontScale;
  const auto& sim = controller_->sim();
  const QFont small = scaledFont(font(), 11.5 * f);
  const QFontMetricsF sm(small);
  p.setFont(small);
  p.setPen(s.mutedInk);
  const auto& info = controller_->info();
  QString last;
  if (lastTo_ < 0) last = tr("No transition yet");
  else if (lastFrom_ == lastTo_)  // joining a new transaction: it starts in its initial state
    last = tr("Entered %1 for txn %2 at %3 ms").arg(EngineText::stateAt(info, lastTo_)).arg(lastTxn_).arg(viewutil::ms(lastAt_));
  else
    last = tr("Last transition: %1 → %2 (txn %3) at %4 ms")
               .arg(EngineText::stateAt(info, lastFrom_), EngineText::stateAt(info, lastTo_))
               .arg(lastTxn_)
               .arg(viewutil::ms(lastAt_));
  // A narrow pane gets the short form, "INIT → WAIT · txn 1 · 0.0 ms", rather than a cut-off sentence.
  QString shortLast = last;
  if (lastTo_ >= 0 && lastFrom_ != lastTo_)
    shortLast = tr("%1 → %2 · txn %3 · %4 ms")
                    .arg(EngineText::stateAt(info, lastFrom_), EngineText::stateAt(info, lastTo_))
                    .arg(lastTxn_)
                    .arg(viewutil::ms(lastAt_));
  // The transition's own words when the graph had no room to write them on its arrow.
  for (const StateGraphLayout::Label& l : layout_.labels())
    if (l.lit && l.hidden) {
      const QString on = QString(l.text).replace(QLatin1Char('\n'), QLatin1Char(' '));
      last += QStringLiteral(" · ") + on;
      shortLast += QStringLiteral(" · ") + on;
    }
  if (!up_) last += QStringLiteral(" · ") + tr("showing the state at the crash");
  chips_.clear();
  qreal cx = area.right();
  const qreal chipY = area.top();
  const qreal chipH = area.height();
  for (auto n = static_cast<cs::NodeId>(sim.nodes().size()) - 1; n >= 0; --n) {
    const QString nn = QString::fromStdString(sim.nodes()[static_cast<std::size_t>(n)].name);
    const qreal w = sm.horizontalAdvance(nn) + 12 * f;
    cx -= w;
    chips_.push_back({QRectF(cx, chipY, w, chipH), n});
    cx -= 4 * f;
  }
  const qreal chipsLeft = cx;
  if (chipsLeft < area.left() + area.width() * 0.45) chips_.clear();  // too narrow: the canvas selects
  const qreal room = (chips_.empty() ? area.right() : chipsLeft) - area.left() - 8 * f;
  p.drawText(QRectF(area.left(), chipY, room, chipH), Qt::AlignLeft | Qt::AlignVCenter,
             sm.elidedText(sm.horizontalAdvance(last) <= room ? last : shortLast, Qt::ElideRight, room));
  for (const auto& [r, n] : chips_) {
    const bool on = n == node_;
    const bool down = !sim.nodes()[static_cast<std::size_t>(n)].up;
    p.setPen(QPen(on ? s.selection : s.panelBorder, on ? 2 : 1));
    p.setBrush(on ? s.selection : (down ? s.down : s.panel));
    p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p.setPen(on ? Qt::white : (down ? s.downInk : s.ink));
    p.drawText(r, Qt::AlignCenter, QString::fromStdString(sim.nodes()[static_cast<std::size_t>(n)].name));
  }
}

void StateMachineView::paintMachine(QPainter& p) {
  if (!machine_) return;
  const palette::Scheme s = scheme();
  // Arrows first, then every label on top of them on a paper backing, then the boxes.
  for (const StateGraphLayout::Arrow& a : layout_.arrows()) {
    const QColor ink = a.lit ? s.selection : s.link;
    p.setPen(QPen(ink, (a.lit ? 3.0 : 1.4) * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawPath(a.path);
    p.setBrush(ink);
    p.setPen(Qt::NoPen);
    arrowHead(p, a.path.currentPosition(), a.tangentFrom, 10 * s.lineScale);
  }
  paintEdgeLabels(p);
  paintBoxes(p);
}

// A pane too small for every arrow label: say where the missing ones are, in a free corner.
void StateMachineView::paintHiddenLabelsNote(QPainter& p, const QRectF& graph) {
  hiddenNote_ = QRectF();
  const int hidden = layout_.hiddenLabels();
  if (hidden == 0 || graph.isEmpty()) return;
  const palette::Scheme s = scheme();
  const QFont small = scaledFont(font(), 10 * s.fontScale);
  const QString note = tr("%n label(s) hidden", "arrow labels with no room; each is its arrow's tooltip", hidden);
  QRectF r = QFontMetricsF(small).boundingRect(note).adjusted(-2, 0, 2, 0);
  for (const QPointF corner : {graph.bottomRight(), graph.topRight(), graph.bottomLeft(), graph.topLeft()}) {
    QRectF c = r;
    if (corner.x() > graph.center().x()) c.moveRight(corner.x());
    else c.moveLeft(corner.x());
    if (corner.y() > graph.center().y()) c.moveBottom(corner.y());
    else c.moveTop(corner.y());
    const auto covers = [&c](const QRectF& o) { return c.intersects(o); };
    const std::vector<QRectF> boxes = stateBoxes();
    if (std::any_of(boxes.begin(), boxes.end(), covers) || std::any_of(labelRects_.begin(), labelRects_.end(), covers)) continue;
    p.setFont(small);
    p.setPen(s.mutedInk);
    p.drawText(c, Qt::AlignCenter, note);
    hiddenNote_ = c;
    return;
  }
}

bool StateMachineView::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    QString text = layout_.labelNear(help->pos(), 6 * scheme().lineScale);
    if (text.isEmpty() && hiddenNote_.contains(help->pos())) text = tr("Point at an arrow to read its label.");
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(e);
}

void StateMachineView::paintEdgeLabels(QPainter& p) {
  const palette::Scheme s = scheme();
  QColor halo = s.background;
  halo.setAlpha(225);
  labelRects_.clear();
  for (const StateGraphLayout::Label& l : layout_.labels()) {
    if (l.hidden) continue;  // no room left on the graph: the arrow's tooltip has it
    const QRectF& r = l.rect;
    labelRects_.push_back(r);
    p.setFont(layout_.labelFont(l));
    p.setPen(Qt::NoPen);
    p.setBrush(halo);
    p.drawRoundedRect(r.adjusted(-3, -1, 3, 1), 3, 3);
    p.setPen(l.lit ? s.selection : s.mutedInk);
    // Drawn wrapped to the width it was measured at, centred on its rectangle: the same line breaks
    // (a rectangle just as wide as boundingRect() reported can break one word earlier, and a wider
    // one can join two lines into one that runs out of the gap).
    const qreal wrap = std::max(l.wrap, r.width());
    p.drawText(QRectF(r.center().x() - wrap / 2, r.top(), wrap, r.height() + 2), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, l.text);
  }
}

void StateMachineView::paintBoxes(QPainter& p) {
  const palette::Scheme s = scheme();
  const qreal f = s.fontScale * layout_.fit();
  const auto& info = controller_->info();
  for (const StateGraphLayout::Box& b : layout_.boxes()) {
    const QColor c = palette::state(viewutil::key(info.states, b.state), projector_);
    const qreal r = b.rect.height() / 2.6;
    if (b.state == state_) {
      // The current state: filled, with a halo; grey if the node is down (the state it crashed in).
      const QColor fill = up_ ? c : s.downInk;
      QColor glow = fill;
      glow.setAlpha(60);
      p.setPen(Qt::NoPen);
      p.setBrush(glow);
      p.drawRoundedRect(b.rect.adjusted(-5 * f, -5 * f, 5 * f, 5 * f), r + 4, r + 4);
      p.setBrush(fill);
      p.setPen(QPen(fill.darker(130), 2 * s.lineScale));
      p.drawRoundedRect(b.rect, r, r);
      p.setPen(palette::textOn(fill));
    } else {
      p.setBrush(s.panel);
      p.setPen(QPen(c, 2 * s.lineScale));
      p.drawRoundedRect(b.rect, r, r);
      p.setPen(s.ink);
    }
    p.setFont(layout_.boxFont(b));
    p.drawText(b.rect, Qt::AlignCenter, layout_.boxText(b));
    if (b.state == machine_->states.front()) {
      // The initial state gets the usual dot-and-arrow mark.
      const QPointF tip(b.rect.left(), b.rect.center().y());
      const QPointF dot = tip - QPointF(16 * f, 0);
      p.setPen(QPen(s.link, 1.4 * s.lineScale));
      p.drawLine(dot, tip);
      p.setPen(Qt::NoPen);
      p.setBrush(s.link);
      p.drawEllipse(dot, 3.5 * f, 3.5 * f);
    }
  }
}

void StateMachineView::setLessonHighlights(const QStringList& recordKeys, bool focusLog) {
  if (recordKeys == lessonRecords_ && focusLog == lessonLogFocus_) return;
  lessonRecords_ = recordKeys;
  lessonLogFocus_ = focusLog;
  update();
}

void StateMachineView::paintLog(QPainter& p, const QRectF& area) {
  recordRects_.clear();
  logBox_ = QRectF();
  const auto& sim = controller_->sim();
  if (node_ < 0 || static_cast<std::size_t>(node_) >= sim.nodes().size() || area.height() < 30) return;
  logBox_ = area;
  const palette::Scheme s = scheme();
  // A lesson points here: the same accent as the canvas's highlight, so the eye finds it.
  const QColor accent(0xE0, 0x6A, 0x00);
  if (lessonLogFocus_) {
    p.save();
    p.setPen(QPen(accent, 3));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(area.adjusted(1.5, 1.5, -1.5, -1.5), 6, 6);
    p.restore();
  }
  const auto& log = sim.nodes()[static_cast<std::size_t>(node_)].log;
  const auto& info = controller_->info();
  TablePainter t(p, area, font(), s, tr("Durable log — %n record(s), survives crashes", nullptr, static_cast<int>(log.size())));
  std::vector<QString> headers = {tr("Time (ms)"), tr("Record"), tr("Txn"), tr("Value")};
  std::vector<Qt::Alignment> align = {Qt::AlignRight, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight};
  // Column widths from the text they hold; the record name takes what is left. The name is what the
  // learner reads (a projector lesson's narrow column left it no room at all, under "Time", "Txn" and
  // "Value"): when it would be cut, the value column goes, then the transaction's.
  const auto width = [&](const QString& head, const char* sample) {
    return std::max(t.headMetrics().horizontalAdvance(head), t.cellMetrics().horizontalAdvance(QLatin1String(sample))) + 12;
  };
  // The name up to its gloss: "STEP_DONE（步驟完成）" may lose "（步驟完成）", not "DONE".
  const auto bare = [](QString name) {
    for (const QString& open : {QStringLiteral("（"), QStringLiteral(" (")})
      if (const qsizetype at = name.indexOf(open); at > 0) name.truncate(at);
    return name;
  };
  qreal nameWidth = t.headMetrics().horizontalAdvance(headers[1]);
  for (const cs::LogRecord& r : log)
    nameWidth = std::max(nameWidth, t.cellMetrics().horizontalAdvance(bare(EngineText::logRecord(viewutil::key(info.log_records, r.type).toStdString()))));
  std::vector<qreal> widths = {width(headers[0], "99999.9"), 0, width(headers[2], "t9999"), width(headers[3], "99999")};
  const auto fixedWidth = [&] { return widths[0] + (widths.size() > 2 ? widths[2] : 0) + (widths.size() > 3 ? widths[3] : 0); };
  while (widths.size() > 2 && t.inner().width() - fixedWidth() < nameWidth + 12) {
    widths.pop_back();
    headers.pop_back();
    align.pop_back();
  }
  if (t.inner().width() - fixedWidth() < nameWidth + 12) {  // still short: the time's head in two letters
    headers[0] = tr("ms", "the log's time column, when the column is narrow");
    widths[0] = width(headers[0], "99999.9");
  }
  const std::size_t columns = widths.size();
  t.setColumns(widths, 1);
  logNameSlack_ = t.cell(1).width() - nameWidth;
  // Column heads only when a record fits under them: a record without heads beats heads alone.
  if (t.roomLeft() >= 2 * t.rowHeight()) t.header(headers, align);
  // The newest records are what the learner needs; older ones are summarised in one line.
  const int fit = std::max(0, static_cast<int>(t.roomLeft() / t.rowHeight()));
  const auto size = static_cast<int>(log.size());
  int first = std::max(0, size - fit);
  if (first > 0 && fit >= 2) {  // with room for one row only, the newest record wins over the summary
    first = std::min(size, first + 1);
    t.note(tr("… %n earlier record(s)", nullptr, first));
  }
  if (log.empty()) t.note(tr("empty"));
  for (int i = first; i < size; ++i) {
    const cs::LogRecord& r = log[static_cast<std::size_t>(i)];
    const QString key = viewutil::key(info.log_records, r.type);
    if (lessonRecords_.contains(key)) {
      const QRectF row(t.inner().left(), t.y(), t.inner().width(), t.rowHeight());
      p.save();
      p.setPen(QPen(accent, 2.5));
      p.setBrush(QColor(0xFF, 0xA6, 0x00, 60));
      p.drawRoundedRect(row.adjusted(1, 0.5, -1, -0.5), 4, 4);
      p.restore();
      recordRects_.push_back(row);
    }
    // The record name takes what the other columns leave; a long zh-TW gloss is cut, not hidden.
    QString name = EngineText::logRecord(key.toStdString());
    if (t.cellMetrics().horizontalAdvance(name) > t.cell(1).width()) name = bare(name);  // the gloss goes first, whole
    std::vector<QString> cells = {viewutil::ms(r.time), name, QStringLiteral("t%1").arg(r.txn), QString::number(r.value)};
    cells.resize(columns);
    t.row(cells, align, {s.mutedInk, s.ink, s.mutedInk, s.mutedInk}, 1);
  }
}

void StateMachineView::paintLocks(QPainter& p, const QRectF& area) {
  const palette::Scheme s = scheme();
  const qreal f = s.fontScale;
  // The one-line box (title and "· none") is as short as a line of text: anything taller is drawn.
  locksBox_ = QRectF();
  if (node_ < 0 || area.height() < QFontMetricsF(scaledFont(font(), 11.5 * f)).height()) return;
  locksBox_ = area;
  const cs::NodeView v = controller_->simulation().sim().node_view(node_);
  const QString title = tr("Locks — %n held", nullptr, static_cast<int>(v.locks.size()));
  TablePainter t(p, area, font(), s, title);
  if (v.locks.empty()) {
    const QString none = up_ ? tr("none") : tr("none: locks live in memory and were lost");
    if (t.inner().height() < 2 * t.rowHeight()) {
      // A one-line box: the explanation follows the title.
      const QRectF in = t.inner();
      const qreal x = in.left() + t.headMetrics().horizontalAdvance(title) + 10 * f;
      p.setPen(s.mutedInk);
      p.drawText(QRectF(x, in.top(), in.right() - x, t.rowHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                 t.cellMetrics().elidedText(QStringLiteral("· ") + none, Qt::ElideRight, in.right() - x));
      return;
    }
    t.note(none);
    return;
  }
  const std::vector<QString> headers = {tr("Resource"), tr("Holder"), tr("Waiting")};
  const std::vector<Qt::Alignment> align(3, Qt::AlignLeft);
  const auto width = [&](const QString& head, const char* sample) {
    return std::max(t.headMetrics().horizontalAdvance(head), t.cellMetrics().horizontalAdvance(QLatin1String(sample))) + 12;
  };
  t.setColumns({width(headers[0], "r99999"), width(headers[1], "t9999"), 0}, 2);
  t.header(headers, align);
  for (const cs::LockView& l : v.locks) {
    if (t.roomLeft() < t.rowHeight()) break;
    QStringList w;
    for (auto txn : l.waiters) w << QStringLiteral("t%1").arg(txn);
    t.row({QStringLiteral("r%1").arg(l.resource), QStringLiteral("t%1").arg(l.holder), w.isEmpty() ? QStringLiteral("—") : w.join(QStringLiteral(", "))},
          align, {s.ink, s.ink, s.ink});
  }
}

void StateMachineView::mousePressEvent(QMouseEvent* e) {
  for (const auto& [r, n] : chips_)
    if (r.contains(e->position())) {
      controller_->selectNode(n);
      return;
    }
  QWidget::mousePressEvent(e);
}
