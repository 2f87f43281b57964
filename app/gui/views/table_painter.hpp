// A titled table drawn straight with QPainter: a rounded panel, a bold title line, an optional
// header row on a lane stripe, then rows of cells in fixed columns. The state-machine view draws
// the node's durable log and its locks with it.
#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <vector>

#include "palette.hpp"

class TablePainter {
 public:
  // Draws the panel over `area` and its title. `columns` are fractions of the inner width, from 0
  // to 1 (one more than there are columns).
  TablePainter(QPainter& p, const QRectF& area, const QFont& base, const palette::Scheme& s, const QString& title);

  const QFont& headFont() const { return head_; }
  const QFontMetricsF& headMetrics() const { return hm_; }
  const QFontMetricsF& cellMetrics() const { return cm_; }
  qreal rowHeight() const { return rowH_; }
  const QRectF& inner() const { return in_; }
  qreal y() const { return y_; }
  qreal roomLeft() const { return in_.bottom() - y_; }
  // Columns from the widths of their fixed parts; `stretch` takes what the others leave.
  void setColumns(const std::vector<qreal>& widths, int stretch);
  QRectF cell(int column) const;
  // The header row on its stripe, in the muted ink.
  void header(const std::vector<QString>& texts, const std::vector<Qt::Alignment>& align);
  // One row: each cell's text in `ink`, aligned; `elide` cuts that column's text to its width.
  void row(const std::vector<QString>& texts, const std::vector<Qt::Alignment>& align, const std::vector<QColor>& ink, int elide = -1);
  // A line of muted text across the table (a summary or "empty").
  void note(const QString& text);

 private:
  QPainter& p_;
  const palette::Scheme& s_;
  QFont head_, cell_;
  QFontMetricsF hm_, cm_;
  qreal rowH_;
  QRectF in_;
  qreal y_;
  std::vector<qreal> cols_;
};
