// The trace_sha256 of a run whose trace is kept in memory (the window, compare): the SHA-256 of its
// records' canonical encoding (engine/scenario/trace_digest.hpp, docs/scenario-format.md), the same
// bytes `commitscope-cli run` hashes as it goes and `commitscope-cli digest` makes from a --trace file.
#pragma once

#include <string>

#include "sim/simulator.hpp"

namespace commitscope {

std::string traceSha256Hex(const cs::Simulator& sim);

}  // namespace commitscope
