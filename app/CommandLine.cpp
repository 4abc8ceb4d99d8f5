#include "CommandLine.h"

#include "models/api/Regions.h"
#include "QtOptions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim::app {

namespace {

namespace Option {
constexpr auto Profile = "profile"_L1;
constexpr auto Endpoint = "endpoint"_L1;
constexpr auto IamEndpoint = "iam-endpoint"_L1;
constexpr auto Region = "region"_L1;
constexpr auto ProjectId = "project-id"_L1;
constexpr auto Demo = "demo"_L1;
constexpr auto SelfTest = "self-test"_L1;
constexpr auto LogLevel = "log-level"_L1;
} // namespace Option

namespace Env {
constexpr auto AccessKey = "HUAWEICLOUD_SDK_AK"_L1;
constexpr auto SecretKey = "HUAWEICLOUD_SDK_SK"_L1;
constexpr auto SecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN"_L1;
constexpr auto ProjectId = "HUAWEICLOUD_SDK_PROJECT_ID"_L1;
} // namespace Env

bool isProjectId(const QString &id)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(id).hasMatch();
}

CommandLineResult failure(const QString &error)
{
    CommandLineResult result;
    result.action = CommandLineResult::Action::Error;
    result.error = error;
    return result;
}

// An endpoint given on the command line, or the reason it cannot be used.
std::optional<QUrl> endpointOption(const QString &option, const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    QString whyNot;
    if (!url.isValid() || url.scheme().isEmpty() || !isAcceptableEndpoint(url, &whyNot)) {
        if (whyNot.isEmpty())
            whyNot = CommandLine::tr("The address is not a valid URL.");
        *error = CommandLine::tr("--%1 %2: %3").arg(option, text, whyNot);
        return std::nullopt;
    }
    return url;
}

} // namespace

void CommandLine::addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(tr("Lists and deletes Huawei Cloud ModelArts container images."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {Option::Profile, tr("Connect with the saved account <name>."), tr("name")},
        {Option::Endpoint,
         tr("Connect to the ModelArts endpoint <url> with the credentials in the environment variables "
            "HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and optionally HUAWEICLOUD_SDK_SECURITY_TOKEN and "
            "HUAWEICLOUD_SDK_PROJECT_ID. Nothing is saved."),
         tr("url")},
        {Option::IamEndpoint, tr("The IAM endpoint to use with --endpoint (default: the region's)."),
         tr("url")},
        {Option::Region,
         tr("The region of --endpoint, or connect to this region's endpoints with the credentials in the "
            "environment."),
         tr("id")},
        {Option::ProjectId, tr("The project id to use with --endpoint or --region (default: discovered)."),
         tr("id")},
        {Option::Demo, tr("Try the application on built-in demo data. Nothing is saved.")},
        {Option::SelfTest,
         tr("Connect without a window, list the images once, print how many there are and exit (0 = success, "
            "1 = failure).")},
        {Option::LogLevel, tr("How much to log: debug, info or warning (default: info)."), tr("level"),
         u"info"_s},
    });
}

bool CommandLine::needsNoWindow(const QStringList &arguments, const QProcessEnvironment &environment)
{
    const CommandLineResult result = parse(arguments, environment);
    return result.action != CommandLineResult::Action::Run || result.options.selfTest;
}

