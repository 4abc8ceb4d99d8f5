// The SWR Storage view: the chart, the tag lists and the tag confirmation, on hand-built StorageFacts.

#include "models/common/Formatting.h"
#include "models/storage/StorageFacts.h"
#include "tests/support/StorageTestData.h"
#include "views/storage/DeleteTagsDialog.h"
#include "views/storage/StorageBarChart.h"
#include "views/storage/StorageTagModel.h"
#include "views/storage/SwrStorageDialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mim;
using test::swrTag;

namespace {

// Two organizations, a repository with "/" in its name, registered and unregistered tags, one of unknown
// size.
StorageFacts sampleFacts()
{
    const QList<SwrNamespace> namespaces{test::swrNamespace(u"team-a"_s), test::swrNamespace(u"team-b"_s)};
    const QList<SwrRepository> repositories{test::swrRepository(u"team-a"_s, u"llm"_s),
                                            test::swrRepository(u"team-a"_s, u"cv/detect"_s),
                                            test::swrRepository(u"team-b"_s, u"base"_s)};
    const QList<SwrTag> tags{
        swrTag(u"team-a"_s, u"llm"_s, u"v1"_s, 3'000'000'000),
        swrTag(u"team-a"_s, u"llm"_s, u"v2"_s, 3'100'000'123),
        swrTag(u"team-a"_s, u"llm"_s, u"old"_s, 2'900'000'001),
        swrTag(u"team-a"_s, u"cv/detect"_s, u"1.0"_s, 700'000'000),
        swrTag(u"team-a"_s, u"cv/detect"_s, u"scratch"_s, -1),
        swrTag(u"team-b"_s, u"base"_s, u"py310"_s, 1'200'000'000),
        swrTag(u"team-b"_s, u"base"_s, u"py39"_s, 1'150'000'000),
    };
    const QList<Image> images{
        test::imageAt(u"img-1"_s, u"swr.cn-north-4.myhuaweicloud.com/team-a/llm:v1"_s),
        test::imageAt(u"img-2"_s, u"swr.cn-north-4.myhuaweicloud.com/team-a/llm:v2"_s),
        test::imageAt(u"img-3"_s, u"swr.cn-north-4.myhuaweicloud.com/team-a/cv/detect:1.0"_s),
        test::imageAt(u"img-4"_s, u"swr.cn-north-4.myhuaweicloud.com/team-b/base:py310"_s),
    };
    return StorageFacts::build(namespaces, repositories, tags, images, UsageSummary());
}

struct Sums
{
    qint64 registered = 0;
    qint64 unregistered = 0;
};

// What the table shows, summed per organization: the chart has to agree with it.
QHash<QString, Sums> tableSums(const StorageTagModel &model)
{
    QHash<QString, Sums> sums;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, StorageTagModel::SizeColumn);
        const qint64 bytes = index.data(StorageTagModel::BytesRole).toLongLong();
        if (bytes < 0)
            continue;
        Sums &sum = sums[model.tagAt(row).nameSpace];
        if (index.data(StorageTagModel::DeletableRole).toBool())
            sum.unregistered += bytes;
        else
            sum.registered += bytes;
    }
    return sums;
}

StoredTag storedTag(const QString &nameSpace, const QString &repository, const QString &tag, qint64 bytes,
                    const QStringList &imageIds = {})
{
    StoredTag result;
    result.nameSpace = nameSpace;
    result.repository = repository;
    result.tag = tag;
    result.sizeBytes = bytes;
    result.imageIds = imageIds;
    return result;
}

} // namespace

class TestStorageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chartFiguresEqualTheTableSums();
    void chartIsAccessible();
    void unknownSizesSortLast();
    void confirmationDefaults();
    void confirmationLeavesRegisteredTagsOut();
    void escapeCancelsTheConfirmation();
    void serverTextIsShownPlain();
    void dialogStates();
    void dialogChartEqualsItsLists();
    void registeredTagsAreNeverOffered();
    void aRepositoryStandsForItsUnregisteredTags();
    void tenThousandTagsShowQuickly();
    void chartNamesReadWholeWithinReason();
    void resultsTagColumnFitsTheNames();
    void dialogOpensSizedToContentAndKeepsItsGeometry();
};

void TestStorageView::chartFiguresEqualTheTableSums()
{
    const StorageFacts facts = sampleFacts();
    StorageTagModel model;
    model.setTags(facts.tags);
    StorageBarChart chart;
    chart.setOrganizations(facts.organizations);

    const QHash<QString, Sums> sums = tableSums(model);
    QCOMPARE(chart.organizations().size(), 2);
    qint64 chartTotal = 0;
    for (int row = 0; row < chart.organizations().size(); ++row) {
        const OrganizationStorage &shown = chart.organizations().at(row);
        QVERIFY2(sums.contains(shown.name), qPrintable(shown.name));
        QCOMPARE(shown.registeredBytes, sums.value(shown.name).registered);
        QCOMPARE(shown.unregisteredBytes, sums.value(shown.name).unregistered);
        // The text beside the bar says the same figures.
        QCOMPARE(chart.figuresText(row), StorageBarChart::tr("%1 registered · %2 not registered")
                                             .arg(Formatting::dataSize(sums.value(shown.name).registered),
                                                  Formatting::dataSize(sums.value(shown.name).unregistered)));
        QVERIFY(chart.toolTipText(row).contains(QLocale().toString(sums.value(shown.name).unregistered)));
        chartTotal += shown.totalBytes();
    }
    // team-a: registered v1 + v2 + 1.0, unregistered old (scratch has no size); team-b: py310 / py39.
    QCOMPARE(sums.value(u"team-a"_s).registered, 3'000'000'000 + 3'100'000'123 + 700'000'000);
    QCOMPARE(sums.value(u"team-a"_s).unregistered, 2'900'000'001);
    QCOMPARE(sums.value(u"team-b"_s).unregistered, 1'150'000'000);
    QCOMPARE(chartTotal, facts.registeredBytes() + facts.unregisteredBytes());
    // Largest organization first.
    QCOMPARE(chart.organizations().constFirst().name, u"team-a"_s);
}

void TestStorageView::chartIsAccessible()
{
    const StorageFacts facts = sampleFacts();
    StorageBarChart chart;
    chart.setOrganizations(facts.organizations);
    chart.resize(chart.sizeHint());
    QVERIFY(!chart.accessibleName().isEmpty());
    QVERIFY(chart.accessibleDescription().contains(u"team-a"_s));
    QVERIFY(chart.accessibleDescription().contains(chart.figuresText(1)));
    QCOMPARE(chart.rowAt(QPoint(5, 1)), 0);
    QCOMPARE(chart.rowAt(QPoint(5, chart.height() - 1)), 1);
    QCOMPARE(chart.rowAt(QPoint(5, chart.height() + 50)), -1);
    // Paints without a screen of its own.
    QVERIFY(!chart.grab().isNull());
}

void TestStorageView::unknownSizesSortLast()
{
    StorageTagModel model;
    model.setTags({storedTag(u"ns"_s, u"r"_s, u"a"_s, -1), storedTag(u"ns"_s, u"r"_s, u"b"_s, 0),
                   storedTag(u"ns"_s, u"r"_s, u"c"_s, 10)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(StorageTagModel::SortRole);
    proxy.sort(StorageTagModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, StorageTagModel::NameColumn).data().toString(), u"ns/r:c"_s);
    QCOMPARE(proxy.index(1, StorageTagModel::NameColumn).data().toString(), u"ns/r:b"_s);
    QCOMPARE(proxy.index(2, StorageTagModel::NameColumn).data().toString(), u"ns/r:a"_s);
    QCOMPARE(proxy.index(2, StorageTagModel::SizeColumn).data().toString(), StorageTagModel::sizeText(-1));
}

void TestStorageView::confirmationDefaults()
{
    const QList<StoredTag> tags{storedTag(u"team-a"_s, u"llm"_s, u"old"_s, 2'000'000'000),
                                storedTag(u"team-a"_s, u"cv/detect"_s, u"scratch"_s, 500'000'000),
                                storedTag(u"team-b"_s, u"base"_s, u"tmp"_s, -1)};
    DeleteTagsDialog dialog(tags);
    QCOMPARE(dialog.tags().size(), 3);
    QCOMPARE(dialog.totalBytes(), 2'500'000'000);
    QCOMPARE(dialog.unknownSizeCount(), 1);
    QCOMPARE(dialog.registeredCount(), 0);
    QVERIFY(dialog.cancelButton()->isDefault());
    QVERIFY(!dialog.deleteButton()->isDefault());
    QVERIFY(!dialog.deleteButton()->autoDefault());
    QVERIFY(dialog.deleteButton()->isEnabled());
    QCOMPARE(dialog.deleteButton()->text(), DeleteTagsDialog::tr("Delete %n Tag(s)", nullptr, 3));
    QCOMPARE(dialog.headline(), DeleteTagsDialog::tr("Delete %n tag(s) from SWR, %1?", nullptr, 3)
                                        .arg(Formatting::dataSize(2'500'000'000)) +
                                    u' ' +
                                    DeleteTagsDialog::tr("(%n of unknown size not counted)", nullptr, 1));
    QVERIFY(dialog.namesText().contains(u"team-a/llm:old"_s));
    QVERIFY(dialog.namesText().contains(u"team-a/cv/detect:scratch"_s));
    QVERIFY(dialog.namesText().contains(u"team-b/base:tmp"_s));
    QVERIFY(dialog.registeredText().isEmpty());

    // Enter on the dialog as it opens answers Cancel.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestStorageView::confirmationLeavesRegisteredTagsOut()
{
    const QList<StoredTag> tags{storedTag(u"ns"_s, u"repo"_s, u"free"_s, 100),
                                storedTag(u"ns"_s, u"repo"_s, u"used"_s, 900, {u"img-1"_s})};
    DeleteTagsDialog dialog(tags);
    QCOMPARE(dialog.tags().size(), 1);
    QCOMPARE(dialog.tags().constFirst().tag, u"free"_s);
    QCOMPARE(dialog.totalBytes(), 100);
    QCOMPARE(dialog.registeredCount(), 1);
    QVERIFY(!dialog.namesText().contains(u"ns/repo:used"_s));
    QVERIFY(dialog.registeredText().contains(u"force"_s));

    // Only registered ones: nothing to confirm.
    DeleteTagsDialog none({storedTag(u"ns"_s, u"repo"_s, u"used"_s, 900, {u"img-1"_s})});
    QVERIFY(none.tags().isEmpty());
    QVERIFY(!none.deleteButton()->isEnabled());
    QVERIFY(none.cancelButton()->isDefault());
}

void TestStorageView::escapeCancelsTheConfirmation()
{
    DeleteTagsDialog dialog({storedTag(u"ns"_s, u"repo"_s, u"free"_s, 100)});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
}

void TestStorageView::serverTextIsShownPlain()
{
    const QString hostile = u"<b>x</b>\u202Eevil\n<img src=x>"_s;
    StoredTag tag = storedTag(u"ns"_s, u"repo"_s, hostile, 100);
    StorageTagModel model;
    model.setTags({tag});
    const QString shown = model.index(0, StorageTagModel::NameColumn).data().toString();
    QVERIFY(shown.contains(u"<b>x</b>"_s));
    QVERIFY(shown.contains(u"\\u{202E}"_s));
    QVERIFY(!shown.contains(u'\n'));
    QVERIFY(!shown.contains(QChar(0x202E)));

    DeleteTagsDialog dialog({tag});
    auto *names = dialog.findChild<QLabel *>(u"tagNames"_s);
    QVERIFY(names);
    QCOMPARE(names->textFormat(), Qt::PlainText);
    QVERIFY(dialog.namesText().contains(u"<b>x</b>"_s));
    QVERIFY(!dialog.namesText().contains(QChar(0x202E)));
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->text().isEmpty())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
    }

    OrganizationStorage organization;
    organization.name = hostile;
    organization.unregisteredBytes = 100;
    StorageBarChart chart;
    chart.setOrganizations({organization});
    QVERIFY(chart.toolTipText(0).contains(u"<b>x</b>"_s));
    QVERIFY(!chart.toolTipText(0).contains(QChar(0x202E)));
    QVERIFY(!chart.accessibleDescription().contains(QChar(0x202E)));
    // The tooltip is shown through plainToolTip, which Qt does not read as HTML.
    QVERIFY(Formatting::plainToolTip(chart.toolTipText(0)).contains(u"&lt;b&gt;"_s));
}

void TestStorageView::dialogStates()
{
    SwrStorageDialog dialog;
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::Loading);
    dialog.showLoading(2, 5);
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::Loading);
    QVERIFY(dialog.cancelLoadButton());

    dialog.showPermissionDenied();
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::PermissionDenied);
    QVERIFY(dialog.stateText().contains(Swr::missingPermission(Swr::Access::Read)));

    // A refusal reported as a failure is the same state.
    ApiError forbidden;
    forbidden.kind = ErrorKind::Permission;
    forbidden.httpStatus = 403;
    forbidden.code = u"SVCSTG.SWR.4030001"_s;
    dialog.showFailed(forbidden);
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::PermissionDenied);

    // The server's text, with markup and controls, read as plain text.
    ApiError failed;
    failed.kind = ErrorKind::Server;
    failed.httpStatus = 500;
    failed.code = u"SVCSTG.SWR.5000001"_s;
    failed.message = u"<b>boom</b>\u202Eevil\nline"_s;
    dialog.showFailed(failed);
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::Failed);
    QVERIFY(dialog.stateText().contains(u"<b>boom</b>"_s));
    QVERIFY(!dialog.stateText().contains(QChar(0x202E)));
    auto *message = dialog.findChild<QLabel *>(u"stateMessage"_s);
    QVERIFY(message);
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QVERIFY(dialog.retryLoadButton());

    dialog.showFacts(StorageFacts());
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::Empty);
    QVERIFY(!dialog.stateText().isEmpty());

    dialog.showFacts(sampleFacts());
    QCOMPARE(dialog.page(), SwrStorageDialog::Page::Content);
    QVERIFY(dialog.stateText().isEmpty());
    // No button answers Enter: in a list it would otherwise open the deletion.
    for (const QPushButton *button : dialog.findChildren<QPushButton *>())
        QVERIFY2(!button->autoDefault() && !button->isDefault(), qPrintable(button->text()));
}

void TestStorageView::dialogChartEqualsItsLists()
{
    SwrStorageDialog dialog;
    const StorageFacts facts = sampleFacts();
    dialog.showFacts(facts);
    const QHash<QString, Sums> sums = tableSums(*dialog.tagModel());
    for (const OrganizationStorage &shown : dialog.chart()->organizations()) {
        QCOMPARE(shown.registeredBytes, sums.value(shown.name).registered);
        QCOMPARE(shown.unregisteredBytes, sums.value(shown.name).unregistered);
    }

    // The repositories tree: each repository's size is the sum of its tags' known sizes, and together they
    // make the chart's total.
    const QAbstractItemModel *tree = dialog.repositoriesView()->model();
    QCOMPARE(tree->rowCount(), 3);
    qint64 treeTotal = 0;
    int treeTags = 0;
    for (int row = 0; row < tree->rowCount(); ++row) {
        const QModelIndex repository = tree->index(row, 0);
        qint64 children = 0;
        for (int child = 0; child < tree->rowCount(repository); ++child) {
            const qint64 bytes = tree->index(child, StorageTagModel::SizeColumn, repository)
                                     .data(StorageTagModel::SortRole)
                                     .toLongLong();
            children += qMax<qint64>(0, bytes);
            ++treeTags;
        }
        QCOMPARE(tree->index(row, StorageTagModel::SizeColumn).data(StorageTagModel::SortRole).toLongLong(),
                 children);
        treeTotal += children;
    }
    QCOMPARE(treeTags, facts.tags.size());
    QCOMPARE(treeTotal, facts.registeredBytes() + facts.unregisteredBytes());
    QVERIFY(dialog.totalsLabel()->text().contains(Formatting::dataSize(treeTotal)));
    QVERIFY(dialog.totalsLabel()->text().contains(Formatting::dataSize(facts.unregisteredBytes())));

    // The list of unregistered tags holds exactly those, largest first.
    const QAbstractItemModel *list = dialog.unregisteredView()->model();
    QCOMPARE(list->rowCount(), 3); // old, scratch, py39
    QCOMPARE(list->index(0, StorageTagModel::NameColumn).data().toString(), u"team-a/llm:old"_s);
    QCOMPARE(list->index(1, StorageTagModel::NameColumn).data().toString(), u"team-b/base:py39"_s);
    QCOMPARE(list->index(2, StorageTagModel::NameColumn).data().toString(), u"team-a/cv/detect:scratch"_s);
    QCOMPARE(dialog.unregisteredView()->selectionMode(), QAbstractItemView::ExtendedSelection);
}

void TestStorageView::registeredTagsAreNeverOffered()
{
    SwrStorageDialog dialog;
    dialog.showFacts(sampleFacts());
    QVERIFY(!dialog.deleteButton()->isEnabled());

    // In the tree, a registered tag selected alone: the button stays disabled and says why.
    dialog.tabs()->setCurrentWidget(dialog.repositoriesView());
    QTreeView *tree = dialog.repositoriesView();
    const QAbstractItemModel *model = tree->model();
    QModelIndex registered;
    for (int row = 0; row < model->rowCount() && !registered.isValid(); ++row) {
        const QModelIndex repository = model->index(row, 0);
        for (int child = 0; child < model->rowCount(repository); ++child) {
            if (model->index(child, 0, repository).data().toString() == u"v1"_s)
                registered = model->index(child, 0, repository);
        }
    }
    QVERIFY(registered.isValid());
    tree->selectionModel()->select(registered,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(dialog.selectedTags().isEmpty());
    QVERIFY(!dialog.deleteButton()->isEnabled());
    QCOMPARE(dialog.deleteButton()->toolTip(), StorageTagModel::notDeletableReason());
    bool asked = false;
    dialog.setDeletionConfirmer([&](DeleteTagsDialog &) { return asked = true; });
    QVERIFY(!dialog.deleteSelectedTags());
    QVERIFY(!asked);
}

void TestStorageView::aRepositoryStandsForItsUnregisteredTags()
{
    SwrStorageDialog dialog;
    dialog.showFacts(sampleFacts());
    dialog.tabs()->setCurrentWidget(dialog.repositoriesView());
    QTreeView *tree = dialog.repositoriesView();
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == u"team-a/llm"_s)
            tree->selectionModel()->select(model->index(row, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    const QList<StoredTag> selected = dialog.selectedTags();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().displayName(), u"team-a/llm:old"_s);
    QVERIFY(dialog.deleteButton()->isEnabled());

    // The confirmation names it, leaves the two registered ones out and says so; without an account the
    // confirmed tags are only announced.
    QSignalSpy confirmed(&dialog, &SwrStorageDialog::deletionConfirmed);
    int registeredLeftOut = -1;
    dialog.setDeletionConfirmer([&](DeleteTagsDialog &confirmation) {
        registeredLeftOut = confirmation.registeredCount();
        return true;
    });
    QVERIFY(dialog.deleteSelectedTags());
    QCOMPARE(registeredLeftOut, 2);
    QCOMPARE(confirmed.size(), 1);
    const auto tags = confirmed.constFirst().constFirst().value<QList<StoredTag>>();
    QCOMPARE(tags.size(), 1);
    QVERIFY(tags.constFirst().mayBeDeleted());
}

void TestStorageView::tenThousandTagsShowQuickly()
{
    // 10,000 tags over 500 repositories in 5 organizations, one in seven unregistered.
    StorageFacts facts;
    for (int i = 0; i < 10'000; ++i) {
        StoredTag tag =
            storedTag(u"org-%1"_s.arg(i % 5), u"repo-%1"_s.arg(i % 500, 4, 10, QChar(u'0')), u"v%1"_s.arg(i),
                      1'000'000 + i * 997LL, i % 7 == 0 ? QStringList() : QStringList{u"img-%1"_s.arg(i)});
        tag.updated = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 60);
        facts.tags.append(tag);
    }
    for (int o = 0; o < 5; ++o) {
        OrganizationStorage organization;
        organization.name = u"org-%1"_s.arg(o);
        facts.organizations.append(organization);
    }
    SwrStorageDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Reported, not asserted: shared test machines vary too much for a bound in milliseconds.
    QElapsedTimer timer;
    timer.start();
    dialog.showFacts(facts);
    QCoreApplication::processEvents();
    const qint64 ms = timer.elapsed();
    qInfo("10,000 tags over 500 repositories shown in %lld ms", ms);
    QCOMPARE(dialog.unregisteredView()->model()->rowCount(), 10'000 / 7 + 1);
    QCOMPARE(dialog.repositoriesView()->model()->rowCount(), 500);
}

void TestStorageView::chartNamesReadWholeWithinReason()
{
    OrganizationStorage speech;
    speech.name = u"speech-recognition-platform-team"_s;
    speech.registeredBytes = 3'000'000'000;
    OrganizationStorage huge;
    huge.name = u"an-organization-whose-name-goes-on-and-on-far-beyond-any-reasonable-label-width-x"_s;
    huge.unregisteredBytes = 1'000'000;
    StorageBarChart chart;
    chart.setOrganizations({speech, huge});
    chart.resize(1000, chart.sizeHint().height());
    // The longest name within 40 % of the widget: a 32-character team name reads whole.
    QCOMPARE(chart.nameWidth(), chart.width() * 40 / 100);
    QCOMPARE(chart.shownName(0), speech.name);
    // Beyond it, elided in the middle: both ends stay, the tooltip has it whole.
    const QString shown = chart.shownName(1);
    QVERIFY(shown.contains(QChar(0x2026)));
    QVERIFY(shown.startsWith(u"an-organization"_s));
    QVERIFY(shown.endsWith(u"-x"_s));
    QVERIFY(chart.fontMetrics().horizontalAdvance(shown) <= chart.nameWidth());
    QVERIFY(chart.toolTipText(1).contains(huge.name));

    // With short names only, the column is as wide as the longest of them, and no wider.
    chart.setOrganizations({speech});
    QCOMPARE(chart.nameWidth(), chart.fontMetrics().horizontalAdvance(speech.name));
    // The chart asks for room for the whole name.
    QVERIFY(chart.sizeHint().width() > chart.fontMetrics().horizontalAdvance(speech.name) + 240);
}

void TestStorageView::resultsTagColumnFitsTheNames()
{
    SwrStorageDialog dialog;
    dialog.showFacts(sampleFacts());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    TagDeletionResult result;
    result.tag = storedTag(u"speech-recognition-platform-team"_s, u"base/pytorch"_s,
                           u"2.1.0-cuda12.1-cudnn8-ubuntu22.04-20240501"_s, 100);
    result.outcome = Swr::DeleteOutcome::Deleted;
    dialog.showDeletionResult(result);
    QTreeWidget *results = dialog.resultsList();
    const QString name = results->topLevelItem(0)->text(0);
    QCOMPARE(name, result.tag.displayName());
    QVERIFY2(
        results->columnWidth(0) >= results->fontMetrics().horizontalAdvance(name),
        qPrintable(
            u"%1 < %2"_s.arg(results->columnWidth(0)).arg(results->fontMetrics().horizontalAdvance(name))));
}

void TestStorageView::dialogOpensSizedToContentAndKeepsItsGeometry()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    StorageFacts facts = sampleFacts();
    facts.organizations.first().name = u"speech-recognition-platform-team-with-a-long-name"_s;
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    QSize opened;
    {
        SwrStorageDialog dialog(nullptr, &settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.showFacts(facts);
        // Sized to its content: the chart's names and figures whole, within 90 % × 85 % of the screen.
        QVERIFY(dialog.width() >= std::min(dialog.contentSize().width(), available.width() * 9 / 10));
        QVERIFY(dialog.width() <= available.width() * 9 / 10);
        QVERIFY(dialog.height() <= available.height() * 85 / 100);
        // Grown with its content, it stays on the screen.
        QVERIFY(available.contains(dialog.geometry()));
        // The chart takes its new width once the layout has run; on a screen too narrow for the content (the
        // offscreen platform's 800 px) the name is elided within its 40 %.
        if (dialog.contentSize().width() <= available.width() * 9 / 10)
            QTRY_COMPARE(dialog.chart()->shownName(0), facts.organizations.first().name);
        else
            QTRY_COMPARE(dialog.chart()->nameWidth(), dialog.chart()->width() * 40 / 100);
        QVERIFY(dialog.isSizeGripEnabled());
        opened = dialog.size();
        dialog.resize(opened - QSize(60, 40));
        QTest::qWait(50);
        dialog.close();
    }
    // Reopened at the size it was left at, even once content has loaded.
    SwrStorageDialog again(nullptr, &settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.showFacts(facts);
    QCOMPARE(again.size(), opened - QSize(60, 40));
}

QTEST_MAIN(TestStorageView)
#include "test_storage_view.moc"
