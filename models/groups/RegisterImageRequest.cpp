#include "models/groups/RegisterImageRequest.h"

#include <algorithm>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

bool isPathCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' ||
           c == u'-' || c == u'_' || c == u':' || c == u'/';
}

bool isRegistry(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(?:(?:[A-Za-z0-9-]+\\.)+[A-Za-z0-9-]+(?::[0-9]{1,5})?|[A-Za-z0-9-]+:[0-9]{1,5}|localhost)$"_s);
    return pattern.match(text).hasMatch();
}

// Namespace (SWR organization): starts with a lower-case letter; lower-case letters, digits, . _ -; 1 to 64.
QString namespaceProblem(const QString &nameSpace)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9._-]{0,63}$"_s);
    if (pattern.match(nameSpace).hasMatch())
        return {};
    if (nameSpace.size() > 64)
        return RegisterImageRequest::tr("The namespace is too long: at most 64 characters.");
    if (nameSpace != nameSpace.toLower())
        return RegisterImageRequest::tr("The namespace must be in lower case.");
    if (!(nameSpace.front() >= u'a' && nameSpace.front() <= u'z'))
        return RegisterImageRequest::tr("The namespace must start with a lower-case letter.");
    return RegisterImageRequest::tr(
        "The namespace may only contain lower-case letters, digits, “.”, “_” and “-”.");
}

// Image name (SWR repository): lower-case letters, digits, . _ -, starting with a letter or digit; 1 to 128.
QString nameProblem(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,127}$"_s);
    if (pattern.match(name).hasMatch())
        return {};
    if (name.size() > 128)
        return RegisterImageRequest::tr("The image name is too long: at most 128 characters.");
    if (name != name.toLower())
        return RegisterImageRequest::tr("The image name must be in lower case.");
    if (name.contains(u':'))
        return RegisterImageRequest::tr("Only one “:” is allowed, between the image name and the tag.");
    if (!name.front().isLetterOrNumber())
        return RegisterImageRequest::tr("The image name must start with a letter or a digit.");
    return RegisterImageRequest::tr(
        "The image name may only contain lower-case letters, digits, “.”, “_” and “-”.");
}

QString tagProblem(const QString &tag)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"_s);
    if (pattern.match(tag).hasMatch())
        return {};
    if (tag.size() > 128)
        return RegisterImageRequest::tr("The tag is too long: at most 128 characters.");
    if (tag.contains(u':'))
        return RegisterImageRequest::tr("Only one “:” is allowed, between the image name and the tag.");
    if (tag.front() == u'.' || tag.front() == u'-')
        return RegisterImageRequest::tr("The tag must start with a letter, a digit or “_”.");
    return RegisterImageRequest::tr("The tag may only contain letters, digits, “.”, “_” and “-”.");
}

SwrPathCheck incomplete(SwrPathCheck check, const QString &problem)
{
    check.state = SwrPathCheck::State::Incomplete;
    check.problem = problem;
    return check;
}

SwrPathCheck invalid(SwrPathCheck check, const QString &problem)
{
    check.state = SwrPathCheck::State::Invalid;
    check.problem = problem;
    return check;
}

} // namespace

QStringList RegisterImageRequest::architectures()
{
    return {u"X86_64"_s, u"AARCH64"_s};
}

QStringList RegisterImageRequest::resourceCategoryValues()
{
    return {u"CPU"_s, u"GPU"_s, u"ASCEND"_s};
}

QStringList RegisterImageRequest::serviceValues()
{
    return {u"NOTEBOOK"_s, u"SSH"_s};
}

QStringList RegisterImageRequest::serviceTypes()
{
    return {u"UNKNOWN"_s, u"COMMON"_s, u"DEV"_s, u"TRAIN"_s, u"INFERENCE"_s};
}

QStringList RegisterImageRequest::visibilities()
{
    return {u"PRIVATE"_s, u"PUBLIC"_s};
}

