// Text from a hostile server — HTML, line breaks, bidi and zero-width characters in every string field — is
// shown as plain text, with its control and bidi characters made visible, in every place that shows it:
// the table, the details pane, the delete confirmation, the deletion summary and the interrupted-deletions
// notice. Each check looks at what a person would see: a label's or tooltip's text rendered the way Qt
// renders it (rich text when the widget would treat it as such).

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/Formatting.h"
#include "models/deletion/Deletion.h"
#include "models/deletion/DeletionJournal.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h"
#include "views/main/DetailsPane.h"
#include "views/main/FilterBar.h"
#include "views/main/MainWindow.h"
#include "views/main/NoticeBar.h"

#include <memory>
#include <optional>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr int LoadTimeoutMs = test::MainWindowFixture::LoadTimeoutMs;

// Markup that must be shown as typed; if it were rendered, its text would appear without the tags.
const QString LinkName = u"<a href=\"x\">LNK</a><!--"_s;
const QString FakeTag = u"v1\n(this is a dry run; nothing will be removed)"_s;
const QString BoldDescription = u"<b>BLD</b> \u202Egnp.exe"_s;
const QString ItalicMessage = u"<i>ITL</i>\nFAKE-LINE"_s;
const QString HostileWorkspaceId = u"5e1f00d2c3b4a59687786950a4b3c2d1"_s;
const QString IsolatedName = u"evil\u2067name"_s;
const QString NotebookName = u"<a href=\"y\">NBK</a>\n<!--HIDDEN"_s;

// Each marker appears only inside one piece of hostile markup: wherever it is seen, the markup must be seen
// whole.
const QList<std::pair<QString, QString>> MarkupByMarker{
    {u"LNK"_s, u"<a href=\"x\">LNK</a><!--"_s}, {u"BLD"_s, u"<b>BLD</b>"_s}, {u"ITL"_s, u"<i>ITL</i>"_s},
    {u"NBK"_s, u"<a href=\"y\">NBK</a>"_s},     {u"WSP"_s, u"<u>WSP</u>"_s}, {u"NSP"_s, u"<s>NSP</s>"_s},
};
// Texts that follow a line break in a hostile value: seen at the start of a line, the value spans lines.
const QStringList AfterLineBreak{u"(this is a dry run"_s, u"FAKE-LINE"_s, u"<!--HIDDEN"_s, u"TAB-AFTER"_s};

// What a person sees of a text that Qt shows in this format. Zero-width spaces are left out: the details
// pane inserts them as break opportunities into ids and paths (the server's own are escaped).
QString seenText(const QString &text, Qt::TextFormat format)
{
    QString seen = text;
    if (format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text))) {
        QTextDocument document;
        document.setHtml(text);
        seen = document.toPlainText();
    }
    return seen.remove(QChar(0x200B));
}

QString seenToolTip(const QString &tip)
{
    return seenText(tip, Qt::AutoText);
}

// Fails the test when `seen` renders hostile markup, lets a value span lines or keeps a bidi or format
// character.
void checkSeen(const QString &where, const QString &seen)
{
    for (const auto &[marker, markup] : MarkupByMarker) {
        if (seen.contains(marker))
            QVERIFY2(seen.contains(markup), qPrintable(where + u" renders markup: "_s + seen));
    }
    for (const QString &after : AfterLineBreak) {
        QVERIFY2(!seen.contains(u'\n' + after) && !seen.contains(u'\t' + after),
                 qPrintable(where + u" lets a value span lines: "_s + seen));
    }
    for (const char32_t ucs : seen.toUcs4()) {
        if (ucs == u'\n')
            continue;
        const auto category = QChar::category(ucs);
        QVERIFY2(category != QChar::Other_Format && category != QChar::Other_Control &&
                     category != QChar::Separator_Line && category != QChar::Separator_Paragraph,
                 qPrintable(where + u" shows U+%1: "_s.arg(uint(ucs), 4, 16, QLatin1Char('0')) + seen));
    }
}

// Every label and tooltip under `root`, and the items of its tree widgets.
void checkWidgetTree(QWidget *root)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : widgets) {
        const QString name =
            QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        if (!widget->toolTip().isEmpty()) {
            checkSeen(name + u" tooltip"_s, seenToolTip(widget->toolTip()));
            if (QTest::currentTestFailed())
                return;
        }
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            checkSeen(name, seenText(label->text(), label->textFormat()));
            if (QTest::currentTestFailed())
                return;
        }
        if (auto *tree = qobject_cast<QTreeWidget *>(widget)) {
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                const QTreeWidgetItem *item = tree->topLevelItem(i);
                for (int column = 0; column < tree->columnCount(); ++column) {
                    checkSeen(name + u" item"_s, item->text(column));
                    checkSeen(name + u" item tooltip"_s, seenToolTip(item->toolTip(column)));
                    if (QTest::currentTestFailed())
                        return;
                }
            }
        }
    }
}

