#include "models/api/ImagePageReader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <QHash>
#include <QString>
#include <QStringList>

namespace mim::detail {

namespace {

// The fields of a record, in the order of the API (Image::forEachField()); one bit each to notice a key given
// twice. Written out rather than read through Image::forEachField(): a switch over them is what keeps this
// reader fast. test_image_fields fails when one is missing.
enum class Field
{
    Id,
    Name,
    Tag,
    Namespace,
    SwrPath,
    Type,
    Origin,
    Status,
    StatusMessage,
    Visibility,
    Arch,
    Size,
    CreateAt,
    UpdateAt,
    Description,
    DevServices,
    ResourceCategories,
    SupportResCategories,
    ServiceType,
    WorkspaceId,
    FlavorType,
    SwrInstanceId,
    ShowName,
    ShowTag,
    Tags,
    Unknown,
};

static_assert(int(Field::Unknown) == Image::fieldCount(), "a field of Image::forEachField() is missing here");

struct FieldName
{
    const char *name;
    Field field;
};

constexpr FieldName fieldNames[] = {
    {"id", Field::Id},
    {"name", Field::Name},
    {"tag", Field::Tag},
    {"namespace", Field::Namespace},
    {"swr_path", Field::SwrPath},
    {"type", Field::Type},
    {"origin", Field::Origin},
    {"status", Field::Status},
    {"status_message", Field::StatusMessage},
    {"visibility", Field::Visibility},
    {"arch", Field::Arch},
    {"size", Field::Size},
    {"create_at", Field::CreateAt},
    {"update_at", Field::UpdateAt},
    {"description", Field::Description},
    {"dev_services", Field::DevServices},
    {"resource_categories", Field::ResourceCategories},
    {"support_res_categories", Field::SupportResCategories},
    {"service_type", Field::ServiceType},
    {"workspace_id", Field::WorkspaceId},
    {"flavor_type", Field::FlavorType},
    {"swr_instance_id", Field::SwrInstanceId},
    {"show_name", Field::ShowName},
    {"show_tag", Field::ShowTag},
    {"tags", Field::Tags},
};

Field fieldOf(QByteArrayView key)
{
    for (const FieldName &known : fieldNames) {
        if (key.size() == qsizetype(std::strlen(known.name)) &&
            std::memcmp(key.data(), known.name, size_t(key.size())) == 0)
            return known.field;
    }
    return Field::Unknown;
}

// A JSON string as it appears in the body, between its quotes.
struct RawString
{
    QByteArrayView bytes;
    bool escaped = false;
    bool ascii = true;
};

class Reader
{
public:
    explicit Reader(QByteArrayView body)
        : m_p(body.data())
        , m_end(body.data() + body.size())
    {}

    std::optional<ImagePage> readPage();

private:
    // Every reading function returns false when the body is not one this reader handles: the caller then
    // gives up on the whole page.
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool consume(char c)
    {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_p < m_end && *m_p == c;
    }
    bool consumeLiteral(const char *literal)
    {
        const size_t length = std::strlen(literal);
        if (size_t(m_end - m_p) < length || std::memcmp(m_p, literal, length) != 0)
            return false;
        m_p += length;
        return true;
    }
    // A JSON null, consumed if it is next.
    bool consumeNull()
    {
        skipSpace();
        return m_p < m_end && *m_p == 'n' && consumeLiteral("null");
    }

    bool scanString(RawString &out);
    bool scanUtf8Sequence();
    static bool decode(const RawString &raw, QString &out);
    bool readString(QString &out);
    // A string of a field whose values repeat: decoded once per page and shared.
    bool readSharedString(QString &out);
    bool readStringList(QStringList &out);
    bool readTags(QList<ImageTag> &out);
    bool readInteger(qint64 &out);
    bool scanNumber();
    bool scanNumberToken();
    bool skipValue(int depth);
    bool readRecord(Image &image);
    bool readEnvelopeNumber(qint64 &out, qint64 minimum, qint64 maximum);

