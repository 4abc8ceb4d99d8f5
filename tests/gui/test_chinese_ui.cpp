// The main window in Simplified Chinese, offscreen, against an in-process sandbox: the language is applied
// the way the application applies the "ui/language" setting, and the actions, menus, table, status bar and
// the deletion confirmation (inspected through MainWindow::setDeletionConfirmer) read in Chinese.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupPreviewModel.h"
#include "models/common/Formatting.h"
#include "models/common/SettingsKeys.h"
#include "models/deletion/DeleteImagesText.h"
#include "models/groups/ImageGroupModel.h"
#include "SandboxFixture.h"
#include "Translations.h"
#include "views/accounts/ProfileDialog.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/main/AboutDialog.h"
#include "views/main/FilterBar.h"
#include "views/main/MainStatusBar.h"
#include "views/main/MainWindow.h"
#include "views/main/PreferencesDialog.h"

#include <memory>
#include <optional>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

bool hasCjk(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

} // namespace

class TestChineseUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void actionsAndMenusAreChinese();
    void tableAndStatusBarAreChinese();
    void cleanupAndGroupTablesAreChinese();
    void deleteDialogIsChinese_data();
    void deleteDialogIsChinese();
    void preferencesOfferTheLanguages();
    void numbersUseTheLocale();
    void windowTitlesCarryOneName();
    void preferencesOfferDateFormats();
    void detailsShowTranslatedApiValues();
    void aboutTitleNamesTheApplicationOnce();
    void accountDialogKeysAreWide();

private:
    MainWindow &openLoadedWindow();
    QList<Image> ownActiveImages(bool wantPrivate) const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
};

void TestChineseUi::initTestCase()
{
    // What main() does with ui/language = zh_CN.
    const QLocale locale = mim::app::installTranslators(*QCoreApplication::instance(), u"zh_CN"_s);
    QCOMPARE(locale.name(), u"zh_CN"_s);
    QCOMPARE(QLocale().name(), u"zh_CN"_s);
    QCOMPARE(QCoreApplication::translate("mim::MainWindowActions", "&Refresh"), u"刷新(&R)"_s);
    // Qt's own strings come from qtbase_zh_CN.qm.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"取消"_s);
}

void TestChineseUi::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(40, 11);
    QVERIFY(m_sandbox->start());
    m_f = std::make_unique<test::MainWindowFixture>(u"mim-i18n-test"_s);
    QVERIFY(m_f->isValid());
}

void TestChineseUi::cleanup()
{
    m_f.reset();
    m_sandbox.reset();
}

MainWindow &TestChineseUi::openLoadedWindow()
{
    [&] { QVERIFY(m_f->openLoadedWindow(*m_sandbox)); }();
    return m_f->window();
}

QList<Image> TestChineseUi::ownActiveImages(bool wantPrivate) const
{
    QList<Image> result;
    const ImageTableModel *model = m_f->window().tableModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const Image image = model->imageAt(row);
        // Not in use: the confirmation would list those apart, which another test covers.
        if (!image.isBuiltIn() && image.status == u"ACTIVE" && image.isPrivate() == wantPrivate &&
            !m_sandbox->imageState(image.id).value(u"in_use"_s).toBool())
            result.append(image);
    }
    return result;
}

void TestChineseUi::actionsAndMenusAreChinese()
{
    MainWindow &window = openLoadedWindow();
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(test::refreshAction(window)->text(), u"刷新(&R)"_s);
    QCOMPARE(test::deleteAction(window)->text(), u"删除(&D)…"_s);
    QCOMPARE(test::deleteWithContentAction(window)->text(), u"连同 SWR 内容删除(&S)…"_s);
    QCOMPARE(test::resyncAction(window)->text(), u"重新同步状态(&S)"_s);
    QCOMPARE(test::findAction(window)->text(), u"筛选(&F)…"_s);
    QCOMPARE(test::copySwrPathAction(window)->text(), u"复制 SWR 路径(&S)"_s);
    QCOMPARE(test::toggleDetailsPaneAction(window)->text(), u"详情面板(&P)"_s);
    QVERIFY(test::refreshAction(window)->toolTip().startsWith(u"重新加载镜像列表"_s));
    QVERIFY(window.windowTitle().contains(u"ModelArts 镜像管理器"_s));

    // Every menu of the menu bar and every item in them, the Preferences item included.
    QStringList menuTitles;
    for (QAction *menuAction : window.menuBar()->actions()) {
        menuTitles.append(menuAction->text());
        QVERIFY2(hasCjk(menuAction->text()), qPrintable(menuAction->text()));
        QMenu *menu = menuAction->menu();
        QVERIFY(menu);
        for (QAction *item : menu->actions()) {
            if (item->isSeparator() || item->text().isEmpty())
                continue;
            QVERIFY2(hasCjk(item->text()), qPrintable(menuAction->text() + u" → "_s + item->text()));
        }
    }
    for (const QString &title : {u"文件(&F)"_s, u"编辑(&E)"_s, u"视图(&V)"_s, u"镜像(&I)"_s, u"帮助(&H)"_s})
        QVERIFY2(menuTitles.contains(title), qPrintable(menuTitles.join(u", "_s)));

    auto *preferences = window.findChild<QAction *>(u"preferencesAction"_s);
    QVERIFY(preferences);
    QCOMPARE(preferences->text(), u"首选项(&P)…"_s);
    QCOMPARE(preferences->shortcuts(), QKeySequence::keyBindings(QKeySequence::Preferences));
}

