#include "views/storage/SwrStorageDialog.h"

#include "models/api/Swr.h"
#include "models/catalog/ImageTableModel.h" // AccountSession keeps it in a QPointer
#include "models/common/Formatting.h"
#include "models/deletion/DeletionJournal.h"
#include "models/session/AccountSession.h"
#include "models/storage/SwrInventory.h"
#include "views/common/DialogGeometry.h"
#include "views/storage/DeleteTagsDialog.h"
#include "views/storage/StorageBarChart.h"
#include "views/storage/StorageRepositoryModel.h"
#include "views/storage/StorageTagModel.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStorage, "mim.ui.storage")

namespace mim {
namespace {

// A result row's Swr::DeleteOutcome, so Retry Failed knows which rows its new results replace.
constexpr int OutcomeRole = Qt::UserRole + 1;

} // namespace

SwrStorageDialog::SwrStorageDialog(AccountSession *session, QWidget *parent, QSettings *settings)
    : QDialog(parent)
    , m_session(session)
    , m_settings(settings)
{
    build();
    m_geometryKept =
        DialogGeometry::open(this, QSize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 36),
                             m_settings, SettingsKey::SwrStorageGeometry);
    if (!session)
        return;
    // The session's inventory: what this view loads also gives the delete confirmation its SWR figures.
    m_inventory = session->storage();
    connect(m_inventory, &SwrInventory::progress, this, &SwrStorageDialog::showLoading);
    connect(m_inventory, &SwrInventory::loaded, this, [this] { showFacts(m_inventory->facts()); });
    connect(m_inventory, &SwrInventory::failed, this, [this](const ApiError &error) {
        if (m_inventory->permissionDenied())
            showPermissionDenied();
        else
            showFailed(error);
    });

    if (session->client() && session->journal()) {
        const DeletionAccount account = session->account();
        m_queue = new TagDeletionQueue(session->client(), session->journal()->filePath(), account.profileName,
                                       account.regionId, account.projectId, this);
        // The session's reconciler then knows these tag deletions run here and leaves them be.
        m_queue->shareJournal(session->journal());
        connect(m_queue, &TagDeletionQueue::progress, this, &SwrStorageDialog::onDeletionProgress);
        connect(m_queue, &TagDeletionQueue::itemFinished, this, &SwrStorageDialog::showDeletionResult);
        connect(m_queue, &TagDeletionQueue::finished, this, &SwrStorageDialog::onDeletionFinished);
    }
}

SwrStorageDialog::SwrStorageDialog(QWidget *parent, QSettings *settings)
    : SwrStorageDialog(static_cast<AccountSession *>(nullptr), parent, settings)
{}

SwrStorageDialog::~SwrStorageDialog() = default;

