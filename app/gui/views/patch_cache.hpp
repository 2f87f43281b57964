// A small patch of device pixels, painted once and blitted on later frames while nothing it shows
// changes (issue 18's 4K frame: a card's countdown pills were laid out, stroked, filled and shaped
// on every frame although only their clock wedges move).
//
// The patch is painted over a known opaque colour, the one that lies under it on screen (a card's
// body), with the painter's own transform (the subpixel phase included), render hints, and target
// format, so that its pixels are the ones painting it directly would give: an antialiased edge is
// blended over the same colour in the same arithmetic. Where that cannot be promised (a vector
// file, a transform with rotation, a painter with opacity, a target that is not a 32-bit image),
// paint() says so and the caller paints directly.
#pragma once

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QRect>
#include <QTransform>
#include <functional>

class PatchCache {
 public:
  // Draws `draw` (in the painter's current coordinates) as it shows within `bounds` over `under`:
  // from the cache when `key` (the caller's count of changes to what `draw` shows, `bounds` and
  // `under` included) and the painter's transform, hints and target format are those it was
  // painted with, otherwise painted again first. `bounds` must hold everything `draw` paints, and
  // the screen under `bounds` must be `under`, opaque. False (nothing drawn) when the painter is not
  // one whose pixels the cache can reproduce.
  bool paint(QPainter* p, const QRectF& bounds, const QColor& under, quint64 key, const std::function<void(QPainter*)>& draw);
  void clear();
  int renders() const { return renders_; }  // times the patch was painted (tests)
  bool enabled() const { return enabled_; }
  // Off, paint() declines and keeps what it holds (the tests compare both ways of painting, and
  // must see a patch that was not painted again when it should have been).
  void setEnabled(bool on) { enabled_ = on; }

 private:
  quint64 key_ = 0;
  QTransform transform_;
  QPainter::RenderHints hints_;
  QImage::Format format_ = QImage::Format_Invalid;  // the target's, which the patch was painted in
  QImage image_;  // opaque, as RGB32
  QRect device_;  // where image_ goes, in device pixels
  int renders_ = 0;
  bool enabled_ = true;
};
