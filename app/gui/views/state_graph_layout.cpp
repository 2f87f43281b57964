#include "state_graph_layout.hpp"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

#include "view_util.hpp"

void StateGraphLayout::setInputs(Inputs in) {
  in_ = std::move(in);
  boxes_.clear();  // relayout on the next arrange()
}

QFont StateGraphLayout::font(qreal px, bool bold) const { return viewutil::scaledFont(in_.font, px, bold); }

const StateGraphLayout::Box* StateGraphLayout::box(int state) const {
  for (const Box& b : boxes_)
    if (b.state == state) return &b;
  return nullptr;
}

StateGraphLayout::Areas StateGraphLayout::arrange(const QRectF& body, int lockCount, qreal rowH, const QRectF& pane) {
  if (boxes_.empty()) computeLayers();
  const Areas areas = split(body, lockCount, rowH);
  arrows_.clear();
  labels_.clear();
  if (areas.noMachine || boxes_.empty()) return areas;
  graphArea_ = areas.graph;
  // Cheap (a handful of boxes) and always matches the current size and fonts.
  if (vertical_) layoutVertical(areas.graph);
  else layoutAcross(areas.graph);
  routeArrows();
  placeLabels(pane);
  return areas;
}

void StateGraphLayout::computeLayers() {
  boxes_.clear();
  layers_ = 0;
  maxRows_ = 1;
  const cs::RoleMachine* m = in_.machine;
  if (!m || m->states.empty()) return;
  // Layers by longest path from the initial state (a state machine of a commit protocol is a DAG;
  // the bound on rounds keeps a cycle, should one appear, from looping forever).
  std::map<int, int> layer;
  for (auto s : m->states) layer[s] = 0;
  for (std::size_t round = 0; round < m->states.size(); ++round)
    for (const auto& t : m->transitions)
      if (t.from != t.to && layer.count(t.from) && layer.count(t.to) && layer[t.to] < layer[t.from] + 1 &&
          t.to != m->states.front())
        layer[t.to] = layer[t.from] + 1;
  std::map<int, int> rowsIn;
  for (auto s : m->states) {
    Box b;
    b.state = s;
    b.layer = layer[s];
    b.row = rowsIn[b.layer]++;
    boxes_.push_back(b);
    layers_ = std::max(layers_, b.layer + 1);
    maxRows_ = std::max(maxRows_, rowsIn[b.layer]);
  }
}

