#include "app_fonts.hpp"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QHash>
#include <QStringList>

namespace appfonts {
namespace {

struct State {
  bool captured = false;
  QFont base;
  QHash<QByteArray, QFont> classes;  // platform-theme fonts per widget class
  double scale = 1.0;
  bool chinese = false;
};

State& state() {
  static State s;  // the application's one font configuration (lives as long as the QApplication)
  return s;
}

constexpr const char* kClasses[] = {"QMenuBar", "QMenu", "QToolTip", "QStatusBar", "QHeaderView",
                                    "QMessageBox", "QLabel", "QAbstractButton", "QComboBox", "QTabBar"};

QFont adjusted(QFont f) {
  const State& s = state();
  if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * s.scale);
  else if (f.pixelSize() > 0) f.setPixelSize(static_cast<int>(f.pixelSize() * s.scale + 0.5));
  QStringList families{f.family()};
  // Noto Sans CJK TC first for Han characters, so that zh-TW text uses Taiwan glyph forms rather
  // than whatever CJK face fontconfig would pick for an unspecified locale.
  if (s.chinese) families << QStringLiteral("Noto Sans CJK TC") << QStringLiteral("Noto Sans TC");
  f.setFamilies(families);
  return f;
}

void applyAll() {
  State& s = state();
  if (!s.captured) captureDefaults();
  QApplication::setFont(adjusted(s.base));
  for (auto it = s.classes.cbegin(); it != s.classes.cend(); ++it) QApplication::setFont(adjusted(it.value()), it.key().constData());
  // The change reaches widgets as posted events; deliver them now so sizes are right at once.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::FontChange);
}

}  // namespace

void captureDefaults() {
  State& s = state();
  if (s.captured) return;
  s.captured = true;
  s.base = QApplication::font();
  for (const char* cls : kClasses) {
    const QFont f = QApplication::font(cls);
    // Only classes the theme gives a font of their own; the others follow the application font.
    if (f != s.base) s.classes.insert(cls, f);
  }
}

void setScale(double scale) {
  state().scale = scale;
  applyAll();
}

void setChinese(bool chinese) {
  state().chinese = chinese;
  applyAll();
}

double scale() { return state().scale; }

}  // namespace appfonts
