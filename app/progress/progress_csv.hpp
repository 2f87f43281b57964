// CSV writing for the progress export (RFC 4180).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace commitscope::progress_csv {

// A field, quoted when it holds a comma, a quote, a line break or leading/trailing spaces; quotes
// inside are doubled.
QString field(const QString& text);
// One record: fields joined by commas, ended by CRLF, UTF-8.
QByteArray row(const QStringList& fields);

}  // namespace commitscope::progress_csv
