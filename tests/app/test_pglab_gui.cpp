// Lesson 18 in the window: the PostgreSQL lab panel takes the canvas's place, starts a real private
// server (progress bar), shows the SQL and the server's answers and the live pg_prepared_xacts /
// pg_locks tables as the lesson is stepped through; without PostgreSQL it says what to install and
// the lesson (and the rest of the window) still works. Skipped only when PostgreSQL is missing.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlDatabase>
#include <QTableWidget>
#include <QTest>

#include "canvas_view.hpp"
#include "language.hpp"
#include "lab_controller.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "pg_lab_panel.hpp"
#include "pg_server.hpp"
#include "projector_style.hpp"

namespace {

using Status = LessonSession::Status;

QString missingPostgres() {
  if (!cs::pglab::find_pg_binaries().found()) return QStringLiteral("PostgreSQL is not installed: ") + cs::pglab::install_hint();
  if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) return QStringLiteral("no QPSQL driver: ") + cs::pglab::install_hint();
  return {};
}

void settle(LessonSession& s) {
  for (int guard = 0; guard < 1000 && s.controller()->isAnimating(); ++guard) s.skipAnimation();
}

// Answers the current quiz right (the lesson's own answers) so that Next is possible.
void answerRight(LessonSession& s) {
  const cs::LessonStep& step = s.lesson()->steps[static_cast<std::size_t>(s.currentIndex())];
  if (step.kind != cs::StepKind::Quiz) return;
  if (step.quiz.kind == cs::QuizKind::Choice) s.answerChoice(step.quiz.correct);
  if (step.quiz.kind == cs::QuizKind::Predict) {
    s.answerPredict(step.quiz.correct.front());
    s.runToResult();
    settle(s);
  }
}

int rows(PgLabPanel* p, const char* table) { return p->findChild<QTableWidget*>(QLatin1String(table))->rowCount(); }
QString log(PgLabPanel* p) { return p->findChild<QPlainTextEdit*>(QStringLiteral("pgLabSqlLog"))->toPlainText(); }

// The window keeps the 1280x720 it was given (a laptop screen, a classroom projector): a panel whose
// stack of minimum heights is taller makes Qt grow the window past the screen's bottom edge, with
// the transport bar and the status line out of sight. Checked in both languages, on a desk and in
// projector mode (larger type); the language and mode are put back as they were.
void expectFits1280x720(MainWindow& w, const char* when) {
  for (const char* lang : {"en", "zh_TW"}) {
    for (const bool projector : {false, true}) {
      language::apply(QString::fromLatin1(lang), false);
      w.setProjectorMode(projector, false);
      w.resize(1280, 720);
      QApplication::processEvents();
      qInfo("lesson 18, %s, %s%s: the window needs %d of 720 lines", when, lang, projector ? " projector" : "",
            w.minimumSizeHint().height());  // for the record: how much room is left
      EXPECT_LE(w.minimumSizeHint().height(), 720) << when << " " << lang << (projector ? " projector" : " desk");
      EXPECT_EQ(w.size(), QSize(1280, 720)) << when << " " << lang << (projector ? " projector" : " desk");
      auto* panel = w.findChild<PgLabPanel*>();
      ASSERT_NE(panel, nullptr);
      // Every table keeps a header and a row in view.
      for (const char* table : {"pgLabPreparedXacts", "pgLabLocks"}) {
        const auto* t = panel->findChild<QTableWidget*>(QLatin1String(table));
        if (t->isVisible()) {
          EXPECT_GE(t->viewport()->height(), t->fontMetrics().height()) << when << " " << table;
        }
      }
    }
  }
  w.setProjectorMode(false, false);
  language::apply(QStringLiteral("en"), false);
  projector::apply(false);
}

