#include "SandboxServer.h"

#include "AdminApi.h"
#include "DataSetGenerator.h"
#include "FaultInjector.h"
#include "HttpExchange.h"
#include "IamApi.h"
#include "ImageApi.h"
#include "ImageJsonWriter.h"
#include "ImageStore.h"
#include "RequestAuthenticator.h"
#include "SwrApi.h"
#include "SwrRegistry.h"
#include "UsageApi.h"
#include "WorkspaceApi.h"

#include <QAbstractHttpServer>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSandbox, "mim.sandbox")

namespace mim::sandbox {

namespace {

const QStringList SettableStatuses{u"INIT"_s,  u"CREATING"_s, u"CREATE_FAILED"_s,
                                   u"ERROR"_s, u"ACTIVE"_s,   u"DELETED"_s};

bool isLoopback(const QHostAddress &address)
{
    if (address.isLoopback())
        return true;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:127.0.0.1
    return isV4 && QHostAddress(v4).isLoopback();
}

// Half of the body, then something no JSON parser accepts: the object is never closed.
QByteArray malformed(const QByteArray &body)
{
    return body.left(body.size() / 2) + QByteArrayLiteral("#<html>upstream error</html>");
}

} // namespace

class SandboxServer::Frontend : public QAbstractHttpServer
{
public:
    explicit Frontend(SandboxServer *owner)
        : QAbstractHttpServer(owner)
        , m_owner(owner)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_owner->handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    SandboxServer *m_owner;
};

struct SandboxServer::Internals
{
    Frontend *frontend = nullptr; // child of the server
    quint16 port = 0;
    ImageStore store;
    std::unique_ptr<DataSetGenerator> generator;
    SandboxCounters counters;
    FaultInjector faults;
    TokenStore tokens;
    std::unique_ptr<RequestAuthenticator> authenticator;
    std::unique_ptr<ImageApi> imageApi;
    std::unique_ptr<UsageApi> usageApi;
    std::unique_ptr<WorkspaceApi> workspaceApi;
    std::unique_ptr<IamApi> iamApi;
    SwrRegistry swr;
    std::unique_ptr<SwrApi> swrApi;
    quint64 dataGeneration = 0; // settle timers of an older data set do nothing
};

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , d(std::make_unique<Internals>())
{
    d->frontend = new Frontend(this);
    d->faults.setConfig(m_options.faults);
    d->authenticator = std::make_unique<RequestAuthenticator>(m_options, &d->tokens);
    d->imageApi = std::make_unique<ImageApi>(&d->store, &d->counters, &m_options, &d->faults.config(),
                                             [this] { return d->generator->nextId(); });
    d->usageApi = std::make_unique<UsageApi>(&d->store, &d->counters, &m_options, &d->faults.config());
    d->workspaceApi = std::make_unique<WorkspaceApi>(&d->store, &d->counters);
    d->iamApi = std::make_unique<IamApi>(&m_options, &d->tokens);
    d->swrApi = std::make_unique<SwrApi>(&d->store, &d->swr, &d->counters, &m_options);
    if (m_options.demo)
        resetDemo();
    else
        reset(m_options.imageCount, m_options.seed);
}

SandboxServer::~SandboxServer()
{
    // Close the connections (and cancel their pending delayed answers) while the data they use still exists.
    delete d->frontend;
    d->frontend = nullptr;
}

bool SandboxServer::start(QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcSandbox).noquote() << message;
        return false;
    };
    if (isListening())
        return true;
    if (!isLoopback(m_options.listenAddress) && !m_options.allowRemote) {
        return fail(
            tr("Refusing to listen on %1: it is not a loopback address. The sandbox accepts the documented "
               "test credentials; pass --allow-remote to expose it anyway.")
                .arg(m_options.listenAddress.toString()));
    }
    if (m_options.useTls()) {
        QFile certificateFile(m_options.tlsCertificateFile);
        QFile keyFile(m_options.tlsKeyFile);
        if (!certificateFile.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the TLS certificate %1.").arg(m_options.tlsCertificateFile));
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the TLS key %1.").arg(m_options.tlsKeyFile));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
        const QByteArray keyBytes = keyFile.readAll();
        QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return fail(tr("The TLS certificate or key is not valid PEM."));
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        d->frontend->sslSetup(configuration);
    }
    d->port = d->frontend->listen(m_options.listenAddress, m_options.port);
    if (d->port == 0) {
        return fail(
            tr("Cannot listen on %1 port %2.").arg(m_options.listenAddress.toString()).arg(m_options.port));
    }
    return true;
}

