// The sandbox's SWR routes (/v2/manage/...) as a client sees them: namespaces, repository and tag listings
// paged by Content-Range, the capital "Tag" key, "$" for "/" in a repository name, tag deletion (204, then
// 404 with SWR's error array), the 403 mode, faults, and the SWR content agreeing with the ModelArts images
// before and after image deletions with and without force.

#include "RawApiClient.h"
#include "SandboxDefaults.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::test;
using mim::sandbox::SandboxOptions;

namespace {

void authorise(RawApiClient &client, const SandboxFixture &sandbox)
{
    const ConnectionSettings settings = sandbox.akskSettings();
    client.setCredentials(settings.credentials.accessKey, settings.credentials.secretKey, settings.projectId);
}

RawReply swr(RawApiClient &client, const QByteArray &method, const QString &relative)
{
    return client.signedCall(method, u"/v2/manage/"_s + relative);
}

QJsonArray arrayOf(const RawReply &reply)
{
    return QJsonDocument::fromJson(reply.body).array();
}

// The repository segment of a URL: '/' is sent as '$'.
QString segment(const QString &repository)
{
    QString text = repository;
    return text.replace(u'/', u'$');
}

QString tagsPath(const QString &nameSpace, const QString &repository)
{
    return u"namespaces/%1/repos/%2/tags"_s.arg(nameSpace, segment(repository));
}

QString keyOf(const QString &nameSpace, const QString &repository, const QString &tag)
{
    return nameSpace + u'/' + repository + u':' + tag;
}

// "ns/repo:tag" -> the state entry of every tag SWR holds.
QHash<QString, QJsonObject> stateTags(const SandboxFixture &sandbox)
{
    QHash<QString, QJsonObject> tags;
    for (const QJsonValue &value : sandbox.state().value(u"swr"_s).toObject().value(u"tags"_s).toArray()) {
        const QJsonObject tag = value.toObject();
        tags.insert(keyOf(tag.value(u"namespace"_s).toString(), tag.value(u"repository"_s).toString(),
                          tag.value(u"tag"_s).toString()),
                    tag);
    }
    return tags;
}

QList<QJsonObject> stateImages(const SandboxFixture &sandbox)
{
    QList<QJsonObject> images;
    for (const QJsonValue &value : sandbox.state().value(u"images"_s).toArray())
        images.append(value.toObject());
    return images;
}

QString imageKey(const QJsonObject &image)
{
    return keyOf(image.value(u"namespace"_s).toString(), image.value(u"name"_s).toString(),
                 image.value(u"tag"_s).toString());
}

bool isDedicated(const QJsonObject &image)
{
    return image.value(u"type"_s).toString() == u"DEDICATED";
}

// A private, deletable image: ACTIVE, DEDICATED, not in use.
QList<QJsonObject> deletablePrivateImages(const SandboxFixture &sandbox)
{
    QList<QJsonObject> images;
    for (const QJsonObject &image : stateImages(sandbox)) {
        if (isDedicated(image) && !image.value(u"deleted"_s).toBool() && !image.value(u"in_use"_s).toBool() &&
            image.value(u"status"_s).toString() == u"ACTIVE" &&
            image.value(u"visibility"_s).toString() == u"PRIVATE") {
            images.append(image);
        }
    }
    return images;
}

void verifySwrError(const RawReply &reply, int status)
{
    QCOMPARE(reply.status, status);
    const QJsonArray errors = arrayOf(reply);
    QCOMPARE(errors.size(), 1);
    const QJsonObject error = errors.first().toObject();
    QVERIFY2(error.value(u"errorCode"_s).toString().startsWith(u"SVCSTG.SWR."_s), reply.body.constData());
    QVERIFY(!error.value(u"errorMessage"_s).toString().isEmpty());
    QVERIFY(error.contains(u"detail"_s));
}

} // namespace

class TestSandboxSwr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespacesAreTheModelArtsOnesAndSwrOnlyOnes();
    void repositoriesPageByContentRange();
    void limitOutsideOneToThousandIsRefusedWithTheErrorArray();
    void tagsUseTheCapitalTagKeyAndDollarForSlash();
    void everyDedicatedImageIsATagOfItsSizeInBytes();
    void deletingATagAnswers204ThenNotFound();
    void deletingARegisteredTagKeepsTheImage();
    void forceDeleteRemovesTheTagAndPlainDeleteKeepsIt();
    void forbiddenModeRefusesEverySwrRoute();
    void faultsApplyToSwrRoutes();
    void unregisteredTagsAreAboutFifteenPercentAndNeverReferenced();
    void demoDataHasUnregisteredTags();
    void overviewCountsWhatIsListed();
    void adminAddsTagsAndSwitchesPermissions();
};

