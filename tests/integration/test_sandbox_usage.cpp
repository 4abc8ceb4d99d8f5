// What runs images, as the sandbox lists it and as ApiClient reads it: the notebook, training job and service
// routes (paging, filters, the page-index offset of training jobs, limit validation, fault injection), and
// the usage index against the sandbox's in-use refusals.

#include "models/api/UsageListing.h"
#include "RawApiClient.h"
#include "SandboxServer.h"
#include "test_api_client_helpers.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::test;

namespace {

constexpr auto ProjectId = "5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b";

void authorise(RawApiClient &client, const SandboxFixture &sandbox)
{
    const ConnectionSettings settings = sandbox.akskSettings();
    client.setCredentials(settings.credentials.accessKey, settings.credentials.secretKey, settings.projectId);
}

QString v2(const QString &relative)
{
    return u"/v2/"_s + QLatin1StringView(ProjectId) + u'/' + relative;
}

QJsonArray arrayOf(const RawReply &reply, const QString &key)
{
    return reply.json().value(key).toArray();
}

// Every notebook of one feature, read page by page.
QList<QJsonObject> allNotebooks(RawApiClient &client, const QString &feature, int limit = 10)
{
    QList<QJsonObject> notebooks;
    for (int offset = 0;; offset += limit) {
        const RawReply reply = client.api(
            "GET", u"notebooks?feature=%1&limit=%2&offset=%3"_s.arg(feature).arg(limit).arg(offset));
        if (reply.status != 200)
            return {};
        for (const QJsonValue &value : arrayOf(reply, u"data"_s))
            notebooks.append(value.toObject());
        if (offset + limit >= reply.json().value(u"total"_s).toInteger())
            return notebooks;
    }
}

QStringList inUseIds(const SandboxFixture &sandbox)
{
    QStringList ids;
    for (const QJsonValue &value : sandbox.state().value(u"images"_s).toArray()) {
        const QJsonObject image = value.toObject();
        if (!image.value(u"deleted"_s).toBool() && image.value(u"in_use"_s).toBool())
            ids.append(image.value(u"id"_s).toString());
    }
    return ids;
}

struct UsageOutcome
{
    bool finished = false;
    ImageUsage usage;
    QList<UsageKind> sourcesFinished;
};

std::shared_ptr<UsageOutcome> watchUsage(UsageListing *listing)
{
    auto outcome = std::make_shared<UsageOutcome>();
    QObject::connect(listing, &UsageListing::sourceFinished, listing,
                     [outcome](UsageKind kind) { outcome->sourcesFinished.append(kind); });
    QObject::connect(listing, &UsageListing::finished, listing, [listing, outcome] {
        outcome->usage = listing->usage();
        outcome->finished = true;
    });
    return outcome;
}

QList<Image> listAll(ApiClient &client)
{
    QList<Image> images;
    bool done = false;
    ImageListing *listing = client.listAllImages(ListQuery());
    QObject::connect(listing, &ImageListing::finished, listing, [&] {
        images = listing->images();
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 30000))
        return {};
    return images;
}

} // namespace

class TestSandboxUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notebooksPageAndValidateLimit();
    void notebooksFilterByImageId();
    void workloadsFollowEveryChangeOfTheImages();
    void trainingJobOffsetIsAPageIndex();
    void servicesPageAndShowTheirImages();
    void faultsApplyToTheNewRoutes();
    void usageIndexIsExactlyTheInUseRefusals_data();
    void usageIndexIsExactlyTheInUseRefusals();
    void failedListingIsUnknownWithItsReason();
    void implausibleServiceIdIsNeverSent();
    void transientFaultsAreRetried();
    void lyingTotalMakesEveryListingUnknown();
    void fewerRecordsThanAskedForPageIndexedListings();
    void sameFirstPageForEveryOffsetIsUnknown();
    void cancelEndsEveryListingUnknown();
    void closingTheClientEndsEveryListingUnknown();
    void gatewayNotFoundOfAServiceIsNotGone();

