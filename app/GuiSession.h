#pragma once

#include "CommandLine.h"

#include <memory>
#include <QNetworkAccessManager>
#include <QObject>

class QSettings;
class QTemporaryDir;

namespace mim {
class MainWindow;
class ProfileStore;
class SecretStore;
} // namespace mim

namespace mim::app {

class DemoServer;
class Logger;

// The windowed application: builds the services, the main window and the first connection (--demo,
// --endpoint, --profile or the account used last). In demo mode nothing is saved: settings, profiles,
// secrets and the journal live in a temporary folder and in memory.
class GuiSession : public QObject
{
    Q_OBJECT
public:
    GuiSession(const LaunchOptions &options, Logger *logger, QObject *parent = nullptr);
    ~GuiSession() override;

    // Returns false with a sentence in *error when the command line cannot be honoured (unknown profile).
    bool start(QString *error);
    MainWindow *window() const { return m_window.get(); }

private:
    void createServices();
    void startDemo();

    LaunchOptions m_options;
    Logger *m_logger;
    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_demoDirectory;
    std::unique_ptr<ProfileStore> m_profiles;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace mim::app
