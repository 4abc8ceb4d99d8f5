#pragma once

// The JSON object a listing page answers with ({total, data[], …}): parsed, checked to be an object, and its
// counts read as whole numbers within bounds, in one place for every listing's parser.

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace mim {

class JsonEnvelope
{
    Q_DECLARE_TR_FUNCTIONS(mim::JsonEnvelope)

public:
    // Past 9e15 a count is taken for garbage by the workspace and image-group listings.
    static constexpr double MaxListingCount = 9.0e15;
    // Past 2^53 a JSON number is no longer exact.
    static constexpr double MaxExactCount = 9007199254740992.0;

    // Reads `body`; isObject() says whether it is a JSON object.
    explicit JsonEnvelope(const QByteArray &body);

    bool isObject() const { return m_fault == Fault::None; }
    const QJsonObject &object() const { return m_object; }

    // Why the body is not an object, as the sentence a listing reports ("The response is not valid JSON: …")…
    QString sentence() const;
    // …or in the terser words of the usage listings' details ("… at offset 12").
    QString detail() const;

    struct Count
    {
        bool present = false; // absent and null are not
        bool valid = true;    // a present count that is no whole number from 0 to the bound is not
        qint64 value = 0;
    };
    // The member `key` as a count of records.
    Count count(QLatin1StringView key, double max) const;

private:
    enum class Fault
    {
        None,
        NotJson,
        NotObject,
    };
    Fault m_fault = Fault::None;
    QString m_parseError;
    qsizetype m_parseOffset = 0;
    QJsonObject m_object;
};

} // namespace mim
