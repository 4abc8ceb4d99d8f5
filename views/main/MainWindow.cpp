#include "views/main/MainWindow.h"

#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/Formatting.h"
#include "models/common/SettingsKeys.h"
#include "models/deletion/DeletionQueue.h"
#include "models/session/AccountSession.h"
#include "models/storage/ReportedSizeUnit.h"
#include "models/storage/SwrInventory.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/accounts/CertificateErrorDialog.h"
#include "views/deletion/DeletionFlow.h"
#include "views/main/CatalogNotices.h"
#include "views/main/DetailsPane.h"
#include "views/main/EmptyStateWidget.h"
#include "views/main/FilterBar.h"
#include "views/main/FilterNotices.h"
#include "views/main/ImageTableView.h"
#include "views/main/KeyboardNavigation.h"
#include "views/main/MainStatusBar.h"
#include "views/main/MainWindowActions.h"
#include "views/main/NoticeBar.h"
#include "views/main/PreferencesDialog.h"
#include "views/main/SelectionActions.h"
#include "views/main/WindowStateKeeper.h"

#include <QAction>
#include <QCloseEvent>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMainWindow, "mim.ui", QtInfoMsg)

namespace mim {
namespace {

// Where the session keeps the accounts' last listings: nowhere in demo mode or when the user said no.
QString listingCacheDirectory(const AppServices &services)
{
    if (services.demoMode || !services.settings ||
        !SettingsKeys::value(*services.settings, SettingsKey::RememberImageLists).toBool())
        return {};
    return services.listingCacheDirectory;
}

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
    m_session->setListingCacheDirectory(listingCacheDirectory(m_services));
    m_deletionQueue = m_session->deletionQueue();
    // Object names here, in createCentralArea() and MainWindowActions (and "detailsPane", "emptyState",
    // "deletionSummaryDialog" that those widgets give themselves) are stable: tests find the parts by them
    // (tests/support/MainWindowFixture).
    m_deletionQueue->setObjectName(u"deletionQueue"_s);
    m_accountSwitcher = new AccountSwitcher(m_services.profiles, m_services.secrets, this);
    m_accountSwitcher->setObjectName(u"accountSwitcher"_s);
    m_accountSwitcher->setNetworkAccessManager(m_services.network);
    m_accountSwitcher->setListingCacheDirectory(m_services.demoMode ? QString()
                                                                    : m_services.listingCacheDirectory);
    m_accountSwitcher->setLeaveGuard(
        [this](const std::function<void()> &proceed) { return m_deletionFlow->mayLeaveAccount(proceed); });

    m_deferredUpdate = new QTimer(this);
    m_deferredUpdate->setSingleShot(true);
    m_deferredUpdate->setInterval(0);
    connect(m_deferredUpdate, &QTimer::timeout, this, &MainWindow::runDeferredUpdate);

