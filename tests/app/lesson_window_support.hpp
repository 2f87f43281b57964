// A shown laboratory window with its controller, optionally on a lesson: the set-up most window
// tests of lessons begin with.
#pragma once

#include <gtest/gtest.h>

#include <QSize>
#include <QString>
#include <QTest>

#include "lab_controller.hpp"
#include "main_window.hpp"

namespace guitest {

struct ShownWindow {
  LabController controller;
  MainWindow w{&controller};
  // Shows the window at `size`, waits until it is exposed and, when `lesson` is given, starts it
  // (a failure is reported by the test that made the window).
  explicit ShownWindow(const char* lesson = nullptr, QSize size = QSize(1400, 900)) {
    w.resize(size);
    w.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
    if (lesson) {
      EXPECT_TRUE(w.startLesson(QString::fromLatin1(lesson), false)) << lesson;
    }
  }
};

}  // namespace guitest
