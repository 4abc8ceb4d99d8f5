#include "views/main/SelectionActions.h"

#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/session/AccountSession.h"
#include "views/main/ImageTableView.h"
#include "views/main/MainStatusBar.h"
#include "views/main/MainWindowActions.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>

namespace mim {

SelectionActions::SelectionActions(ImageTableModel *tableModel, ImageFilterModel *filterModel,
                                   ImageTableView *tableView, MainStatusBar *statusBar,
                                   MainWindowActions *actions, std::function<bool()> tableShown,
                                   QObject *parent)
    : QObject(parent)
    , m_tableModel(tableModel)
    , m_filterModel(filterModel)
    , m_tableView(tableView)
    , m_statusBar(statusBar)
    , m_actions(actions)
    , m_tableShown(std::move(tableShown))
{
    connect(m_actions->copySwrPath, &QAction::triggered, this, &SelectionActions::copySelectedSwrPaths);
    connect(m_actions->copyId, &QAction::triggered, this, &SelectionActions::copySelectedIds);
    connect(m_actions->copyNameTag, &QAction::triggered, this, &SelectionActions::copySelectedNameTags);
    connect(m_actions->selectAll, &QAction::triggered, m_tableView, &QAbstractItemView::selectAll);
}

QList<Image> SelectionActions::selectedImages() const
{
    QList<Image> images;
    if (!m_tableShown() && m_filterModel->rowCount() == 0)
        return images;
    const QModelIndexList rows = m_tableView->selectedSourceRows();
    images.reserve(rows.size());
    for (const QModelIndex &row : rows) {
        if (row.isValid() && row.row() < m_tableModel->rowCount())
            images.append(m_tableModel->imageAt(row.row()));
    }
    return images;
}

QStringList SelectionActions::selectedImageIds() const
{
    QStringList ids;
    for (const Image &image : selectedImages())
        ids.append(image.id);
    return ids;
}

int SelectionActions::selectImages(const QStringList &ids)
{
    QItemSelection selection;
    int found = 0;
    for (const QString &id : ids) {
        const int sourceRow = m_tableModel->rowOfId(id);
        if (sourceRow < 0)
            continue;
        const QModelIndex index = m_filterModel->mapFromSource(m_tableModel->index(sourceRow, 0));
        if (index.isValid()) {
            selection.select(index, index);
            ++found;
        }
    }
    m_tableView->selectionModel()->select(selection,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty()) {
        const QModelIndex first = selection.indexes().constFirst();
        m_tableView->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tableView->scrollTo(first);
    }
    return found;
}

void SelectionActions::updateActions()
{
    const QList<Image> selected = selectedImages();
    int deletable = 0;
    int builtIn = 0;
    bool resyncable = false;
    for (const Image &image : selected) {
        if (image.isBuiltIn())
            ++builtIn;
        else if (m_tableModel->rowActivity(image.id) != ImageTableModel::RowActivity::Deleting &&
                 !m_tableModel->isCachedOnly(image.id))
            ++deletable;
        // Rows only the listing cache knows wait for the live listing to confirm them.
        resyncable =
            resyncable || (AccountSession::isResyncable(image) && !m_tableModel->isCachedOnly(image.id));
    }
    QAction *deleteAction = m_actions->deleteImages;
    deleteAction->setEnabled(deletable > 0);
    m_actions->deleteWithContent->setEnabled(deletable > 0);
    if (!selected.isEmpty() && builtIn == selected.size()) {
        const QString why = tr("Built-in images cannot be deleted.");
        deleteAction->setToolTip(why);
        deleteAction->setStatusTip(why);
    } else {
        const QString tip = tr("Delete the selected images (%1)")
                                .arg(deleteAction->shortcut().toString(QKeySequence::NativeText));
        deleteAction->setToolTip(tip);
        deleteAction->setStatusTip(tr("Delete the selected images"));
    }
    m_actions->resync->setEnabled(resyncable);
    const bool any = !selected.isEmpty();
    m_actions->copyId->setEnabled(any);
    m_actions->copySwrPath->setEnabled(any);
    m_actions->copyNameTag->setEnabled(any);
    m_actions->showDetails->setEnabled(any);
}

void SelectionActions::showContextMenu(const QPoint &viewportPos)
{
    if (!m_tableView->indexAt(viewportPos).isValid())
        return;
    QMenu menu(m_tableView->window());
    menu.addAction(m_actions->copySwrPath);
    menu.addAction(m_actions->copyId);
    menu.addAction(m_actions->copyNameTag);
    menu.addSeparator();
    menu.addAction(m_actions->showDetails);
    menu.addAction(m_actions->resync);
    menu.addSeparator();
    menu.addAction(m_actions->deleteImages);
    menu.addAction(m_actions->deleteWithContent);
    menu.exec(m_tableView->viewport()->mapToGlobal(viewportPos));
}

void SelectionActions::copyLines(const QStringList &lines, const QString &what)
{
    if (lines.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    m_statusBar->showMessage(what, 3000);
}

void SelectionActions::copySelectedIds()
{
    QStringList lines;
    for (const Image &image : selectedImages())
        lines.append(image.id);
    copyLines(lines, tr("Copied %Ln image ID(s).", nullptr, int(lines.size())));
}

void SelectionActions::copySelectedSwrPaths()
{
    QStringList lines;
    for (const Image &image : selectedImages())
        lines.append(image.swrPath);
    copyLines(lines, tr("Copied %Ln SWR path(s).", nullptr, int(lines.size())));
}

void SelectionActions::copySelectedNameTags()
{
    QStringList lines;
    for (const Image &image : selectedImages())
        lines.append(image.nameAndTag());
    copyLines(lines, tr("Copied %Ln name:tag line(s).", nullptr, int(lines.size())));
}

} // namespace mim
