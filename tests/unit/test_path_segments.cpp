// Every path parameter is exactly one percent-encoded segment, and only plausible ids become one.

#include "models/api/PathSegments.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

class TestPathSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesEachSegmentOnItsOwn_data();
    void encodesEachSegmentOnItsOwn();
    void refusesSegmentsThatAreNotOne_data();
    void refusesSegmentsThatAreNotOne();
    void plausibleIds_data();
    void plausibleIds();
    void plausibleProjectIds();
};

void TestPathSegments::encodesEachSegmentOnItsOwn_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("uuid") << u"0a1b2c3d-0000-4000-8000-000000000000"_s
                          << QByteArray("/images/0a1b2c3d-0000-4000-8000-000000000000");
    QTest::newRow("slash") << u"group/abc"_s << QByteArray("/images/group%2Fabc");
    QTest::newRow("dots inside") << u"../x"_s << QByteArray("/images/..%2Fx");
    QTest::newRow("percent") << u"a%2Fb"_s << QByteArray("/images/a%252Fb");
    QTest::newRow("query and fragment") << u"a?b#c"_s << QByteArray("/images/a%3Fb%23c");
    QTest::newRow("space and unicode") << u"a b\u00e9"_s << QByteArray("/images/a%20b%C3%A9");
    QTest::newRow("newline") << u"a\nb"_s << QByteArray("/images/a%0Ab");
}

void TestPathSegments::encodesEachSegmentOnItsOwn()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    const std::optional<QByteArray> path = PathSegments::encode({u"images"_s, value});
    QVERIFY(path);
    QCOMPARE(*path, encoded);
    QCOMPARE(path->count('/'), 2);
}

void TestPathSegments::refusesSegmentsThatAreNotOne_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("empty") << QString();
    QTest::newRow("dot") << u"."_s;
    QTest::newRow("dot dot") << u".."_s;
}

void TestPathSegments::refusesSegmentsThatAreNotOne()
{
    QFETCH(QString, value);
    QString why;
    QVERIFY(!PathSegments::encode({u"images"_s, value, u"sync"_s}, &why));
    QVERIFY(!why.isEmpty());
}

void TestPathSegments::plausibleIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("plausible");
    QTest::newRow("uuid") << u"0a1b2c3d-0000-4000-8000-00000000abcd"_s << true;
    QTest::newRow("uuid upper case") << u"0A1B2C3D-0000-4000-8000-00000000ABCD"_s << true;
    QTest::newRow("32 hex") << u"0a1b2c3d00004000800000000000abcd"_s << true;
    QTest::newRow("group/uuid") << u"group/0a1b2c3d-0000-4000-8000-00000000abcd"_s << false;
    QTest::newRow("..") << u".."_s << false;
    QTest::newRow("../../../v3/projects") << u"../../../v3/projects"_s << false;
    QTest::newRow("31 hex") << u"0a1b2c3d00004000800000000000abc"_s << false;
    QTest::newRow("uuid and newline") << u"0a1b2c3d-0000-4000-8000-00000000abc\n"_s << false;
    QTest::newRow("dashes misplaced") << u"0a1b2c3d0-000-4000-8000-00000000abcd"_s << false;
    QTest::newRow("not hex") << u"0a1b2c3d-0000-4000-8000-00000000abcg"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestPathSegments::plausibleIds()
{
    QFETCH(QString, id);
    QFETCH(bool, plausible);
    QCOMPARE(PathSegments::isPlausibleId(id), plausible);
}

void TestPathSegments::plausibleProjectIds()
{
    QVERIFY(PathSegments::isPlausibleProjectId(u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b"_s));
    QVERIFY(!PathSegments::isPlausibleProjectId(u".."_s));
    QVERIFY(!PathSegments::isPlausibleProjectId(u"a/b"_s));
    QVERIFY(!PathSegments::isPlausibleProjectId(QString()));
    QVERIFY(!PathSegments::isPlausibleProjectId(QString(65, u'a')));
}

QTEST_APPLESS_MAIN(TestPathSegments)
#include "test_path_segments.moc"
