#include "models/api/SwrListing.h"

#include "models/api/ApiClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("mim::SwrListing", text);
}

ApiError badResponse(const QString &why)
{
    return ApiError::make(ErrorKind::BadResponse, why);
}

const QByteArray SwrJsonContentType = QByteArrayLiteral("application/json");

// What one attempt's body came to, written on a worker thread and read after the call finished.
struct ParsedPage
{
    bool ok = false;
    QString why;
    QList<SwrRepository> repositories;
    QList<SwrTag> tags;
    qsizetype count() const { return repositories.size() + tags.size(); }
};

} // namespace

// Drives one SwrListing (see there): one page at a time, each checked against its Content-Range.
class SwrListingPrivate : public QObject
{
public:
    SwrListingPrivate(ApiClient *client, SwrListing *listing, const QString &nameSpace,
                      const QString &repository)
        : QObject(listing)
        , m_client(client)
        , m_listing(listing)
        , m_nameSpace(nameSpace)
        , m_repository(repository)
    {}

    void startPass()
    {
        ++m_listing->m_passes;
        m_offset = 0;
        m_passTotal = -1;
        m_keys.clear();
        m_repositories.clear();
        m_tags.clear();
        requestPage();
    }

    void cancel()
    {
        if (m_call)
            m_call->cancel(); // finishes the call, which ends the listing
        else
            finish(ApiError::make(
                ErrorKind::Cancelled,
                translated(QT_TRANSLATE_NOOP("mim::SwrListing", "The listing was cancelled."))));
    }

private:
    bool isTags() const { return m_listing->m_kind == SwrListing::Kind::Tags; }

    QString listName() const
    {
        return isTags() ? translated(QT_TRANSLATE_NOOP("mim::SwrListing", "SWR tag list"))
                        : translated(QT_TRANSLATE_NOOP("mim::SwrListing", "SWR repository list"));
    }

    void requestPage()
    {
        if (!m_client)
            return cancel();
        if (++m_listing->m_requests > SwrListing::MaxPages)
            return finish(
                badResponse(translated(QT_TRANSLATE_NOOP("mim::SwrListing", "The %1 would take more than %2 "
                                                                            "requests; it was stopped."))
                                .arg(listName())
                                .arg(SwrListing::MaxPages)));
        ApiClient::Request request =
            isTags() ? ApiClient::swrTagsRequest(m_nameSpace, m_repository, m_offset, SwrListing::PageSize)
                     : ApiClient::swrRepositoriesRequest(m_nameSpace, m_offset, SwrListing::PageSize);
        auto parsed = std::make_shared<ParsedPage>();
        // Runs on a worker thread once per attempt. Only a body that is not JSON at all is refused here (and
        // so retried like a body cut off on the way); a record of the wrong shape would come again.
        request.bodyCheck = [parsed, tags = isTags(), nameSpace = m_nameSpace,
                             repository = m_repository](const QByteArray &body, QString *why) {
            QJsonParseError error;
            QJsonDocument::fromJson(body, &error);
            if (error.error != QJsonParseError::NoError) {
                *why = error.errorString();
                return false;
            }
            *parsed = ParsedPage();
            if (tags) {
                auto read = Swr::parseTags(body, nameSpace, repository, &parsed->why);
                parsed->ok = read.has_value();
                if (read)
                    parsed->tags = std::move(*read);
            } else {
                auto read = Swr::parseRepositories(body, &parsed->why);
                parsed->ok = read.has_value();
                if (read)
                    parsed->repositories = std::move(*read);
            }
            return true;
        };
        const qint64 offset = m_offset;
        m_call = m_client->start(std::move(request));
        ApiCall *call = m_call;
        connect(call, &ApiCall::finished, this,
                [this, call, offset, parsed] { onPage(call, offset, *parsed); });
    }

