#pragma once

#include <QString>
#include <QUrl>

namespace mim {

enum class AuthMethod
{
    AkSk,
    Password, // IAM user + password, exchanged for a token
};

// Secrets. Held in memory only; stored nowhere but the OS keychain.
struct Credentials
{
    AuthMethod method = AuthMethod::AkSk;
    QString accessKey;
    QString secretKey;
    QString securityToken; // temporary AK/SK only
    QString userName;
    QString domainName; // account name the IAM user belongs to
    QString password;

    bool isComplete() const;
    friend bool operator==(const Credentials &, const Credentials &) = default;
};

struct RetryPolicy
{
    int maxAttempts = 5;       // including the first
    int baseDelayMs = 500;     // first backoff, doubled each time, with jitter
    int maxDelayMs = 8000;     // cap of one backoff, and of an honoured Retry-After
    int totalBudgetMs = 30000; // no retry starts after this much time spent on one call
};

// Everything the API client needs to reach one account.
struct ConnectionSettings
{
    QString regionId;
    QString projectId; // discovered through IAM when empty
    QUrl modelArtsEndpoint;
    QUrl iamEndpoint;
    // SWR (the registry holding the images' content): the region's from Regions, or the profile's own.
    // Empty when neither knows one; SWR calls then fail without a request.
    QUrl swrEndpoint;
    Credentials credentials;
    QString caCertificatesFile; // extra trusted CA (PEM); empty = system store only
    int transferTimeoutMs = 30000;
    // A response body larger than this is refused as soon as its size shows (Content-Length or bytes
    // received), so a broken or hostile server cannot make the app hold an unbounded body in memory.
    qint64 maxResponseBytes = qint64(64) * 1024 * 1024;
    // One attempt may take at most this long in all, however steadily bytes trickle in (the transfer timeout
    // only notices silence). Generous: a 64 MB page at 1 Mbit/s fits.
    int requestDeadlineMs = 10 * 60 * 1000;
    RetryPolicy retry;
};

// http:// is only acceptable towards loopback addresses.
bool isAcceptableEndpoint(const QUrl &url, QString *whyNot = nullptr);

} // namespace mim
