// The keys of the main window: Shift+F10 and the Menu key open the table's context menu, Down or Enter in the
// filter box go to the table, Esc while deletions run asks whether to stop them, and Help > Keyboard
// Shortcuts lists the shortcuts the window's actions really have.

#include "MainWindowFixture.h"
#include "models/catalog/ImageTableModel.h"
#include "models/deletion/DeletionQueue.h"
#include "SandboxFixture.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/main/FilterBar.h"
#include "views/main/ImageTableView.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mim;

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void windowOpensWithTheKeyboardInTheTable();
    void contextMenuKeysOpenTheRowMenu_data();
    void contextMenuKeysOpenTheRowMenu();
    void downOrEnterInTheFilterGoToTheTable_data();
    void downOrEnterInTheFilterGoToTheTable();
    void escWhileDeletingAsksToStop();
    void escWithoutDeletionsAsksNothing();
    void shortcutsListFollowsTheActions();

private:
    MainWindow &openLoadedWindow();
    QStringList ownImageIds(int count) const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
};

void TestKeyboard::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(40, 11);
    QVERIFY(m_sandbox->start());
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
}

void TestKeyboard::cleanup()
{
    m_f.reset();
    m_sandbox.reset();
}

MainWindow &TestKeyboard::openLoadedWindow()
{
    [[maybe_unused]] const bool loaded = m_f->openLoadedWindow(*m_sandbox);
    MainWindow &window = m_f->window();
    window.activateWindow();
    [[maybe_unused]] const bool active = QTest::qWaitForWindowActive(&window);
    return window;
}

QStringList TestKeyboard::ownImageIds(int count) const
{
    QStringList ids;
    const ImageTableModel *model = m_f->window().tableModel();
    for (int row = 0; row < model->rowCount() && ids.size() < count; ++row) {
        const Image image = model->imageAt(row);
        if (!image.isBuiltIn() && image.status == u"ACTIVE")
            ids.append(image.id);
    }
    return ids;
}

// The window is shown before the account's images are in, as at start: once they are, the keys move through
// them. Qt gave the keyboard to the first control, the account switcher, where Ctrl+End picked its last entry
// and opened Manage Accounts, and the arrows switched accounts.
void TestKeyboard::windowOpensWithTheKeyboardInTheTable()
{
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    QTRY_VERIFY(window.tableView()->hasFocus());
    const QString account = window.accountSwitcher()->currentDisplayName();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(window.tableView()->currentIndex().row(), window.tableView()->model()->rowCount() - 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
    QCOMPARE(window.tableView()->currentIndex().row(), window.tableView()->model()->rowCount() - 2);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(window.accountSwitcher()->currentDisplayName(), account);

    // Where the user put the keyboard stays where it is when the table comes back.
    QLineEdit *field = test::filterBar(window)->searchField();
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    QTest::keyClicks(field, u"no-image-has-this-name"_s);
    QTRY_VERIFY(window.currentPage() != MainWindow::Page::Table);
    field->clear();
    QTRY_COMPARE(window.currentPage(), MainWindow::Page::Table);
    QVERIFY(field->hasFocus());
}

void TestKeyboard::contextMenuKeysOpenTheRowMenu_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Shift+F10") << int(Qt::Key_F10) << int(Qt::ShiftModifier);
    QTest::newRow("Menu") << int(Qt::Key_Menu) << int(Qt::NoModifier);
}

void TestKeyboard::contextMenuKeysOpenTheRowMenu()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    const QStringList ids = ownImageIds(3);
    QCOMPARE(ids.size(), 3);
    QCOMPARE(window.selectImages({ids.at(2)}), 1);
    window.tableView()->setFocus();
    QTRY_VERIFY(window.tableView()->hasFocus());

    QPointer<QMenu> seen;
    bool hadCopy = false;
    QTimer::singleShot(0, this, [&] {
        seen = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (seen) {
            hadCopy = seen->actions().contains(test::copySwrPathAction(window));
            seen->close();
        }
    });
    QTest::keyClick(window.tableView(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_VERIFY(hadCopy);
    // The menu acts on the row that was selected.
    QCOMPARE(window.selectedImageIds(), QStringList{ids.at(2)});
}

void TestKeyboard::downOrEnterInTheFilterGoToTheTable_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Down") << int(Qt::Key_Down);
    QTest::newRow("Enter") << int(Qt::Key_Return);
}

void TestKeyboard::downOrEnterInTheFilterGoToTheTable()
{
    QFETCH(int, key);
    MainWindow &window = openLoadedWindow();
    QLineEdit *field = test::filterBar(window)->searchField();
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    QVERIFY(window.selectedImageIds().isEmpty());
    QTest::keyClick(field, Qt::Key(key));
    QTRY_VERIFY(window.tableView()->hasFocus());
    // Landing on a row, selected, so the next key acts on it.
    QCOMPARE(window.selectedImageIds().size(), 1);
}

