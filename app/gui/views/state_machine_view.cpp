#include "state_machine_view.hpp"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <map>

#include "engine_text.hpp"
#include "lab_controller.hpp"
#include "palette.hpp"
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
  connect(controller_, &LabController::scenarioChanged, this, &StateMachineView::rebuild);
  connect(controller_, &LabController::runChanged, this, &StateMachineView::refresh);
  connect(controller_, &LabController::selectionChanged, this, &StateMachineView::refresh);
  rebuild();
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
  if (e->type() == QEvent::LanguageChange || e->type() == QEvent::FontChange) update();
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
  if (machine != machine_ || node != node_) boxes_.clear();  // relayout on the next paint
  node_ = node;
  machine_ = machine;
  up_ = ns.up;
  state_ = controller_->simulation().sim().node_view(node).state;

  // The node's last transition: the newest State trace event for it. The scan only looks at events
  // added since the previous refresh, unless the run was rebuilt or another node is shown.
  const auto& trace = sim.trace();
  if (scannedRun_ != &controller_->simulation() || scannedNode_ != node || scannedSize_ > trace.size()) {
    scannedRun_ = &controller_->simulation();
    scannedNode_ = node;
    scannedSize_ = 0;
    lastTxn_ = 0;
    lastFrom_ = lastTo_ = -1;
    lastAt_ = -1;
  }
  for (std::size_t i = trace.size(); i > scannedSize_; --i) {
    const cs::TraceEvent& ev = trace[i - 1];
    if (ev.kind == cs::TraceKind::State && ev.node == node) {
      lastFrom_ = static_cast<int>(ev.value);
      lastTo_ = ev.key;
      lastAt_ = ev.time;
      lastTxn_ = ev.txn;
      break;
    }
  }
  scannedSize_ = trace.size();
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

const StateMachineView::Box* StateMachineView::box(int state) const {
  for (const Box& b : boxes_)
    if (b.state == state) return &b;
  return nullptr;
}

void StateMachineView::computeLayers() {
  boxes_.clear();
  layers_ = 0;
  maxRows_ = 1;
  if (!machine_ || machine_->states.empty()) return;
  // Layers by longest path from the initial state (a state machine of a commit protocol is a DAG;
  // the bound on rounds keeps a cycle, should one appear, from looping forever).
  std::map<int, int> layer;
  for (auto s : machine_->states) layer[s] = 0;
  for (std::size_t round = 0; round < machine_->states.size(); ++round)
    for (const auto& t : machine_->transitions)
      if (t.from != t.to && layer.count(t.from) && layer.count(t.to) && layer[t.to] < layer[t.from] + 1 &&
          t.to != machine_->states.front())
        layer[t.to] = layer[t.from] + 1;
  std::map<int, int> rowsIn;
  for (auto s : machine_->states) {
    Box b;
    b.state = s;
    b.layer = layer[s];
    b.row = rowsIn[b.layer]++;
    boxes_.push_back(b);
    layers_ = std::max(layers_, b.layer + 1);
    maxRows_ = std::max(maxRows_, rowsIn[b.layer]);
  }
}

QString StateMachineView::stateName(int state, bool wrapped) const {
  const QString name = EngineText::stateAt(controller_->info(), state);
  if (!wrapped) return name;
  // Break before the translation in brackets, else at the space nearest the middle.
  for (const QChar open : {QChar(0xFF08), QChar(u'(')}) {
    const qsizetype at = name.indexOf(open);
    if (at > 0) return name.left(at).trimmed() + QLatin1Char('\n') + name.mid(at);
  }
  qsizetype best = -1;
  for (qsizetype i = 0; i < name.size(); ++i)
    if (name[i] == QLatin1Char(' ') && (best < 0 || std::abs(i - name.size() / 2) < std::abs(best - name.size() / 2))) best = i;
  return best > 0 ? name.left(best) + QLatin1Char('\n') + name.mid(best + 1) : name;
}

qreal StateMachineView::graphWidthNeeded(qreal scale, bool wrapped) const {
  const qreal f = palette::scheme(projector_).fontScale * scale;
  const QFontMetricsF m(scaledFont(font(), 13 * f, true));
  qreal w = 0;
  for (const Box& b : boxes_)
    for (const QString& line : stateName(b.state, wrapped).split(QLatin1Char('\n'))) w = std::max(w, m.horizontalAdvance(line));
  w += 28 * f;
  // Room between columns for the transition labels: a fixed allowance, so that the choice of layout
  // (side by side, top to bottom) and the shrink factor do not swing with one long label;
  // layoutMachine() then shares the actual width out by what each gap's labels need (columnGaps).
  return layers_ * w + std::max(0, layers_ - 1) * 120 * f + 32 * f;
}

std::map<std::pair<int, int>, QStringList> StateMachineView::arrowLabels() const {
  // Transitions between the same two states share one arrow; their labels go together.
  std::map<std::pair<int, int>, QStringList> groups;
  if (machine_)
    for (const auto& t : machine_->transitions) groups[{t.from, t.to}] << transitionLabel(t.label);
  return groups;
}

std::vector<qreal> StateMachineView::columnGaps(qreal scale) const {
  // Room between two columns for the labels of the arrows that cross it: a label may take two
  // lines (Chinese wraps anywhere, English between words), so about half its one-line width, but
  // never less than its longest word. Bold: the lit label is bold.
  const qreal f = palette::scheme(projector_).fontScale * scale;
  std::vector<qreal> gaps(static_cast<std::size_t>(std::max(0, layers_ - 1)), 90 * f);
  if (!machine_) return gaps;
  const QFontMetricsF lm(scaledFont(font(), 11 * f, true));
  const auto groups = arrowLabels();
  for (const auto& [key, labels] : groups) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b || b->layer != a->layer + 1) continue;  // skip and back edges run above or below the boxes
    qreal want = 0;
    for (const QString& line : edgeText(labels).split(QLatin1Char('\n'))) {
      const qreal whole = lm.horizontalAdvance(line);
      qreal word = 0;
      for (const QString& wd : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) word = std::max(word, lm.horizontalAdvance(wd));
      want = std::max(want, whole <= 150 * f ? whole : std::max(whole / 2, word));
    }
    qreal& g = gaps[static_cast<std::size_t>(a->layer)];
    g = std::max(g, std::min(want + 20 * f, 240 * f));
  }
  return gaps;
}

