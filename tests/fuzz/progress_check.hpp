// The progress-store fuzz target's entry point (Qt SQL; needs a QCoreApplication).
#pragma once

#include <string>
#include <string_view>

namespace cs::fuzz {

// A profile whose progress.db holds `bytes`: open the store, record one answer, read the summaries,
// close, open again. Opening must always give a usable store (Ok, Recovered or InMemory); an answer
// reported saved must still be there after the reopen; a failed save must come with a message.
std::string check_progress_input(std::string_view bytes);

}  // namespace cs::fuzz
