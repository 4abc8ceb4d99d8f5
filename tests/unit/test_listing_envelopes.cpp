// The envelope of the workspace, image-group and usage listings: what each parser makes of a body that is no
// JSON, no object, lacks its array or carries counts that are not whole numbers, and the words it says so in.

#include "models/api/Usage.h"
#include "models/api/Workspace.h"
#include "models/groups/ImageGroup.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

// A page as "total N" (and whatever else its envelope carries), or "error: why".
template<typename Page, typename Describe> QString outcome(const QByteArray &body, Describe describe)
{
    QString why;
    const std::optional<Page> page = Page::fromJson(body, &why);
    return page ? describe(*page) : u"error: "_s + why;
}

QString workspaces(const QByteArray &body)
{
    return outcome<WorkspacePage>(body, [](const WorkspacePage &page) {
        return u"total %1, %2 workspaces"_s.arg(page.totalCount).arg(page.workspaces.size());
    });
}

QString groups(const QByteArray &body)
{
    return outcome<ImageGroupPage>(body, [](const ImageGroupPage &page) {
        return u"total %1, %2 groups"_s.arg(page.total).arg(page.groups.size());
    });
}

QString notebooks(const QByteArray &body)
{
    return outcome<NotebookPage>(body, [](const NotebookPage &page) {
        return u"total %1, %2 users"_s.arg(page.total).arg(page.users.size());
    });
}

QString trainingJobs(const QByteArray &body)
{
    return outcome<TrainingJobPage>(body, [](const TrainingJobPage &page) {
        return u"total %1, count %2, %3 users"_s.arg(page.total).arg(page.count).arg(page.users.size());
    });
}

QString services(const QByteArray &body)
{
    return outcome<ServicePage>(body, [](const ServicePage &page) {
        return u"total %1, %2 services"_s.arg(page.total).arg(page.services.size());
    });
}

// Every listing's array, empty, so that only the counts differ between the rows.
QByteArray withArrays(const QByteArray &members)
{
    return R"({"workspaces":[],"data":[],"items":[])" + (members.isEmpty() ? QByteArray() : "," + members) +
           "}";
}

} // namespace

