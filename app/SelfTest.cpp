#include "SelfTest.h"

#include "models/api/ApiClient.h"

#include <cstdio>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSelfTest, "mim.app.selftest")

namespace mim::app {

namespace {

void printLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = (line + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

SelfTest::SelfTest(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

QString SelfTest::successLine(qint64 images, qint64 milliseconds)
{
    // Machine-read by scripts and tests: never translated.
    return u"self-test: loaded %1 images in %2 ms"_s.arg(images).arg(milliseconds);
}

QString SelfTest::failureLine(const QString &reason)
{
    QString oneLine = reason.simplified();
    return u"self-test: failed: "_s + oneLine;
}

void SelfTest::run(const ConnectionSettings &settings)
{
    m_elapsed.start();
    m_client = new ApiClient(m_network, settings, systemClock(), this);
    ListQuery query;
    query.type = u"DEDICATED"_s;
    ImageListing *listing = m_client->listAllImages(query);
    connect(listing, &ImageListing::finished, this, [this, listing] {
        if (listing->succeeded())
            succeed(listing->images().size());
        else
            fail(listing->error().fullText());
    });
    QTimer::singleShot(OverallTimeoutMs, this, [this] {
        fail(tr("No answer within %Ln second(s).", nullptr, OverallTimeoutMs / 1000));
    });
}

void SelfTest::succeed(qint64 images)
{
    if (m_done)
        return;
    m_done = true;
    qCInfo(lcSelfTest) << "listing finished";
    printLine(stdout, successLine(images, m_elapsed.elapsed()));
    Q_EMIT finished(0);
}

void SelfTest::fail(const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    printLine(stderr, failureLine(m_redactor ? m_redactor(reason) : reason));
    Q_EMIT finished(1);
}

} // namespace mim::app
