#include "models/common/Formatting.h"

#include <iterator>
#include <QCoreApplication>
#include <QLocale>
#include <QTextDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mim::Formatting {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("mim::Formatting", text, disambiguation, n);
}

QDateTime localFromEpochMs(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc()).toLocalTime();
}

} // namespace

QString plainToolTip(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return u"<p style='white-space:pre'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

QString humanSize(qint64 kb)
{
    if (kb < 0)
        return {};
    // Each unit's text is its own translatable string so translators can reorder number and unit.
    static constexpr const char *units[] = {
        QT_TRANSLATE_NOOP("mim::Formatting", "%1 KB"), QT_TRANSLATE_NOOP("mim::Formatting", "%1 MB"),
        QT_TRANSLATE_NOOP("mim::Formatting", "%1 GB"), QT_TRANSLATE_NOOP("mim::Formatting", "%1 TB"),
        QT_TRANSLATE_NOOP("mim::Formatting", "%1 PB"),
    };
    constexpr int unitCount = int(std::size(units));
    double value = double(kb);
    int unit = 0;
    while (value >= 1024.0 && unit < unitCount - 1) {
        value /= 1024.0;
        ++unit;
    }
    const int decimals = (unit > 0 && value < 99.95) ? 1 : 0;
    // At most four digits before the unit: a group separator there reads like a decimal mark in some locales.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return tr(units[unit]).arg(locale.toString(value, 'f', decimals));
}

QString localDateTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(localFromEpochMs(msSinceEpoch), u"yyyy-MM-dd HH:mm"_s);
}

QString localDateTimeLong(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(localFromEpochMs(msSinceEpoch), u"yyyy-MM-dd HH:mm:ss t"_s);
}

QString relativeTime(qint64 msSinceEpoch, const QDateTime &now)
{
    if (msSinceEpoch <= 0)
        return {};
    const qint64 seconds = (now.toMSecsSinceEpoch() - msSinceEpoch) / 1000;
    if (seconds < 0)
        return localDateTime(msSinceEpoch);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    if (seconds < 30 * 86400)
        return tr("%n day(s) ago", nullptr, int(seconds / 86400));
    return localDateTime(msSinceEpoch);
}

QString statusText(const QString &status)
{
    if (status == "ACTIVE"_L1)
        return tr("Active", "image status");
    if (status == "INIT"_L1)
        return tr("Initializing", "image status");
    if (status == "CREATING"_L1)
        return tr("Creating", "image status");
    if (status == "CREATE_FAILED"_L1)
        return tr("Creation failed", "image status");
    if (status == "ERROR"_L1)
        return tr("Error", "image status");
    if (status == "DELETED"_L1)
        return tr("Deleted", "image status");
    if (status.isEmpty())
        return tr("Unknown", "image status");
    return visibleText(status);
}

QString typeText(const QString &type)
{
    if (type == "DEDICATED"_L1)
        return tr("Own", "image type: the user's own (DEDICATED) image");
    if (type == "BUILD_IN"_L1)
        return tr("Built-in", "image type: preset image provided by ModelArts");
    return visibleText(type);
}

QString visibilityText(const QString &visibility)
{
    if (visibility == "PRIVATE"_L1)
        return tr("Private", "image visibility");
    if (visibility == "PUBLIC"_L1)
        return tr("Public", "image visibility");
    return visibleText(visibility);
}

QString statusIconName(const QString &status)
{
    if (status == "ACTIVE"_L1)
        return u":/mim/status/active.svg"_s;
    if (status == "INIT"_L1 || status == "CREATING"_L1)
        return u":/mim/status/settling.svg"_s;
    if (status == "CREATE_FAILED"_L1 || status == "ERROR"_L1)
        return u":/mim/status/failed.svg"_s;
    if (status == "DELETED"_L1)
        return u":/mim/status/deleted.svg"_s;
    return u":/mim/status/unknown.svg"_s;
}

QIcon statusIcon(const QString &status)
{
    return QIcon(statusIconName(status));
}

} // namespace mim::Formatting
