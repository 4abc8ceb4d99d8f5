// ListImageGroup and DeleteImageGroup through the real ApiClient against an in-process sandbox: every page
// of groups, a whole group deleted through the deletion queue with and without its SWR content (checked in
// the sandbox's state and the deletion journal), a group with a version in use refused, a group deleted
// twice, a group's lost answer settled with the server.

#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "models/groups/ImageGroupLoader.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr int TimeoutMs = 20000;

} // namespace

class TestImageGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loadsEveryGroupLikeTheServer();
    void pagesThroughManyGroups();
    void groupsListedWithoutIdAreAllKept();
    void deletesGroupWithSwrContent();
    void deletesGroupKeepingSwrContent();
    void refusesGroupWithVersionInUse();
    void deletingAGoneGroupSaysSo();
    void lostAnswerOnAGroupIsSettledWithTheServer();
    void lostAnswerOnAGroupWithoutAnswerIsUnknown();
    void updatesGroupDetails();

private:
    QString addImage(QJsonObject json);
    QList<Image> liveVersions(const QString &nameSpace, const QString &name) const;
    ImageGroup loadGroup(const QString &nameSpace, const QString &name);
    // Deletes the group through a deletion queue on the test's journal; the run's summary.
    std::optional<DeletionSummary> runDeletion(const ImageGroup &group, const QList<Image> &versions,
                                               bool force, DeletionJournal *journal);

    // A client whose DELETE of the group stalls past its timeout (the server carries it out), then gets a
    // 500 on the retry: the answer of the attempt that deleted the group is lost.
    std::unique_ptr<ApiClient> clientThatLosesTheGroupsAnswer(const ImageGroup &group,
                                                              const QJsonArray &moreFaults = {});

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DeletionJournal> m_journal;
};

void TestImageGroups::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(40, 11);
    QVERIFY(m_sandbox->start());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // lab/bert: two private versions and a public one; lab/busy: one version is used by a notebook.
    addImage({{u"namespace"_s, u"lab"_s},
              {u"name"_s, u"bert"_s},
              {u"tag"_s, u"v1"_s},
              {u"size"_s, 1000},
              {u"create_at"_s, now - 3 * 86400000LL}});
    addImage({{u"namespace"_s, u"lab"_s},
              {u"name"_s, u"bert"_s},
              {u"tag"_s, u"v2"_s},
              {u"size"_s, 2000},
              {u"create_at"_s, now - 2 * 86400000LL}});
    addImage({{u"namespace"_s, u"lab"_s},
              {u"name"_s, u"bert"_s},
              {u"tag"_s, u"shared"_s},
              {u"size"_s, 3000},
              {u"visibility"_s, u"PUBLIC"_s},
              {u"create_at"_s, now - 86400000LL}});
    addImage({{u"namespace"_s, u"lab"_s}, {u"name"_s, u"busy"_s}, {u"tag"_s, u"v1"_s}});
    addImage({{u"namespace"_s, u"lab"_s}, {u"name"_s, u"busy"_s}, {u"tag"_s, u"v2"_s}, {u"in_use"_s, true}});

    m_network = std::make_unique<QNetworkAccessManager>();
    ConnectionSettings settings = m_sandbox->akskSettings();
    settings.retry.maxAttempts = 1;
    m_client = std::make_unique<ApiClient>(m_network.get(), settings);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_journal = std::make_unique<DeletionJournal>(m_dir->filePath(u"journal.jsonl"_s));
}

void TestImageGroups::cleanup()
{
    m_journal.reset();
    m_dir.reset();
    m_client.reset();
    m_network.reset();
    m_sandbox.reset();
}

QString TestImageGroups::addImage(QJsonObject json)
{
    json.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    QString error;
    const QString id = m_sandbox->server()->addImage(json, &error);
    if (id.isEmpty())
        qWarning() << "could not add a sandbox image:" << error;
    return id;
}