void TestSandboxSwr::namespacesAreTheModelArtsOnesAndSwrOnlyOnes()
{
    SandboxFixture sandbox(300, 2);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const RawReply reply = swr(client, "GET", u"namespaces"_s);
    QCOMPARE(reply.status, 200);
    QSet<QString> names;
    for (const QJsonValue &value : reply.json().value(u"namespaces"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        QVERIFY(entry.value(u"id"_s).isDouble());
        QVERIFY(!entry.value(u"creator_name"_s).toString().isEmpty());
        QCOMPARE(entry.value(u"auth"_s).toInt(), 7);
        names.insert(entry.value(u"name"_s).toString());
    }
    QSet<QString> modelArts;
    for (const QJsonObject &image : stateImages(sandbox)) {
        if (isDedicated(image))
            modelArts.insert(image.value(u"namespace"_s).toString());
    }
    QVERIFY(names.contains(modelArts));
    const QSet<QString> swrOnly = names - modelArts;
    QVERIFY2(swrOnly.size() >= 1 && swrOnly.size() <= 2,
             qPrintable(QStringList(swrOnly.values()).join(u',')));
    QVERIFY(!names.contains(u"atelier"_s)); // built-in images live in someone else's SWR

    // The IAM token of a password login works as well; a project header naming another project does not.
    const QByteArray token =
        client.login(QLatin1String(sandbox::DefaultIamUser), QLatin1String(sandbox::DefaultIamPassword),
                     QLatin1String(sandbox::DefaultIamDomain), QLatin1String(sandbox::DefaultRegionId));
    QVERIFY(!token.isEmpty());
    QCOMPARE(client.tokenCall("GET", u"/v2/manage/namespaces"_s, token).json(), reply.json());
    RawApiClient otherProject(sandbox.baseUrl());
    const ConnectionSettings settings = sandbox.akskSettings();
    otherProject.setCredentials(settings.credentials.accessKey, settings.credentials.secretKey,
                                u"0123456789abcdef0123456789abcdef"_s);
    verifySwrError(swr(otherProject, "GET", u"namespaces"_s), 403);
}

void TestSandboxSwr::repositoriesPageByContentRange()
{
    SandboxFixture sandbox(300, 2);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const RawReply all = swr(client, "GET", u"repos"_s);
    QCOMPARE(all.status, 200);
    const qsizetype total = arrayOf(all).size();
    QVERIFY(total > 10);
    QCOMPARE(all.header("Content-Range"), QByteArray("0-%1/%2")
                                              .replace("%1", QByteArray::number(total - 1))
                                              .replace("%2", QByteArray::number(total)));

    const QRegularExpression range(u"^(\\d+)-(\\d+)/(\\d+)$"_s);
    QStringList paged;
    const int limit = 7;
    for (int offset = 0;; offset += limit) {
        const RawReply page = swr(client, "GET", u"repos?limit=%1&offset=%2"_s.arg(limit).arg(offset));
        QCOMPARE(page.status, 200);
        const QJsonArray items = arrayOf(page);
        const QRegularExpressionMatch match = range.match(QString::fromLatin1(page.header("Content-Range")));
        QVERIFY2(match.hasMatch(), page.header("Content-Range").constData());
        QCOMPARE(match.captured(1).toLongLong(), offset);
        QCOMPARE(match.captured(2).toLongLong(), offset + items.size() - 1);
        QCOMPARE(match.captured(3).toLongLong(), total);
        for (const QJsonValue &value : items) {
            const QJsonObject repository = value.toObject();
            for (const QString &key :
                 {u"name"_s, u"namespace"_s, u"size"_s, u"num_images"_s, u"tags"_s, u"path"_s,
                  u"internal_path"_s, u"is_public"_s, u"created_at"_s, u"updated_at"_s})
                QVERIFY2(repository.contains(key), qPrintable(key));
            QCOMPARE(repository.value(u"num_images"_s).toInteger(),
                     repository.value(u"tags"_s).toArray().size());
            paged.append(repository.value(u"namespace"_s).toString() + u'/' +
                         repository.value(u"name"_s).toString());
        }
        if (offset + limit >= total) {
            QCOMPARE(items.size(), total - offset); // the last page holds the rest
            break;
        }
        QCOMPARE(items.size(), limit);
    }
    QCOMPARE(paged.size(), total);
    QCOMPARE(QSet<QString>(paged.begin(), paged.end()).size(), total); // no page overlaps another

    // Beyond the end: an empty array and an unsatisfied range.
    const RawReply beyond = swr(client, "GET", u"repos?limit=5&offset=%1"_s.arg(total + 3));
    QCOMPARE(beyond.status, 200);
    QCOMPARE(arrayOf(beyond).size(), 0);
    QCOMPARE(beyond.header("Content-Range"), "*/" + QByteArray::number(total));

    // One organization only, and its size is the sum of its tags.
    const QString nameSpace = arrayOf(all).first().toObject().value(u"namespace"_s).toString();
    const RawReply filtered = swr(client, "GET", u"repos?namespace="_s + nameSpace);
    for (const QJsonValue &value : arrayOf(filtered)) {
        const QJsonObject repository = value.toObject();
        QCOMPARE(repository.value(u"namespace"_s).toString(), nameSpace);
        const RawReply tags = swr(client, "GET", tagsPath(nameSpace, repository.value(u"name"_s).toString()));
        qint64 bytes = 0;
        for (const QJsonValue &tag : arrayOf(tags))
            bytes += tag.toObject().value(u"size"_s).toInteger();
        QCOMPARE(repository.value(u"size"_s).toInteger(), bytes);
    }
}

void TestSandboxSwr::limitOutsideOneToThousandIsRefusedWithTheErrorArray()
{
    SandboxFixture sandbox(20, 2);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    for (const QString &limit : {u"0"_s, u"1001"_s, u"-1"_s, u"ten"_s})
        verifySwrError(swr(client, "GET", u"repos?limit=%1&offset=0"_s.arg(limit)), 400);
    verifySwrError(swr(client, "GET", u"repos?limit=10"_s), 400); // offset and limit come together
    verifySwrError(swr(client, "GET", u"repos?order_type=sideways"_s), 400);
    QCOMPARE(swr(client, "GET", u"repos?limit=1000&offset=0"_s).status, 200);
    QCOMPARE(swr(client, "GET", u"repos?limit=1&offset=0"_s).status, 200);
}

void TestSandboxSwr::tagsUseTheCapitalTagKeyAndDollarForSlash()
{
    SandboxFixture sandbox(300, 2);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    // Pick the slashed repository with the most tags.
    const QHash<QString, QJsonObject> tags = stateTags(sandbox);
    QHash<QString, int> slashed;
    for (const QJsonObject &tag : tags) {
        const QString repository = tag.value(u"repository"_s).toString();
        if (repository.contains(u'/'))
            ++slashed[tag.value(u"namespace"_s).toString() + u' ' + repository];
    }
    QVERIFY(!slashed.isEmpty());
    QString chosen;
    for (auto it = slashed.begin(); it != slashed.end(); ++it) {
        if (chosen.isEmpty() || it.value() > slashed.value(chosen))
            chosen = it.key();
    }
    const QString nameSpace = chosen.section(u' ', 0, 0);
    const QString repository = chosen.section(u' ', 1);
    const int count = slashed.value(chosen);

    const RawReply reply = swr(client, "GET", tagsPath(nameSpace, repository));
    QCOMPARE(reply.status, 200);
    const QJsonArray items = arrayOf(reply);
    QCOMPARE(items.size(), count);
    QCOMPARE(reply.header("Content-Range"),
             "0-" + QByteArray::number(count - 1) + '/' + QByteArray::number(count));
    for (const QJsonValue &value : items) {
        const QJsonObject tag = value.toObject();
        QVERIFY(tag.contains(u"Tag"_s));
        QVERIFY(!tag.contains(u"tag"_s));
        for (const QString &key : {u"id"_s, u"repo_id"_s, u"image_id"_s, u"digest"_s, u"size"_s, u"path"_s,
                                   u"internal_path"_s, u"created"_s, u"updated"_s, u"tag_type"_s})
            QVERIFY2(tag.contains(key), qPrintable(key));
        const QString name = tag.value(u"Tag"_s).toString();
        const QJsonObject truth = tags.value(keyOf(nameSpace, repository, name));
        QVERIFY2(!truth.isEmpty(), qPrintable(name));
        QCOMPARE(tag.value(u"size"_s).toInteger(), truth.value(u"size"_s).toInteger());
        QVERIFY(tag.value(u"path"_s).toString().endsWith(u'/' + nameSpace + u'/' + repository + u':' + name));
        QVERIFY(tag.value(u"digest"_s).toString().startsWith(u"sha256:"_s));
    }

    // Paged one by one, the same tags in the same order.
    QJsonArray paged;
    for (int offset = 0; offset < count + 1; ++offset) {
        const RawReply page =
            swr(client, "GET", tagsPath(nameSpace, repository) + u"?limit=1&offset=%1"_s.arg(offset));
        QCOMPARE(page.status, 200);
        for (const QJsonValue &value : arrayOf(page))
            paged.append(value);
        if (offset == count)
            QCOMPARE(page.header("Content-Range"), "*/" + QByteArray::number(count));
    }
    QCOMPARE(paged, items);

    // The name itself, with its '/' encoded, is not how SWR takes it; nor is an unknown repository.
    QString encoded = repository;
    encoded.replace(u'/', u"%2F"_s);
    verifySwrError(swr(client, "GET", u"namespaces/%1/repos/%2/tags"_s.arg(nameSpace, encoded)), 404);
    verifySwrError(swr(client, "GET", tagsPath(nameSpace, u"no-such-repository"_s)), 404);
    verifySwrError(swr(client, "GET", tagsPath(u"no-such-namespace"_s, repository)), 404);
}

void TestSandboxSwr::everyDedicatedImageIsATagOfItsSizeInBytes()
{
    SandboxFixture sandbox(400, 3);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const QHash<QString, QJsonObject> tags = stateTags(sandbox);
    int checked = 0;
    for (const QJsonObject &image : stateImages(sandbox)) {
        if (!isDedicated(image)) {
            QVERIFY(!tags.contains(imageKey(image)));
            continue;
        }
        const QJsonObject tag = tags.value(imageKey(image));
        QVERIFY2(!tag.isEmpty(), qPrintable(imageKey(image)));
        QVERIFY(tag.value(u"registered"_s).toBool());
        QVERIFY(tag.value(u"image_ids"_s).toArray().contains(image.value(u"id"_s)));
        const qint64 kb = image.value(u"size"_s).toInteger();
        if (kb > 0)
            QCOMPARE(tag.value(u"size"_s).toInteger(), kb * 1024);
        else
            QVERIFY(tag.value(u"size"_s).toInteger() > 0);
        ++checked;
    }
    QVERIFY(checked > 300);

    // And the API lists the same tag with the same bytes.
    const QJsonObject image = deletablePrivateImages(sandbox).first();
    const RawReply reply =
        swr(client, "GET",
            tagsPath(image.value(u"namespace"_s).toString(), image.value(u"name"_s).toString()) + u"?tag="_s +
                image.value(u"tag"_s).toString());
    QCOMPARE(reply.status, 200);
    bool found = false;
    for (const QJsonValue &value : arrayOf(reply)) {
        const QJsonObject tag = value.toObject();
        if (tag.value(u"Tag"_s).toString() == image.value(u"tag"_s).toString()) {
            found = true;
            QCOMPARE(tag.value(u"size"_s).toInteger(), image.value(u"size"_s).toInteger() * 1024);
            QCOMPARE(tag.value(u"path"_s).toString(), image.value(u"swr_path"_s).toString());
        }
    }
    QVERIFY(found);
}

void TestSandboxSwr::deletingATagAnswers204ThenNotFound()
{
    SandboxFixture sandbox(200, 4);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const QJsonObject before = sandbox.state().value(u"swr"_s).toObject();
    QJsonObject victim;
    for (const QJsonObject &tag : stateTags(sandbox)) {
        if (!tag.value(u"registered"_s).toBool() && tag.value(u"repository"_s).toString().contains(u'/')) {
            victim = tag;
            break;
        }
    }
    QVERIFY(!victim.isEmpty());
    const QString nameSpace = victim.value(u"namespace"_s).toString();
    const QString repository = victim.value(u"repository"_s).toString();
    const QString path = tagsPath(nameSpace, repository) + u'/' + victim.value(u"tag"_s).toString();

    const RawReply deleted = swr(client, "DELETE", path);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QVERIFY(!stateTags(sandbox).contains(keyOf(nameSpace, repository, victim.value(u"tag"_s).toString())));
    const QJsonObject after = sandbox.state().value(u"swr"_s).toObject();
    QCOMPARE(after.value(u"tag_count"_s).toInteger(), before.value(u"tag_count"_s).toInteger() - 1);
    QCOMPARE(after.value(u"unregistered_tag_count"_s).toInteger(),
             before.value(u"unregistered_tag_count"_s).toInteger() - 1);
    QCOMPARE(after.value(u"bytes"_s).toInteger(),
             before.value(u"bytes"_s).toInteger() - victim.value(u"size"_s).toInteger());

    verifySwrError(swr(client, "DELETE", path), 404);
    verifySwrError(swr(client, "DELETE", tagsPath(nameSpace, repository) + u"/never-pushed"_s), 404);
    QCOMPARE(sandbox.server()->counters().value(u"swr"_s).toInt(), 3);
}

void TestSandboxSwr::deletingARegisteredTagKeepsTheImage()
{
    SandboxFixture sandbox(200, 4);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const QJsonObject image = deletablePrivateImages(sandbox).first();
    const QString id = image.value(u"id"_s).toString();
    const RawReply deleted =
        swr(client, "DELETE",
            tagsPath(image.value(u"namespace"_s).toString(), image.value(u"name"_s).toString()) + u'/' +
                image.value(u"tag"_s).toString());
    QCOMPARE(deleted.status, 204);
    QVERIFY(!stateTags(sandbox).contains(imageKey(image)));
    // As in reality: ModelArts keeps the image whose content is gone.
    const RawReply shown = client.api("GET", u"images/"_s + id);
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.json().value(u"status"_s).toString(), u"ACTIVE"_s);
    QVERIFY(!sandbox.imageState(id).value(u"deleted"_s).toBool());
}

