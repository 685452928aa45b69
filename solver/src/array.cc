// Allocation for large flat arrays, optionally on transparent huge pages.
#include "ncpmi/game/array.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace ncpmi {
namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kLarge = 2 * kHugePage;  // below this the ordinary heap is as good
}  // namespace

// Measured on the 2e7-node benchmark (2-core VM, THP defrag=madvise): huge pages cut the solve
// by about a third (a solution is allocated once and written once, so page faults dominate),
// but slowed loading by 40%, where arrays grow and are replaced and the kernel compacts memory
// on each huge-page fault. Hence the choice per array type.
void* AllocateArray(std::size_t bytes, bool huge_pages) {
  if (!huge_pages || bytes < kLarge) return ::operator new(bytes);
  const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure just means small pages
  return p;
}

void FreeArray(void* p, std::size_t bytes, bool huge_pages) noexcept {
  if (!huge_pages || bytes < kLarge) {
    ::operator delete(p);
  } else {
    std::free(p);
  }
}

}  // namespace ncpmi