QList<Image> TestImageGroups::liveVersions(const QString &nameSpace, const QString &name) const
{
    QList<Image> result;
    const QJsonArray images = m_sandbox->state().value(u"images"_s).toArray();
    for (const QJsonValue &value : images) {
        const QJsonObject object = value.toObject();
        const std::optional<Image> image = Image::fromJson(object);
        if (image && !object.value(u"deleted"_s).toBool() && image->nameSpace == nameSpace &&
            image->name == name)
            result.append(*image);
    }
    return result;
}

ImageGroup TestImageGroups::loadGroup(const QString &nameSpace, const QString &name)
{
    ImageGroupLoader loader(m_client.get());
    QSignalSpy finished(&loader, &ImageGroupLoader::finished);
    loader.load();
    if (!finished.wait(TimeoutMs) || loader.error().isError())
        return {};
    for (const ImageGroup &group : loader.groups()) {
        if (group.nameSpace == nameSpace && group.name == name)
            return group;
    }
    return {};
}

std::optional<DeletionSummary> TestImageGroups::runDeletion(const ImageGroup &group,
                                                            const QList<Image> &versions, bool force,
                                                            DeletionJournal *journal)
{
    DeletionQueue queue(journal);
    queue.setClient(m_client.get());
    queue.setAccountContext(u"Sandbox"_s, u"cn-north-4"_s, m_client->projectId());
    QSignalSpy finished(&queue, &DeletionQueue::finished);
    queue.enqueue({DeletionRequest::forGroup({group.id, group.name, group.nameSpace}, versions, force)});
    if (!finished.wait(TimeoutMs) || finished.count() != 1)
        return std::nullopt;
    return finished.constFirst().constFirst().value<DeletionSummary>();
}

void TestImageGroups::loadsEveryGroupLikeTheServer()
{
    ImageGroupLoader loader(m_client.get());
    QSignalSpy finished(&loader, &ImageGroupLoader::finished);
    loader.load();
    QVERIFY(loader.isLoading());
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY2(!loader.error().isError(), qPrintable(loader.error().fullText()));

    // One group per namespace/name of the live own images, each with its number of versions.
    QHash<QString, int> expected;
    const QJsonArray images = m_sandbox->state().value(u"images"_s).toArray();
    for (const QJsonValue &value : images) {
        const QJsonObject object = value.toObject();
        if (!object.value(u"deleted"_s).toBool() && object.value(u"type"_s).toString() == u"DEDICATED"_s)
            ++expected[object.value(u"namespace"_s).toString() + u'/' + object.value(u"name"_s).toString()];
    }
    QCOMPARE(loader.groups().size(), expected.size());
    for (const ImageGroup &group : loader.groups())
        QCOMPARE(group.versionCount, expected.value(group.key()));
    const ImageGroup bert = loadGroup(u"lab"_s, u"bert"_s);
    QCOMPARE(bert.versionCount, 3);
    QVERIFY(!bert.id.isEmpty());
}

void TestImageGroups::pagesThroughManyGroups()
{
    const int extra = ImageGroupLoader::PageSize + 150;
    for (int i = 0; i < extra; ++i)
        addImage({{u"namespace"_s, u"bulk"_s}, {u"name"_s, u"model-%1"_s.arg(i)}});
    const qint64 requestsBefore =
        m_sandbox->state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger();

    ImageGroupLoader loader(m_client.get());
    QSignalSpy finished(&loader, &ImageGroupLoader::finished);
    loader.load();
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY(!loader.error().isError());
    QSet<QString> ids;
    int bulk = 0;
    for (const ImageGroup &group : loader.groups()) {
        ids.insert(group.id);
        bulk += group.nameSpace == u"bulk"_s ? 1 : 0;
    }
    QCOMPARE(bulk, extra);
    QCOMPARE(ids.size(), loader.groups().size());
    const qint64 requests =
        m_sandbox->state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger() - requestsBefore;
    QCOMPARE(requests,
             qint64((loader.groups().size() + ImageGroupLoader::PageSize - 1) / ImageGroupLoader::PageSize));
}