void TestSandboxSwr::forceDeleteRemovesTheTagAndPlainDeleteKeepsIt()
{
    SandboxFixture sandbox(300, 6);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const QList<QJsonObject> images = deletablePrivateImages(sandbox);
    QVERIFY(images.size() >= 2);
    const QJsonObject forced = images.at(0);
    const QJsonObject plain = images.at(1);
    const qint64 tagsBefore = sandbox.state().value(u"swr"_s).toObject().value(u"tag_count"_s).toInteger();

    QCOMPARE(client.api("DELETE", u"images/%1?force=true"_s.arg(forced.value(u"id"_s).toString())).status,
             200);
    QCOMPARE(client.api("DELETE", u"images/%1?force=false"_s.arg(plain.value(u"id"_s).toString())).status,
             200);

    const QHash<QString, QJsonObject> tags = stateTags(sandbox);
    QVERIFY(!tags.contains(imageKey(forced)));
    QVERIFY(tags.contains(imageKey(plain)));
    QVERIFY(!tags.value(imageKey(plain)).value(u"registered"_s).toBool()); // left behind: registered nowhere
    QCOMPARE(sandbox.state().value(u"swr"_s).toObject().value(u"tag_count"_s).toInteger(), tagsBefore - 1);

    // The API agrees: the forced image's tag is gone, the other one is still listed.
    const auto listed = [&client](const QJsonObject &image) {
        const RawReply reply =
            swr(client, "GET",
                tagsPath(image.value(u"namespace"_s).toString(), image.value(u"name"_s).toString()));
        for (const QJsonValue &value : arrayOf(reply)) {
            if (value.toObject().value(u"Tag"_s).toString() == image.value(u"tag"_s).toString())
                return true;
        }
        return false;
    };
    QVERIFY(!listed(forced));
    QVERIFY(listed(plain));
    // The repository stays listed, as SWR keeps an emptied one.
    QVERIFY(sandbox.state()
                .value(u"swr"_s)
                .toObject()
                .value(u"repositories"_s)
                .toArray()
                .contains(QString(forced.value(u"namespace"_s).toString() + u'/' +
                                  forced.value(u"name"_s).toString())));
}

