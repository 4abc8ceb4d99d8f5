#pragma once

#include "models/api/ApiClient.h"
#include "models/deletion/Deletion.h"
#include "models/groups/ImageGroup.h"
#include "views/common/AppServices.h"

#include <optional>
#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace mim {

class AccountSession;
class DeletionQueue;
class ImageGroupLoader;
class ImageGroupModel;
class ImageTableModel;

// Tools > Image Groups…: the account's images grouped by name (ListImageGroup): name, namespace, number of
// versions and last update, each group expanding to its versions. "Delete Group" lists the group's versions
// from the server, asks the usual deletion confirmation (with the SWR choice) and hands the group over, as
// one request, to the account's deletion queue: it is deleted all at once (DeleteImageGroup, is_force) with
// the same journal, progress, cancel, lost-answer check and summary as any other deletion.
class ImageGroupsDialog : public QDialog
{
    Q_OBJECT
public:
    // The groups of the session's account; its table provides the versions under each group, its deletion
    // queue deletes them. Close the dialog when the session's account changes.
    explicit ImageGroupsDialog(AccountSession *session, QWidget *parent = nullptr);
    ~ImageGroupsDialog() override;

    // Answers the confirmation instead of showing it (AppServices::deletionConfirmer).
    void setDeletionConfirmer(DeletionConfirmer confirmer);

    ImageGroupModel *groupModel() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *refreshButton() const { return m_refreshButton; }
    // The line under the tree: counts, progress or what went wrong.
    QString statusText() const;
    bool isBusy() const;

    // Selects the group (by id) in the tree; false when it is not shown.
    bool selectGroup(const QString &groupId);
    const ImageGroup *selectedGroup() const;

public Q_SLOTS:
    void refresh();
    // Deletes the selected group after confirmation.
    void deleteSelectedGroup();

Q_SIGNALS:
    // The list of groups was (re)loaded, successfully or not.
    void loaded();
    // A group deletion ended (look at the summary's outcomes, one per version); the deleted versions have
    // left the table.
    void groupDeletionFinished(const mim::DeletionSummary &summary);

private:
    void onLoaded();
    void onVersionsListed(ImageListing *listing, const ImageGroup &group);
    void confirmAndDelete(const ImageGroup &group, const QList<Image> &versions);
    void onDeletionItemFinished(const DeletionResult &result);
    void onDeletionFinished();
    void setStatus(const QString &text, bool problem = false);
    void updateButtons();
    void showCounts();

    QPointer<AccountSession> m_session;
    QPointer<ApiClient> m_client;
    QPointer<ImageTableModel> m_images;
    QPointer<DeletionQueue> m_queue;
    DeletionConfirmer m_confirmer;
    ImageGroupLoader *m_loader = nullptr;
    std::optional<DeletionRequest> m_deleting; // handed to the queue, not all of its results back yet
    QList<DeletionResult> m_deletingResults;
    QPointer<ImageListing> m_versionListing;

    ImageGroupModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_statusIcon = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace mim
