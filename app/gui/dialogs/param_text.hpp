// The names of protocol parameters as the New-scenario form shows them: a short translated label
// and one translated line of help per parameter key, and translated choice values. The engine's
// descriptors carry only English (docs, CLI); the app translates by key, and a guard test checks
// that every key of every descriptor has its entry here.
#pragma once

#include <QString>
#include <string_view>

namespace ParamText {

// "Timeout" for "timeout_ms"; empty when the key has no entry (the guard test fails then).
QString label(std::string_view key);
// One line: what the parameter does. Empty when unknown.
QString help(std::string_view key);
// A choice value as shown ("none" -> "none" / 「無」); the value itself when unknown.
QString choice(std::string_view key, std::string_view value);

}  // namespace ParamText
