// The canvas legend: one entry per message family (its token shape and colour, and what the family
// means), then the marks of a cut link, a message that will be lost and a crashed node. Every token
// already carries its type as a label; the legend explains the shapes, so it has a handful of entries
// rather than one per message type (a saga had 23 and covered half the canvas).
//
// Painted by CanvasView as an overlay along the bottom edge of its viewport; this class only measures
// and paints (the view chooses the entries and caches the picture).
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <vector>

#include "canvas_items.hpp"
#include "palette.hpp"

class QPainter;

class CanvasLegend {
  Q_DECLARE_TR_FUNCTIONS(CanvasLegend)

 public:
  enum class Mark { Token, Cut, Lost, Down, More };
  struct Entry {
    Mark mark = Mark::Token;
    cs::MessageFamily family = cs::MessageFamily::Request;  // for a token
    QString text;
  };
  // Where each entry goes, relative to the legend box's top-left corner.
  struct Layout {
    std::vector<Entry> entries;  // those that fit, the last maybe "+N more"
    std::vector<QPointF> at;
    QSizeF size;
    bool empty() const { return entries.empty(); }
  };

  explicit CanvasLegend(const CanvasStyle* style) : style_(style) {}

  // What a family means, in a word or two ("commit decision").
  static QString familyName(cs::MessageFamily family);
  // The entries flowed into rows as wide as `area` allows, at most `maxRows` rows; what does not fit
  // is summed up as "+N more". No entries: an empty layout (nothing is drawn, no empty box).
  Layout layout(const QRectF& area, const std::vector<Entry>& entries, int maxRows) const;
  // The height of one row: what the projector reserves below the cards.
  qreal rowHeight() const;
  // The box of a layout of that size, in the bottom-left (or top-left) corner of `area`.
  QRectF box(const QRectF& area, QSizeF size, bool atTop = false) const;
  void paint(QPainter* p, const QRectF& box, const Layout& layout) const;

 private:
  qreal scale() const { return style_->projector ? 1.4 : 1.0; }
  qreal padding() const { return style_->projector ? 6 * scale() : 10; }  // thin in the clock row
  QFont font() const;
  qreal entryWidth(const Entry& e) const;
  qreal titleWidth(const Layout& l) const;
  bool flow(const QRectF& area, Layout& l, int maxRows) const;
  void paintMark(QPainter* p, const Entry& e, const QRectF& cell) const;
  void paintCut(QPainter* p, const QRectF& cell) const;
  void paintLost(QPainter* p, QPointF c) const;
  void paintDown(QPainter* p, const QRectF& cell) const;

  const CanvasStyle* style_;
};