CommandLineResult CommandLine::parse(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QtOptions::removedFrom(arguments)))
        return failure(parser.errorText());

    CommandLineResult result;
    result.helpText = parser.helpText();
    if (parser.isSet(u"help-all"_s))
        result.helpText += u'\n' + QtOptions::helpText();
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s)) {
        result.action = CommandLineResult::Action::ShowHelp;
        return result;
    }
    if (parser.isSet(u"version"_s)) {
        result.action = CommandLineResult::Action::ShowVersion;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return failure(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    LaunchOptions &options = result.options;
    options.demo = parser.isSet(Option::Demo);
    options.selfTest = parser.isSet(Option::SelfTest);
    options.profile = parser.value(Option::Profile);

    const QString level = parser.value(Option::LogLevel).toLower();
    if (level == "debug"_L1)
        options.logLevel = LogLevel::Debug;
    else if (level == "info"_L1)
        options.logLevel = LogLevel::Info;
    else if (level == "warning"_L1)
        options.logLevel = LogLevel::Warning;
    else
        return failure(
            tr("--log-level must be debug, info or warning, not “%1”.").arg(parser.value(Option::LogLevel)));

    const bool endpointGiven = parser.isSet(Option::Endpoint);
    const bool regionGiven = parser.isSet(Option::Region);
    const bool environmentConnection = endpointGiven || regionGiven;
    const int targets = int(options.demo) + int(parser.isSet(Option::Profile)) + int(environmentConnection);
    if (targets > 1)
        return failure(tr("Use only one of --demo, --profile and --endpoint/--region."));
    if (parser.isSet(Option::Profile) && options.profile.trimmed().isEmpty())
        return failure(tr("--profile needs the name of a saved account."));

    QString error;
    QUrl endpoint;
    QUrl iamEndpoint;
    if (endpointGiven) {
        const auto url = endpointOption(Option::Endpoint, parser.value(Option::Endpoint), &error);
        if (!url)
            return failure(error);
        endpoint = *url;
    }
    if (parser.isSet(Option::IamEndpoint)) {
        if (!endpointGiven)
            return failure(tr("--iam-endpoint is only used together with --endpoint."));
        const auto url = endpointOption(Option::IamEndpoint, parser.value(Option::IamEndpoint), &error);
        if (!url)
            return failure(error);
        iamEndpoint = *url;
    }
    const QString regionId = parser.value(Option::Region);
    if (regionGiven && !Regions::isWellFormedId(regionId))
        return failure(tr("--region “%1” is not a region id (such as cn-north-4).").arg(regionId));
    const std::optional<Region> region = regionGiven ? Regions::find(regionId) : std::nullopt;

    QString projectId;
    if (parser.isSet(Option::ProjectId)) {
        if (!environmentConnection)
            return failure(tr("--project-id is only used together with --endpoint or --region."));
        projectId = parser.value(Option::ProjectId);
        if (!isProjectId(projectId))
            return failure(tr("--project-id “%1” is not a project id (32 lower-case hexadecimal characters).")
                               .arg(projectId));
    }

    if (!environmentConnection)
        return result;

    // Everything below builds the connection from the environment.
    if (!endpointGiven && !region)
        return failure(tr("The region “%1” is not known to this version: give its endpoint with --endpoint.")
                           .arg(regionId));
    const QString accessKey = environment.value(Env::AccessKey).trimmed();
    const QString secretKey = environment.value(Env::SecretKey).trimmed();
    if (accessKey.isEmpty() || secretKey.isEmpty())
        return failure(
            tr("--%1 needs credentials in the environment variables %2 and %3.")
                .arg(endpointGiven ? Option::Endpoint : Option::Region, Env::AccessKey, Env::SecretKey));
    if (projectId.isEmpty()) {
        projectId = environment.value(Env::ProjectId).trimmed();
        if (!projectId.isEmpty() && !isProjectId(projectId))
            return failure(
                tr("%1 is not a project id (32 lower-case hexadecimal characters).").arg(Env::ProjectId));
    }
    if (projectId.isEmpty() && !regionGiven)
        return failure(
            tr("Give the project id (--project-id or %1), or the region (--region) to discover it.")
                .arg(Env::ProjectId));

    ConnectionSettings settings;
    settings.regionId = regionId;
    settings.projectId = projectId;
    settings.modelArtsEndpoint = endpointGiven ? endpoint : region->modelArtsEndpoint;
    if (!iamEndpoint.isEmpty())
        settings.iamEndpoint = iamEndpoint;
    else if (region)
        settings.iamEndpoint = region->iamEndpoint;
    else
        settings.iamEndpoint = endpoint; // a gateway or the sandbox serving both
    // SWR as IAM: the region's, else the one endpoint given serves it too (the sandbox does).
    settings.swrEndpoint = region && !region->swrEndpoint.isEmpty() ? region->swrEndpoint : endpoint;
    settings.credentials.method = AuthMethod::AkSk;
    settings.credentials.accessKey = accessKey;
    settings.credentials.secretKey = secretKey;
    settings.credentials.securityToken = environment.value(Env::SecurityToken).trimmed();
    options.environmentConnection = settings;
    //: The session-only account made from environment variables; %1 is a host name or a region
    options.environmentConnectionName =
        tr("%1 (environment)").arg(endpointGiven ? endpoint.host() : Regions::localizedName(*region));
    return result;
}

} // namespace mim::app