void SwrStorageDialog::build()
{
    setObjectName(u"swrStorageDialog"_s);
    setWindowTitle(tr("SWR Storage"));
    setSizeGripEnabled(true);

    // Loading: progress and Cancel.
    m_loadingPage = new QWidget(this);
    m_loadingText = new QLabel(tr("Reading SWR…"), m_loadingPage);
    m_loadingText->setObjectName(u"loadingText"_s);
    m_loadingProgress = new QProgressBar(m_loadingPage);
    m_loadingProgress->setObjectName(u"loadingProgress"_s);
    m_loadingProgress->setRange(0, 0);
    m_loadingProgress->setAccessibleName(tr("Repositories read"));
    m_cancelLoad = new QPushButton(tr("Cancel"), m_loadingPage);
    m_cancelLoad->setObjectName(u"cancelLoadButton"_s);
    connect(m_cancelLoad, &QPushButton::clicked, this, [this] {
        if (m_inventory)
            m_inventory->cancel();
        // The inventory reports a cancelled load as failed; without one, say so here.
        if (m_page == Page::Loading)
            setPage(Page::Failed, tr("Reading SWR was cancelled."));
    });
    auto *loadingLayout = new QVBoxLayout(m_loadingPage);
    loadingLayout->addStretch();
    loadingLayout->addWidget(m_loadingText, 0, Qt::AlignHCenter);
    loadingLayout->addWidget(m_loadingProgress);
    loadingLayout->addWidget(m_cancelLoad, 0, Qt::AlignHCenter);
    loadingLayout->addStretch();

    // Failed, Permission denied and Empty: a sentence, and Retry where another attempt may help.
    m_messagePage = new QWidget(this);
    m_message = new QLabel(m_messagePage);
    m_message->setObjectName(u"stateMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryLoad = new QPushButton(tr("Retry"), m_messagePage);
    m_retryLoad->setObjectName(u"retryLoadButton"_s);
    connect(m_retryLoad, &QPushButton::clicked, this, &SwrStorageDialog::reload);
    auto *messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->addStretch();
    messageLayout->addWidget(m_message);
    messageLayout->addWidget(m_retryLoad, 0, Qt::AlignHCenter);
    messageLayout->addStretch();

    // Content: the chart and totals, then the lists.
    m_contentPage = new QWidget(this);
    m_chart = new StorageBarChart(m_contentPage);
    // Many organizations scroll; the bars never do sideways, the dialog is made wide enough for them.
    m_chartScroll = new QScrollArea(m_contentPage);
    m_chartScroll->setWidget(m_chart);
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    m_chartScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totals = new QLabel(m_contentPage);
    m_totals->setObjectName(u"storageTotals"_s);
    m_totals->setTextFormat(Qt::PlainText);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_repositoryModel = new StorageRepositoryModel(this);
    m_repositoryProxy = new QSortFilterProxyModel(this);
    m_repositoryProxy->setSourceModel(m_repositoryModel);
    m_repositoryProxy->setSortRole(StorageTagModel::SortRole);
    m_repositories = new QTreeView(m_contentPage);
    m_repositories->setObjectName(u"repositoriesView"_s);
    m_repositories->setModel(m_repositoryProxy);
    m_repositories->setSortingEnabled(true);
    m_repositories->sortByColumn(StorageTagModel::SizeColumn, Qt::DescendingOrder);
    m_repositories->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_repositories->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_repositories->setUniformRowHeights(true);
    m_repositories->setAccessibleName(tr("Repositories and their tags"));
    m_repositories->setColumnWidth(StorageTagModel::NameColumn, fontMetrics().averageCharWidth() * 40);

    m_tagModel = new StorageTagModel(this);
    m_unregisteredProxy = new QSortFilterProxyModel(this);
    m_unregisteredProxy->setSourceModel(m_tagModel);
    m_unregisteredProxy->setSortRole(StorageTagModel::SortRole);
    m_unregisteredProxy->setFilterRole(StorageTagModel::DeletableRole);
    m_unregisteredProxy->setFilterFixedString(u"true"_s);
    m_unregistered = new QTableView(m_contentPage);
    m_unregistered->setObjectName(u"unregisteredView"_s);
    m_unregistered->setModel(m_unregisteredProxy);
    m_unregistered->setSortingEnabled(true);
    m_unregistered->sortByColumn(StorageTagModel::SizeColumn, Qt::DescendingOrder);
    m_unregistered->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_unregistered->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_unregistered->verticalHeader()->hide();
    m_unregistered->horizontalHeader()->setStretchLastSection(true);
    m_unregistered->setWordWrap(false);
    m_unregistered->setTextElideMode(Qt::ElideMiddle);
    m_unregistered->setColumnWidth(StorageTagModel::NameColumn, fontMetrics().averageCharWidth() * 50);
    // Usage is known only of registered tags, which this list never holds.
    m_unregistered->hideColumn(StorageTagModel::RegisteredColumn);
    m_unregistered->hideColumn(StorageTagModel::UsedByColumn);
    m_unregistered->setAccessibleName(tr("Tags not registered in ModelArts"));

    m_tabs = new QTabWidget(m_contentPage);
    m_tabs->setObjectName(u"storageTabs"_s);
    m_tabs->addTab(m_unregistered, tr("Not Registered in ModelArts"));
    m_tabs->addTab(m_repositories, tr("Repositories"));

    m_delete = new QPushButton(tr("Delete Selected Tags…"), m_contentPage);
    m_delete->setObjectName(u"deleteTagsButton"_s);
    connect(m_delete, &QPushButton::clicked, this, &SwrStorageDialog::deleteSelectedTags);
    m_reload = new QPushButton(tr("Reload"), m_contentPage);
    m_reload->setObjectName(u"reloadButton"_s);
    connect(m_reload, &QPushButton::clicked, this, &SwrStorageDialog::reload);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SwrStorageDialog::updateDeleteButton);
    connect(m_repositories->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SwrStorageDialog::updateDeleteButton);
    connect(m_unregistered->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SwrStorageDialog::updateDeleteButton);

    auto *actions = new QHBoxLayout();
    actions->addWidget(m_delete);
    actions->addStretch();
    actions->addWidget(m_reload);

    auto *contentLayout = new QVBoxLayout(m_contentPage);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_chartScroll);
    contentLayout->addWidget(m_totals);
    contentLayout->addWidget(m_tabs, 1);
    contentLayout->addLayout(actions);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_loadingPage);
    m_stack->addWidget(m_messagePage);
    m_stack->addWidget(m_contentPage);

    // Deleting: outside the pages, so the results stay while the lists are read again.
    m_deletionPanel = new QWidget(this);
    m_deletionPanel->setObjectName(u"tagDeletionPanel"_s);
    m_deletionText = new QLabel(m_deletionPanel);
    m_deletionText->setTextFormat(Qt::PlainText);
    m_deletionProgress = new QProgressBar(m_deletionPanel);
    m_deletionProgress->setAccessibleName(tr("Tags deleted"));
    m_cancelDeletion = new QPushButton(tr("Cancel"), m_deletionPanel);
    m_cancelDeletion->setObjectName(u"cancelDeletionButton"_s);
    m_cancelDeletion->setToolTip(tr("Send no further requests; those already sent finish."));
    connect(m_cancelDeletion, &QPushButton::clicked, this, [this] {
        if (m_queue)
            m_queue->cancel();
    });
    m_retryFailed = new QPushButton(tr("Retry Failed"), m_deletionPanel);
    m_retryFailed->setObjectName(u"retryFailedButton"_s);
    m_retryFailed->setEnabled(false);
    connect(m_retryFailed, &QPushButton::clicked, this, &SwrStorageDialog::retryFailedDeletions);
    m_results = new QTreeWidget(m_deletionPanel);
    m_results->setObjectName(u"tagDeletionResults"_s);
    m_results->setRootIsDecorated(false);
    m_results->setHeaderLabels({tr("Tag"), tr("Result")});
    m_results->setAccessibleName(tr("Deletion results"));
    m_results->setMaximumHeight(fontMetrics().height() * 8);
    auto *deletionRow = new QHBoxLayout();
    deletionRow->addWidget(m_deletionText, 1);
    deletionRow->addWidget(m_deletionProgress, 1);
    deletionRow->addWidget(m_cancelDeletion);
    deletionRow->addWidget(m_retryFailed);
    auto *deletionLayout = new QVBoxLayout(m_deletionPanel);
    deletionLayout->setContentsMargins(0, 0, 0, 0);
    deletionLayout->addLayout(deletionRow);
    deletionLayout->addWidget(m_results);
    m_deletionPanel->setVisible(false);

    // Enter in a list must not press a button (the first would be Delete Selected Tags…).
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_deletionPanel);
    setPage(Page::Loading);
    updateDeleteButton();
}

