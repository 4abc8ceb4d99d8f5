// The clean-up assistant's rule engine: every rule alone and combined, keep-newest-K ranking, the images
// that are never proposed, the reclaimable SWR space, persistence; and the preview model's check boxes.

#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupPreviewModel.h"
#include "models/cleanup/CleanupRules.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr qint64 MsPerDay = 24LL * 60 * 60 * 1000;
constexpr qint64 Gb = 1024LL * 1024;

const QDateTime Now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());

struct Spec
{
    QString id;
    QString nameSpace = u"team-a"_s;
    QString name = u"model"_s;
    QString tag = u"v1"_s;
    QString status = u"ACTIVE"_s;
    double createdDaysAgo = 10;
    double updatedDaysAgo = -1; // -1: same as created
    qint64 sizeKb = 1024;
    QString visibility = u"PRIVATE"_s;
    QString type = u"DEDICATED"_s;
};

Image make(const Spec &spec)
{
    Image image;
    image.id = spec.id;
    image.nameSpace = spec.nameSpace;
    image.name = spec.name;
    image.tag = spec.tag.isEmpty() ? spec.id : spec.tag;
    image.status = spec.status;
    image.createAtMs =
        spec.createdDaysAgo < 0 ? 0 : Now.toMSecsSinceEpoch() - qint64(spec.createdDaysAgo * MsPerDay);
    const double updated = spec.updatedDaysAgo < 0 ? spec.createdDaysAgo : spec.updatedDaysAgo;
    image.updateAtMs = updated < 0 ? 0 : Now.toMSecsSinceEpoch() - qint64(updated * MsPerDay);
    image.sizeKb = spec.sizeKb;
    image.visibility = spec.visibility;
    image.type = spec.type;
    image.swrPath =
        u"swr.cn-north-4.myhuaweicloud.com/"_s + spec.nameSpace + u'/' + spec.name + u':' + image.tag;
    return image;
}

QStringList ids(const CleanupEvaluation &evaluation)
{
    QStringList result;
    for (const CleanupMatch &match : evaluation.matches)
        result.append(match.image.id);
    return result;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestCleanupRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutRulesNothingMatches();
    void failedOnly();
    void notUpdatedForDays_data();
    void notUpdatedForDays();
    void keepNewestPerName();
    void imagesInUseOrOfUnknownUsageAreSpared();
    void keepNewestBreaksTiesById();
    void keepNewestSeparatesNamespaces();
    void keepNewestIgnoresFailedVersions();
    void keepNewestZeroMatchesEveryVersion();
    void sizeAbove();
    void patterns_data();
    void patterns();
    void onlyOwn();
    void protectedImagesNeverMatch();
    void combinedRules();
    void keepNewestCombinedWithSize();
    void matchesAreOrderedByName();
    void reclaimableSpace();
    void roundTrip();
    void roundTripThroughIniSettings();
    void fromVariantIsLenient();

    void previewModelChecksAndTotals();
    void previewModelKeepsUntickedAcrossEvaluations();
    void previewModelReasons();
    void reasonsNameExactlyTheRulesThatAreSet();
    void previewModelUpdatesTheSameRowsInPlace();
    void previewModelShowsServerTextVisiblyAndLiterally();
    void previewModelColumnsReadLikeTheImageTable();
};

void TestCleanupRules::withoutRulesNothingMatches()
{
    const QList<Image> images{make({.id = u"a"_s, .status = u"CREATE_FAILED"_s}), make({.id = u"b"_s})};
    CleanupRules rules;
    QVERIFY(!rules.hasCriteria());
    QVERIFY(rules.evaluate(images, Now, true).matches.isEmpty());
    // Only own images is a restriction, not a selection; blank patterns select nothing either.
    rules.onlyOwn = true;
    rules.namePattern = u"  , "_s;
    QVERIFY(!rules.hasCriteria());
    const CleanupEvaluation evaluation = rules.evaluate(images, Now, true);
    QCOMPARE(evaluation.count(), 0);
    QCOMPARE(evaluation.reclaimableKb, 0);
}

void TestCleanupRules::failedOnly()
{
    const QList<Image> images{
        make({.id = u"active"_s}),
        make({.id = u"failed"_s, .status = u"CREATE_FAILED"_s}),
        make({.id = u"error"_s, .status = u"ERROR"_s}),
        make({.id = u"lower"_s, .status = u"create_failed"_s}),
    };
    CleanupRules rules;
    rules.failedOnly = true;
    QVERIFY(rules.hasCriteria());
    QCOMPARE(sorted(ids(rules.evaluate(images, Now, false))),
             (QStringList{u"error"_s, u"failed"_s, u"lower"_s}));
}

