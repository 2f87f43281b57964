#include "run_report.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QWidget>
#include <algorithm>

#include "handout_export.hpp"

namespace {

QString text(const char* source) { return QCoreApplication::translate("RunReport", source); }

// The page in points (A4 portrait at 72 dpi: 595 × 842), margins included.
constexpr qreal kMargin = 36;

QFont pageFont(qreal pt, bool bold = false) {
  QFont f = QFont(QStringLiteral("Noto Sans"));
  f.setPointSizeF(pt);
  f.setBold(bold);
  return f;
}

// Draws `widget` as shown, scaled to fit `box` (keeping its proportions), framed; returns the rect
// it took. Hidden or tiny widgets leave a note instead.
QRectF drawWidget(QPainter& p, QWidget* widget, const QRectF& box, const QString& caption) {
  p.setFont(pageFont(9, true));
  p.setPen(Qt::black);
  const qreal capH = QFontMetricsF(p.font()).height() + 2;
  p.drawText(QRectF(box.left(), box.top(), box.width(), capH), Qt::AlignLeft | Qt::AlignVCenter, caption);
  const QRectF area = box.adjusted(0, capH, 0, 0);
  if (!widget || widget->width() < 50 || widget->height() < 30) {
    p.setFont(pageFont(8));
    p.drawText(area, Qt::AlignCenter, text(QT_TRANSLATE_NOOP("RunReport", "(not shown in the window)")));
    return area;
  }
  const qreal s = std::min(area.width() / widget->width(), area.height() / widget->height());
  const QRectF target(area.left(), area.top(), widget->width() * s, widget->height() * s);
  p.save();
  p.translate(target.topLeft());
  p.scale(s, s);
  widget->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
  p.restore();
  p.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.5));
  p.setBrush(Qt::NoBrush);
  p.drawRect(target);
  return target;
}

// A heading and lines of text in `box`; lines that do not fit are summed up as "… and N more".
void drawList(QPainter& p, const QRectF& box, const QString& heading, const QStringList& lines, const QList<QColor>& colours) {
  p.setFont(pageFont(9, true));
  p.setPen(Qt::black);
  const qreal headH = QFontMetricsF(p.font()).height() + 2;
  p.drawText(QRectF(box.left(), box.top(), box.width(), headH), Qt::AlignLeft | Qt::AlignVCenter, heading);
  p.setFont(pageFont(8));
  const QFontMetricsF fm(p.font());
  qreal y = box.top() + headH + 2;
  for (int i = 0; i < lines.size(); ++i) {
    const QRectF r(box.left() + 6, y, box.width() - 6, box.bottom() - y);
    const QRectF need = fm.boundingRect(r, Qt::TextWordWrap, lines[i]);
    if (y + need.height() > box.bottom()) {
      p.setPen(Qt::black);
      p.drawText(QRectF(box.left() + 6, y, box.width() - 6, fm.height()), Qt::AlignLeft,
                 text(QT_TRANSLATE_NOOP("RunReport", "… and %1 more")).arg(lines.size() - i));
      return;
    }
    p.setPen(i < colours.size() ? colours[i] : QColor(Qt::black));
    p.drawText(r, Qt::TextWordWrap, lines[i]);
    y += need.height() + 2;
  }
}

void drawHeader(QPainter& p, const RunReport& r, qreal width) {
  p.setPen(Qt::black);
  p.setFont(pageFont(16, true));
  p.drawText(QRectF(kMargin, kMargin, width, 24), Qt::AlignLeft | Qt::AlignVCenter,
             text(QT_TRANSLATE_NOOP("RunReport", "CommitScope run report")));
  p.setFont(pageFont(10));
  const QString line = text(QT_TRANSLATE_NOOP("RunReport", "Scenario: %1 · Protocol: %2 · Seed: %3 · Shown at %4"))
                           .arg(r.scenario, r.protocol).arg(r.seed).arg(r.shownAt);
  p.drawText(QRectF(kMargin, kMargin + 26, width, 30), Qt::TextWordWrap, line);
  p.setPen(QPen(QColor(0x1d, 0x35, 0x57), 1.2));
  p.drawLine(QPointF(kMargin, kMargin + 58), QPointF(kMargin + width, kMargin + 58));
}

}  // namespace

bool writeRunReport(const RunReport& r, const QString& path, QString* error) {
  {
    QPdfWriter pdf(path);
    pdf.setTitle(text(QT_TRANSLATE_NOOP("RunReport", "CommitScope run report")) + QStringLiteral(" — ") + r.scenario);
    pdf.setCreator(QStringLiteral("CommitScope"));
    pdf.setResolution(72);  // one painter unit is one point
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
    QPainter p;
    if (!p.begin(&pdf)) {
      if (error) *error = text(QT_TRANSLATE_NOOP("RunReport", "%1: cannot write the report")).arg(QFileInfo(path).fileName());
      return false;
    }
    p.setRenderHint(QPainter::Antialiasing);
    const QSizeF page = QPageSize(QPageSize::A4).size(QPageSize::Point);
    const qreal w = page.width() - 2 * kMargin;
    drawHeader(p, r, w);
    qreal y = kMargin + 66;
    const qreal topH = 230, gap = 12;
    // Each row starts under what the row above really took (the views keep their proportions).
    const QRectF canvas = drawWidget(p, r.canvas, QRectF(kMargin, y, (w - gap) * 0.55, topH), text(QT_TRANSLATE_NOOP("RunReport", "Topology")));
    const QRectF chart = drawWidget(p, r.chart, QRectF(kMargin + (w - gap) * 0.55 + gap, y, (w - gap) * 0.45, topH),
                                    text(QT_TRANSLATE_NOOP("RunReport", "Metrics over virtual time")));
    y = std::max(canvas.bottom(), chart.bottom()) + gap;
    const qreal diagramH = 300;
    y = drawWidget(p, r.diagram, QRectF(kMargin, y, w, diagramH), text(QT_TRANSLATE_NOOP("RunReport", "Space-time diagram"))).bottom() + gap;
    const QRectF bottom(kMargin, y, w, page.height() - kMargin - y);
    QStringList verdicts;
    QList<QColor> colours;
    for (const RunReport::Verdict& v : r.invariants) {
      verdicts << (v.held ? text(QT_TRANSLATE_NOOP("RunReport", "✔ %1 holds — %2")) : text(QT_TRANSLATE_NOOP("RunReport", "✖ %1 violated — %2")))
                              .arg(v.name, v.description);
      colours << (v.held ? QColor(0x1a, 0x7f, 0x37) : QColor(0xc6, 0x28, 0x28));
    }
    const QStringList faults = r.faults.isEmpty() ? QStringList{text(QT_TRANSLATE_NOOP("RunReport", "No faults."))} : r.faults;
    drawList(p, QRectF(bottom.left(), bottom.top(), (w - gap) / 2, bottom.height()), text(QT_TRANSLATE_NOOP("RunReport", "Fault timeline")), faults, {});
    drawList(p, QRectF(bottom.left() + (w + gap) / 2, bottom.top(), (w - gap) / 2, bottom.height()),
             text(QT_TRANSLATE_NOOP("RunReport", "Invariant verdicts")), verdicts, colours);
  }
  QFile f(path);
  if (!f.open(QIODevice::ReadWrite)) {
    if (error) *error = text(QT_TRANSLATE_NOOP("RunReport", "%1: cannot write the report")).arg(QFileInfo(path).fileName());
    return false;
  }
  QByteArray bytes = f.readAll();
  handout::makeReproducible(bytes);
  f.seek(0);
  f.write(bytes);
  return true;
}
