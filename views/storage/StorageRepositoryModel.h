#pragma once

#include "models/storage/StorageFacts.h"

#include <QAbstractItemModel>
#include <QList>

namespace mim {

// The repositories of StorageFacts with their tags as children, for the Storage view's tree. Two levels,
// addressed by the internal id (0: a repository; n: a tag of repository n - 1), so 10,000 tags cost no
// item objects and a sorting proxy orders a repository's tags only when it is expanded. A repository's size
// is the sum of its tags' known sizes, the figure the chart sums too (SWR's own repository `size` may count
// shared layers differently). Columns and roles are StorageTagModel's.
class StorageRepositoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit StorageRepositoryModel(QObject *parent = nullptr);

    void setFacts(const StorageFacts &facts);

    // The row in the facts' tags of a tag's index; -1 for a repository.
    int tagIndex(const QModelIndex &index) const;
    // The rows in the facts' tags of a repository's tags.
    QList<int> tagIndexes(const QModelIndex &repository) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Repository
    {
        QString nameSpace;
        QString name;
        QDateTime updated;
        QList<int> tags;
        qint64 bytes = 0;
        int registered = 0;
    };
    QVariant repositoryData(const Repository &repository, int column, int role) const;

    QList<StoredTag> m_tags;
    QList<Repository> m_repositories;
};

} // namespace mim
