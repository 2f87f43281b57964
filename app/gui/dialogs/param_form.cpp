#include "param_form.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "param_text.hpp"

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// Spin boxes hold ints: the declared range, cut to what an int can hold.
int clampInt(double v) {
  return static_cast<int>(std::clamp(v, static_cast<double>(std::numeric_limits<int>::min() + 1),
                                     static_cast<double>(std::numeric_limits<int>::max())));
}

}  // namespace

ParamForm::ParamForm(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  form_ = new QFormLayout;
  form_->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
  layout->addLayout(form_);
  structured_ = new QLabel(this);
  structured_->setWordWrap(true);
  structured_->setEnabled(false);  // greyed: a remark, not a field
  layout->addWidget(structured_);
}

ParamForm::Field ParamForm::makeField(const cs::ParamSpec& p, double hi, const nlohmann::json& starter) {
  Field f;
  f.spec = &p;
  f.automatic = p.rule != cs::DefaultRule::Literal;
  const auto given = starter.find(std::string(p.key));
  const bool has = given != starter.end();
  switch (p.kind) {
    case cs::ParamKind::Integer: {
      auto* box = new QSpinBox(this);
      box->setRange(clampInt(p.lo) - (f.automatic ? 1 : 0), clampInt(hi));
      box->setValue(has && given->is_number() ? clampInt(given->get<double>()) : (f.automatic ? box->minimum() : clampInt(p.def)));
      if (!p.unit.empty() && p.unit != "nodes") box->setSuffix(QLatin1Char(' ') + qs(p.unit));
      connect(box, &QSpinBox::valueChanged, this, &ParamForm::changed);
      f.widget = box;
      break;
    }
    case cs::ParamKind::DurationMs:
    case cs::ParamKind::Probability: {
      const bool ms = p.kind == cs::ParamKind::DurationMs;
      auto* box = new QDoubleSpinBox(this);
      box->setDecimals(ms ? 1 : 3);
      box->setSingleStep(ms ? 10 : 0.05);
      box->setRange(p.lo - (f.automatic ? 1 : 0), hi);
      if (ms) box->setSuffix(QStringLiteral(" ms"));
      box->setValue(has && given->is_number() ? given->get<double>() : (f.automatic ? box->minimum() : p.def));
      connect(box, &QDoubleSpinBox::valueChanged, this, &ParamForm::changed);
      f.widget = box;
      break;
    }
    case cs::ParamKind::Boolean: {
      auto* box = new QCheckBox(this);
      box->setChecked(has && given->is_boolean() ? given->get<bool>() : p.def != 0);
      connect(box, &QCheckBox::toggled, this, &ParamForm::changed);
      f.widget = box;
      break;
    }
    case cs::ParamKind::Choice: {
      auto* box = new QComboBox(this);
      for (const std::string_view c : p.choices) box->addItem(ParamText::choice(p.key, c), qs(c));
      const QString start = has && given->is_string() ? QString::fromStdString(given->get<std::string>()) : qs(p.def_choice);
      box->setCurrentIndex(std::max(0, box->findData(start)));
      connect(box, &QComboBox::currentIndexChanged, this, &ParamForm::changed);
      f.widget = box;
      break;
    }
    case cs::ParamKind::Structured: break;
  }
  if (f.widget) {
    f.widget->setObjectName(qs(p.key));
    f.widget->setMinimumWidth(fontMetrics().averageCharWidth() * 22);  // one column of even fields
    f.initial = value(f);
  }
  return f;
}

void ParamForm::setProtocol(const cs::ProtocolDescriptor& d, const nlohmann::json& starter, std::string_view skip) {
  while (form_->rowCount() > 0) form_->removeRow(0);  // deletes the old fields and labels
  fields_.clear();
  structuredKeys_.clear();
  for (const cs::ParamSpec& p : d.params) {
    if (p.key == skip) continue;
    if (p.kind == cs::ParamKind::Structured) {
      structuredKeys_.emplace_back(p.key);
      continue;
    }
    // A bound set by another parameter (read_quorum <= replicas): that one's largest value here; the
    // protocol refuses a combination beyond it.
    const cs::ParamSpec* bound = p.hi_ref.empty() ? nullptr : d.param(p.hi_ref);
    Field f = makeField(p, bound ? bound->hi : p.hi, starter);
    f.label = new QLabel(this);
    f.label->setBuddy(f.widget);
    form_->addRow(f.label, f.widget);
    fields_.push_back(f);
  }
  retranslate();
}

QVariant ParamForm::value(const Field& f) {
  if (auto* s = qobject_cast<QSpinBox*>(f.widget)) return s->value();
  if (auto* d = qobject_cast<QDoubleSpinBox*>(f.widget)) return d->value();
  if (auto* c = qobject_cast<QCheckBox*>(f.widget)) return c->isChecked();
  if (auto* c = qobject_cast<QComboBox*>(f.widget)) return c->currentData();
  return {};
}

nlohmann::json ParamForm::apply(nlohmann::json params) const {
  for (const Field& f : fields_) {
    const QVariant v = value(f);
    if (v == f.initial) continue;  // untouched: the starter value (or the default) stays
    const std::string key(f.spec->key);
    if (auto* s = qobject_cast<QSpinBox*>(f.widget)) {
      if (f.automatic && s->value() == s->minimum()) params.erase(key);
      else params[key] = s->value();
    } else if (auto* d = qobject_cast<QDoubleSpinBox*>(f.widget)) {
      if (f.automatic && d->value() == d->minimum()) params.erase(key);
      else params[key] = d->value();
    } else if (v.typeId() == QMetaType::Bool) {
      params[key] = v.toBool();
    } else {
      params[key] = v.toString().toStdString();
    }
  }
  return params;
}

QWidget* ParamForm::field(std::string_view key) const {
  for (const Field& f : fields_)
    if (f.spec->key == key) return f.widget;
  return nullptr;
}

QString ParamForm::labelText(std::string_view key) const {
  for (const Field& f : fields_)
    if (f.spec->key == key) return f.label->text();
  return {};
}

void ParamForm::changeEvent(QEvent* e) {
  QWidget::changeEvent(e);
  if (e->type() == QEvent::LanguageChange) retranslate();
}

void ParamForm::retranslate() {
  for (const Field& f : fields_) {
    const cs::ParamSpec& p = *f.spec;
    f.label->setText(tr("%1:").arg(ParamText::label(p.key)));
    // The help line, then what a scenario file calls it and what it allows.
    f.widget->setToolTip(QStringLiteral("%1\n%2 · %3").arg(ParamText::help(p.key), qs(p.key),
                                                           QString::fromStdString(cs::param_range_text(p))));
    if (f.automatic) {
      // The docs' text of the rule ("= `timeout_ms`"), without the Markdown code marks.
      const QString rule = QString::fromStdString(cs::param_default_text(p)).remove(QLatin1Char('`'));
      const QString text = tr("automatic (%1)").arg(rule);
      if (auto* s = qobject_cast<QSpinBox*>(f.widget)) s->setSpecialValueText(text);
      if (auto* d = qobject_cast<QDoubleSpinBox*>(f.widget)) d->setSpecialValueText(text);
    }
    if (auto* c = qobject_cast<QComboBox*>(f.widget))
      for (int i = 0; i < c->count(); ++i) c->setItemText(i, ParamText::choice(p.key, c->itemData(i).toString().toStdString()));
  }
  QStringList names;
  for (const std::string& k : structuredKeys_) names << ParamText::label(k);
  structured_->setVisible(!names.isEmpty());
  structured_->setText(tr("Set in the scenario file: %1.").arg(names.join(tr(", ", "between the items of a list"))));
}
