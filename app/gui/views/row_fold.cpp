#include "row_fold.hpp"

#include <algorithm>
#include <cmath>

namespace rowfold {

namespace {

// Indices of the longest group of centres at one height (within half a layout unit), by x.
std::vector<std::size_t> longestRow(const std::vector<QPointF>& centres) {
  std::vector<std::size_t> best;
  for (std::size_t i = 0; i < centres.size(); ++i) {
    std::vector<std::size_t> row;
    for (std::size_t j = 0; j < centres.size(); ++j)
      if (std::abs(centres[j].y() - centres[i].y()) < 0.5) row.push_back(j);
    if (row.size() > best.size()) best = row;
  }
  std::sort(best.begin(), best.end(), [&](std::size_t a, std::size_t b) { return centres[a].x() < centres[b].x(); });
  return best;
}

}  // namespace

std::vector<std::optional<QPointF>> foldLongestRow(const std::vector<QPointF>& centres, double downPerAcross, int minRow) {
  const std::vector<std::size_t> row = longestRow(centres);
  const auto n = static_cast<int>(row.size());
  if (n < std::max(minRow, 2)) return {};
  const double left = centres[row.front()].x(), right = centres[row.back()].x();
  const double spacing = (right - left) / (n - 1);
  if (spacing < 1) return {};
  const double y = centres[row.front()].y();
  // The second row goes to the side with no other nodes: below a row that hangs under its leader.
  double othersY = 0;
  int others = 0;
  for (std::size_t i = 0; i < centres.size(); ++i)
    if (std::find(row.begin(), row.end(), i) == row.end()) {
      othersY += centres[i].y();
      ++others;
    }
  const double away = (others == 0 || othersY / others <= y) ? 1.0 : -1.0;
  const double centre = (left + right) / 2;
  const double down = spacing * downPerAcross;
  // A lone leader (a saga's orchestrator, a coordinator) goes between the two rows: its links then
  // run to the four corners and none passes behind a card, as they would from above the first row.
  const bool hub = others == 1;
  const int firstRow = (n + 1) / 2;
  std::vector<std::optional<QPointF>> out(centres.size());
  for (int k = 0; k < n; ++k) {
    const bool second = k >= firstRow;
    const int inRow = second ? n - firstRow : firstRow;
    const int slot = second ? k - firstRow : k;
    const double rowY = hub ? (second ? y + down : y - down) : (second ? y + away * down : y);
    out[row[static_cast<std::size_t>(k)]] = QPointF(centre + (slot - (inRow - 1) / 2.0) * spacing, rowY);
  }
  if (hub)
    for (std::size_t i = 0; i < centres.size(); ++i)
      if (!out[i]) out[i] = QPointF(centre, y);
  return out;
}

}  // namespace rowfold
