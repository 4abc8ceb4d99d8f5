// ImageCatalog against the in-process sandbox: loading, merging refreshes in place, failures, cancel,
// polling of settling images and resync.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;
using State = ImageCatalog::State;
using Activity = ImageTableModel::RowActivity;

namespace {

constexpr int LoadTimeoutMs = 30000;

// The live images the account shows: not deleted, own images (plus built-in ones when asked for).
QHash<QString, Image> liveImages(const QJsonObject &state, bool includeBuiltIn = false)
{
    QHash<QString, Image> images;
    const QJsonArray all = state.value("images"_L1).toArray();
    for (const QJsonValue &value : all) {
        const QJsonObject object = value.toObject();
        if (object.value("deleted"_L1).toBool())
            continue;
        const std::optional<Image> image = Image::fromJson(object);
        if (!image || (image->isBuiltIn() && !includeBuiltIn))
            continue;
        images.insert(image->id, *image);
    }
    return images;
}

// The model holds exactly the sandbox's live images, field for field.
bool modelMatches(const ImageTableModel &model, const QHash<QString, Image> &expected, QString *why)
{
    if (model.rowCount() != expected.size()) {
        *why = u"%1 rows, %2 expected"_s.arg(model.rowCount()).arg(expected.size());
        return false;
    }
    for (int row = 0; row < model.rowCount(); ++row) {
        const Image &image = model.imageAt(row);
        const auto found = expected.constFind(image.id);
        if (found == expected.cend()) {
            *why = u"unexpected row "_s + image.id;
            return false;
        }
        if (!(found.value() == image)) {
            *why = u"row differs: "_s + image.id;
            return false;
        }
    }
    return true;
}

// The first `count` live own images whose id is not in `exclude`, in a stable order.
QStringList pickIds(const QJsonObject &state, int count, const QSet<QString> &exclude = {})
{
    QStringList ids = liveImages(state).keys();
    ids.sort();
    QStringList picked;
    for (const QString &id : std::as_const(ids)) {
        if (picked.size() == count)
            break;
        if (!exclude.contains(id))
            picked.append(id);
    }
    return picked;
}

// Every image the sandbox has still being saved is made ACTIVE, so that a test decides which ones settle.
bool settleEveryImage(SandboxFixture &sandbox)
{
    for (const Image &image : liveImages(sandbox.state())) {
        if (image.isSettling() && !sandbox.server()->patchImage(image.id, {{u"status"_s, u"ACTIVE"_s}}))
            return false;
    }
    return true;
}

// Everything one catalog needs, wired to one sandbox.
struct Harness
{
    explicit Harness(SandboxFixture &sandbox, Clock clock = systemClock())
        : client(&network, sandbox.akskSettings())
        , catalog(&model, std::move(clock))
    {
        catalog.setClient(&client);
    }

    bool load()
    {
        QSignalSpy loaded(&catalog, &ImageCatalog::loaded);
        QSignalSpy failed(&catalog, &ImageCatalog::failed);
        catalog.refresh();
        return QTest::qWaitFor([&] { return loaded.count() > 0 || failed.count() > 0; }, LoadTimeoutMs) &&
               loaded.count() == 1 && failed.isEmpty();
    }

