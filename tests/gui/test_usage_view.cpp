// What uses each image, in the main window against an in-process sandbox: the "Used by" column and the In
// use facet, the details pane's list of users with its copy buttons, and the delete confirmation, which
// keeps images in use out unless the user includes them, warns when usage could not be checked, and with
// its default choices never sends a DELETE for an image in use.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/UsageSummary.h"
#include "models/deletion/DeletionQueue.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h"
#include "views/main/DetailsPane.h"
#include "views/main/ImageTableView.h"
#include "views/main/MainWindow.h"

#include <memory>
#include <optional>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr int TimeoutMs = test::MainWindowFixture::LoadTimeoutMs;

// The live images the sandbox refuses to delete because they are in use, with the notebook it names.
QHash<QString, QString> inUseOnServer(const test::SandboxFixture &sandbox)
{
    QHash<QString, QString> inUse;
    for (const QJsonValue &value : sandbox.state().value(u"images"_s).toArray()) {
        const QJsonObject image = value.toObject();
        if (!image.value(u"deleted"_s).toBool() && image.value(u"in_use"_s).toBool())
            inUse.insert(image.value(u"id"_s).toString(), image.value(u"in_use_by"_s).toString());
    }
    return inUse;
}

bool usageLoaded(const MainWindow &window)
{
    return QTest::qWaitFor(
        [&window] {
            const UsageSummary &usage = window.tableModel()->usage();
            return usage.hasUsage() && !usage.isLoading();
        },
        TimeoutMs);
}

} // namespace

class TestUsageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // English plural forms, as the app installs them.
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English));
    }

    void init()
    {
        m_sandbox = std::make_unique<test::SandboxFixture>(120, 11);
        QVERIFY(m_sandbox->start());
        m_f = std::make_unique<test::MainWindowFixture>();
        QVERIFY(m_f->isValid());
        // The sandbox log: which DELETE requests reached it.
        m_deletes.clear();
        connect(m_sandbox->server(), &sandbox::SandboxServer::requestHandled, this,
                [this](const QString &line) {
                    if (line.startsWith(u"DELETE "_s))
                        m_deletes.append(line);
                });
    }

    void cleanup()
    {
        m_f.reset();
        m_sandbox.reset();
    }

    void columnAndFacetShowWhatIsInUse();
    void detailsPaneListsUsersWithCopyButtons();
    void deleteDialogKeepsImagesInUseByDefault();
    void deleteDialogIncludesImagesInUseDeliberately();
    void deleteDialogWarnsWhenUsageIsUnknown();

private:
    bool deleteSentFor(const QString &id) const
    {
        return std::any_of(m_deletes.cbegin(), m_deletes.cend(),
                           [&id](const QString &line) { return line.contains(u"/images/"_s + id); });
    }
    // Two images in use and two that are not, selected; their ids (in use first).
    QStringList selectMixed(MainWindow &window, QStringList *inUse, QStringList *notInUse);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
    QStringList m_deletes;
};

void TestUsageView::columnAndFacetShowWhatIsInUse()
{
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    QVERIFY(usageLoaded(window));
    const QHash<QString, QString> inUse = inUseOnServer(*m_sandbox);
    QVERIFY(!inUse.isEmpty());

    ImageTableModel *table = window.tableModel();
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString id = table->imageAt(row).id;
        const QModelIndex cell = table->index(row, ImageTableModel::UsedBy);
        if (inUse.contains(id)) {
            QVERIFY2(cell.data().toString().startsWith(u"notebook "_s) ||
                         cell.data().toString().contains(u"+"_s),
                     qPrintable(cell.data().toString()));
            QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"notebook "_s + inUse.value(id)));
        } else {
            QCOMPARE(cell.data().toString(), u"Not in use"_s);
        }
    }
    // The column is shown.
    QVERIFY(!window.tableView()->isColumnHidden(ImageTableModel::UsedBy));

    // The facet keeps exactly the images in use, then exactly the others.
    ImageFilterModel *proxy = window.filterModel();
    proxy->setFacet(Facet::Usage, {u"IN_USE"_s});
    QSet<QString> shown;
    for (int row = 0; row < proxy->rowCount(); ++row)
        shown.insert(proxy->index(row, 0).data(ImageTableModel::ImageIdRole).toString());
    QSet<QString> expected;
    for (auto it = inUse.cbegin(); it != inUse.cend(); ++it) {
        if (table->rowOfId(it.key()) >= 0)
            expected.insert(it.key());
    }
    QCOMPARE(shown, expected);
    proxy->setFacet(Facet::Usage, {u"NOT_IN_USE"_s});
    for (int row = 0; row < proxy->rowCount(); ++row)
        QVERIFY(!inUse.contains(proxy->index(row, 0).data(ImageTableModel::ImageIdRole).toString()));
    QCOMPARE(proxy->rowCount(), table->rowCount() - expected.size());

    // Sorting by the column puts the images in use first.
    proxy->setFacet(Facet::Usage, {});
    window.tableView()->sortByColumn(ImageTableModel::UsedBy, Qt::AscendingOrder);
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const bool used = inUse.contains(proxy->index(row, 0).data(ImageTableModel::ImageIdRole).toString());
        QCOMPARE(used, row < expected.size());
    }
}