std::vector<StateMachineView::LayerSize> StateMachineView::verticalLayers(qreal width, qreal scale) const {
  const qreal f = palette::scheme(projector_).fontScale * scale;
  const QFontMetricsF m(scaledFont(font(), 13 * f, true));
  std::vector<LayerSize> out(static_cast<std::size_t>(std::max(0, layers_)));
  std::vector<int> count(out.size(), 0);
  for (const Box& b : boxes_) ++count[static_cast<std::size_t>(b.layer)];
  for (std::size_t l = 0; l < out.size(); ++l) {
    for (const bool wrap : {false, true}) {
      qreal w = 0;
      int lines = 1;
      for (const Box& b : boxes_) {
        if (b.layer != static_cast<int>(l)) continue;
        const QStringList parts = stateName(b.state, wrap).split(QLatin1Char('\n'));
        lines = std::max(lines, static_cast<int>(parts.size()));
        for (const QString& line : parts) w = std::max(w, m.horizontalAdvance(line));
      }
      out[l] = {wrap, w + 28 * f, m.height() * lines + 12 * f, 1.0};  // a little flatter: height is scarce here
      // Siblings side by side, with a little air between them and at the pane's edges.
      if (count[l] * out[l].w + (count[l] - 1) * 14 * f + 16 * f <= width) break;
    }
    // Still too wide on two lines: that layer's boxes shrink (not below 60%) rather than overlap.
    const qreal row = count[l] * out[l].w + (count[l] - 1) * 14 * f + 16 * f;
    if (row > width) {
      out[l].scale = std::max(0.6, (width - (count[l] - 1) * 14 * f - 16 * f) / (count[l] * out[l].w));
      out[l].w *= out[l].scale;
      out[l].h *= out[l].scale;
    }
  }
  return out;
}

std::vector<qreal> StateMachineView::verticalGaps(qreal width, const std::vector<LayerSize>& sizes, qreal scale) const {
  const qreal f = palette::scheme(projector_).fontScale * scale;
  qreal oneLine = 1e9;
  for (const LayerSize& l : sizes) oneLine = std::min(oneLine, l.h);
  std::vector<qreal> gaps(sizes.size(), oneLine * 0.6);  // gaps[l]: above layer l (gaps[0] unused)
  if (!machine_) return gaps;
  std::map<int, int> rowsIn;
  for (const Box& b : boxes_) rowsIn[b.layer] = std::max(rowsIn[b.layer], b.row + 1);
  const auto groups = arrowLabels();
  // Above a row of siblings the labels sit over the siblings, below the box the arrows leave
  // (see paintMachine): that gap must hold the tallest of them. Bold: the lit label is bold.
  const QFontMetricsF lm(scaledFont(font(), 11 * f, true));
  std::map<int, qreal> stacked;
  for (const auto& [key, labels] : groups) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b || b->layer <= a->layer) continue;
    if (b->layer > a->layer + 1 && rowsIn[b->layer] < 2) continue;  // bulges beside the boxes instead
    if (rowsIn[b->layer] < 2) {
      // Straight down: the label sits beside the arrow, in the right half, between the two boxes.
      if (rowsIn[a->layer] > 1) continue;
      const qreal h = lm.boundingRect(QRectF(0, 0, width * 0.5 - 12 * f, 1000), Qt::AlignLeft | Qt::TextWordWrap, edgeText(labels)).height();
      gaps[static_cast<std::size_t>(b->layer)] = std::max(gaps[static_cast<std::size_t>(b->layer)], h + 6 * f);
      continue;
    }
    const qreal w = std::max<qreal>(sizes[static_cast<std::size_t>(b->layer)].w, width * 0.5 - 6 * f);
    const qreal h = lm.boundingRect(QRectF(0, 0, w, 1000), Qt::AlignCenter | Qt::TextWordWrap, edgeText(labels)).height();
    stacked[key.second] += h + 3 * f;  // labels of several arrows into one box stack up
    gaps[static_cast<std::size_t>(b->layer)] = std::max(gaps[static_cast<std::size_t>(b->layer)], stacked[key.second] + 14 * f + 1 * f);
  }
  return gaps;
}

qreal StateMachineView::verticalHeightNeeded(qreal width, qreal extra, qreal scale) const {
  const qreal f = palette::scheme(projector_).fontScale * scale;
  const std::vector<LayerSize> sizes = verticalLayers(width, scale);
  const std::vector<qreal> gaps = verticalGaps(width, sizes, scale);
  qreal sum = 2 * 4 * f, oneLine = 1e9;
  for (std::size_t l = 0; l < sizes.size(); ++l) {
    sum += sizes[l].h + (l > 0 ? gaps[l] : 0);
    oneLine = std::min(oneLine, sizes[l].h);
  }
  return sum + (layers_ - 1) * oneLine * extra;
}

qreal StateMachineView::graphHeightNeeded(qreal scale, bool wrapped) const {
  const qreal f = palette::scheme(projector_).fontScale * scale;
  const qreal h = QFontMetricsF(scaledFont(font(), 13 * f, true)).height() * (wrapped ? 2 : 1) + 18 * f;
  bool skips = false;
  if (machine_)
    for (const auto& t : machine_->transitions) {
      const Box* a = box(t.from);
      const Box* b = box(t.to);
      skips = skips || (a && b && b->layer - a->layer > 1);
    }
  // Rows a box-height apart (room for a label between them), plus the swing of layer-skipping arrows.
  return 2 * 10 * f + maxRows_ * h + (maxRows_ - 1) * h * 0.5 + (skips ? 24 * f : 0);
}

