#include "models/groups/ImageGroupModel.h"

#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupRules.h"
#include "models/common/Formatting.h"

#include <algorithm>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

bool newerFirst(const Image &a, const Image &b)
{
    if (a.createAtMs != b.createAtMs)
        return a.createAtMs > b.createAtMs;
    return a.id < b.id;
}

} // namespace

ImageGroupModel::ImageGroupModel(ImageTableModel *images, QObject *parent)
    : QAbstractItemModel(parent)
    , m_images(images)
    , m_syncTimer(new QTimer(this))
{
    // Table changes come in bursts (a refresh, a deletion run): the versions are matched again once per
    // burst.
    m_syncTimer->setSingleShot(true);
    m_syncTimer->setInterval(0);
    connect(m_syncTimer, &QTimer::timeout, this, &ImageGroupModel::syncVersions);
    if (images) {
        connect(images, &QAbstractItemModel::rowsInserted, this, &ImageGroupModel::scheduleSync);
        connect(images, &QAbstractItemModel::rowsRemoved, this, &ImageGroupModel::scheduleSync);
        connect(images, &QAbstractItemModel::dataChanged, this, &ImageGroupModel::scheduleSync);
        connect(images, &QAbstractItemModel::modelReset, this, &ImageGroupModel::scheduleSync);
    }
}

ImageGroupModel::~ImageGroupModel() = default;

QModelIndex ImageGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (isVersionIndex(parent) || parent.row() >= m_groups.size())
        return {};
    const Entry &entry = m_groups.at(parent.row());
    return row < entry.versions.size() ? createIndex(row, column, entry.serial) : QModelIndex();
}

QModelIndex ImageGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !isVersionIndex(child))
        return {};
    const int row = rowOfSerial(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int ImageGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (isVersionIndex(parent) || parent.column() != 0 || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups.at(parent.row()).versions.size());
}

int ImageGroupModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ImageGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (!isVersionIndex(index))
        return groupData(index.row(), index.column(), role);
    const int groupRow = rowOfSerial(index.internalId());
    if (groupRow < 0)
        return {};
    const Entry &entry = m_groups.at(groupRow);
    return versionData(entry.versions.at(index.row()), entry.group, index.column(), role);
}

int ImageGroupModel::failedVersions(const Entry &entry)
{
    int failed = 0;
    for (const Image &image : entry.versions)
        failed += CleanupRules::isFailed(image) ? 1 : 0;
    return failed;
}

QVariant ImageGroupModel::groupData(int row, int column, int role) const
{
    const Entry &entry = m_groups.at(row);
    const ImageGroup &group = entry.group;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        // Server text, shown with its control and bidi characters visible.
        case Name:
            return Formatting::visibleText(group.name);
        case Namespace:
            return Formatting::visibleText(group.nameSpace);
        case Versions:
            return QLocale().toString(group.versionCount);
        case Status: {
            // Words first: a bare count right after the right-aligned Versions column ran into it ("16 1
            // failed" read as "161 failed").
            const int failed = failedVersions(entry);
            return failed > 0 ? tr("Failed: %L1", "versions of the group that failed to save").arg(failed)
                              : QString();
        }
        case Size:
            return entry.versions.isEmpty() ? QString() : Formatting::humanSize(knownSizeKb(row), sizeUnit());
        case Updated:
            return Formatting::localDateTime(group.updateAtMs);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        // Tooltips that look like HTML are rendered as HTML: server text is escaped for them.
        if (column == Name && !group.hasId()) {
            const QString description = Formatting::visibleText(group.description);
            return Formatting::plainToolTip(description.isEmpty()
                                                ? group.whyNotChangeable()
                                                : group.whyNotChangeable() + u"\n\n"_s + description);
        }
        if (column == Name && !group.description.isEmpty())
            return Formatting::plainToolTip(Formatting::visibleText(group.description));
        if (column == Versions && entry.versions.size() != group.versionCount)
            return tr("The server counts %Ln version(s); %1 are in the image list.", nullptr,
                      group.versionCount)
                .arg(entry.versions.size());
        if (column == Updated)
            return Formatting::localDateTimeLong(group.updateAtMs);
        if (column == Status && failedVersions(entry) > 0)
            return tr("%L1 of %Ln version(s) failed to save", nullptr, int(entry.versions.size()))
                .arg(failedVersions(entry));
        return Formatting::plainToolTip(data(index(row, column), Qt::DisplayRole).toString());
    case Qt::TextAlignmentRole:
        if (column == Versions || column == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (Column(column)) {
        case Versions:
            return qint64(group.versionCount);
        case Size:
            return knownSizeKb(row);
        case Updated:
            return group.updateAtMs;
        default:
            return groupData(row, column, Qt::DisplayRole).toString().toCaseFolded();
        }
    case GroupIdRole:
        return group.id;
    case IsGroupRole:
        return true;
    default:
        return {};
    }
}

int ImageGroupModel::imageColumn(int column)
{
    switch (Column(column)) {
    case Namespace:
        return ImageTableModel::Namespace;
    case Status:
        return ImageTableModel::Status;
    case Size:
        return ImageTableModel::Size;
    case Updated:
        return ImageTableModel::Updated;
    case Name:
    case Versions:
    case ColumnCount:
        break;
    }
    return -1;
}

