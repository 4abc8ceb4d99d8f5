#include "models/api/AkSkSigner.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace mim::AkSkSigner {

namespace {

constexpr char HexDigits[] = "0123456789ABCDEF";

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decoding on bytes. '+' stays '+' (the Python signers read it that way) and an escape that is
// not followed by two hex digits is kept literally, like urllib's unquote does.
QByteArray percentDecode(QByteArrayView encoded)
{
    QByteArray decoded;
    decoded.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '%' && i + 2 < encoded.size()) {
            const int high = hexValue(encoded[i + 1]);
            const int low = hexValue(encoded[i + 2]);
            if (high >= 0 && low >= 0) {
                decoded.append(char((high << 4) | low));
                i += 2;
                continue;
            }
        }
        decoded.append(c);
    }
    return decoded;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// The URL authority as written, without user info: host, plus the port when the URL names one.
QByteArray authorityOf(const QUrl &url)
{
    return url.authority(QUrl::RemoveUserInfo | QUrl::FullyEncoded).toUtf8();
}

struct CanonicalHeader
{
    QByteArray name;  // lower case
    QByteArray value; // trimmed
};

} // namespace

QByteArray percentEncode(const QByteArray &decoded)
{
    QByteArray encoded;
    encoded.reserve(decoded.size() * 3);
    for (const char c : decoded) {
        if (isUnreserved(c)) {
            encoded.append(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            encoded.append('%');
            encoded.append(HexDigits[byte >> 4]);
            encoded.append(HexDigits[byte & 0x0F]);
        }
    }
    return encoded;
}

QByteArray canonicalUri(const QByteArray &rawPath)
{
    const QByteArray decoded = percentDecode(rawPath);
    QByteArray result;
    result.reserve(decoded.size() * 3 + 1);
    qsizetype start = 0;
    while (true) {
        const qsizetype slash = decoded.indexOf('/', start);
        const qsizetype end = slash < 0 ? decoded.size() : slash;
        result.append(percentEncode(decoded.mid(start, end - start)));
        if (slash < 0)
            break;
        result.append('/');
        start = slash + 1;
    }
    if (!result.endsWith('/'))
        result.append('/');
    return result;
}

QByteArray canonicalQuery(const QByteArray &rawQuery)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    qsizetype start = 0;
    while (start <= rawQuery.size()) {
        qsizetype end = rawQuery.indexOf('&', start);
        if (end < 0)
            end = rawQuery.size();
        const QByteArrayView piece = QByteArrayView(rawQuery).sliced(start, end - start);
        start = end + 1;
        // Only split once: anything after the first '=' belongs to the value.
        const qsizetype equals = piece.indexOf('=');
        const QByteArrayView rawKey = equals < 0 ? piece : piece.first(equals);
        const QByteArrayView rawValue = equals < 0 ? QByteArrayView() : piece.sliced(equals + 1);
        QByteArray key = percentDecode(rawKey);
        if (key.isEmpty())
            continue;
        pairs.append({std::move(key), percentDecode(rawValue)});
    }
    std::sort(pairs.begin(), pairs.end());

    QByteArray result;
    result.reserve(rawQuery.size() * 2);
    for (const auto &[key, value] : std::as_const(pairs)) {
        if (!result.isEmpty())
            result.append('&');
        result.append(percentEncode(key));
        result.append('=');
        result.append(percentEncode(value));
    }
    return result;
}

QByteArray formatSdkDate(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    return QByteArray::number(date.year()).rightJustified(4, '0') +
           QByteArray::number(date.month()).rightJustified(2, '0') +
           QByteArray::number(date.day()).rightJustified(2, '0') + 'T' +
           QByteArray::number(clock.hour()).rightJustified(2, '0') +
           QByteArray::number(clock.minute()).rightJustified(2, '0') +
           QByteArray::number(clock.second()).rightJustified(2, '0') + 'Z';
}

