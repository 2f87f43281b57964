// The window against hostile files (issue 14): a FIFO, a device, a directory or a file over the size
// limit given as a scenario or lesson is refused with a message naming it, and the lab keeps its run.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "gui_test_support.hpp"
#include "input_file.hpp"
#include "lab_controller.hpp"
#include "lesson_browser.hpp"
#include "lesson_library.hpp"
#include "main_window.hpp"

using guitest::scenarioPath;

namespace {

// A FIFO with a writer waiting on it, so that even a reader that opens it (as the old code did)
// cannot hang the test: it reads an empty file instead. The writer is released at the end.
class WaitingFifo {
 public:
  explicit WaitingFifo(const QString& path) : path_(QFile::encodeName(path)) {
    ok_ = ::mkfifo(path_.constData(), 0600) == 0;
    if (ok_) writer_ = std::thread([p = path_] {
      const int fd = ::open(p.constData(), O_WRONLY);  // blocks until someone opens it for reading
      if (fd >= 0) ::close(fd);
    });
  }
  ~WaitingFifo() {
    if (!ok_) return;
    const int fd = ::open(path_.constData(), O_RDONLY | O_NONBLOCK);  // lets a still-waiting writer go
    writer_.join();
    if (fd >= 0) ::close(fd);
  }
  bool ok() const { return ok_; }

 private:
  QByteArray path_;
  bool ok_ = false;
  std::thread writer_;
};

QString makeOverLimitFile(const QTemporaryDir& dir, const char* name) {
  const QString path = dir.filePath(QString::fromLatin1(name));
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  EXPECT_TRUE(f.resize(commitscope::kMaxInputFileBytes + 1));  // sparse
  return path;
}

TEST(GuiInput, OpeningSpecialOrHugeFilesKeepsTheRunAndSaysWhy) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  const QString before = controller.traceSha256();

  const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
  const QString big = makeOverLimitFile(dir, "big.json");
  struct Case {
    QString path;
    QString words;
  };
  WaitingFifo writer(fifo);
  ASSERT_TRUE(writer.ok());
  for (const Case& c : {Case{fifo, fifo + QStringLiteral(": is a named pipe (FIFO)")},
                        Case{QStringLiteral("/dev/zero"), QStringLiteral("/dev/zero: is a device")},
                        Case{dir.path(), dir.path() + QStringLiteral(": is a directory")},
                        Case{big, big + QStringLiteral(": the file is 67108865 bytes, more than the limit of 67108864 bytes (64 MiB)")}}) {
    QString error;
    EXPECT_FALSE(w.openFile(c.path, false, &error)) << c.path.toStdString();
    EXPECT_TRUE(error.contains(c.words)) << error.toStdString();
    EXPECT_EQ(controller.traceSha256(), before);
  }
}

TEST(GuiInput, LessonBrowserListsAnOversizedLessonAsUnavailable) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  ASSERT_TRUE(QFile::copy(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/lessons/07-two-phase-commit.json"),
                          dir.filePath(QStringLiteral("07-two-phase-commit.json"))));
  makeOverLimitFile(dir, "98-huge.json");
  LessonLibrary library;
  library.load(dir.path());
  ASSERT_EQ(library.entries().size(), 2u);
  const LessonEntry* huge = library.find(QStringLiteral("98-huge"));
  ASSERT_NE(huge, nullptr);
  EXPECT_FALSE(huge->available());
  ASSERT_FALSE(huge->problems.isEmpty());
  EXPECT_TRUE(huge->problems.front().contains(QStringLiteral("98-huge.json: the file is 67108865 bytes")))
      << huge->problems.front().toStdString();
  EXPECT_TRUE(library.find(QStringLiteral("07-two-phase-commit"))->available());

  LabController controller;
  MainWindow w(&controller);
  w.setLessonDirectory(dir.path());
  LessonBrowser browser(&w.lessons(), w.progress(), false, &w);
  browser.select(QStringLiteral("98-huge"));
  EXPECT_TRUE(browser.list()->currentItem()->text(LessonBrowser::Title).contains(QStringLiteral("unavailable")));
  EXPECT_FALSE(browser.startButton()->isEnabled());
}

TEST(GuiInput, ALessonFromAFifoOrADeviceIsRefused) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  LabController controller;
  MainWindow w(&controller);
  const QString before = controller.traceSha256();
  const QString fifo = dir.filePath(QStringLiteral("lesson.json"));
  WaitingFifo writer(fifo);
  ASSERT_TRUE(writer.ok());
  QString error;
  EXPECT_FALSE(w.startLesson(fifo, false, &error));
  EXPECT_TRUE(error.contains(QStringLiteral(": is a named pipe (FIFO)"))) << error.toStdString();
  error.clear();
  EXPECT_FALSE(w.startLesson(QStringLiteral("/dev/zero"), false, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("/dev/zero: is a device"))) << error.toStdString();
  EXPECT_FALSE(w.lessonPanelVisible());
  EXPECT_EQ(controller.traceSha256(), before);
}

}  // namespace
