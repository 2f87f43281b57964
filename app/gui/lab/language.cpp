#include "language.hpp"

#include "data_paths.hpp"

#include <QApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include "app_fonts.hpp"

namespace language {
namespace {

// The translators live as long as the application; replaced, never stacked.
QTranslator* g_app = nullptr;
QTranslator* g_qt = nullptr;
QString g_current;

constexpr auto kSettingsKey = "ui/language";

void removeTranslators() {
  for (QTranslator** t : {&g_app, &g_qt}) {
    if (*t) {
      QCoreApplication::removeTranslator(*t);
      delete *t;
      *t = nullptr;
    }
  }
}


}  // namespace

QStringList available() { return {QStringLiteral("en"), QStringLiteral("zh_TW")}; }

QString normalize(const QString& code) {
  const QString c = code.trimmed().replace(QLatin1Char('-'), QLatin1Char('_')).toLower();
  if (c.startsWith(QLatin1String("zh"))) return QStringLiteral("zh_TW");
  if (c.startsWith(QLatin1String("en")) || c == QLatin1String("c")) return QStringLiteral("en");
  return {};
}

QString initial() {
  const QString stored = normalize(QSettings().value(kSettingsKey).toString());
  if (!stored.isEmpty()) return stored;
  // Any Chinese system locale gets Traditional Chinese, the only Chinese the app ships.
  return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_TW") : QStringLiteral("en");
}

QString current() { return g_current; }

bool apply(const QString& requested, bool remember) {
  const QString code = normalize(requested);
  if (code.isEmpty()) return false;
  removeTranslators();
  // Set before the LanguageChange events go out: views that pick data text by language (lessons)
  // ask current() while they re-translate.
  g_current = code;
  const QLocale locale(code == QLatin1String("zh_TW") ? QStringLiteral("zh_TW") : QStringLiteral("en_US"));
  QLocale::setDefault(locale);
  g_app = new QTranslator;
  if (g_app->load(locale, QStringLiteral("commitscope"), QStringLiteral("_"), datapaths::translationsDir()))
    QCoreApplication::installTranslator(g_app);
  // Qt's own strings (standard dialog buttons, context menus of line edits).
  g_qt = new QTranslator;
  if (code != QLatin1String("en") &&
      g_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(g_qt);
  appfonts::setChinese(code == QLatin1String("zh_TW"));
  // Qt posts LanguageChange to the windows; deliver it now so that the switch is complete when this
  // returns (menus, tests and the screenshot mode rely on that).
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  if (remember) QSettings().setValue(kSettingsKey, code);
  return true;
}

}  // namespace language