    QNetworkAccessManager network;
    ApiClient client;
    ImageTableModel model;
    ImageCatalog catalog;
};

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsEveryImage()
    {
        SandboxFixture sandbox(1000, 11);
        QVERIFY(sandbox.start());
        const QDateTime pinned(QDate(2024, 5, 6), QTime(7, 8, 9), QTimeZone::utc());
        Harness h(sandbox, [pinned] { return pinned; });
        QAbstractItemModelTester tester(&h.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy states(&h.catalog, &ImageCatalog::stateChanged);
        QSignalSpy progress(&h.catalog, &ImageCatalog::progress);
        QSignalSpy inserted(&h.model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(h.catalog.state(), State::Idle);
        QVERIFY(!h.catalog.lastRefreshed().isValid());

        QVERIFY(h.load());
        QCOMPARE(h.catalog.state(), State::Loaded);
        QCOMPARE(states.count(), 2);
        QCOMPARE(states.at(0).at(0).value<State>(), State::Loading);
        QCOMPARE(states.at(1).at(0).value<State>(), State::Loaded);
        QVERIFY(inserted.count() >= 1); // the first page at once, the rest in batches
        QCOMPARE(h.catalog.lastRefreshed(), pinned);
        QVERIFY(!h.catalog.lastError().isError());
        QVERIFY(h.catalog.skippedRecords().isEmpty());

        const QHash<QString, Image> expected = liveImages(sandbox.state());
        QVERIFY(expected.size() > 500); // most of the 1,000 are the user's own
        QString why;
        QVERIFY2(modelMatches(h.model, expected, &why), qPrintable(why));

        QVERIFY(!progress.isEmpty());
        const QList<QVariant> last = progress.constLast();
        QCOMPARE(last.at(0).toLongLong(), qint64(expected.size()));
        QCOMPARE(last.at(1).toLongLong(), qint64(expected.size()));
    }

    void refreshMergesInPlace()
    {
        SandboxFixture sandbox(1000, 12);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        QVERIFY(h.load());
        QAbstractItemModelTester tester(&h.model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Someone else deletes three images, adds some and one changes status.
        const QStringList removed = pickIds(sandbox.state(), 3);
        for (const QString &id : removed)
            QVERIFY(sandbox.server()->removeImage(id));
        const QString changedId =
            pickIds(sandbox.state(), 1, QSet<QString>(removed.cbegin(), removed.cend())).at(0);
        QString error;
        QVERIFY2(sandbox.server()->patchImage(changedId, {{u"status"_s, u"ERROR"_s}}, &error),
                 qPrintable(error));
        const QStringList added = sandbox.server()->addImages(8);
        QCOMPARE(added.size(), 8);
        const QHash<QString, Image> expected = liveImages(sandbox.state());
        int addedOwn = 0;
        for (const QString &id : added)
            addedOwn += expected.contains(id) ? 1 : 0;
        QVERIFY(addedOwn > 0);

        QSignalSpy reset(&h.model, &QAbstractItemModel::modelReset);
        QSignalSpy removedRows(&h.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy insertedRows(&h.model, &QAbstractItemModel::rowsInserted);
        // Rows the merge repainted. After loaded() new settling images get their "watching" mark, which
        // is a change of its own.
        QSet<QString> changedIds;
        bool merged = false;
        connect(&h.catalog, &ImageCatalog::loaded, this, [&] { merged = true; });
        connect(&h.model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (merged)
                        return;
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        changedIds.insert(h.model.imageAt(row).id);
                });

        QVERIFY(h.load());
        QCOMPARE(reset.count(), 0);
        int removedCount = 0;
        for (const QList<QVariant> &args : std::as_const(removedRows))
            removedCount += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(removedCount, 3);
        QCOMPARE(insertedRows.count(), 1);
        QCOMPARE(insertedRows.at(0).at(2).toInt() - insertedRows.at(0).at(1).toInt() + 1, addedOwn);
        // Only the row that changed was repainted.
        QCOMPARE(changedIds, QSet<QString>{changedId});
        QString why;
        QVERIFY2(modelMatches(h.model, expected, &why), qPrintable(why));
        QCOMPARE(h.model.imageAt(h.model.rowOfId(changedId)).status, u"ERROR"_s);

        // Nothing changed: a refresh says nothing to the view.
        changedIds.clear();
        merged = false;
        removedRows.clear();
        insertedRows.clear();
        QVERIFY(h.load());
        QVERIFY(changedIds.isEmpty());
        QVERIFY(removedRows.isEmpty());
        QVERIFY(insertedRows.isEmpty());
    }

    void builtInImagesOnRequest()
    {
        SandboxFixture sandbox(400, 13);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        QVERIFY(h.load());
        const int own = h.model.rowCount();
        const QHash<QString, Image> all = liveImages(sandbox.state(), true);
        QVERIFY(all.size() > own);

        QSignalSpy loaded(&h.catalog, &ImageCatalog::loaded);
        h.catalog.setIncludeBuiltIn(true); // refreshes by itself
        QVERIFY(h.catalog.includeBuiltIn());
        QVERIFY(loaded.wait(LoadTimeoutMs));
        QString why;
        QVERIFY2(modelMatches(h.model, all, &why), qPrintable(why));

        h.catalog.setIncludeBuiltIn(false);
        QVERIFY(loaded.wait(LoadTimeoutMs));
        QVERIFY2(modelMatches(h.model, liveImages(sandbox.state()), &why), qPrintable(why));
    }

    void failedRefreshKeepsRows()
    {
        SandboxFixture sandbox(300, 14);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        QVERIFY(h.load());
        const QList<Image> before = h.model.images();
        // The data changed, but the refresh that would show it fails.
        QVERIFY(sandbox.server()->removeImage(before.at(0).id));

        QSignalSpy failed(&h.catalog, &ImageCatalog::failed);
        QSignalSpy removedRows(&h.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        sandbox.setFaults({{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                                                {u"path_contains"_s, u"/images"_s},
                                                                {u"fault"_s, u"500"_s},
                                                                {u"count"_s, 100}}}}});
        h.catalog.refresh();
        QVERIFY(failed.wait(LoadTimeoutMs));
        QCOMPARE(h.catalog.state(), State::Failed);
        QCOMPARE(h.catalog.lastError().kind, ErrorKind::Server);
        QCOMPARE(h.catalog.lastError().httpStatus, 500);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ErrorKind::Server);
        QCOMPARE(h.model.images(), before);
        QVERIFY(removedRows.isEmpty());
        QVERIFY(changed.isEmpty());

        sandbox.setFaults({});
        QVERIFY(h.load());
        QCOMPARE(h.catalog.state(), State::Loaded);
        QVERIFY(!h.catalog.lastError().isError());
        QCOMPARE(h.model.rowOfId(before.at(0).id), -1);
    }

    void oneFailedListingFailsTheRefresh()
    {
        SandboxFixture sandbox(300, 15);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        QVERIFY(h.load());
        const QList<Image> before = h.model.images();
        QSignalSpy failed(&h.catalog, &ImageCatalog::failed);
        QSignalSpy loaded(&h.catalog, &ImageCatalog::loaded);
        // Own and built-in images are two listings; the first list request of either fails, the other
        // listing succeeds. Only a refresh where both succeed may touch the model.
        sandbox.setFaults({{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                                                {u"path_contains"_s, u"/images"_s},
                                                                {u"fault"_s, u"500"_s},
                                                                {u"count"_s, 1}}}}});
        h.catalog.setIncludeBuiltIn(true);
        QVERIFY(failed.wait(LoadTimeoutMs));
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(h.model.images(), before);
        QCOMPARE(h.catalog.state(), State::Failed);
    }

    void cancelKeepsRows()
    {
        SandboxFixture sandbox(200, 16);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        QVERIFY(h.load());
        const QList<Image> before = h.model.images();
        QVERIFY(sandbox.server()->removeImage(before.at(3).id));

        QSignalSpy loaded(&h.catalog, &ImageCatalog::loaded);
        QSignalSpy failed(&h.catalog, &ImageCatalog::failed);
        QSignalSpy states(&h.catalog, &ImageCatalog::stateChanged);
        sandbox.setFaults({{u"latency_ms"_s, 400}});
        h.catalog.refresh();
        QCOMPARE(h.catalog.state(), State::Loading);
        h.catalog.cancel();
        QCOMPARE(h.catalog.state(), State::Loaded); // back to where it was
        QCOMPARE(states.count(), 2);
        // Longer than the latency: a listing that was not really stopped would have landed by now.
        QTest::qWait(700);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(h.model.images(), before);
        h.catalog.cancel(); // nothing running: no effect
        QCOMPARE(h.catalog.state(), State::Loaded);
    }

    void refreshWhileLoadingRestarts()
    {
        SandboxFixture sandbox(300, 17);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        sandbox.setFaults({{u"latency_ms"_s, 300}});
        QSignalSpy loaded(&h.catalog, &ImageCatalog::loaded);
        QSignalSpy states(&h.catalog, &ImageCatalog::stateChanged);
        h.catalog.refresh();
        QTRY_VERIFY(sandbox.server()->counters().value("list"_L1).toInt() > 0);
        // The user deletes elsewhere and presses refresh again: the second refresh shows the new state.
        const QString gone = pickIds(sandbox.state(), 1).at(0);
        QVERIFY(sandbox.server()->removeImage(gone));
        h.catalog.refresh();
        QVERIFY(loaded.wait(LoadTimeoutMs));
        QTest::qWait(700); // the abandoned listing must not report late
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(states.count(), 2); // Loading once, Loaded once
        QCOMPARE(h.model.rowOfId(gone), -1);
        QString why;
        QVERIFY2(modelMatches(h.model, liveImages(sandbox.state()), &why), qPrintable(why));
    }

    void pollingSettlesCreatingImages()
    {
        // The demo set saves two images "right now" and leaves one stuck in INIT; here none settles by
        // itself.
        sandbox::SandboxOptions options = sandbox::SandboxOptions::forDemo();
        options.demoSettleAfterMs = 60 * 60 * 1000;
        SandboxFixture sandbox(options);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        h.catalog.setAutomaticPolling(false);
        QVERIFY(h.load());

        QStringList creating;
        QStringList settling;
        for (const Image &image : h.model.images()) {
            if (image.status == u"CREATING"_s)
                creating.append(image.id);
            if (image.isSettling())
                settling.append(image.id);
        }
        creating.sort();
        settling.sort();
        QCOMPARE(creating.size(), 2);
        QCOMPARE(settling.size(), 3);
        QCOMPARE(h.catalog.watchedIds(), settling);
        for (const QString &id : std::as_const(settling)) {
            QCOMPARE(h.model.rowActivity(id), Activity::Polling);
            QVERIFY(h.model.data(h.model.index(h.model.rowOfId(id), ImageTableModel::Status))
                        .toString()
                        .contains(ImageTableModel::activityText(Activity::Polling)));
        }
        const auto shows = [&] { return sandbox.server()->counters().value("show"_L1).toInt(); };
        QCOMPARE(shows(), 0); // no timer asks while automatic polling is off

        // The two being saved are done: one tick brings their rows up to date, in place.
        for (const QString &id : std::as_const(creating))
            QVERIFY(sandbox.server()->patchImage(id, {{u"status"_s, u"ACTIVE"_s}}));
        QSignalSpy reset(&h.model, &QAbstractItemModel::modelReset);
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);
        QCOMPARE(h.catalog.pollNow(), 3);
        QCOMPARE(h.catalog.pollNow(), 0); // the tick is still answering
        QVERIFY(ticks.wait(LoadTimeoutMs));
        QCOMPARE(shows(), 3);
        QCOMPARE(h.catalog.watchedIds().size(), 1);
        for (const QString &id : std::as_const(creating)) {
            const Image &image = h.model.imageAt(h.model.rowOfId(id));
            QVERIFY2(!image.isSettling(), qPrintable(image.status));
            QCOMPARE(image, *sandbox.server()->image(id));
            QCOMPARE(h.model.rowActivity(id), Activity::None);
        }
        QCOMPARE(reset.count(), 0);

        // The stuck one settles too (someone ran SyncImage): nothing is left to watch and polling stops.
        const QString stuck = h.catalog.watchedIds().at(0);
        QVERIFY(sandbox.server()->patchImage(stuck, {{u"status"_s, u"ACTIVE"_s}}));
        QCOMPARE(h.catalog.pollNow(), 1);
        QVERIFY(ticks.wait(LoadTimeoutMs));
        QVERIFY(h.catalog.watchedIds().isEmpty());
        QCOMPARE(h.model.imageAt(h.model.rowOfId(stuck)).status, u"ACTIVE"_s);
        QCOMPARE(h.model.rowActivity(stuck), Activity::None);
        QCOMPARE(h.catalog.pollNow(), 0);
        QCOMPARE(shows(), 4);
    }

    // A server that lies about an id (a path, spaces) may still call the image settling: no request may carry
    // such an id, so the row is neither watched nor marked "Watching…", and no tick tries to ask about it.
    void settlingImageWithAnImplausibleIdIsNotWatched()
    {
        SandboxFixture sandbox(100, 31);
        QVERIFY(sandbox.start());
        QVERIFY(settleEveryImage(sandbox));
        const QString plausible = pickIds(sandbox.state(), 1).at(0);
        QVERIFY(sandbox.server()->patchImage(plausible, {{u"status"_s, u"CREATING"_s}}));
        QString error;
        const QString odd = sandbox.server()->addImage({{u"id"_s, u"../../evil?x=1#frag"_s},
                                                        {u"name"_s, u"odd"_s},
                                                        {u"tag"_s, u"v1"_s},
                                                        {u"status"_s, u"INIT"_s}},
                                                       &error);
        QVERIFY2(!odd.isEmpty(), qPrintable(error));
        Harness h(sandbox);
        h.catalog.setAutomaticPolling(false);
        QVERIFY(h.load());
        QVERIFY(h.model.rowOfId(odd) >= 0);
        QCOMPARE(h.catalog.watchedIds(), QStringList{plausible});
        QVERIFY(h.catalog.stuckIds().isEmpty());
        QCOMPARE(h.model.rowActivity(odd), Activity::None);
        QCOMPARE(h.model.rowActivity(plausible), Activity::Polling);
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);
        QCOMPARE(h.catalog.pollNow(), 1);
        QVERIFY(ticks.wait(LoadTimeoutMs));
        QCOMPARE(sandbox.server()->counters().value("show"_L1).toInt(), 1);
    }

    void automaticPollingFollowsTheInterval()
    {
        SandboxFixture sandbox(100, 27);
        QVERIFY(sandbox.start());
        QVERIFY(settleEveryImage(sandbox));
        const QString id = pickIds(sandbox.state(), 1).at(0);
        QVERIFY(sandbox.server()->patchImage(id, {{u"status"_s, u"CREATING"_s}}));
        Harness h(sandbox);
        h.catalog.setPollIntervalMs(50);
        QCOMPARE(h.catalog.pollIntervalMs(), 50);
        QVERIFY(h.catalog.automaticPolling());
        QVERIFY(h.load());
        QCOMPARE(h.catalog.watchedIds(), QStringList{id});

        // Nobody calls pollNow(): the timer's ticks find the image settled.
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);
        QVERIFY(ticks.wait(LoadTimeoutMs));
        QVERIFY(sandbox.server()->patchImage(id, {{u"status"_s, u"ACTIVE"_s}}));
        QTRY_VERIFY_WITH_TIMEOUT(h.catalog.watchedIds().isEmpty(), LoadTimeoutMs);
        QCOMPARE(h.model.imageAt(h.model.rowOfId(id)).status, u"ACTIVE"_s);
    }

    void pollingIsBoundedAndFair()
    {
        SandboxFixture sandbox(300, 18);
        QVERIFY(sandbox.start());
        // Exactly 45 images stuck in CREATING: more than one tick asks for.
        QVERIFY(settleEveryImage(sandbox));
        const QStringList settling = pickIds(sandbox.state(), 45);
        for (const QString &id : settling)
            QVERIFY(sandbox.server()->patchImage(id, {{u"status"_s, u"CREATING"_s}}));
        // Ticks 5 s apart, as the timer's, so that the account's poll budget has refilled for each.
        QDateTime now = QDateTime::currentDateTimeUtc();
        Harness h(sandbox, [&now] { return now; });
        h.catalog.setAutomaticPolling(false);

        static const QRegularExpression showPattern(u"^GET /v1/[^/]+/images/([0-9a-f-]{36}) "_s);
        QSet<QString> polled;
        connect(sandbox.server(), &sandbox::SandboxServer::requestHandled, this, [&](const QString &line) {
            const QRegularExpressionMatch match = showPattern.match(line);
            if (match.hasMatch())
                polled.insert(match.captured(1));
        });
        QVERIFY(h.load());
        QCOMPARE(h.catalog.watchedIds().size(), 45);
        const auto shows = [&] { return sandbox.server()->counters().value("show"_L1).toInt(); };
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);
        const auto tick = [&] {
            now = now.addSecs(5);
            const int asked = h.catalog.pollNow();
            return asked > 0 && ticks.wait(LoadTimeoutMs) ? asked : -1;
        };

        // One tick asks for no more than its share.
        QCOMPARE(tick(), ImageCatalog::MaxPollsPerTick);
        QCOMPARE(shows(), ImageCatalog::MaxPollsPerTick);
        // Round robin: within a round of ticks every settling image was asked for.
        const int round = (45 + ImageCatalog::MaxPollsPerTick - 1) / ImageCatalog::MaxPollsPerTick;
        for (int i = 1; i < round; ++i)
            QCOMPARE(tick(), ImageCatalog::MaxPollsPerTick);
        QCOMPARE(shows(), 45);
        QCOMPARE(polled, QSet<QString>(settling.cbegin(), settling.cend()));

        // One settles, one disappears (deleted elsewhere): the row updates, the other row goes.
        QVERIFY(sandbox.server()->patchImage(settling.at(0), {{u"status"_s, u"ACTIVE"_s}}));
        QVERIFY(sandbox.server()->removeImage(settling.at(1)));
        for (int i = 0; i < round; ++i)
            QVERIFY(tick() > 0);
        QCOMPARE(h.model.rowOfId(settling.at(1)), -1);
        QCOMPARE(h.model.imageAt(h.model.rowOfId(settling.at(0))).status, u"ACTIVE"_s);
        QCOMPARE(h.model.rowActivity(settling.at(0)), Activity::None);
        QCOMPARE(h.catalog.watchedIds().size(), 43);
    }

    void pollRateIsBoundedPerAccount()
    {
        // 100 images being saved at once used to mean 4 ShowImage requests a second for as long as they
        // took; the account's polls now average PollsPerSecond, however often a tick comes.
        SandboxFixture sandbox(300, 28);
        QVERIFY(sandbox.start());
        QVERIFY(settleEveryImage(sandbox));
        for (const QString &id : pickIds(sandbox.state(), 100))
            QVERIFY(sandbox.server()->patchImage(id, {{u"status"_s, u"CREATING"_s}}));
        QDateTime now = QDateTime::currentDateTimeUtc();
        Harness h(sandbox, [&now] { return now; });
        h.catalog.setAutomaticPolling(false);
        QVERIFY(h.load());
        QCOMPARE(h.catalog.watchedIds().size(), 100);
        const auto shows = [&] { return sandbox.server()->counters().value("show"_L1).toInt(); };
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);

        // A tick every 100 ms for a minute.
        constexpr int Seconds = 60;
        for (int step = 0; step < Seconds * 10; ++step) {
            now = now.addMSecs(100);
            if (h.catalog.pollNow() > 0)
                QVERIFY(ticks.wait(LoadTimeoutMs));
        }
        const int budget = Seconds * ImageCatalog::PollsPerSecond + ImageCatalog::MaxPollsPerTick;
        QVERIFY2(shows() <= budget, qPrintable(u"%1 polls in %2 s"_s.arg(shows()).arg(Seconds)));
        // Bounded, not stopped: the budget is used.
        QVERIFY2(shows() >= Seconds * ImageCatalog::PollsPerSecond - 1, qPrintable(QString::number(shows())));
        QCOMPARE(h.catalog.watchedIds().size(), 100);
    }

    void stuckImagesAreNoLongerPolled()
    {
        SandboxFixture sandbox(100, 29);
        QVERIFY(sandbox.start());
        QVERIFY(settleEveryImage(sandbox));
        // Saving since years ago, and never changing.
        const qint64 yearsAgo = QDateTime::currentDateTimeUtc().addYears(-3).toMSecsSinceEpoch();
        QString error;
        const QString id = sandbox.server()->addImage({{u"id"_s, u"0a1b2c3d-0000-4000-8000-00000000cafe"_s},
                                                       {u"name"_s, u"saving-since-long-ago"_s},
                                                       {u"tag"_s, u"v1"_s},
                                                       {u"status"_s, u"CREATING"_s},
                                                       {u"create_at"_s, yearsAgo},
                                                       {u"update_at"_s, yearsAgo}},
                                                      &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QDateTime now = QDateTime::currentDateTimeUtc();
        Harness h(sandbox, [&now] { return now; });
        h.catalog.setAutomaticPolling(false);
        QVERIFY(h.load());
        QCOMPARE(h.catalog.watchedIds(), QStringList{id});
        const auto shows = [&] { return sandbox.server()->counters().value("show"_L1).toInt(); };
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);

        // Watched every 5 s for half an hour: unchanged all along.
        const int ticksInWait = int(ImageCatalog::StuckAfterMs / 5000);
        for (int i = 0; i < ticksInWait; ++i) {
            now = now.addSecs(5);
            if (h.catalog.pollNow() > 0)
                QVERIFY(ticks.wait(LoadTimeoutMs));
        }
        const int polled = shows();
        QVERIFY(polled > 0);
        QVERIFY(h.catalog.watchedIds().isEmpty());
        QCOMPARE(h.catalog.stuckIds(), QStringList{id});
        QCOMPARE(h.model.rowActivity(id), Activity::Stuck);
        const QModelIndex status = h.model.index(h.model.rowOfId(id), ImageTableModel::Status);
        QVERIFY2(status.data().toString().contains(u"stuck?"_s), qPrintable(status.data().toString()));
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(u"Resync Status"_s));

        // A day later it has still not been asked for again.
        for (int i = 0; i < 100; ++i) {
            now = now.addSecs(900);
            QCOMPARE(h.catalog.pollNow(), 0);
        }
        QCOMPARE(shows(), polled);

        // A refresh that finds it unchanged keeps it marked; Resync asks the server and watches it afresh.
        QVERIFY(h.load());
        QCOMPARE(h.catalog.stuckIds(), QStringList{id});
        QCOMPARE(h.model.rowActivity(id), Activity::Stuck);
        QSignalSpy resynced(&h.catalog, &ImageCatalog::resyncFinished);
        h.catalog.resync(id);
        QVERIFY(resynced.wait(LoadTimeoutMs));
        QVERIFY(h.catalog.stuckIds().isEmpty());
        QCOMPARE(h.model.rowActivity(id), Activity::None);
        QCOMPARE(h.model.imageAt(h.model.rowOfId(id)).status, u"ACTIVE"_s);
    }

    void lateAnswerNeverBringsARowBack()
    {
        SandboxFixture sandbox(100, 26);
        QVERIFY(sandbox.start());
        QVERIFY(settleEveryImage(sandbox));
        const QString id = pickIds(sandbox.state(), 1).at(0);
        QVERIFY(sandbox.server()->patchImage(id, {{u"status"_s, u"CREATING"_s}}));
        Harness h(sandbox);
        h.catalog.setAutomaticPolling(false);
        QVERIFY(h.load());
        QCOMPARE(h.catalog.watchedIds(), QStringList{id});

        // The poll is on its way when the user deletes the image and the app removes its row.
        sandbox.setFaults({{u"latency_ms"_s, 400}});
        QSignalSpy ticks(&h.catalog, &ImageCatalog::pollTickFinished);
        QCOMPARE(h.catalog.pollNow(), 1);
        QTRY_COMPARE(sandbox.server()->counters().value("show"_L1).toInt(), 1);
        h.model.removeImage(id);
        QVERIFY(ticks.wait(LoadTimeoutMs)); // the answer has arrived
        QCOMPARE(h.model.rowOfId(id), -1);
    }

    void resyncUpdatesTheRow()
    {
        SandboxFixture sandbox(200, 19);
        QVERIFY(sandbox.start());
        const QStringList ids = pickIds(sandbox.state(), 2);
        // Stuck in ERROR: SyncImage finds it fine.
        QVERIFY(sandbox.server()->patchImage(ids.at(0), {{u"status"_s, u"ERROR"_s}}));
        Harness h(sandbox);
        QVERIFY(h.load());
        QCOMPARE(h.model.imageAt(h.model.rowOfId(ids.at(0))).status, u"ERROR"_s);

        QSignalSpy finished(&h.catalog, &ImageCatalog::resyncFinished);
        h.catalog.resync(ids.at(0));
        QCOMPARE(h.model.rowActivity(ids.at(0)), Activity::Resyncing);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toString(), ids.at(0));
        QVERIFY(!finished.at(0).at(1).value<ApiError>().isError());
        QCOMPARE(h.model.imageAt(h.model.rowOfId(ids.at(0))).status, u"ACTIVE"_s);
        QCOMPARE(h.model.rowActivity(ids.at(0)), Activity::None);
        QCOMPARE(sandbox.server()->counters().value("sync"_L1).toInt(), 1);

        // Deleted elsewhere: the resync says not found and the row goes.
        QVERIFY(sandbox.server()->removeImage(ids.at(1)));
        h.catalog.resync(ids.at(1));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(1).at(1).value<ApiError>().kind, ErrorKind::NotFound);
        QCOMPARE(h.model.rowOfId(ids.at(1)), -1);
    }

    void detachingClearsEverything()
    {
        SandboxFixture sandbox(200, 20);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        QVERIFY(h.load());
        QVERIFY(h.model.rowCount() > 0);
        QSignalSpy reset(&h.model, &QAbstractItemModel::modelReset);
        QSignalSpy states(&h.catalog, &ImageCatalog::stateChanged);
        QSignalSpy loaded(&h.catalog, &ImageCatalog::loaded);
        QSignalSpy resyncs(&h.catalog, &ImageCatalog::resyncFinished);

        sandbox.setFaults({{u"latency_ms"_s, 300}});
        h.catalog.refresh();
        h.catalog.resync(h.model.imageAt(0).id);
        h.catalog.setClient(nullptr);
        QCOMPARE(h.catalog.client(), nullptr);
        QCOMPARE(h.model.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(h.catalog.state(), State::Idle);
        QVERIFY(!h.catalog.lastRefreshed().isValid());
        QCOMPARE(resyncs.count(), 1);
        QCOMPARE(resyncs.at(0).at(1).value<ApiError>().kind, ErrorKind::Cancelled);

        h.catalog.refresh(); // no account: nothing happens
        QCOMPARE(h.catalog.state(), State::Idle);
        QTest::qWait(600);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(h.model.rowCount(), 0);

        h.catalog.resync(u"whatever"_s);
        QCOMPARE(resyncs.count(), 2);
        QCOMPARE(resyncs.at(1).at(1).value<ApiError>().kind, ErrorKind::Cancelled);

        // Attaching again loads again.
        sandbox.setFaults({});
        h.catalog.setClient(&h.client);
        QVERIFY(h.load());
        QCOMPARE(h.model.rowCount(), liveImages(sandbox.state()).size());
    }

    // Qt's raster paint engine splits large fills into tasks on QThreadPool::globalInstance() and blocks the
    // GUI thread until they have run, so a listing's work (parsing pages, merging them) must take none of
    // that pool's threads: with every one of them held, the listing still loads, progressively.
    void listingLeavesQtsGlobalPoolFree()
    {
        SandboxFixture sandbox(3000, 30);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        h.client.setPageSize(100);
        QThreadPool *global = QThreadPool::globalInstance();
        const int threads = global->maxThreadCount();
        QSemaphore running;
        QSemaphore release;
        for (int i = 0; i < threads; ++i) {
            global->start([&running, &release] {
                running.release();
                release.acquire();
            });
        }
        const auto freeThePool = qScopeGuard([&] {
            release.release(threads);
            global->waitForDone();
        });
        QVERIFY(running.tryAcquire(threads, 5000));

        QVERIFY(h.load());
        QVERIFY(h.catalog.isComplete());
        QString why;
        QVERIFY2(modelMatches(h.model, liveImages(sandbox.state()), &why), qPrintable(why));
    }

    void firstLoadShowsRowsAsPagesArrive()
    {
        SandboxFixture sandbox(3000, 21);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        h.client.setPageSize(100);
        h.model.sort(ImageTableModel::Name, Qt::DescendingOrder);
        ImageFilterModel filter;
        filter.setSourceModel(&h.model);
        filter.setText(u"a"_s);
        QAbstractItemModelTester tester(&h.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        sandbox.setFaults({{u"latency_ms"_s, 60}});
        const qsizetype expectedRows = liveImages(sandbox.state()).size();

        // The rows and the filtered rows, checked every time rows arrive before the listing is done.
        int checks = 0;
        bool sorted = true;
        bool filtered = true;
        // (Rows inserted at the end move to their places with the layoutChanged that follows at once.)
        connect(&h.model, &QAbstractItemModel::rowsInserted, this, [&] {
            if (h.catalog.state() == State::Loading && h.model.rowCount() < expectedRows) {
                ++checks;
                QVERIFY(!h.catalog.isComplete());
            }
        });
        connect(&h.model, &QAbstractItemModel::layoutChanged, this, [&] {
            for (int row = 1; row < h.model.rowCount(); ++row)
                sorted = sorted && h.model.compareRows(row - 1, row, ImageTableModel::Name) >= 0;
            for (int row = 0; row < filter.rowCount(); ++row) {
                const QModelIndex source = filter.mapToSource(filter.index(row, 0));
                const Image &image = h.model.imageAt(source.row());
                const QString searched =
                    image.name + image.tag + image.id + image.swrPath + image.nameSpace + image.description;
                filtered = filtered && searched.contains(u'a', Qt::CaseInsensitive);
            }
        });
        QVERIFY(h.load());
        QVERIFY2(checks >= 2,
                 qPrintable(QString::number(checks))); // the first page, then more before the end
        QVERIFY(sorted);
        QVERIFY(filtered);
        QVERIFY(h.catalog.isComplete());
        QVERIFY(!h.catalog.isIncomplete());
        QString why;
        QVERIFY2(modelMatches(h.model, liveImages(sandbox.state()), &why), qPrintable(why));
        for (int row = 1; row < h.model.rowCount(); ++row)
            QVERIFY(h.model.compareRows(row - 1, row, ImageTableModel::Name) >= 0);
    }

    void failedFirstLoadLeavesAnIncompleteList()
    {
        SandboxFixture sandbox(2000, 22);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        h.client.setPageSize(100);
        QAbstractItemModelTester tester(&h.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The first page arrives; every later one fails.
        sandbox.setFaults({{u"latency_ms"_s, 30}});
        QSignalSpy failed(&h.catalog, &ImageCatalog::failed);
        connect(&h.model, &QAbstractItemModel::rowsInserted, this, [&sandbox] {
            sandbox.setFaults({{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                                                    {u"path_contains"_s, u"/images"_s},
                                                                    {u"fault"_s, u"500"_s},
                                                                    {u"count"_s, 1000}}}}});
        });
        h.catalog.refresh();
        QVERIFY(failed.wait(LoadTimeoutMs));
        QCOMPARE(h.catalog.state(), State::Failed);
        QVERIFY(h.model.rowCount() > 0);
        QVERIFY(h.model.rowCount() < liveImages(sandbox.state()).size());
        QVERIFY(!h.catalog.isComplete());
        QVERIFY(h.catalog.isIncomplete());

        sandbox.setFaults({});
        QVERIFY(h.load());
        QVERIFY(h.catalog.isComplete());
        QVERIFY(!h.catalog.isIncomplete());
        QString why;
        QVERIFY2(modelMatches(h.model, liveImages(sandbox.state()), &why), qPrintable(why));
    }

    void cancelledFirstLoadIsIncomplete()
    {
        SandboxFixture sandbox(2000, 23);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        h.client.setPageSize(100);
        sandbox.setFaults({{u"latency_ms"_s, 150}});
        h.catalog.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(h.model.rowCount() > 0, LoadTimeoutMs);
        h.catalog.cancel();
        QCOMPARE(h.catalog.state(), State::Failed);
        QCOMPARE(h.catalog.lastError().kind, ErrorKind::Cancelled);
        QVERIFY(h.catalog.isIncomplete());
        const int rows = h.model.rowCount();
        QTest::qWait(400); // nothing lands after Cancel
        QCOMPARE(h.model.rowCount(), rows);
    }

    void refreshOfALoadedTableIsOneMerge()
    {
        SandboxFixture sandbox(2000, 24);
        QVERIFY(sandbox.start());
        Harness h(sandbox);
        h.client.setPageSize(100);
        QVERIFY(h.load());
        QVERIFY(sandbox.server()->removeImage(h.model.imageAt(0).id));
        sandbox.setFaults({{u"latency_ms"_s, 30}});
        QSignalSpy inserted(&h.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&h.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy progress(&h.catalog, &ImageCatalog::progress);
        h.catalog.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 3, LoadTimeoutMs);
        QCOMPARE(removed.count(), 0); // nothing moves until every page is in
        QVERIFY(h.catalog.isComplete());
        QVERIFY(QTest::qWaitFor([&] { return h.catalog.state() == State::Loaded; }, LoadTimeoutMs));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "test_catalog.moc"
