#include "pg_lab_panel.hpp"

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
  log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
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
  layout->addWidget(status_);
  layout->addWidget(progress_);
  layout->addWidget(logTitle_);
  layout->addWidget(log_, 2);
  layout->addWidget(buildConsole());
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
  consoleSql_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  consoleSql_->setPlainText(QStringLiteral("SELECT * FROM account ORDER BY id"));
  consoleSql_->setFixedHeight(consoleSql_->fontMetrics().lineSpacing() * 3 + 12);
  consoleRun_ = new QPushButton(box);
  consoleRun_->setObjectName(QStringLiteral("pgLabConsoleRun"));
  connect(consoleRun_, &QPushButton::clicked, this, &PgLabPanel::runConsole);
  consoleSql_->installEventFilter(this);  // Ctrl+Enter runs the statement
  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(consoleDb_);
  row->addWidget(consoleRun_);
  row->addStretch(1);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(consoleTitle_);
  layout->addWidget(consoleSql_);
  layout->addLayout(row);
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
  consoleTitle_->setText(open ? tr("Free mode: type your own SQL for a participant's database (Ctrl+Enter runs it). "
                                   "Try BEGIN, UPDATE, PREPARE TRANSACTION 'mine', then COMMIT PREPARED 'mine'.")
                              : tr("Your own SQL: available in free mode, once the lab's steps are done."));
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
  QWidget::changeEvent(event);
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
    status_->setText(tr("Private PostgreSQL %1 server: a throwaway cluster on a Unix socket, no network port.").arg(version_));
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
