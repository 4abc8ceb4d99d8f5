#pragma once

#include "models/api/VisibleText.h"

#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QStringView>

// Human text for image fields, shared by the table model and the views so that a size or a date reads the
// same everywhere. Translations use the context "mim::Formatting".
namespace mim::Formatting {

// Sizes arrive in KB (the API's unit). Shown with binary multiples (1 MB = 1024 KB) and the short unit
// names users know from file managers, one decimal below 100: "900 MB", "1.4 GB". Negative: empty.
QString humanSize(qint64 kb);

// UTC epoch milliseconds in local time, "yyyy-MM-dd HH:mm". Zero or negative (unknown): empty.
QString localDateTime(qint64 msSinceEpoch);
// With seconds and the time zone, for tooltips and the details pane.
QString localDateTimeLong(qint64 msSinceEpoch);
// "just now", "5 minutes ago", "3 days ago"; falls back to localDateTime() after a month.
QString relativeTime(qint64 msSinceEpoch, const QDateTime &now);

// Translated words for the API's enumerations; unknown values are shown as sent.
QString statusText(const QString &status);
QString typeText(const QString &type);             // "Own" / "Built-in"
QString visibilityText(const QString &visibility); // "Private" / "Public"

// A tooltip that shows `text` literally. Qt renders a tooltip as rich text when it looks like HTML
// (Qt::mightBeRichText), so such text is escaped and wrapped to keep its line breaks and spaces as they are.
QString plainToolTip(const QString &text);

// Resource path of the icon for a status (an SVG in the models' resources) and the icon itself.
// Every status has one, so a status is never told by colour alone.
QString statusIconName(const QString &status);
QIcon statusIcon(const QString &status);

} // namespace mim::Formatting
