// The trace_sha256 of a run whose trace is kept in memory (the window, compare): the SHA-256 of its
// JSONL trace, the same bytes `commitscope-cli run --trace` writes, formatted in chunks so that the
// whole text never exists at once.
#pragma once

#include <string>

#include "sim/simulator.hpp"

namespace commitscope {

std::string traceSha256Hex(const cs::Simulator& sim);

}  // namespace commitscope
