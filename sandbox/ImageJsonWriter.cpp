#include "ImageJsonWriter.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace mim::sandbox {

namespace {

// std::string because its appends inline; QByteArray's are out-of-line calls, a few hundred per image.
class JsonBuffer
{
public:
    explicit JsonBuffer(size_t capacity) { m_text.reserve(capacity); }

    void raw(char c) { m_text.push_back(c); }
    void raw(std::string_view text) { m_text.append(text); }

    void number(qint64 value)
    {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        m_text.append(digits, result.ptr);
    }

    void string(const QString &text)
    {
        m_text.push_back('"');
        // Most values are ASCII: no UTF-8 conversion (an allocation) for them.
        const bool ascii =
            std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
        if (ascii) {
            for (const QChar c : text)
                escaped(char(c.unicode()));
        } else {
            const QByteArray utf8 = text.toUtf8();
            for (const char c : utf8)
                escaped(c);
        }
        m_text.push_back('"');
    }

    void key(std::string_view name, bool first = false)
    {
        if (!first)
            m_text.push_back(',');
        m_text.push_back('"');
        m_text.append(name);
        m_text.append("\":");
    }

    void value(const QString &text) { string(text); }
    void value(qint64 integer) { number(integer); }

    void value(const QStringList &values)
    {
        m_text.push_back('[');
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i)
                m_text.push_back(',');
            string(values.at(i));
        }
        m_text.push_back(']');
    }

    void value(const QList<ImageTag> &tags)
    {
        m_text.push_back('[');
        for (qsizetype i = 0; i < tags.size(); ++i) {
            if (i)
                m_text.push_back(',');
            m_text.append("{\"key\":");
            string(tags.at(i).key);
            m_text.append(",\"value\":");
            string(tags.at(i).value);
            m_text.push_back('}');
        }
        m_text.push_back(']');
    }

    QByteArray bytes() const { return QByteArray(m_text.data(), qsizetype(m_text.size())); }
    void appendTo(QByteArray &out) const { out.append(m_text.data(), qsizetype(m_text.size())); }

private:
    void escaped(char c)
    {
        static constexpr char hexDigits[] = "0123456789abcdef";
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            m_text.append("\\\"");
            return;
        case '\\':
            m_text.append("\\\\");
            return;
        case '\n':
            m_text.append("\\n");
            return;
        case '\r':
            m_text.append("\\r");
            return;
        case '\t':
            m_text.append("\\t");
            return;
        case '\b':
            m_text.append("\\b");
            return;
        case '\f':
            m_text.append("\\f");
            return;
        default:
            if (byte < 0x20) {
                m_text.append("\\u00");
                m_text.push_back(hexDigits[byte >> 4]);
                m_text.push_back(hexDigits[byte & 0xF]);
            } else {
                m_text.push_back(c); // UTF-8 goes through as is
            }
        }
    }

    std::string m_text;
};

} // namespace

void appendJsonString(QByteArray &out, const QString &text)
{
    JsonBuffer buffer(size_t(text.size()) + 2);
    buffer.string(text);
    buffer.appendTo(out);
}

QByteArray writeImageJson(const Image &image)
{
    JsonBuffer out(768 + size_t(image.description.size() + image.statusMessage.size()) * 3);
    out.raw('{');
    bool first = true;
    // A template over the fields: it compiles to the same straight-line code as writing each one out.
    Image::forEachField([&](QLatin1StringView key, auto member) {
        out.key(std::string_view(key.data(), size_t(key.size())), first);
        first = false;
        out.value(image.*member);
    });
    out.raw('}');
    return out.bytes();
}

} // namespace mim::sandbox
