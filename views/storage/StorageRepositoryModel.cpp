#include "views/storage/StorageRepositoryModel.h"

#include "models/common/Formatting.h"
#include "views/storage/StorageTagModel.h"

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim {

StorageRepositoryModel::StorageRepositoryModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void StorageRepositoryModel::setFacts(const StorageFacts &facts)
{
    beginResetModel();
    m_tags = facts.tags;
    m_repositories.clear();
    QHash<QString, qsizetype> byKey;
    const auto repositoryOf = [&](const QString &nameSpace, const QString &name) -> Repository & {
        const QString key = nameSpace + u'/' + name;
        auto found = byKey.constFind(key);
        if (found == byKey.cend()) {
            found = byKey.insert(key, m_repositories.size());
            m_repositories.append({nameSpace, name, {}, {}, 0, 0});
        }
        return m_repositories[*found];
    };
    // Every repository SWR listed, also one without tags; then every tag in its repository.
    for (const SwrRepository &repository : facts.repositories)
        repositoryOf(repository.nameSpace, repository.name).updated = repository.updated;
    for (int i = 0; i < m_tags.size(); ++i) {
        const StoredTag &tag = m_tags.at(i);
        Repository &repository = repositoryOf(tag.nameSpace, tag.repository);
        repository.tags.append(i);
        if (tag.sizeBytes > 0)
            repository.bytes += tag.sizeBytes;
        if (tag.isRegistered())
            ++repository.registered;
        if (tag.updated.isValid() && (!repository.updated.isValid() || tag.updated > repository.updated))
            repository.updated = tag.updated;
    }
    endResetModel();
}

int StorageRepositoryModel::tagIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return -1;
    const qsizetype repository = qsizetype(index.internalId()) - 1;
    if (repository >= m_repositories.size() || index.row() >= m_repositories.at(repository).tags.size())
        return -1;
    return m_repositories.at(repository).tags.at(index.row());
}

QList<int> StorageRepositoryModel::tagIndexes(const QModelIndex &repository) const
{
    if (!repository.isValid() || repository.model() != this || repository.internalId() != 0 ||
        repository.row() >= m_repositories.size())
        return {};
    return m_repositories.at(repository.row()).tags;
}

QModelIndex StorageRepositoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= StorageTagModel::ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_repositories.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_repositories.size() ||
        row >= m_repositories.at(parent.row()).tags.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex StorageRepositoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int StorageRepositoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_repositories.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_repositories.size())
        return 0;
    return int(m_repositories.at(parent.row()).tags.size());
}

int StorageRepositoryModel::columnCount(const QModelIndex &) const
{
    return StorageTagModel::ColumnCount;
}

QVariant StorageRepositoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        if (index.row() >= m_repositories.size())
            return {};
        return repositoryData(m_repositories.at(index.row()), index.column(), role);
    }
    const int tag = tagIndex(index);
    if (tag < 0)
        return {};
    const StoredTag &stored = m_tags.at(tag);
    // Under its repository, a tag is named by its tag alone.
    if (index.column() == StorageTagModel::NameColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return Formatting::visibleText(stored.tag);
        case StorageTagModel::SortRole:
            return stored.tag;
        case Qt::ToolTipRole:
            return Formatting::plainToolTip(stored.isRegistered() ? StorageTagModel::notDeletableReason()
                                                                  : Formatting::visibleText(stored.path));
        default:
            break;
        }
    }
    return StorageTagModel::tagData(stored, index.column(), role);
}

QVariant StorageRepositoryModel::repositoryData(const Repository &repository, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StorageTagModel::NameColumn:
            return Formatting::visibleText(repository.nameSpace + u'/' + repository.name);
        case StorageTagModel::SizeColumn:
            return Formatting::dataSize(repository.bytes);
        case StorageTagModel::UpdatedColumn:
            return repository.updated.isValid()
                       ? Formatting::localDateTime(repository.updated.toMSecsSinceEpoch())
                       : QString();
        case StorageTagModel::RegisteredColumn:
            return tr("%1 of %n tag(s) registered", nullptr, int(repository.tags.size()))
                .arg(QLocale().toString(repository.registered));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == StorageTagModel::SizeColumn)
            return tr("%1 bytes").arg(QLocale().toString(repository.bytes));
        if (column == StorageTagModel::NameColumn)
            return Formatting::plainToolTip(
                Formatting::visibleText(repository.nameSpace + u'/' + repository.name));
        return {};
    case Qt::TextAlignmentRole:
        if (column == StorageTagModel::SizeColumn)
            return QVariant(Qt::AlignTrailing | Qt::AlignVCenter);
        return {};
    case StorageTagModel::SortRole:
        switch (column) {
        case StorageTagModel::NameColumn:
            return QString(repository.nameSpace + u'/' + repository.name);
        case StorageTagModel::SizeColumn:
            return repository.bytes;
        case StorageTagModel::UpdatedColumn:
            return repository.updated.isValid() ? repository.updated.toMSecsSinceEpoch() : qint64(0);
        case StorageTagModel::RegisteredColumn:
            return repository.registered;
        default:
            return 0;
        }
    case StorageTagModel::BytesRole:
        return repository.bytes;
    default:
        return {};
    }
}

QVariant StorageRepositoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (section == StorageTagModel::NameColumn)
        return tr("Repository or tag");
    return StorageTagModel::columnTitle(section);
}

} // namespace mim
