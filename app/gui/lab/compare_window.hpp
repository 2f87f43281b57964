// File > Compare protocols…: the side-by-side lab. One pane per protocol (its canvas on the mapped
// cluster and its key figures), one play/scrub control for all, Undo/Redo for the faults made in any
// pane, a live comparison table and a chart overlaying one figure across the protocols over the whole
// run. Everything shown comes from the CompareLab's pane controllers.
#pragma once

#include <QWidget>
#include <vector>

#include "scenario/compare_metrics.hpp"

class QSplitter;
class CanvasView;
class CompareLab;
class PanelFrame;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QTableWidget;
class QToolButton;
class QValueAxis;
class ScrubBar;

class CompareWindow final : public QWidget {
  Q_OBJECT

 public:
  // The rows of the comparison table, in order.
  enum class Figure { Committed, Aborted, Throughput, LatencyMean, LatencyP99, Held, Blocked, Compensations,
                      Windows, Invariants, Count_ };
  // The figures the chart can overlay.
  enum class ChartFigure { Held, Blocked, Committed, Aborted, Compensations, WindowTime };

  explicit CompareWindow(QWidget* parent = nullptr);
  ~CompareWindow() override;

  CompareLab* lab() const { return lab_; }
  int paneCount() const;
  CanvasView* canvas(int pane) const;
  QLabel* paneFigures(int pane) const;
  QTableWidget* table() const { return table_; }
  QChart* chart() const { return chart_; }
  QComboBox* chartFigureBox() const { return figure_box_; }
  QToolButton* undoButton() const { return undo_btn_; }
  QToolButton* playButton() const { return play_btn_; }

  // The text of one table cell / chart value for a row (what the table and the pane labels show).
  static QString cellText(const cs::CompareRow& row, Figure figure);
  static double chartValue(const cs::CompareRow& row, ChartFigure figure);

  // Projector mode (the main window's): larger canvas cards and a thicker scrub bar. The larger
  // application font reaches this window by itself. At 1280×720 two panes and the table cannot share
  // the height with cards readable from the back row, so a projector shows one page at a time: the
  // panes (each with a line of its key figures under the canvas) or the table and the chart; a switch
  // beside the scrub bar turns the page (Ctrl+1 / Ctrl+2). Four panes are shown two by two.
  void setProjectorMode(bool on);
  bool projectorMode() const { return projector_; }
  enum class Page { Panes, Figures };
  void showPage(Page page);
  Page page() const { return page_; }
  QToolButton* pageButton(Page page) const { return page == Page::Panes ? panes_btn_ : figures_btn_; }
  QSplitter* splitter() const { return vertical_; }
  QWidget* figuresBox() const { return bottom_; }
  // Rebuilds the panes after lab()->setUp().
  void rebuildPanes();
  // Refreshes the table, the pane figures and the controls now (normally coalesced after changes).
  void refresh();
  // Recomputes the chart's lines over the whole run (after a fault or a change of figure).
  void rebuildChart();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void createControls();
  void retranslateUi();
  void scheduleRefresh();
  void arrangePanes();  // the panes in a row, or two by two (four on a projector)
  void applyPage();
  QString figureName(Figure f) const;
  QString chartFigureName(ChartFigure f) const;

  CompareLab* lab_;
  QWidget* panes_box_ = nullptr;
  QWidget* bottom_ = nullptr;  // the table and the chart
  QToolButton* panes_btn_ = nullptr;
  QToolButton* figures_btn_ = nullptr;
  bool projector_ = false;
  Page page_ = Page::Panes;
  std::vector<PanelFrame*> pane_frames_;
  std::vector<CanvasView*> canvases_;
  std::vector<QLabel*> pane_figures_;
  QToolButton* play_btn_ = nullptr;
  QToolButton* undo_btn_ = nullptr;
  QToolButton* redo_btn_ = nullptr;
  ScrubBar* scrub_ = nullptr;
  QLabel* time_label_ = nullptr;
  QLabel* figure_label_ = nullptr;
  QComboBox* figure_box_ = nullptr;
  QTableWidget* table_ = nullptr;
  QChart* chart_ = nullptr;
  QChartView* chart_view_ = nullptr;
  QValueAxis* time_axis_ = nullptr;
  QValueAxis* value_axis_ = nullptr;
  QLineSeries* now_line_ = nullptr;
  bool refresh_pending_ = false;
  void shareHeight(bool projectorOn);
  QSplitter* vertical_ = nullptr;  // the panes above, the table and the chart below
};