    const char *m_p;
    const char *m_end;
    QHash<QByteArrayView, QString> m_strings;
    QHash<QByteArrayView, QStringList> m_lists;
};

constexpr int MaxDepth = 64;

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// One UTF-8 sequence of two to four bytes, checked as strictly as QJsonDocument does: no overlong forms,
// no surrogates, nothing above U+10FFFF.
bool Reader::scanUtf8Sequence()
{
    const auto byte = [this](qsizetype i) { return static_cast<unsigned char>(m_p[i]); };
    const qsizetype left = m_end - m_p;
    const unsigned char lead = byte(0);
    qsizetype length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return false;
    }
    if (left < length || byte(1) < low || byte(1) > high)
        return false;
    for (qsizetype i = 2; i < length; ++i) {
        if (!isContinuation(byte(i)))
            return false;
    }
    m_p += length;
    return true;
}

bool Reader::scanString(RawString &out)
{
    if (!consume('"'))
        return false;
    const char *start = m_p;
    out.escaped = false;
    out.ascii = true;
    while (m_p < m_end) {
        const unsigned char c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            out.bytes = QByteArrayView(start, m_p - start);
            ++m_p;
            return true;
        }
        if (c < 0x20) {
            return false; // QJsonDocument keeps raw control characters; not worth copying
        } else if (c == '\\') {
            out.escaped = true;
            if (m_end - m_p < 2)
                return false;
            const char escape = m_p[1];
            if (escape == 'u') {
                if (m_end - m_p < 6)
                    return false;
                for (int i = 2; i < 6; ++i) {
                    if (!std::isxdigit(static_cast<unsigned char>(m_p[i])))
                        return false;
                }
                m_p += 6;
            } else if (std::strchr("\"\\/bfnrt", escape) && escape != '\0') {
                m_p += 2;
            } else {
                return false;
            }
        } else if (c < 0x80) {
            ++m_p;
        } else {
            out.ascii = false;
            if (!scanUtf8Sequence())
                return false;
        }
    }
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

// The character a one-letter escape stands for; scanString() lets only JSON's escapes through.
char16_t unescaped(char escape)
{
    switch (escape) {
    case 'b':
        return u'\b';
    case 'f':
        return u'\f';
    case 'n':
        return u'\n';
    case 'r':
        return u'\r';
    case 't':
        return u'\t';
    default: // '"', '\\', '/'
        return char16_t(escape);
    }
}

bool Reader::decode(const RawString &raw, QString &out)
{
    if (!raw.escaped) {
        out = raw.ascii ? QString::fromLatin1(raw.bytes) : QString::fromUtf8(raw.bytes);
        return true;
    }
    // Escapes: each \uXXXX becomes that UTF-16 unit, paired or not, as QJsonDocument does.
    QString text;
    text.reserve(raw.bytes.size());
    const char *p = raw.bytes.data();
    const char *end = p + raw.bytes.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            text += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char escape = p[1];
        if (escape == 'u') {
            text += QChar(char16_t((hexValue(p[2]) << 12) | (hexValue(p[3]) << 8) | (hexValue(p[4]) << 4) |
                                   hexValue(p[5])));
            p += 6;
            continue;
        }
        text += QChar(unescaped(escape));
        p += 2;
    }
    out = std::move(text);
    return true;
}

bool Reader::readString(QString &out)
{
    if (consumeNull())
        return true; // absent: the default stays
    RawString raw;
    return scanString(raw) && decode(raw, out);
}

bool Reader::readSharedString(QString &out)
{
    if (consumeNull())
        return true;
    RawString raw;
    if (!scanString(raw))
        return false;
    const auto it = m_strings.constFind(raw.bytes);
    if (it != m_strings.cend()) {
        out = *it;
        return true;
    }
    QString text;
    if (!decode(raw, text))
        return false;
    if (text.isEmpty())
        text = QString(); // as Image::fromJson() stores shared empty strings
    m_strings.insert(raw.bytes, text);
    out = std::move(text);
    return true;
}

bool Reader::readStringList(QStringList &out)
{
    if (consumeNull())
        return true;
    skipSpace();
    const char *start = m_p;
    if (!consume('['))
        return false;
    QStringList list;
    if (!consume(']')) {
        do {
            if (consumeNull())
                continue; // as Image::fromJson(): null items are left out
            QString item;
            if (!peek('"') || !readSharedString(item))
                return false;
            list.append(item);
        } while (consume(','));
        if (!consume(']'))
            return false;
    }
    // Lists repeat too (["NOTEBOOK", "SSH"]): one copy per page.
    const QByteArrayView bytes(start, m_p - start);
    if (list.isEmpty()) {
        out = {};
    } else if (const auto it = m_lists.constFind(bytes); it != m_lists.cend()) {
        out = *it;
    } else {
        m_lists.insert(bytes, list);
        out = std::move(list);
    }
    return true;
}

bool Reader::readTags(QList<ImageTag> &out)
{
    if (consumeNull())
        return true;
    if (!consume('['))
        return false;
    if (consume(']'))
        return true;
    do {
        if (consumeNull())
            continue;
        if (!consume('{'))
            return false;
        ImageTag tag;
        bool haveKey = false;
        bool haveValue = false;
        if (!consume('}')) {
            do {
                RawString key;
                if (!scanString(key) || !consume(':'))
                    return false;
                if (!key.escaped && key.bytes == "key") {
                    if (haveKey || (!peek('"') && !peek('n')) || !readSharedString(tag.key))
                        return false;
                    haveKey = true;
                } else if (!key.escaped && key.bytes == "value") {
                    if (haveValue || (!peek('"') && !peek('n')) || !readSharedString(tag.value))
                        return false;
                    haveValue = true;
                } else if (key.escaped || !skipValue(1)) {
                    return false;
                }
            } while (consume(','));
            if (!consume('}'))
                return false;
        }
        out.append(tag);
    } while (consume(','));
    return consume(']');
}

