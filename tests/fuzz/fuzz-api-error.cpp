// Feeds arbitrary error bodies (and HTTP statuses) to ApiError::fromHttpResponse and everything that
// turns the result into text for the user.
#include "models/api/ApiError.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first two bytes choose the status, 0..999, so odd statuses are covered as well as 4xx/5xx.
    int status = 0;
    if (size >= 2) {
        status = ((data[0] << 8) | data[1]) % 1000;
        data += 2;
        size -= 2;
    }
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray requestId = size > 0 && data[0] % 2 ? QByteArray("req-fuzz") : QByteArray();
    const mim::ApiError error = mim::ApiError::fromHttpResponse(status, body, requestId);
    if (error.httpStatus != status || error.code.isEmpty())
        std::abort(); // the status is never lost and there is always a code to show
    if (error.kind != mim::ApiError::classify(status, error.code, error.message) &&
        error.kind != mim::ErrorKind::BadResponse)
        std::abort();
    if (error.summary().isEmpty() || !error.fullText().startsWith(error.summary()))
        std::abort();
    (void)error.isTransient();
    (void)mim::errorKindName(error.kind);
    return 0;
}
