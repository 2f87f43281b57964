// Handouts: a view as it is on screen written to a file a teacher can print or put on a slide.
// PNG is a pixel copy; SVG (QSvgGenerator) and PDF (QPdfWriter) repaint the view through a vector
// paint engine, so text stays text: node names and states can be searched and copied in the file.
// The trace is written as the CLI's JSON Lines (one record a line, the same bytes it hashes).
#pragma once

#include <QString>
#include <optional>

class QWidget;

namespace cs {
class Simulator;
}

namespace handout {

enum class Format { Png, Svg, Pdf, Jsonl };

// The format a file name asks for by its extension (case-insensitive); nullopt when unknown.
std::optional<Format> formatOf(const QString& path);

// Writes `widget` as shown to `path` in the format of its extension (PNG, SVG or PDF). `title`
// becomes the SVG/PDF document title. False, with `error` saying why, when it cannot be written.
bool writeWidget(QWidget* widget, const QString& path, const QString& title, QString* error);

// The run's trace so far as JSON Lines (the CLI's --trace format).
bool writeTraceJsonl(const cs::Simulator& sim, const QString& path, QString* error);

// PDF files carry the time they were made (and QPdfWriter a random document id): this replaces both
// with fixed values of the same length, so that the same run gives the same bytes.
void makeReproducible(QByteArray& pdf);

}  // namespace handout
