#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QSettings;
class QSplitter;
class QWidget;

namespace mim {

class ImageFilterModel;
class ImageTableView;

// Keeps the main window's looks across runs in QSettings: geometry and toolbar state, the splitter, the
// table's columns and sort, whether the details pane shows, and the filter. Changes to the columns, the
// pane and the filter are saved as they happen; the rest when the window closes.
class WindowStateKeeper : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        QSplitter *splitter = nullptr;
        ImageTableView *tableView = nullptr;
        QWidget *detailsPane = nullptr;
        QAction *toggleDetails = nullptr;
        ImageFilterModel *filterModel = nullptr;
    };

    // Without settings (nullptr) nothing is restored or saved.
    WindowStateKeeper(const Parts &parts, QSettings *settings, QObject *parent);

    // False when there are no settings to restore from.
    bool restore();
    void save();
    // Shrinks and moves `window` into the available area of its screen; a first start also leaves a margin
    // and centres it.
    static void fitToScreen(QWidget *window, bool firstStart);
    // True while restore() runs: what changes then is not a change of the user's to save.
    bool isRestoring() const { return m_restoring; }

private:
    void saveFilter();

    Parts m_parts;
    QSettings *m_settings;
    bool m_restoring = false;
};

} // namespace mim