void SwrStorageDialog::hideEvent(QHideEvent *event)
{
    DialogGeometry::keep(this, m_settings, SettingsKey::SwrStorageGeometry);
    QDialog::hideEvent(event);
}

void SwrStorageDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_loadStarted && m_inventory) {
        m_loadStarted = true;
        reload();
    }
}

void SwrStorageDialog::reject()
{
    if (m_queue && m_queue->isRunning()) {
        m_closeWhenFinished = true;
        m_queue->cancel();
        m_deletionText->setText(tr("Stopping: the requests already sent finish first…"));
        return;
    }
    // A load that runs goes on: the delete confirmation uses its figures too.
    QDialog::reject();
}

void SwrStorageDialog::reload()
{
    if (!m_inventory || !m_session || !m_session->client()) {
        // Nothing to read from: the view keeps what it was given.
        return;
    }
    if (m_queue && m_queue->isRunning())
        return; // read again when the deletions have finished
    m_loadStarted = true;
    showLoading(0, 0);
    // Always against the images as they are now: facts from before an image was registered would offer
    // its tag for deletion.
    m_session->loadStorage();
}

void SwrStorageDialog::setPage(Page page, const QString &text)
{
    m_page = page;
    switch (page) {
    case Page::Loading:
        m_stack->setCurrentWidget(m_loadingPage);
        break;
    case Page::Failed:
    case Page::PermissionDenied:
    case Page::Empty:
        m_message->setText(text);
        m_stack->setCurrentWidget(m_messagePage);
        break;
    case Page::Content:
        m_stack->setCurrentWidget(m_contentPage);
        break;
    }
    m_retryLoad->setVisible(page != Page::Empty || !m_inventory.isNull());
}

