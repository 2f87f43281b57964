#include "handout_export.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>
#include <string>
#include <vector>

#include "scenario/report.hpp"

namespace handout {
namespace {

QString text(const char* source) { return QCoreApplication::translate("Handout", source); }

// Items cached as device pixmaps would reach an SVG or PDF as pictures of text; while a vector file
// is painted every item of every canvas inside `widget` paints itself.
class ItemCacheOff {
 public:
  explicit ItemCacheOff(QWidget* widget) {
    QList<QGraphicsView*> views = widget->findChildren<QGraphicsView*>();
    if (auto* v = qobject_cast<QGraphicsView*>(widget)) views << v;
    for (QGraphicsView* v : views)
      if (v->scene())
        for (QGraphicsItem* item : v->scene()->items())
          if (item->cacheMode() != QGraphicsItem::NoCache) {
            saved_.push_back({item, item->cacheMode()});
            item->setCacheMode(QGraphicsItem::NoCache);
          }
  }
  ~ItemCacheOff() {
    for (const auto& [item, mode] : saved_) item->setCacheMode(mode);
  }
  ItemCacheOff(const ItemCacheOff&) = delete;
  ItemCacheOff& operator=(const ItemCacheOff&) = delete;

 private:
  std::vector<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> saved_;
};

bool cannotWrite(const QString& path, const QString& why, QString* error) {
  if (error) *error = text(QT_TRANSLATE_NOOP("Handout", "%1: cannot write the file (%2)")).arg(QFileInfo(path).fileName(), why);
  return false;
}

bool writeSvg(QWidget* widget, const QString& path, const QString& title, QString* error) {
  QSvgGenerator svg;
  svg.setFileName(path);
  svg.setSize(widget->size());
  svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
  svg.setTitle(title);
  svg.setDescription(text(QT_TRANSLATE_NOOP("Handout", "Made with CommitScope")));
  {
    ItemCacheOff off(widget);
    QPainter p;
    if (!p.begin(&svg)) return cannotWrite(path, text(QT_TRANSLATE_NOOP("Handout", "no SVG painter")), error);
    widget->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
  }
  if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
    return cannotWrite(path, text(QT_TRANSLATE_NOOP("Handout", "nothing was written")), error);
  return true;
}

bool writePdf(QWidget* widget, const QString& path, const QString& title, QString* error) {
  {
    QPdfWriter pdf(path);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("CommitScope"));
    // One page the size of the view: 96 dpi makes one painter unit one pixel of the widget.
    pdf.setResolution(96);
    const QSizeF points = QSizeF(widget->size()) * 72.0 / 96.0;
    pdf.setPageLayout(QPageLayout(QPageSize(points, QPageSize::Point), QPageLayout::Portrait, QMarginsF()));
    ItemCacheOff off(widget);
    QPainter p;
    if (!p.begin(&pdf)) return cannotWrite(path, text(QT_TRANSLATE_NOOP("Handout", "no PDF painter")), error);
    widget->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
  }
  QFile f(path);
  if (!f.open(QIODevice::ReadWrite)) return cannotWrite(path, f.errorString(), error);
  QByteArray bytes = f.readAll();
  makeReproducible(bytes);
  f.seek(0);
  f.write(bytes);
  return true;
}

}  // namespace

std::optional<Format> formatOf(const QString& path) {
  const QString ext = QFileInfo(path).suffix().toLower();
  if (ext == QLatin1String("png")) return Format::Png;
  if (ext == QLatin1String("svg")) return Format::Svg;
  if (ext == QLatin1String("pdf")) return Format::Pdf;
  if (ext == QLatin1String("jsonl")) return Format::Jsonl;
  return std::nullopt;
}

bool writeWidget(QWidget* widget, const QString& path, const QString& title, QString* error) {
  switch (formatOf(path).value_or(Format::Jsonl)) {
    case Format::Png:
      if (!widget->grab().toImage().save(path, "PNG")) return cannotWrite(path, QStringLiteral("PNG"), error);
      return true;
    case Format::Svg: return writeSvg(widget, path, title, error);
    case Format::Pdf: return writePdf(widget, path, title, error);
    case Format::Jsonl: break;
  }
  if (error) *error = text(QT_TRANSLATE_NOOP("Handout", "%1: use a file name ending in .png, .svg or .pdf")).arg(QFileInfo(path).fileName());
  return false;
}

bool writeTraceJsonl(const cs::Simulator& sim, const QString& path, QString* error) {
  std::string lines;
  cs::append_trace_jsonl(lines, sim);
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return cannotWrite(path, f.errorString(), error);
  f.write(lines.data(), static_cast<qint64>(lines.size()));
  if (!f.commit()) return cannotWrite(path, f.errorString(), error);
  return true;
}

void makeReproducible(QByteArray& pdf) {
  // Same length replacements keep the cross-reference table's byte offsets right.
  static const QRegularExpression date(QStringLiteral("D:\\d{14}[^)]*"));
  static const QRegularExpression xmpDate(QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+Z0-9:]*"));
  static const QRegularExpression uuid(QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
  static const QRegularExpression hexId(QStringLiteral("/ID \\[<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>\\]"));
  QString s = QString::fromLatin1(pdf);
  for (const QRegularExpression* re : {&date, &xmpDate, &uuid}) {
    auto it = re->globalMatch(s);
    while (it.hasNext()) {
      const auto m = it.next();
      QString fixed = m.captured(0);
      for (QChar& c : fixed)
        if (c.isDigit() || (re == &uuid && c.isLetter())) c = QLatin1Char('0');
      if (re == &date) fixed.replace(2, 4, QStringLiteral("2000"));  // a valid year
      if (re == &xmpDate) fixed.replace(0, 4, QStringLiteral("2000"));
      s.replace(m.capturedStart(0), m.capturedLength(0), fixed);
    }
  }
  auto it = hexId.globalMatch(s);
  while (it.hasNext()) {
    const auto m = it.next();
    for (int g = 1; g <= 2; ++g) s.replace(m.capturedStart(g), m.capturedLength(g), QString(m.capturedLength(g), QLatin1Char('0')));
  }
  pdf = s.toLatin1();
}

}  // namespace handout
