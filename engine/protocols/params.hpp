// Reads a protocol's "params" object against the protocol's parameter schema (ProtocolDescriptor::
// params): kind, default, range and the order keys are listed in all come from the schema, so a
// default lives in exactly one place. Every problem is reported as a Diagnostic with its JSON path
// (the scenario loader adds file, line and column).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/descriptor.hpp"
#include "sim/diagnostic.hpp"
#include "sim/types.hpp"

namespace cs {

class ParamReader {
 public:
  ParamReader(const nlohmann::json& params, Diagnostics& out, std::span<const ParamSpec> schema,
              std::string base = "params");

  // Each getter returns the schema's default when the key is absent, and reports a diagnostic (and
  // returns the default) when the value has the wrong type or is out of range. Asking for a key the
  // schema does not have, or with the wrong kind, is a programming error (std::logic_error).
  std::int64_t integer(std::string_view key);
  Time duration(std::string_view key);  // the file says milliseconds; returns microseconds
  Ratio probability(std::string_view key);
  bool boolean(std::string_view key);
  std::string choice(std::string_view key);
  // The raw value (or nullptr) of a Structured parameter the protocol checks itself.
  const nlohmann::json* raw(std::string_view key);

  // Reports keys the schema does not know. Call last.
  void finish();
  void error(std::string_view key, std::string message);
  std::string path(std::string_view key) const;
  bool ok() const { return errors_ == 0; }

 private:
  const ParamSpec& spec(std::string_view key, ParamKind kind) const;
  const nlohmann::json* get(std::string_view key) const;
  double number(const ParamSpec& p);  // the value a numeric or boolean parameter ends up with
  double default_of(const ParamSpec& p);
  double upper_bound(const ParamSpec& p);

  const nlohmann::json& params_;
  Diagnostics& out_;
  std::span<const ParamSpec> schema_;
  std::string base_;
  std::vector<std::pair<std::string_view, double>> values_;  // numbers already read (rules refer to them)
  int errors_ = 0;
};

// "P1".."Pn" style names used by several protocols.
std::vector<std::string> numbered_names(std::string_view prefix, int count);

}  // namespace cs
