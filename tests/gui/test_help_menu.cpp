// Help in the real main window: Documentation (F1) and Report a Bug open the project's addresses through the
// injected opener (no browser starts), an address that cannot be opened is shown with a Copy button (so is
// the folder of File > Open Journal Folder), and About names the licence, the homepage, the bug tracker and
// the third-party notices.

#include "MainWindowFixture.h"
#include "views/common/UrlOpener.h"
#include "views/main/AboutDialog.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

class TestHelpMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpMenuHasDocumentationBugAndAbout();
    void f1OpensTheDocumentation();
    void reportBugOpensTheBugTracker();
    void anAddressThatCannotOpenIsShownWithCopy();
    void aboutNamesLicenceLinksAndNotices();
    void journalFolderThatCannotOpenIsShownWithCopy();

private:
    MainWindow &openWindow();
    QAction *action(const QString &name) const;

    std::unique_ptr<test::MainWindowFixture> m_f;
    QList<QUrl> m_opened;
    bool m_opens = true;
};

void TestHelpMenu::init()
{
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
    m_opened.clear();
    m_opens = true;
}

void TestHelpMenu::cleanup()
{
    m_f.reset();
}

MainWindow &TestHelpMenu::openWindow()
{
    AppServices services = m_f->services();
    services.urlOpener = [this](const QUrl &url) {
        m_opened.append(url);
        return m_opens;
    };
    MainWindow &window = m_f->openWindow(services);
    window.activateWindow();
    return window;
}

QAction *TestHelpMenu::action(const QString &name) const
{
    return test::findNamed<QAction>(m_f->window(), name);
}

void TestHelpMenu::helpMenuHasDocumentationBugAndAbout()
{
    MainWindow &window = openWindow();
    QMenu *help = nullptr;
    for (QAction *menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() && menuAction->text() == u"&Help")
            help = menuAction->menu();
    }
    QVERIFY(help);
    QAction *documentation = action(u"documentationAction"_s);
    QAction *reportBug = action(u"reportBugAction"_s);
    QAction *about = action(u"aboutAction"_s);
    QVERIFY(documentation && reportBug && about);
    QVERIFY(help->actions().contains(documentation));
    QVERIFY(help->actions().contains(reportBug));
    QVERIFY(help->actions().contains(about));
    QVERIFY(documentation->shortcuts().contains(QKeySequence(Qt::Key_F1)));
    // F1 works while the menu bar is hidden too (a window-wide shortcut).
    QVERIFY(window.actions().contains(documentation));
}

void TestHelpMenu::f1OpensTheDocumentation()
{
    MainWindow &window = openWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    QTRY_COMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.constFirst(), ProjectLinks::documentation());
    QVERIFY(m_opened.constFirst().toString().startsWith(ProjectLinks::homepage().toString()));
    QCOMPARE(m_opened.constFirst().scheme(), u"https"_s);
    QVERIFY(!window.findChild<QMessageBox *>(u"openUrlFailedNotice"_s));
}

void TestHelpMenu::reportBugOpensTheBugTracker()
{
    openWindow();
    action(u"reportBugAction"_s)->trigger();
    QCOMPARE(m_opened, QList<QUrl>{ProjectLinks::bugTracker()});
    QCOMPARE(ProjectLinks::bugTracker().toString(), ProjectLinks::homepage().toString() + u"/issues"_s);
}

void TestHelpMenu::anAddressThatCannotOpenIsShownWithCopy()
{
    MainWindow &window = openWindow();
    m_opens = false;
    action(u"reportBugAction"_s)->trigger();
    QCOMPARE(m_opened.size(), 1);
    QMessageBox *notice = nullptr;
    QTRY_VERIFY((notice = window.findChild<QMessageBox *>(u"openUrlFailedNotice"_s)) != nullptr);
    const QString address = ProjectLinks::bugTracker().toString();
    QCOMPARE(notice->informativeText(), address);
    auto *copy = notice->findChild<QPushButton *>(u"copyAddressButton"_s);
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), address);
}

void TestHelpMenu::aboutNamesLicenceLinksAndNotices()
{
    MainWindow &window = openWindow();
    action(u"aboutAction"_s)->trigger();
    AboutDialog *about = nullptr;
    QTRY_VERIFY((about = window.findChild<AboutDialog *>(u"aboutDialog"_s)) != nullptr);
    QVERIFY(about->isVisible());
    const QString summary = about->summaryText();
    QVERIFY2(summary.contains(u"MIT"_s), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral(MIM_VERSION)), qPrintable(summary));
    QVERIFY2(summary.contains(ProjectLinks::homepage().toString()), qPrintable(summary));
    QVERIFY2(summary.contains(ProjectLinks::bugTracker().toString()), qPrintable(summary));
    // The notices are the packaged file's, shown in full.
    QVERIFY(!AboutDialog::thirdPartyNotices().isEmpty());
    const QString notices = about->noticesText();
    for (const QString &part : {u"Third-party notices"_s, u"QtKeychain"_s, u"LGPL-3.0"_s, u"MIT"_s})
        QVERIFY2(notices.contains(part), qPrintable(part));

    // Its links open through the injected opener, not a browser.
    auto *label = about->findChild<QLabel *>(u"aboutSummary"_s);
    QVERIFY(label);
    Q_EMIT label->linkActivated(ProjectLinks::homepage().toString());
    QCOMPARE(m_opened, QList<QUrl>{ProjectLinks::homepage()});

    // A second About raises the same dialog.
    action(u"aboutAction"_s)->trigger();
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);
}

void TestHelpMenu::journalFolderThatCannotOpenIsShownWithCopy()
{
    MainWindow &window = openWindow();
    m_opens = false;
    QAction *open = test::openJournalFolderAction(window);
    QVERIFY(open && open->isEnabled());
    open->trigger();
    const QString folder = QFileInfo(m_f->journalPath()).absolutePath();
    QCOMPARE(m_opened, QList<QUrl>{QUrl::fromLocalFile(folder)});
    QVERIFY(QFileInfo(folder).isDir());
    QMessageBox *notice = nullptr;
    QTRY_VERIFY((notice = window.findChild<QMessageBox *>(u"openUrlFailedNotice"_s)) != nullptr);
    QCOMPARE(notice->informativeText(), QDir::toNativeSeparators(folder));
    QGuiApplication::clipboard()->clear();
    notice->findChild<QPushButton *>(u"copyAddressButton"_s)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QDir::toNativeSeparators(folder));
}

QTEST_MAIN(TestHelpMenu)
#include "test_help_menu.moc"
