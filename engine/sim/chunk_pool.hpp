// Where a run's bulk tables keep their chunks: the durable logs' records, the simulator's message
// table and a protocol's per-transaction state (std::deque blocks of at most 512 bytes). A pool hands out 512-byte slots
// carved from large blocks, and takes freed slots back for reuse (a log truncated at a checkpoint).
//
// Why: in a fresh process the first touch of each 4 KiB page costs ~10 µs on the project's VMs, and
// a 10,000-transaction 2PC run writes ~6 MB of logs and tables: about a quarter of its CPU time was
// page faults. Past a first small block, the pool's blocks are 2 MiB, aligned and advised for
// transparent huge pages (advise_huge_pages): one fault per 2 MiB. Only the pool's own memory is
// advised; nothing process-wide changes, and the values the engine computes do not depend on it.
//
// A pool belongs to one owner (a Simulator, a protocol), declared before the containers that use it
// so that it outlives them. A copy of a pool is a new, empty pool, and a copy of a container gets
// an allocator without a pool (ChunkAllocator::select_on_container_copy_construction): copies (the
// explorer's clones, the window's snapshots) use the ordinary heap and never point into the
// original's pool.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace cs {

class ChunkPool {
 public:
  static constexpr std::size_t kSlotBytes = 512;  // libstdc++'s deque block; larger requests go to the heap

  ChunkPool() = default;
  ChunkPool(const ChunkPool&) : ChunkPool() {}
  ChunkPool& operator=(const ChunkPool&) { return *this; }  // keeps its own memory (its users stay valid)
  ~ChunkPool();

  void* take() {
    if (free_) {
      Free* f = free_;
      free_ = f->next;
      return f;
    }
    if (next_ == end_) grow();
    void* p = next_;
    next_ += kSlotBytes;
    return p;
  }
  void give(void* p) {
    Free* f = static_cast<Free*>(p);
    f->next = free_;
    free_ = f;
  }
  // Bytes of blocks taken from the heap (for tests).
  std::size_t reserved() const { return reserved_; }

 private:
  struct Free {
    Free* next;
  };
  struct Block {
    void* data;
    std::size_t bytes;
    bool aligned;
  };
  void grow();

  Free* free_ = nullptr;
  char* next_ = nullptr;
  char* end_ = nullptr;
  std::size_t reserved_ = 0;
  std::vector<Block> blocks_;
};

// A standard allocator over a pool (or the heap, without one). Moves and swaps take the pool along;
// copies do not (see above).
template <class T>
class ChunkAllocator {
 public:
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using propagate_on_container_copy_assignment = std::false_type;
  using is_always_equal = std::false_type;

  ChunkAllocator() noexcept = default;
  explicit ChunkAllocator(ChunkPool* pool) noexcept : pool_(pool) {}
  template <class U>
  ChunkAllocator(const ChunkAllocator<U>& o) noexcept : pool_(o.pool()) {}

  ChunkAllocator select_on_container_copy_construction() const { return ChunkAllocator(); }

  T* allocate(std::size_t n) {
    if (pool_ && n * sizeof(T) <= ChunkPool::kSlotBytes && alignof(T) <= alignof(std::max_align_t))
      return static_cast<T*>(pool_->take());
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (pool_ && n * sizeof(T) <= ChunkPool::kSlotBytes && alignof(T) <= alignof(std::max_align_t))
      return pool_->give(p);
    ::operator delete(p);
  }

  ChunkPool* pool() const noexcept { return pool_; }
  template <class U>
  bool operator==(const ChunkAllocator<U>& o) const noexcept {
    return pool_ == o.pool();
  }

 private:
  ChunkPool* pool_ = nullptr;
};

}  // namespace cs
