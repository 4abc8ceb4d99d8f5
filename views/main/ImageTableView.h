#pragma once

#include <QTreeView>

class QMenu;

namespace mim {

// The image table: a flat QTreeView with sortable columns, a header menu to show and hide columns, and a
// view state (column order, widths, visibility, sort) the window persists.
class ImageTableView : public QTreeView
{
    Q_OBJECT
public:
    explicit ImageTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // Column layout and sort, for QSettings. setViewState() returns false (and keeps the defaults) when
    // the state does not fit the model.
    QByteArray viewState() const;
    bool setViewState(const QByteArray &state);
    void resetViewState();

    // Fills a menu with one checkable entry per column (used by the header and by View > Columns).
    void populateColumnMenu(QMenu *menu);
    bool isColumnShown(int column) const { return !isColumnHidden(column); }
    void setColumnShown(int column, bool shown);
    // Wide enough for a typical value and the column's title.
    int defaultColumnWidth(int column) const;

    // Source-model rows of the selected images, in view order.
    QModelIndexList selectedSourceRows() const;

Q_SIGNALS:
    // Columns moved, resized, shown, hidden, or the sort changed.
    void viewStateChanged();
    void selectedRowsChanged();

protected:
    void selectionChanged(const QItemSelection &selected, const QItemSelection &deselected) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;

private:
    void applyDefaultLayout();
    void showHeaderMenu(const QPoint &pos);
};

} // namespace mim
