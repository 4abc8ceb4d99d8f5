#pragma once

// A bare HTTP/1.1 server on 127.0.0.1 for client tests that need exact control of each answer: status,
// headers, body, or no answer at all. Records every request byte for byte. Header-only (mim_test_printing).

#include <functional>
#include <memory>
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace mim::test {

class ScriptedHttpServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const
        {
            for (const auto &[key, value] : headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
            return {};
        }
        QByteArray path() const
        {
            return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        }
        // A decoded query parameter; empty when absent.
        QString query(const QString &name) const
        {
            const qsizetype mark = target.indexOf('?');
            if (mark < 0)
                return {};
            return QUrlQuery(QString::fromLatin1(target.mid(mark + 1)))
                .queryItemValue(name, QUrl::FullyDecoded);
        }
    };

    struct Response
    {
        QByteArray status = "200 OK";
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool hold = false; // never answer (the connection stays open)

        static Response ok(QByteArray body)
        {
            Response response;
            response.body = std::move(body);
            return response;
        }
    };

    ScriptedHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    while (answerOne(socket, *buffer)) {
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    QList<Request> received;
    // Answers each request; without it every answer is 200 with "{}".
    std::function<Response(const Request &)> handler;

private:
    bool answerOne(QTcpSocket *socket, QByteArray &buffer)
    {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + contentLength)
            return false;
        request.body = buffer.mid(headEnd + 4, contentLength);
        buffer.remove(0, headEnd + 4 + contentLength);
        received.append(request);
        Response response;
        if (handler)
            response = handler(request);
        else
            response.body = "{}";
        if (response.hold)
            return true;
        QByteArray head = "HTTP/1.1 " + response.status + "\r\nX-Request-Id: scripted\r\n";
        if (!response.body.isEmpty())
            head += "Content-Type: application/json\r\n";
        for (const auto &[name, value] : std::as_const(response.headers))
            head += name + ": " + value + "\r\n";
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        socket->write(head + response.body);
        return true;
    }

    QTcpServer m_server;
};

} // namespace mim::test
