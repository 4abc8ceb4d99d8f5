#pragma once

#include "models/api/ApiError.h"

#include <QByteArray>

namespace mim {

// QCOMPARE prints values through an unqualified toString(), so this one is found by argument-dependent
// lookup: a failing comparison of two kinds shows "not-found" and "server" instead of two numbers.
inline char *toString(ErrorKind kind)
{
    return qstrdup(errorKindName(kind).toUtf8().constData());
}

} // namespace mim
