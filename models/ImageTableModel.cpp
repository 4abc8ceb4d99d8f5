#include "ImageTableModel.h"

#include "Formatting.h"
#include "NaturalSortKey.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

// Descriptions can be 512 characters; nobody sorts by what comes after the first line's worth.
constexpr qsizetype DescriptionKeyLength = 128;
// Beyond this many removals since the last re-index, lookups would scan too far: re-index instead.
constexpr int MaxIndexDrift = 64;

bool isNumericColumn(int column)
{
    return column == ImageTableModel::Size || column == ImageTableModel::Created ||
           column == ImageTableModel::Updated;
}

qint64 numericValue(const Image &image, int column)
{
    switch (column) {
    case ImageTableModel::Size:
        return image.sizeKb;
    case ImageTableModel::Created:
        return image.createAtMs;
    case ImageTableModel::Updated:
        return image.updateAtMs;
    default:
        return 0;
    }
}

QString joinedResources(const QStringList &categories)
{
    return categories.size() == 1 ? categories.constFirst() : categories.join(u", "_s);
}

// The text a column sorts by, before any natural-sort encoding.
QString sortText(const Image &image, int column)
{
    switch (column) {
    case ImageTableModel::Name:
        return image.name;
    case ImageTableModel::Tag:
        return image.tag;
    case ImageTableModel::Status:
        return image.status;
    case ImageTableModel::Type:
        return image.type;
    case ImageTableModel::Visibility:
        return image.visibility;
    case ImageTableModel::Architecture:
        return image.normalizedArch();
    case ImageTableModel::ServiceType:
        return image.serviceType;
    case ImageTableModel::Resources:
        return joinedResources(image.resourceCategories);
    case ImageTableModel::Namespace:
        return image.nameSpace;
    case ImageTableModel::SwrPath:
        return image.swrPath;
    case ImageTableModel::Id:
        return image.id;
    case ImageTableModel::Workspace:
        return image.workspaceId;
    case ImageTableModel::Description:
        return image.description;
    default:
        return {};
    }
}

// Names, tags, namespaces, paths and descriptions sort naturally ("v2" before "v10"); the other text columns
// hold codes (ACTIVE, X86_64, ids) and sort by the text itself.
QString sortKeyOfText(const QString &text, int column)
{
    switch (column) {
    case ImageTableModel::Name:
    case ImageTableModel::Tag:
    case ImageTableModel::Namespace:
    case ImageTableModel::SwrPath:
        return naturalSortKey(text);
    case ImageTableModel::Description:
        return naturalSortKey(text.size() > DescriptionKeyLength ? text.left(DescriptionKeyLength) : text);
    default:
        return text;
    }
}

// A digest of everything an image holds. A refresh of 100,000 images compares digests, computed on a
// worker thread, instead of 25 fields per image on the GUI thread. Two different images have the same
// 64-bit digest with a probability that does not matter (2^-64 per changed image).
quint64 contentDigest(const Image &image)
{
    size_t seed = qHashMulti(0, image.id, image.name, image.tag, image.nameSpace, image.swrPath, image.type,
                             image.origin, image.status, image.statusMessage, image.visibility, image.arch);
    seed =
        qHashMulti(seed, image.sizeKb, image.createAtMs, image.updateAtMs, image.description,
                   image.devServices, image.resourceCategories, image.supportResCategories, image.serviceType,
                   image.workspaceId, image.flavorType, image.swrInstanceId, image.showName, image.showTag);
    for (const ImageTag &tag : image.tags)
        seed = qHashMulti(seed, tag.key, tag.value);
    return quint64(qHashMulti(seed, image.tags.size()));
}

} // namespace

struct detail::ImageRow
{
    quint64 digest = 0; // contentDigest() of the row's image
    ImageTableModel::RowActivity activity = ImageTableModel::RowActivity::None;
};

struct detail::PreparedImageData
{
    QList<Image> images; // one per id
    QList<ImageRow> rows;
    QHash<QString, int> indexById;
    qint64 totalSizeKb = 0;
};

} // namespace mim

Q_DECLARE_TYPEINFO(mim::detail::ImageRow, Q_PRIMITIVE_TYPE);

