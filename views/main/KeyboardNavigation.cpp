#include "views/main/KeyboardNavigation.h"

#include "models/deletion/DeletionQueue.h"
#include "views/main/ImageTableView.h"
#include "views/main/SelectionActions.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>

using namespace Qt::StringLiterals;

namespace mim {

KeyboardNavigation::KeyboardNavigation(QWidget *window, QLineEdit *filterField, ImageTableView *tableView,
                                       SelectionActions *selection, DeletionQueue *deletionQueue)
    : QObject(window)
    , m_window(window)
    , m_filterField(filterField)
    , m_tableView(tableView)
    , m_selection(selection)
    , m_queue(deletionQueue)
{
    for (const QKeySequence &keys : {QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::Key_Menu)}) {
        auto *shortcut = new QShortcut(keys, m_tableView, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &KeyboardNavigation::showContextMenuAtCurrentRow);
    }
    connect(m_filterField, &QLineEdit::returnPressed, this, &KeyboardNavigation::focusTable);
    m_filterField->installEventFilter(this);
    // Esc reaches the window only when the focused widget left it alone.
    m_window->installEventFilter(this);
}

bool KeyboardNavigation::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_filterField && key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
            focusTable();
            return true;
        }
        if (watched == m_window && key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier &&
            m_queue->isRunning()) {
            offerToCancelDeletions();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void KeyboardNavigation::focusTable()
{
    QAbstractItemModel *model = m_tableView->model();
    if (!model || model->rowCount() == 0 || !m_tableView->isVisible())
        return;
    m_tableView->setFocus(Qt::OtherFocusReason);
    if (m_tableView->selectionModel()->hasSelection())
        return;
    QModelIndex current = m_tableView->currentIndex();
    if (!current.isValid())
        current = model->index(0, 0);
    m_tableView->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    m_tableView->scrollTo(current);
}

void KeyboardNavigation::showContextMenuAtCurrentRow()
{
    QModelIndex current = m_tableView->currentIndex();
    if (!current.isValid() ||
        !m_tableView->selectionModel()->isRowSelected(current.row(), current.parent())) {
        const QModelIndexList selected = m_tableView->selectionModel()->selectedRows();
        if (selected.isEmpty())
            return;
        current = selected.constFirst();
    }
    m_tableView->scrollTo(current);
    const QRect cell =
        m_tableView->visualRect(current.siblingAtColumn(m_tableView->header()->logicalIndexAt(0)));
    m_selection->showContextMenu(cell.isValid() ? cell.center() : QPoint(0, 0));
}

void KeyboardNavigation::offerToCancelDeletions()
{
    QMessageBox box(QMessageBox::Question, tr("Stop Deleting"), tr("Stop the running deletions?"),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(u"cancelDeletionsQuestion"_s);
    box.setInformativeText(tr("Requests already sent finish; the rest are not sent."));
    QPushButton *cancel = box.addButton(tr("Stop Deleting"), QMessageBox::AcceptRole);
    cancel->setObjectName(u"stopDeletingButton"_s);
    QPushButton *keep = box.addButton(tr("Continue Deleting"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == cancel && m_queue->isRunning())
        m_queue->cancel();
}

} // namespace mim
