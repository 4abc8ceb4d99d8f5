#include "MainWindowFixture.h"

#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "models/deletion/DeletionQueue.h"
#include "SandboxFixture.h"
#include "views/deletion/DeletionSummaryDialog.h"
#include "views/main/DetailsPane.h"
#include "views/main/EmptyStateWidget.h"
#include "views/main/FilterBar.h"
#include "views/main/MainWindow.h"
#include "views/main/NoticeBar.h"

#include <QAction>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace mim::test {

MainWindowFixture::MainWindowFixture(const QString &keychainService)
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_settings(std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat))
    , m_profiles(std::make_unique<ProfileStore>(m_dir->filePath(u"profiles.ini"_s)))
    , m_secrets(std::make_unique<SecretStore>(keychainService, std::make_unique<MemorySecretBackend>()))
{}

MainWindowFixture::~MainWindowFixture()
{
    // The window uses every service; it goes first.
    m_window.reset();
}

bool MainWindowFixture::isValid() const
{
    return m_dir->isValid();
}

AppServices MainWindowFixture::services() const
{
    AppServices s;
    s.network = m_network.get();
    s.profiles = m_profiles.get();
    s.secrets = m_secrets.get();
    s.settings = m_settings.get();
    s.journalPath = journalPath();
    return s;
}

QString MainWindowFixture::journalPath() const
{
    return m_dir->filePath(u"journal/deletions.jsonl"_s);
}

QString MainWindowFixture::filePath(const QString &name) const
{
    return m_dir->filePath(name);
}

MainWindow &MainWindowFixture::openWindow()
{
    return openWindow(services());
}

MainWindow &MainWindowFixture::openWindow(const AppServices &services)
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    return *m_window;
}

void MainWindowFixture::closeWindow()
{
    m_window.reset();
}

ImageCatalog::State MainWindowFixture::connectTo(MainWindow &window, ConnectionSettings settings,
                                                 const QString &name)
{
    settings.retry.maxAttempts = 1;
    window.connectTo(name, settings);
    if (!QTest::qWaitFor([&window] { return window.catalog()->state() != ImageCatalog::State::Loading; },
                         LoadTimeoutMs))
        qWarning() << "the window still loads after" << LoadTimeoutMs << "ms";
    return window.catalog()->state();
}

bool MainWindowFixture::openLoadedWindow(const SandboxFixture &sandbox)
{
    MainWindow &window = openWindow();
    const ImageCatalog::State state = connectTo(window, sandbox.akskSettings());
    if (state != ImageCatalog::State::Loaded)
        qWarning() << "the window did not load:" << state << window.catalog()->lastError().fullText();
    return state == ImageCatalog::State::Loaded;
}

QString MainWindowFixture::addSandboxProfile(const SandboxFixture &sandbox, const QString &name)
{
    const ConnectionSettings settings = sandbox.akskSettings();
    Profile profile;
    profile.id = Profile::newId();
    profile.name = name;
    profile.regionId = settings.regionId;
    profile.projectId = settings.projectId;
    profile.modelArtsEndpoint = settings.modelArtsEndpoint;
    profile.iamEndpoint = settings.iamEndpoint;
    profile.swrEndpoint = settings.swrEndpoint;
    profile.accessKey = settings.credentials.accessKey;
    m_profiles->save(profile);
    bool written = false;
    m_secrets->write(profile.id, settings.credentials,
                     [&written](const SecretStoreResult &result) { written = result.ok(); });
    if (!QTest::qWaitFor([&] { return written; }, 5000))
        return {};
    return profile.id;
}

FilterBar *filterBar(const MainWindow &window)
{
    return findNamed<FilterBar>(window, u"filterBar"_s);
}

DetailsPane *detailsPane(const MainWindow &window)
{
    return findNamed<DetailsPane>(window, u"detailsPane"_s);
}

EmptyStateWidget *emptyState(const MainWindow &window)
{
    return findNamed<EmptyStateWidget>(window, u"emptyState"_s);
}

NoticeBar *noticeBar(const MainWindow &window)
{
    return findNamed<NoticeBar>(window, u"noticeBar"_s);
}

DeletionQueue *deletionQueue(const MainWindow &window)
{
    return findNamed<DeletionQueue>(window, u"deletionQueue"_s);
}

DeletionSummaryDialog *deletionSummaryDialog(const MainWindow &window)
{
    // A replaced summary is closed and deleted later; the newest one is the last child.
    const QList<DeletionSummaryDialog *> dialogs =
        window.findChildren<DeletionSummaryDialog *>(u"deletionSummaryDialog"_s, Qt::FindDirectChildrenOnly);
    return dialogs.isEmpty() ? nullptr : dialogs.last();
}

QAction *refreshAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"refreshAction"_s);
}

QAction *deleteAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"deleteAction"_s);
}

QAction *deleteWithContentAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"deleteWithContentAction"_s);
}

QAction *findAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"findAction"_s);
}

QAction *resyncAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"resyncAction"_s);
}

QAction *detailsAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"detailsAction"_s);
}

QAction *toggleDetailsPaneAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"toggleDetailsPaneAction"_s);
}

QAction *copyIdAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"copyIdAction"_s);
}

QAction *copySwrPathAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"copySwrPathAction"_s);
}

QAction *copyNameTagAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"copyNameTagAction"_s);
}

QAction *selectAllAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"selectAllAction"_s);
}

QAction *openJournalFolderAction(const MainWindow &window)
{
    return findNamed<QAction>(window, u"openJournalFolderAction"_s);
}

} // namespace mim::test
