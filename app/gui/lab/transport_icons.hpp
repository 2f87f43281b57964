// The timeline's transport icons (restart, step back, play, pause, step forward, re-roll) drawn as vector
// shapes at whatever size the button asks for. The style's own media icons are 16 and 32 px
// bitmaps, which stop growing at 32 px: on a 1920x1080 projector the buttons grew and the icons
// inside them did not.
#pragma once

#include <QIcon>

namespace transport {

enum class Glyph { Restart, StepBack, Play, Pause, StepForward, Reroll };

QIcon icon(Glyph glyph);

}  // namespace transport