bool SandboxServer::isListening() const
{
    return d->port != 0;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_options.useTls() ? u"https"_s : u"http"_s);
    const QHostAddress &address = m_options.listenAddress;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        url.setHost(u"127.0.0.1"_s);
    else if (address == QHostAddress::AnyIPv6)
        url.setHost(u"::1"_s);
    else
        url.setHost(address.toString());
    url.setPort(d->port);
    return url;
}

void SandboxServer::reset(int imageCount, quint32 seed)
{
    m_options.demo = false;
    m_options.imageCount = std::max(0, imageCount);
    m_options.seed = seed;
    ++d->dataGeneration;
    d->counters = SandboxCounters();
    d->store.clear();
    d->store.reserve(m_options.imageCount);
    d->generator = std::make_unique<DataSetGenerator>(seed, m_options.regionId);
    for (int i = 0; i < m_options.imageCount; ++i)
        d->store.insert(d->generator->next());
    d->swr.resetGenerated(seed, d->generator->baseEpochMs(), m_options.imageCount);
}

void SandboxServer::resetDemo()
{
    m_options.demo = true;
    ++d->dataGeneration;
    d->counters = SandboxCounters();
    d->store.clear();
    d->generator = std::make_unique<DataSetGenerator>(m_options.seed, m_options.regionId);
    QList<SettlingImage> settling;
    const QList<ImageRecord> records =
        DataSetGenerator::demoSet(m_options.clock(), m_options.regionId, &settling);
    for (const ImageRecord &record : records)
        d->store.insert(record);
    d->swr.resetDemo(m_options.clock());
    const quint64 generation = d->dataGeneration;
    for (const SettlingImage &image : settling) {
        QTimer::singleShot(std::max(0, m_options.demoSettleAfterMs), this, [this, image, generation] {
            if (generation == d->dataGeneration)
                settle(image.id, image.finalStatus, image.finalStatusMessage, image.finalSizeKb);
        });
    }
}

void SandboxServer::settle(const QString &id, const QString &status, const QString &statusMessage,
                           qint64 sizeKb)
{
    const int index = d->store.indexOf(id);
    if (index < 0 || d->store.at(index).deleted || !d->store.at(index).settleScheduled)
        return;
    ImageRecord record = d->store.record(index);
    record.settleScheduled = false;
    record.image.status = status;
    record.image.statusMessage = statusMessage;
    if (sizeKb > 0)
        record.image.sizeKb = sizeKb;
    record.image.updateAtMs = m_options.clock().toMSecsSinceEpoch();
    d->store.replace(index, record);
    qCInfo(lcSandbox).noquote() << "image" << id << "settled as" << status;
    Q_EMIT imageSettled(id, status);
}

QStringList SandboxServer::addImages(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const int index = d->store.insert(d->generator->next());
        ids.append(d->store.at(index).id);
    }
    return ids;
}

QString SandboxServer::addImage(const QJsonObject &imageJson, QString *error)
{
    QJsonObject withId = imageJson;
    if (withId.value(u"id"_s).toString().isEmpty())
        withId.insert(u"id"_s, d->generator->nextId());
    QString whyNot;
    const std::optional<Image> parsed = Image::fromJson(withId, &whyNot);
    if (!parsed) {
        if (error)
            *error = whyNot;
        return QString();
    }
    Image image = *parsed;
    if (d->store.indexOf(image.id) >= 0) {
        if (error)
            *error = u"an image with id %1 already exists"_s.arg(image.id);
        return QString();
    }
    const auto orDefault = [](QString &field, const QString &fallback) {
        if (field.isEmpty())
            field = fallback;
    };
    orDefault(image.name, u"custom-image"_s);
    orDefault(image.tag, u"latest"_s);
    orDefault(image.nameSpace, u"sandbox"_s);
    orDefault(image.type, u"DEDICATED"_s);
    orDefault(image.origin, u"CUSTOMIZE"_s);
    orDefault(image.status, u"ACTIVE"_s);
    orDefault(image.visibility, u"PRIVATE"_s);
    orDefault(image.arch, u"X86_64"_s);
    orDefault(image.serviceType, u"UNKNOWN"_s);
    orDefault(image.workspaceId, u"0"_s);
    orDefault(image.swrPath,
              DataSetGenerator::swrPath(m_options.regionId, image.nameSpace, image.name, image.tag));
    if (image.createAtMs == 0)
        image.createAtMs = m_options.clock().toMSecsSinceEpoch();
    if (image.updateAtMs == 0)
        image.updateAtMs = image.createAtMs;

    ImageRecord record;
    record.image = image;
    record.inUseBy = imageJson.value(u"in_use_by"_s).toString();
    if (record.inUseBy.isEmpty() && imageJson.value(u"in_use"_s).toBool())
        record.inUseBy = u"notebook-"_s + image.id.left(8);
    d->store.insert(record);
    return image.id;
}

