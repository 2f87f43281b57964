// File > Compare protocols…: which protocols to run side by side (2 to 4 of those with a transaction
// workload; the scenario's own protocol is checked to start with).
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QListWidget;

class CompareDialog final : public QDialog {
  Q_OBJECT

 public:
  CompareDialog(const QString& currentProtocol, QWidget* parent = nullptr);
  QStringList protocols() const;  // the checked ones, in the registry's order
  void setChecked(const QStringList& protocols);
  QListWidget* list() const { return list_; }

 private:
  void updateOk();

  QLabel* intro_;
  QListWidget* list_;
  QDialogButtonBox* buttons_;
};
