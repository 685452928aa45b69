// How the solvers compare and read numbers in double and in exact rational arithmetic.
#pragma once

#include <algorithm>
#include <cmath>

#include "ncpmi/game/game.h"

namespace ncpmi {

template <class T>
struct NumberTraits;

// Double mode: values within kTieTolerance (relative, floor 1) are treated as tied, so rounding
// noise does not split a tie that exact arithmetic would find. --exact decides ties exactly.
template <>
struct NumberTraits<double> {
  static constexpr bool kExact = false;
  static constexpr double kTieTolerance = 1e-9;
  static double Payoff(const Game& g, OutcomeId o, int player) { return g.PayoffDouble(o, player); }
  static double Probability(const Game& g, InfosetId h, int a) {
    return g.ActionProbabilityDouble(h, a);
  }
  static bool Tied(double a, double b) {
    const double scale = std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
    return std::fabs(a - b) <= kTieTolerance * scale;
  }
  // a is better than b by more than the tie tolerance
  static bool Better(double a, double b) { return a > b && !Tied(a, b); }
  static bool IsZero(double a) { return a == 0.0; }
  static double ToDouble(double a) { return a; }
};

template <>
struct NumberTraits<Rational> {
  static constexpr bool kExact = true;
  static Rational Payoff(const Game& g, OutcomeId o, int player) { return g.Payoff(o, player); }
  static Rational Probability(const Game& g, InfosetId h, int a) {
    return g.ActionProbability(h, a);
  }
  static bool Tied(const Rational& a, const Rational& b) { return a == b; }
  static bool Better(const Rational& a, const Rational& b) { return a > b; }
  static bool IsZero(const Rational& a) { return sgn(a) == 0; }
  static double ToDouble(const Rational& a) { return ncpmi::ToDouble(a); }
};

}  // namespace ncpmi
