#include "models/api/VisibleText.h"

#include <QChar>

namespace mim::Formatting {

namespace {

// Characters below U+00AD that need escaping are the controls; above, the Unicode category decides.
bool isHiddenCodePoint(char32_t ucs)
{
    if (ucs < 0x20 || (ucs >= 0x7F && ucs <= 0x9F))
        return true;
    if (ucs < 0xAD)
        return false;
    switch (QChar::category(ucs)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

// The code point at `i` (a whole surrogate pair when there is one) and its length in UTF-16 units.
char32_t codePointAt(QStringView text, qsizetype i, qsizetype *length)
{
    const QChar c = text[i];
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(c, text[i + 1]);
    }
    *length = 1;
    return c.unicode();
}

} // namespace

bool hasHiddenCharacters(QStringView text)
{
    for (qsizetype i = 0; i < text.size();) {
        const char16_t unit = text[i].unicode();
        // Printable ASCII, the usual case, without a look-up.
        if (unit >= 0x20 && unit < 0x7F) {
            ++i;
            continue;
        }
        qsizetype length = 1;
        if (isHiddenCodePoint(codePointAt(text, i, &length)))
            return true;
        i += length;
    }
    return false;
}

QString visibleText(const QString &text)
{
    if (!hasHiddenCharacters(text))
        return text;
    QString shown;
    shown.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size();) {
        qsizetype length = 1;
        const char32_t ucs = codePointAt(text, i, &length);
        if (!isHiddenCodePoint(ucs)) {
            shown.append(QStringView(text).mid(i, length));
        } else if (ucs == u'\n') {
            shown.append(u"\\n");
        } else if (ucs == u'\r') {
            shown.append(u"\\r");
        } else if (ucs == u'\t') {
            shown.append(u"\\t");
        } else {
            shown.append(u"\\u{");
            shown.append(QString::number(uint(ucs), 16).toUpper().rightJustified(4, u'0'));
            shown.append(u'}');
        }
        i += length;
    }
    return shown;
}

} // namespace mim::Formatting
