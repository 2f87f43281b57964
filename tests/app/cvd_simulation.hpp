// Colour-vision-deficiency simulation for the palette tests: the Machado, Oliveira & Fernandes (2009)
// matrices at full severity (protanopia, deuteranopia, tritanopia), applied in linear sRGB, and the
// CIE 1976 colour difference ΔE*ab between two colours as such a viewer sees them.
#pragma once

#include <QColor>
#include <algorithm>
#include <array>
#include <cmath>

namespace cvd {

enum class Kind { None, Protanopia, Deuteranopia, Tritanopia };
using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

inline Mat3 matrix(Kind k) {
  switch (k) {
    case Kind::Protanopia:
      return {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
    case Kind::Deuteranopia:
      return {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
    case Kind::Tritanopia:
      return {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};
    case Kind::None: break;
  }
  return {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
}

inline double toLinear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// The colour as the viewer sees it, in linear sRGB (clamped to the gamut).
inline Vec3 simulate(const QColor& c, Kind k) {
  const Vec3 lin{toLinear(c.redF()), toLinear(c.greenF()), toLinear(c.blueF())};
  const Mat3 m = matrix(k);
  Vec3 out{};
  for (int i = 0; i < 3; ++i) out[i] = std::clamp(m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2], 0.0, 1.0);
  return out;
}

// Linear sRGB (D65) to CIELAB.
inline Vec3 lab(const Vec3& l) {
  const double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047;
  const double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  const double z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883;
  const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

inline double deltaE(const QColor& a, const QColor& b, Kind k) {
  const Vec3 la = lab(simulate(a, k)), lb = lab(simulate(b, k));
  return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

}  // namespace cvd