SwrPathCheck RegisterImageRequest::checkSwrPath(const QString &path)
{
    SwrPathCheck check;
    if (path.isEmpty())
        return check;

    for (const QChar c : path) {
        if (!isPathCharacter(c)) {
            const QString shown =
                c.isSpace() ? tr("a space", "the character that is not allowed") : QString(c);
            return invalid(check,
                           tr("An SWR path cannot contain %1.", "%1 is a character such as “#”").arg(shown));
        }
    }
    if (path.size() > MaxSwrPathLength)
        return invalid(check,
                       tr("The SWR path is too long: at most %Ln characters.", nullptr, MaxSwrPathLength));

    QStringList parts = path.split(u'/');
    if (parts.size() > 3)
        return invalid(check, tr("Too many “/”: the path has the form registry/namespace/name:tag."));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (parts.at(i).isEmpty())
            return invalid(check, tr("Every part between the “/” must be filled in."));
    }
    // As in Docker, a first part with a dot or a port, or "localhost", is the registry.
    const auto looksLikeRegistry = [](const QString &part) {
        return part.contains(u'.') || part.contains(u':') || part == u"localhost"_s;
    };
    if (parts.size() == 3 || (parts.size() == 2 && looksLikeRegistry(parts.constFirst())) ||
        (parts.size() == 1 && looksLikeRegistry(parts.constFirst()) && isRegistry(parts.constFirst()))) {
        check.registry = parts.takeFirst();
        if (!isRegistry(check.registry)) {
            return invalid(check,
                           tr("“%1” is not a registry address such as swr.cn-north-4.myhuaweicloud.com.")
                               .arg(check.registry));
        }
    }
    if (parts.isEmpty())
        return incomplete(check, tr("Go on with the namespace, image name and tag: /namespace/name:tag."));
    if (parts.size() == 1) {
        // Only the namespace so far, or a name and tag without one.
        const QString &first = parts.constFirst();
        if (first.contains(u':')) {
            // "swr.example.com:" is a registry whose port is being typed; "name:tag" lacks its namespace.
            const QString port = first.section(u':', 1);
            const bool portSoFar = port.size() <= 5 && std::all_of(port.cbegin(), port.cend(),
                                                                   [](QChar c) { return c.isDigit(); });
            if (first.section(u':', 0, 0).contains(u'.') && portSoFar)
                return incomplete(check,
                                  tr("Go on with the namespace, image name and tag: /namespace/name:tag."));
            return invalid(check, tr("Add the namespace before the image name: namespace/name:tag."));
        }
        if (!first.isEmpty()) {
            if (const QString problem = namespaceProblem(first); !problem.isEmpty())
                return invalid(check, problem);
        }
        return incomplete(check, tr("Go on with the image name and tag: namespace/name:tag."));
    }

    check.nameSpace = parts.at(0);
    if (const QString problem = namespaceProblem(check.nameSpace); !problem.isEmpty())
        return invalid(check, problem);

    const QString nameAndTag = parts.at(1);
    const qsizetype colon = nameAndTag.indexOf(u':');
    check.name = colon < 0 ? nameAndTag : nameAndTag.left(colon);
    if (check.name.isEmpty()) {
        if (colon >= 0)
            return invalid(check, tr("The image name is missing before the “:”."));
        return incomplete(check, tr("Go on with the image name and tag: name:tag."));
    }
    if (const QString problem = nameProblem(check.name); !problem.isEmpty())
        return invalid(check, problem);
    if (colon < 0)
        return incomplete(check, tr("Add the tag after a colon, for example “:latest”."));
    check.tag = nameAndTag.mid(colon + 1);
    if (check.tag.isEmpty())
        return incomplete(check, tr("Add the tag after the colon."));
    if (const QString problem = tagProblem(check.tag); !problem.isEmpty())
        return invalid(check, problem);

    if (path.size() < MinSwrPathLength) {
        return incomplete(check, tr("The SWR path is too short: at least %Ln characters, registry included.",
                                    nullptr, MinSwrPathLength));
    }
    check.state = SwrPathCheck::State::Acceptable;
    return check;
}

bool RegisterImageRequest::isWorkspaceId(const QString &id)
{
    static const QRegularExpression pattern(u"^[0-9a-z]{32}$"_s);
    return id == u"0"_s || pattern.match(id).hasMatch();
}