void TestSandboxSwr::forbiddenModeRefusesEverySwrRoute()
{
    SandboxOptions options;
    options.imageCount = 30;
    options.seed = 2;
    options.swrForbidden = true;
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const QString tag = tagsPath(u"cv-lab"_s, u"team/base"_s);
    for (const auto &[method, path] :
         QList<std::pair<QByteArray, QString>>{{"GET", u"namespaces"_s},
                                               {"GET", u"repos?limit=10&offset=0"_s},
                                               {"GET", tag},
                                               {"DELETE", tag + u"/latest"_s},
                                               {"GET", u"overview"_s}}) {
        const RawReply reply = swr(client, method, path);
        verifySwrError(reply, 403);
        QVERIFY(arrayOf(reply).first().toObject().value(u"errorMessage"_s).toString().contains(u"SWR"_s));
    }
    // Everything else keeps working.
    QCOMPARE(client.api("GET", u"images?type=DEDICATED"_s).status, 200);
    // Unauthenticated, it is still the gateway's 401.
    QCOMPARE(client.plainCall("GET", u"/v2/manage/namespaces"_s).status, 401);
}

void TestSandboxSwr::faultsApplyToSwrRoutes()
{
    SandboxFixture sandbox(100, 2);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{{u"path_contains"_s, u"/v2/manage/repos"_s}, {u"fault"_s, u"503"_s}},
                    QJsonObject{{u"method"_s, u"DELETE"_s},
                                {u"path_contains"_s, u"/v2/manage/"_s},
                                {u"fault"_s, u"truncate"_s}}}}});
    QCOMPARE(swr(client, "GET", u"repos"_s).status, 503);
    QCOMPARE(swr(client, "GET", u"repos"_s).status, 200);

    QJsonObject victim;
    for (const QJsonObject &tag : stateTags(sandbox)) {
        if (!tag.value(u"registered"_s).toBool())
            victim = tag;
    }
    QVERIFY(!victim.isEmpty());
    const QString key = keyOf(victim.value(u"namespace"_s).toString(),
                              victim.value(u"repository"_s).toString(), victim.value(u"tag"_s).toString());
    const QString path =
        tagsPath(victim.value(u"namespace"_s).toString(), victim.value(u"repository"_s).toString()) + u'/' +
        victim.value(u"tag"_s).toString();
    const RawReply broken = swr(client, "DELETE", path);
    QVERIFY(broken.status != 204);
    QVERIFY(stateTags(sandbox).contains(key)); // a faulted DELETE changes nothing
    QCOMPARE(swr(client, "DELETE", path).status, 204);
    QVERIFY(!stateTags(sandbox).contains(key));
}

