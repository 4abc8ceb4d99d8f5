// A bulk delete in a process of its own, for test_crash_recovery to kill in the middle.
// Usage: mim-delete-worker SANDBOX_URL JOURNAL_FILE REQUESTS_FILE
// REQUESTS_FILE is a JSON array of image objects as the API shows them; they are deleted through a
// DeletionQueue journalled to JOURNAL_FILE with the sandbox's documented credentials. Each finished item is
// reported on stdout as "done <id>", the end as "finished".

#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "SandboxDefaults.h"

#include <cstdio>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;
using namespace mim;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: mim-delete-worker SANDBOX_URL JOURNAL_FILE REQUESTS_FILE\n");
        return 2;
    }
    QFile requestsFile(args.at(3));
    if (!requestsFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the requests file\n");
        return 2;
    }
    QList<DeletionRequest> requests;
    const QJsonArray images = QJsonDocument::fromJson(requestsFile.readAll()).array();
    for (const QJsonValue &value : images) {
        if (const std::optional<Image> image = Image::fromJson(value.toObject()))
            requests.append(DeletionRequest{*image, false});
    }

    ConnectionSettings settings;
    settings.regionId = QLatin1String(sandbox::DefaultRegionId);
    settings.projectId = QLatin1String(sandbox::DefaultProjectId);
    settings.modelArtsEndpoint = QUrl(args.at(1));
    settings.iamEndpoint = settings.modelArtsEndpoint;
    settings.credentials.method = AuthMethod::AkSk;
    settings.credentials.accessKey = QLatin1String(sandbox::DefaultAccessKey);
    settings.credentials.secretKey = QLatin1String(sandbox::DefaultSecretKey);

    QNetworkAccessManager network;
    ApiClient client(&network, settings);
    DeletionJournal journal(args.at(2));
    DeletionQueue queue(&journal);
    queue.setClient(&client);
    queue.setMaxConcurrent(4);
    queue.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
    QObject::connect(&queue, &DeletionQueue::itemFinished, &app, [](const DeletionResult &result) {
        std::printf("done %s\n", qPrintable(result.image.id));
        std::fflush(stdout);
    });
    QObject::connect(&queue, &DeletionQueue::finished, &app, [&app] {
        std::printf("finished\n");
        std::fflush(stdout);
        app.quit();
    });
    queue.enqueue(requests);
    return app.exec();
}