private:
    QNetworkAccessManager m_network;
};

void TestSandboxUsage::notebooksPageAndValidateLimit()
{
    SandboxFixture sandbox(1500, 11);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const RawReply first = client.api("GET", u"notebooks"_s);
    QCOMPARE(first.status, 200);
    const QJsonObject envelope = first.json();
    const qint64 total = envelope.value(u"total"_s).toInteger();
    QVERIFY2(total > 20, qPrintable(QString::number(total)));
    QCOMPARE(envelope.value(u"size"_s).toInt(), 10); // the documented default
    QCOMPARE(envelope.value(u"current"_s).toInt(), 0);
    QCOMPARE(envelope.value(u"pages"_s).toInteger(), (total + 9) / 10);
    QCOMPARE(arrayOf(first, u"data"_s).size(), 10);
    const QJsonObject item = arrayOf(first, u"data"_s).first().toObject();
    for (const QString &key : {u"id"_s, u"name"_s, u"status"_s, u"user_id"_s, u"image"_s})
        QVERIFY2(item.contains(key), qPrintable(key));
    QVERIFY(item.value(u"image"_s).toObject().contains(u"swr_path"_s));

    for (const int limit : {10, 20, 50}) {
        const QList<QJsonObject> notebooks = allNotebooks(client, u"NOTEBOOK"_s, limit);
        QCOMPARE(notebooks.size(), total);
        QSet<QString> ids;
        for (const QJsonObject &notebook : notebooks)
            ids.insert(notebook.value(u"id"_s).toString());
        QCOMPARE(ids.size(), total); // no page overlaps another
    }
    // Guessed error body for a limit the API does not accept.
    for (const QString &limit : {u"15"_s, u"0"_s, u"100"_s, u"-10"_s, u"ten"_s}) {
        const RawReply refused = client.api("GET", u"notebooks?limit="_s + limit);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), u"ModelArts.0104"_s);
    }
    QCOMPARE(client.api("GET", u"notebooks?feature=GPU"_s).status, 400);

    // The CodeLab instances are a list of their own; together both are every notebook.
    const QList<QJsonObject> codeLab = allNotebooks(client, u"DEFAULT"_s);
    QVERIFY(!codeLab.isEmpty());
    QSet<QString> statuses;
    int pathOnly = 0;
    for (const QJsonObject &notebook : allNotebooks(client, u"NOTEBOOK"_s) + codeLab) {
        statuses.insert(notebook.value(u"status"_s).toString());
        pathOnly += notebook.value(u"image"_s).toObject().contains(u"id"_s) ? 0 : 1;
    }
    QVERIFY(statuses.contains(u"RUNNING"_s));
    QVERIFY(statuses.contains(u"STOPPED"_s));
    QVERIFY(pathOnly > 0);
}

// The workloads are derived once per change of the images, not per request: each change shows at once.
void TestSandboxUsage::workloadsFollowEveryChangeOfTheImages()
{
    SandboxFixture sandbox(300, 5);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);
    const auto notebookCount = [&client] {
        qint64 count = 0;
        for (const QString &feature : {u"NOTEBOOK"_s, u"DEFAULT"_s})
            count +=
                client.api("GET", u"notebooks?feature="_s + feature).json().value(u"total"_s).toInteger();
        return count;
    };
    const QStringList inUse = inUseIds(sandbox);
    QVERIFY(inUse.size() >= 2);
    QCOMPARE(notebookCount(), inUse.size());
    QCOMPARE(notebookCount(), inUse.size()); // read twice: the same

    QCOMPARE(client.plainCall("PATCH", u"/sandbox/images/"_s + inUse.first(), R"({"in_use":false})").status,
             200);
    QCOMPARE(notebookCount(), inUse.size() - 1);
    QCOMPARE(client.plainCall("DELETE", u"/sandbox/images/"_s + inUse.last()).status, 200);
    QCOMPARE(notebookCount(), inUse.size() - 2);
    const QString spare =
        sandbox.state().value(u"images"_s).toArray().first().toObject().value(u"id"_s).toString();
    if (!inUse.contains(spare)) {
        QCOMPARE(client.plainCall("PATCH", u"/sandbox/images/"_s + spare, R"({"in_use_by":"nb-new"})").status,
                 200);
        QCOMPARE(notebookCount(), inUse.size() - 1);
    }
}