bool SandboxServer::removeImage(const QString &id)
{
    return ImageApi::markDeleted(d->store, d->store.indexOf(id), false,
                                 m_options.clock().toMSecsSinceEpoch());
}

bool SandboxServer::patchImage(const QString &id, const QJsonObject &patch, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const int index = d->store.indexOf(id);
    if (index < 0)
        return fail(u"no image %1"_s.arg(id));
    if (d->store.at(index).deleted)
        return fail(u"image %1 is deleted"_s.arg(id));
    static const QStringList knownKeys{u"status"_s, u"status_message"_s, u"in_use"_s, u"in_use_by"_s};
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (!knownKeys.contains(it.key()))
            return fail(u"unknown key \"%1\"; known: %2"_s.arg(it.key(), knownKeys.join(u", ")));
    }
    const QString status = patch.value(u"status"_s).toString();
    if (patch.contains(u"status"_s) && !SettableStatuses.contains(status))
        return fail(u"status must be one of %1"_s.arg(SettableStatuses.join(u", ")));
    if (patch.contains(u"in_use"_s) && !patch.value(u"in_use"_s).isBool())
        return fail(u"in_use must be a boolean"_s);

    const qint64 now = m_options.clock().toMSecsSinceEpoch();
    if (status == u"DELETED")
        return ImageApi::markDeleted(d->store, index, false, now);
    ImageRecord record = d->store.record(index);
    if (patch.contains(u"in_use"_s))
        record.inUseBy = patch.value(u"in_use"_s).toBool() ? u"notebook-"_s + id.left(8) : QString();
    if (patch.contains(u"in_use_by"_s))
        record.inUseBy = patch.value(u"in_use_by"_s).toString();
    const bool statusChanges = patch.contains(u"status"_s) || patch.contains(u"status_message"_s);
    if (patch.contains(u"status"_s)) {
        record.image.status = status;
        record.settleScheduled = false;
    }
    if (patch.contains(u"status_message"_s))
        record.image.statusMessage = patch.value(u"status_message"_s).toString();
    if (statusChanges)
        record.image.updateAtMs = now;
    d->store.replace(index, record);
    return true;
}

std::optional<Image> SandboxServer::image(const QString &id) const
{
    const int index = d->store.indexOf(id);
    if (index < 0)
        return std::nullopt;
    return d->store.record(index).image;
}

int SandboxServer::imageCount() const
{
    return d->store.size();
}

bool SandboxServer::setFaults(const QJsonObject &faults, QString *error)
{
    const std::optional<FaultConfig> config = FaultConfig::fromJson(faults, error);
    if (!config)
        return false;
    setFaults(*config);
    return true;
}

void SandboxServer::setFaults(const FaultConfig &faults)
{
    m_options.faults = faults;
    d->faults.setConfig(faults);
}

FaultConfig SandboxServer::faults() const
{
    return d->faults.config();
}

int SandboxServer::expireTokens()
{
    return d->tokens.expireAll(m_options.clock());
}

QByteArray SandboxServer::stateJson() const
{
    QByteArray json;
    json.reserve(qsizetype(d->store.size()) * 900 + 512);
    json += "{\"images\":[";
    for (int i = 0; i < d->store.size(); ++i) {
        if (i)
            json += ',';
        json += d->store.stateJson(i);
    }
    json += "],\"swr\":" + swrStateJson();
    json += ",\"counters\":" + QJsonDocument(counters()).toJson(QJsonDocument::Compact) + '}';
    return json;
}

