#pragma once

#include "models/api/ConnectionSettings.h"
#include "models/deletion/DeletionQueue.h" // DeletionRequest, DeletionResult, DeletionSummary in signatures
#include "views/common/AppServices.h"
#include "views/deletion/DeletionFlow.h"

#include <functional>
#include <memory>
#include <optional>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QSslCertificate;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace mim {

class AccountSession;
class AccountSwitcher;
class ApiClient;
class DeletionQueue;
class DetailsPane;
class EmptyStateWidget;
class FilterBar;
class FilterNotices;
class ImageCatalog;
class ImageFilterModel;
class ImageTableModel;
class ImageTableView;
class MainStatusBar;
class MainWindowActions;
class NoticeBar;
class SelectionActions;
class WindowStateKeeper;

// The application's one window: account switcher and filters in the toolbar, the image table with a
// details pane beside it, empty states in place of the table, progress and totals in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // What fills the central area.
    enum class Page
    {
        NoAccount,  // no account yet: add one or try the demo
        Loading,    // first load of an account, nothing to show yet
        Table,      // the images
        NoImages,   // the account has no images
        NoMatches,  // the filter hides every image
        LoadFailed, // listing failed: the error and Retry
        NotLoaded,  // the first load was cancelled
    };
    Q_ENUM(Page)

    // Leaving the account or quitting while deletions run (DeletionFlow).
    using RunningDeletionsChoice = DeletionFlow::RunningDeletionsChoice;
    using RunningDeletionsConfirmer = DeletionFlow::RunningDeletionsConfirmer;

    explicit MainWindow(const AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The connected account's client, catalog and deletions.
    AccountSession *session() const { return m_session; }
    AccountSwitcher *accountSwitcher() const { return m_accountSwitcher; }
    ImageCatalog *catalog() const { return m_catalog; }
    ImageTableModel *tableModel() const { return m_tableModel; }
    ImageFilterModel *filterModel() const { return m_filterModel; }
    ImageTableView *tableView() const { return m_tableView; }
    MainStatusBar *mainStatusBar() const { return m_statusBar; }
    Page currentPage() const { return m_page; }
    QString connectedDisplayName() const;

    // Connects to an account directly (demo, tests, --endpoint) and loads its images.
    void connectTo(const QString &displayName, const ConnectionSettings &settings);
    // Forgets the current account; the table empties and the "no account" page shows.
    void disconnectAccount();

    // Answers the window's own confirmations instead of showing them (AppServices::deletionConfirmer).
    void setDeletionConfirmer(DeletionConfirmer confirmer);
    void setRunningDeletionsConfirmer(RunningDeletionsConfirmer confirmer);
    // The account deletions started now are confirmed for; "Retry Failed" goes only to the same account.
    DeletionAccount currentAccount() const;

    // The ids of the selected images, in view order.
    QStringList selectedImageIds() const;
    // Selects exactly these images (those that are shown); returns how many were found.
    int selectImages(const QStringList &ids);

public Q_SLOTS:
    void refresh();
    void deleteSelected();
    // Shift+Delete: the same confirmation with "also delete the SWR content" ticked in advance.
    void deleteSelectedWithContent();
    void resyncSelected();
    void showDetailsOfSelection();
    // Deletes exactly these, e.g. "Retry failed" from the summary.
    void enqueueDeletions(const QList<mim::DeletionRequest> &requests);
    // Deletes these again if `account` is the connected one; otherwise says so, sends nothing and returns
    // false.
    bool retryDeletions(const mim::DeletionAccount &account, const QList<mim::DeletionRequest> &requests);

Q_SIGNALS:
    // The user asked for the built-in demo from the empty "no account" page.
    void demoRequested();
    void pageChanged(mim::MainWindow::Page page);
    // A deletion run ended; its summary is shown.
    void deletionsFinished(const mim::DeletionSummary &summary);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createToolBar();
    void createCentralArea();
    void wireActions();
    void wireModels();
    // Ticks "Show Built-in Images" and enables "Clear Filters" as the filter says; the catalog follows.
    void applyFilterState();
    void updatePage();
    void updateActions();
    void updateStatusTotals();
    void updateSettlingNote();
    void scheduleDeferredUpdate();
    void runDeferredUpdate();
    void onResyncFinished(const QString &id, const ApiError &error);
    void onEmptyStateButton(int which);
    void onCatalogStateChanged();
    QList<Image> selectedImages() const;
    void setPage(Page page);
    // After a load failed on TLS: shows the server's certificate and how to trust it on purpose.
    void showCertificateProblem(const QString &host, const QList<QSslCertificate> &chain,
                                const QString &problem);

    AppServices m_services;
    AccountSession *m_session = nullptr;

    ImageTableModel *m_tableModel = nullptr;
    ImageFilterModel *m_filterModel = nullptr;
    ImageCatalog *m_catalog = nullptr;        // the session's
    DeletionQueue *m_deletionQueue = nullptr; // the session's
    DeletionFlow *m_deletionFlow = nullptr;

    AccountSwitcher *m_accountSwitcher = nullptr;
    FilterBar *m_filterBar = nullptr;
    ImageTableView *m_tableView = nullptr;
    DetailsPane *m_detailsPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    MainStatusBar *m_statusBar = nullptr;
    NoticeBar *m_noticeBar = nullptr;
    NoticeBar *m_filterNoticeBar = nullptr; // what FilterNotices says about the filter
    FilterNotices *m_filterNotices = nullptr;
    QWidget *m_filterRow = nullptr;
    QTimer *m_deferredUpdate = nullptr;
    QPointer<QWidget> m_certificateDialog;
    Page m_page = Page::NoAccount;
    MainWindowActions *m_actions = nullptr;
    SelectionActions *m_selection = nullptr;
    WindowStateKeeper *m_stateKeeper = nullptr;
};

} // namespace mim