void TestUsageView::detailsPaneListsUsersWithCopyButtons()
{
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    QVERIFY(usageLoaded(window));
    const QHash<QString, QString> inUse = inUseOnServer(*m_sandbox);
    QString id;
    for (auto it = inUse.cbegin(); it != inUse.cend() && id.isEmpty(); ++it) {
        if (window.tableModel()->rowOfId(it.key()) >= 0)
            id = it.key();
    }
    QVERIFY(!id.isEmpty());
    const Image image = window.tableModel()->imageAt(window.tableModel()->rowOfId(id));
    const QList<ImageUser> users = window.tableModel()->usage().usersOf(image);
    QVERIFY(!users.isEmpty());

    QCOMPARE(window.selectImages({id}), 1);
    DetailsPane *details = test::detailsPane(window);
    QTRY_COMPARE(details->fieldText(DetailsPane::Field::Id), id);
    const QStringList lines = details->usageLines();
    QCOMPARE(lines.size(), users.size());
    bool namesNotebook = false;
    for (qsizetype i = 0; i < users.size(); ++i) {
        QVERIFY2(lines.at(i).startsWith(UsageSummary::userText(users.at(i))), qPrintable(lines.at(i)));
        QVERIFY(lines.at(i).contains(users.at(i).id));
        namesNotebook = namesNotebook || lines.at(i).startsWith(u"notebook "_s + inUse.value(id));
    }
    QVERIFY(namesNotebook);

    // Each user's copy button copies its name; its menu copies the id.
    const QList<QToolButton *> buttons = details->usageCopyButtons();
    QCOMPARE(buttons.size(), users.size());
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    QTest::mouseClick(buttons.first(), Qt::LeftButton, {}, QPoint(4, buttons.first()->height() / 2));
    QCOMPARE(clipboard->text(), users.first().name);
    QAction *copyId = buttons.first()->menu()->findChild<QAction *>(u"copyId"_s);
    QVERIFY(copyId);
    copyId->trigger();
    QCOMPARE(clipboard->text(), users.first().id);

    // An image nobody uses says so.
    for (int row = 0; row < window.tableModel()->rowCount(); ++row) {
        const QString other = window.tableModel()->imageAt(row).id;
        if (inUse.contains(other))
            continue;
        window.selectImages({other});
        QTRY_COMPARE(details->fieldText(DetailsPane::Field::Id), other);
        QCOMPARE(details->usageLines(), QStringList{u"Not in use"_s});
        QVERIFY(details->usageCopyButtons().isEmpty());
        break;
    }
}

QStringList TestUsageView::selectMixed(MainWindow &window, QStringList *inUse, QStringList *notInUse)
{
    const QHash<QString, QString> used = inUseOnServer(*m_sandbox);
    const ImageTableModel *table = window.tableModel();
    for (int row = 0; row < table->rowCount(); ++row) {
        const Image image = table->imageAt(row);
        if (image.isBuiltIn() || image.isSettling())
            continue;
        QStringList *into = used.contains(image.id) ? inUse : notInUse;
        if (into->size() < 2)
            into->append(image.id);
    }
    const QStringList ids = *inUse + *notInUse;
    if (inUse->size() < 2 || notInUse->size() < 2 || window.selectImages(ids) != 4)
        return {};
    return ids;
}

