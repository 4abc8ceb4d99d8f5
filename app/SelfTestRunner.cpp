#include "SelfTestRunner.h"

#include "AppPaths.h"
#include "DemoServer.h"
#include "Logging.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "SelfTest.h"

#include <cstdio>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim::app {

namespace {

void printUsageError(const QString &message)
{
    const QByteArray bytes = (QCoreApplication::applicationName() + u": "_s + message + u'\n').toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

int runSelfTest(const LaunchOptions &options, Logger *logger)
{
    QNetworkAccessManager network;
    SelfTest test(&network);
    test.setRedactor([logger](const QString &text) { return logger ? logger->redact(text) : text; });
    QObject::connect(&test, &SelfTest::finished, &test,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });

    DemoServer demo;
    ProfileStore profiles;
    SecretStore secrets(AppPaths::keychainServiceName());

    if (options.demo) {
        QObject::connect(&demo, &DemoServer::ready, &test, [&] { test.run(demo.connectionSettings()); });
        QObject::connect(&demo, &DemoServer::failed, &test,
                         [&test](const QString &error) { test.fail(error); });
        demo.start();
    } else if (options.environmentConnection) {
        QTimer::singleShot(0, &test, [&] { test.run(*options.environmentConnection); });
    } else {
        const QString wanted = options.profile.isEmpty() ? profiles.currentProfileId() : options.profile;
        if (wanted.isEmpty()) {
            printUsageError(SelfTest::tr("Nothing to test: give --profile, --endpoint or --demo."));
            return 2;
        }
        const std::optional<Profile> profile = profiles.find(wanted);
        if (!profile) {
            printUsageError(AppPaths::unknownProfileMessage(profiles, wanted));
            return 2;
        }
        if (const QStringList problems = profile->validate(); !problems.isEmpty()) {
            test.fail(problems.join(u' '));
            return 1;
        }
        secrets.read(profile->id, [&test, logger, profile = *profile](const SecretStoreResult &result,
                                                                      const Credentials &stored) {
            if (!result.ok()) {
                test.fail(result.message);
                return;
            }
            if (logger)
                logger->addSecrets(stored);
            test.run(profile.connectionSettings(stored));
        });
    }
    return QCoreApplication::exec();
}

} // namespace mim::app
