// RegisterImage through the real ApiClient against an in-process sandbox: the form's request registers an
// image that then shows in the catalog; the form's SWR path check agrees with the server's.

#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageTableModel.h"
#include "models/groups/RegisterImageRequest.h"
#include "SandboxFixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr int TimeoutMs = 20000;

struct Answer
{
    bool finished = false;
    bool succeeded = false;
    ApiError error;
    std::optional<Image> image;
};

Answer send(ApiClient &client, const QJsonObject &body)
{
    Answer answer;
    ApiCall *call = client.registerImage(body);
    QObject::connect(call, &ApiCall::finished, call, [&answer, call] {
        answer.finished = true;
        answer.succeeded = call->succeeded();
        answer.error = call->error();
        answer.image = call->image();
    });
    if (!QTest::qWaitFor([&answer] { return answer.finished; }, TimeoutMs))
        answer.error.detail = u"no answer within the time limit"_s;
    return answer;
}

} // namespace

class TestRegisterImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registeredImageAppearsInCatalog();
    void duplicateIsRefused();
    void formAgreesWithServer_data();
    void formAgreesWithServer();

private:
    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
};

void TestRegisterImage::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(20, 5);
    QVERIFY(m_sandbox->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    ConnectionSettings settings = m_sandbox->akskSettings();
    settings.retry.maxAttempts = 1;
    m_client = std::make_unique<ApiClient>(m_network.get(), settings);
}

void TestRegisterImage::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_sandbox.reset();
}

void TestRegisterImage::registeredImageAppearsInCatalog()
{
    ImageTableModel table;
    ImageCatalog catalog(&table);
    catalog.setClient(m_client.get());
    QSignalSpy loaded(&catalog, &ImageCatalog::loaded);
    catalog.refresh();
    QVERIFY(loaded.wait(TimeoutMs));
    const int before = table.rowCount();

    RegisterImageRequest request;
    request.swrPath = u"swr.cn-north-4.myhuaweicloud.com/lab/fresh-model:v1.0"_s;
    request.arch = u"AARCH64"_s;
    request.resourceCategories = {u"ASCEND"_s};
    request.services = {u"NOTEBOOK"_s};
    request.serviceType = u"TRAIN"_s;
    request.visibility = u"PUBLIC"_s;
    request.description = u"注册的镜像, with \"quotes\""_s;
    request.tags = {{u"team"_s, u"nlp"_s}, {u"owner"_s, QString()}};
    QVERIFY(request.problems().isEmpty());

    const Answer answer = send(*m_client, request.toJson());
    QVERIFY2(answer.succeeded, qPrintable(answer.error.fullText()));
    QVERIFY(answer.image);
    const Image &image = *answer.image;
    QVERIFY(!image.id.isEmpty());
    QCOMPARE(image.nameSpace, u"lab"_s);
    QCOMPARE(image.name, u"fresh-model"_s);
    QCOMPARE(image.tag, u"v1.0"_s);
    QCOMPARE(image.swrPath, request.swrPath);
    QCOMPARE(image.normalizedArch(), u"AARCH64"_s);
    QCOMPARE(image.visibility, u"PUBLIC"_s);
    QCOMPARE(image.serviceType, u"TRAIN"_s);
    QCOMPARE(image.resourceCategories, QStringList{u"ASCEND"_s});
    QCOMPARE(image.devServices, QStringList{u"NOTEBOOK"_s});
    QCOMPARE(image.description, request.description);
    QCOMPARE(image.tags, request.tags);
    QVERIFY(!m_sandbox->imageState(image.id).value(u"deleted"_s).toBool());

    // The catalog lists it on the next refresh, with the same fields.
    loaded.clear();
    catalog.refresh();
    QVERIFY(loaded.wait(TimeoutMs));
    QCOMPARE(table.rowCount(), before + 1);
    const int row = table.rowOfId(image.id);
    QVERIFY(row >= 0);
    QCOMPARE(table.imageAt(row).swrPath, request.swrPath);
    QCOMPARE(table.imageAt(row).status, u"ACTIVE"_s);
}

void TestRegisterImage::duplicateIsRefused()
{
    RegisterImageRequest request;
    request.swrPath = u"swr.cn-north-4.myhuaweicloud.com/lab/twice:v1"_s;
    QVERIFY(send(*m_client, request.toJson()).succeeded);
    const Answer second = send(*m_client, request.toJson());
    QVERIFY(!second.succeeded);
    QCOMPARE(second.error.code, u"ModelArts.6737"_s);
    QVERIFY(!second.error.fullText().isEmpty());
}

void TestRegisterImage::formAgreesWithServer_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("full") << u"swr.cn-north-4.myhuaweicloud.com/lab/agree-1:v1"_s;
    QTest::newRow("port") << u"registry.example.com:5000/lab/agree-2:2024.05"_s;
    QTest::newRow("no registry") << u"lab/agree-three:release_1"_s;
    QTest::newRow("missing tag") << u"swr.cn-north-4.myhuaweicloud.com/lab/agree-4"_s;
    QTest::newRow("upper-case name") << u"swr.cn-north-4.myhuaweicloud.com/lab/Agree:v1"_s;
    QTest::newRow("space") << u"swr.cn-north-4.myhuaweicloud.com/lab/agree 6:v1"_s;
    QTest::newRow("too short") << u"lab/a:b"_s;
    QTest::newRow("too many parts") << u"swr.cn-north-4.myhuaweicloud.com/lab/x/agree:v1"_s;
    QTest::newRow("namespace digit") << u"swr.cn-north-4.myhuaweicloud.com/9lab/agree:v1"_s;
    QTest::newRow("bad tag") << u"swr.cn-north-4.myhuaweicloud.com/lab/agree:-v1"_s;
}

void TestRegisterImage::formAgreesWithServer()
{
    QFETCH(QString, path);
    RegisterImageRequest request;
    request.swrPath = path;
    const bool formAccepts = request.problems().isEmpty();
    const Answer answer = send(*m_client, request.toJson());
    QCOMPARE(answer.succeeded, formAccepts);
    if (!formAccepts)
        QCOMPARE(answer.error.httpStatus, 400);
}

QTEST_GUILESS_MAIN(TestRegisterImage)
#include "test_register_image.moc"
