// The one-page run report: a handout of the run on screen. Title, scenario, protocol and seed at the
// top; the topology and the metrics chart side by side; the space-time diagram across the page; the
// fault timeline and the invariant verdicts at the bottom. No date anywhere (and none in the file's
// metadata), so the same run makes the same report.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

struct RunReport {
  QString scenario;    // the scenario's title (or file name)
  QString protocol;    // the protocol's full name
  quint64 seed = 0;
  QString shownAt;     // "t = 120 ms · 345 events"
  QWidget* canvas = nullptr;
  QWidget* chart = nullptr;
  QWidget* diagram = nullptr;  // the space-time diagram
  QStringList faults;          // one line per fault, in schedule order
  struct Verdict {
    QString name, description;
    bool held = true;
  };
  QList<Verdict> invariants;
};

// Writes `report` as a one-page A4 PDF; false (with `error`) when the file cannot be written.
bool writeRunReport(const RunReport& report, const QString& path, QString* error);
