#include "GuiSession.h"

#include "AppPaths.h"
#include "DemoServer.h"
#include "Logging.h"
#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "models/catalog/ListingCache.h"
#include "models/common/PrivateFiles.h"
#include "models/common/SettingsKeys.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/deletion/DeletionSummaryDialog.h" // complete type for MainWindow's QPointer member
#include "views/main/MainWindow.h"
#include "views/tools/ImageToolsMenu.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGui, "mim.app")

namespace mim::app {

GuiSession::GuiSession(const LaunchOptions &options, Logger *logger, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_logger(logger)
{}

GuiSession::~GuiSession()
{
    // The window uses the services; it goes first.
    m_window.reset();
}

void GuiSession::createServices()
{
    if (m_options.demo) {
        m_demoDirectory = std::make_unique<QTemporaryDir>();
        const QDir folder(m_demoDirectory->path());
        m_profiles = std::make_unique<ProfileStore>(folder.filePath(u"demo-profiles.ini"_s));
        m_settings =
            std::make_unique<QSettings>(folder.filePath(u"demo-settings.ini"_s), QSettings::IniFormat);
        m_secrets =
            new SecretStore(AppPaths::keychainServiceName(), std::make_unique<MemorySecretBackend>(), this);
    } else {
        m_profiles = std::make_unique<ProfileStore>();
        m_settings = std::make_unique<QSettings>();
        m_secrets = new SecretStore(AppPaths::keychainServiceName(), this);
    }
    // The settings name accounts and endpoints (the profiles live in the same file): owner only.
    privatefiles::makeSettings(*m_settings);
    SettingsKeys::migrate(*m_settings);
}

bool GuiSession::start(QString *error)
{
    createServices();

    std::optional<Profile> profile;
    if (!m_options.profile.isEmpty()) {
        profile = m_profiles->find(m_options.profile);
        if (!profile) {
            *error = AppPaths::unknownProfileMessage(*m_profiles, m_options.profile);
            return false;
        }
    }

    AppServices services;
    services.network = &m_network;
    services.profiles = m_profiles.get();
    services.secrets = m_secrets;
    services.settings = m_settings.get();
    services.journalPath = m_options.demo
                               ? QDir(m_demoDirectory->path()).filePath(u"deletion-journal.jsonl"_s)
                               : AppPaths::journalPath();
    services.demoMode = m_options.demo;
    // Demo data is not worth keeping, and nothing of a demo run is saved.
    if (!m_options.demo)
        services.listingCacheDirectory = listingcache::defaultDirectory();
    // The data folder holds the journal and the logs; made private now, before either is written.
    privatefiles::makeDirectory(QFileInfo(services.journalPath).absolutePath());
    m_window = std::make_unique<MainWindow>(services);
    new ImageToolsMenu(m_window.get(), services); // Tools menu: clean-up, groups, register, export

    AccountSwitcher *switcher = m_window->accountSwitcher();
    switcher->setNetworkAccessManager(&m_network);
    connect(switcher, &AccountSwitcher::connectionReady, this,
            [this](const QString &, const ConnectionSettings &settings) {
                if (m_logger)
                    m_logger->addSecrets(settings.credentials);
            });
    connect(m_window.get(), &MainWindow::demoRequested, this, &GuiSession::startDemo);

    m_window->show();

    if (m_options.demo) {
        startDemo();
    } else if (m_options.environmentConnection) {
        switcher->addSessionConnection(m_options.environmentConnectionName, *m_options.environmentConnection);
    } else if (profile) {
        switcher->activateProfile(profile->id);
    } else if (const QString last = m_profiles->currentProfileId();
               !last.isEmpty() && m_profiles->find(last)) {
        switcher->activateProfile(last);
    }
    return true;
}

void GuiSession::startDemo()
{
    if (!m_demo) {
        m_demo = std::make_unique<DemoServer>();
        connect(m_demo.get(), &DemoServer::ready, this, [this] {
            m_window->accountSwitcher()->addSessionConnection(DemoServer::displayName(),
                                                              m_demo->connectionSettings());
        });
        connect(m_demo.get(), &DemoServer::failed, this, [this](const QString &error) {
            QMessageBox::warning(m_window.get(), DemoServer::tr("Demo Not Available"), error);
        });
    }
    if (m_demo->isRunning())
        m_window->accountSwitcher()->addSessionConnection(DemoServer::displayName(),
                                                          m_demo->connectionSettings());
    else
        m_demo->start();
}

} // namespace mim::app