void TestSandboxSwr::unregisteredTagsAreAboutFifteenPercentAndNeverReferenced()
{
    SandboxFixture sandbox(3000, 9);
    QVERIFY(sandbox.start());
    const QJsonObject swrState = sandbox.state().value(u"swr"_s).toObject();
    const double ratio =
        swrState.value(u"unregistered_tag_count"_s).toDouble() / swrState.value(u"tag_count"_s).toDouble();
    QVERIFY2(ratio > 0.13 && ratio < 0.17, qPrintable(QString::number(ratio)));

    QSet<QString> referenced;
    for (const QJsonObject &image : stateImages(sandbox))
        referenced.insert(imageKey(image));
    int unregistered = 0;
    for (const QJsonObject &tag : stateTags(sandbox)) {
        if (tag.value(u"registered"_s).toBool())
            continue;
        ++unregistered;
        QVERIFY(tag.value(u"image_ids"_s).toArray().isEmpty());
        QVERIFY(!referenced.contains(keyOf(tag.value(u"namespace"_s).toString(),
                                           tag.value(u"repository"_s).toString(),
                                           tag.value(u"tag"_s).toString())));
    }
    QVERIFY(unregistered > 300);

    // Deterministic: the same seed gives the same SWR content.
    SandboxFixture again(3000, 9);
    QVERIFY(again.start());
    QCOMPARE(again.state().value(u"swr"_s).toObject(), swrState);
    SandboxFixture other(3000, 10);
    QVERIFY(other.start());
    QVERIFY(other.state().value(u"swr"_s).toObject() != swrState);
}

