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
    // The app's data folder: GenericDataLocation/modelarts-image-manager (~/.local/share/... on Linux).
    static QString dataDirectory();
    // dataDirectory()/deletion-journal.jsonl
    static QString journalPath();
    // Where the log files go: $XDG_STATE_HOME/modelarts-image-manager/logs on Linux and other XDG systems
    // (~/.local/state/... by default), as the XDG base directory specification asks for logs; elsewhere
    // dataDirectory()/logs.
    static QString logDirectory();
    // Versions up to 0.1 kept the journal in AppDataLocation, the logs in AppLocalDataLocation/logs and the
    // listing cache in CacheLocation/listings, which double the name
    // (.../modelarts-image-manager/modelarts-image-manager). Moves what is there to the places above (the
    // cache to listingcache::defaultDirectory()); a file that exists in both places is left where it is.
    // Returns a line per thing done or left, for the log (the logger does not exist yet when this runs: it
    // would write into the old folder).
    static QStringList moveLegacyFiles();
    // "There is no account called X. Saved accounts: ..."
    static QString unknownProfileMessage(const ProfileStore &profiles, const QString &idOrName);
};

} // namespace mim::app
