#include "AppPaths.h"

#include "models/accounts/Profile.h"

#include <QDir>
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

QString AppPaths::journalPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"deletion-journal.jsonl"_s);
}

QString AppPaths::logDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"logs"_s);
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