void TestKeyboard::escWhileDeletingAsksToStop()
{
    MainWindow &window = openLoadedWindow();
    DeletionQueue *queue = test::deletionQueue(window);
    queue->setMaxConcurrent(1);
    const QStringList ids = ownImageIds(4);
    QCOMPARE(ids.size(), 4);
    QCOMPARE(window.selectImages(ids), 4);
    m_sandbox->setFaults(QJsonObject{{u"latency_ms"_s, 400}});
    window.setDeletionConfirmer([](const DeleteImagesDialog &) -> std::optional<bool> { return false; });
    QSignalSpy itemStarted(queue, &DeletionQueue::itemStarted);
    QSignalSpy finished(queue, &DeletionQueue::finished);
    test::deleteAction(window)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!itemStarted.isEmpty(), test::MainWindowFixture::LoadTimeoutMs);
    QVERIFY(queue->isRunning());

    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != u"cancelDeletionsQuestion")
            return;
        asked = true;
        box->findChild<QPushButton *>(u"stopDeletingButton"_s)->click();
    });
    window.tableView()->setFocus();
    QTest::keyClick(window.tableView(), Qt::Key_Escape);
    QVERIFY(asked);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), test::MainWindowFixture::LoadTimeoutMs);
    const auto summary = finished.constFirst().constFirst().value<DeletionSummary>();
    // The one in flight finished; the ones still waiting were never sent.
    QVERIFY2(summary.count(DeletionResult::Outcome::Cancelled) >= 2,
             qPrintable(QString::number(summary.count(DeletionResult::Outcome::Cancelled))));
}

void TestKeyboard::escWithoutDeletionsAsksNothing()
{
    MainWindow &window = openLoadedWindow();
    QVERIFY(!test::deletionQueue(window)->isRunning());
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            asked = true;
            modal->close();
        }
    });
    window.tableView()->setFocus();
    QTest::keyClick(window.tableView(), Qt::Key_Escape);
    QTest::qWait(20);
    QVERIFY(!asked);
}

// The rows of the open Keyboard Shortcuts dialog, each "command<TAB>keys"; empty when it is not open.
static QStringList shortcutRows(const MainWindow &window)
{
    auto *dialog = window.findChild<QDialog *>(u"shortcutsDialog"_s);
    auto *list = dialog ? dialog->findChild<QTreeWidget *>(u"shortcutsList"_s) : nullptr;
    QStringList rows;
    for (int i = 0; list && i < list->topLevelItemCount(); ++i)
        rows.append(list->topLevelItem(i)->text(0) + u'\t' + list->topLevelItem(i)->text(1));
    return rows;
}

void TestKeyboard::shortcutsListFollowsTheActions()
{
    MainWindow &window = openLoadedWindow();
    QAction *open = test::findNamed<QAction>(window, u"keyboardShortcutsAction"_s);
    QVERIFY(open);
    open->trigger();
    QTRY_VERIFY(!shortcutRows(window).isEmpty());
    QStringList rows = shortcutRows(window);
    const auto keysOf = [&rows](const QString &command) {
        for (const QString &row : std::as_const(rows)) {
            if (row.section(u'\t', 0, 0) == command)
                return row.section(u'\t', 1);
        }
        return QString();
    };
    QVERIFY2(keysOf(u"Refresh"_s).contains(u"F5"_s), qPrintable(rows.join(u'\n')));
    QVERIFY(keysOf(u"Details Pane"_s).contains(u"F9"_s));
    QVERIFY(keysOf(u"Documentation"_s).contains(u"F1"_s));
    QVERIFY(keysOf(u"Context menu of the selected images"_s).contains(u"F10"_s));
    // Every window-wide shortcut is listed.
    for (QAction *action : window.actions()) {
        if (!action->shortcuts().isEmpty())
            QVERIFY2(rows.join(u'\n').contains(action->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(action->text()));
    }
    window.findChild<QDialog *>(u"shortcutsDialog"_s)->close();
    QTRY_VERIFY(!window.findChild<QDialog *>(u"shortcutsDialog"_s));

    // Read from the actions when it opens: a changed shortcut shows.
    test::copyNameTagAction(window)->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    open->trigger();
    QTRY_VERIFY(!shortcutRows(window).isEmpty());
    rows = shortcutRows(window);
    QCOMPARE(keysOf(u"Copy Name:Tag"_s),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N).toString(QKeySequence::NativeText));
}

QTEST_MAIN(TestKeyboard)
#include "test_keyboard.moc"
