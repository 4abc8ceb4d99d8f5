#pragma once

// The real main window with the Tools menu, connected to an in-process sandbox that holds, besides a small
// generated data set, images made for the clean-up tests in the namespace "lab".

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageTableModel.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h" // the summary tests find among the window's children
#include "views/main/MainWindow.h"
#include "views/tools/ImageToolsMenu.h"

#include <memory>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QSettings>
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
        , m_main(QStringLiteral("mim-cleanup-test"))
    {
        // English plural forms ("1 image", "2 images"), as the app installs them.
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English));
    }

    ~ToolsGuiFixture()
    {
        // The menu belongs to the window, which uses the sandbox: both go first.
        m_main.closeWindow();
    }

    bool startSandbox() { return m_sandbox.start() && m_main.isValid(); }

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
        MainWindow &window = m_main.openWindow();
        m_tools = new ImageToolsMenu(&window, m_main.services());
        return MainWindowFixture::connectTo(window, m_sandbox.akskSettings()) == ImageCatalog::State::Loaded;
    }

    AppServices services() const { return m_main.services(); }
    QString journalPath() const { return m_main.journalPath(); }
    QString tempPath(const QString &name) const { return m_main.filePath(name); }

    MainWindow &window() { return m_main.window(); }
    ImageToolsMenu &tools() { return *m_tools; }
    SandboxFixture &sandbox() { return m_sandbox; }
    QSettings &settings() { return m_main.settings(); }

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
    MainWindowFixture m_main;
    ImageToolsMenu *m_tools = nullptr;
};

} // namespace mim::test
