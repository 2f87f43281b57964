#include "sim/chunk_pool.hpp"

#include "sim/memory_advice.hpp"

namespace cs {

namespace {
// A run that keeps little (a lesson, a test, most scenarios) never leaves its first, ordinary block;
// the huge blocks are for runs that grow past it.
constexpr std::size_t kFirstBlock = std::size_t{64} << 10;
constexpr std::size_t kHugeBlock = std::size_t{2} << 20;
}  // namespace

ChunkPool::~ChunkPool() {
  for (const Block& b : blocks_) {
    if (b.aligned)
      ::operator delete(b.data, std::align_val_t{kHugeBlock});
    else
      ::operator delete(b.data);
  }
}

void ChunkPool::grow() {
  Block b{};
  if (blocks_.empty()) {
    b = Block{::operator new(kFirstBlock), kFirstBlock, false};
  } else {
    b = Block{::operator new(kHugeBlock, std::align_val_t{kHugeBlock}), kHugeBlock, true};
    advise_huge_pages(b.data, b.bytes);
  }
  blocks_.push_back(b);
  reserved_ += b.bytes;
  next_ = static_cast<char*>(b.data);
  end_ = next_ + b.bytes;
}

}  // namespace cs
