#pragma once

// Shared by the ApiClient integration tests: watching calls, talking to the sandbox's admin endpoints.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "SandboxDefaults.h"
#include "SandboxFixture.h"

#include <memory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace mim::test {

// What a call reported; filled in the slot connected to finished(), since the call deletes itself after.
struct CallOutcome
{
    int finishedCount = 0;
    bool succeeded = false;
    ApiError error;
    int httpStatus = 0;
    QByteArray body;
    int attempts = 0;
    QString requestId;
    QJsonObject json;
    std::optional<Image> image;
    QList<QSslCertificate> peerChain;
    QElapsedTimer sinceStart;
    qint64 elapsedMs = -1;
};
using Outcome = std::shared_ptr<CallOutcome>;

inline Outcome watch(ApiCall *call)
{
    auto outcome = std::make_shared<CallOutcome>();
    outcome->sinceStart.start();
    QObject::connect(call, &ApiCall::finished, call, [call, outcome] {
        ++outcome->finishedCount;
        outcome->elapsedMs = outcome->sinceStart.elapsed();
        outcome->succeeded = call->succeeded();
        outcome->error = call->error();
        outcome->httpStatus = call->httpStatus();
        outcome->body = call->body();
        outcome->attempts = call->attempts();
        outcome->requestId = call->requestId();
        outcome->json = call->json();
        outcome->image = call->image();
        outcome->peerChain = call->peerCertificateChain();
    });
    return outcome;
}

inline bool waitFor(const Outcome &outcome, int timeoutMs = 30000)
{
    return QTest::qWaitFor([&outcome] { return outcome->finishedCount > 0; }, timeoutMs);
}

// Runs a call to its end.
inline Outcome run(ApiCall *call, int timeoutMs = 30000)
{
    Outcome outcome = watch(call);
    if (!waitFor(outcome, timeoutMs))
        qWarning("call did not finish within %d ms", timeoutMs);
    return outcome;
}

// An AK/SK account of region cn-north-4, project p1, whose ModelArts and IAM endpoints are `url`: for a
// ScriptedHttpServer, which answers without checking the signature.
inline ConnectionSettings scriptedServerSettings(const QUrl &url)
{
    ConnectionSettings settings;
    settings.regionId = QStringLiteral("cn-north-4");
    settings.projectId = QStringLiteral("p1");
    settings.modelArtsEndpoint = url;
    settings.iamEndpoint = url;
    settings.credentials.accessKey = QLatin1String(sandbox::DefaultAccessKey);
    settings.credentials.secretKey = QLatin1String(sandbox::DefaultSecretKey);
    return settings;
}

// Small delays so that retry tests stay fast; the transfer timeout stays generous.
inline ConnectionSettings withFastRetries(ConnectionSettings settings)
{
    settings.retry.maxAttempts = 5;
    settings.retry.baseDelayMs = 10;
    settings.retry.maxDelayMs = 2000;
    settings.retry.totalBudgetMs = 20000;
    settings.transferTimeoutMs = 10000;
    return settings;
}

// A plain, unauthenticated request to the sandbox's admin endpoints.
inline QJsonObject adminRequest(const QUrl &baseUrl, const QByteArray &method, const QString &path,
                                const QJsonObject &body = {})
{
    QNetworkAccessManager network;
    QUrl url = baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning("admin request %s %s timed out", method.constData(), qPrintable(path));
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return answer;
}

inline QJsonArray stateImages(const QJsonObject &state)
{
    return state.value(QLatin1String("images")).toArray();
}

inline qint64 counter(const SandboxFixture &sandbox, const char *name)
{
    return sandbox.state()
        .value(QLatin1String("counters"))
        .toObject()
        .value(QLatin1String(name))
        .toInteger(-1);
}

// The images a DEDICATED listing must return: live user images, as the state reports them.
inline QHash<QString, Image> expectedDedicatedImages(const QJsonObject &state)
{
    QHash<QString, Image> expected;
    for (const QJsonValue &value : stateImages(state)) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("deleted")).toBool())
            continue;
        if (entry.value(QLatin1String("type")).toString() != QLatin1String("DEDICATED"))
            continue;
        const std::optional<Image> image = Image::fromJson(entry);
        if (image)
            expected.insert(image->id, *image);
    }
    return expected;
}

// The first live image of the state that satisfies the predicate; an empty object when none does.
template<typename Predicate> QJsonObject findImage(const QJsonObject &state, Predicate predicate)
{
    for (const QJsonValue &value : stateImages(state)) {
        const QJsonObject entry = value.toObject();
        if (!entry.value(QLatin1String("deleted")).toBool() && predicate(entry))
            return entry;
    }
    return {};
}

struct ListingOutcome
{
    int finishedCount = 0;
    bool succeeded = false;
    ApiError error;
    QList<Image> images;
    QStringList skipped;
    qint64 total = -1;
    int passes = 0;
    QList<QPair<qint64, qint64>> progress;
    QList<Workspace> workspaces;
    ApiError workspaceError;
};
using Listing = std::shared_ptr<ListingOutcome>;

inline Listing watchListing(ImageListing *listing)
{
    auto outcome = std::make_shared<ListingOutcome>();
    QObject::connect(listing, &ImageListing::progress, listing, [outcome](qint64 received, qint64 total) {
        outcome->progress.append({received, total});
    });
    QObject::connect(listing, &ImageListing::finished, listing, [listing, outcome] {
        ++outcome->finishedCount;
        outcome->succeeded = listing->succeeded();
        outcome->error = listing->error();
        outcome->images = listing->images();
        outcome->skipped = listing->skippedRecords();
        outcome->total = listing->total();
        outcome->passes = listing->passes();
        outcome->workspaces = listing->workspaces();
        outcome->workspaceError = listing->workspaceError();
    });
    return outcome;
}

inline bool waitForListing(const Listing &outcome, int timeoutMs = 45000)
{
    return QTest::qWaitFor([&outcome] { return outcome->finishedCount > 0; }, timeoutMs);
}

} // namespace mim::test
