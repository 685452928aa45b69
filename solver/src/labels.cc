// Memory accounting for the interned label table.
#include "ncpmi/game/labels.h"

namespace ncpmi {

std::size_t LabelTable::MemoryBytes() const {
  std::size_t bytes = strings_.size() * sizeof(std::string);
  for (const std::string& s : strings_) {
    if (s.capacity() > 15) bytes += s.capacity() + 1;
  }
  // Node-based hash map: one node (key, value, next pointer, hash) per entry plus buckets.
  bytes += index_.size() * (sizeof(std::string_view) + sizeof(LabelId) + 2 * sizeof(void*)) +
           index_.bucket_count() * sizeof(void*);
  if (cache_ != nullptr) bytes += kCacheSize * sizeof(CacheEntry);
  return bytes;
}

}  // namespace ncpmi
