// Every stable key any protocol can emit has words in both languages: a key the app's tables do not
// know would show up raw (e.g. "transaction_manager") in the zh-TW window.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>

#include "engine_text.hpp"
#include "language.hpp"
#include "metric_text.hpp"
#include "protocols/descriptor.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"

namespace {

bool hasChinese(const QString& s) {
  static const QRegularExpression han(QStringLiteral("\\p{Han}"));
  return han.match(s).hasMatch();
}

struct Missing {
  QStringList items;
  void check(const QString& what, const std::string& key, const QString& text, bool keepsKey) {
    const QString k = QString::fromStdString(key);
    if (!hasChinese(text) || (keepsKey && !text.contains(k))) items << QStringLiteral("%1 %2 -> %3").arg(what, k, text);
  }
};

class ZhTw : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(language::apply(QStringLiteral("zh_TW"), false)); }
  void TearDown() override { language::apply(QStringLiteral("en"), false); }
};

}  // namespace

TEST_F(ZhTw, EveryProtocolKeyHasChineseWords) {
  Missing m;
  // Every protocol with its default parameters and with those of every shipped scenario: some
  // parameters add states and transitions (primary-backup's elections, for one).
  std::vector<std::unique_ptr<cs::Protocol>> protocols;
  for (const cs::ProtocolEntry& entry : cs::protocol_registry()) {
    cs::Diagnostics diags;
    protocols.push_back(entry.create(entry.default_params(), diags));
    ASSERT_NE(protocols.back(), nullptr) << entry.name();
    m.check(QStringLiteral("protocol"), std::string(entry.name()), EngineText::protocolName(entry.name()), false);
    m.check(QStringLiteral("summary"), std::string(entry.name()), EngineText::protocolSummary(entry.name()), false);
  }
  const QDir dir(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios"));
  for (const QString& f : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
    QFile file(dir.filePath(f));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << f.toStdString();
    const auto loaded = cs::load_scenario(file.readAll().toStdString(), f.toStdString());
    ASSERT_TRUE(loaded.scenario) << f.toStdString();
    const cs::ProtocolEntry* entry = cs::find_protocol(loaded.scenario->protocol);
    ASSERT_NE(entry, nullptr) << f.toStdString();
    cs::Diagnostics diags;
    protocols.push_back(entry->create(loaded.scenario->params, diags));
    ASSERT_NE(protocols.back(), nullptr) << f.toStdString();
  }
  for (const auto& protocol : protocols) {
    const cs::ProtocolInfo& info = protocol->info();
    // States, messages and log records keep their canonical name beside the Chinese: lessons and
    // textbooks use the names.
    for (const auto& k : info.states) m.check(QStringLiteral("state"), k, EngineText::state(k), true);
    for (const auto& k : info.messages) m.check(QStringLiteral("message"), k, EngineText::message(k), true);
    for (const auto& k : info.log_records) m.check(QStringLiteral("log"), k, EngineText::logRecord(k), true);
    for (const auto& k : info.timers) m.check(QStringLiteral("timer"), k, EngineText::timer(k), false);
    for (const auto& k : info.notes) m.check(QStringLiteral("note"), k, EngineText::note(k), false);
    for (const auto& r : info.roles) {
      m.check(QStringLiteral("role"), r.role, EngineText::role(r.role), false);
      for (const auto& t : r.transitions) {
        // Labels made only of message names ("PUBLISH/DELIVER") are the same in both languages.
        bool onlyMessages = true;
        for (QString part : QString::fromStdString(t.label).split(QRegularExpression(QStringLiteral("[/|]")))) {
          part = part.trimmed();
          if (part.startsWith(QLatin1String("all "))) onlyMessages = false;
          if (info.message_index(part.toStdString()) < 0) onlyMessages = false;
        }
        if (!onlyMessages) m.check(QStringLiteral("transition"), t.label, EngineText::transitionLabel(info, t.label), false);
      }
    }
  }
  m.items.removeDuplicates();
  EXPECT_TRUE(m.items.isEmpty()) << m.items.size() << " untranslated:\n" << m.items.join(QLatin1Char('\n')).toStdString();
}

// Every invariant and every metric a protocol's descriptor declares has a translated name (and an
// invariant its sentence) in both languages: a key with no entry shows raw ("no_dirty_read") in the
// status bar, the New-scenario dialog, the canvas banner and the metrics chart.
namespace {

QStringList untranslatedDescriptorKeys(bool zh) {
  QStringList missing;
  const auto bad = [zh](const QString& text, const std::string& key) {
    return text == QString::fromStdString(key) || text.isEmpty() || (zh && !hasChinese(text));
  };
  for (const cs::ProtocolEntry& entry : cs::protocol_registry()) {
    const cs::ProtocolDescriptor& d = entry.descriptor();
    for (const cs::InvariantSpec& inv : d.invariants) {
      const std::string key(inv.key);
      if (bad(EngineText::invariant(key), key)) missing << QStringLiteral("%1 invariant %2").arg(QString::fromUtf8(d.name.data(), d.name.size()), QString::fromStdString(key));
      if (bad(EngineText::invariantDescription(key), key))
        missing << QStringLiteral("%1 invariant description %2").arg(QString::fromUtf8(d.name.data(), d.name.size()), QString::fromStdString(key));
    }
    for (const cs::MetricSpec& m : d.metrics) {
      std::string key(m.key);
      // The chart folds "*_latency_sum_us" and "*_latency_count" into "*_latency_avg_us" (metrics_sampler).
      const auto folded = [&key](std::string_view tail) {
        return key.size() > tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
      };
      if (folded("_latency_sum_us")) key = key.substr(0, key.size() - 7) + "_avg_us";
      else if (folded("_latency_count")) key = key.substr(0, key.size() - 6) + "_avg_us";
      if (bad(MetricText::name(key), key)) missing << QStringLiteral("%1 metric %2").arg(QString::fromUtf8(d.name.data(), d.name.size()), QString::fromStdString(key));
      if (bad(MetricText::shortName(key), key))
        missing << QStringLiteral("%1 metric short name %2").arg(QString::fromUtf8(d.name.data(), d.name.size()), QString::fromStdString(key));
    }
  }
  return missing;
}

}  // namespace

TEST(EngineTextGuard, EveryDescriptorInvariantAndMetricHasAnEnglishName) {
  language::apply(QStringLiteral("en"), false);
  const QStringList missing = untranslatedDescriptorKeys(false);
  EXPECT_TRUE(missing.isEmpty()) << missing.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ZhTw, EveryDescriptorInvariantAndMetricHasAChineseName) {
  const QStringList missing = untranslatedDescriptorKeys(true);
  EXPECT_TRUE(missing.isEmpty()) << missing.join(QLatin1Char('\n')).toStdString();
}

namespace {

// Every refusal key the engine can emit, with distinct arguments ("A3.0", "A3.1"...), worded in the
// current language: each must have an entry that uses every argument (an argument the sentence
// forgets hides part of the reason) and no placeholder left over.
QStringList refusalProblems(bool chinese) {
  QStringList problems;
  int n = 0;
  for (std::string_view key : cs::compare_refusal_keys()) {
    cs::CompareRefusal r{std::string(key), {}};
    for (int i = 0; i < cs::compare_refusal_arity(key); ++i) r.args.push_back("A" + std::to_string(n) + "." + std::to_string(i));
    ++n;
    const QString k = QString::fromStdString(r.key);
    const QString text = EngineText::compareRefusalReason(r);
    if (!EngineText::knowsCompareRefusal(key)) problems << k + QStringLiteral(": no entry");
    for (const std::string& a : r.args)
      if (!text.contains(QString::fromStdString(a))) problems << k + QStringLiteral(": drops ") + QString::fromStdString(a);
    if (text.contains(QRegularExpression(QStringLiteral("%\\d")))) problems << k + QStringLiteral(": unfilled ") + text;
    if (chinese && !hasChinese(text)) problems << k + QStringLiteral(": ") + text;
  }
  return problems;
}

}  // namespace

TEST(EngineTextGuard, EveryCompareRefusalKeyHasWordsThatUseEveryArgument) {
  language::apply(QStringLiteral("en"), false);
  const QStringList problems = refusalProblems(false);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ZhTw, EveryCompareRefusalKeyHasChineseWords) {
  const QStringList problems = refusalProblems(true);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
  EXPECT_TRUE(hasChinese(EngineText::compareRefusal("tcc", {"target_no_workload", {}})));
}