SwrStorageDialog::Page SwrStorageDialog::page() const
{
    return m_page;
}

QString SwrStorageDialog::stateText() const
{
    return m_page == Page::Loading || m_page == Page::Content ? QString() : m_message->text();
}

void SwrStorageDialog::showLoading(int repositoriesDone, int repositoriesTotal)
{
    if (repositoriesTotal > 0) {
        m_loadingProgress->setRange(0, repositoriesTotal);
        m_loadingProgress->setValue(std::min(repositoriesDone, repositoriesTotal));
        m_loadingText->setText(tr("Reading the tags of %1 of %n repositories…", nullptr, repositoriesTotal)
                                   .arg(QLocale().toString(repositoriesDone)));
    } else {
        m_loadingProgress->setRange(0, 0);
        m_loadingText->setText(tr("Reading SWR…"));
    }
    setPage(Page::Loading);
}

void SwrStorageDialog::showFailed(const ApiError &error)
{
    if (error.kind == ErrorKind::Cancelled) {
        setPage(Page::Failed, tr("Reading SWR was cancelled."));
        return;
    }
    if (error.kind == ErrorKind::Permission) {
        showPermissionDenied();
        return;
    }
    // fullText() carries the server's code and message: shown as plain text with hidden characters visible.
    setPage(Page::Failed, tr("SWR could not be read.") + u'\n' + Formatting::visibleText(error.fullText()));
}

void SwrStorageDialog::showPermissionDenied()
{
    setPage(Page::PermissionDenied, Swr::missingPermission(Swr::Access::Read) + u'\n' +
                                        tr("Everything else in the app works as before."));
}

void SwrStorageDialog::showFacts(const StorageFacts &facts)
{
    m_facts = facts;
    m_chart->setOrganizations(facts.organizations);
    // Up to six bars without scrolling.
    constexpr int VisibleBars = 6;
    const int barRows = std::clamp(int(facts.organizations.size()), 1, VisibleBars);
    m_chartScroll->setFixedHeight(m_chart->sizeHint().height() /
                                  std::max(1, int(facts.organizations.size())) * barRows);
    const int scrollBar = m_chartScroll->verticalScrollBar()->sizeHint().width();
    m_chartScroll->setMinimumWidth(m_chart->minimumSizeHint().width() + scrollBar);
    m_tagModel->setTags(facts.tags);
    m_repositoryModel->setFacts(facts);

    const qint64 registered = facts.registeredBytes();
    const qint64 unregistered = facts.unregisteredBytes();
    int unregisteredTags = 0;
    int unknownSizes = 0;
    for (const StoredTag &tag : facts.tags) {
        if (!tag.isRegistered())
            ++unregisteredTags;
        if (tag.sizeBytes < 0)
            ++unknownSizes;
    }
    QStringList totals;
    totals << tr("Total %1 in %n organization(s), %2 of it registered in ModelArts.", nullptr,
                 int(facts.organizations.size()))
                  .arg(Formatting::dataSize(registered + unregistered), Formatting::dataSize(registered));
    totals << tr("Not registered: %1 in %n tag(s).", nullptr, unregisteredTags)
                  .arg(Formatting::dataSize(unregistered));
    totals << tr("Sizes as SWR reports them (bytes).");
    if (unknownSizes > 0)
        totals << tr("%n tag(s) of unknown size are not counted.", nullptr, unknownSizes);
    if (!facts.skippedEnterpriseImages.isEmpty())
        totals << tr("%n image(s) stored in an SWR Enterprise instance are not shown: not supported yet.",
                     nullptr, int(facts.skippedEnterpriseImages.size()));
    m_totals->setText(totals.join(u' '));
    m_totals->setToolTip(tr("Registered: %1 bytes; not registered: %2 bytes")
                             .arg(QLocale().toString(registered), QLocale().toString(unregistered)));

    if (facts.tags.isEmpty() && facts.repositories.isEmpty()) {
        setPage(Page::Empty, tr("This account stores no images in SWR in this region."));
    } else {
        setPage(Page::Content);
        if (!m_geometryKept && !m_sizedToContent) {
            m_sizedToContent = true;
            // Only wider: the names and figures need the width, while the lists scroll; a window growing
            // downwards once shown would leave the screen where it was placed low.
            DialogGeometry::grow(this, QSize(std::max(width(), contentSize().width()), height()));
        }
    }
    updateDeleteButton();
}

