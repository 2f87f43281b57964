// A hint to the operating system about large, long-lived buffers. It changes no value the engine
// computes, only how the memory behind a buffer is mapped.
#pragma once

#include <cstddef>

namespace cs {

// Asks for transparent huge pages over the 2 MiB-aligned part of [data, data + bytes), where the
// platform has them (Linux); a no-op elsewhere or when the request is refused.
//
// Why: recording a long run touches tens of MB of fresh trace memory, and on virtual machines a
// first touch of a 4 KiB page can cost ~10 µs (measured 12 µs on the project's benchmark machine):
// at 4 trace records per event that was most of the time per simulated event. Huge pages make it
// one fault per 2 MiB.
void advise_huge_pages(const void* data, std::size_t bytes);

}  // namespace cs