QDateTime parseSdkDate(const QByteArray &value)
{
    if (value.size() != 16 || value[8] != 'T' || value[15] != 'Z')
        return {};
    for (qsizetype i = 0; i < 15; ++i) {
        if (i != 8 && (value[i] < '0' || value[i] > '9'))
            return {};
    }
    const auto number = [&value](qsizetype from, qsizetype length) {
        int result = 0;
        for (qsizetype i = from; i < from + length; ++i)
            result = result * 10 + (value[i] - '0');
        return result;
    };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime clock(number(9, 2), number(11, 2), number(13, 2));
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, Qt::UTC);
}

SignedRequest sign(const SignableRequest &request, const QByteArray &accessKey, const QByteArray &secretKey)
{
    SignedRequest result;
    result.headers = request.headers;

    const auto hostHeader =
        std::find_if(result.headers.cbegin(), result.headers.cend(),
                     [](const auto &header) { return equalsIgnoringCase(header.first, "host"); });
    if (hostHeader == result.headers.cend()) {
        result.hostHeader = authorityOf(request.url);
        result.headers.append({QByteArrayLiteral("Host"), result.hostHeader});
    } else {
        result.hostHeader = hostHeader->second;
    }

    // Canonical headers: lower-case names sorted by bytes, values trimmed at the ends only. A name given
    // twice is signed once with its values joined by a comma, as HTTP would combine them.
    QList<CanonicalHeader> canonical;
    canonical.reserve(result.headers.size());
    QByteArray sdkDate;
    QByteArray contentSha256;
    for (const auto &[name, value] : std::as_const(result.headers)) {
        if (equalsIgnoringCase(name, "authorization"))
            continue;
        CanonicalHeader header{name.toLower(), value.trimmed()};
        if (header.name == "x-sdk-date")
            sdkDate = header.value;
        else if (header.name == "x-sdk-content-sha256")
            contentSha256 = header.value;
        canonical.append(std::move(header));
    }
    std::stable_sort(canonical.begin(), canonical.end(),
                     [](const CanonicalHeader &a, const CanonicalHeader &b) { return a.name < b.name; });
    QByteArray headerBlock;
    for (qsizetype i = 0; i < canonical.size(); ++i) {
        if (i > 0 && canonical[i].name == canonical[i - 1].name) {
            headerBlock.chop(1);
            headerBlock += ',' + canonical[i].value + '\n';
            continue;
        }
        if (!result.signedHeaders.isEmpty())
            result.signedHeaders.append(';');
        result.signedHeaders.append(canonical[i].name);
        headerBlock += canonical[i].name + ':' + canonical[i].value + '\n';
    }

    const QByteArray rawPath = request.url.path(QUrl::FullyEncoded).toUtf8();
    const QByteArray query = canonicalQuery(request.url.query(QUrl::FullyEncoded).toUtf8());
    const QByteArray payloadHash = contentSha256.isEmpty() ? sha256Hex(request.body) : contentSha256;

    result.canonicalRequest = request.method.toUpper() + '\n' + canonicalUri(rawPath) + '\n' + query + '\n' +
                              headerBlock + '\n' + result.signedHeaders + '\n' + payloadHash;
    result.stringToSign = QByteArray(Algorithm) + '\n' + sdkDate + '\n' + sha256Hex(result.canonicalRequest);
    result.signature =
        QMessageAuthenticationCode::hash(result.stringToSign, secretKey, QCryptographicHash::Sha256).toHex();
    result.authorization = QByteArray(Algorithm) + " Access=" + accessKey +
                           ", SignedHeaders=" + result.signedHeaders + ", Signature=" + result.signature;

    result.wirePathAndQuery = rawPath.isEmpty() ? QByteArrayLiteral("/") : rawPath;
    if (!query.isEmpty())
        result.wirePathAndQuery += '?' + query;
    return result;
}

} // namespace mim::AkSkSigner
