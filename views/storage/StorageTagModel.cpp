#include "views/storage/StorageTagModel.h"

#include "models/common/Formatting.h"

#include <limits>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim {

StorageTagModel::StorageTagModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void StorageTagModel::setTags(const QList<StoredTag> &tags)
{
    beginResetModel();
    m_tags = tags;
    endResetModel();
}

int StorageTagModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

int StorageTagModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StorageTagModel::sizeText(qint64 bytes)
{
    return bytes < 0 ? tr("Unknown", "size of an SWR tag") : Formatting::dataSize(bytes);
}

QString StorageTagModel::registeredText(const StoredTag &tag)
{
    if (!tag.isRegistered())
        return tr("Not registered");
    return tr("Registered (%n image(s))", nullptr, int(tag.imageIds.size()));
}

QString StorageTagModel::usedByText(const StoredTag &tag)
{
    // Usage is known only for what ModelArts runs, which is only registered images.
    if (!tag.isRegistered())
        return {};
    if (tag.usageUnknown)
        return tr("Unknown", "whether an image is in use could not be checked");
    if (tag.usedBy.isEmpty())
        return tr("Not in use");
    if (tag.usedBy.size() == 1)
        return Formatting::visibleText(tag.usedBy.constFirst());
    return tr("%1, +%n more", nullptr, int(tag.usedBy.size() - 1))
        .arg(Formatting::visibleText(tag.usedBy.constFirst()));
}

QString StorageTagModel::usedByToolTip(const StoredTag &tag)
{
    if (!tag.isRegistered())
        return {};
    if (tag.usageUnknown)
        return tr("Whether the images of this tag are in use could not be checked.");
    QStringList lines;
    for (const QString &user : tag.usedBy)
        lines << Formatting::visibleText(user);
    return lines.join(u'\n');
}

QString StorageTagModel::notDeletableReason()
{
    return tr("Registered in ModelArts: delete the image with force instead.");
}

QVariant StorageTagModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tags.size())
        return {};
    return tagData(m_tags.at(index.row()), index.column(), role);
}

QVariant StorageTagModel::tagData(const StoredTag &tag, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return Formatting::visibleText(tag.displayName());
        case SizeColumn:
            return sizeText(tag.sizeBytes);
        case UpdatedColumn:
            return tag.updated.isValid() ? Formatting::localDateTime(tag.updated.toMSecsSinceEpoch())
                                         : QString();
        case RegisteredColumn:
            return registeredText(tag);
        case UsedByColumn:
            return usedByText(tag);
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
            return Formatting::plainToolTip(
                Formatting::visibleText(tag.path.isEmpty() ? tag.displayName() : tag.path));
        case SizeColumn:
            return tag.sizeBytes < 0 ? QVariant()
                                     : QVariant(tr("%1 bytes").arg(QLocale().toString(tag.sizeBytes)));
        case UpdatedColumn:
            return tag.updated.isValid() ? Formatting::localDateTimeLong(tag.updated.toMSecsSinceEpoch())
                                         : QString();
        case RegisteredColumn:
            return tag.isRegistered() ? Formatting::plainToolTip(notDeletableReason()) : QString();
        case UsedByColumn:
            return Formatting::plainToolTip(usedByToolTip(tag));
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant(Qt::AlignTrailing | Qt::AlignVCenter);
        break;
    case SortRole:
        switch (column) {
        case NameColumn:
            return tag.displayName();
        case SizeColumn:
            return tag.sizeBytes < 0 ? std::numeric_limits<qint64>::min() : tag.sizeBytes;
        case UpdatedColumn:
            return tag.updated.isValid() ? tag.updated.toMSecsSinceEpoch() : qint64(0);
        case RegisteredColumn:
            return int(tag.imageIds.size());
        case UsedByColumn:
            return tag.usageUnknown ? -1 : int(tag.usedBy.size());
        }
        break;
    case DeletableRole:
        return tag.mayBeDeleted();
    case BytesRole:
        return tag.sizeBytes;
    default:
        break;
    }
    return {};
}

QVariant StorageTagModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(section);
}

QVariant StorageTagModel::columnTitle(int column)
{
    switch (column) {
    case NameColumn:
        return tr("Tag");
    case SizeColumn:
        return tr("Size");
    case UpdatedColumn:
        return tr("Updated");
    case RegisteredColumn:
        return tr("In ModelArts");
    case UsedByColumn:
        return tr("Used by");
    }
    return {};
}

} // namespace mim