void TestSandboxSwr::demoDataHasUnregisteredTags()
{
    SandboxOptions options = SandboxOptions::forDemo();
    options.demoSettleAfterMs = 600000;
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    QSet<QString> namespaces;
    bool slashed = false;
    int unregistered = 0;
    for (const QJsonObject &tag : stateTags(sandbox)) {
        if (tag.value(u"registered"_s).toBool())
            continue;
        ++unregistered;
        namespaces.insert(tag.value(u"namespace"_s).toString());
        slashed = slashed || tag.value(u"repository"_s).toString().contains(u'/');
    }
    QVERIFY2(unregistered >= 5, qPrintable(QString::number(unregistered)));
    QVERIFY(namespaces.size() >= 2 && namespaces.size() <= 3);
    QVERIFY(slashed);

    // Through the API: the slashed repository of the organization with only SWR content.
    const RawReply reply = swr(client, "GET", u"namespaces/ci-builds/repos/team$base/tags"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(arrayOf(reply).size(), 2);
}

void TestSandboxSwr::overviewCountsWhatIsListed()
{
    SandboxFixture sandbox(150, 8);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);

    const RawReply reply = swr(client, "GET", u"overview"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject overview = reply.json();
    const QJsonObject swrState = sandbox.state().value(u"swr"_s).toObject();
    QCOMPARE(overview.value(u"namspace_num"_s).toInteger(), swrState.value(u"namespaces"_s).toArray().size());
    QCOMPARE(overview.value(u"repo_num"_s).toInteger(), swrState.value(u"repositories"_s).toArray().size());
    QCOMPARE(overview.value(u"image_num"_s).toInteger(), swrState.value(u"tag_count"_s).toInteger());
    QCOMPARE(overview.value(u"store_space"_s).toDouble(), swrState.value(u"bytes"_s).toDouble());
    QVERIFY(overview.contains(u"downflow_size"_s));
}

void TestSandboxSwr::adminAddsTagsAndSwitchesPermissions()
{
    SandboxFixture sandbox(50, 2);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    authorise(client, sandbox);
    const qint64 before = sandbox.state().value(u"swr"_s).toObject().value(u"tag_count"_s).toInteger();

    // 10,000 tags across 500 repositories, as a responsiveness test needs them.
    const RawReply bulk = client.plainCall(
        "POST", u"/sandbox/swr/tags"_s,
        QJsonDocument(QJsonObject{{u"count"_s, 10000}, {u"repositories"_s, 500}, {u"namespace"_s, u"bulk"_s}})
            .toJson());
    QCOMPARE(bulk.status, 200);
    QCOMPARE(bulk.json().value(u"added"_s).toInt(), 10000);
    const RawReply repositories = swr(client, "GET", u"repos?namespace=bulk&limit=1000&offset=0"_s);
    QCOMPARE(arrayOf(repositories).size(), 500);
    QCOMPARE(repositories.header("Content-Range"), QByteArray("0-499/500"));
    QCOMPARE(arrayOf(swr(client, "GET", tagsPath(u"bulk"_s, u"repo-0001"_s))).size(), 20);

    const RawReply one = client.plainCall(
        "POST", u"/sandbox/swr/tags"_s,
        QJsonDocument(QJsonObject{{u"tags"_s, QJsonArray{QJsonObject{{u"namespace"_s, u"cv-lab"_s},
                                                                     {u"repository"_s, u"a/b/c"_s},
                                                                     {u"tag"_s, u"x1"_s},
                                                                     {u"size"_s, 12345}}}}})
            .toJson());
    QCOMPARE(one.status, 200);
    const QJsonObject added = stateTags(sandbox).value(u"cv-lab/a/b/c:x1"_s);
    QCOMPARE(added.value(u"size"_s).toInteger(), 12345);
    QVERIFY(!added.value(u"registered"_s).toBool());
    QCOMPARE(sandbox.state().value(u"swr"_s).toObject().value(u"tag_count"_s).toInteger(), before + 10001);
    QCOMPARE(arrayOf(swr(client, "GET", u"namespaces/cv-lab/repos/a$b$c/tags"_s))
                 .first()
                 .toObject()
                 .value(u"Tag"_s),
             u"x1"_s);
    QCOMPARE(client.plainCall("POST", u"/sandbox/swr/tags"_s, "{\"tags\":[{\"tag\":\"x\"}]}").status, 400);

    QCOMPARE(client.plainCall("POST", u"/sandbox/swr"_s, "{\"forbidden\":true}").status, 200);
    verifySwrError(swr(client, "GET", u"namespaces"_s), 403);
    QCOMPARE(client.plainCall("POST", u"/sandbox/swr"_s, "{\"forbidden\":false}").status, 200);
    QCOMPARE(swr(client, "GET", u"namespaces"_s).status, 200);
}

QTEST_MAIN(TestSandboxSwr)
#include "test_sandbox_swr.moc"