void TestCleanupRules::notUpdatedForDays_data()
{
    QTest::addColumn<double>("createdDaysAgo");
    QTest::addColumn<double>("updatedDaysAgo");
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("matches");

    QTest::newRow("updated long ago") << 400.0 << 100.0 << 90 << true;
    QTest::newRow("updated recently, created long ago") << 400.0 << 5.0 << 90 << false;
    QTest::newRow("exactly N days") << 200.0 << 90.0 << 90 << true;
    QTest::newRow("a minute short of N days") << 200.0 << (90.0 - 1.0 / (24 * 60)) << 90 << false;
    QTest::newRow("no update time: creation counts") << 120.0 << -2.0 << 90 << true;
    QTest::newRow("no dates at all") << -1.0 << -2.0 << 1 << false;
    QTest::newRow("zero days: anything dated") << 0.001 << 0.001 << 0 << true;
}

void TestCleanupRules::notUpdatedForDays()
{
    QFETCH(double, createdDaysAgo);
    QFETCH(double, updatedDaysAgo);
    QFETCH(int, days);
    QFETCH(bool, matches);

    Image image =
        make({.id = u"x"_s, .createdDaysAgo = createdDaysAgo, .updatedDaysAgo = qMax(0.0, updatedDaysAgo)});
    if (updatedDaysAgo == -2.0)
        image.updateAtMs = 0;
    CleanupRules rules;
    rules.notUpdatedForDays = days;
    const CleanupEvaluation evaluation = rules.evaluate({image}, Now, false);
    QCOMPARE(evaluation.count(), matches ? 1 : 0);
    if (matches && image.updateAtMs > 0)
        QCOMPARE(evaluation.matches.constFirst().idleDays, int(updatedDaysAgo));
}

void TestCleanupRules::keepNewestPerName()
{
    QList<Image> images;
    for (int i = 1; i <= 5; ++i)
        images.append(
            make({.id = u"v%1"_s.arg(i), .tag = u"v%1"_s.arg(i), .createdDaysAgo = double(10 * (6 - i))}));
    // v5 is the newest, v1 the oldest.
    CleanupRules rules;
    rules.keepNewestPerName = 2;
    const CleanupEvaluation evaluation = rules.evaluate(images, Now, false);
    QCOMPARE(ids(evaluation), (QStringList{u"v3"_s, u"v2"_s, u"v1"_s}));
    QCOMPARE(evaluation.matches.at(0).rankInName, 3);
    QCOMPARE(evaluation.matches.at(2).rankInName, 5);
    QCOMPARE(evaluation.matches.at(0).usableVersionsOfName, 5);

    rules.keepNewestPerName = 5;
    QCOMPARE(rules.evaluate(images, Now, false).count(), 0);
}

void TestCleanupRules::imagesInUseOrOfUnknownUsageAreSpared()
{
    QList<Image> images;
    for (int i = 1; i <= 5; ++i)
        images.append(
            make({.id = u"v%1"_s.arg(i), .tag = u"v%1"_s.arg(i), .createdDaysAgo = double(10 * (6 - i))}));
    CleanupRules rules;
    rules.keepNewestPerName = 2;
    // v2 runs in a notebook (by id), v1 in a training job (by SWR path without the registry host).
    ImageUsage usage;
    usage.addUsers(
        {ImageUser{UsageKind::Notebook, u"n"_s, u"dev"_s, u"RUNNING"_s, {{u"v2"_s, {}}}},
         ImageUser{UsageKind::TrainingJob, u"j"_s, u"tune"_s, u"Running"_s, {{{}, u"team-a/model:v1"_s}}}});
    const UsageSummary known(usage, false);
    CleanupEvaluation evaluation = rules.evaluate(images, Now, false, &known);
    // Still one of the versions: the kept places and ranks are as without usage.
    QCOMPARE(ids(evaluation), QStringList{u"v3"_s});
    QCOMPARE(evaluation.matches.at(0).rankInName, 3);
    QCOMPARE(evaluation.sparedInUse, 2);
    QCOMPARE(evaluation.sparedUnknownUsage, 0);

    // Services could not be listed: an image no answered listing names might run in one.
    usage.setUnknown(UsageKind::Service, ApiError::make(ErrorKind::Network, u"reset"_s));
    const UsageSummary partly(usage, false);
    evaluation = rules.evaluate(images, Now, false, &partly);
    QCOMPARE(evaluation.count(), 0);
    QCOMPARE(evaluation.sparedInUse, 2);
    QCOMPARE(evaluation.sparedUnknownUsage, 1);

    // Still being read: nothing is known unused yet.
    const UsageSummary loading = UsageSummary::loadingAfter(UsageSummary());
    evaluation = rules.evaluate(images, Now, false, &loading);
    QCOMPARE(evaluation.count(), 0);
    QCOMPARE(evaluation.sparedUnknownUsage, 3);
    // Without usage the rules alone decide.
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"v3"_s, u"v2"_s, u"v1"_s}));
}

