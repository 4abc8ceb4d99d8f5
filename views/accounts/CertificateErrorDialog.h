#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>

class QPlainTextEdit;

namespace mim {

// Shown when the server's certificate is not trusted: what the certificate is (subject, issuer, validity,
// SHA-256 fingerprint), what is wrong with it, and how to trust it on purpose, by naming the CA file that
// signed it in the account's settings. Nothing here can make the app ignore the error.
class CertificateErrorDialog : public QDialog
{
    Q_OBJECT
public:
    // `chain` is the server's chain, leaf first (ApiCall::peerCertificateChain()); `errors` is the client's
    // description of what failed. With `canEditAccount` an "Edit Account…" button emits
    // editAccountRequested().
    CertificateErrorDialog(const QString &host, const QList<QSslCertificate> &chain, const QString &errors,
                           bool canEditAccount, QWidget *parent = nullptr);

    // "AB:CD:…", the SHA-256 digest of the DER form, as browsers and `openssl x509 -fingerprint -sha256` show
    // it.
    static QString sha256Fingerprint(const QSslCertificate &certificate);
    // Subject, issuer, validity and fingerprint of each certificate of the chain, as plain text.
    static QString describeChain(const QList<QSslCertificate> &chain);

    QString detailsText() const;

Q_SIGNALS:
    void editAccountRequested();

private:
    QPlainTextEdit *m_details = nullptr;
};

} // namespace mim
