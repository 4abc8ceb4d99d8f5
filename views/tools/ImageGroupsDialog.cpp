#include "views/tools/ImageGroupsDialog.h"

#include "models/api/ApiClient.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/Formatting.h"
#include "models/deletion/Deletion.h"
#include "models/deletion/DeletionQueue.h"
#include "models/groups/ImageGroupLoader.h"
#include "models/groups/ImageGroupModel.h"
#include "models/session/AccountSession.h"
#include "views/deletion/DeleteImagesDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGroups, "mim.ui.groups")

namespace mim {

ImageGroupsDialog::ImageGroupsDialog(AccountSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_client(session->client())
    , m_images(session->tableModel())
    , m_queue(session->deletionQueue())
{
    ApiClient *client = m_client;
    ImageTableModel *images = m_images;
    DeletionQueue *queue = m_queue;
    setObjectName(u"imageGroupsDialog"_s);
    setWindowTitle(tr("Image Groups", "window title"));
    setSizeGripEnabled(true);

    m_loader = new ImageGroupLoader(client, this);
    connect(m_loader, &ImageGroupLoader::finished, this, &ImageGroupsDialog::onLoaded);
    if (queue)
        connect(queue, &DeletionQueue::itemFinished, this, &ImageGroupsDialog::onDeletionItemFinished);

    m_model = new ImageGroupModel(images, this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ImageGroupModel::SortRole);
    m_sorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setFilterKeyColumn(-1);
    // A version whose tag matches keeps its group visible; a group that matches keeps all its versions, so
    // it can still be expanded.
    m_sorted->setRecursiveFilteringEnabled(true);
    m_sorted->setAutoAcceptChildRows(true);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"groupFilterEdit"_s);
    m_filter->setAccessibleName(tr("Filter image groups"));
    m_filter->setPlaceholderText(tr("Filter by image name, namespace or tag"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_sorted, &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTreeView(this);
    m_view->setObjectName(u"groupTree"_s);
    m_view->setAccessibleName(tr("Image groups"));
    m_view->setModel(m_sorted);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ImageGroupModel::Updated, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ImageGroupModel::Name, QHeaderView::Stretch);
    const QFontMetrics metrics(font());
    m_view->setColumnWidth(ImageGroupModel::Namespace, metrics.averageCharWidth() * 18);
    m_view->setColumnWidth(ImageGroupModel::Versions, metrics.averageCharWidth() * 10);
    m_view->setColumnWidth(ImageGroupModel::Status, metrics.averageCharWidth() * 16);
    m_view->setColumnWidth(ImageGroupModel::Size, metrics.averageCharWidth() * 11);
    // Wide enough for a long date in the user's locale, which an average character width underestimates.
    m_view->setColumnWidth(ImageGroupModel::Updated,
                           metrics.horizontalAdvance(Formatting::localDateTime(
                               QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58)).toMSecsSinceEpoch())) +
                               metrics.averageCharWidth() * 4);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ImageGroupsDialog::updateButtons);

    m_status = new QLabel(this);
    m_status->setObjectName(u"groupStatusLabel"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_statusIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_statusIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    m_statusIcon->setVisible(false);
    m_statusIcon->setAccessibleName(tr("Problem"));
    auto *statusRow = new QHBoxLayout();
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_status, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_refreshButton = buttons->addButton(tr("Refresh"), QDialogButtonBox::ResetRole);
    m_refreshButton->setAutoDefault(false);
    m_deleteButton = buttons->addButton(tr("Delete Group…"), QDialogButtonBox::ActionRole);
    m_deleteButton->setObjectName(u"deleteGroupButton"_s);
    m_deleteButton->setAutoDefault(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    connect(m_refreshButton, &QPushButton::clicked, this, &ImageGroupsDialog::refresh);
    connect(m_deleteButton, &QPushButton::clicked, this, &ImageGroupsDialog::deleteSelectedGroup);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(statusRow);
    layout->addWidget(buttons);

    resize(metrics.averageCharWidth() * 110, metrics.height() * 32);
    updateButtons();
    refresh();
}

ImageGroupsDialog::~ImageGroupsDialog()
{
    if (m_versionListing)
        m_versionListing->cancel();
}

void ImageGroupsDialog::setDeletionConfirmer(DeletionConfirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

QString ImageGroupsDialog::statusText() const
{
    return m_status->text();
}

bool ImageGroupsDialog::isBusy() const
{
    return m_loader->isLoading() || m_deleting || m_versionListing;
}

void ImageGroupsDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    // A problem stands out by an icon and weight, not by colour alone.
    QFont weight = font();
    weight.setBold(problem);
    m_status->setFont(weight);
    m_statusIcon->setVisible(problem);
}

void ImageGroupsDialog::refresh()
{
    if (!m_client) {
        setStatus(tr("Not connected to an account."), true);
        return;
    }
    setStatus(tr("Loading image groups…"));
    m_loader->load();
    updateButtons();
}

void ImageGroupsDialog::onLoaded()
{
    const ApiError &error = m_loader->error();
    if (error.kind == ErrorKind::Cancelled) {
        updateButtons();
        return;
    }
    if (error.isError()) {
        setStatus(tr("The image groups could not be loaded. %1").arg(error.fullText()), true);
    } else {
        m_model->setGroups(m_loader->groups());
        showCounts();
    }
    updateButtons();
    Q_EMIT loaded();
}

void ImageGroupsDialog::showCounts()
{
    int versions = 0;
    for (int row = 0; row < m_model->groupCount(); ++row)
        versions += m_model->groupAt(row).versionCount;
    if (m_model->groupCount() == 0)
        setStatus(tr("This account has no images of its own."));
    else
        setStatus(tr("%Ln group(s), %1 in total.", nullptr, m_model->groupCount())
                      .arg(tr("%Ln version(s)", "in “3 groups, 12 versions in total”", versions)));
}

bool ImageGroupsDialog::selectGroup(const QString &groupId)
{
    const QModelIndex source = m_model->indexOfGroup(groupId);
    const QModelIndex shown = m_sorted->mapFromSource(source);
    if (!shown.isValid())
        return false;
    m_view->selectionModel()->select(shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown);
    return true;
}

const ImageGroup *ImageGroupsDialog::selectedGroup() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->groupOf(m_sorted->mapToSource(rows.constFirst()));
}

