// Feeds arbitrary bytes to ImagePage::fromJson, the parser of every ListImage response. Every record
// it accepts must survive a toJson/fromJson round trip unchanged, and whenever the fast page reader reads
// a body, its page must be exactly the one QJsonDocument-based parsing gives.
#include "models/api/Image.h"
#include "models/api/ImagePageReader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const std::optional<mim::ImagePage> fast = mim::detail::readImagePage(body)) {
        const std::optional<mim::ImagePage> reference = mim::ImagePage::fromJsonDocument(body);
        if (!reference || reference->images != fast->images || reference->total != fast->total ||
            reference->current != fast->current || reference->pages != fast->pages ||
            reference->size != fast->size || reference->skippedRecords != fast->skippedRecords)
            std::abort();
    }
    QString error;
    const std::optional<mim::ImagePage> page = mim::ImagePage::fromJson(body, &error);
    if (!page) {
        if (error.isEmpty())
            std::abort(); // a rejected page must say why
        return 0;
    }
    for (const mim::Image &image : page->images) {
        if (image.id.isEmpty())
            std::abort(); // records without an id are skipped, never kept
        const std::optional<mim::Image> again = mim::Image::fromJson(image.toJson());
        if (!again || *again != image)
            std::abort();
        (void)image.isPrivate();
        (void)image.isSettling();
        (void)image.normalizedArch();
        (void)image.nameAndTag();
    }
    return 0;
}
