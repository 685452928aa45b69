// Interned strings: each distinct label is stored once and referred to by a 32-bit id.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ncpmi {

using LabelId = std::int32_t;

// Id 0 is always the empty label. Lookups by string_view do not allocate.
class LabelTable {
 public:
  LabelTable() { InternSlow(""); }
  LabelTable(const LabelTable& other) { *this = other; }
  LabelTable& operator=(const LabelTable& other) {
    if (this != &other) {
      strings_.clear();
      index_.clear();
      cache_.reset();
      interned_ = 0;
      // InternSlow, not Intern: Intern("") returns 0 without storing it, which would shift
      // every id of the copy by one.
      for (const std::string& s : other.strings_) InternSlow(s);
    }
    return *this;
  }
  LabelTable(LabelTable&&) = default;
  LabelTable& operator=(LabelTable&&) = default;

  // Returns the id of text, adding it if new. Once a table has interned many labels (a file
  // being read), short ones (the usual "", "a", "Yes") hit a small direct-mapped cache first,
  // which keeps the hash map off the parser's hot path. Small tables go without: their cache
  // would cost more to clear than it saves (a sweep builds a 79-node game per point).
  LabelId Intern(std::string_view text) {
    if (text.empty()) return 0;
    if (text.size() <= 8 && (cache_ != nullptr || ++interned_ >= kCacheAfter)) {
      if (cache_ == nullptr) cache_ = std::make_unique<CacheEntry[]>(kCacheSize);  // zeroed
      std::uint64_t packed = 0;
      std::memcpy(&packed, text.data(), text.size());
      CacheEntry& entry = cache_[((packed ^ text.size()) * 0x9E3779B97F4A7C15ULL) >> (64 - kCacheBits)];
      if (entry.id > 0 && entry.packed == packed && entry.size == text.size()) return entry.id;
      const LabelId id = InternSlow(text);
      entry = {packed, static_cast<std::uint32_t>(text.size()), id};
      return id;
    }
    return InternSlow(text);
  }
  const std::string& operator[](LabelId id) const { return strings_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return strings_.size(); }
  // Bytes held by the table (strings, index, cache), for memory reports.
  std::size_t MemoryBytes() const;

 private:
  static constexpr int kCacheBits = 10;
  static constexpr std::size_t kCacheSize = std::size_t{1} << kCacheBits;
  static constexpr std::uint32_t kCacheAfter = 1024;  // short labels interned before the cache
  struct CacheEntry {
    std::uint64_t packed = 0;
    std::uint32_t size = 0;
    LabelId id = 0;  // 0: empty slot (the empty label never goes through the cache)
  };

  LabelId InternSlow(std::string_view text) {
    auto it = index_.find(text);
    if (it != index_.end()) return it->second;
    strings_.emplace_back(text);
    const auto id = static_cast<LabelId>(strings_.size() - 1);
    index_.emplace(std::string_view(strings_.back()), id);
    return id;
  }

  // On the heap, so that moving a table (and the game holding it) moves a pointer, not 16 KiB.
  std::unique_ptr<CacheEntry[]> cache_;
  std::uint32_t interned_ = 0;       // short labels interned while there was no cache
  std::deque<std::string> strings_;  // a deque: views into elements stay valid as it grows
  std::unordered_map<std::string_view, LabelId> index_;
};

}  // namespace ncpmi
