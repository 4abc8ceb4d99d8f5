#include "AppPaths.h"

#include "models/accounts/Profile.h"
#include "models/catalog/ListingCache.h"
#include "models/common/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace mim::app {

void AppPaths::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"modelarts-image-manager"_s);
    // Reversed, this is the application id (MIM_APP_ID), as macOS expects of the domain.
    QCoreApplication::setOrganizationDomain(u"modelarts_image_manager.github.io"_s);
    QCoreApplication::setApplicationName(u"modelarts-image-manager"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MIM_VERSION));
}

QString AppPaths::keychainServiceName()
{
    return u"ModelArts Image Manager"_s;
}

QString AppPaths::dataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QCoreApplication::applicationName());
}

QString AppPaths::journalPath()
{
    return QDir(dataDirectory()).filePath(u"deletion-journal.jsonl"_s);
}

QString AppPaths::logDirectory()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Qt 6.4 has no StateLocation; the specification: $XDG_STATE_HOME if absolute, else ~/.local/state.
    QString stateHome = qEnvironmentVariable("XDG_STATE_HOME");
    if (!QDir::isAbsolutePath(stateHome))
        stateHome = QDir::home().filePath(u".local/state"_s);
    return QDir(stateHome).filePath(QCoreApplication::applicationName() + u"/logs"_s);
#else
    return QDir(dataDirectory()).filePath(u"logs"_s);
#endif
}

namespace {

// Moves every file of `from` into `to` that `to` does not have yet; removes `from` when it ends up empty.
void moveFiles(const QString &from, const QString &to, QStringList *report)
{
    const QDir source(from);
    if (from == to || !source.exists())
        return;
    const QStringList files = source.entryList(QDir::Files | QDir::Hidden | QDir::System);
    if (!files.isEmpty() && !privatefiles::makeDirectory(to)) {
        report->append(u"cannot create %1; %2 stays where it is"_s.arg(to, from));
        return;
    }
    for (const QString &name : files) {
        const QString target = QDir(to).filePath(name);
        if (QFileInfo::exists(target))
            report->append(
                u"%1 exists in both %2 and %3: the old one is left where it is"_s.arg(name, from, to));
        else if (QFile::rename(source.filePath(name), target))
            report->append(u"moved %1 from %2 to %3"_s.arg(name, from, to));
        else
            report->append(u"cannot move %1 from %2 to %3"_s.arg(name, from, to));
    }
    if (source.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        QDir().rmdir(from);
}

} // namespace

QStringList AppPaths::moveLegacyFiles()
{
    QStringList report;
    const QString legacyLogs =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"logs"_s);
    moveFiles(legacyLogs, logDirectory(), &report);
    const QString legacyData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString legacyLocalData = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    moveFiles(legacyData, dataDirectory(), &report);
    if (legacyLocalData != legacyData) // they differ on Windows (Roaming and Local)
        moveFiles(legacyLocalData, dataDirectory(), &report);
    // Only a cache, but moved rather than dropped: the next start then shows the last list at once.
    moveFiles(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(u"listings"_s),
              listingcache::defaultDirectory(), &report);
    return report;
}

QString AppPaths::unknownProfileMessage(const ProfileStore &profiles, const QString &idOrName)
{
    QStringList names;
    const QList<Profile> all = profiles.profiles();
    for (const Profile &profile : all)
        names << profile.name;
    if (names.isEmpty())
        return tr("There is no account called “%1”, and no account is saved yet.").arg(idOrName);
    return tr("There is no account called “%1”. Saved accounts: %2").arg(idOrName, names.join(u", "_s));
}

} // namespace mim::app