int SandboxServer::addSwrTags(const QJsonObject &request, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return -1;
    };
    d->swr.snapshot(d->store); // the seeded tags first, so that these come on top of them
    const qint64 now = m_options.clock().toMSecsSinceEpoch();
    if (request.contains(u"tags"_s)) {
        int added = 0;
        for (const QJsonValue &value : request.value(u"tags"_s).toArray()) {
            const QJsonObject tag = value.toObject();
            const QString nameSpace = tag.value(u"namespace"_s).toString();
            const QString repository = tag.value(u"repository"_s).toString();
            const QString name = tag.value(u"tag"_s).toString();
            if (nameSpace.isEmpty() || repository.isEmpty() || name.isEmpty() ||
                !tag.value(u"size"_s).isDouble())
                return fail(u"each tag needs \"namespace\", \"repository\", \"tag\" and \"size\" (bytes)"_s);
            added += d->swr.addPushedTag(nameSpace, repository, name, tag.value(u"size"_s).toInteger(), now);
        }
        return added;
    }
    const QJsonValue count = request.value(u"count"_s);
    const QJsonValue repositories = request.value(u"repositories"_s);
    if (!count.isDouble() || count.toInteger() < 1 || count.toInteger() > 1000000 ||
        (!repositories.isUndefined() && (!repositories.isDouble() || repositories.toInteger() < 1)))
        return fail(u"give {\"tags\": [...]} or {\"count\": 1..1000000, \"repositories\": R}"_s);
    return d->swr.addPushedTags(request.value(u"namespace"_s).toString(u"bulk"_s), int(count.toInteger()),
                                int(repositories.toInteger(1)),
                                quint32(request.value(u"seed"_s).toInteger(1)), now);
}

QByteArray SandboxServer::swrStateJson() const
{
    // Written by hand like the images: 100,000 images make about 117,000 tags.
    const SwrSnapshot &snapshot = d->swr.snapshot(d->store);
    QByteArray json;
    json.reserve(qsizetype(snapshot.tags.size()) * 160 + 1024);
    qint64 unregisteredBytes = 0;
    json += "{\"tags\":[";
    for (size_t i = 0; i < snapshot.tags.size(); ++i) {
        const SwrTag &tag = snapshot.tags[i];
        if (i)
            json += ',';
        json += "{\"namespace\":";
        appendJsonString(json, tag.nameSpace);
        json += ",\"repository\":";
        appendJsonString(json, tag.repository);
        json += ",\"tag\":";
        appendJsonString(json, tag.tag);
        json += ",\"size\":" + QByteArray::number(tag.bytes);
        json += tag.isRegistered() ? ",\"registered\":true" : ",\"registered\":false";
        json += ",\"image_ids\":[";
        for (qsizetype k = 0; k < tag.imageIndexes.size(); ++k) {
            if (k)
                json += ',';
            appendJsonString(json, d->store.at(tag.imageIndexes.at(k)).id);
        }
        json += "]}";
        if (!tag.isRegistered())
            unregisteredBytes += tag.bytes;
    }
    json += "],\"namespaces\":[";
    for (qsizetype i = 0; i < snapshot.namespaces.size(); ++i) {
        if (i)
            json += ',';
        appendJsonString(json, snapshot.namespaces.at(i));
    }
    json += "],\"repositories\":[";
    for (size_t i = 0; i < snapshot.repositories.size(); ++i) {
        if (i)
            json += ',';
        appendJsonString(json, snapshot.repositories[i].nameSpace + u'/' + snapshot.repositories[i].name);
    }
    json += "],\"tag_count\":" + QByteArray::number(qint64(snapshot.tags.size()));
    json += ",\"unregistered_tag_count\":" + QByteArray::number(snapshot.unregisteredCount());
    json += ",\"bytes\":" + QByteArray::number(snapshot.bytes());
    json += ",\"unregistered_bytes\":" + QByteArray::number(unregisteredBytes) + '}';
    return json;
}

QJsonObject SandboxServer::swrState() const
{
    return QJsonDocument::fromJson(swrStateJson()).object();
}

QJsonObject SandboxServer::state() const
{
    return QJsonDocument::fromJson(stateJson()).object();
}

QJsonObject SandboxServer::imageState(const QString &id) const
{
    const int index = d->store.indexOf(id);
    if (index < 0)
        return QJsonObject();
    return QJsonDocument::fromJson(d->store.stateJson(index)).object();
}

