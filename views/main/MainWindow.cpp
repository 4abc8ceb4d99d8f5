#include "views/main/MainWindow.h"

#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/Formatting.h"
#include "models/common/SettingsKeys.h"
#include "models/deletion/DeletionQueue.h"
#include "models/session/AccountSession.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/accounts/CertificateErrorDialog.h"
#include "views/common/Icons.h"
#include "views/deletion/DeletionFlow.h"
#include "views/main/DetailsPane.h"
#include "views/main/EmptyStateWidget.h"
#include "views/main/FilterBar.h"
#include "views/main/ImageTableView.h"
#include "views/main/MainStatusBar.h"
#include "views/main/NoticeBar.h"
#include "views/main/PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMainWindow, "mim.ui", QtInfoMsg)

namespace mim {
namespace {

enum StackPage
{
    TablePage,
    EmptyPage,
};

} // namespace

MainWindow::MainWindow(const AppServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("ModelArts Image Manager"));

    m_tableModel = new ImageTableModel(this);
    if (m_services.settings)
        m_tableModel->setDateStyle(PreferencesDialog::dateStyle(*m_services.settings));
    m_filterModel = new ImageFilterModel(this);
    m_filterModel->setSourceModel(m_tableModel);
    m_session =
        new AccountSession(m_services.network, m_tableModel, m_services.journalPath, m_services.clock, this);
    m_catalog = m_session->catalog();
    m_deletionQueue = m_session->deletionQueue();
    // Object names here and in createActions() and createCentralArea() (and "detailsPane", "emptyState",
    // "deletionSummaryDialog" that those widgets give themselves) are stable: tests find the parts by them
    // (tests/support/MainWindowFixture).
    m_deletionQueue->setObjectName(u"deletionQueue"_s);
    m_accountSwitcher = new AccountSwitcher(m_services.profiles, m_services.secrets, this);
    m_accountSwitcher->setObjectName(u"accountSwitcher"_s);
    m_accountSwitcher->setNetworkAccessManager(m_services.network);
    m_accountSwitcher->setLeaveGuard(
        [this](const std::function<void()> &proceed) { return m_deletionFlow->mayLeaveAccount(proceed); });

    m_deferredUpdate = new QTimer(this);
    m_deferredUpdate->setSingleShot(true);
    m_deferredUpdate->setInterval(0);
    connect(m_deferredUpdate, &QTimer::timeout, this, &MainWindow::runDeferredUpdate);

    createActions();
    createCentralArea();
    createToolBar();
    createMenus();
    wireModels();
    restoreWindowState();
    updatePage();
    updateActions();
    runDeferredUpdate();
}

MainWindow::~MainWindow()
{
    saveWindowState();
    // Destroying the table resizes its header sections, which would reach the slots of this window after
    // it has stopped being a MainWindow.
    m_tableView->disconnect(this);
    // Closes the summary; nothing of the queue reaches the flow once the session starts ending.
    delete m_deletionFlow;
    m_deletionFlow = nullptr;
    // The session ends the account's calls while everything they point at still exists; nothing of it
    // reaches this window any more.
    m_catalog->disconnect(this);
    m_deletionQueue->disconnect(this);
    m_session->disconnect(this);
    delete m_session;
    m_session = nullptr;
    m_catalog = nullptr;
    m_deletionQueue = nullptr;
}

QString MainWindow::connectedDisplayName() const
{
    return m_session->displayName();
}

// ---- construction ---------------------------------------------------------------------------------------