void TestCleanupRules::keepNewestBreaksTiesById()
{
    // Three versions created at the same instant: the smaller id ranks first, whatever the input order.
    const QList<Image> images{make({.id = u"c"_s, .tag = u"c"_s, .createdDaysAgo = 3}),
                              make({.id = u"a"_s, .tag = u"a"_s, .createdDaysAgo = 3}),
                              make({.id = u"b"_s, .tag = u"b"_s, .createdDaysAgo = 3}),
                              make({.id = u"old"_s, .tag = u"old"_s, .createdDaysAgo = 30})};
    CleanupRules rules;
    rules.keepNewestPerName = 1;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"b"_s, u"c"_s, u"old"_s}));
    rules.keepNewestPerName = 2;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"c"_s, u"old"_s}));

    QList<Image> reversed(images.crbegin(), images.crend());
    QCOMPARE(ids(rules.evaluate(reversed, Now, false)), (QStringList{u"c"_s, u"old"_s}));
}

void TestCleanupRules::keepNewestSeparatesNamespaces()
{
    // The same image name in two namespaces is two images; another name in the same namespace is another.
    const QList<Image> images{
        make({.id = u"a-new"_s, .nameSpace = u"a"_s, .createdDaysAgo = 1}),
        make({.id = u"a-old"_s, .nameSpace = u"a"_s, .createdDaysAgo = 9}),
        make({.id = u"b-new"_s, .nameSpace = u"b"_s, .createdDaysAgo = 2}),
        make({.id = u"b-old"_s, .nameSpace = u"b"_s, .createdDaysAgo = 8}),
        make({.id = u"other"_s, .nameSpace = u"a"_s, .name = u"other"_s, .createdDaysAgo = 50}),
    };
    CleanupRules rules;
    rules.keepNewestPerName = 1;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"a-old"_s, u"b-old"_s}));
}

void TestCleanupRules::keepNewestIgnoresFailedVersions()
{
    // The newest tag failed to save: it must not push the last working tag out, and it is proposed itself.
    const QList<Image> images{
        make({.id = u"failed-new"_s, .status = u"CREATE_FAILED"_s, .createdDaysAgo = 1}),
        make({.id = u"works"_s, .createdDaysAgo = 5}),
        make({.id = u"older"_s, .createdDaysAgo = 20}),
    };
    CleanupRules rules;
    rules.keepNewestPerName = 1;
    const CleanupEvaluation evaluation = rules.evaluate(images, Now, false);
    QCOMPARE(ids(evaluation), (QStringList{u"failed-new"_s, u"older"_s}));
    QCOMPARE(evaluation.matches.at(0).rankInName, 0);
    QCOMPARE(evaluation.matches.at(1).rankInName, 2);
    QCOMPARE(evaluation.matches.at(1).usableVersionsOfName, 2);
}

void TestCleanupRules::keepNewestZeroMatchesEveryVersion()
{
    const QList<Image> images{make({.id = u"a"_s, .createdDaysAgo = 1}),
                              make({.id = u"b"_s, .createdDaysAgo = 2})};
    CleanupRules rules;
    rules.keepNewestPerName = 0;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"a"_s, u"b"_s}));
}

void TestCleanupRules::sizeAbove()
{
    const QList<Image> images{
        make({.id = u"small"_s, .sizeKb = Gb - 1}), make({.id = u"exact"_s, .sizeKb = Gb}),
        make({.id = u"big"_s, .sizeKb = Gb + 1}), make({.id = u"unknown"_s, .sizeKb = -1})};
    CleanupRules rules;
    rules.sizeAboveKb = Gb;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"big"_s}));
    rules.sizeAboveKb = 0;
    QCOMPARE(sorted(ids(rules.evaluate(images, Now, false))),
             (QStringList{u"big"_s, u"exact"_s, u"small"_s}));
}