void TestSandboxUsage::notebooksFilterByImageId()
{
    SandboxFixture sandbox(1500, 11);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);
    QString imageId;
    for (const QJsonObject &notebook : allNotebooks(client, u"NOTEBOOK"_s, 50)) {
        imageId = notebook.value(u"image"_s).toObject().value(u"id"_s).toString();
        if (!imageId.isEmpty())
            break;
    }
    QVERIFY(!imageId.isEmpty());
    const RawReply filtered = client.api("GET", u"notebooks?image_id="_s + imageId);
    QCOMPARE(filtered.status, 200);
    QVERIFY(!arrayOf(filtered, u"data"_s).isEmpty());
    QCOMPARE(filtered.json().value(u"total"_s).toInteger(), arrayOf(filtered, u"data"_s).size());
    for (const QJsonValue &value : arrayOf(filtered, u"data"_s))
        QCOMPARE(value.toObject().value(u"image"_s).toObject().value(u"id"_s).toString(), imageId);
    const RawReply none =
        client.api("GET", u"notebooks?image_id="_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json().value(u"total"_s).toInt(), 0);

    // The client sends the filter the same way.
    ApiClient api(&m_network, withFastRetries(sandbox.akskSettings()));
    const Outcome outcome = watch(api.listNotebooksPage(u"NOTEBOOK"_s, 0, 50, imageId));
    QVERIFY(waitFor(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    const std::optional<NotebookPage> page = NotebookPage::fromJson(outcome->body);
    QVERIFY(page);
    QCOMPARE(page->total, filtered.json().value(u"total"_s).toInteger());
    QVERIFY(!page->users.isEmpty());
    for (const ImageUser &user : page->users)
        QCOMPARE(user.images.constFirst().imageId, imageId);
}

void TestSandboxUsage::trainingJobOffsetIsAPageIndex()
{
    SandboxFixture sandbox(1500, 11);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);
    const auto search = [&client](int offset, int limit) {
        return client.signedCall("POST", v2(u"training-job-searches"_s),
                                 QJsonDocument(QJsonObject{{u"offset"_s, offset},
                                                           {u"limit"_s, limit},
                                                           {u"sort_by"_s, u"create_time"_s},
                                                           {u"order"_s, u"desc"_s}})
                                     .toJson(QJsonDocument::Compact));
    };
    const RawReply page0 = search(0, 5);
    QCOMPARE(page0.status, 200);
    const qint64 total = page0.json().value(u"total"_s).toInteger();
    QVERIFY2(total > 10, qPrintable(QString::number(total)));
    QCOMPARE(page0.json().value(u"count"_s).toInteger(), total); // every job matches an empty search
    QCOMPARE(arrayOf(page0, u"items"_s).size(), 5);
    QCOMPARE(page0.json().value(u"offset"_s).toInt(), 0);
    const RawReply page1 = search(1, 5);
    QCOMPARE(page1.json().value(u"offset"_s).toInt(), 1);
    // Offset 1 is the second page (records 5 to 9), not the page starting at record 1.
    const RawReply all = search(0, 50);
    const QJsonArray everything = arrayOf(all, u"items"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(arrayOf(page1, u"items"_s).at(i).toObject().value(u"metadata"_s).toObject().value(u"id"_s),
                 everything.at(5 + i).toObject().value(u"metadata"_s).toObject().value(u"id"_s));
    // Newest first.
    qint64 previous = std::numeric_limits<qint64>::max();
    QSet<QString> phases;
    int withoutHost = 0;
    for (const QJsonValue &value : everything) {
        const QJsonObject job = value.toObject();
        const qint64 created = job.value(u"metadata"_s).toObject().value(u"create_time"_s).toInteger();
        QVERIFY(created <= previous);
        previous = created;
        phases.insert(job.value(u"status"_s).toObject().value(u"phase"_s).toString());
        const QString url = job.value(u"algorithm"_s)
                                .toObject()
                                .value(u"engine"_s)
                                .toObject()
                                .value(u"image_url"_s)
                                .toString();
        QVERIFY(!url.isEmpty());
        withoutHost += url.startsWith(u"swr."_s) ? 0 : 1;
    }
    QVERIFY(phases.contains(u"Running"_s));
    QVERIFY(phases.contains(u"Completed"_s));
    QVERIFY(withoutHost > 0);
    QCOMPARE(search(0, 51).status, 400);
    QCOMPARE(search(0, 0).status, 400);
    QCOMPARE(search(-1, 10).status, 400);
}

void TestSandboxUsage::servicesPageAndShowTheirImages()
{
    SandboxFixture sandbox(1500, 11);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);
    const RawReply first = client.signedCall("GET", v2(u"services?limit=3&offset=0"_s));
    QCOMPARE(first.status, 200);
    const qint64 total = first.json().value(u"total"_s).toInteger();
    QVERIFY2(total > 3, qPrintable(QString::number(total)));
    QSet<QString> ids;
    for (qint64 offset = 0; offset < total; offset += 3) {
        const RawReply page = client.signedCall("GET", v2(u"services?limit=3&offset=%1"_s.arg(offset)));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value(u"current"_s).toInteger(), offset / 3);
        for (const QJsonValue &value : arrayOf(page, u"data"_s))
            ids.insert(value.toObject().value(u"id"_s).toString());
    }
    QCOMPARE(ids.size(), total);
    QSet<QString> statuses;
    int pathOnly = 0;
    for (const QString &id : std::as_const(ids)) {
        const RawReply shown = client.signedCall("GET", v2(u"services/"_s + id));
        QCOMPARE(shown.status, 200);
        statuses.insert(shown.json().value(u"status"_s).toString());
        const QJsonObject image = shown.json()
                                      .value(u"version"_s)
                                      .toObject()
                                      .value(u"instance_groups"_s)
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(u"unit_configs"_s)
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(u"image"_s)
                                      .toObject();
        QVERIFY(!image.value(u"swr_path"_s).toString().isEmpty());
        pathOnly += image.contains(u"id"_s) ? 0 : 1;
    }
    QVERIFY2(statuses.size() >= 2, qPrintable(QStringList(statuses.values()).join(u',')));
    QVERIFY(pathOnly > 0);
    QCOMPARE(client.signedCall("GET", v2(u"services?limit=501"_s)).status, 400);
    QCOMPARE(client.signedCall("GET", v2(u"services?limit=0"_s)).status, 400);
    QCOMPARE(client.signedCall("GET", v2(u"services?limit=10&offset=5"_s)).status, 400);
    const RawReply missing =
        client.signedCall("GET", v2(u"services/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QCOMPARE(missing.status, 404);
    // v2 has no image routes.
    QCOMPARE(client.signedCall("GET", v2(u"images"_s)).status, 404);
}

void TestSandboxUsage::faultsApplyToTheNewRoutes()
{
    SandboxFixture sandbox(300, 11);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);
    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{
             QJsonObject{{u"path_contains"_s, u"notebooks"_s}, {u"fault"_s, u"503"_s}, {u"count"_s, 1}},
             QJsonObject{{u"path_contains"_s, u"training-job-searches"_s},
                         {u"fault"_s, u"malformed"_s},
                         {u"count"_s, 1}},
             QJsonObject{{u"path_contains"_s, u"services"_s}, {u"fault"_s, u"404"_s}, {u"count"_s, 1}}}}});
    QCOMPARE(client.api("GET", u"notebooks"_s).status, 503);
    QCOMPARE(client.api("GET", u"notebooks"_s).status, 200);
    const RawReply malformed = client.signedCall("POST", v2(u"training-job-searches"_s), "{}");
    QCOMPARE(malformed.status, 200);
    QVERIFY(!malformed.isJson());
    QCOMPARE(client.signedCall("GET", v2(u"services"_s)).errorCode(), u"APIGW.0101"_s);
    QCOMPARE(client.signedCall("GET", v2(u"services"_s)).status, 200);
    const QJsonObject counters = sandbox.state().value(u"counters"_s).toObject();
    QCOMPARE(counters.value(u"notebooks"_s).toInt(), 1);
    QCOMPARE(counters.value(u"training_jobs"_s).toInt(), 1);
    QCOMPARE(counters.value(u"services"_s).toInt(), 1);
}

