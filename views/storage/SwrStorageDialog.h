#pragma once

#include "models/api/ApiError.h"
#include "models/storage/StorageFacts.h"
#include "models/storage/TagDeletionQueue.h"

#include <functional>
#include <QDialog>
#include <QPointer>

class QLabel;
class QModelIndex;
class QProgressBar;
class QScrollArea;
class QSettings;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;
class QTreeWidget;

namespace mim {

class AccountSession;
class DeleteTagsDialog;
class StorageBarChart;
class StorageRepositoryModel;
class StorageTagModel;
class SwrInventory;

// Tools → SWR Storage…: where the account's SWR storage goes. Per organization a bar of the bytes its tags
// take, registered in ModelArts or not; the repositories with their tags; the tags no ModelArts image names,
// which may be selected and deleted after a confirmation (DeleteTagsDialog) through a TagDeletionQueue that
// journals each request in the account's deletion journal. Registered tags are never offered: they go with
// their image (delete it with force). Non-modal; the Tools menu closes it when the account changes.
class SwrStorageDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page
    {
        Loading,
        Failed,
        PermissionDenied,
        Empty,
        Content,
    };
    Q_ENUM(Page)

    // Reads SWR through the session's inventory (AccountSession::storage()) and deletes through its journal.
    // Loading starts when shown, against the session's images and usage at that time. It opens at the size
    // it was left at (kept in `settings`), else sized to its content once that has loaded, within the screen.
    explicit SwrStorageDialog(AccountSession *session, QWidget *parent = nullptr,
                              QSettings *settings = nullptr);
    // Without an account: shows what the show…() calls give, and a confirmed deletion is only announced
    // through deletionConfirmed() (tests of the view).
    explicit SwrStorageDialog(QWidget *parent = nullptr, QSettings *settings = nullptr);
    ~SwrStorageDialog() override;

    // Lists SWR again (after a failure, a deletion, or on request).
    void reload();

    void showLoading(int repositoriesDone, int repositoriesTotal);
    void showFailed(const ApiError &error);
    void showPermissionDenied();
    void showFacts(const StorageFacts &facts);
    Page page() const;
    // The sentence the Failed, Permission denied or Empty page shows.
    QString stateText() const;
    const StorageFacts &facts() const { return m_facts; }

    // Answers the tag confirmation (tests): true deletes. Otherwise the dialog is shown modally.
    using TagDeletionConfirmer = std::function<bool(DeleteTagsDialog &dialog)>;
    void setDeletionConfirmer(TagDeletionConfirmer confirmer) { m_confirmer = std::move(confirmer); }

    // The tags selected in the current tab that may be deleted, and those that may not (registered). A
    // selected repository stands for all its tags.
    QList<StoredTag> selectedTags() const;
    // Asks for confirmation of the selected deletable tags, then deletes them; false when nothing was
    // confirmed or nothing could be started.
    bool deleteSelectedTags();

    // One finished deletion, in the results list (from the queue; public for tests).
    void showDeletionResult(const TagDeletionResult &result);
    // The size the loaded content asks for: the chart's names and figures whole, the lists' columns and a
    // screenful of rows. DialogGeometry::fitted() bounds it by the screen.
    QSize contentSize() const;

    // The words of a result: "Deleted", "Already gone", "Failed: <server message>", "Unknown".
    static QString outcomeText(const TagDeletionResult &result);

    StorageBarChart *chart() const { return m_chart; }
    StorageTagModel *tagModel() const { return m_tagModel; }
    QTreeView *repositoriesView() const { return m_repositories; }
    QTableView *unregisteredView() const { return m_unregistered; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *totalsLabel() const { return m_totals; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *retryLoadButton() const { return m_retryLoad; }
    QPushButton *cancelLoadButton() const { return m_cancelLoad; }
    QPushButton *cancelDeletionButton() const { return m_cancelDeletion; }
    QPushButton *retryFailedButton() const { return m_retryFailed; }
    QTreeWidget *resultsList() const { return m_results; }

    // While tags are being deleted, closing stops sending further requests and closes once those in flight
    // have finished and been journalled.
    void reject() override;

Q_SIGNALS:
    // Confirmed tags, all deletable; sent before the queue starts (or instead of it, without an account).
    void deletionConfirmed(const QList<mim::StoredTag> &tags);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void build();
    void setPage(Page page, const QString &text = {});
    void updateDeleteButton();
    void onDeletionProgress(int done, int total);
    void onDeletionFinished();
    void retryFailedDeletions();
    QList<StoredTag> tagsOfSelection(bool deletable) const;

    QPointer<AccountSession> m_session;
    QSettings *m_settings = nullptr;
    // A size the user left it at wins over the content's; the content sizes the dialog once.
    bool m_geometryKept = false;
    bool m_sizedToContent = false;
    QPointer<SwrInventory> m_inventory; // the session's
    TagDeletionQueue *m_queue = nullptr;
    bool m_loadStarted = false;
    bool m_closeWhenFinished = false;
    StorageFacts m_facts;
    TagDeletionConfirmer m_confirmer;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_loadingPage = nullptr;
    QWidget *m_messagePage = nullptr;
    QWidget *m_contentPage = nullptr;
    Page m_page = Page::Loading;
    QLabel *m_loadingText = nullptr;
    QProgressBar *m_loadingProgress = nullptr;
    QPushButton *m_cancelLoad = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_retryLoad = nullptr;

    StorageBarChart *m_chart = nullptr;
    QScrollArea *m_chartScroll = nullptr;
    QLabel *m_totals = nullptr;
    QTabWidget *m_tabs = nullptr;
    StorageRepositoryModel *m_repositoryModel = nullptr;
    QSortFilterProxyModel *m_repositoryProxy = nullptr;
    QTreeView *m_repositories = nullptr;
    StorageTagModel *m_tagModel = nullptr;
    QSortFilterProxyModel *m_unregisteredProxy = nullptr;
    QTableView *m_unregistered = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_reload = nullptr;

    QWidget *m_deletionPanel = nullptr;
    QLabel *m_deletionText = nullptr;
    QProgressBar *m_deletionProgress = nullptr;
    QPushButton *m_cancelDeletion = nullptr;
    QPushButton *m_retryFailed = nullptr;
    QTreeWidget *m_results = nullptr;
};

} // namespace mim