// The text of every label under `root`, as seen, one after the other.
QString allSeenText(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts.append(seenText(label->text(), label->textFormat()));
    return texts.join(u"\n---\n"_s);
}

// The tooltip of every widget under `root`, as seen.
QString allSeenToolTips(QWidget *root)
{
    QStringList tips;
    for (QWidget *widget : root->findChildren<QWidget *>())
        tips.append(seenToolTip(widget->toolTip()));
    return tips.join(u"\n---\n"_s);
}

} // namespace

class TestHostileText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tableShowsServerTextVisibly();
    void detailsPaneShowsServerTextPlainly();
    void deleteConfirmationIsNotDisguised();
    void deletionSummaryShowsServerTextPlainly();
    void interruptedDeletionsNoticeIsPlainText();
    void noticeBarDetailsArePlainText();

private:
    MainWindow &openLoadedWindow();

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
    QString m_linkId;     // markup and a fake line in every string field
    QString m_isolatedId; // bidi isolate in the name, in use by a notebook with a hostile name
};

void TestHostileText::initTestCase()
{
    QVERIFY(
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates))
            .endsWith(u"_en.qm"_s));
}

void TestHostileText::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(5, 3);
    QVERIFY(m_sandbox->start());
    QString error;
    m_linkId = m_sandbox->server()->addImage(
        {{u"name"_s, LinkName},
         {u"tag"_s, FakeTag},
         {u"description"_s, BoldDescription},
         {u"status"_s, u"ACTIVE"_s},
         {u"status_message"_s, ItalicMessage},
         {u"visibility"_s, u"PRIVATE"_s},
         {u"namespace"_s, u"<s>NSP</s>\u202D"_s},
         {u"swr_path"_s, u"swr.example/<s>NSP</s>/x\u2028y:v1"_s},
         {u"workspace_id"_s, HostileWorkspaceId},
         {u"service_type"_s, u"COMMON\u200F"_s},
         {u"flavor_type"_s, u"GPU\tTAB-AFTER"_s},
         {u"swr_instance_id"_s, u"inst\u200Dance"_s},
         {u"origin"_s, u"CUSTOMIZE\u061C"_s},
         {u"dev_services"_s, QJsonArray{u"SSH\u202E"_s, u"<b>BLD</b>"_s}},
         {u"tags"_s,
          QJsonArray{QJsonObject{{u"key"_s, u"k\nFAKE-LINE"_s}, {u"value"_s, u"<i>ITL</i>\uFEFF"_s}}}},
         {u"size"_s, 1024 * 300}},
        &error);
    QVERIFY2(!m_linkId.isEmpty(), qPrintable(error));
    // A workspace id has one documented shape (the client lists nothing else); its name is server text.
    m_sandbox->server()->setWorkspaceName(HostileWorkspaceId, u"<u>WSP</u>\u2066"_s);
    m_isolatedId = m_sandbox->server()->addImage({{u"name"_s, IsolatedName},
                                                  {u"tag"_s, u"<b>BLD</b>\u202E"_s},
                                                  {u"status"_s, u"ACTIVE"_s},
                                                  {u"visibility"_s, u"PRIVATE"_s},
                                                  {u"in_use_by"_s, NotebookName},
                                                  {u"size"_s, 1024 * 200}},
                                                 &error);
    QVERIFY2(!m_isolatedId.isEmpty(), qPrintable(error));
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
}

void TestHostileText::cleanup()
{
    m_f.reset();
    m_sandbox.reset();
}

MainWindow &TestHostileText::openLoadedWindow()
{
    MainWindow &window = m_f->openWindow();
    test::MainWindowFixture::connectTo(window, m_sandbox->akskSettings());
    return window;
}

// ---------------------------------------------------------------------------------------------------------

