#pragma once

#include "models/api/ConnectionSettings.h"
#include "models/catalog/ImageCatalog.h"
#include "views/common/AppServices.h"
#include "views/main/MainWindow.h"

#include <memory>
#include <QDebug>
#include <QObject>
#include <QString>

class QAction;
class QNetworkAccessManager;
class QSettings;
class QTemporaryDir;

namespace mim {
class DeletionQueue;
class DeletionSummaryDialog;
class DetailsPane;
class EmptyStateWidget;
class FilterBar;
class NoticeBar;
class ProfileStore;
class SecretStore;
} // namespace mim

namespace mim::test {

class SandboxFixture;

// What a MainWindow needs in a test, built once for every GUI test: a temporary folder for the settings,
// profiles and deletion journal, an in-memory keychain, a network access manager and AppServices pointing at
// them, and the window itself. The window goes first when the fixture ends.
class MainWindowFixture
{
public:
    static constexpr int LoadTimeoutMs = 15000;
    static inline const QString AccountName = QStringLiteral("Sandbox");

    explicit MainWindowFixture(const QString &keychainService = QStringLiteral("mim-gui-test"));
    ~MainWindowFixture();
    MainWindowFixture(const MainWindowFixture &) = delete;
    MainWindowFixture &operator=(const MainWindowFixture &) = delete;

    // False when the temporary folder could not be made.
    bool isValid() const;

    AppServices services() const;
    QString journalPath() const;
    QString filePath(const QString &name) const;
    QNetworkAccessManager &network() const { return *m_network; }
    ProfileStore &profiles() const { return *m_profiles; }
    SecretStore &secrets() const { return *m_secrets; }
    QSettings &settings() const { return *m_settings; }

    // A new window on services() (or on `services`), shown; it replaces the one before and stays until
    // closeWindow() or the end of the fixture.
    MainWindow &openWindow();
    MainWindow &openWindow(const AppServices &services);
    MainWindow &window() const { return *m_window; }
    bool hasWindow() const { return m_window != nullptr; }
    // Destroys the window without close(), as a test's end does.
    void closeWindow();

    // Connects `window` to an account, each request tried once (a refused one fails at once instead of after
    // backoff), and waits until loading ends; returns the catalog's state then.
    static ImageCatalog::State connectTo(MainWindow &window, ConnectionSettings settings,
                                         const QString &name = AccountName);
    // openWindow(), then connectTo() the sandbox with its AK/SK account; true when the images loaded.
    bool openLoadedWindow(const SandboxFixture &sandbox);

    // A saved profile for the sandbox under this name, its secret in the keychain; its id, empty on failure.
    QString addSandboxProfile(const SandboxFixture &sandbox, const QString &name);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
};

// The child of `parent` of this type and object name; nullptr (and a warning naming it) when there is none.
template<typename T> T *findNamed(const QObject &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning().noquote() << "no" << T::staticMetaObject.className() << "named" << name << "in"
                             << parent.objectName();
    return found;
}

// The main window's parts and actions, found by the object names MainWindow gives them (listed where it
// sets them).
FilterBar *filterBar(const MainWindow &window);
DetailsPane *detailsPane(const MainWindow &window);
EmptyStateWidget *emptyState(const MainWindow &window);
NoticeBar *noticeBar(const MainWindow &window);
DeletionQueue *deletionQueue(const MainWindow &window);
// The summary of the last deletion run while it is open, else nullptr.
DeletionSummaryDialog *deletionSummaryDialog(const MainWindow &window);
QAction *refreshAction(const MainWindow &window);
QAction *deleteAction(const MainWindow &window);
QAction *deleteWithContentAction(const MainWindow &window);
QAction *findAction(const MainWindow &window);
QAction *resyncAction(const MainWindow &window);
QAction *detailsAction(const MainWindow &window);
QAction *toggleDetailsPaneAction(const MainWindow &window);
QAction *copyIdAction(const MainWindow &window);
QAction *copySwrPathAction(const MainWindow &window);
QAction *copyNameTagAction(const MainWindow &window);
QAction *selectAllAction(const MainWindow &window);
QAction *openJournalFolderAction(const MainWindow &window);

} // namespace mim::test
