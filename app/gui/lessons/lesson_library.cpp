#include "lesson_library.hpp"

#include "data_paths.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "input_file.hpp"
#include "language.hpp"
#include "ui_labels.hpp"

QString LessonEntry::title(const QString& uiLanguage) const {
  const bool zh = uiLanguage.startsWith(QLatin1String("zh"));
  if (lesson) return QString::fromStdString(lesson->title.in(zh ? "zh-TW" : "en"));
  const QString t = zh ? titleZh : titleEn;
  if (!t.isEmpty()) return t;
  return zh ? titleEn : titleZh.isEmpty() ? id : titleZh;
}

LessonEntry LessonLibrary::loadFile(const QString& path) {
  LessonEntry e;
  e.path = path;
  e.fileName = QFileInfo(path).fileName();
  e.id = QFileInfo(path).completeBaseName();
  // Regular files up to the size limit only (input_file.hpp); a refused file is listed as unavailable.
  const commitscope::InputFile in = commitscope::readInputFile(path);
  if (!in.ok()) {
    e.problems << in.error;
    return e;
  }
  const QByteArray& bytes = in.bytes;
  // The loader reports file:line:col itself; it gets the bare file name, like the CLI prints it.
  cs::LessonLoadResult r =
      cs::load_lesson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), e.fileName.toStdString());
  if (r.lesson) {
    e.id = QString::fromStdString(r.lesson->id);
    e.lesson = std::move(*r.lesson);
    return e;
  }
  for (const auto& d : r.diagnostics) e.problems << QString::fromStdString(d.to_string());
  if (e.problems.isEmpty())
    e.problems << QCoreApplication::translate("LessonLibrary", "%1: the lesson could not be loaded").arg(e.fileName);
  // A broken lesson still gets a name in the list when its title can be read at all.
  const QJsonDocument doc = QJsonDocument::fromJson(bytes);
  if (doc.isObject()) {
    const QJsonObject title = doc.object().value(QLatin1String("title")).toObject();
    e.titleEn = title.value(QLatin1String("en")).toString();
    e.titleZh = title.value(QLatin1String("zh-TW")).toString();
    const QString id = doc.object().value(QLatin1String("id")).toString();
    if (!id.isEmpty()) e.id = id;
  }
  return e;
}

void LessonLibrary::load(const QString& directory) {
  dir_ = directory;
  entries_.clear();
  const QStringList files = QDir(directory).entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
  for (int i = 0; i < files.size(); ++i) {
    if (i == kMaxLessons) {
      LessonEntry over;
      over.fileName = files[i];
      over.id = QFileInfo(files[i]).completeBaseName();
      over.problems << QCoreApplication::translate("LessonLibrary", "%1: more than %2 lesson files; the rest are not read")
                           .arg(directory).arg(kMaxLessons);
      entries_.push_back(std::move(over));
      break;
    }
    entries_.push_back(loadFile(QDir(directory).filePath(files[i])));
  }
}

const LessonEntry* LessonLibrary::find(const QString& id) const {
  for (const auto& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

std::string lessonLanguageKey() { return language::current().startsWith(QLatin1String("zh")) ? "zh-TW" : "en"; }

QString lessonHtml(const std::string& text) {
  static const QRegularExpression bold(QStringLiteral("\\*\\*(.+?)\\*\\*"));
  static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
  QStringList paragraphs;
  for (const QString& para : QString::fromStdString(text).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
    QString h = uilabels::substitute(para.trimmed().toHtmlEscaped(), true);
    h.replace(bold, QStringLiteral("<b>\\1</b>"));
    h.replace(code, QStringLiteral("<code>\\1</code>"));
    h.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    paragraphs << QStringLiteral("<p>%1</p>").arg(h);
  }
  return paragraphs.join(QString());
}

QString lessonHtml(const cs::LocalizedText& text) { return lessonHtml(text.in(lessonLanguageKey())); }

QString lessonPlain(const cs::LocalizedText& text) {
  QString s = uilabels::substitute(QString::fromStdString(text.in(lessonLanguageKey())), false);
  s.remove(QStringLiteral("**"));
  s.remove(QLatin1Char('`'));
  s.replace(QStringLiteral("\n\n"), QStringLiteral(" "));
  return s.simplified();
}

QString attemptTimeText(const QDateTime& utc) {
  return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString lessonTopicName(const QString& key) {
  struct Topic {
    const char* key;
    const char* name;
  };
  static const Topic kTopics[] = {
      {"foundations", QT_TRANSLATE_NOOP("LessonTopic", "Foundations")},
      {"cap", QT_TRANSLATE_NOOP("LessonTopic", "CAP and PACELC")},
      {"clocks", QT_TRANSLATE_NOOP("LessonTopic", "Time and clocks")},
      {"replication", QT_TRANSLATE_NOOP("LessonTopic", "Replication")},
      {"distributed-transactions", QT_TRANSLATE_NOOP("LessonTopic", "Distributed transactions")},
      {"atomic-commit", QT_TRANSLATE_NOOP("LessonTopic", "Atomic commit")},
      {"sagas", QT_TRANSLATE_NOOP("LessonTopic", "Sagas")},
      {"reservations", QT_TRANSLATE_NOOP("LessonTopic", "Reservations (TCC)")},
      {"messaging", QT_TRANSLATE_NOOP("LessonTopic", "Reliable messaging")},
      {"patterns", QT_TRANSLATE_NOOP("LessonTopic", "Choosing a pattern")},
  };
  for (const auto& t : kTopics)
    if (key == QLatin1String(t.key)) return QCoreApplication::translate("LessonTopic", t.name);
  return key;  // a topic a lesson author invented: shown as written
}

QString LessonLibrary::defaultDirectory() { return datapaths::lessonsDir(); }