void ImageGroupsDialog::updateButtons()
{
    const ImageGroup *selected = selectedGroup();
    const bool changeable = !selected || selected->hasId();
    m_deleteButton->setEnabled(m_client && selected && changeable && !isBusy());
    // A disabled button's tooltip still shows: it says why this group cannot be deleted.
    m_deleteButton->setToolTip(changeable ? tr("Deletes every version of the selected image at once.")
                                          : selected->whyNotChangeable());
    m_refreshButton->setEnabled(m_client && !m_deleting && !m_versionListing);
}

void ImageGroupsDialog::deleteSelectedGroup()
{
    const ImageGroup *selected = selectedGroup();
    if (!selected || !selected->hasId() || !m_client || isBusy())
        return;
    const ImageGroup group = *selected;
    // The server's list, not the table's: the table may be older, and the confirmation must name exactly
    // what DeleteImageGroup is going to delete.
    ListQuery query;
    query.type = u"DEDICATED"_s;
    query.name = group.name;
    query.nameFuzzyMatch = false;
    query.nameSpace = group.nameSpace;
    ImageListing *listing = m_client->listAllImages(query);
    m_versionListing = listing;
    connect(listing, &ImageListing::finished, this,
            [this, listing, group] { onVersionsListed(listing, group); });
    setStatus(tr("Reading the versions of “%1”…").arg(Formatting::visibleText(group.name)));
    updateButtons();
}

