// AccountSession against two in-process sandboxes: opening an account loads its images; opening another
// replaces the client everywhere, says so, stops the previous account's deletions (a sent one ends unknown,
// the rest cancelled) and sends no request of the previous account after the switch; closing forgets the
// account; the rows of deletions follow the session's rules.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/ListingCache.h"
#include "models/common/Formatting.h"
#include "models/deletion/DeletionQueue.h"
#include "models/session/AccountSession.h"
#include "models/storage/ReportedSizeUnit.h"
#include "models/storage/SwrInventory.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;
using Outcome = DeletionResult::Outcome;

namespace {

constexpr int TimeoutMs = 20000;

bool waitLoaded(const AccountSession &session)
{
    return QTest::qWaitFor([&session] { return session.catalog()->state() == ImageCatalog::State::Loaded; },
                           TimeoutMs);
}

QList<Image> deletableRows(const ImageTableModel &table, int count)
{
    QList<Image> images;
    for (int row = 0; row < table.rowCount() && images.size() < count; ++row) {
        const Image image = table.imageAt(row);
        if (!image.isBuiltIn() && image.isPrivate() && !image.isSettling())
            images.append(image);
    }
    return images;
}

qint64 requestsSeenBy(const SandboxFixture &sandbox)
{
    return sandbox.server()->counters().value("requests"_L1).toInteger();
}

// A session as the window holds one: on its own table, its journal in a temporary folder.
struct SessionFixture
{
    QTemporaryDir dir;
    QNetworkAccessManager network;
    ImageTableModel table;
    AccountSession session{&network, &table, dir.filePath(u"journal.jsonl"_s)};

    // Opens account "A" and waits until its images are listed.
    bool openAndLoad(const ConnectionSettings &settings)
    {
        session.open(u"A"_s, settings);
        return waitLoaded(session);
    }
};

} // namespace

class TestAccountSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openingLoadsTheAccount()
    {
        SandboxFixture sandbox(30, 3);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QVERIFY(!session.isOpen());
        QCOMPARE(session.account(), DeletionAccount{});

        QSignalSpy changed(&session, &AccountSession::accountChanged);
        session.open(u"A"_s, sandbox.akskSettings());
        QCOMPARE(changed.count(), 1);
        QVERIFY(session.isOpen());
        QCOMPARE(session.displayName(), u"A"_s);
        QCOMPARE(session.account().profileName, u"A"_s);
        QCOMPARE(session.deletionQueue()->account(), session.account());
        QCOMPARE(session.catalog()->client(), session.client());
        QVERIFY(waitLoaded(session));
        QVERIFY(table.rowCount() > 0);
    }

    void switchingAccountsReplacesEverythingAndStopsTheOldAccount()
    {
        SandboxFixture first(30, 3);
        SandboxFixture second(10, 4);
        QVERIFY(first.start());
        QVERIFY(second.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QVERIFY(fixture.openAndLoad(first.akskSettings()));
        const QPointer<ApiClient> oldClient = session.client();

        // A slow run of deletions of the first account, one at a time.
        first.setFaults({{u"latency_ms"_s, 400}});
        session.deletionQueue()->setMaxConcurrent(1);
        const QList<Image> doomed = deletableRows(table, 4);
        QCOMPARE(doomed.size(), 4);
        QList<DeletionRequest> requests;
        for (const Image &image : doomed)
            requests.append(DeletionRequest{image, false});
        QSignalSpy started(session.deletionQueue(), &DeletionQueue::itemStarted);
        QSignalSpy finished(session.deletionQueue(), &DeletionQueue::finished);
        session.enqueueDeletions(requests);
        for (const Image &image : doomed)
            QCOMPARE(table.rowActivity(image.id), ImageTableModel::RowActivity::Deleting);
        QVERIFY(started.wait(TimeoutMs));

        QSignalSpy changed(&session, &AccountSession::accountChanged);
        session.open(u"B"_s, second.akskSettings());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session.account().profileName, u"B"_s);
        QVERIFY(session.client() != oldClient);
        QCOMPARE(session.catalog()->client(), session.client());

        // The run of the first account ended at once: the sent request unknown, the rest never sent.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TimeoutMs);
        const DeletionSummary summary = finished.constFirst().constFirst().value<DeletionSummary>();
        QCOMPARE(summary.account.profileName, u"A"_s);
        QCOMPARE(summary.count(Outcome::Unknown), 1);
        QCOMPARE(summary.count(Outcome::Cancelled), 3);
        QTRY_VERIFY(oldClient.isNull());

        // Nothing more reaches the first account, while the second loads. The in-process sandbox reads what
        // the old client wrote before it went away only when the event loop turns: let it, then count.
        QTest::qWait(300);
        const qint64 seenAtSwitch = requestsSeenBy(first);
        QVERIFY(waitLoaded(session));
        QTest::qWait(1000);
        QCOMPARE(requestsSeenBy(first), seenAtSwitch);
        // At most the one request sent before the switch was carried out (it may have been cut off first).
        QVERIFY(first.server()->counters().value("delete"_L1).toInteger() <= 1);
        for (const Image &image : doomed)
            QCOMPARE(table.rowOfId(image.id), -1); // the table is the second account's now
        QVERIFY(table.rowCount() > 0);
        for (int row = 0; row < table.rowCount(); ++row)
            QVERIFY(!second.imageState(table.imageAt(row).id).isEmpty());
    }

    void closingForgetsTheAccount()
    {
        SandboxFixture sandbox(10, 5);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QVERIFY(fixture.openAndLoad(sandbox.akskSettings()));
        const QList<Image> images = deletableRows(table, 1);
        QCOMPARE(images.size(), 1);

        QSignalSpy changed(&session, &AccountSession::accountChanged);
        session.close();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.isOpen());
        QCOMPARE(session.account(), DeletionAccount{});
        QVERIFY(!session.catalog()->client());
        // Without an account nothing is deleted, nor marked as being deleted.
        QSignalSpy queueStarted(session.deletionQueue(), &DeletionQueue::started);
        session.enqueueDeletions({DeletionRequest{images.constFirst(), false}});
        QCOMPARE(queueStarted.count(), 0);
        QVERIFY(!session.deletionQueue()->isRunning());
        QCOMPARE(table.rowActivity(images.constFirst().id), ImageTableModel::RowActivity::None);
    }

    void failedDeletionsReturnTheirRows()
    {
        SandboxFixture sandbox(20, 6);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        ConnectionSettings settings = sandbox.akskSettings();
        settings.retry.maxAttempts = 1;
        QVERIFY(fixture.openAndLoad(settings));
        const QList<Image> images = deletableRows(table, 2);
        QCOMPARE(images.size(), 2);
        const Image refused = images.at(0);
        const Image deleted = images.at(1);
        sandbox.setFaults({{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"DELETE"_s},
                                                                {u"path_contains"_s, refused.id},
                                                                {u"fault"_s, u"500"_s},
                                                                {u"count"_s, 1}}}}});
        QSignalSpy finished(session.deletionQueue(), &DeletionQueue::finished);
        session.enqueueDeletions({DeletionRequest{refused, false}, DeletionRequest{deleted, false}});
        QVERIFY(finished.wait(TimeoutMs));
        QCOMPARE(table.rowOfId(deleted.id), -1);
        QVERIFY(table.rowOfId(refused.id) >= 0);
        QCOMPARE(table.rowActivity(refused.id), ImageTableModel::RowActivity::None);
    }

    void usageIsLoadedWithTheImages_data()
    {
        QTest::addColumn<bool>("demo");
        QTest::addColumn<int>("imageCount");
        QTest::newRow("demo") << true << 0;
        QTest::newRow("generated 3000") << false << 3000;
    }

    void usageIsLoadedWithTheImages()
    {
        QFETCH(bool, demo);
        QFETCH(int, imageCount);
        sandbox::SandboxOptions options;
        options.imageCount = imageCount;
        options.seed = 7;
        if (demo)
            options = sandbox::SandboxOptions::forDemo();
        SandboxFixture sandbox(options);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QSignalSpy usageChanged(&session, &AccountSession::usageChanged);
        session.open(u"A"_s, sandbox.akskSettings());
        // Read alongside the images: Unknown until every listing answered, never "not in use".
        QVERIFY(session.usage().isLoading());
        QVERIFY(usageChanged.count() >= 1);
        QVERIFY(waitLoaded(session));
        for (int row = 0; session.usage().isLoading() && row < table.rowCount(); ++row) {
            QVERIFY(session.usage().stateOf(table.imageAt(row)) != UsageState::NotInUse);
            QVERIFY(table.index(row, ImageTableModel::UsedBy).data(ImageTableModel::FacetValueRole) !=
                    u"NOT_IN_USE"_s);
        }
        QVERIFY(QTest::qWaitFor([&session] { return !session.usage().isLoading(); }, TimeoutMs));
        QVERIFY(session.usage().hasUsage());
        QVERIFY(session.usage().usage().isComplete());

        // Every image the sandbox refuses to delete as in use is shown in use, with its notebook; no other.
        QSet<QString> inUse;
        QHash<QString, QString> notebookOf;
        for (const QJsonValue &value : sandbox.state().value(u"images"_s).toArray()) {
            const QJsonObject image = value.toObject();
            if (!image.value(u"deleted"_s).toBool() && image.value(u"in_use"_s).toBool()) {
                inUse.insert(image.value(u"id"_s).toString());
                notebookOf.insert(image.value(u"id"_s).toString(), image.value(u"in_use_by"_s).toString());
            }
        }
        QVERIFY(!inUse.isEmpty());
        int shownInUse = 0;
        for (int row = 0; row < table.rowCount(); ++row) {
            const Image image = table.imageAt(row);
            const QModelIndex cell = table.index(row, ImageTableModel::UsedBy);
            const QString facet = cell.data(ImageTableModel::FacetValueRole).toString();
            QVERIFY2((facet == u"IN_USE"_s) == inUse.contains(image.id), qPrintable(image.nameAndTag()));
            if (!inUse.contains(image.id)) {
                QCOMPARE(facet, u"NOT_IN_USE"_s);
                QCOMPARE(cell.data().toString(), UsageSummary::stateText(UsageState::NotInUse));
                continue;
            }
            ++shownInUse;
            QVERIFY2(
                cell.data(Qt::ToolTipRole).toString().contains(u"notebook "_s + notebookOf.value(image.id)),
                qPrintable(cell.data(Qt::ToolTipRole).toString()));
        }
        QCOMPARE(shownInUse, inUse.size());
    }

    void usageOfTheOldAccountIsDroppedOnSwitch()
    {
        SandboxFixture first(60, 3);
        SandboxFixture second(10, 4);
        QVERIFY(first.start());
        QVERIFY(second.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        first.setFaults({{u"latency_ms"_s, 300}});
        session.open(u"A"_s, first.akskSettings());
        QVERIFY(session.usage().isLoading());
        session.open(u"B"_s, second.akskSettings());
        QVERIFY(session.usage().isLoading());
        QVERIFY(!session.usage().hasUsage()); // nothing of A's usage
        QVERIFY(waitLoaded(session));
        QVERIFY(QTest::qWaitFor([&session] { return !session.usage().isLoading(); }, TimeoutMs));
        QVERIFY(session.usage().usage().isComplete());
        for (const ImageUser &user : session.usage().usage().users()) {
            for (const ImageReference &reference : user.images)
                QVERIFY(reference.imageId.isEmpty() || !second.imageState(reference.imageId).isEmpty());
        }

        // A refresh reads usage again; what was in use stays in use meanwhile, the rest is Unknown.
        session.catalog()->refresh();
        QVERIFY(session.usage().isLoading());
        for (int row = 0; row < table.rowCount(); ++row)
            QVERIFY(session.usage().stateOf(table.imageAt(row)) != UsageState::NotInUse);
        QVERIFY(QTest::qWaitFor([&session] { return !session.usage().isLoading(); }, TimeoutMs));

        session.close();
        QVERIFY(!session.usage().hasUsage());
        QVERIFY(!session.usage().isLoading());
    }

    void failedUsageListingIsUnknownWithItsReason()
    {
        SandboxFixture sandbox(200, 5);
        QVERIFY(sandbox.start());
        sandbox.setFaults(
            QJsonObject{{u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/notebooks"_s},
                                                             {u"fault"_s, u"404"_s},
                                                             {u"count"_s, 100}}}}});
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QVERIFY(fixture.openAndLoad(sandbox.akskSettings()));
        QVERIFY(QTest::qWaitFor([&session] { return !session.usage().isLoading(); }, TimeoutMs));
        // The images load as always; usage is Unknown, with why, never "not in use".
        QVERIFY(table.rowCount() > 0);
        QVERIFY(!session.usage().usage().isKnown(UsageKind::Notebook));
        for (int row = 0; row < table.rowCount(); ++row) {
            const QModelIndex cell = table.index(row, ImageTableModel::UsedBy);
            QVERIFY(cell.data(ImageTableModel::FacetValueRole) != u"NOT_IN_USE"_s);
            if (cell.data(ImageTableModel::FacetValueRole) == u"UNKNOWN"_s) {
                QCOMPARE(cell.data().toString(), UsageSummary::stateText(UsageState::Unknown));
                QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(u"region"_s),
                         qPrintable(cell.data(Qt::ToolTipRole).toString()));
            }
        }
    }

    void cachedListShownAtOnceThenConfirmed()
    {
        SandboxFixture sandbox(300, 8);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        session.setListingCacheDirectory(fixture.dir.filePath(u"cache"_s));
        QVERIFY(fixture.openAndLoad(sandbox.akskSettings()));
        const QString file = session.listingCacheFile();
        QVERIFY(!file.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), TimeoutMs); // written off the GUI thread
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const int rows = table.rowCount();
        const QList<Image> cached = deletableRows(table, 2);
        QCOMPARE(cached.size(), 2);

        // Meanwhile someone deletes an image; the next start answers slowly.
        const Image gone = cached.at(0);
        QVERIFY(sandbox.server()->removeImage(gone.id));
        session.close();
        QCOMPARE(table.rowCount(), 0);
        sandbox.setFaults({{u"latency_ms"_s, 600}});
        QSignalSpy shown(session.catalog(), &ImageCatalog::cachedShown);
        const qint64 listedBefore = sandbox.server()->counters().value("list"_L1).toInteger();
        session.open(u"A"_s, sandbox.akskSettings());
        QVERIFY(shown.wait(TimeoutMs));
        QCOMPARE(session.catalog()->state(), ImageCatalog::State::Loading);
        QCOMPARE(table.rowCount(), rows);
        QCOMPARE(table.cachedOnlyCount(), rows);
        QVERIFY(session.catalog()->cachedAsOf().isValid());
        QVERIFY(!session.catalog()->isComplete());
        QVERIFY(table.index(0, 0).data(ImageTableModel::IsCachedOnlyRole).toBool());

        // Rows only the cache knows cannot be deleted nor resynced.
        QSignalSpy queueStarted(session.deletionQueue(), &DeletionQueue::started);
        session.enqueueDeletions({DeletionRequest{cached.at(1), false}});
        QCOMPARE(queueStarted.count(), 0);
        QCOMPARE(table.rowActivity(cached.at(1).id), ImageTableModel::RowActivity::None);
        Image stuck = cached.at(1);
        stuck.status = u"ERROR"_s;
        QCOMPARE(session.resync({stuck}), 0);

        // The live listing confirms the rest and removes the row of the deleted image.
        QVERIFY(waitLoaded(session));
        QVERIFY(sandbox.server()->counters().value("list"_L1).toInteger() > listedBefore);
        QCOMPARE(table.cachedOnlyCount(), 0);
        QVERIFY(!session.catalog()->cachedAsOf().isValid());
        QCOMPARE(table.rowOfId(gone.id), -1);
        QCOMPARE(table.rowCount(), rows - 1);
        QVERIFY(!table.isCachedOnly(cached.at(1).id));
        QVERIFY(session.catalog()->isComplete());
        sandbox.setFaults({});
        session.enqueueDeletions({DeletionRequest{cached.at(1), false}});
        QCOMPARE(queueStarted.count(), 1);
    }

    void anotherAccountDoesNotSeeTheCache()
    {
        SandboxFixture sandbox(50, 9);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        session.setListingCacheDirectory(fixture.dir.filePath(u"cache"_s));
        QVERIFY(fixture.openAndLoad(sandbox.akskSettings()));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(session.listingCacheFile()), TimeoutMs);
        // The same name, another region: not the same account.
        ConnectionSettings other = sandbox.akskSettings();
        other.regionId = u"cn-east-3"_s;
        sandbox.setFaults({{u"latency_ms"_s, 400}});
        QSignalSpy shown(session.catalog(), &ImageCatalog::cachedShown);
        session.open(u"A"_s, other);
        QTest::qWait(300);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(table.rowCount(), 0);
    }

    void noCacheWithoutADirectory()
    {
        SandboxFixture sandbox(20, 10);
        QVERIFY(sandbox.start());
        SessionFixture fixture;
        AccountSession &session = fixture.session;
        QVERIFY(fixture.openAndLoad(sandbox.akskSettings()));
        QVERIFY(session.listingCacheFile().isEmpty());
        QTest::qWait(200);
        const QDir cache(listingcache::defaultDirectory());
        QVERIFY(!cache.exists() || cache.isEmpty());
    }

    void storageIsLoadedOnDemandAndForgottenOnSwitch()
    {
        SandboxFixture first(60, 3);
        SandboxFixture second(20, 4);
        QVERIFY(first.start());
        QVERIFY(second.start());
        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QVERIFY(fixture.openAndLoad(first.akskSettings()));
        // A refresh lists images, never SWR.
        session.catalog()->refresh();
        QVERIFY(waitLoaded(session));
        QCOMPARE(session.storage()->state(), SwrInventory::State::Idle);
        QCOMPARE(first.server()->counters().value("swr"_L1).toInteger(-1), 0);

        QSignalSpy loaded(session.storage(), &SwrInventory::loaded);
        session.loadStorage();
        QVERIFY(loaded.wait(TimeoutMs));
        const StorageFacts &facts = session.storage()->facts();
        const QJsonObject swr = first.state().value("swr"_L1).toObject();
        QCOMPARE(facts.tags.size(), swr.value("tag_count"_L1).toInteger());
        QCOMPARE(facts.unregisteredBytes(), swr.value("unregistered_bytes"_L1).toInteger());
        // Registered against the images the table shows.
        int registered = 0;
        for (const StoredTag &tag : facts.tags) {
            for (const QString &id : tag.imageIds)
                QVERIFY(table.rowOfId(id) >= 0);
            registered += tag.isRegistered() ? 1 : 0;
        }
        QCOMPARE(registered, facts.tags.size() - swr.value("unregistered_tag_count"_L1).toInteger());

        session.open(u"B"_s, second.akskSettings());
        QCOMPARE(session.storage()->state(), SwrInventory::State::Idle);
        QVERIFY(session.storage()->facts().tags.isEmpty());
        QVERIFY(session.storage()->facts().organizations.isEmpty());
    }

    void loadedInventorySetsTheSizeUnitUntilAnotherAccount()
    {
        // A region whose `size` is in bytes: three images whose SWR tags hold exactly their `size` in bytes.
        // Their swr_path is outside the sandbox's SWR, so it makes no tag of its own (size × 1024, KB
        // evidence) for them; the tags are pushed as a registry would hold them.
        SandboxFixture bytesRegion(0, 11);
        SandboxFixture kbRegion(20, 4);
        QVERIFY(bytesRegion.start());
        QVERIFY(kbRegion.start());
        const QList<qint64> sizes{3'000'000'000, 1'500'000'000, 700'000'000};
        QJsonArray pushed;
        for (int i = 0; i < sizes.size(); ++i) {
            const QString name = u"llm-%1"_s.arg(i);
            QString why;
            QVERIFY2(!bytesRegion.server()
                          ->addImage(QJsonObject{{u"name"_s, name},
                                                 {u"tag"_s, u"v1"_s},
                                                 {u"namespace"_s, u"evidence"_s},
                                                 {u"size"_s, sizes.at(i)},
                                                 {u"swr_path"_s,
                                                  u"registry.example.com/evidence/%1:v1"_s.arg(name)}},
                                     &why)
                          .isEmpty(),
                     qPrintable(why));
            pushed.append(QJsonObject{{u"namespace"_s, u"evidence"_s},
                                      {u"repository"_s, name},
                                      {u"tag"_s, u"v1"_s},
                                      {u"size"_s, sizes.at(i)}});
        }
        QString why;
        QCOMPARE(bytesRegion.server()->addSwrTags(QJsonObject{{u"tags"_s, pushed}}, &why), int(sizes.size()));

        SessionFixture fixture;
        ImageTableModel &table = fixture.table;
        AccountSession &session = fixture.session;
        QVERIFY(fixture.openAndLoad(bytesRegion.akskSettings()));
        QCOMPARE(table.rowCount(), sizes.size());
        const auto sizeCell = [&table](int row) {
            return table.data(table.index(row, ImageTableModel::Size), Qt::DisplayRole).toString();
        };
        const auto rowOfSize = [&table](qint64 size) {
            for (int row = 0; row < table.rowCount(); ++row) {
                if (table.imageAt(row).sizeKb == size)
                    return row;
            }
            return -1;
        };
        const int largest = rowOfSize(sizes.first());
        QVERIFY(largest >= 0);
        QCOMPARE(session.sizeUnit()->unit(), SizeUnit::Unit::Kilobytes);
        QCOMPARE(sizeCell(largest), Formatting::dataSize(sizes.first() * 1024));

        QSignalSpy unitChanged(session.sizeUnit(), &ReportedSizeUnit::changed);
        QSignalSpy repainted(&table, &ImageTableModel::dataChanged);
        QSignalSpy loaded(session.storage(), &SwrInventory::loaded);
        session.loadStorage();
        QVERIFY(loaded.wait(TimeoutMs));
        QCOMPARE(session.storage()->facts().sizeUnit.readAsBytes, int(sizes.size()));
        QCOMPARE(unitChanged.count(), 1);
        QCOMPARE(session.sizeUnit()->unit(), SizeUnit::Unit::Bytes);
        QVERIFY(session.sizeUnit()->inference().fromEvidence);
        QCOMPARE(table.sizeUnit().unit, SizeUnit::Unit::Bytes);
        QVERIFY(!repainted.isEmpty());
        for (const qint64 size : sizes)
            QCOMPARE(sizeCell(rowOfSize(size)), Formatting::dataSize(size));

        // Another account starts from the documented unit again, and its Size column reads KB.
        session.open(u"B"_s, kbRegion.akskSettings());
        QCOMPARE(session.sizeUnit()->unit(), SizeUnit::Unit::Kilobytes);
        QVERIFY(!session.sizeUnit()->inference().fromEvidence);
        QVERIFY(waitLoaded(session));
        int sized = 0;
        while (sized < table.rowCount() && table.imageAt(sized).sizeKb <= 0)
            ++sized;
        QVERIFY(sized < table.rowCount());
        QCOMPARE(sizeCell(sized), Formatting::dataSize(table.imageAt(sized).sizeKb * 1024));
    }

    void resyncableStatuses()
    {
        Image image;
        for (const QString &status : {u"INIT"_s, u"CREATING"_s, u"ERROR"_s, u"CREATE_FAILED"_s}) {
            image.status = status;
            QVERIFY2(AccountSession::isResyncable(image), qPrintable(status));
        }
        for (const QString &status : {u"ACTIVE"_s, u"DELETED"_s, QString()}) {
            image.status = status;
            QVERIFY2(!AccountSession::isResyncable(image), qPrintable(status));
        }
    }
};

QTEST_GUILESS_MAIN(TestAccountSession)
#include "test_account_session.moc"
