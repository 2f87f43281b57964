#include "metrics_sampler.hpp"

#include <map>
#include <string_view>
#include <unordered_map>

#include "metric_text.hpp"

namespace metrics_sampler {
namespace {

bool endsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && std::string_view(s).substr(s.size() - tail.size()) == tail;
}

double displayValue(const std::string& key, double raw) {
  return MetricText::isDuration(key) ? raw / 1000.0 : raw;  // durations in virtual ms
}

}  // namespace

Figures figuresOf(const cs::Simulation& run) {
  const std::vector<cs::Metric> metrics = run.protocol().metrics();
  std::map<std::string, std::int64_t> wide;
  std::map<std::string, int> reporters;
  for (const cs::Metric& m : metrics) {
    if (m.node == cs::kNoNode) wide[m.key] = m.value;
    else ++reporters[m.key];
  }
  Figures out;
  std::map<std::string, bool> done;
  for (const cs::Metric& m : metrics) {
    if (done[m.key]) continue;
    const bool isWide = wide.count(m.key) != 0;
    if (m.node != cs::kNoNode && (isWide || reporters[m.key] != 1)) continue;
    done[m.key] = true;
    if (endsWith(m.key, "_latency_count")) continue;  // folded into the average
    if (endsWith(m.key, "_latency_sum_us")) {
      const std::string stem = m.key.substr(0, m.key.size() - std::string_view("_sum_us").size());
      const auto count = wide.find(stem + "_count");
      const double n = count == wide.end() ? 0.0 : static_cast<double>(count->second);
      out.emplace_back(stem + "_avg_us", n > 0 ? static_cast<double>(m.value) / n / 1000.0 : 0.0);
      continue;
    }
    out.emplace_back(m.key, displayValue(m.key, static_cast<double>(isWide ? wide[m.key] : m.value)));
  }
  return out;
}

void sampleRun(cs::Simulation& run, cs::Time until, int intervals, std::vector<Track>& tracks, bool discover,
               int max_tracks, std::vector<double>* times) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    index.emplace(tracks[i].key, i);
    tracks[i].values.clear();
  }
  std::vector<bool> seen(tracks.size(), discover);
  if (times) times->reserve(intervals + 1);
  for (int i = 0; i <= intervals; ++i) {
    const cs::Time t = until * i / intervals;
    run.sim().run_until(t);
    const Figures figures = figuresOf(run);
    if (i == 0 && discover) {
      for (const auto& [key, value] : figures) {
        if (static_cast<int>(tracks.size()) >= max_tracks) break;
        index.emplace(key, tracks.size());
        tracks.push_back({key, {}});
        seen.push_back(true);
      }
    }
    for (Track& track : tracks) {
      if (track.values.empty()) track.values.reserve(intervals + 1);
      track.values.push_back(track.values.empty() ? 0.0 : track.values.back());
    }
    for (const auto& [key, value] : figures)
      if (const auto it = index.find(key); it != index.end()) {
        tracks[it->second].values.back() = value;
        seen[it->second] = true;
      }
    if (times) times->push_back(static_cast<double>(t) / 1000.0);
  }
  // A figure the run never reported (a key of the other design) is not a line of zeros.
  std::size_t k = 0;
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    if (!seen[i]) continue;
    if (k != i) tracks[k] = std::move(tracks[i]);
    ++k;
  }
  tracks.resize(k);
}

}  // namespace metrics_sampler
