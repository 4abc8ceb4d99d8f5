// Responses no real server should send, from a tiny hostile HTTP server in this process: a 100 MB body (with
// and without Content-Length), JSON nested 10,000 levels deep, names of 10 MB each, bytes that are not UTF-8.
// Each one ends in a clear error or a successful parse, never a crash, with bounded memory.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/api/Image.h"

#include <atomic>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 OversizedBytes = 100 * MiB;

// Answers every request on 127.0.0.1 with the same response: a fixed body, or `streamBytes` of filler
// written chunk by chunk as the socket drains, so the server never holds the whole body either.
class HostileServer : public QObject
{
public:
    QByteArray body;
    qint64 streamBytes = 0;
    bool announceLength = true;
    int requests = 0;

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }

    HostileServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                auto request = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
                    request->append(socket->readAll());
                    if (request->contains("\r\n\r\n")) {
                        request->clear();
                        answer(socket);
                    }
                });
            }
        });
    }

private:
    void answer(QTcpSocket *socket)
    {
        ++requests;
        const qint64 length = streamBytes > 0 ? streamBytes : body.size();
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: hostile-1\r\n";
        if (announceLength || streamBytes == 0)
            head += "Content-Length: " + QByteArray::number(length) + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head);
        if (streamBytes == 0) {
            socket->write(body);
            socket->disconnectFromHost();
            return;
        }
        auto sent = std::make_shared<qint64>(0);
        const QByteArray chunk(MiB, ' ');
        const auto pump = [socket, sent, chunk, total = streamBytes] {
            while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 2 * MiB &&
                   *sent < total) {
                socket->write(chunk);
                *sent += chunk.size();
            }
            if (*sent >= total && socket->bytesToWrite() == 0)
                socket->disconnectFromHost();
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
    }

    QTcpServer m_server;
};

// Sends a response as fast as loopback allows from a thread of its own, so the client's event loop cannot
// slow it down: an endless chunked body, or any fixed bytes.
class FastServerThread : public QThread
{
public:
    QByteArray fixedResponse; // when empty: an endless chunked body
    int trickleDelayMs = 0;   // > 0: fixedResponse is sent one byte at a time with this pause
    std::atomic<qint64> bytesSent{0};
    std::atomic<quint16> port{0};

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(port.load())); }

    void startAndWait()
    {
        start();
        while (port.load() == 0)
            QThread::msleep(5);
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost))
            return;
        port = server.serverPort();
        if (!server.waitForNewConnection(30000))
            return;
        std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
        QByteArray request;
        while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(10000))
            request += socket->readAll();
        if (!fixedResponse.isEmpty()) {
            for (qsizetype i = 0; i < fixedResponse.size();) {
                const qsizetype n = trickleDelayMs > 0 ? 1 : fixedResponse.size();
                socket->write(fixedResponse.mid(i, n));
                i += n;
                if (!socket->waitForBytesWritten(10000) && socket->bytesToWrite() > 0)
                    return;
                if (trickleDelayMs > 0)
                    QThread::msleep(trickleDelayMs);
                if (socket->state() != QAbstractSocket::ConnectedState || isInterruptionRequested())
                    return;
            }
            socket->waitForDisconnected(10000);
            return;
        }
        socket->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray payload(MiB, ' ');
        const QByteArray chunk = QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n";
        // Bounded: stops when the client hangs up, or after 4 GB.
        while (socket->state() == QAbstractSocket::ConnectedState && bytesSent < 4096 * MiB &&
               !isInterruptionRequested()) {
            if (socket->bytesToWrite() < 8 * MiB) {
                socket->write(chunk);
                bytesSent += chunk.size();
            }
            socket->waitForBytesWritten(1000);
        }
    }
};

// The largest resident set since the last reset, so a short spike between two samples is seen too.
void resetPeakResidentBytes()
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

qint64 peakResidentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression vmHwm(u"^VmHWM:\\s+(\\d+)\\s+kB"_s, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = vmHwm.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : -1;
}

struct Outcome
{
    bool finished = false;
    ApiError error;
    int attempts = 0;
    QByteArray body;
};

ConnectionSettings settingsFor(const QUrl &url)
{
    ConnectionSettings settings;
    settings.regionId = u"cn-north-4"_s;
    settings.projectId = u"0123456789abcdef0123456789abcdef"_s;
    settings.modelArtsEndpoint = url;
    settings.iamEndpoint = url;
    settings.credentials.accessKey = u"HOSTILETESTAK"_s;
    settings.credentials.secretKey = u"hostile-test-sk"_s;
    settings.transferTimeoutMs = 10000;
    settings.retry.maxAttempts = 3;
    settings.retry.baseDelayMs = 10;
    settings.retry.maxDelayMs = 20;
    return settings;
}

