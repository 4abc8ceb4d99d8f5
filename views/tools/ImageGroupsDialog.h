#pragma once

#include "models/api/ApiClient.h"
#include "models/api/Clock.h"
#include "models/deletion/Deletion.h"
#include "models/groups/ImageGroup.h"

#include <functional>
#include <memory>
#include <optional>
#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace mim {

class DeleteImagesDialog;
class DeletionJournal;
class ImageGroupDeletion;
class ImageGroupLoader;
class ImageGroupModel;
class ImageTableModel;

// Tools > Image Groups…: the account's images grouped by name (ListImageGroup): name, namespace, number of
// versions and last update, each group expanding to its versions. "Delete Group" lists the group's versions
// from the server, asks the usual deletion confirmation (with the SWR choice) and deletes them all at once
// (DeleteImageGroup, is_force), recorded in the deletion journal. The versions then leave the image table.
class ImageGroupsDialog : public QDialog
{
    Q_OBJECT
public:
    using DeletionConfirmer = std::function<std::optional<bool>(const DeleteImagesDialog &dialog)>;

    // `images` is the window's table: it provides the versions under each group and loses the versions of a
    // deleted group. `journalPath` is the deletion journal (empty: none).
    ImageGroupsDialog(ApiClient *client, ImageTableModel *images, const QString &journalPath,
                      Clock clock = systemClock(), QWidget *parent = nullptr);
    ~ImageGroupsDialog() override;

    // Written with every journal line.
    void setAccountContext(const QString &profileName, const QString &regionId, const QString &projectId);
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
    // A group deletion ended (look at the summary's outcomes); the deleted versions have left the table.
    void groupDeletionFinished(const mim::DeletionSummary &summary);

private:
    void onLoaded();
    void onVersionsListed(ImageListing *listing, const ImageGroup &group);
    void confirmAndDelete(const ImageGroup &group, const QList<Image> &versions);
    void onDeletionFinished();
    void setStatus(const QString &text, bool problem = false);
    void updateButtons();
    void showCounts();

    QPointer<ApiClient> m_client;
    QPointer<ImageTableModel> m_images;
    Clock m_clock;
    std::unique_ptr<DeletionJournal> m_journal;
    DeletionConfirmer m_confirmer;
    ImageGroupLoader *m_loader = nullptr;
    ImageGroupDeletion *m_deletion = nullptr;
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
