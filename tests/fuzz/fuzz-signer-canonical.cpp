// Feeds arbitrary bytes as the path and query of a request to the AK/SK signer. The canonical forms
// must be fixed points (canonicalising twice changes nothing) and signing must always produce a signature.
#include "models/api/AkSkSigner.h"

#include <cstdint>
#include <cstdlib>

using namespace mim;

namespace {

bool isCanonicalByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~' || c == '%';
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype question = input.indexOf('?');
    const QByteArray path = question < 0 ? input : input.left(question);
    const QByteArray query = question < 0 ? QByteArray() : input.mid(question + 1);

    const QByteArray uri = AkSkSigner::canonicalUri(path);
    if (!uri.endsWith('/') || AkSkSigner::canonicalUri(uri) != uri)
        std::abort();
    for (const char c : uri) {
        if (!isCanonicalByte(c) && c != '/')
            std::abort();
    }

    const QByteArray canonical = AkSkSigner::canonicalQuery(query);
    if (AkSkSigner::canonicalQuery(canonical) != canonical)
        std::abort();
    for (const char c : canonical) {
        if (!isCanonicalByte(c) && c != '=' && c != '&')
            std::abort();
    }

    SignableRequest request;
    request.method = "GET";
    request.url =
        QUrl(QStringLiteral("https://modelarts.cn-north-4.myhuaweicloud.com/") + QString::fromUtf8(input));
    request.headers = {{"X-Sdk-Date", "20261122T071700Z"}, {"X-Project-Id", input.left(32)}};
    request.body = input;
    const SignedRequest signedRequest = AkSkSigner::sign(request, "AK", "SK");
    if (signedRequest.signature.size() != 64 || !signedRequest.wirePathAndQuery.startsWith('/'))
        std::abort();

    (void)AkSkSigner::parseSdkDate(input);
    return 0;
}
