// Plots of sweep results: one-parameter curves (e.g. P(settlement) against a parameter) and
// two-parameter phase diagrams (where settlement holds), as gnuplot scripts or pgfplots pictures.
#pragma once

#include <iosfwd>
#include <string>

#include "ncpmi/models/table_render.h"

namespace ncpmi::models {

struct PlotOptions {
  std::string x;                    // column on the horizontal axis (required)
  std::string y;                    // column on the vertical axis: a phase diagram; "" for curves
  std::string z = "p_settlement";   // plotted value (curves: the vertical axis; phase: colour)
  std::string group;                // curves: one curve per distinct value of this column
  std::string title;
  std::string xlabel, ylabel, zlabel;  // default: the column names
  bool standalone = true;           // pgfplots: a complete standalone document
};

// The numeric value of a cell: an exact number ("9/10", "0.5", "3"), a verdict ("all" 1,
// "some" 1/2, "no" 0) or a boolean ("true"/"yes" 1, "false"/"no" 0). Throws InputError naming the
// column and row for anything else.
double PlotValue(const std::string& cell, const std::string& column, std::size_t row);

// A gnuplot script (data inline as a datablock) that writes `output` with the terminal `terminal`
// ("pdfcairo" or "pngcairo"): a line plot of z against x (one curve per group value), or, with
// options.y, an image of z over the (x, y) grid with a colour bar. Axis labels from the column
// names, text not enhanced (underscores stay). Throws InputError for unknown columns, values
// that are not numbers, or (phase diagrams) points that do not form a full grid. O(rows log rows).
std::string GnuplotScript(const Table& table, const PlotOptions& options, const std::string& terminal,
                          const std::string& output);

// The same plot as a pgfplots axis in a tikzpicture (matrix plot* for phase diagrams), compiled
// with pdflatex (packages pgfplots; standalone class when options.standalone).
void WritePgfplots(const Table& table, const PlotOptions& options, std::ostream& out);

}  // namespace ncpmi::models
