#pragma once

#include <QCoreApplication>
#include <QString>

namespace mim {
class ProfileStore;
}

namespace mim::app {

// Names and places the application uses, in one spot.
class AppPaths
{
    Q_DECLARE_TR_FUNCTIONS(mim::app::AppPaths)

public:
    // Sets organization and application names (QSettings, QStandardPaths and the keychain depend on them).
    static void setApplicationIdentity();
    // The keychain service under which every profile's secrets are stored.
    static QString keychainServiceName();
    // AppDataLocation/deletion-journal.jsonl
    static QString journalPath();
    // AppLocalDataLocation/logs
    static QString logDirectory();
    // "There is no account called X. Saved accounts: ..."
    static QString unknownProfileMessage(const ProfileStore &profiles, const QString &idOrName);
};

} // namespace mim::app