QString RegisterImageRequest::regionRemark(const SwrPathCheck &check, const QString &accountRegionId)
{
    static const QRegularExpression swrHost(u"^swr\\.([a-z0-9-]+)\\.myhuaweicloud\\."_s);
    const QRegularExpressionMatch match = swrHost.match(check.registry);
    if (!match.hasMatch() || accountRegionId.isEmpty() || match.captured(1) == accountRegionId)
        return {};
    return tr("The image is in the SWR of region %1, while this account works in %2: ModelArts in %2 may not "
              "be able to pull it.")
        .arg(match.captured(1), accountRegionId);
}

QStringList RegisterImageRequest::problems() const
{
    QStringList result;
    const SwrPathCheck path = checkSwrPath(swrPath);
    if (path.state == SwrPathCheck::State::Empty)
        result.append(tr("Enter the SWR path of the image."));
    else if (!path.isAcceptable())
        result.append(path.problem);
    if (!architectures().contains(arch))
        result.append(tr("Choose the architecture of the image."));
    if (resourceCategories.isEmpty())
        result.append(tr("Choose at least one resource type the image runs on."));
    for (const QString &category : resourceCategories) {
        if (!resourceCategoryValues().contains(category)) {
            result.append(tr("“%1” is not a resource type ModelArts knows.").arg(category));
            break;
        }
    }
    if (services.isEmpty())
        result.append(tr("Choose at least one way to use the image (Notebook or SSH)."));
    for (const QString &service : services) {
        if (!serviceValues().contains(service)) {
            result.append(tr("“%1” is not a service ModelArts knows.").arg(service));
            break;
        }
    }
    if (!serviceTypes().contains(serviceType))
        result.append(tr("Choose what the image is for."));
    if (!visibilities().contains(visibility))
        result.append(tr("Choose who may use the image."));
    if (description.size() > MaxDescriptionLength)
        result.append(
            tr("The description is too long: at most %Ln characters.", nullptr, MaxDescriptionLength));
    if (!isWorkspaceId(workspaceId))
        result.append(tr("The workspace is “0” (the default) or a 32-character workspace ID."));
    if (tags.size() > MaxTags)
        result.append(tr("At most %Ln tags are allowed.", nullptr, MaxTags));
    QSet<QString> keys;
    for (const ImageTag &tag : tags) {
        if (tag.key.trimmed().isEmpty()) {
            result.append(tr("Every tag needs a key."));
            break;
        }
        if (tag.key.contains(u'=')) {
            result.append(tr("The tag key “%1” contains “=”, which separates a tag's key from its value.")
                              .arg(tag.key.left(20)));
            break;
        }
        if (tag.key.size() > MaxTagKeyLength) {
            result.append(
                tr("The tag key “%1” is too long: at most %Ln characters.", nullptr, MaxTagKeyLength)
                    .arg(tag.key.left(20) + u'…'));
            break;
        }
        if (tag.value.size() > MaxTagValueLength) {
            result.append(
                tr("The value of tag “%1” is too long: at most %Ln characters.", nullptr, MaxTagValueLength)
                    .arg(tag.key));
            break;
        }
        if (keys.contains(tag.key)) {
            result.append(tr("The tag key “%1” is used twice.").arg(tag.key));
            break;
        }
        keys.insert(tag.key);
    }
    return result;
}

QString RegisterImageRequest::tagText(const ImageTag &tag)
{
    return tag.value.isEmpty() ? tag.key : tag.key + u'=' + tag.value;
}

QJsonObject RegisterImageRequest::toJson() const
{
    QJsonArray categoryArray;
    for (const QString &category : resourceCategories)
        categoryArray.append(category);
    QJsonArray serviceArray;
    for (const QString &service : services)
        serviceArray.append(service);
    QJsonObject object{
        {u"swr_path"_s, swrPath},
        {u"arch"_s, arch},
        {u"resource_category"_s, categoryArray},
        {u"services"_s, serviceArray},
        {u"service_type"_s, serviceType},
        {u"visibility"_s, visibility},
        {u"workspace_id"_s, workspaceId},
    };
    if (!description.isEmpty())
        object.insert(u"description"_s, description);
    if (!tags.isEmpty()) {
        QJsonArray tagArray;
        for (const ImageTag &tag : tags)
            tagArray.append(tagText(tag));
        object.insert(u"tags"_s, tagArray);
    }
    return object;
}

} // namespace mim
