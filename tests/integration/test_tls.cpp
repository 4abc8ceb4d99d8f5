// TLS against the sandbox serving HTTPS: a self-signed certificate is refused with the certificate for the
// user to see, a certificate from a private CA is accepted only when the profile names that CA's file, and
// the main window shows the certificate (with its SHA-256 fingerprint) when a load fails on it.
// Certificates: tests/data/tls (see its README).

#include "ErrorKindPrinting.h"
#include "MainWindowFixture.h"
#include "models/accounts/Profile.h"
#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/accounts/CertificateErrorDialog.h"
#include "views/common/AppServices.h"
#include "views/main/MainWindow.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;

namespace {

QString tlsFile(const QString &name)
{
    return QDir(qEnvironmentVariable("MIM_TEST_DATA_DIR")).filePath(u"tls/"_s + name);
}

sandbox::SandboxOptions httpsOptions(const QString &certificate, const QString &key)
{
    sandbox::SandboxOptions options;
    options.imageCount = 20;
    options.tlsCertificateFile = tlsFile(certificate);
    options.tlsKeyFile = tlsFile(key);
    return options;
}

struct CallOutcome
{
    bool finished = false;
    ApiError error;
    QList<QSslCertificate> chain;
};

CallOutcome listOnePage(ApiClient &client)
{
    auto outcome = std::make_shared<CallOutcome>();
    ApiCall *call = client.listImagesPage(ListQuery(), 0, 10);
    QObject::connect(call, &ApiCall::finished, call, [call, outcome] {
        outcome->finished = true;
        outcome->error = call->error();
        outcome->chain = call->peerCertificateChain();
    });
    if (!QTest::qWaitFor([&] { return outcome->finished; }, 30000))
        qWarning("the call did not finish in time");
    return *outcome;
}

ConnectionSettings withoutRetries(ConnectionSettings settings)
{
    settings.retry.maxAttempts = 1;
    return settings;
}

QSslCertificate certificateIn(const QString &name)
{
    QFile file(tlsFile(name));
    const QList<QSslCertificate> certificates = file.open(QIODevice::ReadOnly)
                                                    ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
                                                    : QList<QSslCertificate>();
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

CertificateErrorDialog *findCertificateDialog()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *dialog = qobject_cast<CertificateErrorDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selfSignedIsRefusedWithTheChain();
    void privateCaIsTrustedOnlyWhenNamed();
    void caFileDoesNotTrustASelfSignedServer();
    void dialogDescribesTheCertificate();
    void mainWindowShowsTheCertificateOnLoadFailure();

private:
    QNetworkAccessManager m_network;
};

void TestTls::initTestCase()
{
    QVERIFY2(QFile::exists(tlsFile(u"ca.pem"_s)), qPrintable(tlsFile(u"ca.pem"_s)));
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend");
}

void TestTls::selfSignedIsRefusedWithTheChain()
{
    SandboxFixture sandbox(httpsOptions(u"selfsigned.pem"_s, u"selfsigned.key"_s));
    QVERIFY(sandbox.start());
    QCOMPARE(sandbox.baseUrl().scheme(), u"https"_s);
    ApiClient client(&m_network, withoutRetries(sandbox.akskSettings()));

    const CallOutcome outcome = listOnePage(client);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, ErrorKind::Tls);
    QVERIFY(!outcome.error.summary().isEmpty());
    QVERIFY(!outcome.chain.isEmpty());
    QCOMPARE(outcome.chain.first(), certificateIn(u"selfsigned.pem"_s));
    QCOMPARE(sandbox.state().value("counters"_L1).toObject().value("requests"_L1).toInt(), 0);
}

void TestTls::privateCaIsTrustedOnlyWhenNamed()
{
    SandboxFixture sandbox(httpsOptions(u"server.pem"_s, u"server.key"_s));
    QVERIFY(sandbox.start());

    {
        ApiClient untrusting(&m_network, withoutRetries(sandbox.akskSettings()));
        const CallOutcome refused = listOnePage(untrusting);
        QCOMPARE(refused.error.kind, ErrorKind::Tls);
        QVERIFY(!refused.chain.isEmpty());
        QCOMPARE(refused.chain.first(), certificateIn(u"server.pem"_s));
    }

    ConnectionSettings settings = withoutRetries(sandbox.akskSettings());
    settings.caCertificatesFile = tlsFile(u"ca.pem"_s);
    ApiClient trusting(&m_network, settings);
    const CallOutcome accepted = listOnePage(trusting);
    QVERIFY2(!accepted.error.isError(), qPrintable(accepted.error.fullText()));
}

void TestTls::caFileDoesNotTrustASelfSignedServer()
{
    SandboxFixture sandbox(httpsOptions(u"selfsigned.pem"_s, u"selfsigned.key"_s));
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withoutRetries(sandbox.akskSettings());
    settings.caCertificatesFile = tlsFile(u"ca.pem"_s);
    ApiClient client(&m_network, settings);
    const CallOutcome outcome = listOnePage(client);
    QCOMPARE(outcome.error.kind, ErrorKind::Tls);
}

void TestTls::dialogDescribesTheCertificate()
{
    const QSslCertificate certificate = certificateIn(u"selfsigned.pem"_s);
    QVERIFY(!certificate.isNull());
    // The same digest `openssl x509 -fingerprint -sha256` prints.
    const QString fingerprint = CertificateErrorDialog::sha256Fingerprint(certificate);
    QCOMPARE(fingerprint.size(), 32 * 3 - 1);
    QCOMPARE(
        fingerprint,
        QString::fromLatin1(
            QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256).toHex(':').toUpper()));

    CertificateErrorDialog dialog(u"127.0.0.1"_s, {certificate}, u"The certificate is self-signed"_s, true);
    const QString text = dialog.detailsText();
    QVERIFY(text.contains(fingerprint));
    QVERIFY(text.contains(u"MIM Self-Signed"_s)); // subject and issuer
    QVERIFY(text.contains(u"self-signed"_s));
    QVERIFY(text.contains(u"Valid from"_s));
    QSignalSpy edit(&dialog, &CertificateErrorDialog::editAccountRequested);
    QPushButton *editButton = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().contains(u"Edit Account"_s))
            editButton = button;
    }
    QVERIFY(editButton);
    editButton->click();
    QCOMPARE(edit.count(), 1);
}

void TestTls::mainWindowShowsTheCertificateOnLoadFailure()
{
    SandboxFixture sandbox(httpsOptions(u"selfsigned.pem"_s, u"selfsigned.key"_s));
    QVERIFY(sandbox.start());
    test::MainWindowFixture fixture(u"mim-tls-test"_s);
    QVERIFY(fixture.isValid());
    MainWindow &window = fixture.openWindow();

    window.connectTo(u"Self-signed"_s, withoutRetries(sandbox.akskSettings()));
    QTRY_VERIFY_WITH_TIMEOUT(window.catalog()->state() == ImageCatalog::State::Failed, 30000);
    QCOMPARE(window.catalog()->lastError().kind, ErrorKind::Tls);
    QTRY_VERIFY_WITH_TIMEOUT(findCertificateDialog() != nullptr, 30000);
    CertificateErrorDialog *dialog = findCertificateDialog();
    QVERIFY(!dialog->isModal());
    QVERIFY(dialog->detailsText().contains(
        CertificateErrorDialog::sha256Fingerprint(certificateIn(u"selfsigned.pem"_s))));
    dialog->close();
}

QTEST_MAIN(TestTls)
#include "test_tls.moc"
