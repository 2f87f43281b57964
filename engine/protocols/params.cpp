#include "protocols/params.hpp"

#include <algorithm>
#include <cmath>

namespace cs {

ParamReader::ParamReader(const nlohmann::json& params, Diagnostics& out, std::string base)
    : params_(params), out_(out), base_(std::move(base)) {
  if (!params_.is_object() && !params_.is_null()) {
    out_.push_back(Diagnostic{{}, 0, 0, base_, "must be an object such as {\"participants\": 3}"});
    ++errors_;
  }
}

std::string ParamReader::path(std::string_view key) const { return base_ + "." + std::string(key); }

void ParamReader::error(std::string_view key, std::string message) {
  out_.push_back(Diagnostic{{}, 0, 0, path(key), std::move(message)});
  ++errors_;
}

const nlohmann::json* ParamReader::get(std::string_view key) {
  known_.emplace_back(key);
  if (!params_.is_object()) return nullptr;
  auto it = params_.find(std::string(key));
  return it == params_.end() ? nullptr : &*it;
}

const nlohmann::json* ParamReader::raw(std::string_view key) { return get(key); }

std::int64_t ParamReader::integer(std::string_view key, std::int64_t def, std::int64_t lo, std::int64_t hi) {
  const auto* v = get(key);
  if (!v) return def;
  const std::string range = "between " + std::to_string(lo) + " and " + std::to_string(hi);
  if (!v->is_number_integer() && !(v->is_number_float() && std::floor(v->get<double>()) == v->get<double>())) {
    error(key, "must be a whole number " + range);
    return def;
  }
  // Compared in the type the value came in: a huge unsigned number read as int64 would wrap (to -1
  // for 2^64-1), and a double out of int64's range cannot be converted at all.
  bool in_range = false;
  if (v->is_number_unsigned()) {
    in_range = hi >= 0 && v->get<std::uint64_t>() <= static_cast<std::uint64_t>(hi) &&
               (lo <= 0 || v->get<std::uint64_t>() >= static_cast<std::uint64_t>(lo));
  } else if (v->is_number_integer()) {
    in_range = v->get<std::int64_t>() >= lo && v->get<std::int64_t>() <= hi;
  } else {
    in_range = v->get<double>() >= static_cast<double>(lo) && v->get<double>() <= static_cast<double>(hi);
  }
  if (!in_range) {
    error(key, "is " + v->dump() + " but must be " + range);
    return def;
  }
  return v->is_number_float() ? static_cast<std::int64_t>(v->get<double>()) : v->get<std::int64_t>();
}

Time ParamReader::duration_ms(std::string_view key, double def_ms, double lo_ms, double hi_ms) {
  const auto* v = get(key);
  double x = def_ms;
  if (v) {
    if (!v->is_number()) {
      error(key, "must be a number of milliseconds");
    } else if (v->get<double>() < lo_ms || v->get<double>() > hi_ms) {
      error(key, "must be between " + std::to_string(static_cast<long long>(lo_ms)) + " and " +
                     std::to_string(static_cast<long long>(hi_ms)) + " ms");
    } else {
      x = v->get<double>();
    }
  }
  return static_cast<Time>(std::llround(x * kMicrosPerMs));
}

Ratio ParamReader::probability(std::string_view key, double def) {
  const auto* v = get(key);
  if (!v) return Ratio::from_probability(def);
  if (!v->is_number() || v->get<double>() < 0.0 || v->get<double>() > 1.0) {
    error(key, "must be a probability between 0 and 1");
    return Ratio::from_probability(def);
  }
  return Ratio::from_probability(v->get<double>());
}

bool ParamReader::boolean(std::string_view key, bool def) {
  const auto* v = get(key);
  if (!v) return def;
  if (!v->is_boolean()) {
    error(key, "must be true or false");
    return def;
  }
  return v->get<bool>();
}

std::string ParamReader::choice(std::string_view key, std::string_view def, std::initializer_list<std::string_view> allowed) {
  const auto* v = get(key);
  if (!v) return std::string(def);
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
  if (!v->is_string() || std::find(allowed.begin(), allowed.end(), v->get<std::string>()) == allowed.end()) {
    error(key, "must be one of " + list);
    return std::string(def);
  }
  return v->get<std::string>();
}

void ParamReader::finish() {
  if (!params_.is_object()) return;
  for (const auto& [k, _] : params_.items()) {
    if (std::find(known_.begin(), known_.end(), k) != known_.end()) continue;
    std::string list;
    for (const auto& kn : known_) list += (list.empty() ? "" : ", ") + kn;
    error(k, "is not a parameter of this protocol (known: " + list + ")");
  }
}

std::vector<std::string> numbered_names(std::string_view prefix, int count) {
  std::vector<std::string> out;
  for (int i = 1; i <= count; ++i) out.push_back(std::string(prefix) + std::to_string(i));
  return out;
}

}  // namespace cs
