#include "views/main/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

// "&Delete…" -> "Delete", as the command reads in a list.
QString commandName(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(u"\\(&.\\)"_s)); // the Chinese style: "刷新(&R)"
    text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
    if (text.endsWith(u'…'))
        text.chop(1);
    return text.trimmed();
}

void collect(const QList<QAction *> &actions, QList<QAction *> *out, QSet<QAction *> *seen)
{
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (QMenu *menu = action->menu()) {
            collect(menu->actions(), out, seen);
            continue;
        }
        if (!action->shortcuts().isEmpty() && !seen->contains(action)) {
            seen->insert(action);
            out->append(action);
        }
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"shortcutsList"_s);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Command"), tr("Keys")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    // Menu order first, then what only the window holds.
    QList<QAction *> actions;
    QSet<QAction *> seen;
    collect(window->menuBar()->actions(), &actions, &seen);
    collect(window->actions(), &actions, &seen);
    for (const QAction *action : std::as_const(actions)) {
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys.append(sequence.toString(QKeySequence::NativeText));
        new QTreeWidgetItem(m_list, {commandName(action), keys.join(tr(", ", "between two shortcuts"))});
    }
    const QString shiftF10 = QKeySequence(Qt::SHIFT | Qt::Key_F10).toString(QKeySequence::NativeText);
    const QString menuKey = QKeySequence(Qt::Key_Menu).toString(QKeySequence::NativeText);
    new QTreeWidgetItem(m_list, {tr("Context menu of the selected images"),
                                 tr("%1 or %2", "two shortcuts").arg(shiftF10, menuKey)});
    new QTreeWidgetItem(m_list, {tr("From the filter box to the table"), tr("Down or Enter")});
    new QTreeWidgetItem(m_list, {tr("Stop the running deletions"),
                                 QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 480);
}

QStringList ShortcutsDialog::rows() const
{
    QStringList rows;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        rows.append(m_list->topLevelItem(i)->text(0) + u'\t' + m_list->topLevelItem(i)->text(1));
    return rows;
}

} // namespace mim