void TestUsageView::deleteDialogKeepsImagesInUseByDefault()
{
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    QVERIFY(usageLoaded(window));
    QStringList inUse;
    QStringList notInUse;
    QVERIFY(!selectMixed(window, &inUse, &notInUse).isEmpty());

    int asked = 0;
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++asked;
        [&] {
            QCOMPARE(dialog.inUseImages().size(), 2);
            QVERIFY(!dialog.includeInUseCheckBox()->isChecked());
            QVERIFY(!dialog.includeInUseCheckBox()->isHidden());
            QCOMPARE(dialog.images().size(), 2);
            for (const Image &image : dialog.images())
                QVERIFY(notInUse.contains(image.id));
            // The images in use are listed apart, each with what uses it.
            const QString text = dialog.inUseText();
            QVERIFY2(text.startsWith(u"2 images in use, kept unless you include them:"_s), qPrintable(text));
            QCOMPARE(text.count(u" — used by notebook "_s), 2);
            QVERIFY(dialog.unknownUsageText().isEmpty());
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 2 Images"_s);
        }();
        return false; // the default choices
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(asked, 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.tableModel()->rowOfId(notInUse.at(0)) < 0 &&
                                 window.tableModel()->rowOfId(notInUse.at(1)) < 0,
                             TimeoutMs);
    QTRY_VERIFY(!test::deletionQueue(window)->isRunning());
    for (const QString &id : notInUse)
        QVERIFY(deleteSentFor(id));
    for (const QString &id : inUse) {
        QVERIFY2(!deleteSentFor(id), qPrintable(m_deletes.join(u'\n')));
        QVERIFY(window.tableModel()->rowOfId(id) >= 0);
    }
}

void TestUsageView::deleteDialogIncludesImagesInUseDeliberately()
{
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    QVERIFY(usageLoaded(window));
    QStringList inUse;
    QStringList notInUse;
    QVERIFY(!selectMixed(window, &inUse, &notInUse).isEmpty());

    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        [&] {
            QCOMPARE(dialog.images().size(), 2);
            dialog.includeInUseCheckBox()->setChecked(true);
            QCOMPARE(dialog.images().size(), 4);
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 4 Images"_s);
        }();
        return false;
    });
    test::deleteAction(window)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!test::deletionQueue(window)->isRunning() && m_deletes.size() >= 4, TimeoutMs);
    for (const QString &id : inUse + notInUse)
        QVERIFY(deleteSentFor(id));
    // The server refuses the images in use anyway: its code and message are shown as sent.
    DeletionSummaryDialog *summary = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((summary = test::deletionSummaryDialog(window)) != nullptr, TimeoutMs);
    const QString problems = summary->problemLines().join(u'\n');
    QCOMPARE(summary->problemLines().size(), 2);
    QVERIFY2(problems.contains(u"ModelArts.6357"_s), qPrintable(problems));
    for (const QString &id : inUse)
        QVERIFY(window.tableModel()->rowOfId(id) >= 0);
}

void TestUsageView::deleteDialogWarnsWhenUsageIsUnknown()
{
    // Training jobs cannot be listed in this "region".
    m_sandbox->setFaults(
        QJsonObject{{u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"training-job-searches"_s},
                                                         {u"fault"_s, u"404"_s},
                                                         {u"count"_s, 1000}}}}});
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    QVERIFY(usageLoaded(window));
    QStringList inUse;
    QStringList notInUse;
    const QHash<QString, QString> used = inUseOnServer(*m_sandbox);
    const ImageTableModel *table = window.tableModel();
    for (int row = 0; row < table->rowCount() && notInUse.size() < 2; ++row) {
        const Image image = table->imageAt(row);
        if (!image.isBuiltIn() && !used.contains(image.id))
            notInUse.append(image.id);
    }
    QCOMPARE(window.selectImages(notInUse), 2);
    for (const QString &id : notInUse) {
        const QModelIndex cell = table->index(table->rowOfId(id), ImageTableModel::UsedBy);
        QCOMPARE(cell.data().toString(), u"Unknown"_s);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"Training jobs could not be listed"_s));
    }

    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        [&] {
            QCOMPARE(dialog.unknownUsageCount(), 2);
            const QString warning = dialog.unknownUsageText();
            QVERIFY2(warning.startsWith(u"Whether 2 of these images are in use could not be checked"_s),
                     qPrintable(warning));
            QVERIFY(
                warning.contains(u"Training jobs could not be listed: this region does not offer the API"_s));
            QVERIFY(dialog.inUseImages().isEmpty());
            QCOMPARE(dialog.images().size(), 2);
        }();
        return std::nullopt; // cancelled
    });
    test::deleteAction(window)->trigger();
    QTest::qWait(200);
    QVERIFY(m_deletes.isEmpty());
}

QTEST_MAIN(TestUsageView)
#include "test_usage_view.moc"