void StateMachineView::layoutMachine(const QRectF& area) {
  if (boxes_.empty()) computeLayers();
  if (boxes_.empty()) return;
  graphArea_ = area;  // vertical_ was decided by paintEvent(), which sized the area for it
  if (vertical_) {
    wrapped_ = false;
    // fit_ was chosen by paintEvent() too: < 1 when even tight layers do not fit at full size.
    const qreal f = palette::scheme(projector_).fontScale * fit_;
    const std::vector<LayerSize> sizes = verticalLayers(area.width(), fit_);
    const qreal margin = 4 * f;
    std::map<int, int> rowsIn;
    for (const Box& b : boxes_) rowsIn[b.layer] = std::max(rowsIn[b.layer], b.row + 1);
    // Each gap gets what its labels need; room to spare is shared out evenly, up to 1.4 boxes each.
    const std::vector<qreal> need = verticalGaps(area.width(), sizes, fit_);
    qreal used = 2 * margin, oneLine = 1e9;
    for (std::size_t l = 0; l < sizes.size(); ++l) {
      used += sizes[l].h + (l > 0 ? need[l] : 0);
      oneLine = std::min(oneLine, sizes[l].h);
    }
    const qreal spare = (area.height() - used) / std::max(1, layers_ - 1);
    std::vector<qreal> top(sizes.size(), area.top() + margin);
    for (std::size_t l = 1; l < sizes.size(); ++l)
      top[l] = top[l - 1] + sizes[l - 1].h + std::max(4 * f, need[l] + std::min(spare, oneLine * 1.4));
    for (Box& b : boxes_) {
      const LayerSize& ls = sizes[static_cast<std::size_t>(b.layer)];
      const int n = rowsIn[b.layer];
      const qreal colStep = n > 1 ? (area.width() - 2 * margin - ls.w) / (n - 1) : 0;  // siblings out to the edges
      // A lone box is centred: arrows between lone boxes go straight down with their labels at the
      // right, and the labels of arrows that fan out sit over the siblings at both edges.
      // Squeezed (the gaps got less than their labels need): a lone box above another lone box moves
      // to the left edge, so that the label between them can sit at the right of both.
      const bool chain = n == 1 && rowsIn.count(b.layer + 1) && rowsIn[b.layer + 1] == 1;
      const bool chainBelow = n == 1 && b.layer > 0 && rowsIn[b.layer - 1] == 1;
      const qreal cx = spare < 0 && (chain || chainBelow) ? area.left() + margin + ls.w / 2
                                                          : area.center().x() + (b.row - (n - 1) / 2.0) * colStep;
      b.wrapped = ls.wrapped;
      b.scale = ls.scale;
      b.rect = QRectF(cx - ls.w / 2, top[static_cast<std::size_t>(b.layer)], ls.w, ls.h);
    }
    return;
  }
  // Squeezed: the state names may go on two lines ("COMPENSATING" over "（補償中）"), which narrows
  // the columns and leaves their gaps to the arrow labels but makes the rows taller; then everything
  // shrinks (to 60% at most) for whichever runs out first, the width or the height. Of the two, the
  // one that shrinks less.
  const auto fitFor = [&](bool wrapped) {
    return std::min(area.width() / graphWidthNeeded(1.0, wrapped), area.height() / graphHeightNeeded(1.0, wrapped));
  };
  const qreal oneLine = fitFor(false), twoLines = fitFor(true);
  wrapped_ = oneLine < 1.0 && twoLines > oneLine * 1.05;
  fit_ = std::clamp(wrapped_ ? twoLines : oneLine, 0.6, 1.0);
  const qreal f = palette::scheme(projector_).fontScale * fit_;
  const QFontMetricsF m(scaledFont(font(), 13 * f, true));
  qreal w = 0;
  int lines = 1;
  for (const Box& b : boxes_) {
    const QStringList parts = stateName(b.state, wrapped_).split(QLatin1Char('\n'));
    lines = std::max(lines, static_cast<int>(parts.size()));
    for (const QString& line : parts) w = std::max(w, m.horizontalAdvance(line));
  }
  w += 28 * f;
  const qreal h = m.height() * lines + 18 * f;
  const qreal margin = 16 * f;
  std::map<int, int> rowsIn;
  for (const Box& b : boxes_) rowsIn[b.layer] = std::max(rowsIn[b.layer], b.row + 1);
  // Columns: each gap as wide as its labels need (columnGaps), room to spare shared out evenly.
  // Too narrow even shrunk: the gaps give way (their labels wrap further), never the boxes' place
  // inside the pane.
  std::vector<qreal> gaps = columnGaps(fit_);
  qreal gapSum = 0;
  for (const qreal g : gaps) gapSum += g;
  const qreal room = area.width() - 2 * margin - layers_ * w;
  if (gapSum > room && gapSum > 0)
    for (qreal& g : gaps) g *= std::max<qreal>(0, room) / gapSum;
  const qreal spare = layers_ > 1 && room > gapSum ? (room - gapSum) / (layers_ - 1) : 0;
  std::vector<qreal> columnX(static_cast<std::size_t>(std::max(1, layers_)), area.left() + margin + w / 2);
  for (std::size_t l = 1; l < columnX.size(); ++l) columnX[l] = columnX[l - 1] + w + gaps[l - 1] + spare;
  const qreal rowStep = maxRows_ > 1 ? std::min((area.height() - 2 * 10 * f - h) / (maxRows_ - 1), h * 3.6) : 0;
  for (Box& b : boxes_) {
    const int rows = rowsIn[b.layer];
    const qreal cx = columnX[static_cast<std::size_t>(b.layer)] + (layers_ == 1 ? (area.width() - 2 * margin - w) / 2 : 0);
    const qreal cy = area.center().y() + (b.row - (rows - 1) / 2.0) * rowStep;
    b.rect = QRectF(cx - w / 2, cy - h / 2, w, h);
  }
}

