// Errors a user can cause (bad files, flags, parameters), carrying where they happened.
#pragma once

#include <stdexcept>
#include <string>

namespace ncpmi {

// Bad input: printed by the tools as one line, exit code 2.
// what() is "path:line:col: message" when a location is known, else "path: message" or "message".
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  InputError(const std::string& path, int line, int column, const std::string& message)
      : std::runtime_error(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                           message) {}
};

// A request the solver cannot carry out for a valid game (e.g. a method that does not apply).
// Printed as one line, exit code 1.
class UnsupportedError : public std::runtime_error {
 public:
  explicit UnsupportedError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace ncpmi
