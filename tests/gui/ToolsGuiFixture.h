#pragma once

// The real main window with the Tools menu, connected to an in-process sandbox that holds, besides a small
// generated data set, images made for the clean-up tests in the namespace "lab".

#include "Localization.h"
#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageTableModel.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/common/AppServices.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h" // complete type for MainWindow's QPointer member
#include "views/main/MainWindow.h"
#include "views/tools/ImageToolsMenu.h"

#include <memory>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace mim::test {

class ToolsGuiFixture
{
public:
    static constexpr int TimeoutMs = 20000;
    static constexpr qint64 MsPerDay = 24LL * 60 * 60 * 1000;
    static constexpr qint64 Gb = 1024LL * 1024;
    static inline const QString AccountName = QStringLiteral("Sandbox");

    ToolsGuiFixture()
        : m_sandbox(12, 21)
    {
        // English plural forms ("1 image", "2 images"), as the app installs them.
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English));
    }

    ~ToolsGuiFixture()
    {
        // The window uses the services; it goes first.
        m_window.reset();
    }

    bool startSandbox() { return m_sandbox.start() && m_dir.isValid(); }

    // Adds an image in the namespace "lab" (unless the JSON says otherwise); `ageDays` sets create_at and
    // update_at that many days back. Returns its id.
    QString addImage(QJsonObject json, double ageDays = 1)
    {
        json.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!json.contains(QStringLiteral("namespace")))
            json.insert(QStringLiteral("namespace"), QStringLiteral("lab"));
        const qint64 at = QDateTime::currentMSecsSinceEpoch() - qint64(ageDays * MsPerDay);
        json.insert(QStringLiteral("create_at"), at);
        json.insert(QStringLiteral("update_at"), at);
        QString error;
        const QString id = m_sandbox.server()->addImage(json, &error);
        if (id.isEmpty())
            qWarning() << "could not add a sandbox image:" << error;
        return id;
    }

    // Opens the window, connects it to the sandbox and waits for the images.
    bool openWindow()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("mim-cleanup-test"),
                                                  std::make_unique<MemorySecretBackend>());
        m_window = std::make_unique<MainWindow>(services());
        m_tools = new ImageToolsMenu(m_window.get(), services());
        m_window->show();
        ConnectionSettings settings = m_sandbox.akskSettings();
        settings.retry.maxAttempts = 1;
        m_window->connectTo(AccountName, settings);
        const bool loaded = QTest::qWaitFor(
            [this] { return m_window->catalog()->state() == ImageCatalog::State::Loaded; }, TimeoutMs);
        if (!loaded)
            qWarning() << "the window did not load:" << m_window->catalog()->state()
                       << m_window->catalog()->lastError().fullText();
        return loaded;
    }

    AppServices services()
    {
        AppServices s;
        s.network = m_network.get();
        s.profiles = m_profiles.get();
        s.secrets = m_secrets.get();
        s.settings = m_settings.get();
        s.journalPath = journalPath();
        return s;
    }

    QString journalPath() const { return m_dir.filePath(QStringLiteral("journal/deletions.jsonl")); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    MainWindow &window() { return *m_window; }
    ImageToolsMenu &tools() { return *m_tools; }
    SandboxFixture &sandbox() { return m_sandbox; }
    QSettings &settings() { return *m_settings; }

    // With MIM_CLEANUP_SCREENSHOT_DIR set, saves a picture of the widget there (for reviewing the dialogs'
    // looks); otherwise does nothing.
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = qEnvironmentVariable("MIM_CLEANUP_SCREENSHOT_DIR");
        if (folder.isEmpty() || !widget)
            return;
        QDir().mkpath(folder);
        if (!widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))))
            qWarning() << "could not save the screenshot" << name;
    }

    bool isDeleted(const QString &id) const
    {
        return m_sandbox.imageState(id).value(QStringLiteral("deleted")).toBool();
    }
    bool isSwrContentDeleted(const QString &id) const
    {
        return m_sandbox.imageState(id).value(QStringLiteral("swr_content_deleted")).toBool();
    }

private:
    SandboxFixture m_sandbox;
    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    ImageToolsMenu *m_tools = nullptr;
};

} // namespace mim::test