void TestChineseUi::tableAndStatusBarAreChinese()
{
    MainWindow &window = openLoadedWindow();
    QVERIFY(!QTest::currentTestFailed());
    const ImageFilterModel *model = window.filterModel();
    QCOMPARE(model->headerData(ImageTableModel::Name, Qt::Horizontal).toString(), u"名称"_s);
    QCOMPARE(model->headerData(ImageTableModel::Status, Qt::Horizontal).toString(), u"状态"_s);
    QCOMPARE(model->headerData(ImageTableModel::Visibility, Qt::Horizontal).toString(), u"可见性"_s);
    QCOMPARE(model->headerData(ImageTableModel::Namespace, Qt::Horizontal).toString(), u"命名空间"_s);

    // Statuses and visibilities as the console names them.
    const QSet<QString> statusTexts = {u"可用"_s,     u"创建中"_s, u"初始化"_s,
                                       u"创建失败"_s, u"异常"_s,   u"已删除"_s};
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString status = model->index(row, ImageTableModel::Status).data().toString();
        QVERIFY2(statusTexts.contains(status.section(u" – "_s, 0, 0)), qPrintable(status));
        const QString visibility = model->index(row, ImageTableModel::Visibility).data().toString();
        QVERIFY2(visibility == u"私有" || visibility == u"公开", qPrintable(visibility));
    }

    // "%Ln image(s), %1" has its one Chinese plural form.
    const int count = model->rowCount();
    QTRY_VERIFY2(window.mainStatusBar()->shownText().startsWith(u"%1 个镜像，"_s.arg(count)),
                 qPrintable(window.mainStatusBar()->shownText()));
}

void TestChineseUi::cleanupAndGroupTablesAreChinese()
{
    const auto title = [](const QAbstractItemModel &model, int column) {
        return model.headerData(column, Qt::Horizontal).toString();
    };
    const CleanupPreviewModel preview;
    QCOMPARE(title(preview, CleanupPreviewModel::Namespace), u"命名空间"_s);
    QCOMPARE(title(preview, CleanupPreviewModel::Status), u"状态"_s);
    QCOMPARE(title(preview, CleanupPreviewModel::Size), u"大小"_s);
    QCOMPARE(title(preview, CleanupPreviewModel::Updated), u"更新时间"_s);
    QCOMPARE(title(preview, CleanupPreviewModel::Visibility), u"可见性"_s);

    ImageTableModel images;
    const ImageGroupModel groups(&images);
    QCOMPARE(title(groups, ImageGroupModel::Namespace), u"命名空间"_s);
    QCOMPARE(title(groups, ImageGroupModel::Status), u"状态"_s);
    QCOMPARE(title(groups, ImageGroupModel::Size), u"大小"_s);
    QCOMPARE(title(groups, ImageGroupModel::Updated), u"更新时间"_s);
}

void TestChineseUi::deleteDialogIsChinese_data()
{
    QTest::addColumn<int>("privates");
    QTest::addColumn<int>("publics");
    QTest::addColumn<QString>("headline"); // %1: the name:tag of the first image
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("appliesTo");
    QTest::addColumn<QString>("deleteButton");
    QTest::addColumn<QString>("deleteWithContentButton");
    QTest::newRow("one private image") << 1 << 0 << u"确定删除镜像“%1”吗？"_s << u"此操作无法撤销。"_s
                                       << u"适用于此私有镜像。不勾选时，镜像仍保留在 SWR 中。"_s
                                       << u"删除 1 个镜像"_s << u"删除 1 个镜像及 SWR 内容"_s;
    QTest::newRow("three images, two private")
        << 2 << 1 << u"确定删除 3 个镜像吗？"_s << u"这些镜像将从 ModelArts 中删除，共 "_s
        << u"适用于所选 3 个镜像中的 2 个（私有镜像）；公开镜像的 SWR 内容将保留。"_s << u"删除 3 个镜像"_s
        << u"删除 3 个镜像（其中 2 个同时删除 SWR 内容）"_s;
}