    void onPage(ApiCall *call, qint64 offset, const ParsedPage &page)
    {
        m_call = nullptr;
        if (m_listing->m_finished)
            return;
        if (!call->succeeded())
            return finish(call->error());
        if (!page.ok)
            return finish(unreadable(page.why, call));
        const qint64 count = page.count();

        qint64 total = -1;
        const QByteArray header = call->responseHeader("Content-Range");
        if (!header.isEmpty()) {
            QString why;
            const std::optional<SwrContentRange> range = SwrContentRange::parse(header, &why);
            if (!range || !range->matchesPage(offset, count, &why))
                return finish(unreadable(why, call));
            total = range->total;
            if (!acceptTotal(total, count))
                return;
        }
        if (m_passTotal >= 0 && total != m_passTotal)
            return repeatPass(QT_TRANSLATE_NOOP("mim::SwrListing",
                                                "The %1 kept changing while it was read (%2 attempts)."));
        m_passTotal = total;
        m_listing->m_total = total;

        const qsizetype before = m_keys.size();
        for (const SwrRepository &repository : page.repositories) {
            if (takeKey(repository.nameSpace + u'/' + repository.name))
                m_repositories.append(repository);
        }
        for (const SwrTag &tag : page.tags) {
            if (takeKey(tag.tag))
                m_tags.append(tag);
        }
        if (m_keys.size() > SwrListing::MaxRecords)
            return finish(tooMany(m_keys.size()));
        // Without a Content-Range only a short page ends the list: a server that sends the same full page
        // whatever the offset would be asked again and again.
        if (total < 0 && count > 0 && m_keys.size() == before)
            return finish(unreadable(
                translated(QT_TRANSLATE_NOOP("mim::SwrListing", "the server sent the same records again at "
                                                                "%1."))
                    .arg(offset),
                call));
        Q_EMIT m_listing->progress(m_keys.size(), total);

        const qint64 next = offset + count;
        const bool more = total >= 0 ? count > 0 && next < total : count >= SwrListing::PageSize;
        if (more) {
            m_offset = next;
            return requestPage();
        }
        if (total >= 0 && m_keys.size() != total)
            return repeatPass(QT_TRANSLATE_NOOP("mim::SwrListing",
                                                "The %1 did not add up to its total, %2 times in a row."));
        m_listing->m_repositories = std::move(m_repositories);
        m_listing->m_tags = std::move(m_tags);
        finish({});
    }

    // Checks a page's total before anything is sized from it; false (and the listing ended) when out of
    // bounds.
    bool acceptTotal(qint64 total, qint64 perPage)
    {
        if (total > SwrListing::MaxRecords) {
            finish(tooMany(total));
            return false;
        }
        const qint64 pages = perPage > 0 ? (total + perPage - 1) / perPage : 1;
        if (pages > SwrListing::MaxPages) {
            finish(badResponse(translated(QT_TRANSLATE_NOOP("mim::SwrListing",
                                                            "The %1 sends %2 entries per page for %3 "
                                                            "entries: reading them would take %4 requests. "
                                                            "It was stopped."))
                                   .arg(listName(), QLocale().toString(perPage), QLocale().toString(total),
                                        QLocale().toString(pages))));
            return false;
        }
        return true;
    }

    ApiError tooMany(qint64 count) const
    {
        return badResponse(
            translated(QT_TRANSLATE_NOOP("mim::SwrListing",
                                         "The %1 reports %2 entries; this app reads at most "
                                         "%3. It was stopped."))
                .arg(listName(), QLocale().toString(count), QLocale().toString(SwrListing::MaxRecords)));
    }

    // A record has no key twice in one list; one seen again moved from a later page to this one.
    bool takeKey(const QString &key)
    {
        if (m_keys.contains(key))
            return false;
        m_keys.insert(key);
        return true;
    }

    void repeatPass(const char *giveUp)
    {
        qCDebug(lcApi) << "SWR listing pass" << m_listing->m_passes << "was not consistent: total"
                       << m_passTotal << "read" << m_keys.size();
        if (m_listing->m_passes < SwrListing::MaxPasses)
            return startPass();
        finish(badResponse(translated(giveUp).arg(listName()).arg(m_listing->m_passes)));
    }

    ApiError unreadable(const QString &why, const ApiCall *call) const
    {
        ApiError error =
            badResponse(translated(QT_TRANSLATE_NOOP("mim::SwrListing", "The %1 could not be read: %2"))
                            .arg(listName(), why));
        error.httpStatus = call->httpStatus();
        error.requestId = call->requestId();
        return error;
    }

    void finish(const ApiError &error)
    {
        if (m_listing->m_finished)
            return;
        m_listing->m_finished = true;
        m_listing->m_error = error;
        if (error.isError()) {
            m_listing->m_repositories.clear();
            m_listing->m_tags.clear();
        }
        qCDebug(lcApi) << "SWR listing finished:" << errorKindName(error.kind) << "after"
                       << m_listing->m_requests << "request(s)";
        Q_EMIT m_listing->finished();
        m_listing->deleteLater();
    }

