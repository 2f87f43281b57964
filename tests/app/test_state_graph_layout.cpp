// The state machine's layout without a widget or a paint: every role of every registered protocol,
// in the pane shapes the window gives the view and a few more, at the normal and the projector type
// size. Only geometry is checked here; tests/app/test_canvas.cpp checks the painted view.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFont>
#include <algorithm>
#include <set>

#include "protocols/descriptor.hpp"
#include "protocols/registry.hpp"
#include "state_graph_layout.hpp"

namespace {

StateGraphLayout::Inputs inputsFor(const cs::ProtocolInfo& info, const cs::RoleMachine& role, qreal scale) {
  StateGraphLayout::Inputs in;
  in.machine = &role;
  in.font = QApplication::font();
  in.scale = scale;
  in.stateName = [&info](int s) { return QString::fromStdString(info.states[static_cast<std::size_t>(s)]); };
  in.transitionLabel = [](const std::string& key) { return QString::fromStdString(key); };
  in.edgeText = [](const QStringList& labels) { return labels.join(QLatin1Char('\n')); };
  if (!role.transitions.empty()) in.lit = {role.transitions.front().from, role.transitions.front().to};
  return in;
}

struct Pane {
  QSizeF size;
  qreal scale;
};
// The lab's and a lesson's panes at 1600×1000 (normal type) and 1920×1080 (projector type), a narrow
// tall pane and a wide low one.
constexpr Pane kPanes[] = {{{518, 294}, 1.0}, {{291, 363}, 1.0}, {{776, 414}, 1.7}, {{447, 638}, 1.7},
                           {{440, 760}, 1.7}, {{1100, 520}, 1.0}, {{900, 360}, 1.0}};

// The run's ProtocolInfo: the descriptor's keys plus the role machines the protocol adds.
cs::ProtocolInfo infoOf(const cs::ProtocolEntry& entry) {
  cs::Diagnostics problems;
  const auto protocol = entry.create(entry.default_params(), problems);
  EXPECT_TRUE(protocol) << entry.name();
  return protocol ? protocol->info() : cs::ProtocolInfo{};
}

}  // namespace

