// The RegisterImage form: the SWR path checked as it is typed, the other fields' rules, the JSON body.

#include "models/groups/RegisterImageRequest.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

using State = SwrPathCheck::State;
Q_DECLARE_METATYPE(SwrPathCheck::State)

class TestRegisterRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void swrPath_data();
    void swrPath();
    void swrPathWhileTyping();
    void swrPathParts();
    void regionRemark();
    void defaultsAreValid();
    void fieldProblems();
    void tagProblems();
    void workspaceIds_data();
    void workspaceIds();
    void jsonBody();
};

void TestRegisterRequest::swrPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<State>("state");

    QTest::newRow("full") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s << State::Acceptable;
    QTest::newRow("registry with port") << u"registry.example.com:5000/team/model:1.0"_s << State::Acceptable;
    QTest::newRow("localhost") << u"localhost/team-a/model-x:v1"_s << State::Acceptable;
    QTest::newRow("no registry") << u"my-team/pytorch-image:v2.1"_s << State::Acceptable;
    QTest::newRow("upper-case tag") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:Release_1"_s
                                    << State::Acceptable;
    QTest::newRow("dots and dashes") << u"swr.cn-north-4.myhuaweicloud.com/a.b_c-d/e.f_g-h:i.j-k"_s
                                     << State::Acceptable;

    QTest::newRow("empty") << QString() << State::Empty;
    QTest::newRow("missing tag") << u"swr.cn-north-4.myhuaweicloud.com/ns/name"_s << State::Incomplete;
    QTest::newRow("colon but no tag") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:"_s << State::Incomplete;
    QTest::newRow("registry only") << u"swr.cn-north-4.myhuaweicloud.com"_s << State::Incomplete;
    QTest::newRow("registry and namespace") << u"swr.cn-north-4.myhuaweicloud.com/ns"_s << State::Incomplete;
    QTest::newRow("too short") << u"ns/a:b"_s << State::Incomplete;
    QTest::newRow("fifteen characters") << u"team/model:v1.0"_s << State::Incomplete;
    QTest::newRow("sixteen characters") << u"team/model:v1.00"_s << State::Acceptable;

    QTest::newRow("space") << u"swr.cn-north-4.myhuaweicloud.com/ns/my name:tag"_s << State::Invalid;
    QTest::newRow("hash") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag#1"_s << State::Invalid;
    QTest::newRow("at sign digest") << u"swr.cn-north-4.myhuaweicloud.com/ns/name@sha256"_s << State::Invalid;
    QTest::newRow("chinese") << u"swr.cn-north-4.myhuaweicloud.com/ns/模型:tag"_s << State::Invalid;
    QTest::newRow("upper-case name") << u"swr.cn-north-4.myhuaweicloud.com/ns/Name:tag"_s << State::Invalid;
    QTest::newRow("upper-case namespace")
        << u"swr.cn-north-4.myhuaweicloud.com/NS/name:tag"_s << State::Invalid;
    QTest::newRow("namespace starts with digit")
        << u"swr.cn-north-4.myhuaweicloud.com/1ns/name:tag"_s << State::Invalid;
    QTest::newRow("tag starts with dot")
        << u"swr.cn-north-4.myhuaweicloud.com/ns/name:.tag"_s << State::Invalid;
    QTest::newRow("two colons") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag:x"_s << State::Invalid;
    QTest::newRow("too many parts") << u"swr.cn-north-4.myhuaweicloud.com/a/b/c:tag"_s << State::Invalid;
    QTest::newRow("empty part") << u"swr.cn-north-4.myhuaweicloud.com//name:tag"_s << State::Invalid;
    QTest::newRow("bad registry") << u"swr_cn/ns/name:tag"_s << State::Invalid;
    QTest::newRow("name and tag only") << u"name:tag-but-long-enough"_s << State::Invalid;
    QTest::newRow("namespace too long")
        << u"swr.cn-north-4.myhuaweicloud.com/"_s + QString(65, u'a') + u"/name:tag"_s << State::Invalid;
    QTest::newRow("tag too long") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:"_s + QString(129, u'a')
                                  << State::Invalid;
    QTest::newRow("too long") << u"swr.cn-north-4.myhuaweicloud.com/ns/name:"_s +
                                     QString(RegisterImageRequest::MaxSwrPathLength, u'a')
                              << State::Invalid;
}

