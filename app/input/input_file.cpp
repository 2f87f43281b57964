#include "input_file.hpp"

#include <QCoreApplication>
#include <QFile>

namespace commitscope {
namespace {

// "FILE: why". The separator is translated too (Chinese uses a full-width colon).
InputFile refused(const QString& path, const QString& why) {
  return InputFile{{}, QCoreApplication::translate("InputFile", inputErrorTemplate()).arg(path, why)};
}

// The texts are input_read.cpp's (marked there for lupdate), translated here.
QString why(const InputRead& read, qint64 limit) {
  const QString text = QCoreApplication::translate("InputFile", inputProblemTemplate(read.problem));
  if (read.problem == InputProblem::TooLarge) return text.arg(read.size).arg(limit).arg(limit / (1024 * 1024));
  if (read.problem == InputProblem::CannotRead) return text.arg(qt_error_string(read.error_number));
  return text;
}

}  // namespace

InputFile readInputFile(const QString& path, qint64 limit) {
  if (!path.startsWith(QLatin1Char(':'))) {
    InputRead read = readRegularInput(QFile::encodeName(path).toStdString(), limit);
    if (!read.ok()) return refused(path, why(read, limit));
    return InputFile{QByteArray::fromStdString(read.bytes), {}};
  }
  // A Qt resource: part of the program, in memory already.
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return refused(path, QCoreApplication::translate("InputFile", inputProblemTemplate(InputProblem::CannotRead)).arg(f.errorString()));
  if (f.size() > limit) return refused(path, why(InputRead{{}, InputProblem::TooLarge, f.size(), 0}, limit));
  InputFile out;
  out.bytes = f.readAll();
  return out;
}

}  // namespace commitscope