void TestChineseUi::deleteDialogIsChinese()
{
    QFETCH(int, privates);
    QFETCH(int, publics);
    QFETCH(QString, headline);
    QFETCH(QString, message);
    QFETCH(QString, appliesTo);
    QFETCH(QString, deleteButton);
    QFETCH(QString, deleteWithContentButton);

    MainWindow &window = openLoadedWindow();
    QVERIFY(!QTest::currentTestFailed());
    QList<Image> chosen = ownActiveImages(true).mid(0, privates);
    chosen += ownActiveImages(false).mid(0, publics);
    QCOMPARE(chosen.size(), privates + publics);
    QStringList ids;
    for (const Image &image : chosen)
        ids.append(image.id);
    QCOMPARE(window.selectImages(ids), ids.size());
    if (headline.contains(u"%1"_s))
        headline = headline.arg(DeleteImagesText::imageName(
            chosen.first(), [&window](const QString &id) { return window.tableModel()->workspaceText(id); }));

    int calls = 0;
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++calls;
        [&] {
            QCOMPARE(dialog.windowTitle(), u"删除镜像"_s);
            QCOMPARE(dialog.headline(), headline);
            QVERIFY2(dialog.messageText().contains(message), qPrintable(dialog.messageText()));
            QCOMPARE(dialog.forceCheckBox()->text(), u"同时删除 SWR 中的镜像内容"_s);
            QCOMPARE(dialog.appliesToText(), appliesTo);
            QCOMPARE(dialog.deleteButton()->text(), deleteButton);
            dialog.forceCheckBox()->setChecked(true);
            QCOMPARE(dialog.deleteButton()->text(), deleteWithContentButton);
            dialog.forceCheckBox()->setChecked(false);
            QCOMPARE(dialog.cancelButton()->text(), u"取消"_s);
        }();
        return std::nullopt; // cancelled: nothing is deleted
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(calls, 1);
    QVERIFY(!test::deletionQueue(window)->isRunning());
}

void TestChineseUi::preferencesOfferTheLanguages()
{
    QSettings settings(m_f->filePath(u"preferences.ini"_s), QSettings::IniFormat);
    {
        PreferencesDialog dialog(&settings);
        QCOMPARE(dialog.windowTitle(), u"首选项"_s);
        QComboBox *box = dialog.languageBox();
        QCOMPARE(box->count(), 3);
        QCOMPARE(box->itemText(0), u"跟随系统"_s);
        QCOMPARE(box->itemText(1), u"English"_s);
        QCOMPARE(box->itemText(2), u"简体中文"_s);
        QCOMPARE(dialog.selectedLanguage(), QString()); // nothing stored: the system's
        QVERIFY(dialog.restartNote()->isHidden());
        QVERIFY(hasCjk(dialog.restartNote()->text()));

        box->setCurrentIndex(box->findData(u"en"_s));
        QVERIFY(!dialog.restartNote()->isHidden());
        dialog.accept();
    }
    QCOMPARE(SettingsKeys::value(settings, SettingsKey::UiLanguage).toString(), u"en"_s);
    {
        PreferencesDialog dialog(&settings);
        QCOMPARE(dialog.selectedLanguage(), u"en"_s);
        dialog.setSelectedLanguage(QString());
        dialog.reject(); // Cancel keeps what was stored
    }
    QCOMPARE(SettingsKeys::value(settings, SettingsKey::UiLanguage).toString(), u"en"_s);
    {
        PreferencesDialog dialog(&settings);
        dialog.setSelectedLanguage(QString());
        dialog.accept();
    }
    QVERIFY(!SettingsKeys::contains(settings, SettingsKey::UiLanguage));
}

void TestChineseUi::preferencesOfferDateFormats()
{
    QSettings settings(m_f->filePath(u"dates.ini"_s), QSettings::IniFormat);
    {
        PreferencesDialog dialog(&settings);
        QComboBox *box = dialog.dateFormatBox();
        QCOMPARE(box->count(), 2);
        // Each choice shows its own example: the language's short format by default, or ISO.
        QVERIFY2(box->itemText(0).startsWith(u"语言格式（2028/12/28"_s), qPrintable(box->itemText(0)));
        QCOMPARE(box->itemText(1), u"ISO 8601（2028-12-28 23:58）"_s);
        QCOMPARE(dialog.selectedDateStyle(), Formatting::DateStyle::Locale);
        box->setCurrentIndex(1);
        dialog.accept();
    }
    QCOMPARE(SettingsKeys::value(settings, SettingsKey::UiDateFormat).toString(), u"iso"_s);
    QCOMPARE(PreferencesDialog::dateStyle(settings), Formatting::DateStyle::Iso);
    PreferencesDialog again(&settings);
    QCOMPARE(again.selectedDateStyle(), Formatting::DateStyle::Iso);
}

