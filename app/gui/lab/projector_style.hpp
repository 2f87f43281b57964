// Projector mode for the application as a whole: a larger application font and a high-contrast
// palette. The views draw their own scene and are told separately (setProjectorMode).
#pragma once

class QStyle;

namespace projector {

// Font scale in projector mode. The issue asks for at least 1.6x; 1.7x reads from the back row.
constexpr double kFontScale = 1.7;

// Remembers the normal font and palette (call once, after QApplication exists).
void captureDefaults();
void apply(bool on);
bool isOn();

// The application's style: Fusion (it looks the same on every desktop and offscreen, so screenshots
// match what users see) whose check boxes, radio buttons, sliders, scroll bars and small icons grow
// with the font in projector mode; Fusion sizes them in pixels, so a 1.7x font would otherwise sit
// beside a check box too small to see from the back row.
QStyle* createStyle();

}  // namespace projector
