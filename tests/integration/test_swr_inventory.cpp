// SwrInventory against the in-process sandbox: the unregistered tags it finds are exactly the sandbox's, a
// user without SWR permissions gets permissionDenied(), a load can be cancelled, and 10,000 tags over 500
// repositories load whole without stalling the event loop.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/storage/SwrInventory.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;

namespace {

// The images ModelArts lists: the sandbox's live ones.
QList<Image> liveImages(const SandboxFixture &sandbox)
{
    QList<Image> images;
    for (const QJsonValue &value : sandbox.state().value("images"_L1).toArray()) {
        const QJsonObject object = value.toObject();
        if (object.value("deleted"_L1).toBool())
            continue;
        if (std::optional<Image> image = Image::fromJson(object))
            images.append(*image);
    }
    return images;
}

struct TruthTag
{
    qint64 size = -1;
    bool registered = false;
};

QHash<QString, TruthTag> truthTags(const SandboxFixture &sandbox)
{
    QHash<QString, TruthTag> tags;
    for (const QJsonValue &value : sandbox.state().value("swr"_L1).toObject().value("tags"_L1).toArray()) {
        const QJsonObject tag = value.toObject();
        tags.insert(tag.value("namespace"_L1).toString() + u'/' + tag.value("repository"_L1).toString() +
                        u':' + tag.value("tag"_L1).toString(),
                    TruthTag{tag.value("size"_L1).toInteger(-1), tag.value("registered"_L1).toBool()});
    }
    return tags;
}

// The longest time the event loop went without running a 5 ms timer, while it runs.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
                         [this] { m_longest = qMax(m_longest, m_sinceLast.restart()); });
        m_sinceLast.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    qint64 m_longest = 0;
};

} // namespace

class TestSwrInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unregisteredTagsEqualTheSandboxTruth();
    void forbiddenIsPermissionDenied();
    void cancelStopsTheLoad();
    void tenThousandTagsOverFiveHundredRepositories();
};

void TestSwrInventory::unregisteredTagsEqualTheSandboxTruth()
{
    SandboxFixture sandbox(300, 7);
    QVERIFY(sandbox.start());
    QNetworkAccessManager network;
    ApiClient client(&network, sandbox.akskSettings());
    SwrInventory inventory;
    QSignalSpy loaded(&inventory, &SwrInventory::loaded);
    QSignalSpy progress(&inventory, &SwrInventory::progress);
    QSignalSpy states(&inventory, &SwrInventory::stateChanged);

    inventory.load(&client, liveImages(sandbox), UsageSummary());
    QCOMPARE(inventory.state(), SwrInventory::State::Loading);
    QVERIFY(loaded.wait(60000));
    QCOMPARE(inventory.state(), SwrInventory::State::Loaded);
    QVERIFY(!inventory.error().isError());
    QCOMPARE(states.last().at(0).value<SwrInventory::State>(), SwrInventory::State::Loaded);

    const QHash<QString, TruthTag> truth = truthTags(sandbox);
    QSet<QString> expectedUnregistered, expectedRegistered;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it)
        (it->registered ? expectedRegistered : expectedUnregistered).insert(it.key());
    QVERIFY(!expectedUnregistered.isEmpty());
    QVERIFY(!expectedRegistered.isEmpty());

    const StorageFacts &facts = inventory.facts();
    QSet<QString> unregistered, registered;
    qint64 unregisteredBytes = 0;
    for (const StoredTag &tag : facts.tags) {
        (tag.isRegistered() ? registered : unregistered).insert(tag.displayName());
        QCOMPARE(tag.sizeBytes, truth.value(tag.displayName()).size);
        if (!tag.isRegistered())
            unregisteredBytes += tag.sizeBytes;
    }
    QCOMPARE(unregistered, expectedUnregistered);
    QCOMPARE(registered, expectedRegistered);
    QCOMPARE(facts.tags.size(), truth.size());
    const QJsonObject swr = sandbox.state().value("swr"_L1).toObject();
    QCOMPARE(facts.unregisteredBytes(), swr.value("unregistered_bytes"_L1).toInteger());
    QCOMPARE(unregisteredBytes, facts.unregisteredBytes());
    QCOMPARE(facts.registeredBytes() + facts.unregisteredBytes(), swr.value("bytes"_L1).toInteger());
    // Repositories whose names hold a "/" were read through "$".
    bool slashed = false;
    for (const StoredTag &tag : facts.tags)
        slashed = slashed || tag.repository.contains(u'/');
    QVERIFY(slashed);

    QVERIFY(!progress.isEmpty());
    const QList<QVariant> last = progress.last();
    QCOMPARE(last.at(0).toInt(), last.at(1).toInt());
    QCOMPARE(last.at(1).toInt(), int(facts.repositories.size()));
}