// Groups that the server lists without an id (the OTC copy shows such records) are kept, each once, told
// apart by namespace/name; the deletion queue refuses one, so no request can address it.
void TestImageGroups::groupsListedWithoutIdAreAllKept()
{
    m_sandbox->setFaults({{u"groups_without_id"_s, QJsonArray{u"lab/bert"_s, u"lab/busy"_s}}});
    ImageGroupLoader loader(m_client.get());
    QSignalSpy finished(&loader, &ImageGroupLoader::finished);
    loader.load();
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY2(!loader.error().isError(), qPrintable(loader.error().fullText()));
    QVERIFY(loader.skippedRecords().isEmpty());
    QStringList withoutId;
    for (const ImageGroup &group : loader.groups()) {
        if (!group.hasId())
            withoutId.append(group.key());
    }
    withoutId.sort();
    QCOMPARE(withoutId, (QStringList{u"lab/bert"_s, u"lab/busy"_s}));

    const ImageGroup bert = loadGroup(u"lab"_s, u"bert"_s);
    QCOMPARE(bert.versionCount, 3);
    const qint64 before = m_sandbox->state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger();
    QTemporaryDir dir;
    DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
    DeletionQueue queue(&journal);
    queue.setClient(m_client.get());
    queue.enqueue({DeletionRequest::forGroup({bert.id, bert.name, bert.nameSpace},
                                             liveVersions(u"lab"_s, u"bert"_s), false)});
    QVERIFY(!queue.isRunning());
    QTest::qWait(50);
    QCOMPARE(m_sandbox->state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger(), before);
    QVERIFY(journal.readAll().isEmpty());
    QCOMPARE(liveVersions(u"lab"_s, u"bert"_s).size(), 3);
}

void TestImageGroups::deletesGroupWithSwrContent()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"bert"_s);
    QVERIFY(!group.id.isEmpty());
    const QList<Image> versions = liveVersions(u"lab"_s, u"bert"_s);
    QCOMPARE(versions.size(), 3);

    const std::optional<DeletionSummary> summary = runDeletion(group, versions, true, m_journal.get());
    QVERIFY(summary);
    QCOMPARE(summary->count(DeletionResult::Outcome::Deleted), 3);
    for (const DeletionResult &result : summary->results) {
        QCOMPARE(result.group->id, group.id);
        QCOMPARE(result.force, result.image.isPrivate());
    }

    for (const Image &image : versions) {
        const QJsonObject state = m_sandbox->imageState(image.id);
        QVERIFY(state.value(u"deleted"_s).toBool());
        // SWR content goes for the private versions only.
        QCOMPARE(state.value(u"swr_content_deleted"_s).toBool(), image.isPrivate());
    }
    QVERIFY(liveVersions(u"lab"_s, u"bert"_s).isEmpty());
    QVERIFY(loadGroup(u"lab"_s, u"bert"_s).id.isEmpty());

    // The journal has an intent and an outcome per version, with the force that applied to it.
    const QList<QJsonObject> lines = m_journal->readAll();
    QCOMPARE(lines.size(), 6);
    int intents = 0;
    int outcomes = 0;
    for (const QJsonObject &line : lines) {
        if (line.value(u"phase"_s).toString() == u"intent"_s) {
            ++intents;
            const bool isPrivate =
                line.value(u"image"_s).toObject().value(u"visibility"_s).toString() == u"PRIVATE"_s;
            QCOMPARE(line.value(u"force"_s).toBool(), isPrivate);
            QCOMPARE(line.value(u"profile"_s).toString(), u"Sandbox"_s);
            // Each version's line says which group it went with.
            QCOMPARE(DeletionJournal::groupOfIntent(line)->id, group.id);
            QCOMPARE(DeletionJournal::groupOfIntent(line)->name, u"bert"_s);
        } else {
            ++outcomes;
            QCOMPARE(line.value(u"outcome"_s).toString(), u"deleted"_s);
        }
    }
    QCOMPARE(intents, 3);
    QCOMPARE(outcomes, 3);
    QVERIFY(m_journal->unfinishedIntents().isEmpty());
}

