#pragma once

#include "views/common/AppServices.h"

#include <functional>
#include <optional>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace mim {

class AccountSession;
class CleanupDialog;
class ImageGroupsDialog;
class MainWindow;
class RegisterImageDialog;
class SwrStorageDialog;

// The Tools menu of the main window: Clean Up…, Image Groups…, SWR Storage…, Register Image… and Export
// Images…. The
// dialogs work on the window's account session (its client, table and deletion queue) and close when its
// account changes; exporting uses the window's view of the table. Attaching it is one line:
// `new ImageToolsMenu(window, services);`.
class ImageToolsMenu : public QObject
{
    Q_OBJECT
public:
    // Adds the menu to the window's menu bar, before Help. The window owns the object.
    ImageToolsMenu(MainWindow *window, const AppServices &services);

    QMenu *menu() const { return m_menu; }
    QAction *cleanUpAction() const { return m_cleanUp; }
    QAction *imageGroupsAction() const { return m_groups; }
    QAction *swrStorageAction() const { return m_storage; }
    QAction *registerImageAction() const { return m_register; }
    QAction *exportAction() const { return m_export; }

    // Answers the deletion confirmations of the dialogs opened from here (tests); otherwise they are shown.
    void setDeletionConfirmer(DeletionConfirmer confirmer);

    // The dialogs, built and shown (non-blocking); the same dialog is raised when it is open already.
    CleanupDialog *openCleanup();
    ImageGroupsDialog *openImageGroups();
    SwrStorageDialog *openSwrStorage();
    RegisterImageDialog *openRegisterImage();
    // Exports the rows the table shows, in its order, with its visible columns or every field as the user
    // chose last (ExportImages::rememberedFields). Empty path: ask for one, and for the fields.
    // Returns the number of images written, -1 on failure or cancel.
    int exportShownRows(const QString &path = {});

    // Closes the dialogs opened from here (done when the session's account changes).
    void closeDialogs();

private:
    void updateActions();

    MainWindow *m_window;
    AccountSession *m_session;
    AppServices m_services;
    QMenu *m_menu = nullptr;
    QAction *m_cleanUp = nullptr;
    QAction *m_groups = nullptr;
    QAction *m_storage = nullptr;
    QAction *m_register = nullptr;
    QAction *m_export = nullptr;
    QPointer<CleanupDialog> m_cleanupDialog;
    QPointer<ImageGroupsDialog> m_groupsDialog;
    QPointer<SwrStorageDialog> m_storageDialog;
    QPointer<RegisterImageDialog> m_registerDialog;
};

} // namespace mim
