#include "views/main/WindowStateKeeper.h"

#include "models/catalog/ImageFilterModel.h"
#include "models/common/SettingsKeys.h"
#include "views/main/ImageTableView.h"

#include <QAction>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace mim {

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
    if (geometry.isEmpty() || !window->restoreGeometry(geometry)) {
        // A first start: a comfortable size that fits a laptop screen.
        window->resize(1280, 800);
    }
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
