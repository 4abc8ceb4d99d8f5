#include "models/common/Formatting.h"

#include <bit>
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

QString dataSize(qint64 bytes)
{
    if (bytes < 0)
        return {};
    // The same unit choice as formattedDataSize (powers of 1024), to drop the decimal where it adds nothing.
    const int power = bytes == 0 ? 0 : (63 - std::countl_zero(quint64(bytes))) / 10;
    double scaled = double(bytes);
    for (int i = 0; i < power; ++i)
        scaled /= 1024.0;
    const int decimals = (power > 0 && scaled < 99.95) ? 1 : 0;
    // At most four digits before the unit: a group separator there reads like a decimal mark in some locales.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.formattedDataSize(bytes, decimals, QLocale::DataSizeTraditionalFormat);
}

QString humanSize(qint64 reportedSize, const SizeUnit::Inference &unit)
{
    return dataSize(unit.toBytes(reportedSize));
}

QString imageSize(const Image &image, const SizeUnit::Inference &unit)
{
    // ACTIVE is the only status whose size the server has settled; anything else without a size is unknown.
    if (image.sizeKb <= 0 && image.status != "ACTIVE"_L1)
        return u"\u2014"_s;
    return humanSize(image.sizeKb, unit);
}

QString reportedSize(qint64 reportedSize)
{
    if (reportedSize < 0)
        return {};
    // Digits exactly as sent, without group separators, so the number can be compared with the API's answer.
    return tr("%1 as reported, in KB per the API documentation",
              "details pane: the image size number exactly as the server sent it, and its documented unit")
        .arg(QString::number(reportedSize));
}

QString dateStyleName(DateStyle style)
{
    return style == DateStyle::Iso ? u"iso"_s : u"locale"_s;
}

DateStyle dateStyleFromName(const QString &name)
{
    return name == "iso"_L1 ? DateStyle::Iso : DateStyle::Locale;
}

QString localDateTime(qint64 msSinceEpoch, DateStyle style)
{
    if (msSinceEpoch <= 0)
        return {};
    const QDateTime local = localFromEpochMs(msSinceEpoch);
    if (style == DateStyle::Iso)
        return QLocale::c().toString(local, u"yyyy-MM-dd HH:mm"_s);
    return QLocale().toString(local, QLocale::ShortFormat);
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
        return tr("%Ln minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%Ln hour(s) ago", nullptr, int(seconds / 3600));
    if (seconds < 30 * 86400)
        return tr("%Ln day(s) ago", nullptr, int(seconds / 86400));
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

QString archText(const QString &arch)
{
    // The API sends either case.
    const QString upper = arch.toUpper();
    if (upper == "X86_64"_L1)
        return tr("x86-64", "CPU architecture (X86_64)");
    if (upper == "AARCH64"_L1)
        return tr("Arm64", "CPU architecture (AARCH64)");
    return visibleText(arch);
}

QString serviceTypeText(const QString &serviceType)
{
    if (serviceType == "COMMON"_L1)
        return tr("General", "image service type (COMMON): usable for any service");
    if (serviceType == "TRAIN"_L1)
        return tr("Training", "image service type (TRAIN)");
    if (serviceType == "INFERENCE"_L1)
        return tr("Inference", "image service type (INFERENCE)");
    if (serviceType == "DEV"_L1)
        return tr("Development", "image service type (DEV): notebooks");
    if (serviceType == "UNKNOWN"_L1)
        return tr("Unknown", "image service type (UNKNOWN)");
    return visibleText(serviceType);
}

QString originText(const QString &origin)
{
    if (origin == "CUSTOMIZE"_L1)
        return tr("Custom", "image source (CUSTOMIZE): registered by the user");
    if (origin == "IMAGE_SAVE"_L1)
        return tr("Saved from a notebook", "image source (IMAGE_SAVE)");
    return visibleText(origin);
}

QString devServiceText(const QString &devService)
{
    if (devService == "NOTEBOOK"_L1)
        return tr("Notebook", "development service (NOTEBOOK): JupyterLab");
    if (devService == "SSH"_L1)
        return tr("SSH", "development service (SSH): remote access");
    return visibleText(devService);
}

QString resourceCategoryText(const QString &category)
{
    if (category == "CPU"_L1)
        return tr("CPU", "resource category (CPU)");
    if (category == "GPU"_L1)
        return tr("GPU", "resource category (GPU)");
    if (category == "ASCEND"_L1)
        return tr("Ascend NPU", "resource category (ASCEND): Huawei's AI processor");
    return visibleText(category);
}

QString withApiValue(const QString &label, const QString &apiValue)
{
    const QString shown = visibleText(apiValue);
    // "Notebook (NOTEBOOK)" says nothing twice.
    if (apiValue.isEmpty() || label.compare(shown, Qt::CaseInsensitive) == 0)
        return label;
    return tr("%1 (%2)", "an API value's label, then the value as the API sent it").arg(label, shown);
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