QString StateGraphLayout::stateName(int state, bool wrapped) const {
  const QString name = in_.stateName ? in_.stateName(state) : QString::number(state);
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

std::map<std::pair<int, int>, QStringList> StateGraphLayout::arrowLabels() const {
  // Transitions between the same two states share one arrow; their labels go together.
  std::map<std::pair<int, int>, QStringList> groups;
  if (in_.machine)
    for (const auto& t : in_.machine->transitions)
      groups[{t.from, t.to}] << (in_.transitionLabel ? in_.transitionLabel(t.label) : QString::fromStdString(t.label));
  return groups;
}

// ---------------------------------------------------------------------------------------------
// The pane split

StateGraphLayout::Areas StateGraphLayout::split(const QRectF& body, int lockCount, qreal rowH) {
  const qreal f = in_.scale;
  Areas a;
  // The log and the locks under the graph: side by side (62/38), or, too narrow for two tables,
  // the locks as a short box under the log, one row per lock.
  const auto splitBelow = [&](const QRectF& below, bool stacked, qreal space) {
    if (!stacked) {
      a.log = QRectF(below.left(), below.top(), below.width() * 0.62, below.height());
      a.locks = QRectF(a.log.right() + 10 * f, below.top(), below.right() - a.log.right() - 10 * f, below.height());
      return;
    }
    const qreal lockH = std::min(below.height() * 0.45, (lockCount == 0 ? 1 : 2 + lockCount) * rowH + 8 * f);
    a.locks = QRectF(below.left(), below.bottom() - lockH, below.width(), lockH);
    a.log = QRectF(below.left(), below.top(), below.width(), a.locks.top() - space - below.top());
  };
  vertical_ = false;
  if (!in_.machine || in_.machine->states.empty()) {
    // A role without protocol states (the choreography's broker): one line saying so, and the log
    // and locks get the whole pane.
    a.noMachine = true;
    a.noteHeight = rowH + 6 * f;
    splitBelow(body.adjusted(0, a.noteHeight + 4 * f, 0, 0), body.width() < 560 * f, 6 * f);
    return a;
  }
  // Side by side only when the graph keeps its full size in 60% of the width; else stacked.
  if (body.width() > 1.3 * body.height() && body.width() * 0.6 >= graphWidthNeeded(1.0)) {
    a.graph = QRectF(body.left(), body.top(), body.width() * 0.6, body.height());
    const QRectF side(a.graph.right() + 12 * f, body.top(), body.right() - a.graph.right() - 12 * f, body.height());
    a.log = QRectF(side.left(), side.top(), side.width(), side.height() * 0.64);
    a.locks = QRectF(side.left(), a.log.bottom() + 8 * f, side.width(), side.bottom() - a.log.bottom() - 8 * f);
    return a;
  }
  // The graph takes the height its rows need (never less than 40%; rows of two-line names when the
  // width is short); the log keeps at least its title and newest record (the column heads when
  // there is room), since that record is what survives a crash.
  // Stacked (a narrow pane), the one-line locks box comes on top of that.
  const bool stacked = body.width() < 560 * f;
  // A lesson that points at the log wants every record it shows, up to its limit: the graph gives
  // up the rows (shrinking, as below, rather than overlapping).
  const int logRows = std::max(2, in_.logRows);
  const qreal minBelow = logRows * rowH + 8 * f + 10 * f + (stacked ? (lockCount == 0 ? 1 : 2 + lockCount) * rowH + 14 * f : 0);
  // Top to bottom: below it, at the least, the log's title and newest record and a one-line locks
  // box (see the boxes' spacing in layoutVertical(), plus rounding slack).
  const qreal minBelowVertical = (logRows + 1) * rowH + 32 * f;
  vertical_ = chooseVertical(body, minBelow, minBelowVertical);
  // Vertical: the graph takes room for generous gaps (its labels live there), the log the rest.
  // Only a graph that cannot fit otherwise takes rows from the log. When even tight layers do not
  // fit, the whole graph shrinks (to 60% at most), as the left-to-right layout does, rather than
  // letting boxes and labels run into each other.
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
  a.graph = QRectF(body.left(), body.top(), body.width(), graphH);
  const qreal space = stacked ? 6 * f : 10 * f;  // stacked boxes sit closer: every line counts there
  splitBelow(QRectF(body.left(), a.graph.bottom() + space, body.width(), body.bottom() - a.graph.bottom() - space), stacked, space);
  return a;
}

bool StateGraphLayout::chooseVertical(const QRectF& body, qreal minBelow, qreal minBelowVertical) const {
  // Top to bottom when the columns would shrink a lot and the layers fit at full size; also when
  // the columns cannot fit at all (they would overlap even at the smallest size): then tight layers
  // beat overlapping boxes, and the log gives up rows for them.
  const qreal wide = graphWidthNeeded(1.0, true);
  const bool hopeless = body.width() < 0.62 * wide;
  // Hopeless both ways: whichever layout shrinks less; in a wide, low pane (the projector lab's
  // side column) top to bottom only if its layers fit at all (60%), else they would run under the
  // log; in a tall one (a projector lesson's column) the log gives them rows instead.
  const qreal across = std::min(body.width() / wide, (body.height() - minBelow) / graphHeightNeeded(1.0, true));
  const qreal down = (body.height() - minBelowVertical) / std::max<qreal>(1, verticalHeightNeeded(body.width(), 0, 1.0));
  return layers_ > 1 && body.width() < 0.85 * wide &&
         ((hopeless && down > across && (down >= 0.6 || body.height() > body.width())) ||
          body.height() - minBelowVertical >= verticalHeightNeeded(body.width()));
}

// ---------------------------------------------------------------------------------------------
// Sizes

qreal StateGraphLayout::graphWidthNeeded(qreal scale, bool wrapped) const {
  const qreal f = in_.scale * scale;
  const QFontMetricsF m(font(13 * f, true));
  qreal w = 0;
  for (const Box& b : boxes_)
    for (const QString& line : stateName(b.state, wrapped).split(QLatin1Char('\n'))) w = std::max(w, m.horizontalAdvance(line));
  w += 28 * f;
  // Room between columns for the transition labels: a fixed allowance, so that the choice of layout
  // (side by side, top to bottom) and the shrink factor do not swing with one long label;
  // layoutAcross() then shares the actual width out by what each gap's labels need (columnGaps).
  return layers_ * w + std::max(0, layers_ - 1) * 120 * f + 32 * f;
}

std::vector<qreal> StateGraphLayout::columnGaps(qreal scale) const {
  // Room between two columns for the labels of the arrows that cross it: a label may take two
  // lines (Chinese wraps anywhere, English between words), so about half its one-line width, but
  // never less than its longest word. Bold: the lit label is bold.
  const qreal f = in_.scale * scale;
  std::vector<qreal> gaps(static_cast<std::size_t>(std::max(0, layers_ - 1)), 90 * f);
  if (!in_.machine) return gaps;
  const QFontMetricsF lm(font(11 * f, true));
  for (const auto& [key, labels] : arrowLabels()) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b || b->layer != a->layer + 1) continue;  // skip and back edges run above or below the boxes
    qreal want = 0;
    for (const QString& line : in_.edgeText(labels).split(QLatin1Char('\n'))) {
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

std::vector<StateGraphLayout::LayerSize> StateGraphLayout::verticalLayers(qreal width, qreal scale) const {
  const qreal f = in_.scale * scale;
  const QFontMetricsF m(font(13 * f, true));
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
    // Still too wide on two lines: that layer's boxes shrink rather than overlap, as far as it takes
    // (a projector's narrow column: two English names that cannot wrap, "COMPENSATING" beside
    // "COMPLETED", ran into each other at 60%).
    const qreal row = count[l] * out[l].w + (count[l] - 1) * 14 * f + 16 * f;
    if (row > width) {
      out[l].scale = std::max(0.3, (width - (count[l] - 1) * 14 * f - 16 * f) / (count[l] * out[l].w));
      out[l].w *= out[l].scale;
      out[l].h *= out[l].scale;
    }
  }
  return out;
}

std::vector<qreal> StateGraphLayout::verticalGaps(qreal width, const std::vector<LayerSize>& sizes, qreal scale) const {
  const qreal f = in_.scale * scale;
  qreal oneLine = 1e9;
  for (const LayerSize& l : sizes) oneLine = std::min(oneLine, l.h);
  std::vector<qreal> gaps(sizes.size(), oneLine * 0.6);  // gaps[l]: above layer l (gaps[0] unused)
  if (!in_.machine) return gaps;
  std::map<int, int> rowsIn;
  for (const Box& b : boxes_) rowsIn[b.layer] = std::max(rowsIn[b.layer], b.row + 1);
  // Above a row of siblings the labels sit over the siblings, below the box the arrows leave
  // (see labelFor): that gap must hold the tallest of them. Bold: the lit label is bold.
  const QFontMetricsF lm(font(11 * f, true));
  std::map<int, qreal> stacked;
  for (const auto& [key, labels] : arrowLabels()) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b || b->layer <= a->layer) continue;
    if (b->layer > a->layer + 1 && rowsIn[b->layer] < 2) continue;  // bulges beside the boxes instead
    auto& gap = gaps[static_cast<std::size_t>(b->layer)];
    if (rowsIn[b->layer] < 2) {
      // Straight down: the label sits beside the arrow, in the right half, between the two boxes.
      if (rowsIn[a->layer] > 1) continue;
      const qreal h = lm.boundingRect(QRectF(0, 0, width * 0.5 - 12 * f, 1000), Qt::AlignLeft | Qt::TextWordWrap, in_.edgeText(labels)).height();
      gap = std::max(gap, h + 6 * f);
      continue;
    }
    const qreal w = std::max<qreal>(sizes[static_cast<std::size_t>(b->layer)].w, width * 0.5 - 6 * f);
    const qreal h = lm.boundingRect(QRectF(0, 0, w, 1000), Qt::AlignCenter | Qt::TextWordWrap, in_.edgeText(labels)).height();
    stacked[key.second] += h + 3 * f;  // labels of several arrows into one box stack up
    gap = std::max(gap, stacked[key.second] + 14 * f + 1 * f);
  }
  return gaps;
}

