#include "ui_labels.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

namespace uilabels {
namespace {

struct Label {
  const char* key;
  const char* context;  // the class whose tr() shows the real label
  const char* source;
  bool inFaultsMenu;    // shown as "Faults › label"
  bool inRunMenu;
  bool inFileMenu = false;  // shown as "File › label"
};

// Same (context, source) pairs as main_window.cpp, canvas_view.cpp and lesson_panel.cpp.
constexpr Label kLabels[] = {
    {"play", "MainWindow", "&Play", false, true},
    {"step_forward", "MainWindow", "Step &forward", false, true},
    {"step_back", "MainWindow", "Step &back", false, true},
    {"restart_same_seed", "MainWindow", "Restart with the &same seed", false, true},
    {"reroll_seed", "MainWindow", "Re-roll the s&eed", false, true},
    {"explore", "MainWindow", "&What can go wrong?…", false, true},
    {"examples_menu", "MainWindow", "&Examples", false, false, true},
    {"faults_menu", "MainWindow", "F&aults", false, false},
    {"cut_link_menu", "MainWindow", "C&ut link…", true, false},
    {"partition_menu", "MainWindow", "&Partition…", true, false},
    {"heal_partition_menu", "MainWindow", "Heal the p&artition", true, false},
    {"heal_all", "MainWindow", "Heal &all links and partitions", true, false},
    {"drop_next_menu", "MainWindow", "&Drop next message on link…", true, false},
    {"duplicate_next_menu", "MainWindow", "D&uplicate next message on link…", true, false},
    {"crash_node", "CanvasView", "Crash %1", false, false},
    {"restart_node", "CanvasView", "Restart %1", false, false},
    {"cut_link", "CanvasView", "Cut link", false, false},
    {"heal_link", "CanvasView", "Heal link", false, false},
    {"drop_next", "CanvasView", "Drop next message on this link", false, false},
    {"duplicate_next", "CanvasView", "Duplicate next message on this link", false, false},
    {"heal_partition", "CanvasView", "Heal the partition", false, false},
    {"retry_step", "LessonPanel", "Retry this step", false, false},
    {"free_play", "LessonPanel", "Free play", false, false},
    {"teacher_mode", "LessonPanel", "Teacher mode", false, false},
};

// "Step &forward" → "Step forward"; the zh-TW form "單步前進(&F)" → "單步前進".
QString stripMnemonic(QString s) {
  static const QRegularExpression suffix(QStringLiteral("\\(&[^)]\\)"));
  s.remove(suffix);
  s.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
  s.remove(QLatin1Char('&'));
  s.replace(QLatin1Char('\x01'), QLatin1Char('&'));
  return s;
}

QString translated(const char* context, const char* source) {
  return stripMnemonic(QCoreApplication::translate(context, source));
}

}  // namespace

QString label(const std::string& key, const QString& node) {
  for (const Label& l : kLabels) {
    if (key != l.key) continue;
    QString text = translated(l.context, l.source);
    if (text.contains(QStringLiteral("%1"))) text = text.arg(node);
    if (l.inFaultsMenu) return translated("MainWindow", "F&aults") + QStringLiteral(" › ") + text;
    if (l.inFileMenu) return translated("MainWindow", "&File") + QStringLiteral(" › ") + text;
    if (l.inRunMenu) return translated("MainWindow", "&Run") + QStringLiteral(" › ") + text;
    return text;
  }
  return {};
}

QString substitute(const QString& text, bool html) {
  static const QRegularExpression ref(QStringLiteral("\\{ui:([a-z_]+)(?::([A-Za-z0-9_-]+))?\\}"));
  QString out;
  qsizetype last = 0;
  for (auto it = ref.globalMatch(text); it.hasNext();) {
    const QRegularExpressionMatch m = it.next();
    out += text.mid(last, m.capturedStart() - last);
    const QString l = label(m.captured(1).toStdString(), m.captured(2));
    out += html ? QStringLiteral("<b>%1</b>").arg(l.toHtmlEscaped()) : l;
    last = m.capturedEnd();
  }
  out += text.mid(last);
  return out;
}

}  // namespace uilabels