void TestSandboxUsage::usageIndexIsExactlyTheInUseRefusals_data()
{
    QTest::addColumn<bool>("demo");
    QTest::newRow("generated") << false;
    QTest::newRow("demo") << true;
}

void TestSandboxUsage::usageIndexIsExactlyTheInUseRefusals()
{
    QFETCH(bool, demo);
    sandbox::SandboxOptions options;
    options.imageCount = 800;
    options.seed = 5;
    if (demo)
        options = sandbox::SandboxOptions::forDemo();
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    QVERIFY(!inUseIds(sandbox).isEmpty());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(100);
    const QList<Image> images = listAll(client);
    QVERIFY(!images.isEmpty());

    const auto outcome = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&outcome] { return outcome->finished; }, 30000));
    QCOMPARE(outcome->sourcesFinished.size(), 3);
    QVERIFY(outcome->usage.isComplete());

    // Every image the sandbox refuses because it is in use is in the index, and no other.
    RawApiClient raw(sandbox.baseUrl());
    authorise(raw, sandbox);
    int inUse = 0;
    for (const Image &image : images) {
        const UsageState state = outcome->usage.stateOf(image);
        QVERIFY(state != UsageState::Unknown);
        const RawReply deletion = raw.api("DELETE", u"images/"_s + image.id);
        const bool refusedAsInUse = deletion.errorCode() == u"ModelArts.6357"_s;
        QVERIFY2(refusedAsInUse == (state == UsageState::InUse),
                 qPrintable(image.nameAndTag() + u" "_s + QString::fromUtf8(deletion.body)));
        if (refusedAsInUse) {
            ++inUse;
            // The notebook the refusal names is among the users.
            bool named = false;
            for (const ImageUser &user : outcome->usage.usersOf(image))
                named = named || (user.kind == UsageKind::Notebook &&
                                  QString::fromUtf8(deletion.body).contains(user.name));
            QVERIFY(named);
        }
    }
    QVERIFY(inUse > 0);
}

