#include "ncpmi/game/resource_limits.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <utility>

#include "ncpmi/game/error.h"

namespace ncpmi {
namespace {

std::string Nodes(std::uint64_t n) { return GroupThousands(n) + (n == 1 ? " node" : " nodes"); }

// "about 1.3 GiB" against "1.0 GiB"; in bytes when one decimal would show the two as equal.
std::pair<std::string, std::string> NeedAndLimit(std::uint64_t need, std::uint64_t limit) {
  std::string a = FormatBytes(need), b = FormatBytes(limit);
  if (a == b) {
    a = GroupThousands(need) + " bytes";
    b = GroupThousands(limit) + " bytes";
  }
  return {a, b};
}

std::string Prefixed(const std::string& where, const std::string& message) {
  return where.empty() ? message : where + ": " + message;
}

// a * b, saturating instead of wrapping, so that a hostile count cannot slip under the limit.
std::uint64_t SaturatingProduct(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a) {
    return std::numeric_limits<std::uint64_t>::max();
  }
  return a * b;
}

}  // namespace

std::string GroupThousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  const int lead = static_cast<int>(digits.size() % 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (static_cast<int>(i) - lead) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::uint64_t PhysicalMemoryBytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib >> unit) {
    if (key == "MemTotal:") return kib * 1024;
  }
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page_size > 0) {
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
  }
  return 0;
}

std::uint64_t DefaultMemoryLimitBytes() {
  // Read once: every guard asks (each subgame's LP, each MIP), and /proc/meminfo is a file read.
  static const std::uint64_t limit = [] {
    const std::uint64_t physical = PhysicalMemoryBytes();
    return physical == 0 ? std::uint64_t{8} << 30 : physical / 5 * 4;
  }();
  return limit;
}

std::uint64_t MemoryLimitBytes(const ResourceLimits& limits) {
  return limits.max_memory_bytes != 0 ? limits.max_memory_bytes : DefaultMemoryLimitBytes();
}

void CheckNodeBudget(std::uint64_t nodes, std::uint64_t bytes_per_node, const ResourceLimits& limits,
                     const std::string& what, const std::string& where) {
  if (limits.max_nodes != 0 && nodes > limits.max_nodes) {
    throw InputError(Prefixed(where, what + " has " + Nodes(nodes) + ", above the limit of " +
                                         GroupThousands(limits.max_nodes) + " (--max-nodes)"));
  }
  const std::uint64_t bytes = SaturatingProduct(nodes, bytes_per_node);
  const std::uint64_t limit = MemoryLimitBytes(limits);
  if (bytes > limit) {
    const auto [need, allowed] = NeedAndLimit(bytes, limit);
    throw InputError(Prefixed(where, what + " would need about " + need + " (" + Nodes(nodes) +
                                         " at " + std::to_string(bytes_per_node) +
                                         " bytes each), above the memory limit of " + allowed +
                                         " (--max-memory)"));
  }
}

void CheckMemoryBudget(std::uint64_t bytes, const ResourceLimits& limits, const std::string& what,
                       const std::string& where) {
  const std::uint64_t limit = MemoryLimitBytes(limits);
  if (bytes > limit) {
    const auto [need, allowed] = NeedAndLimit(bytes, limit);
    throw InputError(Prefixed(where, what + " would need about " + need +
                                         ", above the memory limit of " + allowed + " (--max-memory)"));
  }
}

std::uint64_t ParseByteSize(const std::string& text, const std::string& flag_name) {
  const auto bad = [&]() {
    return InputError(flag_name + ": '" + text +
                      "' is not a size (write e.g. 4G, 500M, 1.5GiB or a number of bytes)");
  };
  std::size_t pos = 0;
  while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.')) {
    ++pos;
  }
  if (pos == 0) throw bad();
  const std::string number = text.substr(0, pos);
  if (number.find('.') != number.rfind('.') || number == ".") throw bad();
  std::string unit = text.substr(pos);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  if (unit.size() == 2 && (unit[1] == 'i' || unit[1] == 'I')) unit.pop_back();
  int shift = 0;
  if (unit.empty()) {
    shift = 0;
  } else if (unit.size() == 1) {
    switch (unit[0]) {
      case 'k': case 'K': shift = 10; break;
      case 'm': case 'M': shift = 20; break;
      case 'g': case 'G': shift = 30; break;
      case 't': case 'T': shift = 40; break;
      default: throw bad();
    }
  } else {
    throw bad();
  }
  errno = 0;
  const long double value = std::strtold(number.c_str(), nullptr);
  const long double bytes = value * std::ldexp(1.0L, shift);
  if (errno != 0 || !std::isfinite(bytes) || bytes < 1 ||
      bytes >= static_cast<long double>(std::numeric_limits<std::uint64_t>::max())) {
    throw bad();
  }
  return static_cast<std::uint64_t>(bytes);
}

std::string FormatBytes(std::uint64_t bytes) {
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) return std::to_string(bytes) + " B";
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 6) {
    value /= 1024;
    ++unit;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %s", value, kUnits[unit]);
  return buffer;
}

}  // namespace ncpmi
