// Small formatting helpers shared by the views (times, log records, key lookups).
#pragma once

#include <QFont>
#include <QLocale>
#include <QPaintEngine>
#include <QPainter>
#include <QString>
#include <string>
#include <vector>

#include "sim/simulator.hpp"

namespace viewutil {

// True while a view is painted into an SVG or PDF handout: caches of pixmaps are skipped there, so
// that text stays text and lines stay lines in the file.
inline bool vectorTarget(const QPainter& p) {
  const QPaintEngine* e = p.paintEngine();
  return e && (e->type() == QPaintEngine::SVG || e->type() == QPaintEngine::Pdf);
}

// `base` at `px` pixels: every view sizes its text in pixels times the scheme's font scale, so the
// projector's larger type is one factor (palette::Scheme::fontScale).
inline QFont scaledFont(const QFont& base, qreal px, QFont::Weight weight = QFont::Normal) {
  QFont f = base;
  f.setPixelSize(qRound(px));
  f.setWeight(weight);
  return f;
}
inline QFont scaledFont(const QFont& base, qreal px, bool bold) {
  return scaledFont(base, px, bold ? QFont::Bold : QFont::Normal);
}

// Virtual microseconds as milliseconds with one decimal ("12.3"), in the UI locale.
inline QString ms(cs::Time t) { return QLocale().toString(static_cast<double>(t) / 1000.0, 'f', 1); }

inline QString key(const std::vector<std::string>& keys, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= keys.size()) return QString::number(index);
  return QString::fromStdString(keys[static_cast<std::size_t>(index)]);
}

inline QString nodeName(const cs::Simulator& sim, cs::NodeId n) {
  if (n < 0 || static_cast<std::size_t>(n) >= sim.nodes().size()) return QStringLiteral("?");
  return QString::fromStdString(sim.nodes()[static_cast<std::size_t>(n)].name);
}

}  // namespace viewutil
