// Flat per-node arrays whose resize() does not zero-fill.
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace ncpmi {

// One allocation point for every large array (see array.cc for what was measured there).
void* AllocateArray(std::size_t bytes);
void FreeArray(void* p, std::size_t bytes) noexcept;

// resize() default-initialises (no zero fill: every entry is written once by its producer).
template <class T>
struct ArrayAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = ArrayAllocator<U>;
  };
  ArrayAllocator() = default;
  template <class U>
  ArrayAllocator(const ArrayAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(AllocateArray(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { FreeArray(p, n * sizeof(T)); }
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <class U>
  bool operator==(const ArrayAllocator<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const ArrayAllocator<U>&) const noexcept { return false; }
};

template <class T>
using Array = std::vector<T, ArrayAllocator<T>>;

}  // namespace ncpmi
