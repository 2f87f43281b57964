// Folding a long row of cards into two rows, for a pane too narrow for it.
//
// A scenario's layout is made for a wide canvas: a saga's orchestrator above its four services in
// one row. Beside a lesson panel on a 1280×720 projector that row is four card widths across 750
// pixels, and every card is drawn at half size. Two rows of two around the orchestrator fill
// the pane's height instead and double the text size. The fold is a view of the layout, not an
// edit of it: the scenario file keeps its row.
#pragma once

#include <QPointF>
#include <optional>
#include <vector>

namespace rowfold {

// For node centres in layout units: the longest row (centres at the same height) of at least
// `minRow` nodes, re-placed as two rows, left to right then top to bottom, with the row's own
// spacing across and `downPerAcross` times that spacing down; the second row goes away from the
// other nodes (below a row that is under them). When the row has a single leader (one other node),
// the leader is placed between the two rows, at the row's centre. Other nodes map to nullopt. Empty
// when there is no such row.
std::vector<std::optional<QPointF>> foldLongestRow(const std::vector<QPointF>& centres, double downPerAcross,
                                                   int minRow = 4);

}  // namespace rowfold
