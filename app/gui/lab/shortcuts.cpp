#include "shortcuts.hpp"

#include <QCoreApplication>
#include <QStringList>

#include <initializer_list>

namespace shortcuts {
namespace {

struct Entry {
  Id id;
  QKeySequence::StandardKey standard;  // QKeySequence::UnknownKey: use `keys`
  QKeyCombination keys;
};

const Entry kEntries[] = {
    {Id::New, QKeySequence::New, {}},
    {Id::Open, QKeySequence::Open, {}},
    {Id::Save, QKeySequence::Save, {}},
    {Id::SaveAs, QKeySequence::SaveAs, {}},
    {Id::Quit, QKeySequence::UnknownKey, Qt::CTRL | Qt::Key_Q},
    {Id::Undo, QKeySequence::Undo, {}},
    {Id::Redo, QKeySequence::UnknownKey, Qt::CTRL | Qt::SHIFT | Qt::Key_Z},
    {Id::Play, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_Space)},
    {Id::Step, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_Right)},
    {Id::Back, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_Left)},
    {Id::Restart, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_Home)},
    {Id::Reroll, QKeySequence::UnknownKey, Qt::CTRL | Qt::Key_R},
    {Id::Faster, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_BracketRight)},
    {Id::Slower, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_BracketLeft)},
    {Id::NormalSpeed, QKeySequence::UnknownKey, Qt::CTRL | Qt::Key_0},
    {Id::Cut, QKeySequence::UnknownKey, Qt::CTRL | Qt::Key_K},
    {Id::Partition, QKeySequence::UnknownKey, Qt::CTRL | Qt::Key_P},
    {Id::HealAll, QKeySequence::UnknownKey, Qt::CTRL | Qt::SHIFT | Qt::Key_H},
    {Id::BrowseLessons, QKeySequence::UnknownKey, Qt::CTRL | Qt::Key_L},
    {Id::Teacher, QKeySequence::UnknownKey, Qt::CTRL | Qt::SHIFT | Qt::Key_T},
    // What a presenter's clicker sends, so a teacher can walk a lesson from the back of the room.
    {Id::LessonNext, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_PageDown)},
    {Id::LessonBack, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_PageUp)},
    {Id::Projector, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_F11)},
    {Id::FitView, QKeySequence::UnknownKey, Qt::CTRL | Qt::SHIFT | Qt::Key_F},
    {Id::Help, QKeySequence::UnknownKey, QKeyCombination(Qt::Key_F1)},
};

// The overlay's lines: which keys, and the English source of what they do.
struct Line {
  std::initializer_list<Id> ids;
  const char* what;
};

const Line kHelp[] = {
    {{Id::Play}, QT_TRANSLATE_NOOP("HelpOverlay", "Play or pause")},
    {{Id::Step}, QT_TRANSLATE_NOOP("HelpOverlay", "Step to the next event")},
    {{Id::Back}, QT_TRANSLATE_NOOP("HelpOverlay", "Step back one event (deterministic replay)")},
    {{Id::Restart}, QT_TRANSLATE_NOOP("HelpOverlay", "Restart with the same seed")},
    {{Id::Reroll}, QT_TRANSLATE_NOOP("HelpOverlay", "Re-roll the seed")},
    {{Id::Faster, Id::Slower}, QT_TRANSLATE_NOOP("HelpOverlay", "Faster / slower")},
    {{Id::NormalSpeed}, QT_TRANSLATE_NOOP("HelpOverlay", "Normal speed (1×)")},
    {{Id::Cut}, QT_TRANSLATE_NOOP("HelpOverlay", "Cut a link…")},
    {{Id::Partition}, QT_TRANSLATE_NOOP("HelpOverlay", "Partition the network…")},
    {{Id::HealAll}, QT_TRANSLATE_NOOP("HelpOverlay", "Heal all links and partitions")},
    {{Id::Undo}, QT_TRANSLATE_NOOP("HelpOverlay", "Undo the last injected fault")},
    {{Id::Redo}, QT_TRANSLATE_NOOP("HelpOverlay", "Redo")},
    {{Id::New, Id::Open, Id::Save}, QT_TRANSLATE_NOOP("HelpOverlay", "New, open, save a scenario")},
    {{Id::BrowseLessons}, QT_TRANSLATE_NOOP("HelpOverlay", "Browse lessons")},
    {{Id::LessonNext, Id::LessonBack},
     QT_TRANSLATE_NOOP("HelpOverlay", "Next / previous lesson step (a presenter's clicker sends these)")},
    {{Id::Teacher}, QT_TRANSLATE_NOOP("HelpOverlay", "Teacher mode")},
    {{Id::Projector}, QT_TRANSLATE_NOOP("HelpOverlay", "Projector mode: full screen, large text, high contrast")},
    {{Id::FitView}, QT_TRANSLATE_NOOP("HelpOverlay", "Fit view: every node in the canvas, zoom and scrolling reset")},
    {{Id::Help}, QT_TRANSLATE_NOOP("HelpOverlay", "Show or hide this help")},
};

}  // namespace

QKeySequence key(Id id) {
  for (const Entry& e : kEntries)
    if (e.id == id) return e.standard != QKeySequence::UnknownKey ? QKeySequence(e.standard) : QKeySequence(e.keys);
  return {};
}

QList<HelpRow> helpRows() {
  QList<HelpRow> rows;
  for (const Line& l : kHelp) {
    QStringList keys;
    for (Id id : l.ids) keys << key(id).toString(QKeySequence::NativeText);
    rows.append({keys.join(QStringLiteral(" / ")), QCoreApplication::translate("HelpOverlay", l.what)});
  }
  return rows;
}

}  // namespace shortcuts
