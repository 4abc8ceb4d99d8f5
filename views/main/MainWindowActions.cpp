#include "views/main/MainWindowActions.h"

#include "views/common/Icons.h"
#include "views/main/AboutDialog.h"
#include "views/main/PreferencesDialog.h"
#include "views/main/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mim {

MainWindowActions::MainWindowActions(QMainWindow *window, const AppServices &services)
    : QObject(window)
    , m_window(window)
    , m_services(services)
{
    setObjectName(u"mainWindowActions"_s);
    createEditActions();
    createApplicationActions();

    // Window-wide shortcuts need the actions on the window, not only in (possibly hidden) menus.
    window->addActions({refresh, deleteImages, deleteWithContent, resync, showDetails, toggleDetails,
                        copySwrPath, copyId, selectAll, find, documentation});
}

void MainWindowActions::createEditActions()
{
    refresh = new QAction(icons::themed(u"refresh"_s), tr("&Refresh"), m_window);
    refresh->setObjectName(u"refreshAction"_s);
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    refresh->setShortcuts(refreshKeys);
    refresh->setToolTip(
        tr("Load the image list again (%1)").arg(refreshKeys.first().toString(QKeySequence::NativeText)));

    deleteImages = new QAction(icons::themed(u"delete"_s), tr("&Delete…"), m_window);
    deleteImages->setObjectName(u"deleteAction"_s);
#ifdef Q_OS_MACOS
    deleteImages->setShortcut(QKeySequence(Qt::Key_Backspace));
#else
    deleteImages->setShortcuts(QKeySequence::Delete);
#endif

    deleteWithContent = new QAction(tr("Delete with &SWR Content…"), m_window);
    deleteWithContent->setObjectName(u"deleteWithContentAction"_s);
#ifdef Q_OS_MACOS
    deleteWithContent->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Backspace));
#else
    deleteWithContent->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
#endif
    deleteWithContent->setStatusTip(tr("Delete the selected images and their content in SWR"));

    resync = new QAction(icons::themed(u"resync"_s), tr("Re&sync Status"), m_window);
    resync->setObjectName(u"resyncAction"_s);
    resync->setToolTip(tr("Ask ModelArts to check the status of the selected images again (for images "
                          "stuck while being saved, or failed)"));
    resync->setStatusTip(resync->toolTip());

    showDetails = new QAction(tr("Show &Details"), m_window);
    showDetails->setObjectName(u"detailsAction"_s);
    showDetails->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));

    toggleDetails = new QAction(icons::themed(u"details-pane"_s), tr("Details &Pane"), m_window);
    toggleDetails->setObjectName(u"toggleDetailsPaneAction"_s);
    toggleDetails->setCheckable(true);
    toggleDetails->setChecked(true);
    toggleDetails->setShortcut(QKeySequence(Qt::Key_F9));
    toggleDetails->setToolTip(tr("Show or hide the details of the selected image (F9)"));

    copySwrPath = new QAction(icons::themed(u"copy"_s), tr("Copy &SWR Path"), m_window);
    copySwrPath->setObjectName(u"copySwrPathAction"_s);
    copySwrPath->setShortcuts(QKeySequence::Copy);
    copyId = new QAction(tr("Copy &ID"), m_window);
    copyId->setObjectName(u"copyIdAction"_s);
    copyId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyNameTag = new QAction(tr("Copy &Name:Tag"), m_window);
    copyNameTag->setObjectName(u"copyNameTagAction"_s);

    selectAll = new QAction(tr("Select &All"), m_window);
    selectAll->setObjectName(u"selectAllAction"_s);
    selectAll->setShortcuts(QKeySequence::SelectAll);

    find = new QAction(icons::themed(u"search"_s), tr("&Filter…"), m_window);
    find->setObjectName(u"findAction"_s);
    find->setShortcuts(QKeySequence::Find);

    clearFilter = new QAction(icons::themed(u"filter-off"_s), tr("&Clear Filters"), m_window);

    showBuiltIn = new QAction(tr("Show &Built-in Images"), m_window);
    showBuiltIn->setCheckable(true);
    showBuiltIn->setStatusTip(tr("Also list the preset images ModelArts provides (they cannot be deleted)"));
}