namespace mim {

ImageTableModel::PreparedImages::PreparedImages() = default;
ImageTableModel::PreparedImages::~PreparedImages() = default;
ImageTableModel::PreparedImages::PreparedImages(const PreparedImages &) = default;
ImageTableModel::PreparedImages::PreparedImages(PreparedImages &&) noexcept = default;
ImageTableModel::PreparedImages &ImageTableModel::PreparedImages::operator=(const PreparedImages &) = default;
ImageTableModel::PreparedImages &
ImageTableModel::PreparedImages::operator=(PreparedImages &&) noexcept = default;

qsizetype ImageTableModel::PreparedImages::size() const
{
    return m_data ? m_data->images.size() : 0;
}

ImageTableModel::ImageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ImageTableModel::~ImageTableModel() = default;

int ImageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

int ImageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QModelIndex ImageTableModel::index(int row, int column, const QModelIndex &parent) const
{
    // Without the virtual rowCount()/columnCount() calls of the default: a sort of 100,000 rows asks for
    // millions of indexes.
    if (parent.isValid() || row < 0 || column < 0 || row >= m_images.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

ImageTableModel::Row ImageTableModel::makeRow(const Image &image)
{
    Row row;
    row.digest = contentDigest(image);
    return row;
}

void ImageTableModel::replaceImage(int row, const Image &image)
{
    m_totalSizeKb += image.sizeKb - m_images.at(row).sizeKb;
    m_images[row] = image;
    m_rows[row].digest = contentDigest(image);
    invalidateSortRanks();
}

QString ImageTableModel::activityText(RowActivity activity)
{
    switch (activity) {
    case RowActivity::None:
        return {};
    case RowActivity::Deleting:
        return tr("Deleting…");
    case RowActivity::Polling:
        return tr("Watching…", "the app is polling a settling image's status");
    case RowActivity::Resyncing:
        return tr("Synchronizing…");
    }
    return {};
}

QString ImageTableModel::statusDisplay(int row) const
{
    const QString status = Formatting::statusText(m_images.at(row).status);
    const RowActivity activity = m_rows.at(row).activity;
    if (activity == RowActivity::None)
        return status;
    return tr("%1 – %2", "status – what the app is doing with the image").arg(status, activityText(activity));
}

const QIcon &ImageTableModel::iconForStatus(const QString &status) const
{
    auto it = m_statusIcons.find(status);
    if (it == m_statusIcons.end())
        it = m_statusIcons.insert(status, Formatting::statusIcon(status));
    return it.value();
}

QString ImageTableModel::sortKey(int row, int column) const
{
    return sortKeyOfText(sortText(m_images.at(row), column), column);
}

QVariant ImageTableModel::sortValue(int rowNumber, int column) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    if (isNumericColumn(column))
        return numericValue(m_images.at(rowNumber), column);
    return sortKey(rowNumber, column);
}

QVariant ImageTableModel::facetValue(int rowNumber, int column) const
{
    const Image &image = m_images.at(rowNumber);
    switch (Column(column)) {
    case Name:
        return image.name;
    case Tag:
        return image.tag;
    case Status:
        return image.status;
    case Size:
        return image.sizeKb;
    case Created:
        return image.createAtMs;
    case Updated:
        return image.updateAtMs;
    case Type:
        return image.type;
    case Visibility:
        return image.visibility;
    case Architecture:
        return image.normalizedArch();
    case ServiceType:
        return image.serviceType;
    case Resources:
        return image.resourceCategories;
    case Namespace:
        return image.nameSpace;
    case SwrPath:
        return image.swrPath;
    case Id:
        return image.id;
    case Workspace:
        return image.workspaceId;
    case Description:
        return image.description;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ImageTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Image &image = m_images.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (role == Qt::ToolTipRole) {
            switch (Column(column)) {
            case Status: {
                QString tip = image.statusMessage.isEmpty() ? Formatting::statusText(image.status)
                                                            : image.statusMessage;
                if (row.activity != RowActivity::None)
                    tip = tr("%1 – %2", "status – what the app is doing with the image")
                              .arg(tip, activityText(row.activity));
                return tip;
            }
            case Size:
                return tr("%1 (%2 KB)")
                    .arg(Formatting::humanSize(image.sizeKb), QLocale().toString(image.sizeKb));
            case Created:
                return Formatting::localDateTimeLong(image.createAtMs);
            case Updated:
                return Formatting::localDateTimeLong(image.updateAtMs);
            default:
                break; // the full text of the field, below
            }
        }
        switch (Column(column)) {
        case Name:
            return image.name;
        case Tag:
            return image.tag;
        case Status:
            return statusDisplay(index.row());
        case Size:
            return Formatting::humanSize(image.sizeKb);
        case Created:
            return Formatting::localDateTime(image.createAtMs);
        case Updated:
            return Formatting::localDateTime(image.updateAtMs);
        case Type:
            return Formatting::typeText(image.type);
        case Visibility:
            return Formatting::visibilityText(image.visibility);
        case Architecture:
            return image.normalizedArch();
        case ServiceType:
            return image.serviceType;
        case Resources:
            return joinedResources(image.resourceCategories);
        case Namespace:
            return image.nameSpace;
        case SwrPath:
            return image.swrPath;
        case Id:
            return image.id;
        case Workspace:
            return image.workspaceId;
        case Description:
            return image.description;
        case ColumnCount:
            break;
        }
        return {};
    }
    case Qt::DecorationRole:
        if (column == Status)
            return iconForStatus(image.status);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortValue(index.row(), column);
    case ImageIdRole:
        return image.id;
    case RowActivityRole:
        return int(row.activity);
    case IsBuiltInRole:
        return image.isBuiltIn();
    case IsPrivateRole:
        return image.isPrivate();
    case SizeKbRole:
        return image.sizeKb;
    case FacetValueRole:
        return facetValue(index.row(), column);
    default:
        return {};
    }
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return columnTitle(Column(section));
    case Qt::TextAlignmentRole:
        if (section == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QString ImageTableModel::columnTitle(Column column)
{
    switch (column) {
    case Name:
        return tr("Name");
    case Tag:
        //: Column: the image tag, the version after ":" in name:tag (not a key=value label)
        return tr("Tag");
    case Status:
        return tr("Status");
    case Size:
        return tr("Size");
    case Created:
        //: Column: when the image was created
        return tr("Created");
    case Updated:
        //: Column: when the image was last updated
        return tr("Updated");
    case Type:
        //: Column: image type, the user's own or built-in (preset)
        return tr("Type");
    case Visibility:
        return tr("Visibility");
    case Architecture:
        return tr("Architecture");
    case ServiceType:
        return tr("Service type");
    case Resources:
        //: Column: the resource categories the image runs on (CPU, GPU, ASCEND)
        return tr("Resources");
    case Namespace:
        return tr("Namespace", "SWR organization");
    case SwrPath:
        return tr("SWR path");
    case Id:
        return tr("ID");
    case Workspace:
        return tr("Workspace");
    case Description:
        return tr("Description");
    case ColumnCount:
        break;
    }
    return {};
}

void ImageTableModel::emitRowChanged(int first, int last)
{
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void ImageTableModel::reindexFrom(int firstRow)
{
    for (int row = firstRow; row < m_images.size(); ++row)
        m_rowById[m_images.at(row).id] = row;
    m_indexDrift = 0;
}

int ImageTableModel::rowOfId(const QString &id) const
{
    const auto it = m_rowById.constFind(id);
    if (it == m_rowById.cend())
        return -1;
    const int stored = it.value();
    if (m_indexDrift == 0)
        return stored;
    const int last = int(m_images.size()) - 1;
    for (int row = qMin(stored, last); row >= qMax(0, stored - m_indexDrift); --row) {
        if (m_images.at(row).id == id)
            return row;
    }
    Q_ASSERT_X(false, "ImageTableModel::rowOfId", "index out of step with rows");
    return -1;
}

void ImageTableModel::removeRowRange(int first, int last)
{
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        m_totalSizeKb -= m_images.at(row).sizeKb;
        m_rowById.remove(m_images.at(row).id);
    }
    m_images.remove(first, last - first + 1);
    m_rows.remove(first, last - first + 1);
    // The rows that stay keep their order: their ranks stay valid.
    if (m_ranksColumn >= 0)
        m_ranks.remove(first, last - first + 1);
    endRemoveRows();
}

ImageTableModel::PreparedImages ImageTableModel::prepare(const QList<Image> &images,
                                                         RowActivity settlingActivity)
{
    auto data = std::make_shared<detail::PreparedImageData>();
    data->indexById.reserve(images.size());
    for (int i = 0; i < images.size(); ++i)
        data->indexById.insert(images.at(i).id, i);
    if (data->indexById.size() == images.size()) {
        data->images = images; // shared, not copied
    } else {
        // Duplicate ids (the listing should not send any): one entry per id, at the first copy's place, with
        // the last copy's data.
        data->indexById.clear();
        for (const Image &image : images) {
            const auto existing = data->indexById.constFind(image.id);
            if (existing != data->indexById.cend()) {
                data->images[existing.value()] = image;
            } else {
                data->indexById.insert(image.id, int(data->images.size()));
                data->images.append(image);
            }
        }
    }
    data->rows.reserve(data->images.size());
    for (const Image &image : std::as_const(data->images)) {
        data->rows.append(makeRow(image));
        if (settlingActivity != RowActivity::None && image.isSettling())
            data->rows.last().activity = settlingActivity;
        data->totalSizeKb += image.sizeKb;
    }
    PreparedImages prepared;
    prepared.m_data = std::move(data);
    return prepared;
}

void ImageTableModel::setImages(const QList<Image> &images)
{
    applyPrepared(prepare(images));
}

void ImageTableModel::applyPrepared(PreparedImages prepared)
{
    const std::shared_ptr<detail::PreparedImageData> data = std::move(prepared.m_data);
    if (!data)
        return;
    // Nobody else holds the prepared lists: take them, so that later changes to the model do not copy them.
    const bool sole = data.use_count() == 1;

    if (m_images.isEmpty()) {
        if (data->images.isEmpty())
            return;
        // First load: one insertion of everything, all of it computed beforehand.
        beginInsertRows({}, 0, int(data->images.size()) - 1);
        if (sole) {
            m_images = std::move(data->images);
            m_rows = std::move(data->rows);
            m_rowById = std::move(data->indexById);
        } else {
            m_images = data->images;
            m_rows = data->rows;
            m_rowById = data->indexById;
        }
        m_indexDrift = 0;
        m_totalSizeKb = data->totalSizeKb;
        invalidateSortRanks();
        endInsertRows();
        return;
    }

    // Merge: update rows whose image changed, remove rows that are gone, append the new ones.
    const QList<Image> &images = data->images;
    const QList<Row> &rows = data->rows;
    std::vector<bool> present(m_images.size(), false);
    std::vector<int> changedRows;
    std::vector<int> added; // indexes into the prepared lists
    for (int i = 0; i < images.size(); ++i) {
        const int row = rowOfId(images.at(i).id);
        if (row < 0) {
            added.push_back(i);
            continue;
        }
        present[row] = true;
        if (m_rows.at(row).digest == rows.at(i).digest)
            continue;
        m_totalSizeKb += images.at(i).sizeKb - m_images.at(row).sizeKb;
        m_images[row] = images.at(i);
        m_rows[row].digest = rows.at(i).digest;
        changedRows.push_back(row);
    }
    if (!changedRows.empty())
        invalidateSortRanks();

    // One dataChanged per run of adjacent changed rows, so a view repaints only what changed.
    std::sort(changedRows.begin(), changedRows.end());
    for (size_t i = 0; i < changedRows.size();) {
        size_t j = i;
        while (j + 1 < changedRows.size() && changedRows[j + 1] == changedRows[j] + 1)
            ++j;
        emitRowChanged(changedRows[i], changedRows[j]);
        i = j + 1;
    }

    // Remove from the bottom so the rows of ranges not yet removed keep their numbers.
    int firstRemoved = -1;
    for (int row = int(m_images.size()) - 1; row >= 0;) {
        if (present[row]) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && !present[row - 1])
            --row;
        removeRowRange(row, last);
        firstRemoved = row;
        --row;
    }
    if (firstRemoved >= 0)
        reindexFrom(firstRemoved);

    if (!added.empty()) {
        const int first = int(m_images.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_images.reserve(first + qsizetype(added.size()));
        m_rows.reserve(first + qsizetype(added.size()));
        for (const int i : added) {
            const Image &image = images.at(i);
            m_rowById.insert(image.id, int(m_images.size()));
            m_images.append(image);
            m_rows.append(rows.at(i));
            m_totalSizeKb += image.sizeKb;
        }
        invalidateSortRanks();
        endInsertRows();
    }
}

void ImageTableModel::upsertImage(const Image &image)
{
    const int row = rowOfId(image.id);
    if (row >= 0) {
        if (m_images.at(row) == image)
            return;
        replaceImage(row, image);
        emitRowChanged(row, row);
        return;
    }
    const int first = int(m_images.size());
    beginInsertRows({}, first, first);
    m_rowById.insert(image.id, first);
    m_images.append(image);
    m_rows.append(makeRow(image));
    m_totalSizeKb += image.sizeKb;
    invalidateSortRanks();
    endInsertRows();
}

void ImageTableModel::removeImage(const QString &id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    removeRowRange(row, row);
    // Rows below moved up by one; lookups tolerate that until the drift grows too large.
    if (row < m_images.size() && ++m_indexDrift > MaxIndexDrift)
        reindexFrom(0);
}

void ImageTableModel::clear()
{
    if (m_images.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_images.size()) - 1);
    // Assignments, not clear(): clearing a list shared with someone else allocates an empty one of the same
    // capacity, tens of megabytes for 100,000 images.
    m_images = {};
    m_rows = {};
    m_rowById = {};
    m_indexDrift = 0;
    m_totalSizeKb = 0;
    invalidateSortRanks();
    endRemoveRows();
}

int ImageTableModel::compareRows(int left, int right, int column) const
{
    if (column < 0 || column >= ColumnCount)
        return 0;
    if (isNumericColumn(column)) {
        const qint64 a = numericValue(m_images.at(left), column);
        const qint64 b = numericValue(m_images.at(right), column);
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    return QString::compare(sortKey(left, column), sortKey(right, column));
}

void ImageTableModel::invalidateSortRanks()
{
    m_ranksColumn = -1;
    m_ranks = {};
}

const QList<int> &ImageTableModel::sortRanks(int column) const
{
    if (hasSortRanks(column) || column < 0 || column >= ColumnCount)
        return m_ranks;
    const int count = int(m_images.size());
    QList<int> ranks(count);
    if (isNumericColumn(column)) {
        std::vector<std::pair<qint64, int>> order(static_cast<size_t>(count));
        for (int row = 0; row < count; ++row)
            order[size_t(row)] = {numericValue(m_images.at(row), column), row};
        std::sort(order.begin(), order.end());
        int rank = 0;
        for (size_t i = 0; i < order.size(); ++i) {
            if (i > 0 && order[i].first != order[i - 1].first)
                ++rank;
            ranks[order[i].second] = rank;
        }
    } else {
        // Most text columns take few distinct values (names of an image's versions, statuses, namespaces):
        // their keys are computed and sorted once per value, not once per row.
        QHash<QString, int> slotOfText;
        QStringList texts;
        std::vector<int> slotOfRow(static_cast<size_t>(count));
        for (int row = 0; row < count; ++row) {
            const QString text = sortText(m_images.at(row), column);
            auto it = slotOfText.constFind(text);
            if (it == slotOfText.cend()) {
                it = slotOfText.insert(text, int(texts.size()));
                texts.append(text);
            }
            slotOfRow[size_t(row)] = it.value();
        }
        QStringList keys;
        keys.reserve(texts.size());
        for (const QString &text : std::as_const(texts))
            keys.append(sortKeyOfText(text, column));
        std::vector<int> bySlot(size_t(keys.size()));
        for (size_t i = 0; i < bySlot.size(); ++i)
            bySlot[i] = int(i);
        std::sort(bySlot.begin(), bySlot.end(),
                  [&keys](int a, int b) { return QString::compare(keys.at(a), keys.at(b)) < 0; });
        std::vector<int> rankOfSlot(bySlot.size());
        int rank = 0;
        for (size_t i = 0; i < bySlot.size(); ++i) {
            if (i > 0 && QString::compare(keys.at(bySlot[i]), keys.at(bySlot[i - 1])) != 0)
                ++rank;
            rankOfSlot[size_t(bySlot[i])] = rank;
        }
        for (int row = 0; row < count; ++row)
            ranks[row] = rankOfSlot[size_t(slotOfRow[size_t(row)])];
    }
    m_ranks = std::move(ranks);
    m_ranksColumn = column;
    return m_ranks;
}

const Image &ImageTableModel::imageAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_images.size());
    return m_images.at(row);
}

QList<Image> ImageTableModel::images() const
{
    return m_images;
}

qint64 ImageTableModel::totalSizeKb() const
{
    return m_totalSizeKb;
}

void ImageTableModel::setRowActivity(const QString &id, RowActivity activity)
{
    const int row = rowOfId(id);
    if (row < 0 || m_rows.at(row).activity == activity)
        return;
    m_rows[row].activity = activity;
    emitRowChanged(row, row);
}

ImageTableModel::RowActivity ImageTableModel::rowActivity(const QString &id) const
{
    const int row = rowOfId(id);
    return row < 0 ? RowActivity::None : m_rows.at(row).activity;
}

void ImageTableModel::clearRowActivities()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).activity == RowActivity::None)
            continue;
        m_rows[row].activity = RowActivity::None;
        emitRowChanged(row, row);
    }
}

} // namespace mim
