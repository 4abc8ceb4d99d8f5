#pragma once

#include <QDialog>

class QMainWindow;
class QTreeWidget;

namespace mim {

// Help > Keyboard Shortcuts: every command of the window's menus and of the window itself that has a
// shortcut, read from the QActions when the dialog opens (so the list never drifts from what the keys
// do), then the keys no menu shows (the table's context menu, the filter box, Esc).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow *window);

    // Each row as "command<TAB>keys", in the order shown.
    QStringList rows() const;

private:
    QTreeWidget *m_list = nullptr;
};

} // namespace mim
