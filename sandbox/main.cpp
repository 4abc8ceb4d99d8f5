// modelarts-sandbox: the local ModelArts/IAM stand-in as a program, for the benchmark, manual testing and
// anyone who wants to point a client at something harmless. The first line on stdout is
// "listening on http://HOST:PORT"; then one line per request unless --quiet.

#include "SandboxDefaults.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"

#include <cstdio>
#include <cstdlib>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <thread>

using namespace Qt::StringLiterals;
using mim::sandbox::SandboxOptions;
using mim::sandbox::SandboxServer;

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("modelarts-sandbox", text);
}

[[noreturn]] void failUsage(const QString &message)
{
    QTextStream(stderr) << "modelarts-sandbox: " << message << Qt::endl;
    std::exit(2);
}

bool parseListen(const QString &value, SandboxOptions *options)
{
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = value.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    const QHostAddress address =
        host == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (address.isNull())
        return false;
    options->listenAddress = address;
    options->port = quint16(port);
    return true;
}

int intValue(const QCommandLineParser &parser, const QString &name, int minimum)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum)
        failUsage(translate("--%1 needs an integer of at least %2").arg(name).arg(minimum));
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"modelarts-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MIM_VERSION));

    namespace defaults = mim::sandbox;
    const SandboxOptions initial;
    QCommandLineParser parser;
    parser.setApplicationDescription(translate(
        "A local stand-in for the Huawei Cloud ModelArts image API and the IAM calls of ModelArts "
        "Image Manager. It serves /v1/{project_id}/images..., /v3/auth/tokens, /v3/projects and the "
        "test endpoints under /sandbox/ (loopback only). Credentials are the documented defaults "
        "below; they open nothing but this server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto option = [&parser](const QString &name, const char *description, const QString &valueName = {},
                                  const QString &defaultValue = {}) {
        QString text = translate(description);
        if (!defaultValue.isEmpty())
            text += u' ' + translate("(default: %1)").arg(defaultValue);
        parser.addOption(QCommandLineOption(name, text, valueName));
    };
    option(u"listen"_s, "Address and port to listen on; port 0 picks a free one.", u"HOST:PORT"_s,
           QLatin1String(defaults::DefaultListenHost) + u":0"_s);
    option(u"allow-remote"_s, "Allow listening on a non-loopback address.");
    option(u"exit-with-parent"_s,
           "Exit when standard input closes: for a program that starts the sandbox and must not leave it "
           "running when it ends, even by a crash.");
    option(u"images"_s, "Number of generated images.", u"N"_s, QString::number(defaults::DefaultImageCount));
    option(u"seed"_s, "Seed of the generated data set: the same N and seed give the same images.", u"S"_s,
           QString::number(defaults::DefaultSeed));
    option(u"demo"_s,
           "Serve the demo data set (about 60 images; two of them finish saving after --settle-ms).");
    option(u"settle-ms"_s, "Demo set: how long the two saving images stay in CREATING.", u"MS"_s,
           QString::number(defaults::DefaultDemoSettleAfterMs));
    option(u"ak"_s, "Access key accepted in AK/SK signatures.", u"AK"_s, initial.accessKey);
    option(u"sk"_s, "Secret key of that access key.", u"SK"_s, initial.secretKey);
    option(u"project-id"_s, "Project id of the account.", u"ID"_s, initial.projectId);
    option(u"region"_s, "Region id, also the project name.", u"ID"_s, initial.regionId);
    option(u"iam-user"_s, "IAM user name for password login.", u"U"_s, initial.iamUser);
    option(u"iam-password"_s, "IAM password for password login.", u"P"_s, initial.iamPassword);
    option(u"iam-domain"_s, "Account (domain) name of the IAM user.", u"D"_s, initial.iamDomain);
    option(u"token-lifetime"_s, "Lifetime of issued IAM tokens.", u"SECONDS"_s,
           QString::number(defaults::DefaultTokenLifetimeSeconds));
    option(u"latency-ms"_s, "Delay added to every API response.", u"MS"_s, u"0"_s);
    option(u"fault-rate"_s, "Fraction (0.0-1.0) of API requests that get a random fault from --faults.",
           u"R"_s, u"0"_s);
    option(u"faults"_s,
           "Fault kinds for --fault-rate, comma-separated: 429,500,502,503,504,reset,truncate,"
           "malformed,stall,slow.",
           u"LIST"_s, u"all"_s);
    option(u"retry-after"_s, "Retry-After seconds sent with 429.", u"S"_s,
           QString::number(defaults::DefaultRetryAfterSeconds));
    option(u"stall-ms"_s, "Delay of a stalled response; duration of a slow body.", u"MS"_s,
           QString::number(defaults::DefaultStallMs));
    option(u"delete-no-content"_s, "DeleteImage answers 204 with no body instead of the deleted image.");
    option(u"swr-forbidden"_s,
           "Every SWR call (/v2/manage/...) answers 403, as for a user without SWR permissions.");
    option(u"current-base"_s, "Paged answers count \"current\" from this page number: 0 or 1.", u"N"_s,
           u"0"_s);
    option(u"tls-cert"_s, "PEM certificate (chain): serve HTTPS.", u"FILE"_s);
    option(u"tls-key"_s, "PEM private key of --tls-cert.", u"FILE"_s);
    option(u"quiet"_s, "Print only the first line, not one line per request.");
    parser.process(app);

    SandboxOptions options;
    if (parser.isSet(u"listen"_s) && !parseListen(parser.value(u"listen"_s), &options))
        failUsage(translate("--listen needs HOST:PORT, e.g. 127.0.0.1:8080"));
    options.allowRemote = parser.isSet(u"allow-remote"_s);
    if (parser.isSet(u"images"_s))
        options.imageCount = intValue(parser, u"images"_s, 0);
    if (parser.isSet(u"seed"_s)) {
        bool ok = false;
        options.seed = parser.value(u"seed"_s).toUInt(&ok);
        if (!ok)
            failUsage(translate("--seed needs a non-negative integer"));
    }
    options.demo = parser.isSet(u"demo"_s);
    if (parser.isSet(u"settle-ms"_s))
        options.demoSettleAfterMs = intValue(parser, u"settle-ms"_s, 0);
    const auto text = [&parser](const QString &name, QString *target) {
        if (parser.isSet(name))
            *target = parser.value(name);
    };
    text(u"ak"_s, &options.accessKey);
    text(u"sk"_s, &options.secretKey);
    text(u"project-id"_s, &options.projectId);
    text(u"region"_s, &options.regionId);
    text(u"iam-user"_s, &options.iamUser);
    text(u"iam-password"_s, &options.iamPassword);
    text(u"iam-domain"_s, &options.iamDomain);
    text(u"tls-cert"_s, &options.tlsCertificateFile);
    text(u"tls-key"_s, &options.tlsKeyFile);
    if (options.useTls() && (options.tlsCertificateFile.isEmpty() || options.tlsKeyFile.isEmpty()))
        failUsage(translate("--tls-cert and --tls-key go together"));
    if (parser.isSet(u"token-lifetime"_s))
        options.tokenLifetimeSeconds = intValue(parser, u"token-lifetime"_s, 1);

    if (parser.isSet(u"latency-ms"_s))
        options.faults.latencyMs = intValue(parser, u"latency-ms"_s, 0);
    if (parser.isSet(u"retry-after"_s))
        options.faults.retryAfterSeconds = intValue(parser, u"retry-after"_s, 0);
    if (parser.isSet(u"stall-ms"_s))
        options.faults.stallMs = intValue(parser, u"stall-ms"_s, 0);
    if (parser.isSet(u"fault-rate"_s)) {
        bool ok = false;
        options.faults.rate = parser.value(u"fault-rate"_s).toDouble(&ok);
        if (!ok || options.faults.rate < 0.0 || options.faults.rate > 1.0)
            failUsage(translate("--fault-rate needs a number from 0.0 to 1.0"));
    }
    options.faults.kinds = mim::sandbox::FaultConfig::knownKinds();
    if (parser.isSet(u"faults"_s) && parser.value(u"faults"_s) != u"all") {
        options.faults.kinds = parser.value(u"faults"_s).split(u',', Qt::SkipEmptyParts);
        for (QString &kind : options.faults.kinds) {
            kind = kind.trimmed().toLower();
            if (!mim::sandbox::FaultConfig::knownKinds().contains(kind))
                failUsage(translate("unknown fault kind \"%1\"").arg(kind));
        }
    }

    options.deleteAnswersNoContent = parser.isSet(u"delete-no-content"_s);
    options.swrForbidden = parser.isSet(u"swr-forbidden"_s);
    if (parser.isSet(u"current-base"_s)) {
        options.currentBase = intValue(parser, u"current-base"_s, 0);
        if (options.currentBase > 1)
            failUsage(translate("--current-base needs 0 or 1"));
    }

    SandboxServer server(options);
    QString error;
    if (!server.start(&error)) {
        QTextStream(stderr) << "modelarts-sandbox: " << error << Qt::endl;
        return 1;
    }
    if (parser.isSet(u"exit-with-parent"_s)) {
        // A parent's end, however it comes, closes the pipe it writes to; a blocking read on it is the one
        // portable way to notice. The thread is detached: it may still be reading when the process exits.
        std::thread([] {
            char buffer[256];
            while (std::fread(buffer, 1, sizeof buffer, stdin) > 0) {
            }
            if (QCoreApplication *application = QCoreApplication::instance())
                QMetaObject::invokeMethod(application, &QCoreApplication::quit, Qt::QueuedConnection);
        }).detach();
    }
    QTextStream out(stdout);
    out << "listening on " << server.baseUrl().toString()
        << Qt::endl; // endl flushes: parents parse this line
    if (!parser.isSet(u"quiet"_s)) {
        QObject::connect(&server, &SandboxServer::requestHandled, &app,
                         [&out](const QString &line) { out << line << Qt::endl; });
    }
    return QCoreApplication::exec();
}