void MainWindow::createActions()
{
    m_refreshAction = new QAction(icons::themed(u"refresh"_s), tr("&Refresh"), this);
    m_refreshAction->setObjectName(u"refreshAction"_s);
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcuts(refreshKeys);
    m_refreshAction->setToolTip(
        tr("Load the image list again (%1)").arg(refreshKeys.first().toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_deleteAction = new QAction(icons::themed(u"delete"_s), tr("&Delete…"), this);
    m_deleteAction->setObjectName(u"deleteAction"_s);
#ifdef Q_OS_MACOS
    m_deleteAction->setShortcut(QKeySequence(Qt::Key_Backspace));
#else
    m_deleteAction->setShortcuts(QKeySequence::Delete);
#endif
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    m_deleteWithContentAction = new QAction(tr("Delete with &SWR Content…"), this);
    m_deleteWithContentAction->setObjectName(u"deleteWithContentAction"_s);
#ifdef Q_OS_MACOS
    m_deleteWithContentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Backspace));
#else
    m_deleteWithContentAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
#endif
    m_deleteWithContentAction->setStatusTip(tr("Delete the selected images and their content in SWR"));
    connect(m_deleteWithContentAction, &QAction::triggered, this, &MainWindow::deleteSelectedWithContent);

    m_resyncAction = new QAction(icons::themed(u"resync"_s), tr("Re&sync Status"), this);
    m_resyncAction->setObjectName(u"resyncAction"_s);
    m_resyncAction->setToolTip(
        tr("Ask ModelArts to check the status of the selected images again (for images "
           "stuck while being saved, or failed)"));
    m_resyncAction->setStatusTip(m_resyncAction->toolTip());
    connect(m_resyncAction, &QAction::triggered, this, &MainWindow::resyncSelected);

    m_showDetailsAction = new QAction(tr("Show &Details"), this);
    m_showDetailsAction->setObjectName(u"detailsAction"_s);
    m_showDetailsAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    connect(m_showDetailsAction, &QAction::triggered, this, &MainWindow::showDetailsOfSelection);

    m_toggleDetailsAction = new QAction(icons::themed(u"details-pane"_s), tr("Details &Pane"), this);
    m_toggleDetailsAction->setObjectName(u"toggleDetailsPaneAction"_s);
    m_toggleDetailsAction->setCheckable(true);
    m_toggleDetailsAction->setChecked(true);
    m_toggleDetailsAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_toggleDetailsAction->setToolTip(tr("Show or hide the details of the selected image (F9)"));

    m_copySwrPathAction = new QAction(icons::themed(u"copy"_s), tr("Copy &SWR Path"), this);
    m_copySwrPathAction->setObjectName(u"copySwrPathAction"_s);
    m_copySwrPathAction->setShortcuts(QKeySequence::Copy);
    connect(m_copySwrPathAction, &QAction::triggered, this, &MainWindow::copySelectedSwrPaths);
    m_copyIdAction = new QAction(tr("Copy &ID"), this);
    m_copyIdAction->setObjectName(u"copyIdAction"_s);
    m_copyIdAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyIdAction, &QAction::triggered, this, &MainWindow::copySelectedIds);
    m_copyNameTagAction = new QAction(tr("Copy &Name:Tag"), this);
    m_copyNameTagAction->setObjectName(u"copyNameTagAction"_s);
    connect(m_copyNameTagAction, &QAction::triggered, this, &MainWindow::copySelectedNameTags);

    m_selectAllAction = new QAction(tr("Select &All"), this);
    m_selectAllAction->setObjectName(u"selectAllAction"_s);
    m_selectAllAction->setShortcuts(QKeySequence::SelectAll);

    m_findAction = new QAction(icons::themed(u"search"_s), tr("&Filter…"), this);
    m_findAction->setObjectName(u"findAction"_s);
    m_findAction->setShortcuts(QKeySequence::Find);

    m_clearFilterAction = new QAction(icons::themed(u"filter-off"_s), tr("&Clear Filters"), this);

    m_showBuiltInAction = new QAction(tr("Show &Built-in Images"), this);
    m_showBuiltInAction->setCheckable(true);
    m_showBuiltInAction->setStatusTip(
        tr("Also list the preset images ModelArts provides (they cannot be deleted)"));

    m_openJournalFolderAction = new QAction(tr("Open &Journal Folder"), this);
    m_openJournalFolderAction->setObjectName(u"openJournalFolderAction"_s);
    m_openJournalFolderAction->setStatusTip(tr("Show the folder of the record of every deletion"));
    m_openJournalFolderAction->setEnabled(!m_services.journalPath.isEmpty());
    connect(m_openJournalFolderAction, &QAction::triggered, this, [this] {
        const QString folder = QFileInfo(m_services.journalPath).absolutePath();
        QDir().mkpath(folder);
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    });

    m_addAccountAction = new QAction(icons::themed(u"account-add"_s), tr("&Add Account…"), this);
    connect(m_addAccountAction, &QAction::triggered, m_accountSwitcher, &AccountSwitcher::addAccount);
    m_manageAccountsAction = new QAction(tr("&Manage Accounts…"), this);
    connect(m_manageAccountsAction, &QAction::triggered, m_accountSwitcher,
            &AccountSwitcher::openAccountManager);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcuts(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About ModelArts Image Manager"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About ModelArts Image Manager"),
            tr("<h3>ModelArts Image Manager %1</h3>"
               "<p>Lists, inspects and cleans up the container images of Huawei Cloud ModelArts.</p>"
               "<p>Every deletion is recorded in a journal; credentials stay in the system keychain.</p>")
                .arg(QStringLiteral(MIM_VERSION)));
    });
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Window-wide shortcuts need the actions on the window, not only in (possibly hidden) menus.
    addActions({m_refreshAction, m_deleteAction, m_deleteWithContentAction, m_resyncAction,
                m_showDetailsAction, m_toggleDetailsAction, m_copySwrPathAction, m_copyIdAction,
                m_selectAllAction, m_findAction});
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_filterRow = new QWidget(central);
    auto *filterLayout = new QVBoxLayout(m_filterRow);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin) - 2;
    filterLayout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_filterBar = new FilterBar(m_filterModel, m_filterRow);
    m_filterBar->setObjectName(u"filterBar"_s);
    filterLayout->addWidget(m_filterBar);
    layout->addWidget(m_filterRow);

    m_noticeBar = new NoticeBar(central);
    m_noticeBar->setObjectName(u"noticeBar"_s);
    layout->addWidget(m_noticeBar);

    m_stack = new QStackedWidget(central);
    m_splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_tableView = new ImageTableView(m_splitter);
    m_tableView->setModel(m_filterModel);
    m_tableView->setFrameShape(QFrame::NoFrame);
    m_detailsPane = new DetailsPane(m_splitter);
    m_splitter->addWidget(m_tableView);
    m_splitter->addWidget(m_detailsPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({1000, 290});
    m_stack->insertWidget(TablePage, m_splitter);
    m_emptyState = new EmptyStateWidget(m_stack);
    m_stack->insertWidget(EmptyPage, m_emptyState);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_statusBar = new MainStatusBar(this);
    setStatusBar(m_statusBar);

    connect(m_toggleDetailsAction, &QAction::toggled, this, [this](bool on) {
        m_detailsPane->setVisible(on);
        if (!m_restoring && m_services.settings)
            SettingsKeys::setValue(*m_services.settings, SettingsKey::DetailsPaneVisible, on);
    });
    connect(m_emptyState, &EmptyStateWidget::buttonClicked, this,
            [this](EmptyStateWidget::Button which) { onEmptyStateButton(int(which)); });
    connect(m_noticeBar, &NoticeBar::actionTriggered, this, &MainWindow::refresh);
    connect(m_detailsPane, &DetailsPane::copied, this,
            [this](const QString &what) { m_statusBar->showMessage(tr("Copied the %1.").arg(what), 3000); });
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setContextMenuPolicy(Qt::PreventContextMenu);
    toolBar->addWidget(m_accountSwitcher);
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addAction(m_resyncAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_toggleDetailsAction);

    setTabOrder(m_accountSwitcher, m_filterBar->searchField());
    QWidget *previous = m_filterBar->searchField();
    for (Facet facet : {Facet::Status, Facet::Type, Facet::Visibility, Facet::Architecture,
                        Facet::ServiceType, Facet::ResourceCategory, Facet::Namespace, Facet::Workspace}) {
        setTabOrder(previous, m_filterBar->facetButton(facet));
        previous = m_filterBar->facetButton(facet);
    }
    setTabOrder(previous, m_filterBar->clearButton());
    setTabOrder(m_filterBar->clearButton(), m_tableView);
    setTabOrder(m_tableView, m_detailsPane);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addAccountAction);
    file->addAction(m_manageAccountsAction);
    file->addSeparator();
    file->addAction(m_openJournalFolderAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copySwrPathAction);
    edit->addAction(m_copyIdAction);
    edit->addAction(m_copyNameTagAction);
    edit->addSeparator();
    edit->addAction(m_selectAllAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"));
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setShortcuts(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] {
        PreferencesDialog dialog(m_services.settings, this);
        if (dialog.exec() == QDialog::Accepted && m_services.settings)
            m_tableModel->setDateStyle(PreferencesDialog::dateStyle(*m_services.settings));
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_toggleDetailsAction);
    QMenu *columns = view->addMenu(tr("&Columns"));
    connect(columns, &QMenu::aboutToShow, this, [this, columns] {
        columns->clear();
        m_tableView->populateColumnMenu(columns);
    });
    view->addSeparator();
    view->addAction(m_showBuiltInAction);
    view->addAction(m_clearFilterAction);
    view->addSeparator();
    view->addAction(m_refreshAction);

    QMenu *image = menuBar()->addMenu(tr("&Image", "menu of actions on the selected container images"));
    image->addAction(m_showDetailsAction);
    image->addAction(m_resyncAction);
    image->addSeparator();
    image->addAction(m_deleteAction);
    image->addAction(m_deleteWithContentAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::wireModels()
{
    connect(m_accountSwitcher, &AccountSwitcher::connectionReady, this, &MainWindow::connectTo);
    connect(m_accountSwitcher, &AccountSwitcher::disconnected, this, &MainWindow::disconnectAccount);
    connect(m_accountSwitcher, &AccountSwitcher::profilesChanged, this, &MainWindow::updatePage);

    connect(m_catalog, &ImageCatalog::stateChanged, this, &MainWindow::onCatalogStateChanged);
    connect(m_catalog, &ImageCatalog::progress, m_statusBar, &MainStatusBar::setLoadProgress);
    connect(m_catalog, &ImageCatalog::resyncFinished, this, &MainWindow::onResyncFinished);
    connect(m_statusBar, &MainStatusBar::cancelLoadRequested, m_catalog, &ImageCatalog::cancel);

    m_deletionFlow = new DeletionFlow(m_session, m_statusBar, m_services.deletionConfirmer, this);
    connect(m_deletionFlow, &DeletionFlow::deletionsChanged, this, &MainWindow::updateActions);
    connect(m_deletionFlow, &DeletionFlow::finished, this, &MainWindow::deletionsFinished);
    // Rows being deleted change in the table (the session's rules); the actions follow.
    connect(m_deletionQueue, &DeletionQueue::itemFinished, this, &MainWindow::scheduleDeferredUpdate);
    connect(m_session, &AccountSession::certificateProblem, this, &MainWindow::showCertificateProblem);

    // Anything that changes what is shown updates the page at once and the totals a moment later.
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_tableModel),
                                      static_cast<QAbstractItemModel *>(m_filterModel)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updatePage);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePage);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updatePage);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MainWindow::scheduleDeferredUpdate);
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::scheduleDeferredUpdate);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::scheduleDeferredUpdate);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::scheduleDeferredUpdate);
    }
    connect(m_tableModel, &QAbstractItemModel::dataChanged, this, &MainWindow::scheduleDeferredUpdate);

    connect(m_filterModel, &ImageFilterModel::filterStateChanged, this, [this] {
        const FilterState &state = m_filterModel->filterState();
        m_showBuiltInAction->setChecked(state.showBuiltIn);
        m_clearFilterAction->setEnabled(state.isActive());
        // The catalog lists built-in images only while they are shown (a second query).
        m_catalog->setIncludeBuiltIn(state.showBuiltIn);
        saveFilterState();
        updatePage();
    });
    connect(m_showBuiltInAction, &QAction::toggled, m_filterModel, &ImageFilterModel::setShowBuiltIn);
    connect(m_clearFilterAction, &QAction::triggered, m_filterModel, &ImageFilterModel::clearFilters);
    connect(m_findAction, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);

    connect(m_tableView, &ImageTableView::selectedRowsChanged, this, [this] {
        updateActions();
        scheduleDeferredUpdate();
    });
    connect(m_tableView, &ImageTableView::viewStateChanged, this, [this] {
        if (!m_restoring && m_services.settings)
            SettingsKeys::setValue(*m_services.settings, SettingsKey::ImageTableHeader,
                                   m_tableView->viewState());
    });
    connect(m_tableView, &QAbstractItemView::activated, this, &MainWindow::showDetailsOfSelection);
    connect(m_tableView, &QWidget::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(m_selectAllAction, &QAction::triggered, m_tableView, &QAbstractItemView::selectAll);
}

