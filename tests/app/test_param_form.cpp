// File > New's parameter form: built from each protocol's descriptor, every parameter named in
// both languages, changed fields written into the scenario, out-of-range combinations refused by
// the protocol with its message.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include "lab_controller.hpp"
#include "language.hpp"
#include "new_scenario_dialog.hpp"
#include "param_form.hpp"
#include "param_text.hpp"
#include "protocols/registry.hpp"

namespace {

void chooseProtocol(NewScenarioDialog& dialog, const char* name) {
  auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("protocol"));
  ASSERT_NE(combo, nullptr);
  const int i = combo->findData(QString::fromLatin1(name));
  ASSERT_GE(i, 0) << name;
  combo->setCurrentIndex(i);
}

bool okEnabled(const NewScenarioDialog& dialog) {
  return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

}  // namespace

// A guard: a new parameter in any descriptor needs its label and help line here, in both languages.
TEST(ParamForm, EveryParameterOfEveryProtocolHasATranslatedNameAndHelp) {
  QStringList missing;
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_TW")}) {
    language::apply(lang, false);
    for (const auto& entry : cs::protocol_registry())
      for (const cs::ParamSpec& p : entry.descriptor().params) {
        const QString key = QString::fromUtf8(p.key.data(), static_cast<qsizetype>(p.key.size()));
        if (ParamText::label(p.key).isEmpty() || ParamText::help(p.key).isEmpty()) missing << lang + QLatin1Char(' ') + key;
        // zh-TW: Chinese text, not the English left in place (a code or protocol word may stay).
        if (lang == QStringLiteral("zh_TW")) {
          const QString text = ParamText::label(p.key) + ParamText::help(p.key);
          if (std::none_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; }))
            missing << QStringLiteral("untranslated ") + key;
        }
        for (const std::string_view c : p.choices)
          if (lang == QStringLiteral("zh_TW") && ParamText::choice(p.key, c) == QString::fromUtf8(c.data(), static_cast<qsizetype>(c.size())))
            missing << QStringLiteral("choice ") + key;
      }
  }
  language::apply(QStringLiteral("en"), false);
  missing.removeDuplicates();
  EXPECT_TRUE(missing.isEmpty()) << missing.join(QLatin1Char('\n')).toStdString();
}

TEST(ParamForm, EveryProtocolGetsAFieldPerSimpleParameter) {
  NewScenarioDialog dialog;
  for (const auto& entry : cs::protocol_registry()) {
    chooseProtocol(dialog, std::string(entry.name()).c_str());
    const cs::ParamSpec* size = entry.descriptor().cluster_size_param();
    int expected = 0;
    for (const cs::ParamSpec& p : entry.descriptor().params)
      if (p.kind != cs::ParamKind::Structured && &p != size) ++expected;
    EXPECT_EQ(dialog.paramForm()->fieldCount(), expected) << entry.name();
    // Untouched, the form writes nothing: the scenario is the starter one.
    EXPECT_EQ(dialog.params(), [&] {
      nlohmann::json p = entry.default_params();
      if (size) p[std::string(size->key)] = dialog.findChild<QSpinBox*>()->value();
      return p;
    }()) << entry.name();
    EXPECT_TRUE(okEnabled(dialog)) << entry.name();
  }
}

TEST(ParamForm, ChangedFieldsGoIntoTheNewScenario) {
  NewScenarioDialog dialog;
  chooseProtocol(dialog, "2pc");
  ParamForm* form = dialog.paramForm();
  auto* timeout = qobject_cast<QDoubleSpinBox*>(form->field("timeout_ms"));
  auto* abort = qobject_cast<QDoubleSpinBox*>(form->field("abort_probability"));
  auto* transactions = qobject_cast<QSpinBox*>(form->field("transactions"));
  ASSERT_TRUE(timeout && abort && transactions);
  timeout->setValue(450);
  abort->setValue(0.25);
  transactions->setValue(3);
  const nlohmann::json p = dialog.params();
  EXPECT_EQ(p.at("timeout_ms").get<double>(), 450);
  EXPECT_EQ(p.at("abort_probability").get<double>(), 0.25);
  EXPECT_EQ(p.at("transactions").get<int>(), 3);
  EXPECT_FALSE(p.contains("disk_ms"));  // untouched
  ASSERT_TRUE(okEnabled(dialog));
  LabController c;
  ASSERT_TRUE(c.newScenarioWithParams(dialog.protocol(), p));
  EXPECT_EQ(c.scenario().params.at("timeout_ms").get<double>(), 450);
}