    m_actions = new MainWindowActions(this, m_services);
    connect(m_actions, &MainWindowActions::preferencesChanged, this, [this] {
        m_session->setListingCacheDirectory(listingCacheDirectory(m_services));
        if (m_services.settings)
            m_tableModel->setDateStyle(PreferencesDialog::dateStyle(*m_services.settings));
    });
    createCentralArea();
    createToolBar();
    m_actions->buildMenus(menuBar(), [this](QMenu *columns) { m_tableView->populateColumnMenu(columns); });
    m_selection = new SelectionActions(
        m_tableModel, m_filterModel, m_tableView, m_statusBar, m_actions,
        [this] { return m_page == Page::Table; }, this);
    m_stateKeeper = new WindowStateKeeper(
        {this, m_splitter, m_tableView, m_detailsPane, m_actions->toggleDetails, m_filterModel},
        m_services.settings, this);
    new KeyboardNavigation(this, m_filterBar->searchField(), m_tableView, m_selection, m_deletionQueue);
    wireActions();
    wireModels();
    if (m_stateKeeper->restore()) {
        applyFilterState();
        m_filterNotices->setRestoredFilter(m_filterModel->filterState().isActive());
    }
    updatePage();
    updateActions();
    runDeferredUpdate();
}

MainWindow::~MainWindow()
{
    m_stateKeeper->save();
    // Destroying the table resizes its header sections, which would reach the slots of this window after
    // it has stopped being a MainWindow.
    m_tableView->disconnect(this);
    m_tableView->disconnect(m_stateKeeper);
    m_tableView->disconnect(m_selection);
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
    m_filterNoticeBar = new NoticeBar(central);
    m_filterNoticeBar->setObjectName(u"filterNoticeBar"_s);
    layout->addWidget(m_filterNoticeBar);

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
    m_filterNotices = new FilterNotices(m_filterNoticeBar, m_filterModel, m_tableView, this);

    m_statusBar = new MainStatusBar(this);
    setStatusBar(m_statusBar);

    connect(m_actions->toggleDetails, &QAction::toggled, m_detailsPane, &QWidget::setVisible);
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
    toolBar->addAction(m_actions->refresh);
    toolBar->addAction(m_actions->deleteImages);
    toolBar->addAction(m_actions->resync);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_actions->toggleDetails);

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

void MainWindow::wireModels()
{
    connect(m_accountSwitcher, &AccountSwitcher::connectionReady, this, &MainWindow::connectTo);
    connect(m_accountSwitcher, &AccountSwitcher::disconnected, this, &MainWindow::disconnectAccount);
    connect(m_accountSwitcher, &AccountSwitcher::profilesChanged, this, &MainWindow::updatePage);

    connect(m_catalog, &ImageCatalog::stateChanged, this, &MainWindow::onCatalogStateChanged);
    connect(m_catalog, &ImageCatalog::progress, m_statusBar, &MainStatusBar::setLoadProgress);
    connect(m_catalog, &ImageCatalog::resyncFinished, this, &MainWindow::onResyncFinished);
    connect(m_catalog, &ImageCatalog::cachedShown, this,
            [this](const QDateTime &asOf) { m_statusBar->setCachedAsOf(asOf, true); });
    connect(m_statusBar, &MainStatusBar::cancelLoadRequested, m_catalog, &ImageCatalog::cancel);

    m_deletionFlow =
        new DeletionFlow(m_session, m_statusBar, m_services.deletionConfirmer, m_services.settings, this);
    connect(m_deletionFlow, &DeletionFlow::deletionsChanged, this, &MainWindow::updateActions);
    connect(m_deletionFlow, &DeletionFlow::finished, this, &MainWindow::deletionsFinished);
    // Rows being deleted change in the table (the session's rules); the actions follow.
    connect(m_deletionQueue, &DeletionQueue::itemFinished, this, &MainWindow::scheduleDeferredUpdate);
    connect(m_session, &AccountSession::certificateProblem, this, &MainWindow::showCertificateProblem);
    connect(m_session, &AccountSession::usageChanged, this,
            [this] { m_detailsPane->setUsage(m_session->usage()); });
    // The unit of ModelArts' size, as the SWR inventory shows it; said only while one is loaded.
    connect(m_session->storage(), &SwrInventory::stateChanged, this, [this](SwrInventory::State state) {
        m_detailsPane->setSizeUnitExplanation(state == SwrInventory::State::Loaded
                                                  ? m_session->storage()->facts().sizeUnit.explanation()
                                                  : QString());
    });
    // The Size column repaints itself (ImageTableModel::setSizeUnit, dataChanged: the totals follow through
    // scheduleDeferredUpdate); the details pane shows the new unit at once.
    connect(m_session->sizeUnit(), &ReportedSizeUnit::changed, this,
            [this] { m_detailsPane->setSizeUnit(m_session->sizeUnit()->inference()); });
    m_detailsPane->setWorkspaceText([this](const QString &id) { return m_tableModel->workspaceText(id); });

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
        applyFilterState();
        updatePage();
    });
    connect(m_actions->showBuiltIn, &QAction::toggled, m_filterModel, &ImageFilterModel::setShowBuiltIn);
    connect(m_actions->clearFilter, &QAction::triggered, m_filterModel, &ImageFilterModel::clearFilters);
    connect(m_actions->find, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);

    connect(m_tableView, &ImageTableView::selectedRowsChanged, this, [this] {
        updateActions();
        scheduleDeferredUpdate();
    });
    connect(m_tableView, &QAbstractItemView::activated, this, &MainWindow::showDetailsOfSelection);
    connect(m_tableView, &QWidget::customContextMenuRequested, m_selection,
            &SelectionActions::showContextMenu);
}

void MainWindow::wireActions()
{
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_actions->deleteImages, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(m_actions->deleteWithContent, &QAction::triggered, this, &MainWindow::deleteSelectedWithContent);
    connect(m_actions->resync, &QAction::triggered, this, &MainWindow::resyncSelected);
    connect(m_actions->showDetails, &QAction::triggered, this, &MainWindow::showDetailsOfSelection);
    connect(m_actions->addAccount, &QAction::triggered, m_accountSwitcher, &AccountSwitcher::addAccount);
    connect(m_actions->manageAccounts, &QAction::triggered, m_accountSwitcher,
            &AccountSwitcher::openAccountManager);
}