void TestChineseUi::detailsShowTranslatedApiValues()
{
    // The labels of the console, with the value as the API sent it.
    Image image;
    image.type = u"DEDICATED"_s;
    image.origin = u"CUSTOMIZE"_s;
    image.serviceType = u"TRAIN"_s;
    image.arch = u"aarch64"_s;
    image.resourceCategories = {u"ASCEND"_s};
    QCOMPARE(ImageColumns::cellText(image, ImageTableModel::ServiceType, SizeUnit::Inference{}), u"训练"_s);
    QCOMPARE(ImageColumns::toolTip(image, ImageTableModel::ServiceType), u"训练（TRAIN）"_s);
    QCOMPARE(ImageColumns::cellText(image, ImageTableModel::Resources, SizeUnit::Inference{}), u"昇腾 NPU"_s);
    QCOMPARE(Formatting::withApiValue(Formatting::originText(image.origin), image.origin),
             u"自定义（CUSTOMIZE）"_s);
    QCOMPARE(FilterBar::facetValueText(Facet::ServiceType, u"INFERENCE"_s), u"推理"_s);
}

void TestChineseUi::numbersUseTheLocale()
{
    // One number format per sentence: the plural's count (%Ln) is grouped like the other numbers.
    MainStatusBar bar;
    bar.setShown(3407, 0, 95066);
    QVERIFY2(bar.shownText().contains(u"3,407"_s) && bar.shownText().contains(u"95,066"_s),
             qPrintable(bar.shownText()));
    bar.setDeletionProgress(1234, 95066);
    QVERIFY2(bar.deletionProgressText().contains(u"1,234"_s) &&
                 bar.deletionProgressText().contains(u"95,066"_s),
             qPrintable(bar.deletionProgressText()));
    const QString applies = DeleteImagesText::appliesTo(12345, 2345);
    QVERIFY2(applies.contains(u"12,345"_s) && applies.contains(u"2,345"_s), qPrintable(applies));
}

void TestChineseUi::windowTitlesCarryOneName()
{
    // Qt appends the display name to every window title that does not end with it: in English it would
    // follow each Chinese dialog title, and the main window would show both names.
    QCOMPARE(QGuiApplication::applicationDisplayName(), u"ModelArts 镜像管理器"_s);
    MainWindow &window = openLoadedWindow();
    QVERIFY2(window.windowTitle().endsWith(QGuiApplication::applicationDisplayName()),
             qPrintable(window.windowTitle()));
    QVERIFY(!window.windowTitle().contains(u"Image Manager"_s));
}

void TestChineseUi::aboutTitleNamesTheApplicationOnce()
{
    // Qt appends the display name to a title that does not end with it: "About X — X" got cut off.
    AboutDialog about({});
    const QString name = QGuiApplication::applicationDisplayName();
    QVERIFY2(about.windowTitle().endsWith(name), qPrintable(about.windowTitle()));
    QCOMPARE(about.windowTitle().count(name), 1);
    QVERIFY(!about.windowTitle().contains(u"Image Manager"_s));
    QVERIFY2(about.width() >= about.fontMetrics().horizontalAdvance(about.windowTitle()) * 2,
             qPrintable(QString::number(about.width())));
}

void TestChineseUi::accountDialogKeysAreWide()
{
    ProfileDialog dialog(&m_f->profiles(), &m_f->secrets(), nullptr, &m_f->network(), std::nullopt);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // A whole secret key (40 characters) is in view, beside the Chinese labels.
    const QFontMetrics metrics = dialog.secretKeyEdit()->fontMetrics();
    const int fortyChars = metrics.horizontalAdvance(u"Hx0aB9cD8eF7gH6iJ5kL4mN3oP2qR1sT0uVwXyZ"_s);
    for (QLineEdit *edit : {dialog.accessKeyEdit(), dialog.secretKeyEdit(), dialog.securityTokenEdit()})
        QVERIFY2(edit->width() >= fortyChars,
                 qPrintable(u"%1: %2 < %3"_s.arg(edit->accessibleName()).arg(edit->width()).arg(fortyChars)));
    QVERIFY2(dialog.accessKeyEdit()->width() >= dialog.nameEdit()->width() * 2 / 3,
             qPrintable(u"%1 %2 %3"_s.arg(dialog.accessKeyEdit()->width())
                            .arg(dialog.nameEdit()->width())
                            .arg(dialog.width())));
}

QTEST_MAIN(TestChineseUi)
#include "test_chinese_ui.moc"