void TestSandboxUsage::failedListingIsUnknownWithItsReason()
{
    SandboxFixture sandbox(800, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QList<Image> images = listAll(client);
    sandbox.setFaults(
        QJsonObject{{u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"training-job-searches"_s},
                                                         {u"fault"_s, u"404"_s},
                                                         {u"count"_s, 100}}}}});
    const auto outcome = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&outcome] { return outcome->finished; }, 30000));
    const ImageUsage &usage = outcome->usage;
    QVERIFY(!usage.isComplete());
    QVERIFY(usage.isKnown(UsageKind::Notebook));
    QVERIFY(usage.isKnown(UsageKind::Service));
    QVERIFY(!usage.isKnown(UsageKind::TrainingJob));
    QCOMPARE(usage.unknownReason(UsageKind::TrainingJob).code, u"APIGW.0101"_s);
    QCOMPARE(usage.unknownReason(UsageKind::TrainingJob).httpStatus, 404);
    int inUse = 0;
    int unknown = 0;
    for (const Image &image : images) {
        const UsageState state = usage.stateOf(image);
        QVERIFY(state != UsageState::NotInUse); // not knowing the jobs is not knowing it is unused
        inUse += state == UsageState::InUse;
        unknown += state == UsageState::Unknown;
    }
    QCOMPARE(inUse, inUseIds(sandbox).size()); // every in-use image has a notebook, which was read
    QVERIFY(unknown > 0);
}