void TestImageGroups::deletesGroupKeepingSwrContent()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"bert"_s);
    const QList<Image> versions = liveVersions(u"lab"_s, u"bert"_s);
    const std::optional<DeletionSummary> summary = runDeletion(group, versions, false, m_journal.get());
    QVERIFY(summary);
    QCOMPARE(summary->count(DeletionResult::Outcome::Deleted), 3);
    for (const Image &image : versions) {
        const QJsonObject state = m_sandbox->imageState(image.id);
        QVERIFY(state.value(u"deleted"_s).toBool());
        QVERIFY(!state.value(u"swr_content_deleted"_s).toBool());
    }
}

void TestImageGroups::refusesGroupWithVersionInUse()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"busy"_s);
    QVERIFY(!group.id.isEmpty());
    const QList<Image> versions = liveVersions(u"lab"_s, u"busy"_s);
    QCOMPARE(versions.size(), 2);

    const std::optional<DeletionSummary> summary = runDeletion(group, versions, true, m_journal.get());
    QVERIFY(summary);
    QCOMPARE(summary->count(DeletionResult::Outcome::Failed), 2);
    QCOMPARE(summary->results.constFirst().error.code, u"ModelArts.6357"_s);
    QVERIFY(summary->results.constFirst().error.fullText().contains(u"in use"_s));
    // Retry sends the group again as the one request it was, with the force it had.
    const QList<DeletionRequest> retry = summary->failedRequests();
    QCOMPARE(retry.size(), 1);
    QVERIFY(retry.constFirst().isGroup());
    QCOMPARE(retry.constFirst().group->id, group.id);
    QCOMPARE(retry.constFirst().versions.size(), 2);
    QVERIFY(retry.constFirst().force);
    // Nothing was deleted: the server checks every version first.
    for (const Image &image : versions) {
        const QJsonObject state = m_sandbox->imageState(image.id);
        QVERIFY(!state.value(u"deleted"_s).toBool());
        QVERIFY(!state.value(u"swr_content_deleted"_s).toBool());
    }
    int failedOutcomes = 0;
    for (const QJsonObject &line : m_journal->readAll())
        failedOutcomes += line.value(u"outcome"_s).toString() == u"failed"_s ? 1 : 0;
    QCOMPARE(failedOutcomes, 2);
}

void TestImageGroups::deletingAGoneGroupSaysSo()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"bert"_s);
    const QList<Image> versions = liveVersions(u"lab"_s, u"bert"_s);
    const std::optional<DeletionSummary> first = runDeletion(group, versions, false, nullptr);
    QVERIFY(first);
    QCOMPARE(first->count(DeletionResult::Outcome::Deleted), 3);

    const std::optional<DeletionSummary> second = runDeletion(group, versions, false, nullptr);
    QVERIFY(second);
    QCOMPARE(second->count(DeletionResult::Outcome::AlreadyGone), 3);

    // The same group (or one of its versions) is never in a run twice.
    DeletionQueue queue(nullptr);
    queue.setClient(m_client.get());
    QSignalSpy finished(&queue, &DeletionQueue::finished);
    const DeletionRequest request =
        DeletionRequest::forGroup({group.id, group.name, group.nameSpace}, versions, false);
    queue.enqueue({request, request, DeletionRequest{versions.constFirst(), false}});
    QVERIFY(queue.isInRun(request));
    QCOMPARE(queue.remainingCount(), 3);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.constFirst().constFirst().value<DeletionSummary>().results.size(), 3);
    QVERIFY(!queue.isInRun(request));
}