    QPointer<ApiClient> m_client;
    SwrListing *m_listing;
    QString m_nameSpace;
    QString m_repository;
    QPointer<ApiCall> m_call;
    qint64 m_offset = 0;
    qint64 m_passTotal = -1;
    QSet<QString> m_keys;
    QList<SwrRepository> m_repositories;
    QList<SwrTag> m_tags;
};

SwrListing::SwrListing(Kind kind, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
{}

void SwrListing::cancel()
{
    if (!m_finished && m_cancel)
        m_cancel();
}

// ---------------------------------------------------------------------------------------------------------------
// ApiClient: the SWR calls

ApiClient::Request ApiClient::swrRequest(const QByteArray &method, const QStringList &segments,
                                         const QString &repository, const QStringList &afterRepository)
{
    Request request;
    request.method = method;
    request.swr = true;
    request.segments = segments;
    request.contentType = SwrJsonContentType;
    if (afterRepository.isEmpty())
        return request;
    // The path of one repository: "/" in its name becomes "$"; a name SWR could not read back is refused.
    QString why;
    const std::optional<QString> segment = Swr::repositorySegment(repository, &why);
    if (!segment)
        request.refusal = ApiError::make(ErrorKind::InvalidRequest, why);
    request.segments.append(segment.value_or(u"-"_s));
    request.segments += afterRepository;
    return request;
}

ApiClient::Request ApiClient::swrRepositoriesRequest(const QString &nameSpace, qint64 offset, int limit)
{
    Request request = swrRequest("GET", {u"v2"_s, u"manage"_s, u"repos"_s});
    if (!nameSpace.isEmpty())
        request.query.append({u"namespace"_s, nameSpace});
    request.query.append({u"limit"_s, QString::number(limit)});
    request.query.append({u"offset"_s, QString::number(offset)});
    return request;
}

ApiClient::Request ApiClient::swrTagsRequest(const QString &nameSpace, const QString &repository,
                                             qint64 offset, int limit)
{
    Request request = swrRequest("GET", {u"v2"_s, u"manage"_s, u"namespaces"_s, nameSpace, u"repos"_s},
                                 repository, {u"tags"_s});
    request.query = {{u"limit"_s, QString::number(limit)}, {u"offset"_s, QString::number(offset)}};
    return request;
}

ApiCall *ApiClient::listSwrNamespaces()
{
    return start(swrRequest("GET", {u"v2"_s, u"manage"_s, u"namespaces"_s}));
}

ApiCall *ApiClient::listSwrRepositoriesPage(const QString &nameSpace, qint64 offset, int limit)
{
    return start(swrRepositoriesRequest(nameSpace, offset, limit));
}

ApiCall *ApiClient::listSwrTagsPage(const QString &nameSpace, const QString &repository, qint64 offset,
                                    int limit)
{
    return start(swrTagsRequest(nameSpace, repository, offset, limit));
}

ApiCall *ApiClient::showSwrOverview()
{
    return start(swrRequest("GET", {u"v2"_s, u"manage"_s, u"overview"_s}));
}

ApiCall *ApiClient::deleteSwrTag(const QString &nameSpace, const QString &repository, const QString &tag)
{
    Request request = swrRequest("DELETE", {u"v2"_s, u"manage"_s, u"namespaces"_s, nameSpace, u"repos"_s},
                                 repository, {u"tags"_s, tag});
    // Retried as DeleteImage is (the default): a repeated DELETE of a tag leaves the same state, and a 404
    // after an attempt whose answer was lost is told apart by Swr::deleteOutcome().
    return start(std::move(request));
}

SwrListing *ApiClient::listSwrRepositories(const QString &nameSpace)
{
    auto *listing = new SwrListing(SwrListing::Kind::Repositories, m_shuttingDown ? nullptr : this);
    auto *driver = new SwrListingPrivate(this, listing, nameSpace, {});
    listing->m_cancel = [driver] { driver->cancel(); };
    // The first page is sent from the event loop, so the caller has time to connect.
    driver->startPass();
    return listing;
}

SwrListing *ApiClient::listSwrTags(const QString &nameSpace, const QString &repository)
{
    auto *listing = new SwrListing(SwrListing::Kind::Tags, m_shuttingDown ? nullptr : this);
    auto *driver = new SwrListingPrivate(this, listing, nameSpace, repository);
    listing->m_cancel = [driver] { driver->cancel(); };
    driver->startPass();
    return listing;
}

} // namespace mim
