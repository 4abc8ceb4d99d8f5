#include "views/accounts/CertificateErrorDialog.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

QString names(const QStringList &values)
{
    return values.join(u", "_s);
}

QString distinguishedName(const QSslCertificate &certificate, bool subject)
{
    const auto info = [&](QSslCertificate::SubjectInfo field) {
        return names(subject ? certificate.subjectInfo(field) : certificate.issuerInfo(field));
    };
    QStringList parts;
    if (const QString cn = info(QSslCertificate::CommonName); !cn.isEmpty())
        parts.append(u"CN="_s + cn);
    if (const QString o = info(QSslCertificate::Organization); !o.isEmpty())
        parts.append(u"O="_s + o);
    if (const QString ou = info(QSslCertificate::OrganizationalUnitName); !ou.isEmpty())
        parts.append(u"OU="_s + ou);
    if (const QString c = info(QSslCertificate::CountryName); !c.isEmpty())
        parts.append(u"C="_s + c);
    return parts.join(u", "_s);
}

} // namespace

QString CertificateErrorDialog::sha256Fingerprint(const QSslCertificate &certificate)
{
    const QByteArray digest = QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString CertificateErrorDialog::describeChain(const QList<QSslCertificate> &chain)
{
    QStringList blocks;
    const QLocale locale;
    for (int i = 0; i < chain.size(); ++i) {
        const QSslCertificate &certificate = chain.at(i);
        QStringList lines;
        lines.append(i == 0 ? tr("Server certificate") : tr("Certificate %1 of the chain").arg(i + 1));
        lines.append(tr("Subject: %1").arg(distinguishedName(certificate, true)));
        lines.append(tr("Issuer: %1").arg(distinguishedName(certificate, false)));
        lines.append(
            tr("Valid from %1 to %2")
                .arg(locale.toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                     locale.toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat)));
        lines.append(tr("SHA-256 fingerprint: %1").arg(sha256Fingerprint(certificate)));
        if (certificate.isSelfSigned())
            lines.append(
                tr("It is self-signed: it vouches for itself, and no authority you trust vouches for it."));
        blocks.append(lines.join(u'\n'));
    }
    if (blocks.isEmpty())
        return tr("The server sent no certificate.");
    return blocks.join(u"\n\n"_s);
}

CertificateErrorDialog::CertificateErrorDialog(const QString &host, const QList<QSslCertificate> &chain,
                                               const QString &errors, bool canEditAccount, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Untrusted Certificate"));
    setObjectName(u"CertificateErrorDialog"_s);

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    auto *headline =
        new QLabel(tr("<b>The connection to %1 was refused because its certificate is not trusted.</b>")
                       .arg(host.toHtmlEscaped()),
                   this);
    headline->setWordWrap(true);
    auto *explanation = new QLabel(
        tr("Someone may be intercepting the connection, or the server uses a certificate from a private "
           "authority. If you know this certificate is right, trust it by naming the CA file (PEM) that "
           "signed "
           "it as “CA certificate” in the account's settings. The app never connects while ignoring a "
           "certificate error."),
        this);
    explanation->setWordWrap(true);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"certificateDetails"_s);
    m_details->setReadOnly(true);
    m_details->setPlainText(tr("Problem: %1").arg(errors) + u"\n\n"_s + describeChain(chain));
    m_details->setMinimumSize(520, 220);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (canEditAccount) {
        QPushButton *edit = buttons->addButton(tr("Edit Account…"), QDialogButtonBox::ActionRole);
        connect(edit, &QPushButton::clicked, this, [this] {
            Q_EMIT editAccountRequested();
            accept();
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->addWidget(headline);
    texts->addWidget(explanation);
    top->addLayout(texts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
}

QString CertificateErrorDialog::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace mim
