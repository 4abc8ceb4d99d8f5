#include "models/catalog/NaturalSortKey.h"

#include <QVarLengthArray>

namespace mim {

namespace {

constexpr char16_t LengthMarkerBase = 0xE000;
// Keeps the marker inside the Private Use Area (U+E000..U+F8FF). Longer digit runs do not occur in names.
constexpr qsizetype MaxEncodedDigits = 0x1800;

constexpr bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// True when the key differs from the text: it has digits, upper case or anything beyond ASCII.
bool needsEncoding(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80 || isAsciiDigit(u) || (u >= u'A' && u <= u'Z'))
            return true;
    }
    return false;
}

char16_t folded(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c;
    if (QChar::isSurrogate(c))
        return c;
    return char16_t(QChar::toCaseFolded(char32_t(c)));
}

} // namespace

QString naturalSortKey(const QString &text)
{
    // Most values (lower-case names without digits) are their own key: share them, do not copy.
    if (!needsEncoding(text))
        return text;

    // One pass into a stack buffer and one allocation for the result: this runs for every row and column.
    QVarLengthArray<char16_t, 256> key;
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const char16_t c = data[i];
        if (!isAsciiDigit(c)) {
            key.append(folded(c));
            ++i;
            continue;
        }
        qsizetype runEnd = i;
        while (runEnd < size && isAsciiDigit(data[runEnd]))
            ++runEnd;
        qsizetype significant = i;
        while (significant < runEnd - 1 && data[significant] == u'0')
            ++significant;
        const qsizetype digits = qMin(runEnd - significant, MaxEncodedDigits);
        key.append(u'0');
        key.append(char16_t(LengthMarkerBase + digits));
        key.append(data + significant, digits);
        i = runEnd;
    }
    return QString(reinterpret_cast<const QChar *>(key.constData()), key.size());
}

} // namespace mim