qreal StateGraphLayout::verticalHeightNeeded(qreal width, qreal extra, qreal scale) const {
  const qreal f = in_.scale * scale;
  const std::vector<LayerSize> sizes = verticalLayers(width, scale);
  const std::vector<qreal> gaps = verticalGaps(width, sizes, scale);
  qreal sum = 2 * 4 * f, oneLine = 1e9;
  for (std::size_t l = 0; l < sizes.size(); ++l) {
    sum += sizes[l].h + (l > 0 ? gaps[l] : 0);
    oneLine = std::min(oneLine, sizes[l].h);
  }
  return sum + (layers_ - 1) * oneLine * extra;
}

qreal StateGraphLayout::graphHeightNeeded(qreal scale, bool wrapped) const {
  const qreal f = in_.scale * scale;
  const qreal h = QFontMetricsF(font(13 * f, true)).height() * (wrapped ? 2 : 1) + 18 * f;
  bool skips = false;
  if (in_.machine)
    for (const auto& t : in_.machine->transitions) {
      const Box* a = box(t.from);
      const Box* b = box(t.to);
      skips = skips || (a && b && b->layer - a->layer > 1);
    }
  // Rows a box-height apart (room for a label between them), plus the swing of layer-skipping arrows.
  return 2 * 10 * f + maxRows_ * h + (maxRows_ - 1) * h * 0.5 + (skips ? 24 * f : 0);
}

