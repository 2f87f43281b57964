// Projector mode for the application as a whole: a larger application font and a high-contrast
// palette. The views draw their own scene and are told separately (setProjectorMode).
#pragma once

class QStyle;

namespace projector {

// Font scale in projector mode. The issue asks for at least 1.6x; 1.7x reads from the back row.
constexpr double kFontScale = 1.7;

// A projector shows 1280x720 and 1920x1080 at the same physical size, so text sized in pixels for
// 720 lines is two thirds as tall from the back row at 1080. In projector mode the type therefore
// grows with the window's height (the window is the whole screen there): 1 up to 720 logical
// pixels, then in steps of 1/8 (so a few pixels of resizing do not re-lay out the window), 1.5 at
// 1080, at most 2. HiDPI screens are already scaled by Qt (logical pixels), so a 4K projector at
// 200 % counts as 1080 lines.
double sizeFactor(int windowHeight);

// Remembers the normal font and palette (call once, after QApplication exists).
void captureDefaults();
// `factor` is sizeFactor() of the projector window; it multiplies kFontScale (ignored when off).
void apply(bool on, double factor = 1.0);
bool isOn();
double factor();  // the current sizeFactor (1 when projector mode is off)

// The application's style: Fusion (it looks the same on every desktop and offscreen, so screenshots
// match what users see) whose check boxes, radio buttons, sliders, scroll bars and small icons grow
// with the font in projector mode; Fusion sizes them in pixels, so a 1.7x font would otherwise sit
// beside a check box too small to see from the back row.
QStyle* createStyle();

}  // namespace projector
