#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"
#include "models/api/VisibleText.h"

#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QStringView>

// Human text for image fields, shared by the table model and the views so that a size or a date reads the
// same everywhere. Translations use the context "mim::Formatting".
namespace mim::Formatting {

// Bytes in the locale's words (QLocale::formattedDataSize: binary multiples with the short unit names users
// know from file managers), one decimal below 100: "900 MB", "1.4 GB". Negative: empty.
QString dataSize(qint64 bytes);
// The API's `size` read in `unit` (the account's ReportedSizeUnit) as dataSize(). Negative: empty.
QString humanSize(qint64 reportedSize, const SizeUnit::Inference &unit);
// The size cell of an image: "—" while an image being created or a failed one has no size yet, not "0 KB".
QString imageSize(const Image &image, const SizeUnit::Inference &unit);
// The number exactly as the server sent it, with the unit the API documents, for the details pane.
QString reportedSize(qint64 reportedSize);

// How the date columns show a date and time: the locale's short format (as the status bar does) or ISO 8601.
enum class DateStyle
{
    Locale,
    Iso,
};
// The value of the Preferences' date setting for a style, and back (anything unknown is Locale).
QString dateStyleName(DateStyle style);
DateStyle dateStyleFromName(const QString &name);

// UTC epoch milliseconds in local time, in the locale's short format ("11/15/23 6:13 AM") or as ISO 8601
// without seconds ("2023-11-15 06:13"). Zero or negative (unknown): empty.
QString localDateTime(qint64 msSinceEpoch, DateStyle style = DateStyle::Locale);
// With seconds and the time zone, for tooltips and the details pane.
QString localDateTimeLong(qint64 msSinceEpoch);
// "just now", "5 minutes ago", "3 days ago"; falls back to localDateTime() after a month.
QString relativeTime(qint64 msSinceEpoch, const QDateTime &now);

// Translated words for the API's enumerations, one function per enumeration; unknown values are shown as
// sent (made visible).
QString statusText(const QString &status);
QString typeText(const QString &type);                 // "Own" / "Built-in"
QString visibilityText(const QString &visibility);     // "Private" / "Public"
QString archText(const QString &arch);                 // any case: "x86-64" / "Arm64"
QString serviceTypeText(const QString &serviceType);   // "General" / "Training" / "Inference" / "Development"
QString originText(const QString &origin);             // "Custom" / "Saved from a notebook"
QString devServiceText(const QString &devService);     // "Notebook" / "SSH"
QString resourceCategoryText(const QString &category); // "CPU" / "GPU" / "Ascend NPU"
// The label with the value as the API sent it, "Custom (CUSTOMIZE)", for where both help (the details pane);
// the label alone when it is the value in other letter case.
QString withApiValue(const QString &label, const QString &apiValue);

// A tooltip that shows `text` literally. Qt renders a tooltip as rich text when it looks like HTML
// (Qt::mightBeRichText), so such text is escaped and wrapped to keep its line breaks and spaces as they are.
QString plainToolTip(const QString &text);

// Resource path of the icon for a status (an SVG in the models' resources) and the icon itself.
// Every status has one, so a status is never told by colour alone.
QString statusIconName(const QString &status);
QIcon statusIcon(const QString &status);

} // namespace mim::Formatting
