// Projector mode for the application as a whole: a larger application font and a high-contrast
// palette. The views draw their own scene and are told separately (setProjectorMode).
#pragma once

namespace projector {

// Font scale in projector mode. The issue asks for at least 1.6x; 1.7x reads from the back row.
constexpr double kFontScale = 1.7;

// Remembers the normal font and palette (call once, after QApplication exists).
void captureDefaults();
void apply(bool on);
bool isOn();

}  // namespace projector
