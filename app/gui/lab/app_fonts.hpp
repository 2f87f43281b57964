// The application's fonts, from two independent choices: the scale (projector mode) and the
// language (Chinese needs the Traditional Chinese CJK face first in the fallback list).
//
// Some widget classes (menu bar, menus, tooltips, ...) get their own font from the platform theme,
// which QApplication::setFont(font) alone does not override: those are scaled one by one.
#pragma once

namespace appfonts {

void captureDefaults();  // once, after QApplication exists
void setScale(double scale);
void setChinese(bool chinese);
double scale();

}  // namespace appfonts
