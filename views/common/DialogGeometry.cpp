#include "views/common/DialogGeometry.h"

#include <algorithm>
#include <QScreen>
#include <QSettings>
#include <QWidget>

namespace mim::DialogGeometry {

QRect availableArea(const QWidget *dialog)
{
    const QScreen *screen = dialog->parentWidget() ? dialog->parentWidget()->screen() : dialog->screen();
    return screen ? screen->availableGeometry() : QRect(0, 0, 1024, 768);
}

QSize fitted(const QWidget *dialog, QSize wanted)
{
    const QRect available = availableArea(dialog);
    const QSize minimum = dialog->minimumSizeHint();
    const int width = std::max(std::min(wanted.width(), available.width() * 9 / 10), minimum.width());
    const int height = std::max(minimum.height(), std::min(wanted.height(), available.height() * 85 / 100));
    return {width, height};
}

bool open(QWidget *dialog, QSize wanted, QSettings *settings, SettingsKey key)
{
    dialog->resize(fitted(dialog, wanted));
    if (!settings || !SettingsKeys::contains(*settings, key))
        return false;
    return dialog->restoreGeometry(SettingsKeys::value(*settings, key).toByteArray());
}

void keep(const QWidget *dialog, QSettings *settings, SettingsKey key)
{
    if (settings)
        SettingsKeys::setValue(*settings, key, dialog->saveGeometry());
}

} // namespace mim::DialogGeometry
