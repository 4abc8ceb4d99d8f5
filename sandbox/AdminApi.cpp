#include "AdminApi.h"

#include "SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

AdminApi::AdminApi(SandboxServer *server)
    : m_server(server)
{}

SandboxResponse AdminApi::error(int status, const QString &message)
{
    return SandboxResponse::json(status, QJsonObject{{u"error"_s, message}});
}

SandboxResponse AdminApi::handle(const SandboxRequest &request)
{
    const QStringList segments = request.segments().mid(1);
    const QByteArray &method = request.method;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return error(400, u"the body must be a JSON object"_s);
        body = document.object();
    }
    const QString resource = segments.value(0);

    if (resource == u"state" && segments.size() == 1 && method == "GET")
        return SandboxResponse::jsonBytes(200, m_server->stateJson());

    if (resource == u"reset" && segments.size() == 1 && method == "POST") {
        if (body.value(u"demo"_s).toBool()) {
            m_server->resetDemo();
        } else {
            const QJsonValue images = body.value(u"images"_s);
            const QJsonValue seed = body.value(u"seed"_s);
            if ((!images.isUndefined() && (!images.isDouble() || images.toInteger() < 0)) ||
                (!seed.isUndefined() && (!seed.isDouble() || seed.toInteger() < 0))) {
                return error(400, u"\"images\" and \"seed\" must be non-negative integers"_s);
            }
            m_server->reset(int(images.toInteger(m_server->options().imageCount)),
                            quint32(seed.toInteger(m_server->options().seed)));
        }
        return SandboxResponse::json(200, QJsonObject{{u"images"_s, m_server->imageCount()},
                                                      {u"seed"_s, qint64(m_server->options().seed)},
                                                      {u"demo"_s, m_server->options().demo}});
    }

    if (resource == u"faults" && segments.size() == 1) {
        if (method == "GET")
            return SandboxResponse::json(200, m_server->faults().toJson());
        if (method == "POST") {
            QString why;
            if (!m_server->setFaults(body, &why))
                return error(400, why);
            return SandboxResponse::json(200, m_server->faults().toJson());
        }
    }

    if (resource == u"expire-tokens" && segments.size() == 1 && method == "POST")
        return SandboxResponse::json(200, QJsonObject{{u"expired"_s, m_server->expireTokens()}});

    if (resource == u"images" && segments.size() == 1 && method == "POST") {
        if (body.contains(u"image"_s)) {
            QString why;
            const QString id = m_server->addImage(body.value(u"image"_s).toObject(), &why);
            if (id.isEmpty())
                return error(400, why);
            return SandboxResponse::json(200, QJsonObject{{u"ids"_s, QJsonArray{id}}});
        }
        const QJsonValue count = body.value(u"count"_s);
        if (!count.isDouble() || count.toInteger() < 1 || count.toInteger() > 1000000)
            return error(400, u"give {\"count\": 1..1000000} or {\"image\": {...}}"_s);
        return SandboxResponse::json(
            200,
            QJsonObject{{u"ids"_s, QJsonArray::fromStringList(m_server->addImages(int(count.toInteger())))}});
    }

    if (resource == u"swr" && segments.size() == 1 && method == "POST") {
        const QJsonValue forbidden = body.value(u"forbidden"_s);
        if (!forbidden.isBool())
            return error(400, u"give {\"forbidden\": true|false}"_s);
        m_server->setSwrForbidden(forbidden.toBool());
        return SandboxResponse::json(200, QJsonObject{{u"forbidden"_s, forbidden.toBool()}});
    }
    if (resource == u"swr" && segments == QStringList{u"swr"_s, u"tags"_s} && method == "POST") {
        QString why;
        const int added = m_server->addSwrTags(body, &why);
        if (added < 0)
            return error(400, why);
        return SandboxResponse::json(200, QJsonObject{{u"added"_s, added}});
    }

    if (resource == u"images" && segments.size() == 2) {
        const QString &id = segments.at(1);
        if (method == "DELETE") {
            if (!m_server->image(id))
                return error(404, u"no image %1"_s.arg(id));
            if (!m_server->removeImage(id))
                return error(400, u"image %1 is already deleted"_s.arg(id));
            return SandboxResponse::json(200, m_server->imageState(id));
        }
        if (method == "PATCH") {
            QString why;
            if (!m_server->patchImage(id, body, &why))
                return error(m_server->image(id) ? 400 : 404, why);
            return SandboxResponse::json(200, m_server->imageState(id));
        }
        if (method == "GET") {
            if (!m_server->image(id))
                return error(404, u"no image %1"_s.arg(id));
            return SandboxResponse::json(200, m_server->imageState(id));
        }
    }
    return error(404, u"unknown admin endpoint %1 %2"_s.arg(QString::fromLatin1(method), request.path));
}

} // namespace mim::sandbox
