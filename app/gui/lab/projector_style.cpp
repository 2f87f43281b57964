#include "projector_style.hpp"

#include <QApplication>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>

#include "app_fonts.hpp"

namespace projector {
namespace {

QPalette g_normal_palette;
bool g_captured = false;
bool g_on = false;

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
        return static_cast<int>(base * kFontScale + 0.5);
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

void apply(bool on) {
  captureDefaults();
  g_on = on;
  appfonts::setScale(on ? kFontScale : 1.0);
  QApplication::setPalette(on ? highContrastPalette() : g_normal_palette);
}

bool isOn() { return g_on; }

}  // namespace projector