QVariant ImageGroupModel::versionData(const Image &image, const ImageGroup &group, int column, int role) const
{
    if (const int shared = imageColumn(column); shared >= 0) {
        // A version's image columns read as they do in the image table.
        if (std::optional<QVariant> value =
                ImageColumns::modelData(image, shared, role, SortRole, sizeUnit()))
            return *value;
    }
    switch (role) {
    case Qt::DisplayRole:
        if (column == Name)
            return Formatting::visibleText(image.tag);
        return {};
    case Qt::ToolTipRole:
        if (column == Name)
            return Formatting::plainToolTip(Formatting::visibleText(image.swrPath));
        return Formatting::plainToolTip(versionData(image, group, column, Qt::DisplayRole).toString());
    case SortRole:
        if (column == Versions)
            return qint64(0);
        return versionData(image, group, column, Qt::DisplayRole).toString().toCaseFolded();
    case GroupIdRole:
        return group.id;
    case ImageIdRole:
        return image.id;
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

QVariant ImageGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && (section == Versions || section == Size))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Image / Tag", "column: the image name of a group, the tag of a version");
    case Versions:
        return tr("Versions", "column: number of tags of an image");
    case Namespace:
    case Status:
    case Size:
    case Updated:
        return ImageColumns::title(imageColumn(section));
    case ColumnCount:
        break;
    }
    return {};
}

QHash<QString, QList<Image>> ImageGroupModel::versionsByKey() const
{
    QHash<QString, QList<Image>> result;
    if (!m_images)
        return result;
    for (int row = 0; row < m_images->rowCount(); ++row) {
        const Image &image = m_images->imageAt(row);
        if (!image.isBuiltIn())
            result[ImageGroup::keyOf(image)].append(image);
    }
    for (auto it = result.begin(); it != result.end(); ++it)
        std::sort(it.value().begin(), it.value().end(), newerFirst);
    return result;
}

void ImageGroupModel::setGroups(const QList<ImageGroup> &groups)
{
    m_syncTimer->stop();
    const QHash<QString, QList<Image>> versions = versionsByKey();
    beginResetModel();
    m_groups.clear();
    m_groups.reserve(groups.size());
    for (const ImageGroup &group : groups)
        m_groups.append(Entry{group, m_nextSerial++, versions.value(group.key())});
    reindex();
    endResetModel();
}

void ImageGroupModel::removeGroup(const QString &groupId)
{
    const int row = rowOfGroup(groupId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_groups.removeAt(row);
    reindex();
    endRemoveRows();
}

void ImageGroupModel::clear()
{
    setGroups({});
}

int ImageGroupModel::rowOfGroup(const QString &groupId) const
{
    // Groups listed without an id cannot be found by one: an empty id would name the first of them.
    if (groupId.isEmpty())
        return -1;
    for (int row = 0; row < m_groups.size(); ++row) {
        if (m_groups.at(row).group.id == groupId)
            return row;
    }
    return -1;
}

QModelIndex ImageGroupModel::indexOfGroup(const QString &groupId) const
{
    const int row = rowOfGroup(groupId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

const ImageGroup *ImageGroupModel::groupOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const int row = isVersionIndex(index) ? rowOfSerial(index.internalId()) : index.row();
    return row >= 0 && row < m_groups.size() ? &m_groups.at(row).group : nullptr;
}

QList<Image> ImageGroupModel::versionsOf(const QString &groupId) const
{
    const int row = rowOfGroup(groupId);
    return row < 0 ? QList<Image>() : m_groups.at(row).versions;
}

const SizeUnit::Inference &ImageGroupModel::sizeUnit() const
{
    static const SizeUnit::Inference documented;
    return m_images ? m_images->sizeUnit() : documented;
}

qint64 ImageGroupModel::knownSizeKb(int groupRow) const
{
    qint64 total = 0;
    for (const Image &image : m_groups.at(groupRow).versions)
        total += qMax<qint64>(0, image.sizeKb);
    return total;
}

int ImageGroupModel::rowOfSerial(quintptr serial) const
{
    return m_rowBySerial.value(serial, -1);
}

void ImageGroupModel::reindex()
{
    m_rowBySerial.clear();
    for (int row = 0; row < m_groups.size(); ++row)
        m_rowBySerial.insert(m_groups.at(row).serial, row);
}

void ImageGroupModel::scheduleSync()
{
    if (!m_groups.isEmpty())
        m_syncTimer->start();
}

void ImageGroupModel::syncVersions()
{
    const QHash<QString, QList<Image>> versions = versionsByKey();
    for (int row = 0; row < m_groups.size(); ++row) {
        Entry &entry = m_groups[row];
        const QList<Image> fresh = versions.value(entry.group.key());
        if (fresh == entry.versions)
            continue;
        const QModelIndex parent = index(row, 0);
        const auto sameIds =
            std::equal(fresh.cbegin(), fresh.cend(), entry.versions.cbegin(), entry.versions.cend(),
                       [](const Image &a, const Image &b) { return a.id == b.id; });
        if (sameIds) {
            entry.versions = fresh;
            Q_EMIT dataChanged(index(0, 0, parent), index(int(fresh.size()) - 1, ColumnCount - 1, parent));
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        // Replace the children as a block: rows removed, then rows inserted. The group row itself stays, so
        // the view keeps it expanded and selected.
        if (!entry.versions.isEmpty()) {
            beginRemoveRows(parent, 0, int(entry.versions.size()) - 1);
            entry.versions.clear();
            endRemoveRows();
        }
        if (!fresh.isEmpty()) {
            beginInsertRows(parent, 0, int(fresh.size()) - 1);
            entry.versions = fresh;
            endInsertRows();
        }
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

} // namespace mim
