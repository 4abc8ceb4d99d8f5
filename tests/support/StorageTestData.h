#pragma once

// Hand-built SWR records and images for the tests of what SWR stores (models/storage, views/storage).

#include "models/api/Image.h"
#include "models/api/Swr.h"

#include <QDateTime>
#include <QString>

namespace mim::test {

using namespace Qt::StringLiterals;

inline SwrTag swrTag(const QString &nameSpace, const QString &repository, const QString &tag,
                     qint64 sizeBytes)
{
    SwrTag result;
    result.nameSpace = nameSpace;
    result.repository = repository;
    result.tag = tag;
    result.sizeBytes = sizeBytes;
    result.path = u"swr.cn-north-4.myhuaweicloud.com/%1/%2:%3"_s.arg(nameSpace, repository, tag);
    result.updated = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    return result;
}

inline SwrRepository swrRepository(const QString &nameSpace, const QString &name)
{
    SwrRepository result;
    result.nameSpace = nameSpace;
    result.name = name;
    return result;
}

inline SwrNamespace swrNamespace(const QString &name)
{
    SwrNamespace result;
    result.name = name;
    return result;
}

// An ACTIVE DEDICATED image whose content is the SWR tag at `swrPath`.
inline Image imageAt(const QString &id, const QString &swrPath)
{
    Image result;
    result.id = id;
    result.swrPath = swrPath;
    result.type = u"DEDICATED"_s;
    result.status = u"ACTIVE"_s;
    return result;
}

} // namespace mim::test
