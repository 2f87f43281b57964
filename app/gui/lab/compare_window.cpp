#include "compare_window.hpp"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QPen>
#include <QLineSeries>
#include <QMargins>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include "canvas_view.hpp"
#include "compare_lab.hpp"
#include "engine_text.hpp"
#include "panel_frame.hpp"
#include "projector_style.hpp"
#include "scrub_bar.hpp"

namespace {

constexpr int kChartSamples = 60;

QString msText(cs::Time t) {
  if (t < 0) return QStringLiteral("–");
  if (t % cs::kMicrosPerMs == 0) return QString::number(t / cs::kMicrosPerMs);
  return QString::number(static_cast<double>(t) / 1000.0, 'f', 1);
}

}  // namespace

CompareWindow::CompareWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), lab_(new CompareLab(this)), projector_(projector::isOn()) {
  setObjectName(QStringLiteral("compareWindow"));
  createControls();
  connect(lab_, &CompareLab::panesChanged, this, &CompareWindow::rebuildPanes);
  connect(lab_, &CompareLab::changed, this, &CompareWindow::scheduleRefresh);
  connect(lab_, &CompareLab::playingChanged, this, &CompareWindow::scheduleRefresh);
  retranslateUi();
  resize(1280, 720);
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::createControls() {
  panes_box_ = new QWidget(this);
  auto* grid = new QGridLayout(panes_box_);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(6);

  table_ = new QTableWidget(this);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->setFocusPolicy(Qt::NoFocus);  // no current-cell frame: every cell reads the same
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

  chart_ = new QChart;
  chart_->setAnimationOptions(QChart::NoAnimation);
  // The legend on the right: the chart is wide and low under the panes, and a legend above it
  // would leave the time axis no room for its labels.
  chart_->legend()->setAlignment(Qt::AlignRight);
  chart_->setMargins(QMargins(2, 2, 2, 2));
  time_axis_ = new QValueAxis(chart_);
  value_axis_ = new QValueAxis(chart_);
  value_axis_->setLabelFormat(QStringLiteral("%.0f"));
  time_axis_->setLabelFormat(QStringLiteral("%.0f"));
  // Few ticks: on a projector the labels are large and the chart shares the window with the panes.
  value_axis_->setTickCount(4);
  time_axis_->setTickCount(5);
  chart_->addAxis(time_axis_, Qt::AlignBottom);
  chart_->addAxis(value_axis_, Qt::AlignLeft);
  chart_view_ = new QChartView(chart_, this);
  chart_view_->setRenderHint(QPainter::Antialiasing);
  figure_label_ = new QLabel(this);
  figure_box_ = new QComboBox(this);
  for (int i = 0; i <= static_cast<int>(ChartFigure::WindowTime); ++i) figure_box_->addItem(QString(), i);
  connect(figure_box_, &QComboBox::currentIndexChanged, this, &CompareWindow::rebuildChart);
  auto* chart_box = new QWidget(this);
  auto* chart_layout = new QVBoxLayout(chart_box);
  chart_layout->setContentsMargins(0, 0, 0, 0);
  auto* figure_row = new QHBoxLayout;
  figure_row->addWidget(figure_label_);
  figure_row->addWidget(figure_box_, 1);
  chart_layout->addLayout(figure_row);
  chart_layout->addWidget(chart_view_, 1);

  auto* bottom = new QSplitter(Qt::Horizontal, this);
  bottom->addWidget(table_);
  bottom->addWidget(chart_box);
  bottom->setSizes({560, 720});
  bottom_ = bottom;
  vertical_ = new QSplitter(Qt::Vertical, this);
  vertical_->addWidget(panes_box_);
  vertical_->addWidget(bottom);
  vertical_->setChildrenCollapsible(false);

  play_btn_ = new QToolButton(this);
  undo_btn_ = new QToolButton(this);
  redo_btn_ = new QToolButton(this);
  scrub_ = new ScrubBar(this);
  time_label_ = new QLabel(this);
  connect(play_btn_, &QToolButton::clicked, lab_, &CompareLab::togglePlay);
  connect(undo_btn_, &QToolButton::clicked, lab_, &CompareLab::undo);
  connect(redo_btn_, &QToolButton::clicked, lab_, &CompareLab::redo);
  connect(scrub_, &ScrubBar::scrubbed, lab_, &CompareLab::seekTime);
  // The projector's page switch: two buttons that read as one control (a segmented switch).
  panes_btn_ = new QToolButton(this);
  figures_btn_ = new QToolButton(this);
  auto* pages = new QButtonGroup(this);
  for (QToolButton* b : {panes_btn_, figures_btn_}) {
    b->setCheckable(true);
    b->setAutoRaise(false);
    b->setFocusPolicy(Qt::NoFocus);
    pages->addButton(b);
  }
  panes_btn_->setObjectName(QStringLiteral("comparePanesPage"));
  figures_btn_->setObjectName(QStringLiteral("compareFiguresPage"));
  panes_btn_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  figures_btn_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
  connect(panes_btn_, &QToolButton::clicked, this, [this] { showPage(Page::Panes); });
  connect(figures_btn_, &QToolButton::clicked, this, [this] { showPage(Page::Figures); });
  auto* controls = new QHBoxLayout;
  controls->addWidget(play_btn_);
  controls->addWidget(scrub_, 1);
  controls->addWidget(time_label_);
  controls->addSpacing(6);
  auto* segmented = new QHBoxLayout;
  segmented->setSpacing(0);
  segmented->addWidget(panes_btn_);
  segmented->addWidget(figures_btn_);
  controls->addLayout(segmented);
  controls->addSpacing(6);
  controls->addWidget(undo_btn_);
  controls->addWidget(redo_btn_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(vertical_, 1);
  layout->addLayout(controls);
  applyPage();
}

int CompareWindow::paneCount() const { return static_cast<int>(canvases_.size()); }
CanvasView* CompareWindow::canvas(int pane) const { return canvases_[static_cast<std::size_t>(pane)]; }
QLabel* CompareWindow::paneFigures(int pane) const { return pane_figures_[static_cast<std::size_t>(pane)]; }

void CompareWindow::rebuildPanes() {
  for (PanelFrame* f : pane_frames_) delete f;
  pane_frames_.clear();
  canvases_.clear();
  pane_figures_.clear();
  for (int i = 0; i < lab_->paneCount(); ++i) {
    auto* content = new QWidget;
    auto* v = new QVBoxLayout(content);
    v->setContentsMargins(0, 0, 0, 0);
    auto* canvas = new CanvasView(lab_->pane(i), content);
    canvas->setProjectorMode(projector_);
    canvas->setPaneMode(true);
    canvas->rebuild();
    auto* figures = new QLabel(content);
    figures->setWordWrap(true);
    figures->setContentsMargins(8, 2, 8, 4);
    figures->setObjectName(QStringLiteral("paneFigures"));
    v->addWidget(canvas, 1);
    v->addWidget(figures);
    auto* frame = new PanelFrame(content, panes_box_);
    pane_frames_.push_back(frame);
    canvases_.push_back(canvas);
    pane_figures_.push_back(figures);
    // Undo/redo in one pane re-runs the schedule there; the chart follows the new schedule.
    connect(lab_->pane(i), &LabController::documentChanged, this, [this] { QTimer::singleShot(0, this, &CompareWindow::rebuildChart); });
  }
  arrangePanes();
  table_->setColumnCount(lab_->paneCount());
  table_->setRowCount(static_cast<int>(Figure::Count_));
  scrub_->setRange(lab_->endTime());
  scrub_->setProjectorMode(projector_);
  retranslateUi();
  rebuildChart();
  refresh();
}

void CompareWindow::setProjectorMode(bool on) {
  projector_ = on;
  for (CanvasView* c : canvases_) c->setProjectorMode(on);
  scrub_->setProjectorMode(on);
  arrangePanes();
  applyPage();
  refresh();  // the figures line is shorter on a projector
}

void CompareWindow::showPage(Page page) {
  page_ = page;
  applyPage();
}

// On a desk the panes and, under them, the table and the chart share the window. On a projector
// one page fills it: a canvas squeezed above a table draws its node names at 10-16 px, which the
// back row cannot read.
void CompareWindow::applyPage() {
  panes_btn_->setVisible(projector_);
  figures_btn_->setVisible(projector_);
  panes_btn_->setChecked(page_ == Page::Panes);
  figures_btn_->setChecked(page_ == Page::Figures);
  panes_box_->setVisible(!projector_ || page_ == Page::Panes);
  bottom_->setVisible(!projector_ || page_ == Page::Figures);
  if (!projector_) shareHeight(false);
}

void CompareWindow::arrangePanes() {
  auto* grid = static_cast<QGridLayout*>(panes_box_->layout());
  for (PanelFrame* f : pane_frames_) grid->removeWidget(f);
  const int n = static_cast<int>(pane_frames_.size());
  // Three or four panes in one row of a projected window are narrow strips whose cards shrink with
  // their width; two by two (the third of three across the whole width) they keep larger cards. On
  // a desk the row leaves the table and the chart their height below.
  const int columns = projector_ && n >= 3 ? 2 : std::max(n, 1);
  for (int i = 0; i < n; ++i) {
    const bool lastAlone = i == n - 1 && i % columns == 0 && columns > 1;
    grid->addWidget(pane_frames_[static_cast<std::size_t>(i)], i / columns, i % columns, 1, lastAlone ? columns : 1);
  }
  for (int c = 0; c < 4; ++c) grid->setColumnStretch(c, c < columns ? 1 : 0);
  for (int r = 0; r < 4; ++r) grid->setRowStretch(r, r < (n + columns - 1) / columns ? 1 : 0);
}

void CompareWindow::shareHeight(bool projectorOn) {
  vertical_->setSizes(projectorOn ? QList<int>{640, 360} : QList<int>{400, 260});
}

void CompareWindow::scheduleRefresh() {
  if (refresh_pending_) return;
  refresh_pending_ = true;
  QTimer::singleShot(0, this, [this] {
    refresh_pending_ = false;
    refresh();
  });
}

QString CompareWindow::cellText(const cs::CompareRow& r, Figure f) {
  switch (f) {
    case Figure::Committed: return tr("%1 / %2").arg(r.committed).arg(r.transactions);
    case Figure::Aborted: return QString::number(r.aborted);
    case Figure::Throughput: return QString::number(r.throughput, 'f', 1);
    case Figure::LatencyMean: return msText(r.latency_mean);
    case Figure::LatencyP99: return msText(r.latency_p99);
    case Figure::Held: return msText(r.held);
    case Figure::Blocked: return msText(r.blocked);
    case Figure::Compensations: return QString::number(r.compensations);
    case Figure::Windows: return tr("%1 (%2 ms)").arg(r.windows).arg(msText(r.window_time));
    case Figure::Invariants: {
      if (r.violated.empty()) return tr("all %1 held").arg(r.invariants);
      QStringList names;
      for (const auto& k : r.violated) names << EngineText::invariant(k);
      return tr("violated: %1").arg(names.join(QStringLiteral(", ")));
    }
    case Figure::Count_: break;
  }
  return {};
}

double CompareWindow::chartValue(const cs::CompareRow& r, ChartFigure f) {
  switch (f) {
    case ChartFigure::Held: return static_cast<double>(r.held) / 1000.0;
    case ChartFigure::Blocked: return static_cast<double>(r.blocked) / 1000.0;
    case ChartFigure::Committed: return static_cast<double>(r.committed);
    case ChartFigure::Aborted: return static_cast<double>(r.aborted);
    case ChartFigure::Compensations: return static_cast<double>(r.compensations);
    case ChartFigure::WindowTime: return static_cast<double>(r.window_time) / 1000.0;
  }
  return 0;
}

void CompareWindow::refresh() {
  const std::vector<cs::CompareRow> rows = lab_->rows();
  for (std::size_t c = 0; c < rows.size(); ++c) {
    for (int f = 0; f < static_cast<int>(Figure::Count_); ++f) {
      QTableWidgetItem* item = table_->item(f, static_cast<int>(c));
      if (!item) {
        item = new QTableWidgetItem;
        item->setTextAlignment(Qt::AlignCenter);
        table_->setItem(f, static_cast<int>(c), item);
      }
      item->setText(cellText(rows[c], static_cast<Figure>(f)));
    }
    if (c >= pane_figures_.size()) continue;
    // A projector's line keeps to what the lessons point at (the table page has the rest) so
    // that it stays one line under a pane half the window wide.
    if (projector_)
      pane_figures_[c]->setText(tr("Committed %1 · held %2 ms · blocked %3 ms")
                                    .arg(cellText(rows[c], Figure::Committed), msText(rows[c].held), msText(rows[c].blocked)));
    else
      pane_figures_[c]->setText(tr("Committed %1 · locks held %2 ms · blocked %3 ms · compensations %4")
                                    .arg(cellText(rows[c], Figure::Committed), msText(rows[c].held),
                                         msText(rows[c].blocked))
                                    .arg(rows[c].compensations));
  }
  scrub_->setTime(lab_->now());
  time_label_->setText(tr("%1 ms").arg(msText(lab_->now())));
  play_btn_->setText(lab_->isPlaying() ? tr("Pause") : tr("Play"));
  undo_btn_->setEnabled(lab_->canUndo());
  redo_btn_->setEnabled(lab_->canRedo());
  if (now_line_) {
    const double x = static_cast<double>(lab_->now()) / 1000.0;
    now_line_->replace({QPointF(x, value_axis_->min()), QPointF(x, value_axis_->max())});
  }
}

void CompareWindow::rebuildChart() {
  chart_->removeAllSeries();
  now_line_ = nullptr;
  const auto figure = static_cast<ChartFigure>(figure_box_->currentData().toInt());
  const cs::Time end = lab_->endTime();
  double top = 1;
  for (int i = 0; i < lab_->paneCount(); ++i) {
    auto* series = new QLineSeries;
    series->setName(EngineText::protocolName(lab_->protocol(i).toStdString()));
    auto run = lab_->pane(i)->makeRun();
    for (int k = 0; k <= kChartSamples; ++k) {
      const cs::Time t = end * k / kChartSamples;
      run->sim().run_until(t);
      const double v = chartValue(cs::compare_row(*run), figure);
      top = std::max(top, v);
      series->append(static_cast<double>(t) / 1000.0, v);
    }
    chart_->addSeries(series);
    series->attachAxis(time_axis_);
    series->attachAxis(value_axis_);
  }
  // Axis labels and legend a size below the window's font: a projector's large font would
  // otherwise elide the labels of a chart that shares the window with the panes.
  QFont small = font();
  if (small.pointSizeF() > 0) small.setPointSizeF(small.pointSizeF() * 0.75);
  else small.setPixelSize(std::max(8, small.pixelSize() * 3 / 4));
  for (QValueAxis* axis : {time_axis_, value_axis_}) {
    axis->setLabelsFont(small);
    axis->setTitleFont(small);
  }
  chart_->legend()->setFont(small);
  time_axis_->setRange(0, static_cast<double>(end) / 1000.0);
  value_axis_->setRange(0, top * 1.1);
  value_axis_->applyNiceNumbers();
  now_line_ = new QLineSeries;
  now_line_->setName(tr("now"));
  now_line_->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
  chart_->addSeries(now_line_);
  now_line_->attachAxis(time_axis_);
  now_line_->attachAxis(value_axis_);
  refresh();
}

QString CompareWindow::figureName(Figure f) const {
  switch (f) {
    case Figure::Committed: return tr("Committed / started");
    case Figure::Aborted: return tr("Aborted");
    case Figure::Throughput: return tr("Throughput (txn/s)");
    case Figure::LatencyMean: return tr("Latency, mean (ms)");
    case Figure::LatencyP99: return tr("Latency, p99 (ms)");
    case Figure::Held: return tr("Locks/reservations held (ms)");
    case Figure::Blocked: return tr("Time blocked (ms)");
    case Figure::Compensations: return tr("Compensations");
    case Figure::Windows: return tr("Inconsistency windows");
    case Figure::Invariants: return tr("Invariants");
    case Figure::Count_: break;
  }
  return {};
}

QString CompareWindow::chartFigureName(ChartFigure f) const {
  switch (f) {
    case ChartFigure::Held: return tr("Locks/reservations held (ms)");
    case ChartFigure::Blocked: return tr("Time blocked (ms)");
    case ChartFigure::Committed: return tr("Committed");
    case ChartFigure::Aborted: return tr("Aborted");
    case ChartFigure::Compensations: return tr("Compensations");
    case ChartFigure::WindowTime: return tr("Inconsistency windows (ms)");
  }
  return {};
}

void CompareWindow::retranslateUi() {
  setWindowTitle(tr("Compare protocols — CommitScope"));
  undo_btn_->setText(tr("Undo fault"));
  undo_btn_->setToolTip(tr("Undo the last fault in every pane"));
  redo_btn_->setText(tr("Redo fault"));
  panes_btn_->setText(tr("Panes"));
  panes_btn_->setToolTip(tr("Show the protocols side by side (Ctrl+1)"));
  figures_btn_->setText(tr("Table and chart"));
  figures_btn_->setToolTip(tr("Show the comparison table and the chart (Ctrl+2)"));
  play_btn_->setToolTip(tr("Play or pause every pane on one clock"));
  figure_label_->setText(tr("Chart:"));
  for (int i = 0; i < figure_box_->count(); ++i) figure_box_->setItemText(i, chartFigureName(static_cast<ChartFigure>(i)));
  time_axis_->setTitleText(tr("virtual time (ms)"));
  QStringList rows;
  for (int f = 0; f < static_cast<int>(Figure::Count_); ++f) rows << figureName(static_cast<Figure>(f));
  table_->setVerticalHeaderLabels(rows);
  // Columns carry the protocol's short key (as the CLI prints it); the full name is the pane's title
  // and the column's tool tip, since two or more long names do not fit a projected table.
  QStringList cols;
  for (int i = 0; i < lab_->paneCount(); ++i) {
    const QString name = EngineText::protocolName(lab_->protocol(i).toStdString());
    cols << lab_->protocol(i);
    if (static_cast<std::size_t>(i) < pane_frames_.size()) pane_frames_[static_cast<std::size_t>(i)]->setTitle(name);
  }
  table_->setHorizontalHeaderLabels(cols);
  for (int i = 0; i < lab_->paneCount(); ++i)
    table_->horizontalHeaderItem(i)->setToolTip(EngineText::protocolName(lab_->protocol(i).toStdString()));
  if (now_line_) now_line_->setName(tr("now"));
  refresh();
}

void CompareWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    rebuildChart();  // series names are protocol names in the new language
  }
  QWidget::changeEvent(event);
}