void TestCleanupRules::patterns_data()
{
    QTest::addColumn<QString>("namespacePattern");
    QTest::addColumn<QString>("namePattern");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("namespace prefix") << u"team-*"_s << QString() << QStringList{u"1"_s, u"2"_s, u"3"_s};
    QTest::newRow("case-insensitive") << u"TEAM-B"_s << QString() << QStringList{u"3"_s};
    QTest::newRow("whole name, not a substring") << QString() << u"tmp"_s << QStringList{u"4"_s};
    QTest::newRow("question mark is one character") << QString() << u"tmp-?"_s << QStringList{u"1"_s};
    QTest::newRow("alternatives") << QString() << u"tmp-*, *-test"_s << QStringList{u"1"_s, u"2"_s, u"3"_s};
    QTest::newRow("namespace and name") << u"team-a"_s << u"*-test"_s << QStringList{u"2"_s};
    QTest::newRow("nothing") << u"nobody"_s << QString() << QStringList{};
}

void TestCleanupRules::patterns()
{
    QFETCH(QString, namespacePattern);
    QFETCH(QString, namePattern);
    QFETCH(QStringList, expected);

    const QList<Image> images{
        make({.id = u"1"_s, .nameSpace = u"team-a"_s, .name = u"tmp-1"_s}),
        make({.id = u"2"_s, .nameSpace = u"team-a"_s, .name = u"bert-test"_s}),
        make({.id = u"3"_s, .nameSpace = u"Team-B"_s, .name = u"tmp-12"_s}),
        make({.id = u"4"_s, .nameSpace = u"prod"_s, .name = u"tmp"_s}),
    };
    CleanupRules rules;
    rules.namespacePattern = namespacePattern;
    rules.namePattern = namePattern;
    QVERIFY(rules.hasCriteria());
    QCOMPARE(sorted(ids(rules.evaluate(images, Now, false))), expected);
}

void TestCleanupRules::onlyOwn()
{
    const QList<Image> images{make({.id = u"own"_s}), make({.id = u"unknown-type"_s, .type = QString()}),
                              make({.id = u"built-in"_s, .type = u"BUILD_IN"_s})};
    CleanupRules rules;
    rules.namePattern = u"*"_s;
    rules.onlyOwn = true;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"own"_s}));
    rules.onlyOwn = false;
    QCOMPARE(sorted(ids(rules.evaluate(images, Now, false))), (QStringList{u"own"_s, u"unknown-type"_s}));
}

void TestCleanupRules::protectedImagesNeverMatch()
{
    const QList<Image> images{
        make({.id = u"init"_s, .status = u"INIT"_s, .createdDaysAgo = 400}),
        make({.id = u"creating"_s, .status = u"CREATING"_s, .createdDaysAgo = 400}),
        make({.id = u"deleted"_s, .status = u"DELETED"_s, .createdDaysAgo = 400}),
        make({.id = u"built-in"_s, .createdDaysAgo = 400, .type = u"BUILD_IN"_s}),
        make({.id = u"plain"_s, .createdDaysAgo = 400}),
    };
    CleanupRules rules;
    rules.notUpdatedForDays = 1;
    rules.keepNewestPerName = 0;
    rules.namePattern = u"*"_s;
    rules.onlyOwn = false;
    QCOMPARE(ids(rules.evaluate(images, Now, true)), (QStringList{u"plain"_s}));
    for (const Image &image : images)
        QCOMPARE(CleanupRules::isProtected(image), image.id != u"plain"_s);
}

