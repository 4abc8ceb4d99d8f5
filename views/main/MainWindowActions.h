#pragma once

#include "views/common/AppServices.h"

#include <functional>
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QMenuBar;

namespace mim {

class AboutDialog;
class ShortcutsDialog;

// The main window's commands: every QAction with its text, icon, shortcuts and object name, and the menus
// they sit in. The commands that need nothing of the account (preferences, the journal folder, About,
// Quit, Help) are handled here; the window connects the rest to what they act on. The actions are the
// window's children, so window-wide shortcuts work and tests find them by name
// (tests/support/MainWindowFixture).
class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    MainWindowActions(QMainWindow *window, const AppServices &services);

    // Builds File, Edit, View, Image and Help; `populateColumns` fills View > Columns each time it opens.
    void buildMenus(QMenuBar *menuBar, const std::function<void(QMenu *)> &populateColumns);

    QAction *refresh = nullptr;
    QAction *deleteImages = nullptr;
    QAction *deleteWithContent = nullptr;
    QAction *resync = nullptr;
    QAction *showDetails = nullptr;
    QAction *toggleDetails = nullptr;
    QAction *copySwrPath = nullptr;
    QAction *copyId = nullptr;
    QAction *copyNameTag = nullptr;
    QAction *selectAll = nullptr;
    QAction *find = nullptr;
    QAction *clearFilter = nullptr;
    QAction *showBuiltIn = nullptr;
    QAction *openJournalFolder = nullptr;
    QAction *addAccount = nullptr;
    QAction *manageAccounts = nullptr;
    QAction *preferences = nullptr;
    QAction *quit = nullptr;
    QAction *documentation = nullptr;
    QAction *reportBug = nullptr;
    QAction *keyboardShortcuts = nullptr;
    QAction *about = nullptr;
    QAction *aboutQt = nullptr;

Q_SIGNALS:
    // Preferences were saved: what the window derives from them is read again.
    void preferencesChanged();

private:
    void createEditActions();
    void createApplicationActions();

    QMainWindow *m_window;
    AppServices m_services;
    QPointer<AboutDialog> m_aboutDialog;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
};

} // namespace mim
