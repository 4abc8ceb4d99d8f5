#pragma once

#include "models/api/ApiError.h"
#include "models/api/Swr.h"

#include <functional>
#include <QList>
#include <QObject>

namespace mim {

// Every page of an SWR list — the repositories (of one organization or all) or the tags of one repository —
// read one after the other, each parsed off the GUI thread. SWR says where a page sits with
// `Content-Range: START-END/TOTAL`; the listing checks every page against it, continues after the records a
// page really holds (a server that sends fewer than asked is still read whole), and stops at the total.
// Without the header it stops at the first page shorter than asked. Records are de-duplicated (a record that
// moved between pages counts once); a pass whose total moved, or whose records do not add up to the total, is
// read again, at most MaxPasses times. Made by ApiClient::listSwrRepositories() / listSwrTags(); deletes
// itself after finished().
class SwrListing : public QObject
{
    Q_OBJECT
public:
    enum class Kind
    {
        Repositories,
        Tags,
    };

    Kind kind() const { return m_kind; }
    const ApiError &error() const { return m_error; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    // Empty unless the listing succeeded.
    const QList<SwrRepository> &repositories() const { return m_repositories; }
    const QList<SwrTag> &tags() const { return m_tags; }
    // The TOTAL of the last Content-Range; -1 when the server sent none.
    qint64 total() const { return m_total; }
    int passes() const { return m_passes; }
    // Page requests made, over all passes.
    int requests() const { return m_requests; }

    // The page size asked for: the largest the SDK documents for both lists (the default is 100), so 10,000
    // tags take 10 requests.
    static constexpr int PageSize = 1000;
    // Bounds on what a server's numbers can make a listing do: a TOTAL beyond MaxRecords, or one that would
    // take more than MaxPages requests at the page size the server really sends, fails the listing at once;
    // so does the MaxPages-th request, whatever the headers say.
    static constexpr qint64 MaxRecords = 200'000;
    static constexpr int MaxPages = 2'000;
    static constexpr int MaxPasses = 3;

    // Aborts the page in flight; finished() follows at once with ErrorKind::Cancelled.
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished();

private:
    friend class ApiClient;
    friend class SwrListingPrivate;
    SwrListing(Kind kind, QObject *parent);

    Kind m_kind;
    bool m_finished = false;
    ApiError m_error;
    QList<SwrRepository> m_repositories;
    QList<SwrTag> m_tags;
    qint64 m_total = -1;
    int m_passes = 0;
    int m_requests = 0;
    std::function<void()> m_cancel;
};

} // namespace mim
