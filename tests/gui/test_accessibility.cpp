// Screen readers: every interactive object of the main window and of every dialog it opens has a name, and
// the account dialog's list of problems is readable. Walks the accessibility tree in process (QAccessible),
// as AT-SPI would see it.

#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "models/catalog/ImageCatalog.h"
#include "SandboxFixture.h"
#include "views/common/AppServices.h"
#include "views/main/MainWindow.h"
#include "views/tools/ImageToolsMenu.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QAccessibleInterface>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTab:
    case QAccessible::Link:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
        return true;
    default:
        return false;
    }
}

// "QLineEdit 'filterEdit' in FilterBar in MainWindow": enough to find the widget.
QString describe(QAccessibleInterface *node)
{
    QString path;
    for (QObject *object = node->object(); object; object = object->parent()) {
        if (!path.isEmpty())
            path += u" in "_s;
        path += QString::fromLatin1(object->metaObject()->className());
        if (!object->objectName().isEmpty())
            path += u" '"_s + object->objectName() + u'\'';
        if (object->isWidgetType() && static_cast<QWidget *>(object)->isWindow())
            break;
    }
    return path;
}

// Every visible interactive object below root without an accessible name.
QStringList unnamed(QAccessibleInterface *root)
{
    QStringList found;
    QList<QAccessibleInterface *> pending{root};
    while (!pending.isEmpty()) {
        QAccessibleInterface *node = pending.takeLast();
        if (!node || !node->isValid() || node->state().invisible)
            continue;
        if (isInteractive(node->role()) && node->text(QAccessible::Name).trimmed().isEmpty())
            found.append(describe(node));
        // A label given a name of its own is read by that name: what it shows must then be its description.
        if (auto *label = qobject_cast<QLabel *>(node->object());
            label && !label->accessibleName().isEmpty() && !label->text().trimmed().isEmpty() &&
            label->accessibleName() != label->text() &&
            node->text(QAccessible::Description).trimmed().isEmpty())
            found.append(describe(node) + u" (its text is hidden behind its name)"_s);
        // Rows and cells of item views are named by their data; the view itself is checked above.
        if (node->role() == QAccessible::Table || node->role() == QAccessible::List ||
            node->role() == QAccessible::Tree)
            continue;
        for (int i = 0; i < node->childCount(); ++i)
            pending.append(node->child(i));
    }
    return found;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowAndEveryDialogNameTheirControls();

private:
    std::unique_ptr<test::SandboxFixture> m_sandbox;
};

void TestAccessibility::initTestCase()
{
    QAccessible::setActive(true);
    sandbox::SandboxOptions options;
    options.imageCount = 30;
    m_sandbox = std::make_unique<test::SandboxFixture>(options);
    QVERIFY(m_sandbox->start());
}

void TestAccessibility::mainWindowAndEveryDialogNameTheirControls()
{
    QTemporaryDir dir;
    QNetworkAccessManager network;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ProfileStore profiles(dir.filePath(u"profiles.ini"_s));
    SecretStore secrets(u"mim-accessibility-test"_s, std::make_unique<MemorySecretBackend>());
    AppServices services;
    services.network = &network;
    services.profiles = &profiles;
    services.secrets = &secrets;
    services.settings = &settings;
    services.journalPath = dir.filePath(u"journal/deletions.jsonl"_s);
    MainWindow window(services);
    new ImageToolsMenu(&window, services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectTo(u"Sandbox"_s, m_sandbox->akskSettings());
    QTRY_VERIFY_WITH_TIMEOUT(window.catalog()->state() == ImageCatalog::State::Loaded, 30000);

    // With images selected, Delete… opens its confirmation too.
    for (QAbstractItemView *view : window.findChildren<QAbstractItemView *>()) {
        if (view->objectName() == "imageTable"_L1)
            view->selectAll();
    }

    QStringList problems = unnamed(QAccessible::queryAccessibleInterface(&window));
    for (const QString &problem : std::as_const(problems))
        qWarning("main window: %s", qPrintable(problem));

    // Every menu entry that opens a dialog ("…" by convention): open it, check it, close it.
    QStringList opened;
    for (QAction *menuAction : window.menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *action : menu->actions()) {
            if (!action->text().endsWith(u'…') || !action->isEnabled())
                continue;
            QString title;
            QStringList dialogProblems;
            QTimer::singleShot(500, this, [&] {
                QWidget *dialog = QApplication::activeModalWidget();
                if (!dialog) {
                    for (QWidget *top : QApplication::topLevelWidgets()) {
                        if (top != &window && top->isVisible() && qobject_cast<QDialog *>(top))
                            dialog = top;
                    }
                }
                if (!dialog)
                    return;
                title = dialog->windowTitle();
                dialogProblems = unnamed(QAccessible::queryAccessibleInterface(dialog));
                if (auto *asDialog = qobject_cast<QDialog *>(dialog))
                    asDialog->reject();
                else
                    dialog->close();
            });
            action->trigger();
            QTest::qWait(700);
            if (title.isEmpty())
                continue;
            opened.append(title);
            for (const QString &problem : std::as_const(dialogProblems)) {
                qWarning("%s: %s", qPrintable(title), qPrintable(problem));
                problems.append(title + u": "_s + problem);
            }
        }
    }
    qInfo("dialogs checked: %s", qPrintable(opened.join(u", "_s)));
    QVERIFY2(opened.size() >= 5, qPrintable(opened.join(u", "_s)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