void SandboxServer::setWorkspaceName(const QString &workspaceId, const QString &name)
{
    d->workspaceApi->setName(workspaceId, name);
}

QJsonObject SandboxServer::counters() const
{
    return d->counters.toJson();
}

void SandboxServer::handle(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    const SandboxRequest request = SandboxRequest::from(httpRequest);
    const bool keepAlive = request.header("Connection").toLower() != "close";

    if (request.segments().value(0) == u"sandbox") {
        const SandboxResponse response =
            isLoopback(request.remoteAddress)
                ? AdminApi(this).handle(request)
                : AdminApi::error(403, u"admin endpoints answer loopback clients only"_s);
        deliver(socket, response, QString(), 0, keepAlive);
        Q_EMIT requestHandled(request.summary() + u" -> "_s + QString::number(response.status));
        return;
    }

    ++d->counters.requests;
    const FaultConfig &config = d->faults.config();
    const QString fault = d->faults.decide(request.method, request.path);
    int delayMs = config.latencyMs;
    SandboxResponse response;
    if (!fault.isEmpty())
        ++d->counters.faultsInjected;

    // Faults that break the exchange replace the handling, so a faulted DELETE changes nothing. "stall" and
    // "slow" only deliver a real response late: the request is handled when it arrives.
    if (FaultInjector::isStatusKind(fault)) {
        response = faultResponse(fault);
    } else if (fault == u"truncate" || fault == u"malformed") {
        if (SwrApi::handles(request.segments()) && request.method != "GET") {
            response = d->swrApi->readOnlyView(request, request.segments().mid(2));
        } else if (UsageApi::isReadOnly(request)) {
            response = dispatch(request);
        } else {
            const QStringList segments = request.segments();
            response = d->imageApi->readOnlyView(request, segments.mid(2));
        }
        if (fault == u"malformed")
            response.body = malformed(response.body);
    } else if (fault != u"reset") {
        response = dispatch(request);
    }
    if (fault == u"stall")
        delayMs += config.stallMs;

    deliver(socket, response, fault, delayMs, keepAlive);

    QString line =
        request.summary() + u" -> "_s + (fault == u"reset" ? u"reset"_s : QString::number(response.status));
    if (!fault.isEmpty())
        line += u" [fault: "_s + fault + u']';
    if (delayMs > 0)
        line += u" (+%1 ms)"_s.arg(delayMs);
    Q_EMIT requestHandled(line);
}

SandboxResponse SandboxServer::dispatch(const SandboxRequest &request)
{
    const QStringList segments = request.segments();
    const auto authenticate = [this, &request](AuthOutcome *outcome) {
        *outcome = d->authenticator->authenticate(request);
        if (!outcome->accepted)
            ++d->counters.authFailures;
        return outcome->accepted;
    };

    if (segments == QStringList{u"v3"_s, u"auth"_s, u"tokens"_s}) {
        if (request.method != "POST")
            return notFoundRoute();
        ++d->counters.token;
        return d->iamApi->issueToken(request);
    }
    if (segments == QStringList{u"v3"_s, u"projects"_s}) {
        if (request.method != "GET")
            return notFoundRoute();
        ++d->counters.projects;
        AuthOutcome outcome;
        if (!authenticate(&outcome))
            return outcome.failure;
        return d->iamApi->listProjects(request);
    }
    if (SwrApi::handles(segments)) {
        AuthOutcome outcome;
        if (!authenticate(&outcome))
            return outcome.failure;
        const QByteArray projectHeader = request.header("X-Project-Id");
        if (outcome.projectId != m_options.projectId ||
            (!projectHeader.isEmpty() && QString::fromUtf8(projectHeader) != m_options.projectId)) {
            return SwrApi::error(403, u"SVCSTG.SWR.4030002"_s,
                                 u"The project in X-Project-Id does not match the credentials."_s);
        }
        if (m_options.swrForbidden)
            return SwrApi::forbidden();
        return d->swrApi->handle(request, segments.mid(2));
    }
    // v2 has only the usage routes and SWR's /v2/manage; any other v2 path is an unknown route, answered
    // before authentication.
    const bool usageRoute = segments.size() >= 3 && UsageApi::handles(segments.first(), segments.mid(2));
    if (segments.size() >= 3 && (segments.first() == u"v1" || usageRoute)) {
        AuthOutcome outcome;
        if (!authenticate(&outcome))
            return outcome.failure;
        const QString &projectId = segments.at(1);
        const QByteArray projectHeader = request.header("X-Project-Id");
        if (projectId != m_options.projectId || outcome.projectId != projectId ||
            (!projectHeader.isEmpty() && QString::fromUtf8(projectHeader) != projectId)) {
            // 403, as documented: a 401 would tell the client its credentials died and make it log in again.
            return SandboxResponse::error(403, u"ModelArts.0210"_s,
                                          u"The project ID in the URL does not match the credentials"_s);
        }
        if (usageRoute)
            return d->usageApi->handle(request, segments.first(), segments.mid(2));
        if (WorkspaceApi::handles(segments.mid(2)))
            return d->workspaceApi->handle(request, segments.mid(2));
        return d->imageApi->handle(request, segments.mid(2));
    }
    return notFoundRoute();
}

