#include "models/api/JsonEnvelope.h"

#include <cmath>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace mim {

JsonEnvelope::JsonEnvelope(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_fault = Fault::NotJson;
        m_parseError = parseError.errorString();
        m_parseOffset = parseError.offset;
    } else if (!document.isObject()) {
        m_fault = Fault::NotObject;
    } else {
        m_object = document.object();
    }
}

QString JsonEnvelope::sentence() const
{
    switch (m_fault) {
    case Fault::None:
        return {};
    case Fault::NotJson:
        return tr("The response is not valid JSON: %1 at offset %2")
            .arg(m_parseError, QString::number(m_parseOffset));
    case Fault::NotObject:
        return tr("The response is not a JSON object.");
    }
    return {};
}

QString JsonEnvelope::detail() const
{
    switch (m_fault) {
    case Fault::None:
        return {};
    case Fault::NotJson:
        return u"%1 at offset %2"_s.arg(m_parseError).arg(m_parseOffset);
    case Fault::NotObject:
        return u"the body is not a JSON object"_s;
    }
    return {};
}

JsonEnvelope::Count JsonEnvelope::count(QLatin1StringView key, double max) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || !std::isfinite(number) || number < 0 || number > max ||
        std::trunc(number) != number)
        return {.present = true, .valid = false, .value = 0};
    return {.present = true, .valid = true, .value = qint64(number)};
}

} // namespace mim