// A plain integer literal that fits a qint64, like -12 or 1700000000000. Anything else (a fraction, an
// exponent, a number QJsonDocument would store as a double) is left to QJsonDocument.
bool Reader::readInteger(qint64 &out)
{
    skipSpace();
    const char *p = m_p;
    const bool negative = p < m_end && *p == '-';
    if (negative)
        ++p;
    if (p == m_end || *p < '0' || *p > '9' || (*p == '0' && p + 1 < m_end && p[1] >= '0' && p[1] <= '9'))
        return false;
    quint64 magnitude = 0;
    const char *digits = p;
    while (p < m_end && *p >= '0' && *p <= '9') {
        if (p - digits >= 19)
            return false; // 20 digits or more: beyond qint64
        magnitude = magnitude * 10 + quint64(*p - '0');
        ++p;
    }
    if (p < m_end && (*p == '.' || *p == 'e' || *p == 'E'))
        return false;
    constexpr quint64 Limit = quint64(1) << 63;
    if (magnitude > (negative ? Limit : Limit - 1))
        return false;
    const qint64 value = negative ? qint64(0 - magnitude) : qint64(magnitude);
    // Image::fromJson() checks integers as doubles: the ones that round to 2^63 fail there.
    const double asDouble = double(value);
    if (asDouble >= 9223372036854775808.0 || asDouble < -9223372036854775808.0)
        return false;
    out = value;
    m_p = p;
    return true;
}

// Any JSON number, by the grammar of RFC 8259, that a double can hold: QJsonDocument refuses a body with a
// number that overflows (1e999), even in a field nobody reads, and the fast reader must answer as it does.
bool Reader::scanNumber()
{
    const char *start = m_p;
    if (!scanNumberToken())
        return false;
    // Fifteen characters or fewer without an exponent always fit; longer ones are checked.
    if (m_p - start <= 15 && std::find_if(start, m_p, [](char c) { return c == 'e' || c == 'E'; }) == m_p)
        return true;
    bool ok = false;
    const double value = QByteArray::fromRawData(start, m_p - start).toDouble(&ok);
    return ok && std::isfinite(value);
}

bool Reader::scanNumberToken()
{
    const auto digit = [this] { return m_p < m_end && *m_p >= '0' && *m_p <= '9'; };
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (!digit())
        return false;
    if (*m_p == '0') {
        ++m_p;
    } else {
        while (digit())
            ++m_p;
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!digit())
            return false;
        while (digit())
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!digit())
            return false;
        while (digit())
            ++m_p;
    }
    return true;
}

bool Reader::skipValue(int depth)
{
    if (depth > MaxDepth)
        return false;
    skipSpace();
    if (m_p == m_end)
        return false;
    switch (*m_p) {
    case '"': {
        RawString ignored;
        return scanString(ignored);
    }
    case '{':
        ++m_p;
        if (consume('}'))
            return true;
        do {
            RawString key;
            if (!scanString(key) || !consume(':') || !skipValue(depth + 1))
                return false;
        } while (consume(','));
        return consume('}');
    case '[':
        ++m_p;
        if (consume(']'))
            return true;
        do {
            if (!skipValue(depth + 1))
                return false;
        } while (consume(','));
        return consume(']');
    case 't':
        return consumeLiteral("true");
    case 'f':
        return consumeLiteral("false");
    case 'n':
        return consumeLiteral("null");
    default:
        return scanNumber();
    }
}

