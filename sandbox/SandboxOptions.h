#pragma once

#include "models/api/Clock.h"
#include "SandboxDefaults.h"

#include <optional>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mim::sandbox {

// One deterministic fault: the first `count` API requests whose method and path match get `fault`.
struct FaultScriptEntry
{
    QString method;       // empty = any method
    QString pathContains; // empty = any path
    QString fault;        // one of FaultConfig::knownKinds()
    int count = 1;

    friend bool operator==(const FaultScriptEntry &, const FaultScriptEntry &) = default;
};

// How ListImage lies about the listing, to test a client against a server whose paging cannot be trusted.
// The JSON form is the "listing" member of POST /sandbox/faults:
// {"total":N, "max_records":K, "ignore_offset":true}
struct ListingLies
{
    qint64 total = -1;         // reported as every page's total instead of the real count; -1 = the truth
    int maxRecords = 0;        // at most this many records a page, whatever the limit asked; 0 = no cap
    bool ignoreOffset = false; // every page is the first page

    bool isEmpty() const { return total < 0 && maxRecords == 0 && !ignoreOffset; }
    friend bool operator==(const ListingLies &, const ListingLies &) = default;
};

// What goes wrong, on purpose, with API requests (never with /sandbox/ admin requests).
// The JSON form is the body of POST /sandbox/faults:
// {"latency_ms":N, "rate":0.0-1.0, "kinds":["429",...], "retry_after_s":1, "stall_ms":2000, "seed":7,
//  "script":[{"method":"GET","path_contains":"/images","fault":"503","count":2}],
//  "listing":{"total":N,"max_records":K,"ignore_offset":true}, "groups_without_id":["ns/name"]}
struct FaultConfig
{
    int latencyMs = 0; // added to every API response
    double rate = 0.0; // fraction of API requests that get a random kind out of `kinds`
    QStringList kinds; // the kinds `rate` picks from
    int retryAfterSeconds = DefaultRetryAfterSeconds;
    int stallMs = DefaultStallMs;   // "stall" delay, and the time over which "slow" spreads the body
    quint32 seed = 7;               // of the random choices made for `rate`
    QList<FaultScriptEntry> script; // applied before `rate`, entries in order
    ListingLies listing;            // applied to every ListImage answer
    // "namespace/name" of the groups that ListImageGroup sends without "id", as the OTC copy of the API shows
    // records; JSON "groups_without_id": ["ns/name", ...].
    QStringList groupsWithoutId;

    bool isEmpty() const;
    QJsonObject toJson() const;
    static std::optional<FaultConfig> fromJson(const QJsonObject &object, QString *error = nullptr);
    // 403 404 429 500 502 503 504 reset truncate malformed stall slow
    static const QStringList &knownKinds();
    // The kinds `rate` picks from when none are named: all but "403" and "404", permanent failures that are
    // never retried and so only make sense where a test names them.
    static QStringList defaultRateKinds();

    friend bool operator==(const FaultConfig &, const FaultConfig &) = default;
};

// Everything a sandbox needs to start. The defaults are the documented ones in SandboxDefaults.h.
struct SandboxOptions
{
    QHostAddress listenAddress = QHostAddress(QLatin1String(DefaultListenHost));
    quint16 port = 0;         // 0 = any free port
    bool allowRemote = false; // listening on a non-loopback address needs this

    // The data set: `imageCount` generated images from `seed`, or the demo set.
    int imageCount = DefaultImageCount;
    quint32 seed = DefaultSeed;
    bool demo = false;
    // Demo set only: the two images saved "right now" leave CREATING after this long.
    int demoSettleAfterMs = DefaultDemoSettleAfterMs;

    QString accessKey = QLatin1String(DefaultAccessKey);
    QString secretKey = QLatin1String(DefaultSecretKey);
    QString projectId = QLatin1String(DefaultProjectId);
    QString regionId = QLatin1String(DefaultRegionId);
    QString domainId = QLatin1String(DefaultDomainId);
    QString iamUser = QLatin1String(DefaultIamUser);
    QString iamPassword = QLatin1String(DefaultIamPassword);
    QString iamDomain = QLatin1String(DefaultIamDomain);
    int tokenLifetimeSeconds = DefaultTokenLifetimeSeconds;

    FaultConfig faults;

    // Where the sources disagree or say nothing, the sandbox can answer either way, so the client is tested
    // against both (sandbox/README.md marks them as guesses).
    // DeleteImage answers 204 with no body instead of 200 with the deleted image.
    bool deleteAnswersNoContent = false;
    // `current` of a paged answer counts pages from this: 0 (offset / limit) or 1.
    int currentBase = 0;
    // Every /v2/manage (SWR) call answers 403 with SWR's error array, as for a user without SWR permissions;
    // ModelArts and IAM calls work as usual.
    bool swrForbidden = false;

    // PEM files; both set = HTTPS.
    QString tlsCertificateFile;
    QString tlsKeyFile;

    // The sandbox's "now": signature date window, token expiry, Date header, demo dates, update_at.
    Clock clock = systemClock();

    bool useTls() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }

    // The in-process server of the app's --demo mode: the demo data set on 127.0.0.1, any free port,
    // documented credentials.
    static SandboxOptions forDemo();
};

} // namespace mim::sandbox
