// The app's labels for the UI keys a lesson may name ({ui:step_forward}, {ui:crash_node:R1}; the
// keys are the engine's, scenario/lesson_texts.hpp). Each label is looked up through the same
// translation context and source text as the real menu entry or button, so a lesson shows the label
// the learner sees in either language; a guard test compares them with the live window.
#pragma once

#include <QString>
#include <string>

namespace uilabels {

// The label as shown (mnemonic '&' removed); a menu entry with its menu in front ("Faults › Partition…").
// `node`: the node name for keys that take one. Empty for a key the app does not know.
QString label(const std::string& key, const QString& node = QString());
// The text with every {ui:...} reference replaced by `wrap(label)`.
QString substitute(const QString& text, bool html);

}  // namespace uilabels