void MainWindowActions::createApplicationActions()
{
    openJournalFolder = new QAction(tr("Open &Journal Folder"), m_window);
    openJournalFolder->setObjectName(u"openJournalFolderAction"_s);
    openJournalFolder->setStatusTip(tr("Show the folder of the record of every deletion"));
    openJournalFolder->setEnabled(!m_services.journalPath.isEmpty());
    connect(openJournalFolder, &QAction::triggered, this, [this] {
        const QString folder = QFileInfo(m_services.journalPath).absolutePath();
        QDir().mkpath(folder);
        openUrlOrShowIt(m_services.urlOpener, QUrl::fromLocalFile(folder), m_window);
    });

    addAccount = new QAction(icons::themed(u"account-add"_s), tr("&Add Account…"), m_window);
    manageAccounts = new QAction(tr("&Manage Accounts…"), m_window);

    preferences = new QAction(tr("&Preferences…"), m_window);
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setShortcuts(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] {
        PreferencesDialog dialog(m_services.settings, m_window);
        dialog.setListingCacheDirectory(m_services.demoMode ? QString() : m_services.listingCacheDirectory);
        if (dialog.exec() == QDialog::Accepted)
            Q_EMIT preferencesChanged();
    });

    quit = new QAction(tr("&Quit"), m_window);
    quit->setShortcuts(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, m_window, &QWidget::close);

    documentation = new QAction(tr("&Documentation"), m_window);
    documentation->setObjectName(u"documentationAction"_s);
    QList<QKeySequence> helpKeys = QKeySequence::keyBindings(QKeySequence::HelpContents);
    if (!helpKeys.contains(QKeySequence(Qt::Key_F1)))
        helpKeys.prepend(QKeySequence(Qt::Key_F1));
    documentation->setShortcuts(helpKeys);
    documentation->setStatusTip(tr("Open the user guide on the project's homepage"));
    connect(documentation, &QAction::triggered, this,
            [this] { openUrlOrShowIt(m_services.urlOpener, ProjectLinks::documentation(), m_window); });

    reportBug = new QAction(tr("&Report a Bug…"), m_window);
    reportBug->setObjectName(u"reportBugAction"_s);
    reportBug->setStatusTip(tr("Open the project's bug tracker"));
    connect(reportBug, &QAction::triggered, this,
            [this] { openUrlOrShowIt(m_services.urlOpener, ProjectLinks::bugTracker(), m_window); });

    keyboardShortcuts = new QAction(tr("&Keyboard Shortcuts"), m_window);
    keyboardShortcuts->setObjectName(u"keyboardShortcutsAction"_s);
    connect(keyboardShortcuts, &QAction::triggered, this, [this] {
        // Built anew each time, from the actions as they are then.
        if (m_shortcutsDialog)
            m_shortcutsDialog->close();
        m_shortcutsDialog = new ShortcutsDialog(m_window);
        m_shortcutsDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_shortcutsDialog->show();
    });

    about = new QAction(tr("&About ModelArts Image Manager"), m_window);
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        if (!m_aboutDialog) {
            m_aboutDialog = new AboutDialog(m_services.urlOpener, m_window);
            m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_aboutDialog->show();
        m_aboutDialog->raise();
        m_aboutDialog->activateWindow();
    });
    aboutQt = new QAction(tr("About &Qt"), m_window);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindowActions::buildMenus(QMenuBar *menuBar, const std::function<void(QMenu *)> &populateColumns)
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(addAccount);
    file->addAction(manageAccounts);
    file->addSeparator();
    file->addAction(openJournalFolder);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar->addMenu(tr("&Edit"));
    edit->addAction(copySwrPath);
    edit->addAction(copyId);
    edit->addAction(copyNameTag);
    edit->addSeparator();
    edit->addAction(selectAll);
    edit->addSeparator();
    edit->addAction(find);
    edit->addSeparator();
    edit->addAction(preferences);

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(toggleDetails);
    QMenu *columns = view->addMenu(tr("&Columns"));
    connect(columns, &QMenu::aboutToShow, this, [columns, populateColumns] {
        columns->clear();
        populateColumns(columns);
    });
    view->addSeparator();
    view->addAction(showBuiltIn);
    view->addAction(clearFilter);
    view->addSeparator();
    view->addAction(refresh);

    QMenu *image = menuBar->addMenu(tr("&Image", "menu of actions on the selected container images"));
    image->addAction(showDetails);
    image->addAction(resync);
    image->addSeparator();
    image->addAction(deleteImages);
    image->addAction(deleteWithContent);

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(documentation);
    help->addAction(reportBug);
    help->addAction(keyboardShortcuts);
    help->addSeparator();
    help->addAction(about);
    help->addAction(aboutQt);
}

} // namespace mim