Outcome listPage(ApiClient &client)
{
    auto outcome = std::make_shared<Outcome>();
    ApiCall *call = client.listImagesPage(ListQuery(), 0, 200);
    QObject::connect(call, &ApiCall::finished, call, [call, outcome] {
        outcome->finished = true;
        outcome->error = call->error();
        outcome->attempts = call->attempts();
        outcome->body = call->body();
    });
    if (!QTest::qWaitFor([&] { return outcome->finished; }, 60000))
        qWarning("the call did not finish in time");
    return *outcome;
}

qint64 residentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression vmRss(u"^VmRSS:\\s+(\\d+)\\s+kB"_s, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = vmRss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : -1;
}

QByteArray pageOf(const QList<QByteArray> &names)
{
    QByteArray data;
    for (int i = 0; i < names.size(); ++i) {
        if (i > 0)
            data += ',';
        data += R"({"id":"0a1b2c3d-0000-4000-8000-00000000000)" + QByteArray::number(i) + R"(","name":")" +
                names.at(i) +
                R"(","tag":"v1","status":"ACTIVE","type":"DEDICATED","visibility":"PRIVATE","size":1024,)"
                R"("create_at":1700000000000,"update_at":1700000000000,"swr_path":"swr.example/ns/img:v1",)"
                R"("namespace":"ns","arch":"x86_64"})";
    }
    return R"({"total":)" + QByteArray::number(names.size()) + R"(,"current":0,"pages":1,"size":)" +
           QByteArray::number(names.size()) + R"(,"data":[)" + data + "]}";
}

} // namespace

class TestHostileResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oversizedBody_data();
    void oversizedBody();
    void deeplyNestedJson();
    void hugeStringsParseWithinTheCap();
    void hugeStringsOverTheCapAreRefused();
    void notUtf8();
    void fastEndlessBodyStaysWithinTheCap();
    void redirectIsNotFollowed();
    void compressionBombSaysItCouldNotBeDecoded();
    void tricklingBodyMeetsTheDeadline();

private:
    QNetworkAccessManager m_network;
};

void TestHostileResponses::oversizedBody_data()
{
    QTest::addColumn<bool>("announceLength");
    QTest::newRow("Content-Length 100 MB") << true;
    QTest::newRow("100 MB until the connection closes") << false;
}

void TestHostileResponses::oversizedBody()
{
    QFETCH(bool, announceLength);
    HostileServer server;
    server.streamBytes = OversizedBytes;
    server.announceLength = announceLength;
    QVERIFY(server.listen());
    ApiClient client(&m_network, settingsFor(server.url()));

    const qint64 before = residentBytes();
    QVERIFY(before > 0);
    const Outcome outcome = listPage(client);
    const qint64 growth = residentBytes() - before;

    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QVERIFY2(outcome.error.fullText().contains(u"too large (over 64 MB)"_s),
             qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.attempts, 1); // the same request would bring the same body: not retried
    QCOMPARE(server.requests, 1);
    QVERIFY(outcome.body.isEmpty());
    QVERIFY2(growth < 200 * MiB, qPrintable(u"RSS grew by %1 MB"_s.arg(growth / MiB)));
}

void TestHostileResponses::deeplyNestedJson()
{
    HostileServer server;
    server.body = R"({"total":1,"data":)" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}";
    QVERIFY(server.listen());
    ApiClient client(&m_network, settingsFor(server.url()));

    const Outcome outcome = listPage(client);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QVERIFY(!outcome.error.summary().isEmpty());
    QVERIFY2(outcome.error.detail.contains(u"could not be read"_s), qPrintable(outcome.error.fullText()));

    // The parser the listing uses refuses it as well, with a reason.
    QString why;
    QVERIFY(!ImagePage::fromJson(server.body, &why));
    QVERIFY(!why.isEmpty());
}

void TestHostileResponses::hugeStringsParseWithinTheCap()
{
    HostileServer server;
    const QByteArray name(10 * MiB, 'n');
    server.body = pageOf({name, name, name});
    QVERIFY(server.listen());
    ApiClient client(&m_network, settingsFor(server.url()));

    const Outcome outcome = listPage(client);
    QVERIFY(outcome.finished);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.fullText()));
    QString why;
    const std::optional<ImagePage> page = ImagePage::fromJson(outcome.body, &why);
    QVERIFY2(page, qPrintable(why));
    QCOMPARE(page->images.size(), 3);
    QCOMPARE(page->images.first().name.size(), name.size());
}

void TestHostileResponses::hugeStringsOverTheCapAreRefused()
{
    HostileServer server;
    const QByteArray name(10 * MiB, 'n');
    server.body = pageOf({name, name, name});
    QVERIFY(server.listen());
    ConnectionSettings settings = settingsFor(server.url());
    settings.maxResponseBytes = 16 * MiB;
    ApiClient client(&m_network, settings);

    const Outcome outcome = listPage(client);
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QVERIFY2(outcome.error.fullText().contains(u"too large (over 16 MB)"_s),
             qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.attempts, 1);
}

