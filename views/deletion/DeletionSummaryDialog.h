#pragma once

#include "models/deletion/DeleteImagesText.h"
#include "models/deletion/Deletion.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSettings;
class QTreeWidget;

namespace mim {

// What a deletion run did: how many images were deleted, already gone or failed, and every image that was
// not deleted under its reason ("39 failed: the server is temporarily unavailable", with a Retry for those),
// the server's words beside it, wrapped. Sized to its content within the screen, resizable, its size kept
// in the injected settings. "Retry Failed" sends every failed one again. Non-modal.
class DeletionSummaryDialog : public QDialog
{
    Q_OBJECT
public:
    // Images are named as the confirmation named them, workspaces through `workspaceText`. Without
    // `settings` the size is not remembered.
    explicit DeletionSummaryDialog(const DeletionSummary &summary, QSettings *settings = nullptr,
                                   QWidget *parent = nullptr,
                                   const DeleteImagesText::WorkspaceText &workspaceText = {});

    const DeletionSummary &summary() const { return m_summary; }
    QString headline() const;
    // One line per image that was not deleted: "namespace/name:tag: reason".
    QStringList problemLines() const;
    // One heading row per reason ("39 failed" and the reason), the images below it.
    QTreeWidget *problemList() const { return m_list; }
    QPushButton *retryButton() const { return m_retry; }
    // The Retry button of each reason whose images failed, in the list's order.
    QList<QPushButton *> groupRetryButtons() const { return m_groupRetries; }

    static QString outcomeText(const DeletionResult &result);

Q_SIGNALS:
    void retryRequested(const QList<mim::DeletionRequest> &requests);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void addGroups(const DeleteImagesText::WorkspaceText &workspaceText);
    // Wide enough for the reasons, tall enough for the rows, within the screen.
    QSize contentSize() const;
    void retry(const QList<DeletionRequest> &requests);

    DeletionSummary m_summary;
    QSettings *m_settings = nullptr;
    QStringList m_problemLines;
    QLabel *m_headline = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_retry = nullptr;
    QList<QPushButton *> m_groupRetries;
};

} // namespace mim