TEST(PgLabWindow, Lesson18StepsThroughTheRealLab) {
  const QString why = missingPostgres();
  if (!why.isEmpty()) {
    std::printf("PgLabWindow: skipped: %s\n", qPrintable(why));
    GTEST_SKIP() << why.toStdString();
  }
  LabController controller;
  MainWindow w(&controller);
  w.resize(1280, 720);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("18-postgresql-lab"), false));
  auto* panel = w.findChild<PgLabPanel*>();
  ASSERT_NE(panel, nullptr) << "lesson 18 shows the PostgreSQL lab panel";
  EXPECT_TRUE(panel->isVisible());
  expectFits1280x720(w, "first step");
  EXPECT_FALSE(w.findChild<CanvasView*>()->isVisible()) << "the lab takes the canvas's place";
  LessonSession& s = *w.lessonSession();
  QStringList seen;  // lab steps observed in the panel
  bool progressShown = false;
  for (int guard = 0; guard < 60 && !s.finished(); ++guard) {
    if (panel->lastDoneStep() != QLatin1String("pool-with-prepare")) {
      EXPECT_FALSE(panel->consoleOpen()) << "guided mode: the lab's own statements only";
      EXPECT_FALSE(panel->findChild<QPlainTextEdit*>(QStringLiteral("pgLabConsoleSql"))->isVisible()) << "the editor comes with free mode";
    }
    settle(s);
    answerRight(s);
    ASSERT_EQ(s.status(), Status::Done) << s.lesson()->steps[static_cast<std::size_t>(s.currentIndex())].id;
    s.next();
    progressShown |= panel->findChild<QProgressBar*>(QStringLiteral("pgLabProgress"))->isVisible();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->busy(); }, 60000)) << "the lab hangs";
    ASSERT_FALSE(panel->failed()) << panel->findChild<QLabel*>(QStringLiteral("pgLabStatus"))->text().toStdString();
    if (s.finished()) break;
    const QString id = QString::fromStdString(s.lesson()->steps[static_cast<std::size_t>(s.currentIndex())].id);
    if (id == QLatin1String("pg-disabled")) {
      EXPECT_TRUE(log(panel).contains(QStringLiteral("prepared transactions are disabled")));
      EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), 0);
      seen << id;
    } else if (id == QLatin1String("pg-prepare")) {
      EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), 2) << "both participants are prepared";
      EXPECT_GE(rows(panel, "pgLabLocks"), 2) << "their locks are listed";
      expectFits1280x720(w, "tables filled");
      seen << id;
    } else if (id == QLatin1String("pg-restart")) {
      EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), 2) << "they survived the restart";
      EXPECT_TRUE(panel->isVisible()) << "back to the lab after the prediction";
      seen << id;
    } else if (id == QLatin1String("pg-blocked-update")) {
      EXPECT_TRUE(log(panel).contains(QStringLiteral("lock timeout")));
      seen << id;
    } else if (id == QLatin1String("pg-commit-prepared")) {
      EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), 0);
      seen << id;
    } else if (id == QLatin1String("predict-survive-restart")) {
      EXPECT_TRUE(w.findChild<CanvasView*>()->isVisible()) << "a prediction about the model shows the canvas";
      EXPECT_FALSE(panel->isVisible());
      seen << id;
    } else if (id == QLatin1String("pg-janitor")) {
      EXPECT_TRUE(log(panel).contains(QStringLiteral("ROLLBACK PREPARED 'tx3:a'")));
      EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), 2) << "the janitor leaves reports-7 and tx5:a";
      seen << id;
    }
  }
  EXPECT_TRUE(s.finished());
  EXPECT_TRUE(progressShown) << "a progress bar while the server starts";
  EXPECT_EQ(panel->lastDoneStep(), QStringLiteral("pool-with-prepare"));
  EXPECT_EQ(seen.size(), 7) << seen.join(QLatin1Char(' ')).toStdString();
  EXPECT_TRUE(panel->findChild<QLabel*>(QStringLiteral("pgLabStatus"))->text().contains(QStringLiteral("PostgreSQL 1")));
  // Free mode: the learner's own statements, one at a time in one session, on the real server.
  ASSERT_TRUE(panel->consoleOpen());
  EXPECT_TRUE(panel->findChild<QPlainTextEdit*>(QStringLiteral("pgLabConsoleSql"))->isVisible());
  expectFits1280x720(w, "free mode, the SQL editor shown");
  auto* sql = panel->findChild<QPlainTextEdit*>(QStringLiteral("pgLabConsoleSql"));
  auto* runButton = panel->findChild<QPushButton*>(QStringLiteral("pgLabConsoleRun"));
  ASSERT_TRUE(sql && runButton);
  EXPECT_TRUE(runButton->isEnabled());
  const auto runSql = [&](const char* statement, bool byKey = false) {
    sql->setPlainText(QString::fromLatin1(statement));
    if (byKey)
      QTest::keyClick(sql, Qt::Key_Return, Qt::ControlModifier);
    else
      QTest::mouseClick(runButton, Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !panel->busy(); }, 30000)) << statement;
    return log(panel).section(QLatin1Char('\n'), -1).trimmed();  // the answer's last line
  };
  const int balance = runSql("SELECT balance FROM account WHERE id = 3").toInt();
  const int before = rows(panel, "pgLabPreparedXacts");
  runSql("BEGIN");
  runSql("UPDATE account SET balance = balance - 7 WHERE id = 3");
  runSql("PREPARE TRANSACTION 'mine'");
  EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), before + 1) << "the learner's prepared transaction is listed";
  EXPECT_TRUE(log(panel).contains(QStringLiteral("participant_a=> PREPARE TRANSACTION 'mine'")));
  EXPECT_EQ(runSql("SELECT balance FROM account WHERE id = 3").toInt(), balance) << "not visible before COMMIT PREPARED";
  runSql("COMMIT PREPARED 'mine'", true);
  EXPECT_EQ(rows(panel, "pgLabPreparedXacts"), before);
  EXPECT_EQ(runSql("SELECT balance FROM account WHERE id = 3").toInt(), balance - 7);
  w.closeLesson();
  EXPECT_EQ(w.findChild<PgLabPanel*>(), nullptr) << "closing the lesson stops the server";
  EXPECT_TRUE(w.findChild<CanvasView*>()->isVisible());
}