void TestHostileText::tableShowsServerTextVisibly()
{
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loaded);
    const int row = window.tableModel()->rowOfId(m_linkId);
    QVERIFY(row >= 0);
    // The server's text arrived unchanged: what follows is the app's doing.
    QCOMPARE(window.tableModel()->imageAt(row).tag, FakeTag);
    QCOMPARE(window.tableModel()->imageAt(row).description, BoldDescription);

    const QAbstractItemModel *model = window.filterModel();
    int shownRow = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(ImageTableModel::ImageIdRole).toString() == m_linkId)
            shownRow = r;
    }
    QVERIFY(shownRow >= 0);
    QCOMPARE(model->index(shownRow, ImageTableModel::Name).data().toString(), LinkName);
    QCOMPARE(model->index(shownRow, ImageTableModel::Tag).data().toString(),
             u"v1\\n(this is a dry run; nothing will be removed)"_s);
    QCOMPARE(model->index(shownRow, ImageTableModel::Description).data().toString(),
             u"<b>BLD</b> \\u{202E}gnp.exe"_s);
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column) {
        const QModelIndex index = model->index(shownRow, column);
        checkSeen(u"table cell %1"_s.arg(column), index.data().toString());
        checkSeen(u"table tooltip %1"_s.arg(column), seenToolTip(index.data(Qt::ToolTipRole).toString()));
        if (QTest::currentTestFailed())
            return;
    }

    // The facet menus list the server's values too.
    bool sawWorkspace = false;
    for (const Facet facet : {Facet::ServiceType, Facet::Namespace, Facet::Workspace}) {
        QMenu menu;
        test::filterBar(window)->fillFacetMenu(facet, &menu);
        for (const QAction *action : menu.actions()) {
            checkSeen(u"facet menu"_s, action->text());
            if (QTest::currentTestFailed())
                return;
            sawWorkspace = sawWorkspace || action->text() == u"<u>WSP</u>\\u{2066}"_s;
        }
    }
    QVERIFY(sawWorkspace);
}

void TestHostileText::detailsPaneShowsServerTextPlainly()
{
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.selectImages({m_linkId}), 1);
    DetailsPane *details = test::detailsPane(window);
    QTRY_COMPARE(details->fieldText(DetailsPane::Field::Id), m_linkId);

    QCOMPARE(details->summaryText(), LinkName + u":v1\\n(this is a dry run; nothing will be removed)"_s);
    QCOMPARE(details->fieldText(DetailsPane::Field::Description), u"<b>BLD</b> \\u{202E}gnp.exe"_s);
    QCOMPARE(details->fieldText(DetailsPane::Field::StatusMessage), u"<i>ITL</i>\\nFAKE-LINE"_s);
    QCOMPARE(details->fieldText(DetailsPane::Field::Tags), u"k\\nFAKE-LINE=<i>ITL</i>\\u{FEFF}"_s);
    // The copy button copies the server's value exactly; only what is shown is made visible.
    QCOMPARE(details->fieldText(DetailsPane::Field::SwrPath), u"swr.example/<s>NSP</s>/x\u2028y:v1"_s);
    // Paths and ids are elided in the middle to the pane's width; whole, made visible, in their tooltips.
    const QString seen = allSeenText(details) + allSeenToolTips(details);
    QVERIFY2(seen.contains(u"x\\u{2028}y:v1"_s), qPrintable(seen));
    QVERIFY2(seen.contains(HostileWorkspaceId), qPrintable(seen));
    QVERIFY2(seen.contains(u"GPU\\tTAB-AFTER"_s), qPrintable(seen));
    checkWidgetTree(details);
}

