#include "protocols/params.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace cs {
namespace {

std::string whole(double v) {
  // Only called with values inside a schema range (|v| <= 1e12), so the cast is defined.
  return std::to_string(static_cast<long long>(v));
}

// A number as the file wrote it, for "is 1e+300 but must be ..." (never converted to an integer).
std::string shown(const nlohmann::json& v) {
  if (v.is_number_integer()) return v.dump();
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v.get<double>());
  return std::string(buf, r.ptr);
}

}  // namespace

ParamReader::ParamReader(const nlohmann::json& params, Diagnostics& out, std::span<const ParamSpec> schema,
                         std::string base)
    : params_(params), out_(out), schema_(schema), base_(std::move(base)) {
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

const ParamSpec& ParamReader::spec(std::string_view key, ParamKind kind) const {
  for (const ParamSpec& p : schema_)
    if (p.key == key) {
      if (p.kind != kind) throw std::logic_error("parameter \"" + std::string(key) + "\" is read with the wrong kind");
      return p;
    }
  throw std::logic_error("parameter \"" + std::string(key) + "\" is not in the protocol's schema");
}

const nlohmann::json* ParamReader::get(std::string_view key) const {
  if (!params_.is_object()) return nullptr;
  auto it = params_.find(std::string(key));
  return it == params_.end() ? nullptr : &*it;
}

double ParamReader::default_of(const ParamSpec& p) {
  if (p.rule == DefaultRule::Literal) return p.def;
  const ParamSpec* ref = nullptr;
  for (const ParamSpec& q : schema_)
    if (q.key == p.ref) ref = &q;
  if (!ref) throw std::logic_error("parameter \"" + std::string(p.key) + "\" refers to an unknown parameter");
  const double r = number(*ref);
  switch (p.rule) {
    case DefaultRule::SameAs: return r;
    case DefaultRule::HalfOf: return r / 2;
    case DefaultRule::MajorityOf: return std::floor(r / 2) + 1;
    case DefaultRule::IfRef: return r != 0 ? p.alt : p.def;
    case DefaultRule::Literal: break;
  }
  return p.def;
}

double ParamReader::upper_bound(const ParamSpec& p) {
  if (p.hi_ref.empty()) return p.hi;
  for (const ParamSpec& q : schema_)
    if (q.key == p.hi_ref) return number(q);
  throw std::logic_error("parameter \"" + std::string(p.key) + "\" is bounded by an unknown parameter");
}

// Reads (once) a numeric or boolean parameter: the file's value when it is valid, else the default.
double ParamReader::number(const ParamSpec& p) {
  for (const auto& [k, v] : values_)
    if (k == p.key) return v;
  const double def = default_of(p);
  double x = def;
  if (const nlohmann::json* v = get(p.key)) {
    const double hi = upper_bound(p);
    switch (p.kind) {
      case ParamKind::Integer: {
        const bool integral = v->is_number_integer() || (v->is_number_float() && std::isfinite(v->get<double>()) &&
                                                          std::floor(v->get<double>()) == v->get<double>());
        const std::string range = "between " + whole(p.lo) + " and " + whole(hi);
        if (!integral) {
          error(p.key, "must be a whole number " + range);
        } else if (v->get<double>() < p.lo || v->get<double>() > hi) {
          // Compared as doubles (exact for every bound a schema uses; 2^64-1 becomes 1.8e19), so
          // 1e300 or 2^64 is never converted to an integer and a huge unsigned never wraps to -1.
          error(p.key, "is " + shown(*v) + " but must be " + range);
        } else {
          x = v->get<double>();
        }
        break;
      }
      case ParamKind::DurationMs:
        if (!v->is_number())
          error(p.key, "must be a number of milliseconds");
        else if (v->get<double>() < p.lo || v->get<double>() > hi)
          error(p.key, "must be between " + whole(p.lo) + " and " + whole(hi) + " ms");
        else
          x = v->get<double>();
        break;
      case ParamKind::Probability:
        if (!v->is_number() || v->get<double>() < 0.0 || v->get<double>() > 1.0)
          error(p.key, "must be a probability between 0 and 1");
        else
          x = v->get<double>();
        break;
      case ParamKind::Boolean:
        if (!v->is_boolean())
          error(p.key, "must be true or false");
        else
          x = v->get<bool>() ? 1 : 0;
        break;
      default: throw std::logic_error("parameter \"" + std::string(p.key) + "\" is not a number");
    }
  }
  values_.emplace_back(p.key, x);
  return x;
}

std::int64_t ParamReader::integer(std::string_view key) {
  return static_cast<std::int64_t>(number(spec(key, ParamKind::Integer)));
}

Time ParamReader::duration(std::string_view key) {
  return static_cast<Time>(std::llround(number(spec(key, ParamKind::DurationMs)) * kMicrosPerMs));
}

Ratio ParamReader::probability(std::string_view key) {
  return Ratio::from_probability(number(spec(key, ParamKind::Probability)));
}

bool ParamReader::boolean(std::string_view key) { return number(spec(key, ParamKind::Boolean)) != 0; }

std::string ParamReader::choice(std::string_view key) {
  const ParamSpec& p = spec(key, ParamKind::Choice);
  const nlohmann::json* v = get(key);
  if (!v) return std::string(p.def_choice);
  std::string list;
  for (std::string_view a : p.choices) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
  if (!v->is_string() || std::find(p.choices.begin(), p.choices.end(), v->get<std::string>()) == p.choices.end()) {
    error(key, "must be one of " + list);
    return std::string(p.def_choice);
  }
  return v->get<std::string>();
}

const nlohmann::json* ParamReader::raw(std::string_view key) { return get(spec(key, ParamKind::Structured).key); }

void ParamReader::finish() {
  if (!params_.is_object()) return;
  for (const auto& item : params_.items()) {
    const std::string& k = item.key();
    if (std::any_of(schema_.begin(), schema_.end(), [&](const ParamSpec& p) { return p.key == k; })) continue;
    std::string list;
    for (const ParamSpec& p : schema_) list += (list.empty() ? "" : ", ") + std::string(p.key);
    error(k, "is not a parameter of this protocol (known: " + list + ")");
  }
}

std::vector<std::string> numbered_names(std::string_view prefix, int count) {
  std::vector<std::string> out;
  for (int i = 1; i <= count; ++i) out.push_back(std::string(prefix) + std::to_string(i));
  return out;
}

}  // namespace cs