SandboxResponse SandboxServer::faultResponse(const QString &kind) const
{
    if (kind == u"404")
        return notFoundRoute();
    // *Guess*: the code and text of a refusal by IAM policy are not documented for these routes.
    if (kind == u"403")
        return SandboxResponse::error(
            403, u"ModelArts.0112"_s,
            u"Not authorized to perform this operation: the policy does not allow it."_s);
    if (kind == u"429") {
        SandboxResponse response = SandboxResponse::error(
            429, u"APIGW.0308"_s,
            u"The throttling threshold has been reached: policy user over ratelimit, limit:20, time:1 second"_s);
        response.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(d->faults.config().retryAfterSeconds)});
        return response;
    }
    if (kind == u"500")
        return SandboxResponse::error(500, u"ModelArts.0010"_s, u"Internal error."_s);
    if (kind == u"502")
        return SandboxResponse::error(502, u"APIGW.0201"_s, u"Backend unavailable"_s);
    if (kind == u"503")
        return SandboxResponse::error(503, u"APIGW.0203"_s, u"Service unavailable, please try again later"_s);
    return SandboxResponse::error(504, u"APIGW.0202"_s, u"Backend timeout"_s);
}

void SandboxServer::deliver(QTcpSocket *socket, const SandboxResponse &response, const QString &fault,
                            int delayMs, bool keepAlive)
{
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::Id128);
    const Clock clock = m_options.clock;
    const int stallMs = d->faults.config().stallMs;
    QPointer<QTcpSocket> guarded(socket);

    auto write = [guarded, response, fault, keepAlive, requestId, clock, stallMs] {
        QTcpSocket *socket = guarded.data();
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (fault == u"reset") {
            socket->abort();
            return;
        }
        if (fault == u"truncate") {
            // Promise more than is sent, then close: the client sees an incomplete body.
            const qint64 promised = std::max<qint64>(response.body.size(), 64);
            socket->write(responseHead(response, promised, requestId, clock(), false));
            socket->write(response.body.left(response.body.size() / 2));
            socket->disconnectFromHost();
            return;
        }
        const QByteArray head = responseHead(response, response.body.size(), requestId, clock(), keepAlive);
        if (fault == u"slow" && !response.body.isEmpty()) {
            socket->write(head);
            constexpr int Chunks = 10;
            const qsizetype chunkSize = (response.body.size() + Chunks - 1) / Chunks;
            auto *timer = new QTimer(socket);
            timer->setInterval(std::max(1, stallMs / Chunks));
            auto sent = std::make_shared<qsizetype>(0);
            QObject::connect(timer, &QTimer::timeout, socket,
                             [guarded, timer, body = response.body, sent, chunkSize, keepAlive] {
                                 QTcpSocket *socket = guarded.data();
                                 if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
                                     timer->deleteLater();
                                     return;
                                 }
                                 socket->write(body.mid(*sent, chunkSize));
                                 *sent += chunkSize;
                                 if (*sent >= body.size()) {
                                     timer->stop();
                                     timer->deleteLater();
                                     if (!keepAlive)
                                         socket->disconnectFromHost();
                                 }
                             });
            timer->start();
            return;
        }
        socket->write(head + response.body);
        if (!keepAlive)
            socket->disconnectFromHost();
    };

    if (delayMs <= 0)
        write();
    else
        QTimer::singleShot(delayMs, socket, write);
}

} // namespace mim::sandbox