void TestSwrInventory::forbiddenIsPermissionDenied()
{
    SandboxFixture sandbox(40, 3);
    QVERIFY(sandbox.start());
    sandbox.server()->setSwrForbidden(true);
    QNetworkAccessManager network;
    ApiClient client(&network, sandbox.akskSettings());
    SwrInventory inventory;
    QSignalSpy failed(&inventory, &SwrInventory::failed);
    QSignalSpy loaded(&inventory, &SwrInventory::loaded);

    inventory.load(&client, liveImages(sandbox), UsageSummary());
    QVERIFY(failed.wait(30000));
    QCOMPARE(inventory.state(), SwrInventory::State::Failed);
    QVERIFY(inventory.permissionDenied());
    QCOMPARE(inventory.error().kind, ErrorKind::Permission);
    QCOMPARE(inventory.error().httpStatus, 403);
    QCOMPARE(failed.first().at(0).value<ApiError>().kind, ErrorKind::Permission);
    QVERIFY(loaded.isEmpty());

    // Granted again, the next load succeeds and the state says so.
    sandbox.server()->setSwrForbidden(false);
    inventory.load(&client, liveImages(sandbox), UsageSummary());
    QVERIFY(loaded.wait(30000));
    QVERIFY(!inventory.permissionDenied());
    QVERIFY(!inventory.facts().tags.isEmpty());
}

void TestSwrInventory::cancelStopsTheLoad()
{
    SandboxFixture sandbox(100, 5);
    QVERIFY(sandbox.start());
    sandbox.setFaults(QJsonObject{{"latency_ms"_L1, 50}});
    QNetworkAccessManager network;
    ApiClient client(&network, sandbox.akskSettings());
    SwrInventory inventory;
    QSignalSpy failed(&inventory, &SwrInventory::failed);
    QSignalSpy loaded(&inventory, &SwrInventory::loaded);
    QSignalSpy progress(&inventory, &SwrInventory::progress);

    inventory.load(&client, liveImages(sandbox), UsageSummary());
    QVERIFY(progress.wait(30000)); // the repositories are listed, tags being read
    inventory.cancel();
    QCOMPARE(inventory.state(), SwrInventory::State::Failed);
    QCOMPARE(inventory.error().kind, ErrorKind::Cancelled);
    QCOMPARE(failed.count(), 1);
    const int requestsAfterCancel = sandbox.state().value("requests"_L1).toInt();
    QTest::qWait(300);
    QCOMPARE(sandbox.state().value("requests"_L1).toInt(), requestsAfterCancel);
    QVERIFY(loaded.isEmpty());
    QCOMPARE(failed.count(), 1);
}

void TestSwrInventory::tenThousandTagsOverFiveHundredRepositories()
{
    SandboxFixture sandbox(200, 11);
    QVERIFY(sandbox.start());
    QString error;
    QCOMPARE(sandbox.server()->addSwrTags(QJsonObject{{"count"_L1, 10000},
                                                      {"repositories"_L1, 500},
                                                      {"namespace"_L1, "bulk"_L1},
                                                      {"seed"_L1, 3}},
                                          &error),
             10000);
    QNetworkAccessManager network;
    ApiClient client(&network, sandbox.akskSettings());
    SwrInventory inventory;
    QSignalSpy loaded(&inventory, &SwrInventory::loaded);
    QSignalSpy failed(&inventory, &SwrInventory::failed);

    StallProbe stalls;
    QElapsedTimer timer;
    timer.start();
    inventory.load(&client, liveImages(sandbox), UsageSummary());
    QVERIFY(loaded.wait(300000));
    const qint64 elapsed = timer.elapsed();
    QVERIFY(failed.isEmpty());
    qInfo("10,000 tags over 500 repositories loaded in %lld ms; longest event-loop stall %lld ms", elapsed,
          stalls.longestMs());

    // Again, with the sandbox's SWR snapshot already built: what stalls now is the client's own work.
    StallProbe secondStalls;
    timer.restart();
    inventory.load(&client, liveImages(sandbox), UsageSummary());
    QVERIFY(loaded.wait(300000));
    qInfo("loaded again in %lld ms; longest event-loop stall %lld ms", timer.elapsed(),
          secondStalls.longestMs());

    const StorageFacts &facts = inventory.facts();
    const OrganizationStorage *bulk = nullptr;
    for (const OrganizationStorage &organization : facts.organizations) {
        if (organization.name == "bulk"_L1)
            bulk = &organization;
    }
    QVERIFY(bulk);
    QCOMPARE(bulk->tagCount, 10000);
    QCOMPARE(bulk->repositoryCount, 500);
    QCOMPARE(bulk->unregisteredTagCount, 10000);
    QCOMPARE(facts.tags.size(), truthTags(sandbox).size());
}

QTEST_MAIN(TestSwrInventory)
#include "test_swr_inventory.moc"