bool Reader::readRecord(Image &image)
{
    if (!consume('{'))
        return false;
    if (consume('}'))
        return false; // no id: Image::fromJson() skips the record, with the reason
    quint32 seen = 0;
    do {
        RawString key;
        if (!scanString(key) || !consume(':'))
            return false;
        // A key spelled with escapes may still name a field: not worth copying.
        if (key.escaped)
            return false;
        const Field field = fieldOf(key.bytes);
        if (field == Field::Unknown) {
            if (!skipValue(1))
                return false;
            continue;
        }
        const quint32 bit = quint32(1) << int(field);
        if (seen & bit)
            return false; // a key given twice
        seen |= bit;
        // Strings must be strings (or null); anything else makes Image::fromJson() reject the record.
        const auto string = [this](QString &out) { return (peek('"') || peek('n')) && readString(out); };
        const auto shared = [this](QString &out) {
            return (peek('"') || peek('n')) && readSharedString(out);
        };
        const auto integer = [this](qint64 &out) { return consumeNull() || readInteger(out); };
        bool ok = false;
        switch (field) {
        case Field::Id:
            ok = string(image.id);
            break;
        case Field::Name:
            ok = shared(image.name);
            break;
        case Field::Tag:
            ok = string(image.tag);
            break;
        case Field::Namespace:
            ok = shared(image.nameSpace);
            break;
        case Field::SwrPath:
            ok = string(image.swrPath);
            break;
        case Field::Type:
            ok = shared(image.type);
            break;
        case Field::Origin:
            ok = shared(image.origin);
            break;
        case Field::Status:
            ok = shared(image.status);
            break;
        case Field::StatusMessage:
            ok = shared(image.statusMessage);
            break;
        case Field::Visibility:
            ok = shared(image.visibility);
            break;
        case Field::Arch:
            ok = shared(image.arch);
            break;
        case Field::Size:
            ok = integer(image.sizeKb);
            break;
        case Field::CreateAt:
            ok = integer(image.createAtMs);
            break;
        case Field::UpdateAt:
            ok = integer(image.updateAtMs);
            break;
        case Field::Description:
            ok = shared(image.description);
            break;
        case Field::DevServices:
            ok = readStringList(image.devServices);
            break;
        case Field::ResourceCategories:
            ok = readStringList(image.resourceCategories);
            break;
        case Field::SupportResCategories:
            ok = readStringList(image.supportResCategories);
            break;
        case Field::ServiceType:
            ok = shared(image.serviceType);
            break;
        case Field::WorkspaceId:
            ok = shared(image.workspaceId);
            break;
        case Field::FlavorType:
            ok = shared(image.flavorType);
            break;
        case Field::SwrInstanceId:
            ok = shared(image.swrInstanceId);
            break;
        case Field::ShowName:
            ok = shared(image.showName);
            break;
        case Field::ShowTag:
            ok = shared(image.showTag);
            break;
        case Field::Tags:
            ok = readTags(image.tags);
            break;
        case Field::Unknown:
            break;
        }
        if (!ok)
            return false;
    } while (consume(','));
    return consume('}') && !image.id.isEmpty();
}

bool Reader::readEnvelopeNumber(qint64 &out, qint64 minimum, qint64 maximum)
{
    if (consumeNull())
        return true;
    qint64 value = 0;
    if (!readInteger(value) || value < minimum || value > maximum)
        return false;
    out = value;
    return true;
}

std::optional<ImagePage> Reader::readPage()
{
    if (!consume('{'))
        return std::nullopt;
    ImagePage page;
    bool haveData = false;
    quint32 seen = 0;
    if (!consume('}')) {
        do {
            RawString key;
            if (!scanString(key) || !consume(':') || key.escaped)
                return std::nullopt;
            const auto once = [&seen](int bit) {
                const bool first = !(seen & (1u << bit));
                seen |= 1u << bit;
                return first;
            };
            const auto readInt = [&](int bit, int &field) {
                qint64 number = field;
                if (!once(bit) || !readEnvelopeNumber(number, std::numeric_limits<int>::min(),
                                                      std::numeric_limits<int>::max()))
                    return false;
                field = int(number);
                return true;
            };
            if (key.bytes == "total") {
                if (!once(0) || !readEnvelopeNumber(page.total, std::numeric_limits<qint64>::min(),
                                                    std::numeric_limits<qint64>::max()))
                    return std::nullopt;
            } else if (key.bytes == "current") {
                if (!readInt(1, page.current))
                    return std::nullopt;
            } else if (key.bytes == "pages") {
                if (!readInt(2, page.pages))
                    return std::nullopt;
            } else if (key.bytes == "size") {
                if (!readInt(3, page.size))
                    return std::nullopt;
            } else if (key.bytes == "data") {
                if (!once(4) || !consume('['))
                    return std::nullopt;
                haveData = true;
                if (!consume(']')) {
                    do {
                        Image image;
                        if (!readRecord(image))
                            return std::nullopt;
                        page.images.append(std::move(image));
                    } while (consume(','));
                    if (!consume(']'))
                        return std::nullopt;
                }
            } else if (!skipValue(1)) {
                return std::nullopt;
            }
        } while (consume(','));
        if (!consume('}'))
            return std::nullopt;
    }
    skipSpace();
    if (m_p != m_end || !haveData)
        return std::nullopt;
    // The list grew by doubling: give back what a page of 200 left unused, about a quarter of its size.
    if (page.images.capacity() > page.images.size() + page.images.size() / 8)
        page.images.squeeze();
    return page;
}

} // namespace

std::optional<ImagePage> readImagePage(QByteArrayView body)
{
    return Reader(body).readPage();
}

} // namespace mim::detail
