#include "table_painter.hpp"

#include <algorithm>

#include "view_util.hpp"

TablePainter::TablePainter(QPainter& p, const QRectF& area, const QFont& base, const palette::Scheme& s, const QString& title)
    : p_(p),
      s_(s),
      head_(viewutil::scaledFont(base, 11.5 * s.fontScale, true)),
      cell_(viewutil::scaledFont(base, 11.5 * s.fontScale)),
      hm_(head_),
      cm_(cell_),
      rowH_(cm_.height() + 5 * s.fontScale),
      in_(area.adjusted(8 * s.fontScale, 4 * s.fontScale, -8 * s.fontScale, -4 * s.fontScale)),
      y_(in_.top() + rowH_) {
  p.setPen(QPen(s.panelBorder, 1));
  p.setBrush(s.panel);
  p.drawRoundedRect(area, 6, 6);
  p.setFont(head_);
  p.setPen(s.ink);
  p.drawText(QRectF(in_.left(), in_.top(), in_.width(), rowH_), Qt::AlignLeft | Qt::AlignVCenter,
             hm_.elidedText(title, Qt::ElideRight, in_.width()));
  p.setFont(cell_);
}

void TablePainter::setColumns(const std::vector<qreal>& widths, int stretch) {
  const qreal W = std::max<qreal>(1, in_.width());
  qreal fixed = 0;
  for (std::size_t c = 0; c < widths.size(); ++c)
    if (static_cast<int>(c) != stretch) fixed += widths[c];
  cols_.assign(1, 0.0);
  for (std::size_t c = 0; c < widths.size(); ++c)
    cols_.push_back(cols_.back() + (static_cast<int>(c) == stretch ? std::max<qreal>(0, W - fixed) : widths[c]) / W);
  cols_.back() = std::max<qreal>(cols_.back(), 1.0);
}

QRectF TablePainter::cell(int c) const {
  const auto i = static_cast<std::size_t>(c);
  return {in_.left() + in_.width() * cols_[i] + 4, y_, in_.width() * (cols_[i + 1] - cols_[i]) - 8, rowH_};
}

void TablePainter::header(const std::vector<QString>& texts, const std::vector<Qt::Alignment>& align) {
  p_.setPen(Qt::NoPen);
  p_.setBrush(s_.lane);
  p_.drawRect(QRectF(in_.left(), y_, in_.width(), rowH_));
  p_.setPen(s_.mutedInk);
  p_.setFont(head_);
  for (std::size_t c = 0; c < texts.size(); ++c) p_.drawText(cell(static_cast<int>(c)), align[c] | Qt::AlignVCenter, texts[c]);
  p_.setFont(cell_);
  y_ += rowH_;
}

void TablePainter::row(const std::vector<QString>& texts, const std::vector<Qt::Alignment>& align,
                       const std::vector<QColor>& ink, int elide) {
  for (std::size_t c = 0; c < texts.size(); ++c) {
    const QRectF r = cell(static_cast<int>(c));
    p_.setPen(ink[c]);
    const QString text = static_cast<int>(c) == elide ? cm_.elidedText(texts[c], Qt::ElideRight, std::max<qreal>(0, r.width())) : texts[c];
    p_.drawText(r, align[c] | Qt::AlignVCenter, text);
  }
  y_ += rowH_;
}

void TablePainter::note(const QString& text) {
  p_.setPen(s_.mutedInk);
  p_.drawText(QRectF(in_.left() + 4, y_, in_.width() - 4, rowH_), Qt::AlignLeft | Qt::AlignVCenter,
              cm_.elidedText(text, Qt::ElideRight, in_.width() - 4));
  y_ += rowH_;
}
