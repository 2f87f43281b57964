// The colour scheme shared by every view: a colour and a token shape per message family, a colour per
// state class (both declared by each protocol's descriptor, engine/protocols/descriptor.hpp), and the
// ink/paper colours of the normal and projector variants.
//
// Keys are the engine's stable keys ("PREPARE", "COMMIT", ...); a key means the same in every
// protocol, so a message type keeps its colour across protocols. The base hues are the Okabe-Ito set
// (distinguishable with the common forms of colour blindness); because colour alone is never enough,
// every message also has a shape and a text label, and states are always drawn with their name.
#pragma once

#include <QColor>
#include <QPainterPath>
#include <QString>

#include "protocols/descriptor.hpp"

namespace palette {

// How a message token is drawn, so that families differ without colour: one shape per message family
// (token_shapes.cpp), chosen so that opposites read as opposites: commit a solid square and abort a
// cross, yes a triangle up and no a triangle down, success a tick and failure a no-entry sign,
// request a circle and compensation an arrow back, the 3PC pre-decision a hollow square.
enum class Shape {
  Circle, Ring, TriangleUp, TriangleDown, Square, SquareFrame, Cross, Diamond, ArrowBack, Hexagon, Star, Tick,
  NoEntry, Envelope, Unknown
};

QColor message(const QString& key, bool projector);
Shape messageShape(const QString& key);
// The family a message key belongs to (false for a key no descriptor declares).
bool messageFamily(const QString& key, cs::MessageFamily* family);
Shape familyShape(cs::MessageFamily family);
QColor familyColour(cs::MessageFamily family, bool projector);
QColor stateClassColour(cs::StateClass cls, bool projector);
// The outline of a token of that shape, centred on `c`, fitting a circle of radius `r` (holes, as in
// the ring, are subpaths filled odd-even).
QPainterPath shapePath(Shape shape, QPointF c, qreal r);
QColor state(const QString& key, bool projector);
// Text colour readable on top of `fill`.
QColor textOn(const QColor& fill);

// Paper, ink and the accents that are not tied to a key.
struct Scheme {
  QColor background;   // canvas and diagram paper
  QColor panel;        // node card fill
  QColor panelBorder;
  QColor lane;         // alternate lane stripe in the space-time diagram
  QColor grid;
  QColor ink;          // primary text
  QColor mutedInk;     // secondary text
  QColor link;         // a healthy coordinator-participant link
  QColor faintLink;    // a healthy link between peers of the same role
  QColor cut;          // cut links, crash marks, drops
  QColor down;         // fill of a crashed node
  QColor downInk;
  QColor selection;    // selected node or message
  QColor hover;
  QColor now;          // the "now" line
  QColor blocked;      // a node waiting for a decision it cannot take alone
  QColor sideFill[4];  // partition sides (translucent)
  QColor sideInk[4];
  double lineScale = 1.0;  // multiplies every pen width
  double fontScale = 1.0;  // multiplies every font size
};

const Scheme& scheme(bool projector);

}  // namespace palette