TEST(PgLabWindow, WithoutPostgresTheLessonSaysWhatToInstallAndGoesOn) {
  qputenv("COMMITSCOPE_PG_BINDIR", "/nonexistent/postgresql/bin");
  LabController controller;
  MainWindow w(&controller);
  w.resize(1280, 720);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("18-postgresql-lab"), false));
  auto* panel = w.findChild<PgLabPanel*>();
  ASSERT_NE(panel, nullptr);
  LessonSession& s = *w.lessonSession();
  s.next();  // pg-setup: the server should start here
  ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->busy(); }, 20000));
  qunsetenv("COMMITSCOPE_PG_BINDIR");
  EXPECT_TRUE(panel->failed());
  const QString status = panel->findChild<QLabel*>(QStringLiteral("pgLabStatus"))->text();
  EXPECT_TRUE(status.contains(QStringLiteral("sudo apt-get install postgresql libqt6sql6-psql"))) << status.toStdString();
  EXPECT_TRUE(status.contains(QStringLiteral("The rest of CommitScope works")));
  EXPECT_FALSE(panel->findChild<QProgressBar*>(QStringLiteral("pgLabProgress"))->isVisible());
  EXPECT_FALSE(panel->findChild<QTableWidget*>(QStringLiteral("pgLabLocks"))->isVisible()) << "only the message, without a server";
  expectFits1280x720(w, "what to install");
  // The lesson still moves on, and leaving it gives the canvas back.
  EXPECT_TRUE(s.canGoNext());
  s.next();
  EXPECT_EQ(s.currentIndex(), 2);
  w.closeLesson();
  EXPECT_TRUE(w.findChild<CanvasView*>()->isVisible());
}

}  // namespace
