#pragma once

#include <QObject>

class QLineEdit;
class QWidget;

namespace mim {

class DeletionQueue;
class ImageTableView;
class SelectionActions;

// The keys of the main window that no menu shows: Shift+F10 and the Menu key open the table's context
// menu at the current row, Down or Enter in the filter box go to the table, and Esc while deletions run
// asks whether to cancel them (what a focused field does with Esc comes first: the filter box clears).
class KeyboardNavigation : public QObject
{
    Q_OBJECT
public:
    KeyboardNavigation(QWidget *window, QLineEdit *filterField, ImageTableView *tableView,
                       SelectionActions *selection, DeletionQueue *deletionQueue);

    // Focuses the table on its current row, selecting that row (or the first) when nothing is selected.
    void focusTable();
    // The context menu of the selected rows, at the current row.
    void showContextMenuAtCurrentRow();
    // While deletions run, asks whether to cancel them ("cancelDeletionsQuestion") and cancels on yes.
    void offerToCancelDeletions();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QLineEdit *m_filterField;
    ImageTableView *m_tableView;
    SelectionActions *m_selection;
    DeletionQueue *m_queue;
};

} // namespace mim
