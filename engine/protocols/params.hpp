// Reads a protocol's "params" object with type and range checks, reporting every problem as a
// Diagnostic with its JSON path (the scenario loader adds file, line and column).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/diagnostic.hpp"
#include "sim/types.hpp"

namespace cs {

class ParamReader {
 public:
  ParamReader(const nlohmann::json& params, Diagnostics& out, std::string base = "params");

  // Each getter returns the default when the key is absent, and reports a diagnostic (and returns
  // the default) when the value has the wrong type or is out of range.
  std::int64_t integer(std::string_view key, std::int64_t def, std::int64_t lo, std::int64_t hi);
  // A duration given in milliseconds (fractional allowed), returned in microseconds.
  Time duration_ms(std::string_view key, double def_ms, double lo_ms, double hi_ms);
  Ratio probability(std::string_view key, double def);
  bool boolean(std::string_view key, bool def);
  std::string choice(std::string_view key, std::string_view def, std::initializer_list<std::string_view> allowed);
  // The raw value (or nullptr) for keys a protocol checks itself; marks the key as known.
  const nlohmann::json* raw(std::string_view key);

  // Reports keys that no getter asked for. Call last.
  void finish();
  void error(std::string_view key, std::string message);
  std::string path(std::string_view key) const;
  bool ok() const { return errors_ == 0; }

 private:
  const nlohmann::json* get(std::string_view key);
  const nlohmann::json& params_;
  Diagnostics& out_;
  std::string base_;
  std::vector<std::string> known_;
  int errors_ = 0;
};

// "P1".."Pn" style names used by several protocols.
std::vector<std::string> numbered_names(std::string_view prefix, int count);

}  // namespace cs
