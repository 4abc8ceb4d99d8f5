#include "SandboxOptions.h"

#include <algorithm>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

const QStringList &FaultConfig::knownKinds()
{
    static const QStringList kinds{u"403"_s,      u"404"_s,       u"429"_s,   u"500"_s,
                                   u"502"_s,      u"503"_s,       u"504"_s,   u"reset"_s,
                                   u"truncate"_s, u"malformed"_s, u"stall"_s, u"slow"_s};
    return kinds;
}

QStringList FaultConfig::defaultRateKinds()
{
    QStringList kinds = knownKinds();
    kinds.removeOne(u"403"_s);
    kinds.removeOne(u"404"_s);
    return kinds;
}

bool FaultConfig::isEmpty() const
{
    return latencyMs == 0 && (rate <= 0.0 || kinds.isEmpty()) && script.isEmpty() && listing.isEmpty() &&
           groupsWithoutId.isEmpty();
}

QJsonObject FaultConfig::toJson() const
{
    QJsonArray scriptArray;
    for (const FaultScriptEntry &entry : script) {
        scriptArray.append(QJsonObject{{u"method"_s, entry.method},
                                       {u"path_contains"_s, entry.pathContains},
                                       {u"fault"_s, entry.fault},
                                       {u"count"_s, entry.count}});
    }
    QJsonObject object{{u"latency_ms"_s, latencyMs},
                       {u"rate"_s, rate},
                       {u"kinds"_s, QJsonArray::fromStringList(kinds)},
                       {u"retry_after_s"_s, retryAfterSeconds},
                       {u"stall_ms"_s, stallMs},
                       {u"seed"_s, static_cast<qint64>(seed)},
                       {u"script"_s, scriptArray}};
    if (!listing.isEmpty()) {
        object.insert(u"listing"_s, QJsonObject{{u"total"_s, listing.total},
                                                {u"max_records"_s, listing.maxRecords},
                                                {u"ignore_offset"_s, listing.ignoreOffset}});
    }
    if (!groupsWithoutId.isEmpty())
        object.insert(u"groups_without_id"_s, QJsonArray::fromStringList(groupsWithoutId));
    return object;
}

namespace {

bool readNonNegativeInt(const QJsonObject &object, const QString &key, int *target, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() != double(value.toInteger())) {
        if (error)
            *error = u"\"%1\" must be a non-negative integer"_s.arg(key);
        return false;
    }
    *target = int(value.toInteger());
    return true;
}

bool readKind(const QJsonValue &value, QString *kind, QString *error)
{
    // Status kinds may be given as numbers as well as strings.
    const QString text = value.isDouble() ? QString::number(value.toInteger()) : value.toString();
    if (!FaultConfig::knownKinds().contains(text)) {
        if (error)
            *error =
                u"unknown fault kind \"%1\"; known: %2"_s.arg(text, FaultConfig::knownKinds().join(u", "));
        return false;
    }
    *kind = text;
    return true;
}

} // namespace

std::optional<FaultConfig> FaultConfig::fromJson(const QJsonObject &object, QString *error)
{
    static const QStringList knownKeys{u"latency_ms"_s,    u"rate"_s,     u"kinds"_s,
                                       u"retry_after_s"_s, u"stall_ms"_s, u"seed"_s,
                                       u"script"_s,        u"listing"_s,  u"groups_without_id"_s};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!knownKeys.contains(it.key())) {
            if (error)
                *error = u"unknown key \"%1\""_s.arg(it.key());
            return std::nullopt;
        }
    }

    FaultConfig config;
    if (!readNonNegativeInt(object, u"latency_ms"_s, &config.latencyMs, error) ||
        !readNonNegativeInt(object, u"retry_after_s"_s, &config.retryAfterSeconds, error) ||
        !readNonNegativeInt(object, u"stall_ms"_s, &config.stallMs, error)) {
        return std::nullopt;
    }
    int seed = int(config.seed);
    if (!readNonNegativeInt(object, u"seed"_s, &seed, error))
        return std::nullopt;
    config.seed = quint32(seed);

    if (object.contains(u"rate"_s)) {
        const QJsonValue rate = object.value(u"rate"_s);
        if (!rate.isDouble() || rate.toDouble() < 0.0 || rate.toDouble() > 1.0) {
            if (error)
                *error = u"\"rate\" must be a number from 0.0 to 1.0"_s;
            return std::nullopt;
        }
        config.rate = rate.toDouble();
    }

    const QJsonValue kinds = object.value(u"kinds"_s);
    if (!kinds.isUndefined()) {
        if (!kinds.isArray()) {
            if (error)
                *error = u"\"kinds\" must be an array"_s;
            return std::nullopt;
        }
        for (const QJsonValue &value : kinds.toArray()) {
            QString kind;
            if (!readKind(value, &kind, error))
                return std::nullopt;
            config.kinds.append(kind);
        }
    }
    if (config.rate > 0.0 && config.kinds.isEmpty())
        config.kinds = defaultRateKinds();

    const QJsonValue listing = object.value(u"listing"_s);
    if (!listing.isUndefined()) {
        const QJsonObject lies = listing.toObject();
        const QJsonValue total = lies.value(u"total"_s);
        if (!listing.isObject() || (!total.isUndefined() && (!total.isDouble() || total.toDouble() < -1 ||
                                                             total.toDouble() > 9.0e15))) {
            if (error)
                *error =
                    u"\"listing\" must be {\"total\": -1..9e15, \"max_records\": N, \"ignore_offset\": bool}"_s;
            return std::nullopt;
        }
        config.listing.total = total.isUndefined() ? -1 : qint64(total.toDouble());
        if (!readNonNegativeInt(lies, u"max_records"_s, &config.listing.maxRecords, error))
            return std::nullopt;
        config.listing.ignoreOffset = lies.value(u"ignore_offset"_s).toBool();
    }

    const QJsonValue withoutId = object.value(u"groups_without_id"_s);
    if (!withoutId.isUndefined()) {
        const QJsonArray keys = withoutId.toArray();
        const bool allStrings =
            std::all_of(keys.begin(), keys.end(), [](const QJsonValue &key) { return key.isString(); });
        if (!withoutId.isArray() || !allStrings) {
            if (error)
                *error = u"\"groups_without_id\" must be an array of \"namespace/name\" strings"_s;
            return std::nullopt;
        }
        for (const QJsonValue &key : keys)
            config.groupsWithoutId.append(key.toString());
    }

    const QJsonValue script = object.value(u"script"_s);
    if (!script.isUndefined()) {
        if (!script.isArray()) {
            if (error)
                *error = u"\"script\" must be an array"_s;
            return std::nullopt;
        }
        for (const QJsonValue &value : script.toArray()) {
            const QJsonObject entryObject = value.toObject();
            FaultScriptEntry entry;
            entry.method = entryObject.value(u"method"_s).toString().toUpper();
            entry.pathContains = entryObject.value(u"path_contains"_s).toString();
            if (!readKind(entryObject.value(u"fault"_s), &entry.fault, error))
                return std::nullopt;
            if (!readNonNegativeInt(entryObject, u"count"_s, &entry.count, error))
                return std::nullopt;
            if (entry.count > 0)
                config.script.append(entry);
        }
    }
    return config;
}

SandboxOptions SandboxOptions::forDemo()
{
    SandboxOptions options;
    options.demo = true;
    return options;
}

} // namespace mim::sandbox
