#pragma once

// What the files that implement ApiClient share (ApiClient.cpp sends, ApiRequestBuilder.cpp builds the
// requests, ApiResponse.cpp reads the answers). Not for use outside models/api.

#include "models/api/ApiClient.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

namespace apirequest {

constexpr QByteArrayView JsonContentType = "application/json";
constexpr QByteArrayView JsonBodyContentType = "application/json;charset=UTF-8";

using QueryItems = QList<QPair<QString, QString>>;

// Names and values percent-encoded one by one, joined with '&' and '='.
QByteArray encodeQuery(const QueryItems &items);
QByteArray jsonBody(const QJsonObject &object);
QueryItems listQueryItems(const ListQuery &query);

} // namespace apirequest

// Qt reads at most this much ahead of the body read so far: with the body counted as it arrives, memory stays
// within maxResponseBytes plus this, however fast the server sends.
constexpr qint64 ReplyReadBufferBytes = 1024 * 1024;

// What one HTTP attempt sent and saw.
struct ApiClient::Attempt
{
    QPointer<QNetworkReply> reply;
    bool done = false;
    qint64 sentAtMs = 0;
    QByteArray token;   // the IAM token used, to invalidate exactly that one on a 401
    QDateTime signedAt; // the X-Sdk-Date, to tell the user how far off the clock is
    QString logPath;    // path and query, for log lines
    QList<QSslError> sslErrors;
    QList<QSslCertificate> peerChain;
    bool tooLarge = false;     // aborted because the body exceeded ConnectionSettings::maxResponseBytes
    bool pastDeadline = false; // aborted because it ran longer than ConnectionSettings::requestDeadlineMs
    QByteArray body;           // read as it arrives, so the cap holds at any rate
};

} // namespace mim