void TestCleanupRules::combinedRules()
{
    const QList<Image> images{
        make({.id = u"hit"_s, .nameSpace = u"team-a"_s, .status = u"ERROR"_s, .createdDaysAgo = 60}),
        make({.id = u"recent"_s, .nameSpace = u"team-a"_s, .status = u"ERROR"_s, .createdDaysAgo = 3}),
        make({.id = u"working"_s, .nameSpace = u"team-a"_s, .createdDaysAgo = 60}),
        make({.id = u"elsewhere"_s, .nameSpace = u"prod"_s, .status = u"ERROR"_s, .createdDaysAgo = 60}),
        make({.id = u"small"_s,
              .nameSpace = u"team-a"_s,
              .status = u"ERROR"_s,
              .createdDaysAgo = 60,
              .sizeKb = 10}),
    };
    CleanupRules rules;
    rules.failedOnly = true;
    rules.notUpdatedForDays = 30;
    rules.namespacePattern = u"team-*"_s;
    rules.sizeAboveKb = 100;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"hit"_s}));

    // Each rule taken away lets in exactly the image it kept out.
    CleanupRules withoutAge = rules;
    withoutAge.notUpdatedForDays.reset();
    QCOMPARE(sorted(ids(withoutAge.evaluate(images, Now, false))), (QStringList{u"hit"_s, u"recent"_s}));
    CleanupRules withoutStatus = rules;
    withoutStatus.failedOnly = false;
    QCOMPARE(sorted(ids(withoutStatus.evaluate(images, Now, false))), (QStringList{u"hit"_s, u"working"_s}));
    CleanupRules withoutNamespace = rules;
    withoutNamespace.namespacePattern.clear();
    QCOMPARE(sorted(ids(withoutNamespace.evaluate(images, Now, false))),
             (QStringList{u"elsewhere"_s, u"hit"_s}));
    CleanupRules withoutSize = rules;
    withoutSize.sizeAboveKb.reset();
    QCOMPARE(sorted(ids(withoutSize.evaluate(images, Now, false))), (QStringList{u"hit"_s, u"small"_s}));
}

void TestCleanupRules::keepNewestCombinedWithSize()
{
    // The ranking covers every version; the size rule then filters what is left. The big newest version is
    // kept (ranked first), the small old one is left alone by the size rule.
    const QList<Image> images{
        make({.id = u"newest-big"_s, .createdDaysAgo = 1, .sizeKb = 9 * Gb}),
        make({.id = u"second-small"_s, .createdDaysAgo = 2, .sizeKb = 10}),
        make({.id = u"third-big"_s, .createdDaysAgo = 3, .sizeKb = 8 * Gb}),
        make({.id = u"fourth-small"_s, .createdDaysAgo = 4, .sizeKb = 20}),
    };
    CleanupRules rules;
    rules.keepNewestPerName = 1;
    rules.sizeAboveKb = Gb;
    QCOMPARE(ids(rules.evaluate(images, Now, false)), (QStringList{u"third-big"_s}));
}

void TestCleanupRules::matchesAreOrderedByName()
{
    const QList<Image> images{
        make({.id = u"z-old"_s, .nameSpace = u"z"_s, .createdDaysAgo = 9}),
        make({.id = u"a-b-new"_s, .nameSpace = u"a"_s, .name = u"b"_s, .createdDaysAgo = 1}),
        make({.id = u"a-a"_s, .nameSpace = u"a"_s, .name = u"a"_s, .createdDaysAgo = 5}),
        make({.id = u"a-b-old"_s, .nameSpace = u"a"_s, .name = u"b"_s, .createdDaysAgo = 7}),
    };
    CleanupRules rules;
    rules.namePattern = u"*"_s;
    QCOMPARE(ids(rules.evaluate(images, Now, false)),
             (QStringList{u"a-a"_s, u"a-b-new"_s, u"a-b-old"_s, u"z-old"_s}));
}

void TestCleanupRules::reclaimableSpace()
{
    const QList<Image> images{
        make({.id = u"private-1"_s, .status = u"ERROR"_s, .sizeKb = 3 * Gb}),
        make({.id = u"private-2"_s, .status = u"ERROR"_s, .sizeKb = 2 * Gb}),
        make({.id = u"public"_s, .status = u"ERROR"_s, .sizeKb = 7 * Gb, .visibility = u"PUBLIC"_s}),
        make({.id = u"no-size"_s, .status = u"ERROR"_s, .sizeKb = -1}),
        make({.id = u"not-matched"_s, .sizeKb = 100 * Gb}),
    };
    CleanupRules rules;
    rules.failedOnly = true;

    const CleanupEvaluation withForce = rules.evaluate(images, Now, true);
    QCOMPARE(withForce.count(), 4);
    // SWR content goes only for private images, and only what the rules matched counts.
    QCOMPARE(withForce.reclaimableKb, 5 * Gb);
    QCOMPARE(withForce.totalSizeKb(), 12 * Gb);

    // Without force only the ModelArts registration goes: nothing is freed in SWR.
    const CleanupEvaluation withoutForce = rules.evaluate(images, Now, false);
    QCOMPARE(withoutForce.count(), 4);
    QCOMPARE(withoutForce.reclaimableKb, 0);

    QCOMPARE(CleanupRules::reclaimableKb({images.at(2)}, true), 0);
    QCOMPARE(CleanupRules::reclaimableKb({}, true), 0);
}

