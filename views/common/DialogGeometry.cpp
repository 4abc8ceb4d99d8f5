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

void grow(QWidget *dialog, QSize wanted)
{
    // The window manager's title bar and borders, as they are before the resize: pos() and frameGeometry()
    // of a window include them, size() does not.
    const QSize decoration = dialog->frameGeometry().size() - dialog->size();
    dialog->resize(fitted(dialog, wanted));
    const QRect area = availableArea(dialog);
    const QRect outer(dialog->pos(), dialog->size() + decoration);
    QPoint shift;
    if (outer.right() > area.right())
        shift.rx() = std::max(area.left() - outer.left(), area.right() - outer.right());
    if (outer.bottom() > area.bottom())
        shift.ry() = std::max(area.top() - outer.top(), area.bottom() - outer.bottom());
    if (!shift.isNull())
        dialog->move(dialog->pos() + shift);
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