void TestHostileText::deleteConfirmationIsNotDisguised()
{
    MainWindow &window = openLoadedWindow();

    // One image: its name is in the headline, which says exactly what it would say of any name.
    QCOMPARE(window.selectImages({m_linkId}), 1);
    int asked = 0;
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++asked;
        [&] {
            // Named with its namespace and its workspace, every part of it server text made visible.
            QCOMPARE(dialog.headline(),
                     u"Delete the image “%1”?"_s.arg(u"<s>NSP</s>\\u{202D}/"_s + LinkName +
                                                     u":v1\\n(this is a dry run; nothing will be removed) "
                                                     u"(workspace <u>WSP</u>\\u{2066})"_s));
            checkWidgetTree(const_cast<DeleteImagesDialog *>(&dialog));
        }();
        return std::nullopt;
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(asked, 1);
    if (QTest::currentTestFailed())
        return;

    // Several: each name on a line of its own.
    QCOMPARE(window.selectImages({m_linkId, m_isolatedId}), 2);
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++asked;
        [&] {
            // One of them is in use: included deliberately, so that both names are on the list.
            dialog.includeInUseCheckBox()->setChecked(true);
            QCOMPARE(dialog.headline(), u"Delete 2 images?"_s);
            const QStringList lines = dialog.messageText().split(u'\n');
            QVERIFY2(lines.size() == 3, qPrintable(dialog.messageText()));
            QStringList names = lines.mid(1);
            names.sort();
            // Long names are elided in the middle: the namespace and the workspace stay.
            QVERIFY2(names.at(0).startsWith(u"<s>NSP</s>\\u{202D}/<a href="_s), qPrintable(names.at(0)));
            QVERIFY2(names.at(0).endsWith(u"space <u>WSP</u>\\u{2066})"_s), qPrintable(names.at(0)));
            QCOMPARE(names.at(1), u"sandbox/evil\\u{2067}name:<b>BLD</b>\\u{202E}"_s);
            checkWidgetTree(const_cast<DeleteImagesDialog *>(&dialog));
        }();
        return std::nullopt;
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(asked, 2);
    // Nothing was deleted: both answers were Cancel.
    QVERIFY(!m_sandbox->imageState(m_linkId).value(u"deleted"_s).toBool());
    QVERIFY(!m_sandbox->imageState(m_isolatedId).value(u"deleted"_s).toBool());
}

void TestHostileText::deletionSummaryShowsServerTextPlainly()
{
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.selectImages({m_linkId, m_isolatedId}), 2);
    // The image in use is included deliberately: the server's refusal is what is shown.
    window.setDeletionConfirmer([](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        dialog.includeInUseCheckBox()->setChecked(true);
        return false;
    });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    test::deleteAction(window)->trigger();
    QVERIFY(finished.wait(LoadTimeoutMs));

    DeletionSummaryDialog *summary = test::deletionSummaryDialog(window);
    QVERIFY(summary);
    QCOMPARE(summary->headline(), u"1 image deleted, 1 failed."_s);
    const QStringList problems = summary->problemLines();
    QCOMPARE(problems.size(), 1);
    // The failed image by its visible name; the server's message names the notebook, visibly too.
    QVERIFY2(problems.first().startsWith(u"sandbox/evil\\u{2067}name:<b>BLD</b>\\u{202E}: "_s),
             qPrintable(problems.first()));
    QVERIFY2(problems.first().contains(u"<a href=\"y\">NBK</a>\\n<!--HIDDEN"_s),
             qPrintable(problems.first()));
    checkWidgetTree(summary);
}

void TestHostileText::interruptedDeletionsNoticeIsPlainText()
{
    // The app was killed after recording the intent to delete the hostile image, before its outcome.
    const ConnectionSettings settings = m_sandbox->akskSettings();
    const std::optional<Image> image = m_sandbox->server()->image(m_linkId);
    QVERIFY(image);
    QVERIFY(!DeletionJournal(m_f->journalPath())
                 .recordIntent(DeletionRequest{*image, false}, u"Sandbox"_s, settings.regionId,
                               settings.projectId, QDateTime::currentDateTimeUtc())
                 .isEmpty());

    MainWindow &window = openLoadedWindow();
    QMessageBox *notice = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((notice = window.findChild<QMessageBox *>(u"InterruptedDeletionsNotice"_s)) !=
                                 nullptr,
                             LoadTimeoutMs);
    QTRY_VERIFY(notice->isVisible());
    const QString seen = allSeenText(notice);
    QVERIFY2(seen.contains(u"%1:v1\\n(this is a dry run; nothing will be removed) (%2) was not deleted"_s.arg(
                 LinkName, m_linkId)),
             qPrintable(seen));
    checkWidgetTree(notice);
}

void TestHostileText::noticeBarDetailsArePlainText()
{
    // The details of a notice are its tooltip: an error's full text, or server text from its first line on.
    ApiError error = ApiError::make(ErrorKind::InvalidRequest, u"refused"_s);
    error.httpStatus = 400;
    error.message = NotebookName;
    NoticeBar bar;
    bar.showNotice(u"Refreshing failed."_s, Formatting::visibleText(LinkName) + u'\n' + error.fullText());
    const QString seen = allSeenToolTips(&bar);
    QVERIFY2(seen.contains(LinkName + u"\nThe server refused the request."_s), qPrintable(seen));
    QVERIFY2(seen.contains(u"Message: <a href=\"y\">NBK</a>\\n<!--HIDDEN"_s), qPrintable(seen));
    checkWidgetTree(&bar);
}

QTEST_MAIN(TestHostileText)
#include "test_hostile_text.moc"