TEST(StateGraphLayout, BoxesStayApartAndInsideTheGraphAreaForEveryRole) {
  int machines = 0;
  for (const auto& entry : cs::protocol_registry()) {
    const cs::ProtocolInfo info = infoOf(entry);
    for (const cs::RoleMachine& role : info.roles) {
      if (role.states.empty()) continue;
      ++machines;
      for (const Pane& pane : kPanes) {
        StateGraphLayout layout;
        layout.setInputs(inputsFor(info, role, pane.scale));
        const QRectF whole(QPointF(0, 0), pane.size);
        const QRectF body = whole.adjusted(10, 60, -10, -8);
        const auto areas = layout.arrange(body, 2, 20, whole);
        const std::string where = std::string(entry.name()) + "/" + role.role + " " + std::to_string(int(pane.size.width())) + "x" +
                                  std::to_string(int(pane.size.height()));
        ASSERT_FALSE(areas.noMachine) << where;
        ASSERT_EQ(layout.boxes().size(), role.states.size()) << where;
        // The graph, the log and the locks never overlap one another.
        EXPECT_FALSE(areas.graph.intersects(areas.log)) << where;
        EXPECT_FALSE(areas.graph.intersects(areas.locks)) << where;
        EXPECT_FALSE(areas.log.intersects(areas.locks)) << where;
        const auto& boxes = layout.boxes();
        for (std::size_t i = 0; i < boxes.size(); ++i) {
          const QRectF& r = boxes[i].rect;
          EXPECT_TRUE(areas.graph.adjusted(-1, -1, 1, 1).contains(r)) << where << " box " << i << " (" << r.left() << "," << r.top() << " " << r.width() << "x" << r.height() << ") in (" << areas.graph.left() << "," << areas.graph.top() << " " << areas.graph.width() << "x" << areas.graph.height() << ")";
          for (std::size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(boxes[i].rect.intersects(boxes[j].rect)) << where << " boxes " << i << "," << j;
        }
      }
    }
  }
  EXPECT_GE(machines, 15);  // every protocol's roles were laid out, not none
}

TEST(StateGraphLayout, EveryArrowHasALabelAndOnlyTheLastTransitionIsLit) {
  int machines = 0;
  for (const auto& entry : cs::protocol_registry()) {
    const cs::ProtocolInfo info = infoOf(entry);
    for (const cs::RoleMachine& role : info.roles) {
      if (role.transitions.empty()) continue;
      ++machines;
      StateGraphLayout layout;
      const auto in = inputsFor(info, role, 1.0);
      layout.setInputs(in);
      layout.arrange(QRectF(0, 60, 1100, 460), 0, 20, QRectF(0, 0, 1100, 520));
      // One arrow per (from, to) pair of distinct states; each with its label.
      std::set<std::pair<int, int>> pairs;
      for (const auto& t : role.transitions)
        if (t.from != t.to) pairs.insert({t.from, t.to});
      EXPECT_EQ(layout.arrows().size(), pairs.size()) << entry.name() << "/" << role.role;
      EXPECT_EQ(layout.labels().size(), layout.arrows().size()) << entry.name() << "/" << role.role;
      int lit = 0;
      for (const auto& a : layout.arrows()) {
        lit += a.lit ? 1 : 0;
        EXPECT_EQ(a.lit, a.key == in.lit);
        EXPECT_FALSE(a.path.isEmpty());
      }
      EXPECT_EQ(lit, in.lit.first != in.lit.second ? 1 : 0) << entry.name() << "/" << role.role;
    }
  }
  EXPECT_GE(machines, 15);
}

TEST(StateGraphLayout, ANarrowTallPaneStacksTheLayersAndAWideOneLaysThemAcross) {
  const cs::ProtocolInfo info = infoOf(*cs::find_protocol("2pc"));
  const cs::RoleMachine* coordinator = info.role("coordinator");
  ASSERT_NE(coordinator, nullptr);
  StateGraphLayout layout;
  layout.setInputs(inputsFor(info, *coordinator, 1.7));
  layout.arrange(QRectF(10, 60, 420, 690), 0, 30, QRectF(0, 0, 440, 760));
  EXPECT_TRUE(layout.vertical());
  layout.setInputs(inputsFor(info, *coordinator, 1.0));
  layout.arrange(QRectF(10, 60, 1080, 450), 0, 20, QRectF(0, 0, 1100, 520));
  EXPECT_FALSE(layout.vertical());
  // Across: the initial state is the leftmost box.
  const auto& boxes = layout.boxes();
  const auto initial = std::find_if(boxes.begin(), boxes.end(), [&](const auto& b) { return b.state == coordinator->states.front(); });
  ASSERT_NE(initial, boxes.end());
  for (const auto& b : boxes) EXPECT_LE(initial->rect.left(), b.rect.left());
}

TEST(StateGraphLayout, ARoleWithoutStatesGivesThePaneToTheLogAndLocks) {
  cs::RoleMachine empty;
  empty.role = "broker";
  StateGraphLayout::Inputs in;
  in.machine = &empty;
  in.font = QApplication::font();
  StateGraphLayout layout;
  layout.setInputs(in);
  const auto areas = layout.arrange(QRectF(10, 60, 600, 400), 0, 20, QRectF(0, 0, 620, 470));
  EXPECT_TRUE(areas.noMachine);
  EXPECT_TRUE(layout.boxes().empty());
  EXPECT_GT(areas.log.height(), 200);
  EXPECT_GT(areas.noteHeight, 0);
}

TEST(StateGraphLayout, SqueezedNamesBreakBeforeTheTranslation) {
  cs::ProtocolInfo info;
  info.states = {"COMMIT（提交）", "PREPARED TO COMMIT", "INIT"};
  cs::RoleMachine role;
  role.states = {0, 1, 2};
  StateGraphLayout layout;
  auto in = inputsFor(info, role, 1.0);
  layout.setInputs(in);
  EXPECT_EQ(layout.stateName(0, true), QStringLiteral("COMMIT\n（提交）"));
  EXPECT_EQ(layout.stateName(1, true), QStringLiteral("PREPARED\nTO COMMIT"));
  EXPECT_EQ(layout.stateName(2, true), QStringLiteral("INIT"));
  EXPECT_EQ(layout.stateName(1, false), QStringLiteral("PREPARED TO COMMIT"));
}

// What is drawn, for every role in every pane shape: each state's name inside its own box, and each
// arrow label (with the paper backing it is drawn on) off every box and every other label.
TEST(StateGraphLayout, NoTextRunsIntoABoxOrAnotherLabelForEveryRole) {
  QStringList problems;
  int labels = 0;
  for (const auto& entry : cs::protocol_registry()) {
    const cs::ProtocolInfo info = infoOf(entry);
    for (const cs::RoleMachine& role : info.roles) {
      if (role.states.empty()) continue;
      for (const Pane& pane : kPanes) {
        StateGraphLayout layout;
        layout.setInputs(inputsFor(info, role, pane.scale));
        const QRectF whole(QPointF(0, 0), pane.size);
        layout.arrange(whole.adjusted(10, 60, -10, -8), 2, 20, whole);
        const QString where = QStringLiteral("%1/%2 %3x%4").arg(QString::fromStdString(std::string(entry.name())), QString::fromStdString(role.role))
                                  .arg(pane.size.width()).arg(pane.size.height());
        for (const auto& b : layout.boxes())
          if (!b.rect.adjusted(2, 0, -2, 0).contains(layout.boxTextRect(b)))
            problems << QStringLiteral("%1: %2 outside its box").arg(where, layout.boxText(b));
        std::vector<QRectF> placed;
        for (const auto& l : layout.labels()) {
          if (l.hidden) continue;
          ++labels;
          const QRectF r = layout.labelTextRect(l).adjusted(-3, -1, 3, 1);
          for (const auto& b : layout.boxes())
            if (r.intersects(b.rect)) problems << QStringLiteral("%1: label %2 over %3").arg(where, l.text, layout.boxText(b));
          for (const QRectF& o : placed)
            if (r.intersects(o)) problems << QStringLiteral("%1: label %2 over another label").arg(where, l.text);
          placed.push_back(r);
        }
      }
    }
  }
  EXPECT_GT(labels, 50);
  EXPECT_TRUE(problems.isEmpty()) << problems.size() << ": " << problems.mid(0, 12).join(QStringLiteral("; ")).toStdString();
}