void ImageGroupsDialog::onVersionsListed(ImageListing *listing, const ImageGroup &group)
{
    m_versionListing = nullptr;
    if (!listing->succeeded()) {
        if (listing->error().kind != ErrorKind::Cancelled)
            setStatus(tr("The versions of “%1” could not be read. %2")
                          .arg(Formatting::visibleText(group.name), listing->error().fullText()),
                      true);
        updateButtons();
        return;
    }
    QList<Image> versions;
    for (const Image &image : listing->images()) {
        if (!image.isBuiltIn() && image.nameSpace == group.nameSpace && image.name == group.name)
            versions.append(image);
    }
    if (versions.isEmpty()) {
        setStatus(tr("“%1” has no versions any more: someone else deleted them.")
                      .arg(Formatting::visibleText(group.name)));
        m_model->removeGroup(group.id);
        updateButtons();
        return;
    }
    confirmAndDelete(group, versions);
    updateButtons();
}

void ImageGroupsDialog::confirmAndDelete(const ImageGroup &group, const QList<Image> &versions)
{
    DeleteImagesDialog dialog(versions, 0, m_model->sizeUnit(), this);
    dialog.setWindowTitle(tr("Delete Image Group", "window title"));
    const std::optional<bool> force = confirmDeletion(m_confirmer, dialog);
    if (!force) {
        showCounts();
        return;
    }
    qCInfo(lcGroups) << "deleting group" << group.id << "force" << *force;
    const DeletionRequest request =
        DeletionRequest::forGroup({group.id, group.name, group.nameSpace}, versions, *force);
    m_deleting = request;
    m_deletingResults.clear();
    setStatus(tr("Deleting “%1” and its %Ln version(s)…", nullptr, int(versions.size()))
                  .arg(Formatting::visibleText(group.name)));
    if (m_session)
        m_session->enqueueDeletions({request});
    if (!m_queue || !m_queue->isInRun(request)) {
        // Nobody took it: no account is connected any more, or the group is being deleted already.
        m_deleting.reset();
        setStatus(tr("“%1” was not deleted. %2")
                      .arg(Formatting::visibleText(group.name),
                           tr("No account is connected, or it is being deleted already.")),
                  true);
    }
}

void ImageGroupsDialog::onDeletionItemFinished(const DeletionResult &result)
{
    if (!m_deleting || !result.group || result.group->id != m_deleting->group->id)
        return;
    m_deletingResults.append(result);
    if (m_deletingResults.size() == m_deleting->versions.size())
        onDeletionFinished();
}

void ImageGroupsDialog::onDeletionFinished()
{
    const DeletionRequest request = *std::exchange(m_deleting, std::nullopt);
    DeletionSummary summary;
    if (m_queue)
        summary.account = m_queue->account();
    summary.results = std::exchange(m_deletingResults, {});
    const QString name = Formatting::visibleText(request.group->name);
    const int count = int(summary.results.size());
    const int alreadyGone = summary.count(DeletionResult::Outcome::AlreadyGone);
    const int unknown = summary.count(DeletionResult::Outcome::Unknown);
    if (summary.count(DeletionResult::Outcome::Deleted) + alreadyGone == count) {
        m_model->removeGroup(request.group->id);
        if (alreadyGone == count)
            setStatus(tr("“%1” was already deleted.").arg(name));
        else if (request.force)
            setStatus(
                tr("Deleted “%1” and its %Ln version(s), with their SWR content.", nullptr, count).arg(name));
        else
            setStatus(tr("Deleted “%1” and its %Ln version(s); the SWR content is kept.", nullptr, count)
                          .arg(name));
    } else if (unknown > 0) {
        setStatus(tr("Whether “%1” was deleted is not known: the server's answer was lost. The app will ask "
                     "the server again when the account is opened.")
                      .arg(name),
                  true);
    } else {
        const auto notDeleted =
            std::find_if(summary.results.cbegin(), summary.results.cend(), [](const auto &r) {
                return r.outcome != DeletionResult::Outcome::Deleted &&
                       r.outcome != DeletionResult::Outcome::AlreadyGone;
            });
        const ApiError &error = notDeleted->error;
        const QString problem =
            error.detail.isEmpty() || error.kind != ErrorKind::Cancelled ? error.fullText() : error.detail;
        setStatus(tr("“%1” was not deleted. %2").arg(name, problem), true);
    }
    updateButtons();
    Q_EMIT groupDeletionFinished(summary);
}

} // namespace mim
