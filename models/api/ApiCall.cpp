#include "models/api/ApiClient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mim {

ApiCall::ApiCall(QObject *parent)
    : QObject(parent)
{}

QByteArray ApiCall::responseHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject ApiCall::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

std::optional<Image> ApiCall::image() const
{
    const QJsonObject object = json();
    if (object.isEmpty())
        return std::nullopt;
    return Image::fromJson(object);
}

std::optional<bool> ApiCall::imageIsGone() const
{
    if (m_error.kind == ErrorKind::NotFound)
        return true;
    if (!succeeded())
        return std::nullopt;
    const std::optional<Image> shown = image();
    if (!shown)
        return std::nullopt;
    return shown->status == "DELETED"_L1;
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (auto abort = std::exchange(m_abortCurrent, nullptr))
        abort();
    finish(ApiError::make(ErrorKind::Cancelled, tr("Cancelled before it finished.")));
}

void ApiCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_abortCurrent = nullptr;
    Q_EMIT finished();
    deleteLater();
}

} // namespace mim
