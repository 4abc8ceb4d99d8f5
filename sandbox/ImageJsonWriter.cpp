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

    void stringField(std::string_view name, const QString &value)
    {
        key(name);
        string(value);
    }

    void stringList(std::string_view name, const QStringList &values)
    {
        key(name);
        m_text.push_back('[');
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i)
                m_text.push_back(',');
            string(values.at(i));
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
    out.key("id", true);
    out.string(image.id);
    out.stringField("name", image.name);
    out.stringField("tag", image.tag);
    out.stringField("namespace", image.nameSpace);
    out.stringField("swr_path", image.swrPath);
    out.stringField("type", image.type);
    out.stringField("origin", image.origin);
    out.stringField("status", image.status);
    out.stringField("status_message", image.statusMessage);
    out.stringField("visibility", image.visibility);
    out.stringField("arch", image.arch);
    out.key("size");
    out.number(image.sizeKb);
    out.key("create_at");
    out.number(image.createAtMs);
    out.key("update_at");
    out.number(image.updateAtMs);
    out.stringField("description", image.description);
    out.stringList("dev_services", image.devServices);
    out.stringList("resource_categories", image.resourceCategories);
    out.stringList("support_res_categories", image.supportResCategories);
    out.stringField("service_type", image.serviceType);
    out.stringField("workspace_id", image.workspaceId);
    out.stringField("flavor_type", image.flavorType);
    out.stringField("swr_instance_id", image.swrInstanceId);
    out.stringField("show_name", image.showName);
    out.stringField("show_tag", image.showTag);
    out.key("tags");
    out.raw('[');
    for (qsizetype i = 0; i < image.tags.size(); ++i) {
        if (i)
            out.raw(',');
        out.raw("{\"key\":");
        out.string(image.tags.at(i).key);
        out.raw(",\"value\":");
        out.string(image.tags.at(i).value);
        out.raw('}');
    }
    out.raw("]}");
    return out.bytes();
}

} // namespace mim::sandbox
