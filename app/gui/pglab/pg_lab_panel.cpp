#include "pg_lab_panel.hpp"

#include <algorithm>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include "pg_lab.hpp"
#include "pg_lab_worker.hpp"

PgLabPanel::PgLabPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("pgLabPanel"));
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("pgLabStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("pgLabProgress"));
  progress_->setRange(0, 100);
  progress_->hide();
  logTitle_ = new QLabel(this);
  log_ = new QPlainTextEdit(this);
  log_->setObjectName(QStringLiteral("pgLabSqlLog"));
  log_->setReadOnly(true);
  log_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  xactsTitle_ = new QLabel(QStringLiteral("pg_prepared_xacts"), this);
  xacts_ = new QTableWidget(this);
  xacts_->setObjectName(QStringLiteral("pgLabPreparedXacts"));
  locksTitle_ = new QLabel(QStringLiteral("pg_locks"), this);
  locks_ = new QTableWidget(this);
  locks_->setObjectName(QStringLiteral("pgLabLocks"));
  for (QTableWidget* t : {xacts_, locks_}) {
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->setSpacing(4);
  layout->addWidget(status_);
  layout->addWidget(progress_);
  layout->addWidget(logTitle_);
  layout->addWidget(log_, 2);
  console_ = buildConsole();
  layout->addWidget(console_);
  layout->addWidget(xactsTitle_);
  layout->addWidget(xacts_, 1);
  layout->addWidget(locksTitle_);
  layout->addWidget(locks_, 2);

  thread_ = new QThread(this);
  worker_ = new PgLabWorker;
  worker_->moveToThread(thread_);
  connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &PgLabWorker::progress, this, &PgLabPanel::onProgress);
  connect(worker_, &PgLabWorker::ready, this, &PgLabPanel::onReady);
  connect(worker_, &PgLabWorker::failed, this, &PgLabPanel::onFailed);
  connect(worker_, &PgLabWorker::answer, this, &PgLabPanel::onAnswer);
  connect(worker_, &PgLabWorker::tables, this, &PgLabPanel::onTables);
  connect(worker_, &PgLabWorker::stepDone, this, [this](const QString& step) {
    lastDone_ = step;
    updateConsole();
  });
  thread_->start();
  retranslate();
  fitMinimumHeights();
}

PgLabPanel::~PgLabPanel() {
  // The server is stopped and its cluster removed in the worker's thread, where it was made.
  QMetaObject::invokeMethod(worker_, &PgLabWorker::shutdown, Qt::BlockingQueuedConnection);
  thread_->quit();
  thread_->wait();
}

QWidget* PgLabPanel::buildConsole() {
  auto* box = new QWidget(this);
  consoleTitle_ = new QLabel(box);
  consoleTitle_->setObjectName(QStringLiteral("pgLabConsoleTitle"));
  consoleTitle_->setWordWrap(true);
  consoleDb_ = new QComboBox(box);
  consoleDb_->setObjectName(QStringLiteral("pgLabConsoleDatabase"));
  consoleDb_->addItems(cs::pglab::PgLab::console_databases());
  consoleSql_ = new QPlainTextEdit(box);
  consoleSql_->setObjectName(QStringLiteral("pgLabConsoleSql"));

  consoleRun_ = new QPushButton(box);
  consoleRun_->setObjectName(QStringLiteral("pgLabConsoleRun"));
  connect(consoleRun_, &QPushButton::clicked, this, &PgLabPanel::runConsole);
  consoleSql_->installEventFilter(this);  // Ctrl+Enter runs the statement
  // The database and Run stand beside the editor, not under it: a row less for a window that also
  // shows the SQL log, two tables and perhaps the metrics chart in 720 lines.
  consoleControls_ = new QWidget(box);
  auto* buttons = new QVBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addWidget(consoleDb_);
  buttons->addWidget(consoleRun_);
  buttons->addStretch(1);
  auto* controls = new QHBoxLayout(consoleControls_);
  controls->setContentsMargins(0, 0, 0, 0);
  controls->addWidget(consoleSql_, 1);
  controls->addLayout(buttons);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(consoleTitle_);
  layout->addWidget(consoleControls_);
  updateConsole();
  return box;
}

bool PgLabPanel::consoleOpen() const {
  return !failed_ && pending_ == 0 && lastDone_ == cs::pglab::PgLab::step_ids().constLast();
}

// Guided mode shows the lab's own statements; the console opens when they are all done, so that
// a learner's statement cannot undo what a later step of the lesson relies on.
void PgLabPanel::updateConsole() {
  const bool open = consoleOpen();
  for (QWidget* w : std::initializer_list<QWidget*>{consoleDb_, consoleSql_, consoleRun_}) w->setEnabled(open);
  // Until free mode the editor could only be looked at, and on a 1280x720 projector its ~150 px are
  // what the SQL log and the two tables need: the title line says when it comes.
  consoleControls_->setVisible(open);
  consoleTitle_->setText(open ? tr("Free mode: your own SQL for a participant's database (Ctrl+Enter runs it).")
                              : tr("Your own SQL: available in free mode, once the lab's steps are done."));
  // What to try stands where it is typed, and leaves the title one line on a projector.
  consoleSql_->setPlaceholderText(
      tr("Try BEGIN, an UPDATE of account, PREPARE TRANSACTION 'mine', then COMMIT PREPARED 'mine'"));
}

void PgLabPanel::runConsole() {
  const QString sql = consoleSql_->toPlainText().trimmed();
  if (!consoleOpen() || sql.isEmpty()) return;
  ++pending_;
  updateConsole();
  QMetaObject::invokeMethod(
      worker_, [w = worker_, db = consoleDb_->currentText(), sql] { w->runSql(db, sql); }, Qt::QueuedConnection);
}

