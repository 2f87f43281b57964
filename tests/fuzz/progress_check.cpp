#include "progress_check.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

#include "progress_store.hpp"

namespace cs::fuzz {
namespace {

using commitscope::ProgressStore;

const char* name(ProgressStore::Status s) {
  switch (s) {
    case ProgressStore::Status::Closed: return "Closed";
    case ProgressStore::Status::Ok: return "Ok";
    case ProgressStore::Status::Recovered: return "Recovered";
    case ProgressStore::Status::InMemory: return "InMemory";
    case ProgressStore::Status::Failed: return "Failed";
  }
  return "?";
}

// One temporary folder for the whole fuzzing process; each input gets a fresh profile inside it.
const QTemporaryDir& scratch() {
  static const auto dir = std::make_unique<QTemporaryDir>();
  return *dir;
}

}  // namespace

std::string check_progress_input(std::string_view bytes) {
  if (!scratch().isValid()) return "no temporary folder";
  const QString profile = scratch().filePath(QStringLiteral("profile"));
  QDir(profile).removeRecursively();
  if (!QDir().mkpath(profile)) return "cannot create the profile folder";
  {
    QFile f(QDir(profile).filePath(QString::fromLatin1(ProgressStore::kFileName)));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), static_cast<qint64>(bytes.size())) != qint64(bytes.size()))
      return "cannot write the progress file";
  }
  const QString lesson = QStringLiteral("fuzz-lesson");
  const auto at = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
  bool saved = false;
  {
    ProgressStore store;
    if (!store.open(profile) || !store.isUsable())
      return std::string("the store is not usable after open: ") + name(store.status()) + ": " +
             store.lastMessage().toStdString();
    saved = store.recordAnswer(lesson, QStringLiteral("q1"), QStringLiteral("A"), true, 12.5, at);
    if (!saved && store.lastMessage().isEmpty()) return "an answer was not saved and nothing says so";
    (void)store.lessonSummary(lesson);
    (void)store.allSummaries();
    if (store.isInMemory()) return {};  // nothing on disk to reopen
  }
  ProgressStore again;
  if (!again.open(profile) || !again.isUsable())
    return std::string("the store is not usable at the second open: ") + name(again.status()) + ": " +
           again.lastMessage().toStdString();
  if (saved && again.status() != ProgressStore::Status::Ok)
    return std::string("the file the store itself wrote is not accepted at the second open: ") + name(again.status()) +
           ": " + again.lastMessage().toStdString();
  if (saved) {
    bool found = false;
    for (const auto& a : again.answers(lesson)) found = found || (a.stepId == QStringLiteral("q1") && a.answer == QStringLiteral("A"));
    if (!found) return "an answer reported saved is gone after the store was reopened";
  }
  return {};
}

}  // namespace cs::fuzz
