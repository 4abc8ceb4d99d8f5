// The modelarts-sandbox executable as the benchmark and developers use it: first stdout line, a signed page,
// one log line per request, --help, --version and the loopback rule.

#include "RawApiClient.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim::test;

namespace {

const QString Executable = QStringLiteral(MIM_SANDBOX_EXECUTABLE);

// Reads one line from the process's stdout, waiting for it if needed.
QByteArray readLine(QProcess &process, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!process.canReadLine() && timer.elapsed() < timeoutMs) {
        if (!process.waitForReadyRead(int(timeoutMs - timer.elapsed())))
            break;
    }
    return process.readLine();
}

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesSignedPages();
    void quietPrintsOnlyTheFirstLine();
    void helpDocumentsTheDefaults();
    void printsItsVersion();
    void refusesRemoteAddresses();
};

void TestSandboxProcess::servesSignedPages()
{
    QProcess process;
    process.start(Executable,
                  {u"--images"_s, u"500"_s, u"--seed"_s, u"3"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));

    const QByteArray first = readLine(process);
    const QRegularExpression pattern(u"^listening on (http://127\\.0\\.0\\.1:(\\d+))\\n$"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(first));
    QVERIFY2(match.hasMatch(), first.constData());
    QVERIFY(match.captured(2).toInt() > 0);

    RawApiClient client(QUrl(match.captured(1)));
    const RawReply reply = client.api("GET", u"images?type=DEDICATED&limit=50"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 50);
    QVERIFY(reply.json().value(u"total"_s).toInt() > 400);

    // The in-process server with the same data set agrees.
    mim::sandbox::SandboxOptions options;
    options.imageCount = 500;
    options.seed = 3;
    mim::sandbox::SandboxServer reference(options);
    QVERIFY(reference.start());
    RawApiClient referenceClient(reference.baseUrl());
    QCOMPARE(referenceClient.api("GET", u"images?type=DEDICATED&limit=50"_s).body, reply.body);

    const QByteArray logLine = readLine(process);
    QVERIFY2(logLine.startsWith("GET /v1/") && logLine.contains("-> 200"), logLine.constData());
    QVERIFY(!logLine.contains(QByteArray(mim::sandbox::DefaultSecretKey)));

    process.kill();
    QVERIFY(process.waitForFinished(10000));
}

void TestSandboxProcess::quietPrintsOnlyTheFirstLine()
{
    QProcess process;
    process.start(Executable, {u"--images"_s, u"20"_s, u"--quiet"_s});
    QVERIFY(process.waitForStarted());
    const QByteArray first = readLine(process);
    QVERIFY2(first.startsWith("listening on http://127.0.0.1:"), first.constData());
    RawApiClient client(QUrl(QString::fromUtf8(first.mid(13).trimmed())));
    QCOMPARE(client.api("GET", u"images?type=DEDICATED"_s).status, 200);
    QCOMPARE(client.plainCall("GET", u"/sandbox/state"_s).status, 200);
    process.kill();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
}

void TestSandboxProcess::helpDocumentsTheDefaults()
{
    QProcess process;
    process.start(Executable, {u"--help"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    for (const char *expected :
         {"--listen",       "--images",         "--seed",       "--demo",       "--ak",
          "--sk",           "--project-id",     "--region",     "--iam-user",   "--iam-password",
          "--iam-domain",   "--token-lifetime", "--latency-ms", "--fault-rate", "--faults",
          "--retry-after",  "--stall-ms",       "--tls-cert",   "--tls-key",    "--quiet",
          "--allow-remote", "127.0.0.1:0"}) {
        QVERIFY2(help.contains(expected), expected);
    }
    QVERIFY(help.contains(mim::sandbox::DefaultAccessKey));
    QVERIFY(help.contains(mim::sandbox::DefaultProjectId));
    QVERIFY(help.contains(mim::sandbox::DefaultIamUser));
}

void TestSandboxProcess::printsItsVersion()
{
    QProcess process;
    process.start(Executable, {u"--version"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains(MIM_VERSION));
}

void TestSandboxProcess::refusesRemoteAddresses()
{
    QProcess process;
    process.start(Executable, {u"--images"_s, u"1"_s, u"--listen"_s, u"0.0.0.0:0"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().contains("--allow-remote"));

    process.start(Executable, {u"--listen"_s, u"nonsense"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "test_sandbox_process.moc"