void TestCleanupRules::roundTrip()
{
    CleanupRules full;
    full.failedOnly = true;
    full.notUpdatedForDays = 45;
    full.keepNewestPerName = 3;
    full.sizeAboveKb = 5 * Gb;
    full.namespacePattern = u"team-*"_s;
    full.namePattern = u"tmp-*, 模型*"_s;
    full.onlyOwn = false;
    QCOMPARE(CleanupRules::fromVariant(full.toVariant()), full);

    const CleanupRules defaults;
    QCOMPARE(CleanupRules::fromVariant(defaults.toVariant()), defaults);
    QCOMPARE(CleanupRules::fromVariant({}), defaults);
}

void TestCleanupRules::roundTripThroughIniSettings()
{
    // An INI file stores numbers as text: they must come back as the same rules.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CleanupRules rules;
    rules.notUpdatedForDays = 0;
    rules.keepNewestPerName = 2;
    rules.sizeAboveKb = 123456789012LL;
    rules.namePattern = u"a,b"_s;
    {
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        settings.setValue(u"cleanup/account/rules"_s, rules.toVariant());
    }
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    QCOMPARE(CleanupRules::fromVariant(settings.value(u"cleanup/account/rules"_s).toMap()), rules);
}

void TestCleanupRules::fromVariantIsLenient()
{
    const QVariantMap map{{u"failedOnly"_s, true},
                          {u"notUpdatedForDays"_s, u"soon"_s},
                          {u"keepNewestPerName"_s, -4},
                          {u"sizeAboveKb"_s, u"12"_s},
                          {u"namePattern"_s, 42}};
    const CleanupRules rules = CleanupRules::fromVariant(map);
    QVERIFY(rules.failedOnly);
    QVERIFY(!rules.notUpdatedForDays.has_value());
    QCOMPARE(rules.keepNewestPerName, std::optional<int>(0));
    QCOMPARE(rules.sizeAboveKb, std::optional<qint64>(12));
    QCOMPARE(rules.namePattern, u"42"_s);
    QVERIFY(rules.onlyOwn);
}

void TestCleanupRules::previewModelChecksAndTotals()
{
    const QList<Image> images{
        make({.id = u"p1"_s, .status = u"ERROR"_s, .sizeKb = 2 * Gb}),
        make({.id = u"p2"_s, .status = u"ERROR"_s, .sizeKb = 3 * Gb}),
        make({.id = u"pub"_s, .status = u"ERROR"_s, .sizeKb = 4 * Gb, .visibility = u"PUBLIC"_s}),
    };
    CleanupRules rules;
    rules.failedOnly = true;

    CleanupPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &CleanupPreviewModel::checkedChanged);
    model.setEvaluation(rules.evaluate(images, Now, true));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.checkedCount(), 3);
    QCOMPARE(model.checkedSizeKb(), 9 * Gb);
    QCOMPARE(model.checkedReclaimableKb(true), 5 * Gb);
    QCOMPARE(model.checkedReclaimableKb(false), 0);
    QVERIFY(model.flags(model.index(0, CleanupPreviewModel::Name)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, CleanupPreviewModel::Size)) & Qt::ItemIsUserCheckable));

    // Untick p2 through the view's path (setData with CheckStateRole).
    const int row = model.imageAt(0).id == u"p2"_s ? 0 : (model.imageAt(1).id == u"p2"_s ? 1 : 2);
    changed.clear();
    QVERIFY(model.setData(model.index(row, CleanupPreviewModel::Name), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(row, CleanupPreviewModel::Name).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    QCOMPARE(model.checkedCount(), 2);
    QCOMPARE(model.checkedSizeKb(), 6 * Gb);
    QCOMPARE(model.checkedReclaimableKb(true), 2 * Gb);
    QStringList checkedIds;
    for (const Image &image : model.checkedImages())
        checkedIds.append(image.id);
    QCOMPARE(sorted(checkedIds), (QStringList{u"p1"_s, u"pub"_s}));

    model.setAllChecked(false);
    QCOMPARE(model.checkedCount(), 0);
    QCOMPARE(model.checkedReclaimableKb(true), 0);
    model.setAllChecked(true);
    QCOMPARE(model.checkedCount(), 3);

    // Sort values are raw.
    QCOMPARE(model.index(0, CleanupPreviewModel::Size).data(CleanupPreviewModel::SortRole).toLongLong(),
             model.imageAt(0).sizeKb);
}

void TestCleanupRules::previewModelKeepsUntickedAcrossEvaluations()
{
    QList<Image> images{make({.id = u"a"_s, .status = u"ERROR"_s}),
                        make({.id = u"b"_s, .status = u"ERROR"_s})};
    CleanupRules rules;
    rules.failedOnly = true;
    CleanupPreviewModel model;
    model.setEvaluation(rules.evaluate(images, Now, false));
    model.setChecked(u"a"_s, false);

    // The rules change (a drops out), then change back (a returns): the user's choice stands.
    CleanupRules narrower = rules;
    narrower.namePattern = u"nothing"_s;
    model.setEvaluation(narrower.evaluate(images, Now, false));
    QCOMPARE(model.rowCount(), 0);
    model.setEvaluation(rules.evaluate(images, Now, false));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.isChecked(u"a"_s));
    QVERIFY(model.isChecked(u"b"_s));
    QCOMPARE(model.checkedCount(), 1);
}

