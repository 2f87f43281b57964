#include "palette.hpp"

#include <QHash>
#include <cstdint>

#include "protocols/registry.hpp"

namespace palette {
namespace {

struct Colours {
  QRgb normal;
  QRgb projector;  // darker and more saturated: projectors wash out pale colours on white
};

// Message colours by family (engine/protocols/descriptor.hpp), so that a learner reads a new protocol
// by analogy: requests are blue, yes-answers green, no-answers vermillion, commit decisions dark teal,
// abort decisions orange, acknowledgements grey, recovery traffic amber, compensation pink.
// Okabe-Ito hues where they hold; the pairs a learner must tell apart (commit/abort, yes/no,
// success/failure, request/compensation) also differ by at least 20 ΔE under simulated deuteranopia,
// protanopia and tritanopia (tests/app/test_palette.cpp): the old deep green and deep red decisions
// were 11 apart for a deuteranope. Shapes tell the families apart without colour.
Colours familyColours(cs::MessageFamily f) {
  using F = cs::MessageFamily;
  switch (f) {
    case F::Request: return {0xFF0072B2, 0xFF00508A};
    case F::VoteYes: return {0xFF009E73, 0xFF00704F};
    case F::Success: return {0xFF009E73, 0xFF00704F};
    case F::VoteNo: return {0xFFD55E00, 0xFFB34700};
    case F::Failure: return {0xFFD55E00, 0xFFB34700};
    case F::PreDecision: return {0xFF56B4E9, 0xFF1F78B4};
    case F::Commit: return {0xFF006D5B, 0xFF00574A};
    case F::Abort: return {0xFFE66100, 0xFFD35400};
    case F::Ack: return {0xFF8A8F98, 0xFF4F545C};
    case F::Recovery: return {0xFFE69F00, 0xFFB36B00};
    case F::Compensation: return {0xFFDD88BB, 0xFFCC6699};
    case F::Replication: return {0xFF44AA99, 0xFF2B7A6D};
    case F::Election: return {0xFF7F5AA2, 0xFF55317A};
    case F::Event: return {0xFF332288, 0xFF221166};
  }
  return {0xFF8A8F98, 0xFF4F545C};
}

// State colours by class: outcomes green/vermillion, waiting amber, uncertainty sky blue.
Colours classColours(cs::StateClass c) {
  using C = cs::StateClass;
  switch (c) {
    case C::Initial: return {0xFF8A94A6, 0xFF55607A};
    case C::Working: return {0xFFE69F00, 0xFFB36B00};
    case C::Uncertain: return {0xFF56B4E9, 0xFF1F78B4};
    case C::Committing: return {0xFF0072B2, 0xFF00508A};
    case C::Committed: return {0xFF009E73, 0xFF00704F};
    case C::Aborting: return {0xFFE07B39, 0xFFB35A1F};
    case C::Aborted: return {0xFFD55E00, 0xFFB34700};
    case C::Compensating: return {0xFFCC79A7, 0xFF9C3D78};
    case C::Compensated: return {0xFFA04A8A, 0xFF8A3A9C};
    case C::Done: return {0xFF44AA99, 0xFF2B7A6D};
    case C::Failed: return {0xFFB2182B, 0xFF8E0F1F};
    case C::Leader: return {0xFF0072B2, 0xFF00508A};
    case C::Follower: return {0xFF8A94A6, 0xFF55607A};
  }
  return {0xFF8A94A6, 0xFF55607A};
}

// A key means the same in every protocol (a guard test holds the descriptors to that), so the first
// descriptor that declares it answers. Built once: views ask for a colour per token per frame.
const QHash<QString, const cs::MessageSpec*>& messageSpecs() {
  static const QHash<QString, const cs::MessageSpec*> specs = [] {
    QHash<QString, const cs::MessageSpec*> h;
    for (const auto& e : cs::protocol_registry())
      for (const cs::MessageSpec& m : e.descriptor().messages) {
        const QString k = QString::fromUtf8(m.key.data(), static_cast<qsizetype>(m.key.size()));
        if (!h.contains(k)) h.insert(k, &m);
      }
    return h;
  }();
  return specs;
}

const QHash<QString, const cs::StateSpec*>& stateSpecs() {
  static const QHash<QString, const cs::StateSpec*> specs = [] {
    QHash<QString, const cs::StateSpec*> h;
    for (const auto& e : cs::protocol_registry())
      for (const cs::StateSpec& st : e.descriptor().states) {
        const QString k = QString::fromUtf8(st.key.data(), static_cast<qsizetype>(st.key.size()));
        if (!h.contains(k)) h.insert(k, &st);
      }
    return h;
  }();
  return specs;
}

const cs::MessageSpec* findMessage(const QString& key) { return messageSpecs().value(key, nullptr); }
const cs::StateSpec* findState(const QString& key) { return stateSpecs().value(key, nullptr); }

// Unknown keys (a protocol added later) still get a stable colour: FNV-1a of the key picks a hue,
// at a saturation and value that read well on the paper colour.
QColor hashed(const QString& key, bool projector) {
  std::uint32_t h = 2166136261u;
  for (QChar c : key) {
    h ^= c.unicode();
    h *= 16777619u;
  }
  const int hue = static_cast<int>(h % 360u);
  return projector ? QColor::fromHsv(hue, 230, 150) : QColor::fromHsv(hue, 150, 200);
}

Scheme makeNormal() {
  Scheme s;
  s.background = QColor(0xF6, 0xF7, 0xF9);
  s.panel = QColor(0xFF, 0xFF, 0xFF);
  s.panelBorder = QColor(0xC9, 0xCE, 0xD6);
  s.lane = QColor(0xED, 0xEF, 0xF3);
  s.grid = QColor(0xDD, 0xE1, 0xE7);
  s.ink = QColor(0x1F, 0x24, 0x2B);
  s.mutedInk = QColor(0x5F, 0x67, 0x73);
  s.link = QColor(0x6B, 0x75, 0x84);
  s.faintLink = QColor(0xC4, 0xCA, 0xD3);
  s.cut = QColor(0xD0, 0x21, 0x2E);
  s.down = QColor(0xE3, 0xE5, 0xE8);
  s.downInk = QColor(0x8B, 0x91, 0x99);
  s.selection = QColor(0x25, 0x63, 0xEB);
  s.hover = QColor(0x25, 0x63, 0xEB, 150);
  s.now = QColor(0x7C, 0x3A, 0xED);
  s.blocked = QColor(0xE6, 0x9F, 0x00);
  s.sideFill[0] = QColor(0x56, 0xB4, 0xE9, 38);
  s.sideFill[1] = QColor(0xE6, 0x9F, 0x00, 38);
  s.sideFill[2] = QColor(0xCC, 0x79, 0xA7, 38);
  s.sideFill[3] = QColor(0x00, 0x9E, 0x73, 38);
  s.sideInk[0] = QColor(0x1F, 0x78, 0xB4);
  s.sideInk[1] = QColor(0xB3, 0x6B, 0x00);
  s.sideInk[2] = QColor(0x9C, 0x3D, 0x78);
  s.sideInk[3] = QColor(0x00, 0x70, 0x4F);
  return s;
}

// Projectors lose contrast and thin lines: white paper, black ink, saturated accents, and every pen
// and font scaled up.
Scheme makeProjector() {
  Scheme s = makeNormal();
  s.background = Qt::white;
  s.panel = Qt::white;
  s.panelBorder = QColor(0x20, 0x20, 0x20);
  s.lane = QColor(0xEB, 0xEB, 0xEB);
  s.grid = QColor(0xB0, 0xB0, 0xB0);
  s.ink = Qt::black;
  s.mutedInk = QColor(0x30, 0x30, 0x30);
  s.link = QColor(0x20, 0x20, 0x20);
  s.faintLink = QColor(0x90, 0x90, 0x90);
  s.cut = QColor(0xC0, 0x00, 0x00);
  s.down = QColor(0xCF, 0xCF, 0xCF);
  s.downInk = QColor(0x40, 0x40, 0x40);
  s.selection = QColor(0x00, 0x40, 0xD0);
  s.hover = QColor(0x00, 0x40, 0xD0, 170);
  s.now = QColor(0x60, 0x10, 0xC0);
  s.blocked = QColor(0xB3, 0x6B, 0x00);
  for (int i = 0; i < 4; ++i) {
    s.sideFill[i].setAlpha(60);
    s.sideInk[i] = s.sideInk[i].darker(130);
  }
  s.lineScale = 2.0;
  s.fontScale = 1.7;
  return s;
}

}  // namespace

QColor message(const QString& key, bool projector) {
  if (const cs::MessageSpec* m = findMessage(key)) return familyColour(m->family, projector);
  return hashed(key, projector);
}

QColor familyColour(cs::MessageFamily family, bool projector) {
  const Colours c = familyColours(family);
  return QColor::fromRgba(projector ? c.projector : c.normal);
}

QColor stateClassColour(cs::StateClass cls, bool projector) {
  const Colours c = classColours(cls);
  return QColor::fromRgba(projector ? c.projector : c.normal);
}

bool messageFamily(const QString& key, cs::MessageFamily* family) {
  const cs::MessageSpec* m = findMessage(key);
  if (m && family) *family = m->family;
  return m != nullptr;
}

Shape messageShape(const QString& key) {
  const cs::MessageSpec* m = findMessage(key);
  return m ? familyShape(m->family) : Shape::Unknown;
}

QColor state(const QString& key, bool projector) {
  if (const cs::StateSpec* st = findState(key)) return stateClassColour(st->cls, projector);
  return hashed(key, projector);
}

QColor textOn(const QColor& fill) {
  // Relative luminance (sRGB weights) decides black or white text.
  const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
  return l > 0.55 ? QColor(0x1A, 0x1A, 0x1A) : Qt::white;
}

const Scheme& scheme(bool projector) {
  static const Scheme normal = makeNormal();
  static const Scheme proj = makeProjector();
  return projector ? proj : normal;
}

}  // namespace palette