void StateMachineView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  const palette::Scheme& s = palette::scheme(projector_);
  p.fillRect(rect(), s.background);
  const qreal f = s.fontScale;
  const QRectF all = QRectF(rect()).adjusted(10 * f, 8 * f, -10 * f, -8 * f);

  const QFontMetricsF title(scaledFont(font(), 15 * f, true));
  const qreal headerH = title.height() * 2 + 10 * f;
  paintHeader(p, QRectF(all.left(), all.top(), all.width(), headerH));
  const QRectF body = all.adjusted(0, headerH, 0, 0);

  QRectF graph, logArea, lockArea;
  if (boxes_.empty()) computeLayers();
  const qreal rowH = QFontMetricsF(scaledFont(font(), 11.5 * f)).height() + 5 * f;
  // Side by side only when the graph keeps its full size in 60% of the width; else stacked.
  vertical_ = false;
  const int lockCount = node_ >= 0 ? static_cast<int>(controller_->simulation().sim().node_view(node_).locks.size()) : 0;
  // The log and the locks under the graph: side by side (62/38), or, too narrow for two tables,
  // the locks as a short box under the log, one row per lock.
  const auto splitBelow = [&](const QRectF& below, bool stacked, qreal space) {
    if (!stacked) {
      logArea = QRectF(below.left(), below.top(), below.width() * 0.62, below.height());
      lockArea = QRectF(logArea.right() + 10 * f, below.top(), below.right() - logArea.right() - 10 * f, below.height());
      return;
    }
    const qreal lockH = std::min(below.height() * 0.45, (lockCount == 0 ? 1 : 2 + lockCount) * rowH + 8 * f);
    lockArea = QRectF(below.left(), below.bottom() - lockH, below.width(), lockH);
    logArea = QRectF(below.left(), below.top(), below.width(), lockArea.top() - space - below.top());
  };
  const bool noMachine = !machine_ || machine_->states.empty();
  if (noMachine) {
    // A role without protocol states (the choreography's broker): one line saying so, and the log
    // and locks get the whole pane.
    const qreal lineH = rowH + 6 * f;
    p.setFont(scaledFont(font(), 11.5 * f));
    p.setPen(s.mutedInk);
    p.drawText(QRectF(body.left(), body.top(), body.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(tr("This role has no protocol states; its durable log shows what it did."),
                                                  Qt::ElideRight, body.width()));
    splitBelow(body.adjusted(0, lineH + 4 * f, 0, 0), body.width() < 560 * f, 6 * f);
  } else if (body.width() > 1.3 * body.height() && body.width() * 0.6 >= graphWidthNeeded(1.0)) {
    graph = QRectF(body.left(), body.top(), body.width() * 0.6, body.height());
    const QRectF side(graph.right() + 12 * f, body.top(), body.right() - graph.right() - 12 * f, body.height());
    logArea = QRectF(side.left(), side.top(), side.width(), side.height() * 0.64);
    lockArea = QRectF(side.left(), logArea.bottom() + 8 * f, side.width(), side.bottom() - logArea.bottom() - 8 * f);
  } else {
    // The graph takes the height its rows need (never less than 40%; rows of two-line names when the
    // width is short); the log keeps at least its title and newest record (the column heads when
    // there is room), since that record is what survives a crash.
    // Stacked (a narrow pane), the one-line locks box comes on top of that.
    const bool stacked = body.width() < 560 * f;
    // Below: the log's title and newest record; stacked, the locks box too (see below).
    const qreal minBelow = 2 * rowH + 8 * f + 10 * f + (stacked ? (lockCount == 0 ? 1 : 2 + lockCount) * rowH + 14 * f : 0);
    // Top to bottom when the columns would shrink a lot and the layers fit at full size.
    // Below it then, at the least: the log's title and newest record, and a one-line locks box.
    const qreal minBelowVertical = 3 * rowH + 32 * f;  // see the boxes' spacing below (plus rounding slack)
    // Also when the columns cannot fit at all (they would overlap even at the smallest size): then
    // tight layers beat overlapping boxes, and the log gives up rows for them.
    const qreal wide = graphWidthNeeded(1.0, true);
    const bool hopeless = body.width() < 0.62 * wide;
    // Hopeless both ways: whichever layout shrinks less; in a wide, low pane (the projector lab's
    // side column) top to bottom only if its layers fit at all (60%), else they would run under the
    // log; in a tall one (a projector lesson's column) the log gives them rows instead.
    const qreal across = std::min(body.width() / wide, (body.height() - minBelow) / graphHeightNeeded(1.0, true));
    const qreal down = (body.height() - minBelowVertical) / std::max<qreal>(1, verticalHeightNeeded(body.width(), 0, 1.0));
    vertical_ = layers_ > 1 && body.width() < 0.85 * wide &&
                ((hopeless && down > across && (down >= 0.6 || body.height() > body.width())) || body.height() - minBelowVertical >= verticalHeightNeeded(body.width()));
    // Vertical: the graph takes room for generous gaps (its labels live there), the log the rest.
    // Only a graph that cannot fit otherwise takes rows from the log.
    // When even tight layers do not fit, the whole graph shrinks (to 60% at most), as the
    // left-to-right layout does, rather than letting boxes and labels run into each other.
    const qreal avail = body.height() - minBelowVertical;
    qreal vertH = std::min(avail, verticalHeightNeeded(body.width(), 0.8));
    if (vertical_) {
      fit_ = 1.0;
      for (int i = 0; i < 4 && fit_ > 0.6 && verticalHeightNeeded(body.width(), 0, fit_) > avail; ++i)
        fit_ = std::max(0.6, fit_ * avail / verticalHeightNeeded(body.width(), 0, fit_));
      if (fit_ < 1.0) vertH = avail;
    }
    const qreal graphH = vertical_ ? vertH
                                   : std::max(body.height() * 0.4, std::min(graphHeightNeeded(1.0, body.width() < graphWidthNeeded(1.0)), body.height() - minBelow));
    graph = QRectF(body.left(), body.top(), body.width(), graphH);
    const qreal space = stacked ? 6 * f : 10 * f;  // stacked boxes sit closer: every line counts there
    splitBelow(QRectF(body.left(), graph.bottom() + space, body.width(), body.bottom() - graph.bottom() - space), stacked, space);
  }
  layoutMachine(graph);  // cheap (a handful of boxes) and always matches the current size and fonts
  paintMachine(p);
  paintLog(p, logArea);
  paintLocks(p, lockArea);
}

