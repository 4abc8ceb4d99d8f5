#pragma once

#include "models/deletion/DeleteImagesText.h"
#include "models/deletion/Deletion.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mim {

// What a deletion run did: how many images were deleted, already gone or failed, and for every image that
// was not deleted, why (the server's reason). "Retry Failed" sends the failed ones again. Non-modal.
class DeletionSummaryDialog : public QDialog
{
    Q_OBJECT
public:
    // Images are named as the confirmation named them, workspaces through `workspaceText`.
    explicit DeletionSummaryDialog(const DeletionSummary &summary, QWidget *parent = nullptr,
                                   const DeleteImagesText::WorkspaceText &workspaceText = {});

    const DeletionSummary &summary() const { return m_summary; }
    QString headline() const;
    // One line per image that was not deleted: "namespace/name:tag: reason".
    QStringList problemLines() const;
    QTreeWidget *problemList() const { return m_list; }
    QPushButton *retryButton() const { return m_retry; }

    static QString outcomeText(const DeletionResult &result);

Q_SIGNALS:
    void retryRequested(const QList<mim::DeletionRequest> &requests);

private:
    DeletionSummary m_summary;
    QLabel *m_headline = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace mim