void TestRegisterRequest::swrPath()
{
    QFETCH(QString, path);
    QFETCH(State, state);
    const SwrPathCheck check = RegisterImageRequest::checkSwrPath(path);
    QCOMPARE(check.state, state);
    // Every state but Empty and Acceptable says what to do.
    QCOMPARE(check.problem.isEmpty(), state == State::Empty || state == State::Acceptable);
}

void TestRegisterRequest::swrPathWhileTyping()
{
    // Typed one character at a time, a good path is never called wrong on the way; it is accepted once
    // the tag has begun (and it is long enough).
    const QString path = u"swr.cn-north-4.myhuaweicloud.com:443/team-a/pytorch_2.1:v1.0"_s;
    for (qsizetype length = 1; length <= path.size(); ++length) {
        const QString prefix = path.left(length);
        const SwrPathCheck check = RegisterImageRequest::checkSwrPath(prefix);
        QVERIFY2(check.state != State::Invalid, qPrintable(prefix + u": "_s + check.problem));
        const bool complete = length > path.indexOf(u":v"_s) + 1;
        QCOMPARE(check.isAcceptable(), complete);
    }
    // A wrong character is called out as soon as it is typed.
    QCOMPARE(RegisterImageRequest::checkSwrPath(u"swr.cn-north-4.myhuaweicloud.com/team a"_s).state,
             State::Invalid);
    QVERIFY(RegisterImageRequest::checkSwrPath(u"swr.x.com/team a"_s).problem.contains(u"a space"_s));
}

void TestRegisterRequest::swrPathParts()
{
    const SwrPathCheck check =
        RegisterImageRequest::checkSwrPath(u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s);
    QCOMPARE(check.registry, u"swr.cn-north-4.myhuaweicloud.com"_s);
    QCOMPARE(check.nameSpace, u"ns"_s);
    QCOMPARE(check.name, u"name"_s);
    QCOMPARE(check.tag, u"tag"_s);
    const SwrPathCheck missingTag =
        RegisterImageRequest::checkSwrPath(u"swr.cn-north-4.myhuaweicloud.com/ns/name"_s);
    QVERIFY(missingTag.problem.contains(u"tag"_s));
}

void TestRegisterRequest::regionRemark()
{
    const SwrPathCheck other =
        RegisterImageRequest::checkSwrPath(u"swr.cn-south-1.myhuaweicloud.com/ns/name:tag"_s);
    QVERIFY(RegisterImageRequest::regionRemark(other, u"cn-north-4"_s).contains(u"cn-south-1"_s));
    const SwrPathCheck same =
        RegisterImageRequest::checkSwrPath(u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s);
    QVERIFY(RegisterImageRequest::regionRemark(same, u"cn-north-4"_s).isEmpty());
    const SwrPathCheck elsewhere = RegisterImageRequest::checkSwrPath(u"registry.example.com/ns/name:tag"_s);
    QVERIFY(RegisterImageRequest::regionRemark(elsewhere, u"cn-north-4"_s).isEmpty());
}

void TestRegisterRequest::defaultsAreValid()
{
    RegisterImageRequest request;
    QCOMPARE(request.problems().size(), 1); // only the path is missing
    request.swrPath = u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s;
    QVERIFY(request.problems().isEmpty());
}

void TestRegisterRequest::fieldProblems()
{
    RegisterImageRequest valid;
    valid.swrPath = u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s;

    const auto problemsOf = [&](auto change) {
        RegisterImageRequest request = valid;
        change(request);
        return request.problems();
    };
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.resourceCategories.clear(); }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.resourceCategories = {u"TPU"_s}; }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.services.clear(); }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.arch = u"RISCV"_s; }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.serviceType = u"GAMES"_s; }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.visibility = u"SHARED"_s; }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.workspaceId = u"abc"_s; }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.description = QString(512, u'描'); }).size(), 0);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.description = QString(513, u'x'); }).size(), 1);
    QCOMPARE(problemsOf([](RegisterImageRequest &r) { r.swrPath = u"ns/Name:tag-long-enough"_s; }).size(), 1);
}