QSize SwrStorageDialog::contentSize() const
{
    const QFontMetrics metrics = fontMetrics();
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth) * 2;
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const QMargins margins = layout()->contentsMargins();
    // QTableView hides sizeHintForColumn(), QAbstractItemView offers it.
    const QAbstractItemView *table = m_unregistered;
    int tableWidth = frame + scrollBar;
    for (int column = 0; column < m_unregistered->model()->columnCount(); ++column) {
        if (!m_unregistered->isColumnHidden(column))
            tableWidth += std::max(table->sizeHintForColumn(column),
                                   m_unregistered->horizontalHeader()->sectionSizeHint(column));
    }
    const int width = std::max(m_chart->sizeHint().width() + scrollBar, tableWidth + frame * 2) +
                      margins.left() + margins.right();

    // The layout's own height, with the chart whole and a screenful of rows instead of the views' hints.
    const int rows = std::clamp(m_unregistered->model()->rowCount(), 8, 25);
    const int listHeight = m_tabs->tabBar()->sizeHint().height() +
                           m_unregistered->horizontalHeader()->sizeHint().height() +
                           rows * m_unregistered->verticalHeader()->defaultSectionSize() + frame * 2;
    const int height = sizeHint().height() - m_chartScroll->sizeHint().height() +
                       m_chart->sizeHint().height() - m_tabs->sizeHint().height() + listHeight +
                       metrics.height();
    return {width, height};
}

QList<StoredTag> SwrStorageDialog::tagsOfSelection(bool deletable) const
{
    QList<int> indexes;
    QSet<int> seen;
    const auto add = [&](int index) {
        if (index < 0 || index >= m_facts.tags.size() || seen.contains(index))
            return;
        if (m_facts.tags.at(index).mayBeDeleted() != deletable)
            return;
        seen.insert(index);
        indexes.append(index);
    };
    if (m_page != Page::Content)
        return {};
    if (m_tabs->currentWidget() == m_unregistered) {
        for (const QModelIndex &index : m_unregistered->selectionModel()->selectedRows()) {
            const int row = m_unregisteredProxy->mapToSource(index).row();
            // Rows of this model are the tags in facts' order.
            add(row);
        }
    } else {
        for (const QModelIndex &index : m_repositories->selectionModel()->selectedRows()) {
            const QModelIndex source = m_repositoryProxy->mapToSource(index);
            const int tagIndex = m_repositoryModel->tagIndex(source);
            if (tagIndex >= 0) {
                add(tagIndex);
                continue;
            }
            // A repository stands for all its tags.
            for (int child : m_repositoryModel->tagIndexes(source))
                add(child);
        }
    }
    QList<StoredTag> tags;
    for (int index : std::as_const(indexes))
        tags.append(m_facts.tags.at(index));
    return tags;
}

QList<StoredTag> SwrStorageDialog::selectedTags() const
{
    return tagsOfSelection(true);
}

void SwrStorageDialog::updateDeleteButton()
{
    const bool running = m_queue && m_queue->isRunning();
    const int deletable = int(tagsOfSelection(true).size());
    const int registered = int(tagsOfSelection(false).size());
    m_delete->setEnabled(!running && deletable > 0);
    if (running)
        m_delete->setToolTip(tr("Tags are being deleted."));
    else if (deletable == 0 && registered > 0)
        m_delete->setToolTip(StorageTagModel::notDeletableReason());
    else if (deletable == 0)
        m_delete->setToolTip(tr("Select tags not registered in ModelArts."));
    else
        m_delete->setToolTip(
            tr("Delete the %n selected tag(s) from SWR, after a confirmation.", nullptr, deletable));
}

bool SwrStorageDialog::deleteSelectedTags()
{
    if (m_queue && m_queue->isRunning())
        return false;
    QList<StoredTag> tags = tagsOfSelection(true);
    tags += tagsOfSelection(false); // the confirmation names how many it leaves out, and why
    if (tagsOfSelection(true).isEmpty())
        return false;
    DeleteTagsDialog dialog(tags, this);
    const bool confirmed = m_confirmer ? m_confirmer(dialog) : dialog.exec() == QDialog::Accepted;
    if (!confirmed || dialog.tags().isEmpty())
        return false;
    const QList<StoredTag> confirmedTags = dialog.tags();
    qCInfo(lcStorage) << "deleting" << confirmedTags.size() << "SWR tags";
    Q_EMIT deletionConfirmed(confirmedTags);
    if (!m_queue)
        return true;
    m_results->clear();
    m_deletionPanel->setVisible(true);
    if (!m_queue->start(confirmedTags)) {
        m_deletionText->setText(tr("The deletion could not be started."));
        return false;
    }
    onDeletionProgress(0, int(confirmedTags.size()));
    return true;
}