class TestListingEnvelopes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("notebook");
        QTest::addColumn<QString>("trainingJob");
        QTest::addColumn<QString>("service");

        const QString notJson =
            u"The response is not valid JSON: invalid termination by number at offset 10"_s;
        QTest::newRow("not JSON") << QByteArray(R"({"total":1)") << u"error: "_s + notJson
                                  << u"error: "_s + notJson
                                  << u"error: invalid termination by number at offset 10"_s
                                  << u"error: invalid termination by number at offset 10"_s
                                  << u"error: invalid termination by number at offset 10"_s;
        QTest::newRow("empty body") << QByteArray()
                                    << u"error: The response is not valid JSON: illegal value at offset 0"_s
                                    << u"error: The response is not valid JSON: illegal value at offset 0"_s
                                    << u"error: illegal value at offset 0"_s
                                    << u"error: illegal value at offset 0"_s
                                    << u"error: illegal value at offset 0"_s;
        QTest::newRow("array") << QByteArray("[]") << u"error: The response is not a JSON object."_s
                               << u"error: The response is not a JSON object."_s
                               << u"error: the body is not a JSON object"_s
                               << u"error: the body is not a JSON object"_s
                               << u"error: the body is not a JSON object"_s;
        QTest::newRow("no members") << QByteArray("{}")
                                    << u"error: The response has no \"workspaces\" array."_s
                                    << u"error: The response has no \"data\" array."_s
                                    << u"error: \"total\" is missing"_s << u"error: \"total\" is missing"_s
                                    << u"error: \"total_count\" is missing"_s;
        QTest::newRow("null arrays") << QByteArray(
                                            R"({"workspaces":null,"data":null,"items":null,"total":2})")
                                     << u"error: The response has no \"workspaces\" array."_s
                                     << u"error: The response has no \"data\" array."_s
                                     << u"total 2, 0 users"_s << u"total 2, count -1, 0 users"_s
                                     << u"total 2, 0 services"_s;
        QTest::newRow("arrays not arrays")
            << QByteArray(R"({"workspaces":{},"data":{},"items":1,"total":2})")
            << u"error: The response has no \"workspaces\" array."_s
            << u"error: The response has no \"data\" array."_s << u"error: \"data\" is not an array"_s
            << u"error: \"items\" is not an array"_s << u"error: \"data\" is not an array"_s;
        QTest::newRow("no counts") << withArrays({}) << u"total -1, 0 workspaces"_s << u"total -1, 0 groups"_s
                                   << u"error: \"total\" is missing"_s << u"error: \"total\" is missing"_s
                                   << u"error: \"total_count\" is missing"_s;
        QTest::newRow("null counts") << withArrays(R"("total":null,"total_count":null,"count":null)")
                                     << u"total -1, 0 workspaces"_s << u"total -1, 0 groups"_s
                                     << u"error: \"total\" is missing"_s << u"error: \"total\" is missing"_s
                                     << u"error: \"total\" is missing"_s;
        QTest::newRow("counts") << withArrays(R"("total":5,"total_count":7,"count":3)")
                                << u"total 7, 0 workspaces"_s << u"total 5, 0 groups"_s
                                << u"total 5, 0 users"_s << u"total 5, count 3, 0 users"_s
                                << u"total 5, 0 services"_s;
        QTest::newRow("zero") << withArrays(R"("total":0,"total_count":0,"count":0)")
                              << u"total 0, 0 workspaces"_s << u"total 0, 0 groups"_s << u"total 0, 0 users"_s
                              << u"total 0, count 0, 0 users"_s << u"total 0, 0 services"_s;
        QTest::newRow("only total_count") << withArrays(R"("total_count":4)") << u"total 4, 0 workspaces"_s
                                          << u"total -1, 0 groups"_s << u"error: \"total\" is missing"_s
                                          << u"error: \"total\" is missing"_s << u"total 4, 0 services"_s;
        QTest::newRow("negative") << withArrays(R"("total":-1,"total_count":-1,"count":-1)")
                                  << u"error: The response's \"total_count\" is not an integer."_s
                                  << u"error: The response's \"total\" is not an integer."_s
                                  << u"error: \"total\" is not a count"_s
                                  << u"error: \"total\" is not a count"_s
                                  << u"error: \"total\" is not a count"_s;
        QTest::newRow("negative count")
            << withArrays(R"("total":1,"count":-1)") << u"total -1, 0 workspaces"_s << u"total 1, 0 groups"_s
            << u"total 1, 0 users"_s << u"error: \"count\" is not a count"_s << u"total 1, 0 services"_s;
        QTest::newRow("fraction") << withArrays(R"("total":1.5,"total_count":2.5)")
                                  << u"error: The response's \"total_count\" is not an integer."_s
                                  << u"error: The response's \"total\" is not an integer."_s
                                  << u"error: \"total\" is not a count"_s
                                  << u"error: \"total\" is not a count"_s
                                  << u"error: \"total\" is not a count"_s;
        QTest::newRow("string") << withArrays(R"("total":"5","total_count":"5")")
                                << u"error: The response's \"total_count\" is not an integer."_s
                                << u"error: The response's \"total\" is not an integer."_s
                                << u"error: \"total\" is not a count"_s
                                << u"error: \"total\" is not a count"_s
                                << u"error: \"total\" is not a count"_s;
        QTest::newRow("boolean") << withArrays(R"("total":true,"total_count":false)")
                                 << u"error: The response's \"total_count\" is not an integer."_s
                                 << u"error: The response's \"total\" is not an integer."_s
                                 << u"error: \"total\" is not a count"_s
                                 << u"error: \"total\" is not a count"_s
                                 << u"error: \"total\" is not a count"_s;
        // Workspaces and groups take up to 9e15, the usage listings every number a double holds exactly.
        QTest::newRow("9e15") << withArrays(R"("total":9000000000000000,"total_count":9000000000000000)")
                              << u"total 9000000000000000, 0 workspaces"_s
                              << u"total 9000000000000000, 0 groups"_s << u"total 9000000000000000, 0 users"_s
                              << u"total 9000000000000000, count -1, 0 users"_s
                              << u"total 9000000000000000, 0 services"_s;
        QTest::newRow("above 9e15") << withArrays(
                                           R"("total":9000000000000002,"total_count":9000000000000002)")
                                    << u"error: The response's \"total_count\" is not an integer."_s
                                    << u"error: The response's \"total\" is not an integer."_s
                                    << u"total 9000000000000002, 0 users"_s
                                    << u"total 9000000000000002, count -1, 0 users"_s
                                    << u"total 9000000000000002, 0 services"_s;
        QTest::newRow("2^53") << withArrays(R"("total":9007199254740992)") << u"total -1, 0 workspaces"_s
                              << u"error: The response's \"total\" is not an integer."_s
                              << u"total 9007199254740992, 0 users"_s
                              << u"total 9007199254740992, count -1, 0 users"_s
                              << u"total 9007199254740992, 0 services"_s;
        QTest::newRow("above 2^53") << withArrays(R"("total":9007199254740994)")
                                    << u"total -1, 0 workspaces"_s
                                    << u"error: The response's \"total\" is not an integer."_s
                                    << u"error: \"total\" is not a count"_s
                                    << u"error: \"total\" is not a count"_s
                                    << u"error: \"total\" is not a count"_s;
    }

    void envelopes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, workspace);
        QFETCH(QString, group);
        QFETCH(QString, notebook);
        QFETCH(QString, trainingJob);
        QFETCH(QString, service);
        QCOMPARE(workspaces(body), workspace);
        QCOMPARE(groups(body), group);
        QCOMPARE(notebooks(body), notebook);
        QCOMPARE(trainingJobs(body), trainingJob);
        QCOMPARE(services(body), service);
    }
};

QTEST_GUILESS_MAIN(TestListingEnvelopes)
#include "test_listing_envelopes.moc"
