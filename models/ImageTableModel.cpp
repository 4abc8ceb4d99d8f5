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

} // namespace

struct detail::ImageRow
{
    QString nameKey;
    QString tagKey;
    QString namespaceKey;
    QString swrPathKey;
    QString descriptionKey;
    QString arch;      // normalized
    QString resources; // resource categories joined for display and sorting
    ImageTableModel::RowActivity activity = ImageTableModel::RowActivity::None;
};

} // namespace mim

// Rows hold only implicitly shared strings, so the list may move them with memmove on insert and remove.
Q_DECLARE_TYPEINFO(mim::detail::ImageRow, Q_RELOCATABLE_TYPE);

namespace mim {

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

ImageTableModel::Row ImageTableModel::makeRow(const Image &image)
{
    Row row;
    row.nameKey = naturalSortKey(image.name);
    row.tagKey = naturalSortKey(image.tag);
    row.namespaceKey = naturalSortKey(image.nameSpace);
    row.swrPathKey = naturalSortKey(image.swrPath);
    row.descriptionKey = naturalSortKey(image.description.size() > DescriptionKeyLength
                                            ? image.description.left(DescriptionKeyLength)
                                            : image.description);
    row.arch = image.normalizedArch();
    row.resources = image.resourceCategories.size() == 1 ? image.resourceCategories.constFirst()
                                                         : image.resourceCategories.join(u", "_s);
    return row;
}

void ImageTableModel::replaceImage(int row, const Image &image)
{
    m_totalSizeKb += image.sizeKb - m_images.at(row).sizeKb;
    m_images[row] = image;
    const RowActivity activity = m_rows.at(row).activity;
    m_rows[row] = makeRow(image);
    m_rows[row].activity = activity;
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

QVariant ImageTableModel::sortValue(int rowNumber, int column) const
{
    const Image &image = m_images.at(rowNumber);
    const Row &row = m_rows.at(rowNumber);
    switch (Column(column)) {
    case Name:
        return row.nameKey;
    case Tag:
        return row.tagKey;
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
        return row.arch;
    case ServiceType:
        return image.serviceType;
    case Resources:
        return row.resources;
    case Namespace:
        return row.namespaceKey;
    case SwrPath:
        return row.swrPathKey;
    case Id:
        return image.id;
    case Workspace:
        return image.workspaceId;
    case Description:
        return row.descriptionKey;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ImageTableModel::facetValue(int rowNumber, int column) const
{
    const Image &image = m_images.at(rowNumber);
    const Row &row = m_rows.at(rowNumber);
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
        return row.arch;
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
            return row.arch;
        case ServiceType:
            return image.serviceType;
        case Resources:
            return row.resources;
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
    endRemoveRows();
}

void ImageTableModel::setImages(const QList<Image> &images)
{
    if (m_images.isEmpty()) {
        if (images.isEmpty())
            return;
        // First load: one insertion of everything. The list is shared, not copied.
        QHash<QString, int> rowById;
        rowById.reserve(images.size());
        for (int row = 0; row < images.size(); ++row)
            rowById.insert(images.at(row).id, row);
        QList<Image> unique = images;
        if (rowById.size() != images.size()) {
            // Duplicate ids (the listing should not send any): keep one row per id, the last copy's data.
            unique.clear();
            rowById.clear();
            for (const Image &image : images) {
                const auto existing = rowById.constFind(image.id);
                if (existing != rowById.cend()) {
                    unique[existing.value()] = image;
                } else {
                    rowById.insert(image.id, int(unique.size()));
                    unique.append(image);
                }
            }
        }
        QList<Row> rows;
        rows.reserve(unique.size());
        qint64 totalSizeKb = 0;
        for (const Image &image : std::as_const(unique)) {
            rows.append(makeRow(image));
            totalSizeKb += image.sizeKb;
        }
        beginInsertRows({}, 0, int(unique.size()) - 1);
        m_images = std::move(unique);
        m_rows = std::move(rows);
        m_rowById = std::move(rowById);
        m_indexDrift = 0;
        m_totalSizeKb = totalSizeKb;
        endInsertRows();
        return;
    }

    // Merge: update rows whose image changed, remove rows that are gone, append the new ones.
    std::vector<bool> present(m_images.size(), false);
    std::vector<int> changedRows;
    QList<Image> added;
    QHash<QString, int> addedById;
    for (const Image &image : images) {
        const int row = rowOfId(image.id);
        if (row < 0) {
            const auto existing = addedById.constFind(image.id);
            if (existing != addedById.cend()) {
                added[existing.value()] = image;
            } else {
                addedById.insert(image.id, int(added.size()));
                added.append(image);
            }
            continue;
        }
        present[row] = true;
        if (m_images.at(row) == image)
            continue;
        replaceImage(row, image);
        changedRows.push_back(row);
    }

    // One dataChanged per run of adjacent changed rows, so a view repaints only what changed.
    std::sort(changedRows.begin(), changedRows.end());
    changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
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

    if (!added.isEmpty()) {
        const int first = int(m_images.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_images.append(added);
        m_rows.reserve(m_images.size());
        for (int row = first; row < m_images.size(); ++row) {
            const Image &image = m_images.at(row);
            m_rowById.insert(image.id, row);
            m_rows.append(makeRow(image));
            m_totalSizeKb += image.sizeKb;
        }
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
    m_images.clear();
    m_rows.clear();
    m_rowById.clear();
    m_indexDrift = 0;
    m_totalSizeKb = 0;
    endRemoveRows();
}

int ImageTableModel::compareRows(int left, int right, int column) const
{
    const Image &a = m_images.at(left);
    const Image &b = m_images.at(right);
    const Row &ra = m_rows.at(left);
    const Row &rb = m_rows.at(right);
    const auto compareNumbers = [](qint64 x, qint64 y) { return x < y ? -1 : (x > y ? 1 : 0); };
    switch (Column(column)) {
    case Name:
        return QString::compare(ra.nameKey, rb.nameKey);
    case Tag:
        return QString::compare(ra.tagKey, rb.tagKey);
    case Status:
        return QString::compare(a.status, b.status);
    case Size:
        return compareNumbers(a.sizeKb, b.sizeKb);
    case Created:
        return compareNumbers(a.createAtMs, b.createAtMs);
    case Updated:
        return compareNumbers(a.updateAtMs, b.updateAtMs);
    case Type:
        return QString::compare(a.type, b.type);
    case Visibility:
        return QString::compare(a.visibility, b.visibility);
    case Architecture:
        return QString::compare(ra.arch, rb.arch);
    case ServiceType:
        return QString::compare(a.serviceType, b.serviceType);
    case Resources:
        return QString::compare(ra.resources, rb.resources);
    case Namespace:
        return QString::compare(ra.namespaceKey, rb.namespaceKey);
    case SwrPath:
        return QString::compare(ra.swrPathKey, rb.swrPathKey);
    case Id:
        return QString::compare(a.id, b.id);
    case Workspace:
        return QString::compare(a.workspaceId, b.workspaceId);
    case Description:
        return QString::compare(ra.descriptionKey, rb.descriptionKey);
    case ColumnCount:
        break;
    }
    return 0;
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