void SwrStorageDialog::onDeletionProgress(int done, int total)
{
    m_deletionPanel->setVisible(true);
    m_deletionProgress->setRange(0, std::max(total, 1));
    m_deletionProgress->setValue(done);
    m_deletionText->setText(tr("Deleted %1 of %n tag(s)…", nullptr, total).arg(QLocale().toString(done)));
    m_cancelDeletion->setEnabled(m_queue && m_queue->isRunning());
    m_retryFailed->setEnabled(false);
    updateDeleteButton();
}

QString SwrStorageDialog::outcomeText(const TagDeletionResult &result)
{
    switch (result.outcome) {
    case Swr::DeleteOutcome::Deleted:
        return tr("Deleted");
    case Swr::DeleteOutcome::AlreadyGone:
        return tr("Already gone");
    case Swr::DeleteOutcome::Failed: {
        // The server's own words where it sent any: they say why better than a category.
        // A deletion never sent says so in its detail.
        QString why = result.error.message;
        if (why.isEmpty() && result.error.kind == ErrorKind::Cancelled)
            why = result.error.detail;
        if (why.isEmpty())
            why = result.error.summary();
        return tr("Failed: %1").arg(Formatting::visibleText(why));
    }
    case Swr::DeleteOutcome::Unknown:
        return tr("Unknown: the request may have reached SWR; reload to see whether the tag is still there");
    }
    return {};
}

void SwrStorageDialog::showDeletionResult(const TagDeletionResult &result)
{
    m_deletionPanel->setVisible(true);
    auto *item = new QTreeWidgetItem(m_results);
    item->setText(0, Formatting::visibleText(result.tag.displayName()));
    item->setText(1, outcomeText(result));
    item->setData(0, OutcomeRole, int(result.outcome));
    // Tag names are long ("team/base/pytorch:2.1-cuda12-…"): the column fits them, the result follows.
    m_results->resizeColumnToContents(0);
    if (result.error.isError()) {
        QString details = Formatting::visibleText(result.error.fullText());
        if (result.error.kind == ErrorKind::Permission)
            details = Swr::missingPermission(Swr::Access::Delete) + u'\n' + details;
        item->setToolTip(1, Formatting::plainToolTip(details));
    }
}

void SwrStorageDialog::onDeletionFinished()
{
    int deleted = 0, gone = 0, failed = 0;
    const QList<TagDeletionResult> results = m_queue->results();
    for (const TagDeletionResult &result : results) {
        switch (result.outcome) {
        case Swr::DeleteOutcome::Deleted:
            ++deleted;
            break;
        case Swr::DeleteOutcome::AlreadyGone:
            ++gone;
            break;
        case Swr::DeleteOutcome::Failed:
        case Swr::DeleteOutcome::Unknown:
            ++failed;
            break;
        }
    }
    m_deletionText->setText(tr("Deleted %n tag(s), %1 freed.", nullptr, deleted)
                                .arg(Formatting::dataSize(m_queue->freedBytes())) +
                            (gone > 0 ? u' ' + tr("%n already gone.", nullptr, gone) : QString()) +
                            (failed > 0 ? u' ' + tr("%n not deleted.", nullptr, failed) : QString()));
    m_cancelDeletion->setEnabled(false);
    m_retryFailed->setEnabled(failed > 0);
    updateDeleteButton();
    if (m_closeWhenFinished) {
        QDialog::reject();
        return;
    }
    // What SWR holds now, deletions and anything else included.
    reload();
}

void SwrStorageDialog::retryFailedDeletions()
{
    if (!m_queue || m_queue->isRunning())
        return;
    // Their new results replace them in the list.
    for (int i = m_results->topLevelItemCount() - 1; i >= 0; --i) {
        const auto outcome = Swr::DeleteOutcome(m_results->topLevelItem(i)->data(0, OutcomeRole).toInt());
        if (outcome == Swr::DeleteOutcome::Failed || outcome == Swr::DeleteOutcome::Unknown)
            delete m_results->takeTopLevelItem(i);
    }
    if (m_queue->retryFailed())
        onDeletionProgress(m_queue->done(), m_queue->total());
}

} // namespace mim
