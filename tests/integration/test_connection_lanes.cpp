#include "models/api/ApiClient.h"
#include "SandboxFixture.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace mim;

// Qt opens at most six HTTP/1.1 connections to a host per network access manager. A listing window of 16
// pages means 16 requests really in flight: the client spreads what does not fit over more connections.
class TestConnectionLanes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsBeyondSixUseMoreConnections()
    {
        // A server that accepts every connection, reads the request and never answers: each request holds
        // its connection, so the connections open at once are the requests in flight.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> sockets;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                sockets.append(socket);
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            }
        });

        test::SandboxFixture fixture; // for valid account settings only
        QVERIFY(fixture.start());
        ConnectionSettings settings = fixture.akskSettings();
        settings.modelArtsEndpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
        settings.retry.maxAttempts = 1;

        constexpr int InFlight = 16;
        QNetworkAccessManager network;
        {
            ApiClient client(&network, settings);
            QList<ApiCall *> calls;
            for (int i = 0; i < InFlight; ++i)
                calls.append(client.showImage(QUuid::createUuid().toString(QUuid::WithoutBraces)));
            QTRY_COMPARE_WITH_TIMEOUT(sockets.size(), InFlight, 10000);
            // Destroying the client cancels every call; the sockets then close.
        }
        qDeleteAll(sockets);
    }
};

QTEST_GUILESS_MAIN(TestConnectionLanes)
#include "test_connection_lanes.moc"
