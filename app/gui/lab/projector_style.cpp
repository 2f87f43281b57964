#include "projector_style.hpp"

#include <QApplication>
#include <algorithm>
#include <cmath>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>

#include "app_fonts.hpp"

namespace projector {
namespace {

QPalette g_normal_palette;
bool g_captured = false;
bool g_on = false;
double g_factor = 1.0;

// Black on white: on a washed-out classroom projector dark-on-light keeps its contrast, while
// light-on-dark loses the dark background to ambient light.
QPalette highContrastPalette() {
  QPalette p;
  const QColor paper(Qt::white), ink(Qt::black), accent(0x00, 0x3d, 0xa5), line(0x30, 0x30, 0x30);
  p.setColor(QPalette::Window, paper);
  p.setColor(QPalette::WindowText, ink);
  p.setColor(QPalette::Base, paper);
  p.setColor(QPalette::AlternateBase, QColor(0xee, 0xee, 0xee));
  p.setColor(QPalette::Text, ink);
  p.setColor(QPalette::PlaceholderText, line);
  p.setColor(QPalette::Button, QColor(0xe6, 0xe6, 0xe6));
  p.setColor(QPalette::ButtonText, ink);
  p.setColor(QPalette::BrightText, Qt::white);
  p.setColor(QPalette::Highlight, accent);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::ToolTipBase, paper);
  p.setColor(QPalette::ToolTipText, ink);
  p.setColor(QPalette::Link, accent);
  p.setColor(QPalette::Light, Qt::white);
  p.setColor(QPalette::Midlight, QColor(0xd0, 0xd0, 0xd0));
  p.setColor(QPalette::Mid, QColor(0x80, 0x80, 0x80));
  p.setColor(QPalette::Dark, line);
  p.setColor(QPalette::Shadow, ink);
  p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x70, 0x70));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x70, 0x70));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x70, 0x70));
  return p;
}

class ProjectorAwareStyle final : public QProxyStyle {
 public:
  ProjectorAwareStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

  int pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const override {
    const int base = QProxyStyle::pixelMetric(metric, option, widget);
    if (!g_on) return base;
    switch (metric) {
      case PM_IndicatorWidth:
      case PM_IndicatorHeight:
      case PM_ExclusiveIndicatorWidth:
      case PM_ExclusiveIndicatorHeight:
      case PM_CheckBoxLabelSpacing:
      case PM_RadioButtonLabelSpacing:
      case PM_ScrollBarExtent:
      case PM_SliderThickness:
      case PM_SliderLength:
      case PM_SliderControlThickness:
      case PM_SmallIconSize:
      case PM_ButtonIconSize:
      case PM_ToolBarIconSize:
      case PM_ListViewIconSize:
        return static_cast<int>(base * kFontScale * g_factor + 0.5);
      default:
        return base;
    }
  }
};

}  // namespace

QStyle* createStyle() { return new ProjectorAwareStyle; }

void captureDefaults() {
  if (g_captured) return;
  g_captured = true;
  appfonts::captureDefaults();
  g_normal_palette = QApplication::palette();
}

double sizeFactor(int windowHeight) {
  const double raw = static_cast<double>(windowHeight) / 720.0;
  return std::clamp(std::floor(raw * 8.0) / 8.0, 1.0, 2.0);
}

void apply(bool on, double factor) {
  captureDefaults();
  g_on = on;
  g_factor = on ? factor : 1.0;
  appfonts::setScale(on ? kFontScale * g_factor : 1.0);
  QApplication::setPalette(on ? highContrastPalette() : g_normal_palette);
}

bool isOn() { return g_on; }
double factor() { return g_factor; }

}  // namespace projector
