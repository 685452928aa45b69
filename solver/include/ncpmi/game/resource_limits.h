// How much one run may take: the nodes a game may have and the memory it may need, checked
// before the memory is allocated so that a too-large input is refused with the figure instead of
// the process being killed by the kernel. Set on the command line by --max-nodes / --max-memory.
#pragma once

#include <cstdint>
#include <string>

namespace ncpmi {

struct ResourceLimits {
  std::uint64_t max_nodes = 0;         // 0: no limit on the node count itself
  std::uint64_t max_memory_bytes = 0;  // 0: DefaultMemoryLimitBytes()
};

// Physical memory of the machine (MemTotal), or 0 when it cannot be found.
std::uint64_t PhysicalMemoryBytes();

// The limit that applies when none is set: 80% of physical memory (8 GiB if unknown), read once
// per process.
std::uint64_t DefaultMemoryLimitBytes();

// limits.max_memory_bytes, or DefaultMemoryLimitBytes() when that is 0.
std::uint64_t MemoryLimitBytes(const ResourceLimits& limits);

// Throws InputError "<where>: <what> would need about 3.1 GiB (41,000,000 nodes at 80 bytes
// each), above the memory limit of 2.0 GiB (--max-memory)" -- or the same about --max-nodes --
// when nodes * bytes_per_node or nodes exceed the limits. `where` may be empty; then the message
// starts with `what`. Callers put "path:line:col" in `where` when they have it.
void CheckNodeBudget(std::uint64_t nodes, std::uint64_t bytes_per_node, const ResourceLimits& limits,
                     const std::string& what, const std::string& where = "");

// The same for a figure in bytes that is not a node count (an LP's matrix, a sweep's buffers).
void CheckMemoryBudget(std::uint64_t bytes, const ResourceLimits& limits, const std::string& what,
                       const std::string& where = "");

// "123456", "500K", "500M", "4G", "4GiB", "1.5G", "2T" (binary units; a trailing "B"/"iB" is
// optional) to bytes. Throws InputError "--max-memory: ..." naming flag_name on anything else.
std::uint64_t ParseByteSize(const std::string& text, const std::string& flag_name = "--max-memory");

// "41,000,000": the counts in limit messages.
std::string GroupThousands(std::uint64_t n);

// "512 B", "3.0 KiB", "2.1 GiB": one decimal, binary units.
std::string FormatBytes(std::uint64_t bytes);

}  // namespace ncpmi