void MainWindow::applyFilterState()
{
    const FilterState &state = m_filterModel->filterState();
    m_actions->showBuiltIn->setChecked(state.showBuiltIn);
    m_actions->clearFilter->setEnabled(state.isActive());
    // The catalog lists built-in images only while they are shown (a second query).
    m_catalog->setIncludeBuiltIn(state.showBuiltIn);
}

// ---- persistence ----------------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_deletionFlow->mayLeaveAccount([this] { close(); }, true)) {
        event->ignore();
        return;
    }
    m_stateKeeper->save();
    QMainWindow::closeEvent(event);
}

// ---- account --------------------------------------------------------------------------------------------

void MainWindow::connectTo(const QString &displayName, const ConnectionSettings &settings)
{
    m_noticeBar->dismiss();
    m_catalog->setIncludeBuiltIn(m_filterModel->filterState().showBuiltIn);
    setWindowTitle(tr("%1 — ModelArts Image Manager", "window title; %1 is the account").arg(displayName));
    qCInfo(lcMainWindow) << "connecting to" << displayName << "region" << settings.regionId;
    // The time belongs to the previous account's list; this one says its own once it has loaded.
    m_statusBar->setLastRefreshed({});
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
    // The account's images have just appeared (not the rows a filter hid): the keyboard goes to them, as in a
    // file manager, unless a filter is being typed. Qt would leave it on the first control, the account
    // switcher, where Ctrl+End picks Manage Accounts and the arrows switch accounts.
    const bool imagesAppear =
        page == Page::Table && m_page != Page::NoMatches && m_filterBar->searchField()->text().isEmpty();
    m_page = page;
    m_stack->setCurrentIndex(page == Page::Table ? TablePage : EmptyPage);
    if (tableHadFocus && page != Page::Table)
        m_filterBar->searchField()->setFocus();
    else if (imagesAppear)
        m_tableView->setFocus(Qt::OtherFocusReason);
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
        CatalogNotices::showLoaded(m_noticeBar, *m_catalog);
        break;
    case ImageCatalog::State::Failed:
        m_statusBar->finishLoad();
        if (const QDateTime asOf = m_catalog->cachedAsOf(); asOf.isValid())
            m_statusBar->setCachedAsOf(asOf, false);
        if (m_catalog->lastError().kind == ErrorKind::Tls && !m_certificateDialog)
            m_session->probeCertificate();
        CatalogNotices::showFailed(m_noticeBar, *m_catalog, m_tableModel->rowCount());
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
        m_statusBar->setShown(shown, m_session->sizeUnit()->toBytes(shownKb), m_tableModel->rowCount());
    else
        m_statusBar->clearShown();

    const QList<Image> selected = selectedImages();
    qint64 selectedKb = 0;
    for (const Image &image : selected)
        selectedKb += qMax<qint64>(0, image.sizeKb);
    m_statusBar->setSelection(int(selected.size()), m_session->sizeUnit()->toBytes(selectedKb));
}

void MainWindow::updateSettlingNote()
{
    // The images the catalog really watches: not those that looked stuck, nor those whose id no request may
    // carry (Image::canBeWatched()), though they are being saved too.
    m_statusBar->setSettlingCount(int(m_catalog->watchedIds().size()));
}

void MainWindow::updateActions()
{
    const bool connected = m_session->isOpen();
    m_actions->refresh->setEnabled(connected);
    m_selection->updateActions();
    m_actions->selectAll->setEnabled(m_page == Page::Table);
    m_actions->find->setEnabled(connected);
    m_actions->toggleDetails->setEnabled(connected);
    m_actions->showBuiltIn->setEnabled(connected);
}

// ---- selection ------------------------------------------------------------------------------------------

QList<Image> MainWindow::selectedImages() const
{
    return m_selection->selectedImages();
}

QStringList MainWindow::selectedImageIds() const
{
    return m_selection->selectedImageIds();
}

int MainWindow::selectImages(const QStringList &ids)
{
    return m_selection->selectImages(ids);
}

void MainWindow::showDetailsOfSelection()
{
    if (!m_actions->toggleDetails->isChecked())
        m_actions->toggleDetails->setChecked(true);
    m_detailsPane->setImages(selectedImages());
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
