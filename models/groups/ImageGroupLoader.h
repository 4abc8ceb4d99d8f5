#pragma once

#include "models/api/ApiError.h"
#include "models/groups/ImageGroup.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

namespace mim {

class ApiCall;
class ApiClient;

// Reads every page of ListImageGroup. finished() follows every load() exactly once (also after cancel()).
class ImageGroupLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 200;
    // A bound on the pages read, so that a server that never stops paging cannot keep the loader busy.
    static constexpr int MaxPages = 1000;

    explicit ImageGroupLoader(ApiClient *client, QObject *parent = nullptr);

    // The account's own groups unless the query says otherwise; limit and offset are the loader's.
    void load(const QUrlQuery &filter = ownGroupsQuery());
    void cancel();
    bool isLoading() const { return m_loading; }

    const QList<ImageGroup> &groups() const { return m_groups; }
    const ApiError &error() const { return m_error; }
    const QStringList &skippedRecords() const { return m_skipped; }

    static QUrlQuery ownGroupsQuery();

Q_SIGNALS:
    void finished();

private:
    void requestPage();
    void onPage(ApiCall *call);
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    QPointer<ApiCall> m_call;
    QUrlQuery m_filter;
    QList<ImageGroup> m_groups;
    QStringList m_skipped;
    ApiError m_error;
    qint64 m_offset = 0;
    int m_pages = 0;
    bool m_loading = false;
    int m_generation = 0; // tells a cancelled load's late answer from the current one
};

} // namespace mim