std::unique_ptr<ApiClient> TestImageGroups::clientThatLosesTheGroupsAnswer(const ImageGroup &group,
                                                                           const QJsonArray &moreFaults)
{
    ConnectionSettings settings = m_sandbox->akskSettings();
    settings.transferTimeoutMs = 400;
    settings.retry.baseDelayMs = 10;
    settings.retry.maxDelayMs = 20;
    QJsonArray script;
    for (const QString &fault : {u"stall"_s, u"500"_s})
        script.append(QJsonObject{{u"method"_s, u"DELETE"_s},
                                  {u"path_contains"_s, group.id},
                                  {u"fault"_s, fault},
                                  {u"count"_s, 1}});
    for (const QJsonValue &fault : moreFaults)
        script.append(fault);
    m_sandbox->setFaults(QJsonObject{{u"stall_ms"_s, 1500}, {u"script"_s, script}});
    return std::make_unique<ApiClient>(m_network.get(), settings);
}

void TestImageGroups::lostAnswerOnAGroupIsSettledWithTheServer()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"bert"_s);
    QVERIFY(!group.id.isEmpty());
    const QList<Image> versions = liveVersions(u"lab"_s, u"bert"_s);
    m_client = clientThatLosesTheGroupsAnswer(group);

    const std::optional<DeletionSummary> summary = runDeletion(group, versions, false, m_journal.get());
    QVERIFY(summary);
    // The group went with the stalled attempt: each version, asked about, is gone.
    QCOMPARE(summary->count(DeletionResult::Outcome::Deleted), 3);
    for (const Image &image : versions)
        QVERIFY(m_sandbox->imageState(image.id).value(u"deleted"_s).toBool());
    QVERIFY(summary->failedRequests().isEmpty());
    QVERIFY(m_journal->unfinishedIntents().isEmpty());
}

void TestImageGroups::lostAnswerOnAGroupWithoutAnswerIsUnknown()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"bert"_s);
    QVERIFY(!group.id.isEmpty());
    const QList<Image> versions = liveVersions(u"lab"_s, u"bert"_s);
    // The question about each version fails too.
    QJsonArray showFaults;
    for (const Image &image : versions)
        showFaults.append(QJsonObject{{u"method"_s, u"GET"_s},
                                      {u"path_contains"_s, image.id},
                                      {u"fault"_s, u"500"_s},
                                      {u"count"_s, 1}});
    m_client = clientThatLosesTheGroupsAnswer(group, showFaults);

    const std::optional<DeletionSummary> summary = runDeletion(group, versions, false, m_journal.get());
    QVERIFY(summary);
    // Neither deleted nor failed nor cancelled: nobody knows, and the journal keeps every version open.
    QCOMPARE(summary->count(DeletionResult::Outcome::Unknown), 3);
    QVERIFY(summary->failedRequests().isEmpty());
    QCOMPARE(m_journal->unfinishedIntents().size(), 3);
    for (const QJsonObject &intent : m_journal->unfinishedIntents())
        QCOMPARE(DeletionJournal::groupOfIntent(intent)->id, group.id);
}

void TestImageGroups::updatesGroupDetails()
{
    const ImageGroup group = loadGroup(u"lab"_s, u"bert"_s);
    QVERIFY(!group.id.isEmpty());
    ApiCall *call = m_client->updateImageGroup(
        group.id, {{u"read_me"_s, u"# BERT\n中文说明"_s},
                   {u"tags"_s, QJsonArray{QJsonObject{{u"key"_s, u"team"_s}, {u"value"_s, u"nlp"_s}}}}});
    bool succeeded = false;
    QSignalSpy finished(call, &ApiCall::finished);
    connect(call, &ApiCall::finished, this, [&succeeded, call] { succeeded = call->succeeded(); });
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY(succeeded);
    const ImageGroup updated = loadGroup(u"lab"_s, u"bert"_s);
    QCOMPARE(updated.readMe, u"# BERT\n中文说明"_s);
    QCOMPARE(updated.tags, (QList<ImageTag>{{u"team"_s, u"nlp"_s}}));
}

QTEST_GUILESS_MAIN(TestImageGroups)
#include "test_image_groups.moc"
