// Calibrated scenarios as named presets: a model and its parameter values, each value with a
// note on where it comes from. All numbers are illustrative normalized values chosen to respect
// the orderings the sources describe; they are not estimates.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ncpmi/models/model.h"

namespace ncpmi::models {

struct Preset {
  std::string name;      // e.g. "haiti-1994"
  std::string model;     // a ModelSpecs() name, e.g. "ncpmi-crisis"
  std::string summary;   // one line: the case and what the calibration shows
  std::string sources;   // the literature the numbers follow
  ParameterValues values;                    // every parameter the case sets (others: defaults)
  std::map<std::string, std::string> notes;  // per parameter in `values`: why this number
};

// Every preset, in a fixed order: haiti-1994, haiti-1993, north-korea-2017, iran-2015,
// bosnia-1995, libya-2011, kosovo-1999. Each is the bundled file instances/NAME.toml (values as
// given there, notes from its comments); the first call parses them all.
const std::vector<Preset>& Presets();

// Throws InputError naming the known presets.
const Preset& FindPreset(const std::string& name);

}  // namespace ncpmi::models
