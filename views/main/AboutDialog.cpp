#include "views/main/AboutDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

AboutDialog::AboutDialog(UrlOpener opener, QWidget *parent)
    : QDialog(parent)
    , m_opener(std::move(opener))
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About ModelArts Image Manager"));

    const QString link = u"<a href=\"%1\">%2</a>"_s;
    const QString homepage = ProjectLinks::homepage().toString();
    const QString bugTracker = ProjectLinks::bugTracker().toString();
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"aboutSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_summary->setOpenExternalLinks(false);
    m_summary->setText(
        tr("<h3>ModelArts Image Manager %1</h3>"
           "<p>Lists, inspects and cleans up the container images of Huawei Cloud ModelArts.</p>"
           "<p>Every deletion is recorded in a journal; credentials stay in the system keychain.</p>")
            .arg(QStringLiteral(MIM_VERSION)) +
        u"<p>"_s + tr("Released under the MIT licence.") + u"</p><p>"_s +
        tr("Homepage and documentation: %1").arg(link.arg(homepage, homepage.toHtmlEscaped())) + u"<br>"_s +
        tr("Report a bug: %1").arg(link.arg(bugTracker, bugTracker.toHtmlEscaped())) + u"</p>"_s);
    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &url) { openLink(QUrl(url)); });

    auto *noticesTitle = new QLabel(tr("Third-party notices:"), this);
    m_notices = new QTextBrowser(this);
    m_notices->setObjectName(u"thirdPartyNotices"_s);
    m_notices->setAccessibleName(tr("Third-party notices"));
    m_notices->setOpenLinks(false);
    m_notices->setMarkdown(thirdPartyNotices());
    noticesTitle->setBuddy(m_notices);
    connect(m_notices, &QTextBrowser::anchorClicked, this, &AboutDialog::openLink);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(noticesTitle);
    layout->addWidget(m_notices, 1);
    layout->addWidget(buttons);
    resize(640, 560);
}

QString AboutDialog::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

QString AboutDialog::noticesText() const
{
    return m_notices->toPlainText();
}

QString AboutDialog::thirdPartyNotices()
{
    QFile file(u":/about/THIRD-PARTY-NOTICES.md"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void AboutDialog::openLink(const QUrl &url)
{
    openUrlOrShowIt(m_opener, url, this);
}

} // namespace mim