void TestCleanupRules::previewModelReasons()
{
    CleanupMatch match;
    match.image = make({.id = u"x"_s, .status = u"CREATE_FAILED"_s});
    match.rules = CleanupRuleSet(CleanupRule::Failed) | CleanupRule::NotUpdated;
    match.idleDays = 40;
    match.rankInName = 0;
    QCOMPARE(CleanupPreviewModel::reasonText(match), u"Failed to save · Not updated for 40 day(s)"_s);
    match.image.status = u"ACTIVE"_s;
    match.rules = CleanupRuleSet(CleanupRule::NotUpdated) | CleanupRule::KeepNewest;
    match.idleDays = 1;
    match.rankInName = 4;
    QCOMPARE(CleanupPreviewModel::reasonText(match), u"Not updated for 1 day(s) · 3 newer version(s)"_s);
}

void TestCleanupRules::reasonsNameExactlyTheRulesThatAreSet()
{
    // 769 days old and failed, but neither the age rule nor the failed rule is set: neither is a reason.
    const QList<Image> images{make({.id = u"old"_s,
                                    .nameSpace = u"tmp-ci"_s,
                                    .name = u"scratch-gpu"_s,
                                    .status = u"CREATE_FAILED"_s,
                                    .createdDaysAgo = 769,
                                    .sizeKb = 20 * Gb})};
    CleanupRules rules;
    rules.sizeAboveKb = 10 * Gb;
    rules.namespacePattern = u"prod, tmp-*"_s;
    rules.namePattern = u"scratch-*"_s;
    const CleanupEvaluation evaluation = rules.evaluate(images, Now, false);
    QCOMPARE(evaluation.count(), 1);
    const QString reason = CleanupPreviewModel::reasonText(evaluation.matches.constFirst());
    QVERIFY2(!reason.contains(u"day"_s), qPrintable(reason));
    QVERIFY2(!reason.contains(u"Failed"_s), qPrintable(reason));
    QVERIFY2(reason.contains(u"larger than 10"_s), qPrintable(reason));
    QVERIFY2(reason.contains(u"Namespace matches tmp-*"_s), qPrintable(reason));
    QVERIFY2(reason.contains(u"Name matches scratch-*"_s), qPrintable(reason));
    QCOMPARE(reason.count(u" · "_s), 2);

    // The same image under the age rule alone: that rule, and only it.
    CleanupRules byAge;
    byAge.notUpdatedForDays = 365;
    const CleanupEvaluation aged = byAge.evaluate(images, Now, false);
    QCOMPARE(aged.count(), 1);
    QCOMPARE(CleanupPreviewModel::reasonText(aged.matches.constFirst()), u"Not updated for 769 day(s)"_s);

    // Keep-newest alone: the newer versions, not the age.
    const QList<Image> versions{make({.id = u"new"_s, .tag = u"v2"_s, .createdDaysAgo = 1}),
                                make({.id = u"older"_s, .tag = u"v1"_s, .createdDaysAgo = 769})};
    CleanupRules keep;
    keep.keepNewestPerName = 1;
    const CleanupEvaluation kept = keep.evaluate(versions, Now, false);
    QCOMPARE(ids(kept), QStringList{u"older"_s});
    QCOMPARE(CleanupPreviewModel::reasonText(kept.matches.constFirst()), u"1 newer version(s)"_s);
}