void PgLabPanel::runThrough(const QString& step) {
  if (failed_) return;
  ++pending_;
  updateConsole();
  if (version_.isEmpty()) {
    progress_->show();
    retranslate();
  }
  QMetaObject::invokeMethod(worker_, [w = worker_, step] { w->runThrough(step); }, Qt::QueuedConnection);
}

bool PgLabPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == consoleSql_ && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers().testFlag(Qt::ControlModifier)) {
      runConsole();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

void PgLabPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) fitMinimumHeights();
  QWidget::changeEvent(event);
}

// The log and the tables scroll, so each needs only a few lines to be usable; left to Qt's own
// minimums (a scroll bar's length each) the panel's stack asked ~800 px of a window, and a
// 1280x720 projector or laptop screen grew the window past its bottom edge. Their stretch shares
// out whatever height there is; these are only floors, in lines of the type now in use.
void PgLabPanel::fitMinimumHeights() {
  const auto lines = [](const QWidget* w, double n) { return static_cast<int>(n * w->fontMetrics().lineSpacing()) + 2 * 3; };
  // The SQL is in a fixed-pitch face at the panel's size (the system's fixed font keeps the desktop
  // size, too small at the back of a room once projector mode enlarges the rest).
  QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  if (font().pixelSize() > 0) fixed.setPixelSize(std::max(1, font().pixelSize() * 9 / 10));
  else fixed.setPointSizeF(font().pointSizeF() * 0.9);
  for (QWidget* w : std::initializer_list<QWidget*>{log_, consoleSql_}) w->setFont(fixed);
  log_->setMinimumHeight(lines(log_, 2.5));
  consoleSql_->setFixedHeight(lines(consoleSql_, 2));  // a statement or two; it scrolls beyond
  for (QTableWidget* t : {xacts_, locks_}) {
    t->setMinimumHeight(lines(t, 1.2) + t->horizontalHeader()->sizeHint().height() +
                        t->horizontalScrollBar()->sizeHint().height());
  }
}

void PgLabPanel::retranslate() {
  logTitle_->setText(tr("SQL sent to the server, and its answers"));
  consoleRun_->setText(tr("Run"));
  updateConsole();
  if (failed_) {
    status_->setText(tr("PostgreSQL could not be started, so this lesson's lab cannot run. The rest of CommitScope works "
                        "as usual.\n\nTo run the lab, install PostgreSQL and Qt's PostgreSQL driver:\n"
                        "sudo apt-get install postgresql libqt6sql6-psql\n\nThe server said: %1")
                         .arg(error_));
  } else if (!version_.isEmpty()) {
    // One line: the version number only (the full string, with the distribution's build, is the tooltip).
    status_->setText(tr("Private PostgreSQL %1 server: a throwaway cluster, Unix socket only.").arg(version_.section(QLatin1Char(' '), 0, 0)));
    status_->setToolTip(tr("PostgreSQL %1, started for this lesson in a temporary directory; it listens on a Unix socket, "
                           "on no network port, and is removed when the lesson closes.").arg(version_));
  } else if (progress_->isVisible()) {
    status_->setText(tr("Starting a private PostgreSQL server (initdb, then pg_ctl start)…"));
  } else {
    status_->setText(tr("The lab's server starts with the lesson's first SQL step."));
  }
}

void PgLabPanel::onProgress(const QString&, int percent) {
  progress_->show();
  progress_->setValue(percent);
}

void PgLabPanel::onReady(const QString& version) {
  progress_->hide();
  if (!version.isEmpty()) version_ = version;
  retranslate();
}

void PgLabPanel::onFailed(const QString& message) {
  failed_ = true;
  // Without a server the log and the tables stay empty: the panel is the message saying what to
  // install, with room for all of it at projector sizes.
  for (QWidget* w : std::initializer_list<QWidget*>{logTitle_, log_, console_, xactsTitle_, xacts_, locksTitle_, locks_}) w->hide();
  error_ = message;
  progress_->hide();
  pending_ = 0;
  retranslate();
  emit idle();
}

void PgLabPanel::onAnswer(const QString&, const cs::pglab::SqlAnswer& a) {
  QString text = QStringLiteral("%1=> %2\n").arg(a.database, a.sql);
  if (!a.ok) {
    text += tr("   ERROR (%1): %2").arg(a.sqlstate, a.error);
  } else if (!a.columns.isEmpty()) {
    text += QStringLiteral("   ") + a.columns.join(QStringLiteral(" | "));
    for (const QStringList& row : a.rows) text += QStringLiteral("\n   ") + row.join(QStringLiteral(" | "));
  } else {
    text += QStringLiteral("   OK");
  }
  log_->appendPlainText(text);
}

void PgLabPanel::onTables(const cs::pglab::SqlAnswer& xacts, const cs::pglab::SqlAnswer& locks) {
  fill(xacts_, xacts);
  fill(locks_, locks);
  if (pending_ > 0 && --pending_ == 0) emit idle();
  updateConsole();
}

void PgLabPanel::fill(QTableWidget* table, const cs::pglab::SqlAnswer& rows) {
  table->clear();
  table->setColumnCount(static_cast<int>(rows.columns.size()));
  table->setHorizontalHeaderLabels(rows.columns);
  table->setRowCount(static_cast<int>(rows.rows.size()));
  for (int r = 0; r < rows.rows.size(); ++r)
    for (int c = 0; c < rows.rows[r].size(); ++c) table->setItem(r, c, new QTableWidgetItem(rows.rows[r][c]));
  table->resizeColumnsToContents();
}
