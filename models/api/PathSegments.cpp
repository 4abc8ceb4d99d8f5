#include "models/api/PathSegments.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mim::PathSegments {

namespace {

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool allHex(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isHex);
}

} // namespace

std::optional<QByteArray> encode(const QStringList &segments, QString *why)
{
    QByteArray path;
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == "."_L1 || segment == ".."_L1) {
            if (why)
                *why = QCoreApplication::translate("mim::PathSegments",
                                                   "“%1” cannot be sent as one part of an address.")
                           .arg(segment);
            return std::nullopt;
        }
        // Everything outside the unreserved set is encoded, "/" and "%" included.
        path += '/' + QUrl::toPercentEncoding(segment);
    }
    return path;
}

bool isPlausibleId(QStringView id)
{
    if (id.size() == 32)
        return allHex(id);
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? id[i] != u'-' : !isHex(id[i]))
            return false;
    }
    return true;
}

bool isPlausibleProjectId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

} // namespace mim::PathSegments
