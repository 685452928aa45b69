// Flat per-node arrays whose resize() does not zero-fill.
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace ncpmi {

// One allocation point for every large array. huge_pages: 2 MiB-aligned blocks advised as
// transparent huge pages when large (see array.cc for what was measured and where it pays).
void* AllocateArray(std::size_t bytes, bool huge_pages);
void FreeArray(void* p, std::size_t bytes, bool huge_pages) noexcept;

// resize() default-initialises (no zero fill: every entry is written once by its producer).
template <class T, bool kHugePages = false>
struct ArrayAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = ArrayAllocator<U, kHugePages>;
  };
  ArrayAllocator() = default;
  template <class U>
  ArrayAllocator(const ArrayAllocator<U, kHugePages>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(AllocateArray(n * sizeof(T), kHugePages)); }
  void deallocate(T* p, std::size_t n) noexcept { FreeArray(p, n * sizeof(T), kHugePages); }
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <class U>
  bool operator==(const ArrayAllocator<U, kHugePages>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const ArrayAllocator<U, kHugePages>&) const noexcept { return false; }
};

// Game arrays: ordinary pages.
template <class T>
using Array = std::vector<T, ArrayAllocator<T>>;

// Solver result arrays: allocated once at full size and written once, huge pages pay off.
template <class T>
using ResultArray = std::vector<T, ArrayAllocator<T, /*kHugePages=*/true>>;

}  // namespace ncpmi