// ---- persistence ----------------------------------------------------------------------------------------

void MainWindow::restoreWindowState()
{
    QSettings *settings = m_services.settings;
    if (!settings)
        return;
    m_restoring = true;
    const QByteArray geometry = SettingsKeys::value(*settings, SettingsKey::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // A first start: a comfortable size that fits a laptop screen.
        resize(1280, 800);
    }
    restoreState(SettingsKeys::value(*settings, SettingsKey::MainWindowState).toByteArray());
    m_tableView->setViewState(SettingsKeys::value(*settings, SettingsKey::ImageTableHeader).toByteArray());
    const QByteArray splitter = SettingsKeys::value(*settings, SettingsKey::MainWindowSplitter).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const bool detailsVisible = SettingsKeys::value(*settings, SettingsKey::DetailsPaneVisible).toBool();
    m_toggleDetailsAction->setChecked(detailsVisible);
    m_detailsPane->setVisible(detailsVisible);
    const FilterState filter =
        FilterState::fromVariant(SettingsKeys::value(*settings, SettingsKey::ImageTableFilter).toMap());
    m_filterModel->setFilterState(filter);
    m_showBuiltInAction->setChecked(filter.showBuiltIn);
    m_clearFilterAction->setEnabled(filter.isActive());
    m_catalog->setIncludeBuiltIn(filter.showBuiltIn);
    m_restoring = false;
}

