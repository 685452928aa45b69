// Interned strings: each distinct label is stored once and referred to by a 32-bit id.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ncpmi {

using LabelId = std::int32_t;

// Id 0 is always the empty label. Lookups by string_view do not allocate.
class LabelTable {
 public:
  LabelTable() { Intern(""); }
  LabelTable(const LabelTable& other) { *this = other; }
  LabelTable& operator=(const LabelTable& other) {
    if (this != &other) {
      strings_.clear();
      index_.clear();
      for (const std::string& s : other.strings_) Intern(s);
    }
    return *this;
  }
  LabelTable(LabelTable&&) = default;
  LabelTable& operator=(LabelTable&&) = default;

  // Returns the id of text, adding it if new.
  LabelId Intern(std::string_view text) {
    auto it = index_.find(text);
    if (it != index_.end()) return it->second;
    strings_.emplace_back(text);
    const auto id = static_cast<LabelId>(strings_.size() - 1);
    index_.emplace(std::string_view(strings_.back()), id);
    return id;
  }
  const std::string& operator[](LabelId id) const { return strings_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return strings_.size(); }
  // Bytes held by the table (strings, index), for memory reports.
  std::size_t MemoryBytes() const;

 private:
  std::deque<std::string> strings_;  // a deque: views into elements stay valid as it grows
  std::unordered_map<std::string_view, LabelId> index_;
};

}  // namespace ncpmi