void TestHostileResponses::notUtf8()
{
    HostileServer server;
    server.body = pageOf({QByteArray("bad-\xff\xfe-\xc3\x28-name")});
    QVERIFY(server.listen());
    ApiClient client(&m_network, settingsFor(server.url()));

    const Outcome outcome = listPage(client);
    QVERIFY(outcome.finished);
    // Either refused with a reason, or read with the bad bytes replaced: never a crash, never garbage passed
    // on as if it were the server's text.
    if (outcome.error.isError()) {
        QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
        QVERIFY(!outcome.error.detail.isEmpty());
    } else {
        QString why;
        const std::optional<ImagePage> page = ImagePage::fromJson(outcome.body, &why);
        QVERIFY2(page, qPrintable(why));
        QCOMPARE(page->images.size(), 1);
        QVERIFY(page->images.first().name.startsWith(u"bad-"_s));
        QVERIFY(page->images.first().name.contains(QChar::ReplacementCharacter));
    }
}

void TestHostileResponses::fastEndlessBodyStaysWithinTheCap()
{
    FastServerThread server;
    server.startAndWait();
    ConnectionSettings settings = settingsFor(server.url());
    settings.maxResponseBytes = 16 * MiB;
    ApiClient client(&m_network, settings);

    const qint64 before = residentBytes();
    QVERIFY(before > 0);
    resetPeakResidentBytes();
    const Outcome outcome = listPage(client);
    const qint64 peakGrowth = peakResidentBytes() - before;
    server.requestInterruption();
    server.wait();

    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QVERIFY2(outcome.error.fullText().contains(u"too large (over 16 MB)"_s),
             qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.attempts, 1);
    // The cap plus what Qt may read ahead and what the allocator keeps, never the rate times the reaction
    // time.
    QVERIFY2(peakGrowth < 96 * MiB,
             qPrintable(u"peak RSS grew by %1 MB while the server sent %2 MB"_s.arg(peakGrowth / MiB)
                            .arg(server.bytesSent.load() / MiB)));
}

void TestHostileResponses::redirectIsNotFollowed()
{
    FastServerThread server;
    server.fixedResponse = "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:9/elsewhere\r\n"
                           "Content-Length: 0\r\nConnection: close\r\n\r\n";
    server.startAndWait();
    ApiClient client(&m_network, settingsFor(server.url()));

    const Outcome outcome = listPage(client);
    server.wait();
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QCOMPARE(outcome.error.httpStatus, 307);
    QVERIFY2(outcome.error.summary().contains(u"redirect"_s), qPrintable(outcome.error.fullText()));
    QVERIFY2(outcome.error.detail.contains(u"http://127.0.0.1:9/elsewhere"_s),
             qPrintable(outcome.error.fullText()));
    QVERIFY2(outcome.error.detail.contains(u"not followed"_s), qPrintable(outcome.error.fullText()));
    QVERIFY(!outcome.error.fullText().contains(u"could not be read"_s));
}

void TestHostileResponses::compressionBombSaysItCouldNotBeDecoded()
{
    // 512 MB of spaces in about half a megabyte: zlib data, as "Content-Encoding: deflate" carries it.
    const QByteArray bomb = qCompress(QByteArray(512 * MiB, ' '), 9).mid(4);
    FastServerThread server;
    server.fixedResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: deflate\r\n"
        "Content-Length: " +
        QByteArray::number(bomb.size()) + "\r\nConnection: close\r\n\r\n" + bomb;
    server.startAndWait();
    ApiClient client(&m_network, settingsFor(server.url()));

    const qint64 before = residentBytes();
    resetPeakResidentBytes();
    const Outcome outcome = listPage(client);
    const qint64 peakGrowth = peakResidentBytes() - before;
    server.requestInterruption();
    server.wait();
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    const QString text = outcome.error.fullText();
    QVERIFY2(!text.contains(u"JSON"_s, Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(text.contains(u"could not be decoded"_s) || text.contains(u"too large"_s), qPrintable(text));
    QVERIFY2(peakGrowth < 160 * MiB, qPrintable(u"peak RSS grew by %1 MB"_s.arg(peakGrowth / MiB)));
}

void TestHostileResponses::tricklingBodyMeetsTheDeadline()
{
    FastServerThread server;
    const QByteArray body = pageOf({"slow"});
    server.fixedResponse = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                           QByteArray::number(body.size()) + "\r\n\r\n" + body;
    server.trickleDelayMs = 20; // never silent long enough for the transfer timeout
    server.startAndWait();
    ConnectionSettings settings = settingsFor(server.url());
    settings.requestDeadlineMs = 1500;
    settings.retry.maxAttempts = 1;
    ApiClient client(&m_network, settings);

    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = listPage(client);
    server.requestInterruption();
    server.wait();
    QCOMPARE(outcome.error.kind, ErrorKind::Timeout);
    QVERIFY2(outcome.error.detail.contains(u"longer than 1.5 seconds"_s),
             qPrintable(outcome.error.fullText()));
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestHostileResponses)
#include "test_hostile_responses.moc"