void TestCleanupRules::previewModelUpdatesTheSameRowsInPlace()
{
    QList<Image> images{make({.id = u"a"_s, .status = u"ERROR"_s}),
                        make({.id = u"b"_s, .status = u"ERROR"_s})};
    CleanupRules rules;
    rules.failedOnly = true;
    CleanupPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvaluation(rules.evaluate(images, Now, false));

    // The table polled: the same images, one of them grown. No reset, so the view keeps its place.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    images[0].sizeKb = 5 * Gb;
    model.setEvaluation(rules.evaluate(images, Now, false));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.checkedSizeKb(), 5 * Gb + 1024);

    // A different set is a reset.
    images.removeLast();
    model.setEvaluation(rules.evaluate(images, Now, false));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
}

void TestCleanupRules::previewModelShowsServerTextVisiblyAndLiterally()
{
    Image image = make({.id = u"h1"_s,
                        .nameSpace = u"team\u202E"_s,
                        .name = u"<b>bold</b>"_s,
                        .tag = u"v1\n(dry run)"_s,
                        .status = u"ERROR"_s});
    image.statusMessage = u"<i>failed</i>\r\nagain"_s;
    CleanupRules rules;
    rules.failedOnly = true;
    CleanupPreviewModel model;
    model.setEvaluation(rules.evaluate({image}, Now, true));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, CleanupPreviewModel::Name).data().toString(), u"<b>bold</b>:v1\\n(dry run)"_s);
    QCOMPARE(model.index(0, CleanupPreviewModel::Namespace).data().toString(), u"team\\u{202E}"_s);
    // Tooltips that look like HTML would be rendered: they come escaped.
    QCOMPARE(model.index(0, CleanupPreviewModel::Status).data(Qt::ToolTipRole).toString(),
             u"<p style='white-space:pre'>&lt;i&gt;failed&lt;/i&gt;\\r\\nagain</p>"_s);
    QVERIFY(!model.index(0, CleanupPreviewModel::Name).data(Qt::ToolTipRole).toString().contains(u'\n'));
}

void TestCleanupRules::previewModelColumnsReadLikeTheImageTable()
{
    // The columns the preview shares with the image table show, explain and sort an image as the table does:
    // an unknown update time is an empty "Updated" (not the creation time), dates and sizes have the
    // table's long tooltips, and text sorts by the table's keys ("ns-2" before "ns-10").
    Image image = make({.id = u"x1"_s, .nameSpace = u"ns-10"_s, .status = u"ERROR"_s});
    image.updateAtMs = 0;
    image.statusMessage = u"build failed"_s;
    Image other = make({.id = u"x2"_s, .nameSpace = u"ns-2"_s, .status = u"ERROR"_s});
    CleanupEvaluation evaluation;
    evaluation.matches = {CleanupMatch{.image = image, .idleDays = 10},
                          CleanupMatch{.image = other, .idleDays = 10}};
    CleanupPreviewModel preview;
    preview.setEvaluation(evaluation);
    ImageTableModel table;
    table.setImages({image, other});

    const QList<std::pair<int, int>> shared{{CleanupPreviewModel::Namespace, ImageTableModel::Namespace},
                                            {CleanupPreviewModel::Status, ImageTableModel::Status},
                                            {CleanupPreviewModel::Size, ImageTableModel::Size},
                                            {CleanupPreviewModel::Updated, ImageTableModel::Updated},
                                            {CleanupPreviewModel::Visibility, ImageTableModel::Visibility}};
    for (const auto &[previewColumn, tableColumn] : shared) {
        QCOMPARE(preview.headerData(previewColumn, Qt::Horizontal).toString(),
                 table.headerData(tableColumn, Qt::Horizontal).toString());
        for (int row = 0; row < 2; ++row) {
            const QModelIndex mine = preview.index(row, previewColumn);
            const QModelIndex reference = table.index(table.rowOfId(preview.imageAt(row).id), tableColumn);
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::TextAlignmentRole)})
                QCOMPARE(mine.data(role), reference.data(role));
            QCOMPARE(mine.data(CleanupPreviewModel::SortRole), reference.data(ImageTableModel::SortRole));
        }
    }
    QVERIFY(preview.index(0, CleanupPreviewModel::Updated).data().toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCleanupRules)
#include "test_cleanup_rules.moc"