void TestSandboxUsage::implausibleServiceIdIsNeverSent()
{
    SandboxFixture sandbox(50, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const qint64 before = sandbox.state().value(u"counters"_s).toObject().value(u"services"_s).toInteger();
    for (const QString &id : {u"../images"_s, u"group/x"_s, u"not-an-id"_s}) {
        const Outcome outcome = watch(client.showService(id));
        QVERIFY(waitFor(outcome));
        QCOMPARE(outcome->error.kind, ErrorKind::InvalidRequest);
    }
    QCOMPARE(sandbox.state().value(u"counters"_s).toObject().value(u"services"_s).toInteger(), before);
}

namespace {
QSet<QString> userIds(const ImageUsage &usage)
{
    QSet<QString> ids;
    for (const ImageUser &user : usage.users())
        ids.insert(usageKindName(user.kind) + u' ' + user.id);
    return ids;
}
} // namespace

void TestSandboxUsage::transientFaultsAreRetried()
{
    SandboxFixture sandbox(3000, 5);
    QVERIFY(sandbox.start());
    // Which request meets which fault depends on the order the three listings' requests arrive in: with ten
    // attempts a call fails only after ten faults in a row (one chance in ten million at this rate).
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 10;
    settings.retry.maxDelayMs = 200;
    ApiClient client(&m_network, settings);
    const auto clean = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&clean] { return clean->finished; }, 30000));
    QVERIFY(clean->usage.isComplete());

    sandbox.setFaults(QJsonObject{{u"rate"_s, 0.2},
                                  {u"retry_after_s"_s, 0},
                                  {u"seed"_s, 3},
                                  {u"kinds"_s, QJsonArray{u"429"_s, u"502"_s, u"503"_s, u"504"_s, u"reset"_s,
                                                          u"truncate"_s, u"malformed"_s}}});
    const auto faulted = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&faulted] { return faulted->finished; }, 60000));
    QVERIFY2(faulted->usage.isComplete(),
             qPrintable(faulted->usage.unknownReason(UsageKind::Notebook).fullText() +
                        faulted->usage.unknownReason(UsageKind::TrainingJob).fullText() +
                        faulted->usage.unknownReason(UsageKind::Service).fullText()));
    QVERIFY(sandbox.state().value(u"counters"_s).toObject().value(u"faults_injected"_s).toInt() > 0);
    QCOMPARE(userIds(faulted->usage), userIds(clean->usage));
    QCOMPARE(faulted->usage.users().size(), clean->usage.users().size());
}

void TestSandboxUsage::lyingTotalMakesEveryListingUnknown()
{
    SandboxFixture sandbox(300, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{{u"listing"_s, QJsonObject{{u"total"_s, 2147483647}}}});
    const auto outcome = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&outcome] { return outcome->finished; }, 10000));
    for (const UsageKind kind : AllUsageKinds) {
        QVERIFY(!outcome->usage.isKnown(kind));
        const ApiError &reason = outcome->usage.unknownReason(kind);
        QCOMPARE(reason.kind, ErrorKind::BadResponse);
        // Numbers in the user's format, like every number the app shows.
        QVERIFY2(reason.detail.contains(QLocale().toString(2147483647)) &&
                     reason.detail.contains(QLocale().toString(100000)),
                 qPrintable(reason.detail));
    }
    // Nothing was sized from the lie: one page of each listing was asked for (two notebook features: one).
    const QJsonObject counters = sandbox.state().value(u"counters"_s).toObject();
    QCOMPARE(counters.value(u"notebooks"_s).toInt(), 1);
    QCOMPARE(counters.value(u"training_jobs"_s).toInt(), 1);
    QCOMPARE(counters.value(u"services"_s).toInt(), 1);
}

