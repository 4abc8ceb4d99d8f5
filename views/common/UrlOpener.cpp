#include "views/common/UrlOpener.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace mim {

bool openUrlOrShowIt(const UrlOpener &opener, const QUrl &url, QWidget *parent)
{
    const bool opened = opener ? opener(url) : QDesktopServices::openUrl(url);
    if (opened)
        return true;
    const QString address =
        url.isLocalFile() ? QDir::toNativeSeparators(url.toLocalFile()) : url.toString(QUrl::FullyEncoded);
    auto *box = new QMessageBox(
        QMessageBox::Information, QCoreApplication::translate("mim::UrlOpener", "Could Not Open"),
        url.isLocalFile()
            ? QCoreApplication::translate("mim::UrlOpener", "No file manager could open this folder:")
            : QCoreApplication::translate("mim::UrlOpener", "No web browser could open this address:"),
        QMessageBox::Close, parent);
    box->setObjectName(u"openUrlFailedNotice"_s);
    // The address is text to select and copy, never markup; the message box guesses the informative
    // text's format, so its label gets one.
    box->setInformativeText(address);
    if (auto *informative = box->findChild<QLabel *>(u"qt_msgbox_informativelabel"_s))
        informative->setTextFormat(Qt::PlainText);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPushButton *copy =
        box->addButton(QCoreApplication::translate("mim::UrlOpener", "&Copy"), QMessageBox::ActionRole);
    copy->setObjectName(u"copyAddressButton"_s);
    QObject::connect(copy, &QPushButton::clicked, box,
                     [address] { QGuiApplication::clipboard()->setText(address); });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
    return false;
}

namespace ProjectLinks {

QUrl homepage()
{
    return QUrl(QStringLiteral(MIM_HOMEPAGE_URL));
}

QUrl documentation()
{
    return QUrl(QStringLiteral(MIM_HOMEPAGE_URL "#readme"));
}

QUrl bugTracker()
{
    return QUrl(QStringLiteral(MIM_HOMEPAGE_URL "/issues"));
}

} // namespace ProjectLinks

} // namespace mim