TEST(ParamForm, AChoiceAndASwitchAreWrittenAsTheirFileValues) {
  NewScenarioDialog dialog;
  chooseProtocol(dialog, "cap-register");
  auto* mode = qobject_cast<QComboBox*>(dialog.paramForm()->field("mode"));
  ASSERT_NE(mode, nullptr);
  mode->setCurrentIndex(mode->findData(QStringLiteral("ap")));
  EXPECT_EQ(dialog.params().at("mode"), "ap");
  chooseProtocol(dialog, "primary-backup");
  auto* fencing = qobject_cast<QCheckBox*>(dialog.paramForm()->field("fencing"));
  ASSERT_NE(fencing, nullptr);
  fencing->setChecked(!fencing->isChecked());
  EXPECT_EQ(dialog.params().at("fencing").get<bool>(), fencing->isChecked());
}

TEST(ParamForm, AnImpossibleCombinationDisablesOkWithTheProtocolsMessage) {
  NewScenarioDialog dialog;
  chooseProtocol(dialog, "cap-register");
  auto* quorum = qobject_cast<QSpinBox*>(dialog.paramForm()->field("read_quorum"));
  ASSERT_NE(quorum, nullptr);
  quorum->setValue(quorum->maximum());  // more replicas than the cluster has
  EXPECT_FALSE(okEnabled(dialog));
  bool named = false;
  for (const QLabel* l : dialog.findChildren<QLabel*>()) named = named || l->text().contains(QStringLiteral("read_quorum"));
  EXPECT_TRUE(named) << "the protocol's message names the parameter";
  quorum->setValue(1);
  EXPECT_TRUE(okEnabled(dialog));
}

TEST(ParamForm, AParameterThatFollowsAnotherStartsAutomaticAndCanGoBack) {
  NewScenarioDialog dialog;
  chooseProtocol(dialog, "cap-register");
  auto* quorum = qobject_cast<QSpinBox*>(dialog.paramForm()->field("write_quorum"));
  ASSERT_NE(quorum, nullptr);
  EXPECT_EQ(quorum->value(), quorum->minimum());
  EXPECT_TRUE(quorum->text().contains(QStringLiteral("majority"))) << quorum->text().toStdString();
  quorum->setValue(2);
  EXPECT_EQ(dialog.params().at("write_quorum").get<int>(), 2);
  quorum->setValue(quorum->minimum());
  EXPECT_FALSE(dialog.params().contains("write_quorum"));
}

TEST(ParamForm, LabelsFollowTheLanguage) {
  NewScenarioDialog dialog;
  chooseProtocol(dialog, "2pc");
  // With COMMITSCOPE_SHOT_DIR set, the dialog is also saved as a picture in both languages.
  const QString shots = qEnvironmentVariable("COMMITSCOPE_SHOT_DIR");
  if (!shots.isEmpty()) dialog.grab().save(shots + QStringLiteral("/new-scenario-en.png"));
  const QString en = dialog.paramForm()->labelText("timeout_ms");
  language::apply(QStringLiteral("zh_TW"), false);
  if (!shots.isEmpty()) dialog.grab().save(shots + QStringLiteral("/new-scenario-zh.png"));
  const QString zh = dialog.paramForm()->labelText("timeout_ms");
  language::apply(QStringLiteral("en"), false);
  EXPECT_EQ(en, QStringLiteral("Vote / decision timeout:"));
  EXPECT_NE(zh, en);
  EXPECT_EQ(dialog.paramForm()->labelText("timeout_ms"), en);
}