void MainWindow::saveWindowState()
{
    QSettings *settings = m_services.settings;
    if (!settings || m_restoring)
        return;
    SettingsKeys::setValue(*settings, SettingsKey::MainWindowGeometry, saveGeometry());
    SettingsKeys::setValue(*settings, SettingsKey::MainWindowState, saveState());
    SettingsKeys::setValue(*settings, SettingsKey::MainWindowSplitter, m_splitter->saveState());
    SettingsKeys::setValue(*settings, SettingsKey::DetailsPaneVisible, m_toggleDetailsAction->isChecked());
    SettingsKeys::setValue(*settings, SettingsKey::ImageTableHeader, m_tableView->viewState());
    saveFilterState();
    settings->sync();
}

void MainWindow::saveFilterState()
{
    if (m_restoring || !m_services.settings)
        return;
    SettingsKeys::setValue(*m_services.settings, SettingsKey::ImageTableFilter,
                           m_filterModel->filterState().toVariant());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_deletionFlow->mayLeaveAccount([this] { close(); }, true)) {
        event->ignore();
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

// ---- account --------------------------------------------------------------------------------------------

void MainWindow::connectTo(const QString &displayName, const ConnectionSettings &settings)
{
    m_noticeBar->dismiss();
    m_catalog->setIncludeBuiltIn(m_filterModel->filterState().showBuiltIn);
    setWindowTitle(tr("%1 – ModelArts Image Manager", "window title; %1 is the account").arg(displayName));
    qCInfo(lcMainWindow) << "connecting to" << displayName << "region" << settings.regionId;
    m_session->open(displayName, settings);
    updatePage();
    updateActions();
}

void MainWindow::showCertificateProblem(const QString &host, const QList<QSslCertificate> &chain,
                                        const QString &problem)
{
    if (m_certificateDialog)
        return;
    auto *dialog = new CertificateErrorDialog(host, chain, problem, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    connect(dialog, &CertificateErrorDialog::editAccountRequested, m_accountSwitcher,
            &AccountSwitcher::openAccountManager);
    m_certificateDialog = dialog;
    dialog->show();
}

void MainWindow::disconnectAccount()
{
    m_session->close();
    m_noticeBar->dismiss();
    m_statusBar->finishLoad();
    m_statusBar->setLastRefreshed({});
    setWindowTitle(tr("ModelArts Image Manager"));
    updatePage();
    updateActions();
}

void MainWindow::refresh()
{
    if (!m_session->isOpen())
        return;
    m_noticeBar->dismiss();
    m_catalog->refresh();
}

// ---- pages and status -----------------------------------------------------------------------------------

void MainWindow::setPage(Page page)
{
    if (page == m_page && m_stack->currentIndex() == (page == Page::Table ? TablePage : EmptyPage))
        return;
    const bool tableHadFocus = m_tableView->hasFocus();
    m_page = page;
    m_stack->setCurrentIndex(page == Page::Table ? TablePage : EmptyPage);
    if (tableHadFocus && page != Page::Table)
        m_filterBar->searchField()->setFocus();
    Q_EMIT pageChanged(page);
}

void MainWindow::updatePage()
{
    m_filterRow->setVisible(m_session->isOpen());
    if (!m_session->isOpen()) {
        m_emptyState->showNoAccount(m_accountSwitcher->hasAnyAccount());
        setPage(Page::NoAccount);
        return;
    }
    const int sourceRows = m_tableModel->rowCount();
    const int shownRows = m_filterModel->rowCount();
    switch (m_catalog->state()) {
    case ImageCatalog::State::Loading:
        if (sourceRows == 0) {
            m_emptyState->showLoading(m_session->displayName());
            setPage(Page::Loading);
            return;
        }
        break;
    case ImageCatalog::State::Failed:
        if (sourceRows == 0) {
            m_emptyState->showLoadFailed(m_catalog->lastError().fullText());
            setPage(Page::LoadFailed);
            return;
        }
        break;
    case ImageCatalog::State::Idle:
        if (sourceRows == 0) {
            m_emptyState->showNotLoaded();
            setPage(Page::NotLoaded);
            return;
        }
        break;
    case ImageCatalog::State::Loaded:
        if (sourceRows == 0) {
            m_emptyState->showNoImages(m_filterModel->filterState().showBuiltIn);
            setPage(Page::NoImages);
            return;
        }
        break;
    }
    if (shownRows == 0) {
        m_emptyState->showNoMatches(sourceRows);
        setPage(Page::NoMatches);
        return;
    }
    setPage(Page::Table);
}

void MainWindow::onCatalogStateChanged()
{
    switch (m_catalog->state()) {
    case ImageCatalog::State::Loading:
        m_statusBar->setLoadProgress(0, 0);
        break;
    case ImageCatalog::State::Loaded:
        m_statusBar->finishLoad();
        m_statusBar->setLastRefreshed(m_catalog->lastRefreshed());
        m_noticeBar->dismiss();
        if (const int skipped = int(m_catalog->skippedRecords().size()); skipped > 0) {
            m_noticeBar->showNotice(
                tr("Skipped %Ln image record(s) that could not be read.", nullptr, skipped),
                m_catalog->skippedRecords().join(u'\n'));
        }
        break;
    case ImageCatalog::State::Failed:
        m_statusBar->finishLoad();
        if (m_catalog->lastError().kind == ErrorKind::Tls && !m_certificateDialog)
            m_session->probeCertificate();
        if (m_tableModel->rowCount() > 0) {
            // Keep the rows, but say they may be out of date, and why.
            m_noticeBar->showNotice(tr("Refreshing failed; the list may be out of date. %1")
                                        .arg(m_catalog->lastError().summary()),
                                    m_catalog->lastError().fullText(), tr("Retry"));
        }
        break;
    case ImageCatalog::State::Idle:
        m_statusBar->finishLoad();
        break;
    }
    updatePage();
    updateActions();
}

void MainWindow::scheduleDeferredUpdate()
{
    m_deferredUpdate->start();
}

void MainWindow::runDeferredUpdate()
{
    updateStatusTotals();
    updateSettlingNote();
    updateActions();
    // Keep the details in step with the rows (a status that changed while watched, a deleted image).
    m_detailsPane->setImages(selectedImages());
}

void MainWindow::updateStatusTotals()
{
    const int shown = m_filterModel->rowCount();
    qint64 shownKb = 0;
    for (int row = 0; row < shown; ++row)
        shownKb +=
            qMax<qint64>(0, m_filterModel->index(row, 0).data(ImageTableModel::SizeKbRole).toLongLong());
    if (m_session->isOpen() && m_catalog->state() != ImageCatalog::State::Idle)
        m_statusBar->setShown(shown, shownKb, m_tableModel->rowCount());
    else
        m_statusBar->clearShown();

    const QList<Image> selected = selectedImages();
    qint64 selectedKb = 0;
    for (const Image &image : selected)
        selectedKb += qMax<qint64>(0, image.sizeKb);
    m_statusBar->setSelection(int(selected.size()), selectedKb);
}

void MainWindow::updateSettlingNote()
{
    int settling = 0;
    for (int row = 0; row < m_tableModel->rowCount(); ++row)
        settling += m_tableModel->imageAt(row).isSettling() ? 1 : 0;
    m_statusBar->setSettlingCount(settling);
}

void MainWindow::updateActions()
{
    const bool connected = m_session->isOpen();
    m_refreshAction->setEnabled(connected);
    const QList<Image> selected = selectedImages();
    int deletable = 0;
    int builtIn = 0;
    bool resyncable = false;
    for (const Image &image : selected) {
        if (image.isBuiltIn())
            ++builtIn;
        else if (m_tableModel->rowActivity(image.id) != ImageTableModel::RowActivity::Deleting)
            ++deletable;
        resyncable = resyncable || AccountSession::isResyncable(image);
    }
    m_deleteAction->setEnabled(deletable > 0);
    m_deleteWithContentAction->setEnabled(deletable > 0);
    if (!selected.isEmpty() && builtIn == selected.size()) {
        const QString why = tr("Built-in images cannot be deleted.");
        m_deleteAction->setToolTip(why);
        m_deleteAction->setStatusTip(why);
    } else {
        const QString tip = tr("Delete the selected images (%1)")
                                .arg(m_deleteAction->shortcut().toString(QKeySequence::NativeText));
        m_deleteAction->setToolTip(tip);
        m_deleteAction->setStatusTip(tr("Delete the selected images"));
    }
    m_resyncAction->setEnabled(resyncable);
    const bool any = !selected.isEmpty();
    m_copyIdAction->setEnabled(any);
    m_copySwrPathAction->setEnabled(any);
    m_copyNameTagAction->setEnabled(any);
    m_showDetailsAction->setEnabled(any);
    m_selectAllAction->setEnabled(m_page == Page::Table);
    m_findAction->setEnabled(connected);
    m_toggleDetailsAction->setEnabled(connected);
    m_showBuiltInAction->setEnabled(connected);
}

// ---- selection ------------------------------------------------------------------------------------------

QList<Image> MainWindow::selectedImages() const
{
    QList<Image> images;
    if (m_page != Page::Table && m_filterModel->rowCount() == 0)
        return images;
    const QModelIndexList rows = m_tableView->selectedSourceRows();
    images.reserve(rows.size());
    for (const QModelIndex &row : rows) {
        if (row.isValid() && row.row() < m_tableModel->rowCount())
            images.append(m_tableModel->imageAt(row.row()));
    }
    return images;
}

QStringList MainWindow::selectedImageIds() const
{
    QStringList ids;
    for (const Image &image : selectedImages())
        ids.append(image.id);
    return ids;
}

int MainWindow::selectImages(const QStringList &ids)
{
    QItemSelection selection;
    int found = 0;
    for (const QString &id : ids) {
        const int sourceRow = m_tableModel->rowOfId(id);
        if (sourceRow < 0)
            continue;
        const QModelIndex index = m_filterModel->mapFromSource(m_tableModel->index(sourceRow, 0));
        if (index.isValid()) {
            selection.select(index, index);
            ++found;
        }
    }
    m_tableView->selectionModel()->select(selection,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty()) {
        const QModelIndex first = selection.indexes().constFirst();
        m_tableView->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tableView->scrollTo(first);
    }
    return found;
}

void MainWindow::showTableContextMenu(const QPoint &viewportPos)
{
    if (!m_tableView->indexAt(viewportPos).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_copySwrPathAction);
    menu.addAction(m_copyIdAction);
    menu.addAction(m_copyNameTagAction);
    menu.addSeparator();
    menu.addAction(m_showDetailsAction);
    menu.addAction(m_resyncAction);
    menu.addSeparator();
    menu.addAction(m_deleteAction);
    menu.addAction(m_deleteWithContentAction);
    menu.exec(m_tableView->viewport()->mapToGlobal(viewportPos));
}

void MainWindow::showDetailsOfSelection()
{
    if (!m_toggleDetailsAction->isChecked())
        m_toggleDetailsAction->setChecked(true);
    m_detailsPane->setImages(selectedImages());
}

// ---- copy -----------------------------------------------------------------------------------------------

void MainWindow::copyLines(const QStringList &lines, const QString &what)
{
    if (lines.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    m_statusBar->showMessage(what, 3000);
}

void MainWindow::copySelectedIds()
{
    QStringList lines;
    for (const Image &image : selectedImages())
        lines.append(image.id);
    copyLines(lines, tr("Copied %Ln image ID(s).", nullptr, int(lines.size())));
}

void MainWindow::copySelectedSwrPaths()
{
    QStringList lines;
    for (const Image &image : selectedImages())
        lines.append(image.swrPath);
    copyLines(lines, tr("Copied %Ln SWR path(s).", nullptr, int(lines.size())));
}

void MainWindow::copySelectedNameTags()
{
    QStringList lines;
    for (const Image &image : selectedImages())
        lines.append(image.nameAndTag());
    copyLines(lines, tr("Copied %Ln name:tag line(s).", nullptr, int(lines.size())));
}

// ---- resync ---------------------------------------------------------------------------------------------

void MainWindow::resyncSelected()
{
    const int asked = m_session->resync(selectedImages());
    if (asked > 0)
        m_statusBar->showMessage(tr("Asking ModelArts to check %Ln image(s) again…", nullptr, asked), 3000);
}

void MainWindow::onResyncFinished(const QString &id, const ApiError &error)
{
    if (!error.isError() || error.kind == ErrorKind::Cancelled)
        return;
    const int row = m_tableModel->rowOfId(id);
    const QString name = Formatting::visibleText(row >= 0 ? m_tableModel->imageAt(row).nameAndTag() : id);
    m_noticeBar->showNotice(tr("Could not resync the status of %1. %2").arg(name, error.summary()),
                            error.fullText());
}

// ---- delete ---------------------------------------------------------------------------------------------

void MainWindow::setDeletionConfirmer(DeletionConfirmer confirmer)
{
    m_deletionFlow->setDeletionConfirmer(std::move(confirmer));
}

void MainWindow::setRunningDeletionsConfirmer(RunningDeletionsConfirmer confirmer)
{
    m_deletionFlow->setRunningDeletionsConfirmer(std::move(confirmer));
}

DeletionAccount MainWindow::currentAccount() const
{
    return m_session->account();
}

void MainWindow::deleteSelected()
{
    m_deletionFlow->confirmAndDelete(selectedImages(), false);
}

void MainWindow::deleteSelectedWithContent()
{
    m_deletionFlow->confirmAndDelete(selectedImages(), true);
}

void MainWindow::enqueueDeletions(const QList<DeletionRequest> &requests)
{
    m_deletionFlow->enqueue(requests);
}

bool MainWindow::retryDeletions(const DeletionAccount &account, const QList<DeletionRequest> &requests)
{
    return m_deletionFlow->retry(account, requests);
}

void MainWindow::onEmptyStateButton(int which)
{
    switch (EmptyStateWidget::Button(which)) {
    case EmptyStateWidget::Button::AddAccount:
        m_accountSwitcher->addAccount();
        break;
    case EmptyStateWidget::Button::TryDemo:
        Q_EMIT demoRequested();
        break;
    case EmptyStateWidget::Button::Refresh:
    case EmptyStateWidget::Button::Retry:
        refresh();
        break;
    case EmptyStateWidget::Button::ShowBuiltIn:
        m_filterModel->setShowBuiltIn(true);
        break;
    case EmptyStateWidget::Button::ClearFilter:
        m_filterModel->clearFilters();
        break;
    case EmptyStateWidget::Button::ManageAccounts:
        m_accountSwitcher->openAccountManager();
        break;
    case EmptyStateWidget::Button::Cancel:
        m_catalog->cancel();
        break;
    }
}

} // namespace mim
