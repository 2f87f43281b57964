// The lessons the app offers: every *.json lesson file of a folder (the embedded :/lessons by
// default), each either loaded and ready to play or unavailable with the loader's message. A broken
// file never stops the others from loading, and the app keeps running whatever the folder holds.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "scenario/lesson.hpp"

struct LessonEntry {
  QString path;    // where it was read from (":/lessons/07-two-phase-commit.json")
  QString fileName;
  QString id;      // from the lesson, else the file name without .json
  std::optional<cs::Lesson> lesson;  // set when it loaded without any problem
  QString titleEn;  // best effort for a broken file, so the list can still name it
  QString titleZh;
  QStringList problems;  // "file:line:col: path: message", first one shown in the list

  bool available() const { return lesson.has_value(); }
  QString title(const QString& uiLanguage) const;  // uiLanguage: "en" / "zh_TW"
};

class LessonLibrary {
 public:
  // The installed lessons when the app is installed, else the built-in ones (data_paths.hpp).
  static QString defaultDirectory();

  // Reads every *.json in `directory`, sorted by file name (lesson files start with their number).
  // At most kMaxLessons files are read; the rest are reported as one problem entry.
  void load(const QString& directory = defaultDirectory());
  static constexpr int kMaxLessons = 500;

  const std::vector<LessonEntry>& entries() const { return entries_; }
  const LessonEntry* find(const QString& id) const;
  QString directory() const { return dir_; }

  // Reads a single lesson file (File > Open lesson…, --lesson FILE).
  static LessonEntry loadFile(const QString& path);

 private:
  QString dir_;
  std::vector<LessonEntry> entries_;
};

// "zh-TW" or "en": the lesson text key for the interface language.
std::string lessonLanguageKey();
// Lesson markup (paragraphs split by a blank line, **bold**, `code`) as HTML for Qt's rich text.
QString lessonHtml(const std::string& text);
// The lesson text in the interface language, as HTML.
QString lessonHtml(const cs::LocalizedText& text);
// Plain text in the interface language (markup removed), for lists and tooltips.
QString lessonPlain(const cs::LocalizedText& text);
// When an attempt was made, for the browser and the progress view. A fixed numeric form: Qt 6.4's
// short zh_TW format contains a day-period field ("B") that it prints literally.
QString attemptTimeText(const QDateTime& utc);
// A lesson topic key ("atomic-commit") as translated text.
QString lessonTopicName(const QString& key);
