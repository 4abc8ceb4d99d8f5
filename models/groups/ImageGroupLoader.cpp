#include "models/groups/ImageGroupLoader.h"

#include "models/api/ApiClient.h"
#include "models/common/ModelsLogging.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace mim {

ImageGroupLoader::ImageGroupLoader(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QUrlQuery ImageGroupLoader::ownGroupsQuery()
{
    QUrlQuery query;
    query.addQueryItem(u"type"_s, u"DEDICATED"_s);
    return query;
}

void ImageGroupLoader::load(const QUrlQuery &filter)
{
    cancel();
    ++m_generation;
    m_filter = filter;
    m_filter.removeAllQueryItems(u"limit"_s);
    m_filter.removeAllQueryItems(u"offset"_s);
    m_groups.clear();
    m_skipped.clear();
    m_error = {};
    m_offset = 0;
    m_pages = 0;
    m_loading = true;
    if (!m_client) {
        finish(ApiError::make(ErrorKind::Cancelled, tr("Not connected to an account.")));
        return;
    }
    requestPage();
}

void ImageGroupLoader::cancel()
{
    if (!m_loading)
        return;
    ++m_generation;
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
    finish(ApiError::make(ErrorKind::Cancelled, QString()));
}

void ImageGroupLoader::requestPage()
{
    QUrlQuery query = m_filter;
    query.addQueryItem(u"limit"_s, QString::number(PageSize));
    query.addQueryItem(u"offset"_s, QString::number(m_offset));
    ApiCall *call = m_client->listImageGroups(query);
    m_call = call;
    const int generation = m_generation;
    connect(call, &ApiCall::finished, this, [this, call, generation] {
        if (generation == m_generation)
            onPage(call);
    });
}

void ImageGroupLoader::onPage(ApiCall *call)
{
    m_call = nullptr;
    if (!call->succeeded()) {
        finish(call->error());
        return;
    }
    QString why;
    const std::optional<ImageGroupPage> page = ImageGroupPage::fromJson(call->body(), &why);
    if (!page) {
        ApiError error = ApiError::make(ErrorKind::BadResponse, why);
        error.requestId = call->requestId();
        finish(error);
        return;
    }
    ++m_pages;
    m_skipped += page->skippedRecords;
    // A group that slides from one page to the next while someone deletes must not appear twice.
    // Groups listed without an id are told apart by namespace/name, which a group's id stands for anyway.
    const auto identity = [](const ImageGroup &group) {
        return group.hasId() ? group.id : u"\n"_s + group.key();
    };
    QSet<QString> known;
    for (const ImageGroup &group : std::as_const(m_groups))
        known.insert(identity(group));
    for (const ImageGroup &group : page->groups) {
        if (!known.contains(identity(group))) {
            known.insert(identity(group));
            m_groups.append(group);
        }
    }
    const qsizetype received = page->groups.size() + page->skippedRecords.size();
    m_offset += received;
    const bool reachedTotal = page->total >= 0 && m_offset >= page->total;
    if (received == 0 || received < PageSize || reachedTotal || m_pages >= MaxPages) {
        finish({});
        return;
    }
    requestPage();
}

void ImageGroupLoader::finish(const ApiError &error)
{
    m_error = error;
    m_loading = false;
    if (error.isError() && error.kind != ErrorKind::Cancelled)
        qCWarning(lcModels) << "listing image groups failed:" << error.summary();
    Q_EMIT finished();
}

} // namespace mim
