// What a new user trips over, in the real main window against an in-process sandbox (offscreen).

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageCatalog.h"
#include "models/common/SettingsKeys.h"
#include "SandboxFixture.h"
#include "views/main/MainStatusBar.h"
#include "views/main/MainWindow.h"
#include "views/main/PreferencesDialog.h"

#include <memory>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

class TestNewUser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void failedAccountDoesNotShowThePreviousRefreshTime();
    void themeIsChosenInPreferencesAndAppliedAtOnce();

private:
    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
};

void TestNewUser::initTestCase()
{
    QVERIFY(
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates))
            .endsWith(u"_en.qm"_s));
}

void TestNewUser::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(20, 7);
    QVERIFY(m_sandbox->start());
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
}

void TestNewUser::cleanup()
{
    m_f.reset();
    m_sandbox.reset();
}

void TestNewUser::failedAccountDoesNotShowThePreviousRefreshTime()
{
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    auto *bar = window.findChild<MainStatusBar *>();
    QVERIFY(bar);
    QVERIFY(bar->refreshedText().startsWith(u"Refreshed "_s));

    ConnectionSettings wrong = m_sandbox->akskSettings();
    wrong.credentials.secretKey = u"not-the-right-secret-key"_s;
    QCOMPARE(test::MainWindowFixture::connectTo(window, wrong, u"Wrong secret"_s),
             ImageCatalog::State::Failed);
    QCOMPARE(window.connectedDisplayName(), u"Wrong secret"_s);
    // The time belonged to the other account's list; this one has never been listed.
    QCOMPARE(bar->refreshedText(), QString());
    auto *refreshed = bar->findChild<QLabel *>(u"refreshedLabel"_s);
    QVERIFY(refreshed);
    QVERIFY(!refreshed->isVisible());
}

void TestNewUser::themeIsChosenInPreferencesAndAppliedAtOnce()
{
    QSettings &settings = m_f->settings();
    const QString systemStyle = QApplication::style()->name();
    const QPalette systemPalette = QApplication::palette();
    const auto choose = [&settings](const QString &theme) {
        PreferencesDialog dialog(&settings);
        const int index = dialog.themeBox()->findData(theme);
        QVERIFY2(index >= 0, qPrintable(theme));
        dialog.themeBox()->setCurrentIndex(index);
        dialog.accept();
    };
    {
        // Following the system is the default.
        PreferencesDialog dialog(&settings);
        QCOMPARE(dialog.themeBox()->currentData().toString(), u"system"_s);
        QCOMPARE(dialog.themeBox()->count(), 3);
    }

    choose(u"dark"_s);
    QCOMPARE(SettingsKeys::value(settings, SettingsKey::UiTheme).toString(), u"dark"_s);
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    {
        PreferencesDialog dialog(&settings);
        QCOMPARE(dialog.themeBox()->currentData().toString(), u"dark"_s);
    }

    choose(u"light"_s);
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 100);

    choose(u"system"_s);
    QCOMPARE(SettingsKeys::value(settings, SettingsKey::UiTheme).toString(), u"system"_s);
    QCOMPARE(QApplication::style()->name(), systemStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemPalette.color(QPalette::Window));
}

QTEST_MAIN(TestNewUser)
#include "test_new_user.moc"
