// Which language the interface speaks, switched at run time. Installing a translator makes Qt send
// QEvent::LanguageChange to every widget; each widget re-sets its texts in changeEvent().
#pragma once

#include <QString>
#include <QStringList>

namespace language {

// Language codes the app ships: "en" and "zh_TW".
QStringList available();
// The code stored in QSettings, else the best match for the system locale.
QString initial();
// Installs the translators for `code` (the app's own and Qt's), sets QLocale's default and the
// font fallback for Chinese, and remembers the choice in QSettings when `remember` is set.
// Returns false for an unknown code.
bool apply(const QString& code, bool remember = true);
QString current();
// Accepts "zh-TW", "zh_TW", "zh", "en", "en_US", ... and returns a shipped code, or empty.
QString normalize(const QString& code);

}  // namespace language