// ---------------------------------------------------------------------------------------------
// Boxes

void StateGraphLayout::layoutVertical(const QRectF& area) {
  wrapped_ = false;
  // fit_ was chosen by split() too: < 1 when even tight layers do not fit at full size.
  const qreal f = in_.scale * fit_;
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
}

void StateGraphLayout::layoutAcross(const QRectF& area) {
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
  // The widest name (and the lines it takes) at the current fit.
  qreal w = 0, h = 0, f = 0;
  const auto measure = [&] {
    f = in_.scale * fit_;
    const QFontMetricsF m(font(13 * f, true));
    w = 0;
    int lines = 1;
    for (const Box& b : boxes_) {
      const QStringList parts = stateName(b.state, wrapped_).split(QLatin1Char('\n'));
      lines = std::max(lines, static_cast<int>(parts.size()));
      for (const QString& line : parts) w = std::max(w, m.horizontalAdvance(line));
    }
    w += 28 * f;
    h = m.height() * lines + 18 * f;
  };
  measure();
  // Even at 60% the columns alone are wider than the pane (a long machine in the projector's side
  // column), or the rows of one column taller than it (3PC's COMMIT over ABORT in a low pane): the
  // boxes shrink further rather than run out of the pane or into each other.
  const auto tooBig = [&] {
    const qreal wide = (layers_ * w + 32 * f) / area.width();
    const qreal tall = (maxRows_ * h + (maxRows_ - 1) * 4 * f + 2 * 10 * f) / area.height();
    return std::max(wide, tall);
  };
  for (int i = 0; i < 4 && tooBig() > 1.0 && fit_ > 0.3; ++i) {
    fit_ = std::max(0.3, fit_ / tooBig());
    measure();
  }
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
