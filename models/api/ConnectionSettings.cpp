#include "models/api/ConnectionSettings.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool reject(QString *whyNot, const QString &reason)
{
    if (whyNot)
        *whyNot = reason;
    return false;
}

} // namespace

bool Credentials::isComplete() const
{
    switch (method) {
    case AuthMethod::AkSk:
        return !accessKey.isEmpty() && !secretKey.isEmpty();
    case AuthMethod::Password:
        return !userName.isEmpty() && !domainName.isEmpty() && !password.isEmpty();
    }
    return false;
}

bool isAcceptableEndpoint(const QUrl &url, QString *whyNot)
{
    if (!url.isValid())
        return reject(whyNot, QCoreApplication::translate("mim::ConnectionSettings",
                                                          "The address is not a valid URL."));
    if (url.host().isEmpty())
        return reject(
            whyNot, QCoreApplication::translate("mim::ConnectionSettings", "The address has no host name."));
    const QString scheme = url.scheme().toLower();
    if (scheme == "https"_L1)
        return true;
    if (scheme == "http"_L1) {
        if (isLoopbackHost(url.host()))
            return true;
        return reject(whyNot,
                      QCoreApplication::translate(
                          "mim::ConnectionSettings",
                          "Plain http:// is only allowed for this computer (localhost, 127.0.0.1 or ::1); "
                          "use https:// for %1.")
                          .arg(url.host()));
    }
    return reject(whyNot, QCoreApplication::translate("mim::ConnectionSettings",
                                                      "Only https:// addresses are supported."));
}

} // namespace mim
