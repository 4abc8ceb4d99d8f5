#pragma once

#include "models/api/ConnectionSettings.h"

#include <functional>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace mim {
class ApiClient;
}

namespace mim::app {

// --self-test: lists the account's own images once, without a window, and reports on one line:
// "self-test: loaded N images in T ms" on stdout, or "self-test: failed: <reason>" on stderr.
class SelfTest : public QObject
{
    Q_OBJECT
public:
    SelfTest(QNetworkAccessManager *network, QObject *parent = nullptr);

    // Applied to the failure line before it is printed (the logger's last-line-of-defence redaction).
    void setRedactor(std::function<QString(const QString &)> redactor) { m_redactor = std::move(redactor); }

    void run(const ConnectionSettings &settings);
    // Reports a failure that happened before the listing could start (e.g. the keychain).
    void fail(const QString &reason);

    static QString successLine(qint64 images, qint64 milliseconds);
    static QString failureLine(const QString &reason);

    // The listing's whole budget; the client's own timeouts and retries come first.
    static constexpr int OverallTimeoutMs = 180000;

Q_SIGNALS:
    void finished(int exitCode);

private:
    void succeed(qint64 images);

    QNetworkAccessManager *m_network;
    QPointer<ApiClient> m_client;
    QElapsedTimer m_elapsed;
    std::function<QString(const QString &)> m_redactor;
    bool m_done = false;
};

} // namespace mim::app
