// The hint icon (a light bulb), drawn with QPainter: the emoji 💡 is an empty box on machines
// without an emoji font (a classroom PC, a fresh Debian), so the panel never relies on a font for it.
#pragma once

#include <QIcon>
#include <QPixmap>

namespace hinticon {

// A bulb `side` logical pixels square, sharp at `devicePixelRatio`.
QPixmap pixmap(int side, qreal devicePixelRatio = 1.0);
QIcon icon();

}  // namespace hinticon
