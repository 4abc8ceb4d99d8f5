#pragma once

#include "models/api/Image.h"

#include <functional>
#include <QObject>
#include <QStringList>

class QPoint;

namespace mim {

class ImageFilterModel;
class ImageTableModel;
class ImageTableView;
class MainStatusBar;
class MainWindowActions;

// What the window does with the selected rows of the table: reads them, selects rows by id, copies IDs,
// SWR paths and name:tag lines, offers the row context menu, and enables the actions that need a
// selection (delete only what may be deleted, resync only what may be resynced).
class SelectionActions : public QObject
{
    Q_OBJECT
public:
    // `tableShown` says whether the table (not an empty state) fills the window.
    SelectionActions(ImageTableModel *tableModel, ImageFilterModel *filterModel, ImageTableView *tableView,
                     MainStatusBar *statusBar, MainWindowActions *actions, std::function<bool()> tableShown,
                     QObject *parent);

    // The selected images, in view order.
    QList<Image> selectedImages() const;
    QStringList selectedImageIds() const;
    // Selects exactly these images (those that are shown); returns how many were found.
    int selectImages(const QStringList &ids);

    void copySelectedIds();
    void copySelectedSwrPaths();
    void copySelectedNameTags();

    // Enables and explains the actions that act on the selection.
    void updateActions();
    void showContextMenu(const QPoint &viewportPos);

private:
    void copyLines(const QStringList &lines, const QString &what);

    ImageTableModel *m_tableModel;
    ImageFilterModel *m_filterModel;
    ImageTableView *m_tableView;
    MainStatusBar *m_statusBar;
    MainWindowActions *m_actions;
    std::function<bool()> m_tableShown;
};

} // namespace mim
