// Allocation for large flat arrays.
#include "ncpmi/game/array.h"

#include <new>

namespace ncpmi {

// The ordinary heap. Transparent huge pages (2 MiB-aligned blocks with MADV_HUGEPAGE) were
// measured: half the page faults, but 40% slower loads of a 2e7-node game on this machine,
// because the kernel compacts memory on those faults (defrag=madvise). Kept as one place to
// try again.
void* AllocateArray(std::size_t bytes) { return ::operator new(bytes); }

void FreeArray(void* p, std::size_t /*bytes*/) noexcept { ::operator delete(p); }

}  // namespace ncpmi
