#include "models/catalog/ImageTableModel.h"
#include "models/catalog/ImageTableRows.h"

#include <algorithm>
#include <array>
#include <type_traits>

// The half of ImageTableModel that runs on any thread: prepare() and what it computes for each row.

namespace mim {

namespace {

// A digest of everything an image holds. A refresh of 100,000 images compares digests, computed on a
// worker thread, instead of every field of every image on the GUI thread. Two different images have the same
// 64-bit digest with a probability that does not matter (2^-64 per changed image).
quint64 contentDigest(const Image &image)
{
    size_t seed = 0;
    Image::forEachField([&](QLatin1StringView, auto member) { seed = qHashMulti(seed, image.*member); });
    return quint64(seed);
}

// The bit of a unit without one of its own: 28 bits shared by every unit but the ASCII letters and digits.
constexpr quint64 sharedCharacterBit(char16_t foldedUnit)
{
    return quint64(1) << (36 + foldedUnit % 28);
}

// characterBit() of each ASCII unit, looked up rather than computed: a listing has millions of units.
constexpr std::array<quint64, 128> asciiCharacterBits = [] {
    std::array<quint64, 128> bits{};
    for (char16_t unit = 0; unit < 128; ++unit) {
        const char16_t folded = (unit >= u'A' && unit <= u'Z') ? char16_t(unit + (u'a' - u'A')) : unit;
        if (folded >= u'a' && folded <= u'z')
            bits[unit] = quint64(1) << (folded - u'a');
        else if (folded >= u'0' && folded <= u'9')
            bits[unit] = quint64(1) << (26 + folded - u'0');
        else
            bits[unit] = sharedCharacterBit(folded);
    }
    return bits;
}();

quint64 charactersOf(QStringView text)
{
    quint64 bits = 0;
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        bits |= unit < 128 ? asciiCharacterBits[unit]
                           : ImageTableModel::characterBit(char16_t(QChar::toCaseFolded(char32_t(unit))));
    }
    return bits;
}

ImageTableModel::SearchHints searchHintsOf(const Image &image)
{
    ImageTableModel::SearchHints hints;
    // "swr.<region>.myhuaweicloud.com/<namespace>/<name>:<tag>": a search of the path covers the others.
    if (image.swrPath.contains(image.name))
        hints.covered |= ImageTableModel::SwrPathHasName;
    if (image.swrPath.contains(image.tag))
        hints.covered |= ImageTableModel::SwrPathHasTag;
    if (image.swrPath.contains(image.nameSpace))
        hints.covered |= ImageTableModel::SwrPathHasNamespace;
    if (ImageTableModel::isHexOrDash(image.id))
        hints.covered |= ImageTableModel::IdIsHex;
    if (image.isBuiltIn())
        hints.covered |= ImageTableModel::IsBuiltIn;
    for (const QString *field :
         {&image.swrPath, &image.name, &image.tag, &image.nameSpace, &image.id, &image.description})
        hints.characters |= charactersOf(*field);
    return hints;
}

// Whether two images hold the same, cheaply when they share their strings: an image of a page shown while a
// listing arrived and the same image in the listing's result do.
bool sameImage(const Image &a, const Image &b)
{
    bool same = true;
    Image::forEachField([&](QLatin1StringView, auto member) {
        if (!same)
            return;
        const auto &left = a.*member;
        const auto &right = b.*member;
        if constexpr (std::is_same_v<std::decay_t<decltype(left)>, QString>) {
            if (left.size() == right.size() && left.constData() == right.constData())
                return;
        }
        same = left == right;
    });
    return same;
}

} // namespace

quint64 ImageTableModel::characterBit(char16_t foldedUnit)
{
    return foldedUnit < 128 ? asciiCharacterBits[foldedUnit] : sharedCharacterBit(foldedUnit);
}

bool ImageTableModel::isHexOrDash(QStringView text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F') || u == u'-';
    });
}

ImageTableModel::Row ImageTableModel::makeRow(const Image &image)
{
    Row row;
    row.digest = contentDigest(image);
    row.searchHints = searchHintsOf(image);
    return row;
}

ImageTableModel::PreparedImages::PreparedImages() = default;
ImageTableModel::PreparedImages::~PreparedImages() = default;
ImageTableModel::PreparedImages::PreparedImages(const PreparedImages &) = default;
ImageTableModel::PreparedImages::PreparedImages(PreparedImages &&) noexcept = default;
ImageTableModel::PreparedImages &ImageTableModel::PreparedImages::operator=(const PreparedImages &) = default;
ImageTableModel::PreparedImages &
ImageTableModel::PreparedImages::operator=(PreparedImages &&) noexcept = default;

qsizetype ImageTableModel::PreparedImages::size() const
{
    return m_data ? m_data->images.size() : 0;
}

ImageTableModel::PreparedImages ImageTableModel::prepare(const QList<Image> &images,
                                                         RowActivity settlingActivity, const Growth *known)
{
    const detail::GrowthData *base = known ? known->m_data.get() : nullptr;
    auto data = std::make_shared<detail::PreparedImageData>();
    data->indexById.reserve(images.size());
    for (int i = 0; i < images.size(); ++i)
        data->indexById.insert(images.at(i).id, i);
    if (data->indexById.size() == images.size()) {
        data->images = images; // shared, not copied
    } else {
        // Duplicate ids (the listing should not send any): one entry per id, at the first copy's place, with
        // the last copy's data.
        data->indexById.clear();
        for (const Image &image : images) {
            const auto existing = data->indexById.constFind(image.id);
            if (existing != data->indexById.cend()) {
                data->images[existing.value()] = image;
            } else {
                data->indexById.insert(image.id, int(data->images.size()));
                data->images.append(image);
            }
        }
    }
    data->rows.reserve(data->images.size());
    for (const Image &image : std::as_const(data->images)) {
        const int slot = base ? base->slotById.value(image.id, -1) : -1;
        if (slot >= 0 && sameImage(base->images.at(slot), image)) {
            Row row;
            row.digest = base->rows.at(slot).digest;
            row.searchHints = base->rows.at(slot).searchHints;
            data->rows.append(row);
        } else {
            data->rows.append(makeRow(image));
        }
        if (settlingActivity != RowActivity::None && image.canBeWatched())
            data->rows.last().activity = settlingActivity;
        data->totalSizeKb += image.sizeKb;
    }
    PreparedImages prepared;
    prepared.m_data = std::move(data);
    return prepared;
}

} // namespace mim
