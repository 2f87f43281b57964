// MainWindow's File > Export… (kept apart from main_window.cpp): the dialog, and writing each target.
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QSettings>

#include "compare_window.hpp"
#include "engine_text.hpp"
#include "export_dialog.hpp"
#include "handout_export.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "main_window.hpp"
#include "metrics_chart_view.hpp"
#include "canvas_view.hpp"
#include "run_report.hpp"
#include "spacetime_view.hpp"

namespace {

const QString kExportDirKey = QStringLiteral("export/directory");

QString msText(cs::Time t) { return QLocale().toString(static_cast<double>(t) / 1000.0, 'f', 1); }

// When a fault of the schedule happens, in words.
QString triggerText(const LabController& c, const cs::FaultTrigger& t) {
  switch (t.kind) {
    case cs::TriggerKind::AtTime: return MainWindow::tr("%1 ms").arg(msText(t.time));
    case cs::TriggerKind::AfterEvent:
      return t.time > 0 ? MainWindow::tr("%1 ms").arg(msText(t.time)) : MainWindow::tr("after event #%1").arg(t.nth);
    case cs::TriggerKind::OnState:
      return MainWindow::tr("when %1 enters %2").arg(c.nodeName(t.node), EngineText::stateAt(c.info(), t.state));
    case cs::TriggerKind::OnSent:
      return MainWindow::tr("after %1 #%2 is sent").arg(EngineText::messageAt(c.info(), t.msg_type)).arg(t.nth);
  }
  return {};
}

RunReport::Verdict verdict(const std::string& key, bool held) {
  return {EngineText::invariant(key), EngineText::invariantDescription(key), held};
}

}  // namespace

void MainWindow::exportDialog() {
  QSettings settings;
  const QString dir = settings.value(kExportDirKey, QDir::homePath()).toString();
  ExportDialog dialog(compare_ && compare_->isVisible(), dir, this);
  if (dialog.exec() != QDialog::Accepted) return;
  if (exportHandout(dialog.target(), dialog.path(), true)) settings.setValue(kExportDirKey, QFileInfo(dialog.path()).path());
}

bool MainWindow::exportHandout(handout::Target target, const QString& path, bool interactive, QString* error) {
  using handout::Target;
  QString why;
  const auto fail = [&](const QString& text) {
    if (interactive) QMessageBox::warning(this, tr("Cannot export"), text);
    if (error) *error = text;
    return false;
  };
  const QString ext = QFileInfo(path).suffix().toLower();
  if (!handout::extensionsFor(target).contains(ext))
    return fail(tr("%1: this can be written as %2").arg(QFileInfo(path).fileName(), handout::extensionsFor(target).join(QStringLiteral(", "))));
  const QString scenario = QFileInfo(controller_->scenarioPath()).completeBaseName();
  QWidget* view = nullptr;
  QString title;
  switch (target) {
    case Target::Canvas: view = canvas_; title = tr("Canvas"); break;
    case Target::Diagram: view = spacetime_; title = tr("Space-time diagram"); break;
    case Target::Chart: view = metrics_; title = tr("Metrics chart"); break;
    case Target::Compare: view = compare_; title = tr("Side-by-side view"); break;
    case Target::Trace: {
      if (!handout::writeTraceJsonl(controller_->sim(), path, &why)) return fail(why);
      // A long run keeps only the last part of its trace in the window: the file holds that part.
      const cs::Simulator& sim = controller_->sim();
      if (sim.trace_base() > 0) {
        const QString note = tr("%1 holds the last %2 of the run's %3 events: the window keeps only the last part of a run "
                                "this long. For the whole trace, run it with commitscope-cli run FILE --trace OUT.jsonl.")
                                 .arg(QFileInfo(path).fileName(), QLocale().toString(static_cast<qulonglong>(sim.trace().size())),
                                      QLocale().toString(static_cast<qulonglong>(sim.trace_records())));
        statusBar()->showMessage(note, 15000);
        if (interactive) QMessageBox::information(this, tr("Part of the trace exported"), note);
      }
      return true;
    }
    case Target::Report: {
      RunReport r;
      const cs::Scenario& s = controller_->scenario();
      const bool zh = language::current().startsWith(QLatin1String("zh"));
      r.scenario = QString::fromStdString(zh && !s.title_zh.empty() ? s.title_zh : s.title);
      if (r.scenario.isEmpty()) r.scenario = scenario.isEmpty() ? tr("Untitled") : scenario;
      r.protocol = EngineText::protocolName(s.protocol);
      r.seed = s.seed;
      r.shownAt = tr("t = %1 ms · %2 events").arg(msText(controller_->now()), QLocale().toString(controller_->eventIndex()));
      r.canvas = canvas_;
      r.chart = metrics_;
      r.diagram = spacetime_;
      for (std::size_t i = 0; i < s.faults.size(); ++i)
        r.faults << tr("%1 — %2%3").arg(triggerText(*controller_, s.faults[i].trigger),
                                        EngineText::faultDescription(s.faults[i].action, controller_->sim()),
                                        controller_->sim().fault_fired(i) ? QString() : tr(" (not yet)"));
      for (const auto& [key, held] : controller_->invariantVerdicts()) r.invariants << verdict(key, held);
      if (!writeRunReport(r, path, &why)) return fail(why);
      return true;
    }
  }
  if (!view || !view->isVisible()) return fail(tr("%1 is not shown in the window: show it first, then export it.").arg(title));
  if (!handout::writeWidget(view, path, tr("%1 — CommitScope").arg(title), &why)) return fail(why);
  return true;
}
