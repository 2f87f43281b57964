// Paxos Commit in the window: File > New offers it with its `faults` field (read from the descriptor),
// the nodes it builds are the leader, the RMs and 2F+1 acceptors, and the coordinator crash that
// blocks 2PC ends with every RM committed while C is still down.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QSpinBox>

#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"
#include "new_scenario_dialog.hpp"
#include "param_form.hpp"
#include "protocols/paxos_commit/paxos_commit.hpp"
#include "state_machine_view.hpp"

TEST(PaxosCommitGui, NewScenarioOffersItWithTheFaultsField) {
  NewScenarioDialog dialog;
  auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("protocol"));
  ASSERT_NE(combo, nullptr);
  const int i = combo->findData(QStringLiteral("paxos-commit"));
  ASSERT_GE(i, 0);
  combo->setCurrentIndex(i);
  auto* faults = qobject_cast<QSpinBox*>(dialog.paramForm()->field("faults"));
  ASSERT_NE(faults, nullptr);
  EXPECT_EQ(faults->value(), 1);
  EXPECT_EQ(faults->maximum(), 3);
  faults->setValue(2);
  LabController c;
  ASSERT_TRUE(c.newScenarioWithParams(dialog.protocol(), dialog.params()));
  const auto& nodes = c.sim().nodes();
  int acceptors = 0;
  for (const auto& n : nodes) acceptors += n.role == "acceptor";
  EXPECT_EQ(acceptors, 5);
  EXPECT_EQ(nodes.back().name, "A5");
  EXPECT_EQ(nodes.front().name, "C");
}

TEST(PaxosCommitGui, TheCoordinatorCrashEndsCommittedInTheWindowWithoutC) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1280, 720);
  w.show();
  QString error;
  ASSERT_TRUE(w.openFile(guitest::scenarioPath("paxos-commit-coordinator-crash.json"), false, &error)) << error.toStdString();
  controller.seekTime(controller.endTime());
  QApplication::processEvents();
  const cs::Simulator& sim = controller.sim();
  EXPECT_FALSE(sim.is_up(sim.node_id("C")));
  for (const char* p : {"P1", "P2", "P3"})
    EXPECT_EQ(sim.node_view(sim.node_id(p)).state, cs::paxos::COMMIT) << p;
  auto* machine = w.findChild<StateMachineView*>();
  ASSERT_NE(machine, nullptr);
  EXPECT_FALSE(machine->stateBoxes().empty());
}