void StateMachineView::paintHeader(QPainter& p, const QRectF& area) {
  const palette::Scheme& s = palette::scheme(projector_);
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

  // Second line: the last transition in words, and node pickers on the right.
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
  if (!up_) last += QStringLiteral(" · ") + tr("showing the state at the crash");
  chips_.clear();
  qreal cx = area.right();
  const qreal chipY = area.top() + tm.height() + 6 * f;
  const qreal chipH = sm.height() + 4 * f;
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
  const palette::Scheme& s = palette::scheme(projector_);
  const qreal f = s.fontScale * fit_;
  const auto& info = controller_->info();
  const QFont labelFont = scaledFont(font(), 11 * f);
  const QFontMetricsF lm(labelFont);

  const auto groups = arrowLabels();

  // Ports: incoming arrows spread along the left edge of a box, ordered by where they come from.
  std::map<int, std::vector<std::pair<qreal, std::pair<int, int>>>> incoming;
  for (const auto& [key, labels] : groups) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b) continue;
    const bool skip = b->layer - a->layer > 1;
    if (vertical_) incoming[key.second].push_back({skip ? 1e9 : a->rect.center().x(), key});
    else incoming[key.second].push_back({skip ? 1e9 : a->rect.center().y(), key});
  }
  auto port = [&](int to, std::pair<int, int> key) {
    auto& list = incoming[to];
    std::sort(list.begin(), list.end());
    const Box* b = box(to);
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].second == key)
        return vertical_ ? QPointF(b->rect.left() + b->rect.width() * (i + 1.0) / (list.size() + 1.0), b->rect.top())
                         : QPointF(b->rect.left(), b->rect.top() + b->rect.height() * (i + 1.0) / (list.size() + 1.0));
    return vertical_ ? QPointF(b->rect.center().x(), b->rect.top()) : QPointF(b->rect.left(), b->rect.center().y());
  };

  // Arrows first, then every label on top of them, moved apart where two would overlap (arrows that
  // fan out of one state start at the same point, so their midpoints are close in a narrow pane).
  struct EdgeLabel {
    QRectF rect;
    QString text;
    bool lit;
    qreal wrap;  // the width the text was measured (and is drawn) wrapped to
    qreal fontScale = 1.0;  // < 1: shrunk to find a free place
  };
  std::vector<EdgeLabel> edgeLabels;
  std::map<int, qreal> stackAbove;  // vertical layout: label height already stacked over a box
  std::map<int, int> fanOut;
  for (const auto& [key, labels] : groups)
    if (key.first != key.second) ++fanOut[key.first];
  for (const auto& [key, labels] : groups) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b || a == b) continue;
    const bool lit = key.first == lastFrom_ && key.second == lastTo_;
    const QColor ink = lit ? s.selection : s.link;
    p.setPen(QPen(ink, (lit ? 3.0 : 1.4) * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    const QPointF end = port(key.second, key);
    QPainterPath path;
    QPointF tangentFrom, labelAt;
    bool below = false;
    bool leftOfArrow = false;
    bool diagonal = false;  // vertical layout: into one of several siblings
    if (vertical_) {
      if (b->layer > a->layer) {
        const QPointF start(a->rect.center().x(), a->rect.bottom());
        path.moveTo(start);
        if (b->layer - a->layer > 1 && std::abs(b->rect.center().x() - a->rect.center().x()) > a->rect.width() / 2) {
          // Skips a layer into a sibling at the side: out to the target's side first, then down
          // into it, past the boxes in between; labelled over the target like a diagonal.
          const QPointF c1(b->rect.center().x(), start.y() + (end.y() - start.y()) * 0.3), c2(end.x(), end.y() - 40 * f);
          path.cubicTo(c1, c2, end);
          tangentFrom = c2;
          labelAt = path.pointAtPercent(0.5);
          diagonal = true;
        } else if (b->layer - a->layer > 1) {
          // Skips a layer straight down: bulge out to the right of the boxes in between, inside the pane.
          const qreal out = std::min(std::max(a->rect.right(), b->rect.right()) + 30 * f, graphArea_.right() - 4 * f);
          const QPointF c1(out, start.y() + 10 * f), c2(out, end.y() - 30 * f);
          path.cubicTo(c1, c2, end);
          tangentFrom = c2;
          labelAt = path.pointAtPercent(0.5);
        } else {
          path.lineTo(end);
          tangentFrom = start;
          labelAt = start + (end - start) * 0.5;
          leftOfArrow = end.x() < start.x() - 1;
          diagonal = std::abs(end.x() - start.x()) > 1;
        }
      } else {
        // A back edge: an arc at the left.
        const QPointF start(a->rect.left(), a->rect.center().y());
        const QPointF stop(b->rect.left(), b->rect.center().y());
        path.moveTo(start);
        path.cubicTo(start - QPointF(40 * f, 0), stop - QPointF(40 * f, 0), stop);
        tangentFrom = stop - QPointF(40 * f, 0);
        labelAt = path.pointAtPercent(0.5);
        leftOfArrow = true;
      }
    } else if (b->layer - a->layer > 1) {
      // Skips a layer: swing below the boxes in between.
      const QPointF start(a->rect.center().x(), a->rect.bottom());
      path.moveTo(start);
      const QPointF c1(start.x(), end.y());
      const QPointF c2(end.x() - (end.x() - start.x()) * 0.35, end.y());
      path.cubicTo(c1, c2, end);
      tangentFrom = c2;
      labelAt = path.pointAtPercent(0.55);
      below = true;
    } else if (b->layer <= a->layer) {
      // A back edge (not in 2PC): an arc above.
      const QPointF start(a->rect.center().x(), a->rect.top());
      const QPointF stop(b->rect.center().x(), b->rect.top());
      const qreal lift = 40 * f;
      path.moveTo(start);
      path.cubicTo(start - QPointF(0, lift), stop - QPointF(0, lift), stop);
      tangentFrom = stop - QPointF(0, lift);
      labelAt = path.pointAtPercent(0.5);
    } else {
      const QPointF start(a->rect.right(), a->rect.center().y());
      path.moveTo(start);
      path.lineTo(end);
      tangentFrom = start;
      // Arrows fanning out of one state diverge towards their targets: label them nearer the end.
      labelAt = start + (end - start) * (fanOut[key.first] > 1 ? 0.6 : 0.5);
      below = end.y() > start.y() + 1;
    }
    p.drawPath(path);
    p.setBrush(ink);
    p.setPen(Qt::NoPen);
    arrowHead(p, path.currentPosition(), tangentFrom, 10 * s.lineScale);

    // Labels sit on the arrow (on a paper backing), wrapped to the gap between the columns, so that
    // they never reach into a state box. A skip edge is labelled under its lowest stretch.
    const QFont lf = lit ? scaledFont(font(), 11 * f, true) : labelFont;
    // Several transitions on one arrow: one bullet each, so that their event/action pairs stay apart.
    const QString text = edgeText(labels);
    QRectF r;
    if (vertical_ && diagonal) {
      // Into one of several siblings: over the target box, clear of its arrowhead, as wide as half
      // the pane (the siblings sit at the edges and the box they leave from in the middle, higher up).
      const qreal width = std::max<qreal>(b->rect.width(), graphArea_.width() * 0.5 - 6 * f);
      r = QFontMetricsF(lf).boundingRect(QRectF(0, 0, width, 1000), Qt::AlignCenter | Qt::TextWordWrap, text);
      r.moveCenter(QPointF(b->rect.center().x(), 0));
      // Several arrows into one box: their labels stack upwards from it.
      r.moveBottom(b->rect.top() - 14 * f - stackAbove[key.second]);
      stackAbove[key.second] += r.height() + 3 * f;
      if (r.left() < graphArea_.left() + 2) r.moveLeft(graphArea_.left() + 2);
      if (r.right() > graphArea_.right() - 2) r.moveRight(graphArea_.right() - 2);
      edgeLabels.push_back({r, text, lit, width});
      continue;
    }
    if (vertical_) {
      // Beside the arrow, with the room up to the pane's edge on that side.
      const qreal room = leftOfArrow ? labelAt.x() - graphArea_.left() - 6 * f : graphArea_.right() - labelAt.x() - 6 * f;
      qreal width = std::max<qreal>(70 * f, room);
      r = QFontMetricsF(lf).boundingRect(QRectF(0, 0, width, 1000), Qt::AlignLeft | Qt::TextWordWrap, text);
      r.moveCenter(labelAt);
      if (leftOfArrow) r.moveRight(labelAt.x() - 6 * f);
      else r.moveLeft(labelAt.x() + 6 * f);
      if (!leftOfArrow && b->layer == a->layer + 1 && r.height() > b->rect.top() - a->rect.bottom() - 2 * f) {
        // Taller than the gap (a short pane): right of both boxes instead, where it covers nothing.
        const qreal x = std::max(a->rect.right(), b->rect.right()) + 6 * f;
        width = std::max<qreal>(60 * f, graphArea_.right() - x - 2);
        r = QFontMetricsF(lf).boundingRect(QRectF(0, 0, width, 1000), Qt::AlignLeft | Qt::TextWordWrap, text);
        r.moveCenter(labelAt);
        r.moveLeft(x);
      }
      edgeLabels.push_back({r, text, lit, width});
      continue;
    }
    const qreal width = std::max<qreal>(70 * f, std::abs(b->rect.left() - a->rect.right()) - 8 * f);
    r = QFontMetricsF(lf).boundingRect(QRectF(0, 0, width, 1000), Qt::AlignCenter | Qt::TextWordWrap, text);
    r.moveCenter(labelAt);
    if (below && b->layer - a->layer > 1) r.translate(0, r.height() / 2 + 4 * f);
    if (b->layer == a->layer + 1) {
      // Kept inside the gap between the two columns (a fanning-out label sits nearer its target).
      const qreal lo = a->rect.right() + 4 * f, hi = b->rect.left() - 4 * f;
      if (r.right() > hi) r.moveRight(hi);
      if (r.left() < lo) r.moveLeft(lo);
    }
    edgeLabels.push_back({r, text, lit, width});
  }
  // Each label, top to bottom, takes the nearest free place: where it was put, else a little up or
  // down along its arrow, else a little aside, never over a state box or a label placed before it
  // and never out of the graph's area (the log is drawn below it). A label with no free place
  // nearby (a pane far too small) stays where it was put.
  std::sort(edgeLabels.begin(), edgeLabels.end(), [](const EdgeLabel& a, const EdgeLabel& b) { return a.rect.center().y() < b.rect.center().y(); });
  const qreal gap = 3 * f;
  const QRectF bounds = graphArea_.adjusted(-6 * f, -6 * f, 6 * f, 6 * f).intersected(QRectF(rect()));
  std::vector<QRectF> placed;
  const auto isFree = [&](const QRectF& r) {
    if (!bounds.contains(r)) return false;
    for (const Box& b : boxes_)
      if (r.intersects(b.rect.adjusted(-2, -2, 2, 2))) return false;
    for (const QRectF& o : placed)
      if (r.intersects(o.adjusted(-gap, -gap, gap, gap))) return false;
    return true;
  };
  // Then narrower (more lines), then a smaller font, before giving up.
  struct Attempt {
    qreal wrap, font;
  };
  constexpr Attempt attempts[] = {{1.0, 1.0}, {0.7, 1.0}, {0.7, 0.85}, {0.5, 0.75}};
  for (EdgeLabel& l : edgeLabels) {
    bool found = false;
    for (const Attempt& at : attempts) {
      QRectF r = l.rect;
      if (at.wrap < 1.0 || at.font < 1.0) {
        const QFont af = scaledFont(font(), 11 * f * at.font, l.lit);
        r = QFontMetricsF(af).boundingRect(QRectF(0, 0, l.wrap * at.wrap, 1000), Qt::AlignCenter | Qt::TextWordWrap, l.text);
        r.moveCenter(l.rect.center());
      }
      const qreal dy = std::max<qreal>(4 * f, r.height() / 3), dx = 10 * f;
      found = isFree(r);
      for (int ring = 1; ring <= 8 && !found; ++ring) {
        const QPointF moves[] = {{0, -ring * dy}, {0, ring * dy}, {-ring * dx, 0}, {ring * dx, 0},
                                 {-ring * dx, -ring * dy}, {ring * dx, -ring * dy}, {-ring * dx, ring * dy}, {ring * dx, ring * dy}};
        for (const QPointF& d : moves)
          if (isFree(r.translated(d))) {
            r.translate(d);
            found = true;
            break;
          }
      }
      if (found) {
        l.rect = r;
        l.wrap *= at.wrap;
        l.fontScale = at.font;
        break;
      }
    }
    placed.push_back(l.rect);
  }
  const qreal overflow = edgeLabels.empty() ? 0 : std::max<qreal>(0, edgeLabels.back().rect.bottom() - (height() - 2));
  QColor halo = s.background;
  halo.setAlpha(225);
  labelRects_.clear();
  for (EdgeLabel& l : edgeLabels) {
    const QRectF r = l.rect.translated(0, -std::min(overflow, std::max<qreal>(0, l.rect.top() - 2)));
    labelRects_.push_back(r);
    p.setFont(scaledFont(font(), 11 * f * l.fontScale, l.lit));
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

  const QFont stateFont = scaledFont(font(), 13 * f, true);
  p.setFont(stateFont);
  for (const Box& b : boxes_) {
    const QString key = viewutil::key(info.states, b.state);
    const QColor c = palette::state(key, projector_);
    const bool lit = b.state == state_;
    const qreal r = b.rect.height() / 2.6;
    if (lit) {
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
    if (vertical_ && b.scale < 1) p.setFont(scaledFont(font(), 13 * f * b.scale, true));
    p.drawText(b.rect, Qt::AlignCenter, stateName(b.state, vertical_ ? b.wrapped : wrapped_));
    p.setFont(stateFont);
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

void StateMachineView::paintLog(QPainter& p, const QRectF& area) {
  const palette::Scheme& s = palette::scheme(projector_);
  const qreal f = s.fontScale;
  const auto& sim = controller_->sim();
  if (node_ < 0 || static_cast<std::size_t>(node_) >= sim.nodes().size() || area.height() < 30) return;
  const auto& log = sim.nodes()[static_cast<std::size_t>(node_)].log;
  const auto& info = controller_->info();

  p.setPen(QPen(s.panelBorder, 1));
  p.setBrush(s.panel);
  p.drawRoundedRect(area, 6, 6);
  const QFont head = scaledFont(font(), 11.5 * f, true);
  const QFont cell = scaledFont(font(), 11.5 * f);
  const qreal rowH = QFontMetricsF(cell).height() + 5 * f;
  const QRectF in = area.adjusted(8 * f, 4 * f, -8 * f, -4 * f);
  p.setFont(head);
  p.setPen(s.ink);
  p.drawText(QRectF(in.left(), in.top(), in.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter,
             QFontMetricsF(head).elidedText(tr("Durable log — %n record(s), survives crashes", nullptr, static_cast<int>(log.size())),
                                            Qt::ElideRight, in.width()));

  const QString headers[] = {tr("Time (ms)"), tr("Record"), tr("Txn"), tr("Value")};
  // Column widths from the text they hold; the record name takes what is left.
  const QFontMetricsF hm(head), cm(cell);
  const qreal tW = std::max(hm.horizontalAdvance(headers[0]), cm.horizontalAdvance(QStringLiteral("99999.9"))) + 12;
  const qreal xW = std::max(hm.horizontalAdvance(headers[2]), cm.horizontalAdvance(QStringLiteral("t9999"))) + 12;
  const qreal vW = std::max(hm.horizontalAdvance(headers[3]), cm.horizontalAdvance(QStringLiteral("99999"))) + 12;
  const qreal W = std::max<qreal>(1, in.width());
  const qreal cols[] = {0.0, tW / W, 1.0 - (xW + vW) / W, 1.0 - vW / W, 1.0};
  qreal y = in.top() + rowH;
  // Column heads only when a record fits under them: a record without heads beats heads alone.
  if (in.bottom() - y >= 2 * rowH) {
    p.setPen(Qt::NoPen);
    p.setBrush(s.lane);
    p.drawRect(QRectF(in.left(), y, in.width(), rowH));
    p.setPen(s.mutedInk);
    p.setFont(head);
    for (int c = 0; c < 4; ++c)
      p.drawText(QRectF(in.left() + in.width() * cols[c] + 4, y, in.width() * (cols[c + 1] - cols[c]) - 8, rowH),
                 (c == 1 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, headers[c]);
    y += rowH;
  }
  // The newest records are what the learner needs; older ones are summarised in one line.
  const int fit = std::max(0, static_cast<int>((in.bottom() - y) / rowH));
  const auto size = static_cast<int>(log.size());
  int first = std::max(0, size - fit);
  p.setFont(cell);
  if (first > 0 && fit >= 2) {  // with room for one row only, the newest record wins over the summary
    first = std::min(size, first + 1);
    p.setPen(s.mutedInk);
    p.drawText(QRectF(in.left() + 4, y, in.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter,
               tr("… %n earlier record(s)", nullptr, first));
    y += rowH;
  }
  if (log.empty()) {
    p.setPen(s.mutedInk);
    p.drawText(QRectF(in.left() + 4, y, in.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter, tr("empty"));
  }
  for (int i = first; i < size; ++i) {
    const cs::LogRecord& r = log[static_cast<std::size_t>(i)];
    const QString key = viewutil::key(info.log_records, r.type);
    const QString values[] = {viewutil::ms(r.time), EngineText::logRecord(key.toStdString()), QStringLiteral("t%1").arg(r.txn),
                              QString::number(r.value)};
    for (int c = 0; c < 4; ++c) {
      p.setPen(c == 1 ? s.ink : s.mutedInk);
      const QRectF cellRect(in.left() + in.width() * cols[c] + 4, y, in.width() * (cols[c + 1] - cols[c]) - 8, rowH);
      // The record name takes what the other columns leave; a long zh-TW gloss is cut, not hidden.
      const QString text = c == 1 ? cm.elidedText(values[c], Qt::ElideRight, std::max<qreal>(0, cellRect.width())) : values[c];
      p.drawText(cellRect, (c == 1 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, text);
    }
    y += rowH;
  }
}

void StateMachineView::paintLocks(QPainter& p, const QRectF& area) {
  const palette::Scheme& s = palette::scheme(projector_);
  const qreal f = s.fontScale;
  // The one-line box (title and "· none") is as short as a line of text: anything taller is drawn.
  locksBox_ = QRectF();
  if (node_ < 0 || area.height() < QFontMetricsF(scaledFont(font(), 11.5 * f)).height()) return;
  locksBox_ = area;
  const cs::NodeView v = controller_->simulation().sim().node_view(node_);
  p.setPen(QPen(s.panelBorder, 1));
  p.setBrush(s.panel);
  p.drawRoundedRect(area, 6, 6);
  const QFont head = scaledFont(font(), 11.5 * f, true);
  const QFont cell = scaledFont(font(), 11.5 * f);
  const qreal rowH = QFontMetricsF(cell).height() + 5 * f;
  const QRectF in = area.adjusted(8 * f, 4 * f, -8 * f, -4 * f);
  p.setFont(head);
  p.setPen(s.ink);
  const QString title = tr("Locks — %n held", nullptr, static_cast<int>(v.locks.size()));
  p.drawText(QRectF(in.left(), in.top(), in.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter,
             QFontMetricsF(head).elidedText(title, Qt::ElideRight, in.width()));
  qreal y = in.top() + rowH;
  p.setFont(cell);
  if (v.locks.empty()) {
    const QString none = up_ ? tr("none") : tr("none: locks live in memory and were lost");
    p.setPen(s.mutedInk);
    if (in.height() < 2 * rowH) {
      // A one-line box: the explanation follows the title.
      const qreal x = in.left() + QFontMetricsF(head).horizontalAdvance(title) + 10 * f;
      p.drawText(QRectF(x, in.top(), in.right() - x, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                 QFontMetricsF(cell).elidedText(QStringLiteral("· ") + none, Qt::ElideRight, in.right() - x));
      return;
    }
    p.drawText(QRectF(in.left() + 4, y, in.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(cell).elidedText(none, Qt::ElideRight, in.width() - 4));
    return;
  }
  const QString headers[] = {tr("Resource"), tr("Holder"), tr("Waiting")};
  const QFontMetricsF hm(head), cm(cell);
  const qreal rW = std::max(hm.horizontalAdvance(headers[0]), cm.horizontalAdvance(QStringLiteral("r99999"))) + 12;
  const qreal oW = std::max(hm.horizontalAdvance(headers[1]), cm.horizontalAdvance(QStringLiteral("t9999"))) + 12;
  const qreal W = std::max<qreal>(1, in.width());
  const qreal cols[] = {0.0, rW / W, (rW + oW) / W, 1.0};
  p.setPen(Qt::NoPen);
  p.setBrush(s.lane);
  p.drawRect(QRectF(in.left(), y, in.width(), rowH));
  p.setPen(s.mutedInk);
  p.setFont(head);
  for (int c = 0; c < 3; ++c)
    p.drawText(QRectF(in.left() + in.width() * cols[c] + 4, y, in.width() * (cols[c + 1] - cols[c]) - 8, rowH),
               Qt::AlignLeft | Qt::AlignVCenter, headers[c]);
  y += rowH;
  p.setFont(cell);
  for (const cs::LockView& l : v.locks) {
    if (y + rowH > in.bottom()) break;
    QStringList w;
    for (auto t : l.waiters) w << QStringLiteral("t%1").arg(t);
    const QString values[] = {QStringLiteral("r%1").arg(l.resource), QStringLiteral("t%1").arg(l.holder),
                              w.isEmpty() ? QStringLiteral("—") : w.join(QStringLiteral(", "))};
    p.setPen(s.ink);
    for (int c = 0; c < 3; ++c)
      p.drawText(QRectF(in.left() + in.width() * cols[c] + 4, y, in.width() * (cols[c + 1] - cols[c]) - 8, rowH),
                 Qt::AlignLeft | Qt::AlignVCenter, values[c]);
    y += rowH;
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