void TestSandboxUsage::fewerRecordsThanAskedForPageIndexedListings()
{
    SandboxFixture sandbox(3000, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const auto clean = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&clean] { return clean->finished; }, 30000));

    sandbox.setFaults(QJsonObject{{u"listing"_s, QJsonObject{{u"max_records"_s, 7}}}});
    const auto outcome = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&outcome] { return outcome->finished; }, 30000));
    // Notebooks advance by what was sent (offset in records): still every one of them.
    QVERIFY(outcome->usage.isKnown(UsageKind::Notebook));
    // Training jobs and services address pages by index: what lies between would be skipped.
    for (const UsageKind kind : {UsageKind::TrainingJob, UsageKind::Service}) {
        QVERIFY(!outcome->usage.isKnown(kind));
        QVERIFY2(outcome->usage.unknownReason(kind).detail.contains(u"7"_s),
                 qPrintable(outcome->usage.unknownReason(kind).detail));
    }
    QSet<QString> notebooks;
    for (const QString &id : userIds(clean->usage)) {
        if (id.startsWith(u"notebook "_s))
            notebooks.insert(id);
    }
    QVERIFY(!notebooks.isEmpty());
    QVERIFY(userIds(outcome->usage).contains(notebooks));
}

void TestSandboxUsage::sameFirstPageForEveryOffsetIsUnknown()
{
    SandboxFixture sandbox(3000, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{{u"listing"_s, QJsonObject{{u"ignore_offset"_s, true}}}});
    const auto outcome = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&outcome] { return outcome->finished; }, 30000));
    // More than one page of notebooks: the records never add up to the total, three times.
    QVERIFY(!outcome->usage.isKnown(UsageKind::Notebook));
    QVERIFY2(outcome->usage.unknownReason(UsageKind::Notebook).detail.contains(u"3 times"_s),
             qPrintable(outcome->usage.unknownReason(UsageKind::Notebook).detail));
}

void TestSandboxUsage::cancelEndsEveryListingUnknown()
{
    SandboxFixture sandbox(300, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 2000}});
    UsageListing *listing = client.listImageUsage();
    const auto outcome = watchUsage(listing);
    QTest::qWait(50);
    QVERIFY(!outcome->finished);
    listing->cancel();
    QVERIFY(outcome->finished); // at once, not when the answers come
    QCOMPARE(outcome->sourcesFinished.size(), 3);
    for (const UsageKind kind : AllUsageKinds)
        QCOMPARE(outcome->usage.unknownReason(kind).kind, ErrorKind::Cancelled);
}

void TestSandboxUsage::closingTheClientEndsEveryListingUnknown()
{
    SandboxFixture sandbox(300, 5);
    QVERIFY(sandbox.start());
    auto client = std::make_unique<ApiClient>(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 2000}});
    const auto outcome = watchUsage(client->listImageUsage());
    QTest::qWait(50);
    client.reset();
    QVERIFY(outcome->finished);
    for (const UsageKind kind : AllUsageKinds)
        QCOMPARE(outcome->usage.unknownReason(kind).kind, ErrorKind::Cancelled);
}

void TestSandboxUsage::gatewayNotFoundOfAServiceIsNotGone()
{
    // Only ModelArts saying the service does not exist means it runs nothing; a gateway's 404 says nothing
    // about the service, so the services stay Unknown.
    SandboxFixture sandbox(800, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                                                       {u"path_contains"_s, u"/services/"_s},
                                                                       {u"fault"_s, u"404"_s},
                                                                       {u"count"_s, 1}}}}});
    const auto outcome = watchUsage(client.listImageUsage());
    QVERIFY(QTest::qWaitFor([&outcome] { return outcome->finished; }, 30000));
    QVERIFY(outcome->usage.isKnown(UsageKind::Notebook));
    QVERIFY(outcome->usage.isKnown(UsageKind::TrainingJob));
    QVERIFY(!outcome->usage.isKnown(UsageKind::Service));
    QCOMPARE(outcome->usage.unknownReason(UsageKind::Service).code, u"APIGW.0101"_s);
}

QTEST_MAIN(TestSandboxUsage)
#include "test_sandbox_usage.moc"
