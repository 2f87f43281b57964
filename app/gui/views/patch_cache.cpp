#include "patch_cache.hpp"

#include <QPaintEngine>
#include <QPixmap>

namespace {

// The format of the pixels the painter writes to, when it is a 32-bit raster image (a widget's
// backing store, a QImage or a raster QPixmap); Format_Invalid otherwise.
QImage::Format targetFormat(QPainter* p) {
  QPaintEngine* engine = p->paintEngine();
  if (engine == nullptr || engine->type() != QPaintEngine::Raster) return QImage::Format_Invalid;
  QPaintDevice* device = engine->paintDevice();
  if (device == nullptr) return QImage::Format_Invalid;
  QImage::Format format = QImage::Format_Invalid;
  if (device->devType() == QInternal::Image) format = static_cast<QImage*>(device)->format();
  else if (device->devType() == QInternal::Pixmap && device->depth() == 32)
    format = static_cast<QPixmap*>(device)->hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32;
  return format == QImage::Format_RGB32 || format == QImage::Format_ARGB32_Premultiplied ? format : QImage::Format_Invalid;
}

bool sameTransform(const QTransform& a, const QTransform& b) {
  // Exactly: a transform that differs in the last bit may round an edge to another pixel.
  return a.m11() == b.m11() && a.m12() == b.m12() && a.m21() == b.m21() && a.m22() == b.m22() && a.dx() == b.dx() && a.dy() == b.dy();
}

}  // namespace

bool PatchCache::paint(QPainter* p, const QRectF& bounds, const QColor& under, quint64 key,
                       const std::function<void(QPainter*)>& draw) {
  if (!enabled_ || under.alpha() != 255 || bounds.isEmpty()) return false;
  const QImage::Format format = targetFormat(p);
  if (format == QImage::Format_Invalid) return false;
  if (p->opacity() < 1.0 || p->compositionMode() != QPainter::CompositionMode_SourceOver) return false;
  const QTransform t = p->deviceTransform();
  if (t.type() > QTransform::TxScale) return false;
  // The painter's own device pixel ratio (a HiDPI backing store): the patch is blitted one to one.
  p->save();
  p->resetTransform();
  const QTransform base = p->deviceTransform();
  p->restore();
  if (base.type() > QTransform::TxScale || base.m11() != base.m22() || base.m11() <= 0) return false;

  if (key != key_ || !sameTransform(t, transform_) || p->renderHints() != hints_ || format != format_ || image_.isNull()) {
    const QRect device = t.mapRect(bounds).toAlignedRect().adjusted(-1, -1, 1, 1);
    QImage image(device.size(), format);
    image.fill(under);
    {
      QPainter ip(&image);
      ip.setRenderHints(p->renderHints());
      ip.setTransform(t * QTransform::fromTranslate(-device.left(), -device.top()));
      draw(&ip);
    }
    image_ = std::move(image);
    // Opaque: as RGB32 the blit is a copy, not a blend, whatever the target's format.
    if (image_.format() != QImage::Format_RGB32) image_ = std::move(image_).convertToFormat(QImage::Format_RGB32);
    image_.setDevicePixelRatio(base.m11());
    device_ = device;
    key_ = key;
    transform_ = t;
    hints_ = p->renderHints();
    format_ = format;
    ++renders_;
  }
  p->save();
  p->resetTransform();
  p->drawImage(base.inverted().map(QPointF(device_.topLeft())), image_);
  p->restore();
  return true;
}

void PatchCache::clear() {
  key_ = 0;
  image_ = QImage();
}
