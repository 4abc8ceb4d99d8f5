#pragma once

#include "api/Image.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace mim {

// One row per image. DisplayRole is human text; SortRole carries the raw value the column sorts by.
// Updates are incremental (insert, remove, dataChanged), never a reset once rows exist, so a refresh keeps
// the view's selection, sort and scroll position.
class ImageTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Tag,
        Status,
        Size,
        Created,
        Updated,
        Type,
        Visibility,
        Architecture,
        ServiceType,
        Resources,
        Namespace,
        SwrPath,
        Id,
        Workspace,
        Description,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value: qint64 for size and dates, natural-sort key for text
        ImageIdRole,
        RowActivityRole,   // RowActivity as int
        IsBuiltInRole,
        IsPrivateRole,
        SizeKbRole,
        FacetValueRole,    // the raw value a facet filter compares against (e.g. "ACTIVE", "X86_64")
    };

    // What the app is doing with a row right now, shown next to its status.
    enum class RowActivity
    {
        None,
        Deleting,
        Polling,   // settling image whose status is being watched
        Resyncing,
    };

    explicit ImageTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Makes the model hold exactly these images: changed rows are updated, missing rows removed, new rows
    // appended. Identity is the image id.
    void setImages(const QList<Image> &images);
    void upsertImage(const Image &image);
    void removeImage(const QString &id);
    void clear();

    int rowOfId(const QString &id) const;
    const Image &imageAt(int row) const;
    QList<Image> images() const;
    qint64 totalSizeKb() const;

    void setRowActivity(const QString &id, RowActivity activity);
    RowActivity rowActivity(const QString &id) const;

    static QString columnTitle(Column column);

private:
    struct Row;
    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    qint64 m_totalSizeKb = 0;
};

} // namespace mim
