#include "views/main/WindowStateKeeper.h"

#include "models/catalog/ImageFilterModel.h"
#include "models/common/SettingsKeys.h"
#include "views/main/ImageTableView.h"

#include <QAction>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStyle>

namespace mim {
namespace {

// The screen the window will open on: where its geometry puts it, else the window's own.
QScreen *screenOf(const QWidget *window)
{
    if (QScreen *screen = QGuiApplication::screenAt(window->geometry().center()))
        return screen;
    return window->screen();
}

} // namespace

void WindowStateKeeper::fitToScreen(QWidget *window, bool firstStart)
{
    const QScreen *screen = screenOf(window);
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // A window saved on a larger screen, or before the scale factor grew, would open partly off screen
    // with its title bar or its edges out of reach. Before the window is shown its frame is unknown: room
    // is left for a title bar and thin borders.
    const int border = qMax(2, window->style()->pixelMetric(QStyle::PM_DefaultFrameWidth));
    const QSize frame =
        window->isVisible()
            ? window->frameGeometry().size() - window->size()
            : QSize(2 * border, window->style()->pixelMetric(QStyle::PM_TitleBarHeight) + 2 * border);
    const QSize room = available.size() - frame;
    QSize size = window->size();
    // A first start leaves some of the desktop in view.
    if (firstStart)
        size = size.boundedTo(room * 9 / 10);
    size = size.boundedTo(room).expandedTo(window->minimumSize());
    if (size != window->size())
        window->resize(size);
    // pos() is where the frame starts.
    const QSize outer = size + frame;
    QPoint position = window->pos();
    if (firstStart) {
        position = available.center() - QPoint(outer.width() / 2, outer.height() / 2);
    } else {
        position.setX(qBound(available.left(), position.x(),
                             qMax(available.left(), available.right() + 1 - outer.width())));
        position.setY(qBound(available.top(), position.y(),
                             qMax(available.top(), available.bottom() + 1 - outer.height())));
    }
    if (position != window->pos())
        window->move(position);
}

WindowStateKeeper::WindowStateKeeper(const Parts &parts, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_settings(settings)
{
    connect(m_parts.toggleDetails, &QAction::toggled, this, [this](bool on) {
        if (!m_restoring && m_settings)
            SettingsKeys::setValue(*m_settings, SettingsKey::DetailsPaneVisible, on);
    });
    connect(m_parts.tableView, &ImageTableView::viewStateChanged, this, [this] {
        if (!m_restoring && m_settings)
            SettingsKeys::setValue(*m_settings, SettingsKey::ImageTableHeader,
                                   m_parts.tableView->viewState());
    });
    connect(m_parts.filterModel, &ImageFilterModel::filterStateChanged, this, &WindowStateKeeper::saveFilter);
}

bool WindowStateKeeper::restore()
{
    if (!m_settings)
        return false;
    m_restoring = true;
    QMainWindow *window = m_parts.window;
    const QByteArray geometry =
        SettingsKeys::value(*m_settings, SettingsKey::MainWindowGeometry).toByteArray();
    const bool firstStart = geometry.isEmpty() || !window->restoreGeometry(geometry);
    if (firstStart) {
        // A comfortable size that fits a laptop screen, and less where the screen (or its scale) has less.
        window->resize(1280, 800);
    }
    fitToScreen(window, firstStart);
    window->restoreState(SettingsKeys::value(*m_settings, SettingsKey::MainWindowState).toByteArray());
    m_parts.tableView->setViewState(
        SettingsKeys::value(*m_settings, SettingsKey::ImageTableHeader).toByteArray());
    const QByteArray splitter =
        SettingsKeys::value(*m_settings, SettingsKey::MainWindowSplitter).toByteArray();
    if (!splitter.isEmpty())
        m_parts.splitter->restoreState(splitter);
    const bool detailsVisible = SettingsKeys::value(*m_settings, SettingsKey::DetailsPaneVisible).toBool();
    m_parts.toggleDetails->setChecked(detailsVisible);
    m_parts.detailsPane->setVisible(detailsVisible);
    m_parts.filterModel->setFilterState(
        FilterState::fromVariant(SettingsKeys::value(*m_settings, SettingsKey::ImageTableFilter).toMap()));
    m_restoring = false;
    return true;
}

void WindowStateKeeper::save()
{
    if (!m_settings || m_restoring)
        return;
    SettingsKeys::setValue(*m_settings, SettingsKey::MainWindowGeometry, m_parts.window->saveGeometry());
    SettingsKeys::setValue(*m_settings, SettingsKey::MainWindowState, m_parts.window->saveState());
    SettingsKeys::setValue(*m_settings, SettingsKey::MainWindowSplitter, m_parts.splitter->saveState());
    SettingsKeys::setValue(*m_settings, SettingsKey::DetailsPaneVisible, m_parts.toggleDetails->isChecked());
    SettingsKeys::setValue(*m_settings, SettingsKey::ImageTableHeader, m_parts.tableView->viewState());
    saveFilter();
    m_settings->sync();
}

void WindowStateKeeper::saveFilter()
{
    if (m_restoring || !m_settings)
        return;
    SettingsKeys::setValue(*m_settings, SettingsKey::ImageTableFilter,
                           m_parts.filterModel->filterState().toVariant());
}

} // namespace mim
