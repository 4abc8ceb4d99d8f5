// Renders the main window with the demo data set on a real X server (Xvfb) and saves PNG screenshots to
// ${CMAKE_BINARY_DIR}/screenshots: main-light.png, main-dark.png and delete-dialog.png.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "SandboxFixture.h"
#include "SandboxOptions.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/main/MainWindow.h"

#include <memory>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPalette>
#include <QSet>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr int LoadTimeoutMs = 15000;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x82, 0x86);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6e, 0xa8, 0xfe));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x46, 0x4a));
    return p;
}

// Not blank: enough distinct colours in a grid of samples.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

int meanLightness(const QImage &image)
{
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); y += 5) {
        for (int x = 0; x < image.width(); x += 5) {
            sum += image.pixelColor(x, y).lightness();
            ++count;
        }
    }
    return count > 0 ? int(sum / count) : 0;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT
public:
    explicit TestScreenshots(bool haveDisplay)
        : m_haveDisplay(haveDisplay)
    {}

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void mainWindowLight();
    void mainWindowDark();
    void deleteDialog();
    void emptyStateNoAccount();

private:
    void openDemoWindow();
    QString save(QWidget *widget, const QString &fileName);

    bool m_haveDisplay;
    QString m_outputDir;
    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
    MainWindow *m_window = nullptr;
};

void TestScreenshots::initTestCase()
{
    if (!m_haveDisplay)
        QSKIP("No X display (DISPLAY is unset): screenshots need a real X server; run ./dev.sh test, which "
              "uses "
              "xvfb-run.");
    QCOMPARE(QGuiApplication::platformName(), u"xcb"_s);
    // English with its plural forms ("1 image", "2 images"), as the application installs it.
    installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());

    m_outputDir = QStringLiteral(MIM_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(m_outputDir));

    sandbox::SandboxOptions options = sandbox::SandboxOptions::forDemo();
    options.demoSettleAfterMs = 60 * 60 * 1000; // the saving images stay "Creating" while we look
    m_sandbox = std::make_unique<test::SandboxFixture>(options);
    QVERIFY(m_sandbox->start());
    m_f = std::make_unique<test::MainWindowFixture>(u"mim-screenshots"_s);
    QVERIFY(m_f->isValid());
    openDemoWindow();
}

void TestScreenshots::cleanupTestCase()
{
    m_window = nullptr;
    m_f.reset();
    m_sandbox.reset();
}

void TestScreenshots::openDemoWindow()
{
    AppServices services = m_f->services();
    services.demoMode = true;
    m_window = &m_f->openWindow(services);
    m_window->resize(1280, 800);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // As the app's --demo does: a session-only account that connects at once.
    m_window->accountSwitcher()->addSessionConnection(tr("Demo (local sandbox)"), m_sandbox->akskSettings());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->catalog()->state(), ImageCatalog::State::Loaded, LoadTimeoutMs);
    QVERIFY(m_window->tableModel()->rowCount() > 20);

    // A realistic moment: one image selected (one with labels, to show them), its details beside the table.
    QString selected = m_window->filterModel()->index(2, 0).data(ImageTableModel::ImageIdRole).toString();
    for (int row = 0; row < m_window->tableModel()->rowCount(); ++row) {
        const Image &image = m_window->tableModel()->imageAt(row);
        if (image.nameAndTag() == u"vllm-serving:0.5.0")
            selected = image.id;
    }
    QCOMPARE(m_window->selectImages({selected}), 1);
    m_window->activateWindow();
}

QString TestScreenshots::save(QWidget *widget, const QString &fileName)
{
    // Let deferred updates (totals, details) run before the picture is taken.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QString path = QDir(m_outputDir).filePath(fileName);
    const QPixmap pixmap = widget->grab();
    if (!pixmap.save(path, "PNG"))
        return {};
    return path;
}

void TestScreenshots::mainWindowLight()
{
    const QString path = save(m_window, u"main-light.png"_s);
    QVERIFY(!path.isEmpty());
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1280, 800) * m_window->devicePixelRatioF());
    QVERIFY(QFileInfo(path).size() > 20 * 1024);
    QVERIFY2(distinctColours(image) > 40, "the screenshot looks blank");
    // Mostly light.
    QVERIFY2(meanLightness(image) > 180, qPrintable(QString::number(meanLightness(image))));
}

void TestScreenshots::mainWindowDark()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    const QString path = save(m_window, u"main-dark.png"_s);
    QApplication::setPalette(light);
    QVERIFY(!path.isEmpty());
    const QImage image(path);
    QVERIFY(QFileInfo(path).size() > 20 * 1024);
    QVERIFY2(distinctColours(image) > 40, "the screenshot looks blank");
    // Mostly dark.
    QVERIFY2(meanLightness(image) < 100, qPrintable(QString::number(meanLightness(image))));
}

void TestScreenshots::deleteDialog()
{
    // Twelve images, a few of them public, as a user would select them for cleaning up.
    QList<Image> images;
    int privateCount = 0;
    int publicCount = 0;
    for (int row = 0; row < m_window->tableModel()->rowCount(); ++row) {
        const Image &image = m_window->tableModel()->imageAt(row);
        if (image.status != u"ACTIVE" && image.status != u"CREATE_FAILED")
            continue;
        if (image.isPrivate() && privateCount < 9) {
            images.append(image);
            ++privateCount;
        } else if (!image.isPrivate() && publicCount < 3) {
            images.append(image);
            ++publicCount;
        }
    }
    QCOMPARE(images.size(), 12);
    DeleteImagesDialog dialog(images, 2, SizeUnit::Inference{}, m_window);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.forceCheckBox()->isEnabled());
    const QString path = save(&dialog, u"delete-dialog.png"_s);
    QVERIFY(!path.isEmpty());
    const QImage image(path);
    QVERIFY(image.width() > 300 && image.height() > 200);
    QVERIFY2(distinctColours(image) > 10, "the screenshot looks blank");
    dialog.reject();
}

void TestScreenshots::emptyStateNoAccount()
{
    // A first start: no account yet.
    test::MainWindowFixture firstStart(u"mim-screenshots"_s);
    QVERIFY(firstStart.isValid());
    MainWindow &window = firstStart.openWindow();
    window.resize(1024, 640);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentPage(), MainWindow::Page::NoAccount);
    const QString path = save(&window, u"empty-no-account.png"_s);
    QVERIFY(!path.isEmpty());
    QVERIFY2(distinctColours(QImage(path)) > 10, "the screenshot looks blank");
}

int main(int argc, char **argv)
{
    // Without a display the xcb platform would abort the process; fall back so the test can say why it skips.
    const bool haveDisplay = !qEnvironmentVariableIsEmpty("DISPLAY");
    if (!haveDisplay)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestScreenshots test(haveDisplay);
    return QTest::qExec(&test, argc, argv);
}

#include "test_screenshots.moc"
