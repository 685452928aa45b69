// Interned strings: each distinct label is stored once and referred to by a 32-bit id.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
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
      cache_.fill(CacheEntry{});
      // InternSlow, not Intern: Intern("") returns 0 without storing it, which would shift
      // every id of the copy by one.
      for (const std::string& s : other.strings_) InternSlow(s);
    }
    return *this;
  }
  LabelTable(LabelTable&&) = default;
  LabelTable& operator=(LabelTable&&) = default;

  // Returns the id of text, adding it if new. Short labels (the usual "", "a", "Yes") hit a
  // small direct-mapped cache first, which keeps the hash map off the parser's hot path.
  LabelId Intern(std::string_view text) {
    if (text.empty()) return 0;
    if (text.size() <= 8) {
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
  // Bytes held by the table (strings, index), for memory reports.
  std::size_t MemoryBytes() const;

 private:
  static constexpr int kCacheBits = 10;
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

  std::array<CacheEntry, std::size_t{1} << kCacheBits> cache_{};
  std::deque<std::string> strings_;  // a deque: views into elements stay valid as it grows
  std::unordered_map<std::string_view, LabelId> index_;
};

}  // namespace ncpmi
