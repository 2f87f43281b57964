// Where the app's data is read from. The lessons, example scenarios and translations are built into
// the program; an installed copy (`cmake --install`: <prefix>/share/commitscope/...) is found from the
// executable's own place (<prefix>/bin), whatever the working directory, and is read instead, so that
// the installed files are the ones the app shows. Run from the build tree, there is none.
#pragma once

#include <QString>

namespace datapaths {

// <prefix>/share/commitscope of the installed executable, or empty when it has none.
QString installedDataDir();
// The lessons, the examples and the .qm translations: the installed folder, else the built-in one.
QString lessonsDir();
QString scenariosDir();
QString translationsDir();

}  // namespace datapaths
