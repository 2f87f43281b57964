// The window's keyboard shortcuts, in one table: MainWindow gives its actions these keys and the F1
// help overlay lists them from the same table, so the two cannot drift apart.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

namespace shortcuts {

enum class Id {
  New, Open, Save, SaveAs, Quit, Undo, Redo,
  Play, Step, Back, Restart, Reroll, Faster, Slower, NormalSpeed,
  Cut, Partition, HealAll,
  BrowseLessons, Teacher, LessonNext, LessonBack,
  Projector, FitView, Help,
};

QKeySequence key(Id id);

// One line of the help overlay: the keys as the platform writes them and what they do (translated
// at call time, context "HelpOverlay").
struct HelpRow {
  QString keys;
  QString what;
};
QList<HelpRow> helpRows();

}  // namespace shortcuts