void TestRegisterRequest::tagProblems()
{
    RegisterImageRequest request;
    request.swrPath = u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s;
    request.tags = {{u"team"_s, u"nlp"_s}, {u"owner"_s, QString()}};
    QVERIFY(request.problems().isEmpty());
    request.tags.append({u"team"_s, u"cv"_s});
    QVERIFY(request.problems().constFirst().contains(u"team"_s));
    request.tags = {{QString(), u"value"_s}};
    QCOMPARE(request.problems().size(), 1);
    request.tags = {{QString(129, u'k'), u"v"_s}};
    QCOMPARE(request.problems().size(), 1);
    request.tags = {{u"k"_s, QString(256, u'v')}};
    QCOMPARE(request.problems().size(), 1);
    // "=" separates key and value in the text that is sent: not allowed in a key, fine in a value.
    request.tags = {{u"a=b"_s, u"v"_s}};
    QCOMPARE(request.problems().size(), 1);
    QVERIFY(request.problems().constFirst().contains(u"a=b"_s));
    request.tags = {{u"k"_s, u"a=b"_s}};
    QVERIFY(request.problems().isEmpty());
    request.tags.clear();
    for (int i = 0; i < RegisterImageRequest::MaxTags; ++i)
        request.tags.append({u"k%1"_s.arg(i), u"v"_s});
    QVERIFY(request.problems().isEmpty());
    request.tags.append({u"one-too-many"_s, u"v"_s});
    QCOMPARE(request.problems().size(), 1);
}

void TestRegisterRequest::workspaceIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << u"0"_s << true;
    QTest::newRow("32 characters") << u"0123456789abcdef0123456789abcdef"_s << true;
    QTest::newRow("upper case") << u"0123456789ABCDEF0123456789abcdef"_s << false;
    QTest::newRow("31 characters") << u"0123456789abcdef0123456789abcde"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRegisterRequest::workspaceIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(RegisterImageRequest::isWorkspaceId(id), valid);
}

void TestRegisterRequest::jsonBody()
{
    RegisterImageRequest request;
    request.swrPath = u"swr.cn-north-4.myhuaweicloud.com/ns/name:tag"_s;
    request.arch = u"AARCH64"_s;
    request.resourceCategories = {u"ASCEND"_s};
    request.services = {u"SSH"_s};
    request.serviceType = u"TRAIN"_s;
    request.visibility = u"PUBLIC"_s;
    request.description = u"说明"_s;
    request.tags = {{u"team"_s, u"nlp"_s}};
    const QJsonObject json = request.toJson();
    QCOMPARE(json.value(u"swr_path"_s).toString(), request.swrPath);
    QCOMPARE(json.value(u"arch"_s).toString(), u"AARCH64"_s);
    // The request's names, which differ from the response's (resource_categories, dev_services).
    QCOMPARE(json.value(u"resource_category"_s).toArray(), QJsonArray{u"ASCEND"_s});
    QCOMPARE(json.value(u"services"_s).toArray(), QJsonArray{u"SSH"_s});
    QCOMPARE(json.value(u"service_type"_s).toString(), u"TRAIN"_s);
    QCOMPARE(json.value(u"visibility"_s).toString(), u"PUBLIC"_s);
    QCOMPARE(json.value(u"workspace_id"_s).toString(), u"0"_s);
    QCOMPARE(json.value(u"description"_s).toString(), u"说明"_s);
    // RegisterImage's tags are strings in every SDK (list[str]), unlike UpdateImageGroup's {key, value}.
    QCOMPARE(json.value(u"tags"_s).toArray(), (QJsonArray{u"team=nlp"_s}));
    request.tags = {{u"team"_s, u"nlp"_s}, {u"owner"_s, QString()}, {u"url"_s, u"a=b"_s}};
    QCOMPARE(request.toJson().value(u"tags"_s).toArray(),
             (QJsonArray{u"team=nlp"_s, u"owner"_s, u"url=a=b"_s}));
    // Optional fields left empty are not sent.
    request.description.clear();
    request.tags.clear();
    QVERIFY(!request.toJson().contains(u"description"_s));
    QVERIFY(!request.toJson().contains(u"tags"_s));
}

QTEST_GUILESS_MAIN(TestRegisterRequest)
#include "test_register_request.moc"
