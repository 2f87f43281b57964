// Lesson 18's window panel: the SQL the PostgreSQL lab runs and the server's answers, and the live
// pg_prepared_xacts and pg_locks tables after every step; a progress bar while the private server
// starts, and what to install when it cannot start (the rest of the window is unaffected).
#pragma once

#include <QWidget>

#include "pg_session.hpp"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QProgressBar;
class QTableWidget;
class QThread;
class PgLabWorker;

class PgLabPanel final : public QWidget {
  Q_OBJECT

 public:
  // The lesson that shows this panel; its steps named "pg-<lab step>" run the lab to that step.
  static constexpr const char* kLessonId = "18-postgresql-lab";

  explicit PgLabPanel(QWidget* parent = nullptr);
  ~PgLabPanel() override;

  // Runs the lab up to and including this step (cs::pglab::PgLab::step_ids()); steps already run
  // are not repeated. Starts the server the first time.
  void runThrough(const QString& step);
  bool busy() const { return pending_ > 0; }
  bool failed() const { return failed_; }
  QString lastDoneStep() const { return lastDone_; }
  // Free mode: once every step of the lab has run, the learner types SQL for a participant's
  // database (Run, or Ctrl+Enter) and sees the server's answer and the live tables.
  bool consoleOpen() const;
  void runConsole();

 signals:
  void idle();  // every requested step has run (or the lab failed)

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void retranslate();
  void onProgress(const QString& stage, int percent);
  void onReady(const QString& version);
  void onFailed(const QString& message);
  void onAnswer(const QString& step, const cs::pglab::SqlAnswer& answer);
  void onTables(const cs::pglab::SqlAnswer& xacts, const cs::pglab::SqlAnswer& locks);
  static void fill(QTableWidget* table, const cs::pglab::SqlAnswer& rows);
  QWidget* buildConsole();
  void updateConsole();
  void fitMinimumHeights();

  QLabel* status_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* logTitle_ = nullptr;
  QPlainTextEdit* log_ = nullptr;
  QWidget* console_ = nullptr;          // the title and, in free mode, the controls below it
  QWidget* consoleControls_ = nullptr;  // the SQL editor, the database and Run: shown in free mode
  QLabel* consoleTitle_ = nullptr;
  QComboBox* consoleDb_ = nullptr;
  QPlainTextEdit* consoleSql_ = nullptr;
  QPushButton* consoleRun_ = nullptr;
  QLabel* xactsTitle_ = nullptr;
  QTableWidget* xacts_ = nullptr;
  QLabel* locksTitle_ = nullptr;
  QTableWidget* locks_ = nullptr;
  QThread* thread_ = nullptr;
  PgLabWorker* worker_ = nullptr;
  QString version_;
  QString error_;
  QString lastDone_;
  int pending_ = 0;
  bool failed_ = false;
};
