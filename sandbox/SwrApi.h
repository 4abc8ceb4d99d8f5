#pragma once

#include "HttpExchange.h"
#include "ImageStore.h"
#include "SandboxOptions.h"
#include "SwrRegistry.h"

#include <QStringList>

namespace mim::sandbox {

struct SandboxCounters;

// The shared SWR's management API, /v2/manage/..., on the same server and behind the same authentication as
// ModelArts (AK/SK with X-Project-Id, or a token):
//   GET    namespaces                                   {"namespaces":[{id,name,creator_name,auth}]}
//   GET    repos?namespace=&name=&limit=&offset=&order_column=&order_type=
//                                                       [repository...] + Content-Range
//   GET    namespaces/{ns}/repos/{repo}/tags?limit=&offset=&order_column=&order_type=&tag=
//                                                       [tag...] + Content-Range ("$" in {repo} is "/")
//   DELETE namespaces/{ns}/repos/{repo}/tags/{tag}      204
//   GET    overview                                     {domain_id,domain_name,namspace_num,repo_num,...}
// Errors are SWR's array [{"errorCode","errorMessage","detail"}]. See sandbox/README.md.
class SwrApi
{
public:
    SwrApi(const ImageStore *store, SwrRegistry *registry, SandboxCounters *counters,
           const SandboxOptions *options);

    // True for /v2/manage/...
    static bool handles(const QStringList &segments);

    // `route` is the path after /v2/manage/, split on '/'.
    SandboxResponse handle(const SandboxRequest &request, const QStringList &route);
    // What a request would return without changing anything, for faults that mangle a body.
    SandboxResponse readOnlyView(const SandboxRequest &request, const QStringList &route);

    static SandboxResponse error(int status, const QString &code, const QString &message);
    // The answer to a user without SWR permissions.
    static SandboxResponse forbidden();

private:
    SandboxResponse listNamespaces(const SandboxRequest &request);
    SandboxResponse listRepositories(const SandboxRequest &request);
    SandboxResponse listTags(const SandboxRequest &request, const QString &nameSpace,
                             const QString &repository);
    SandboxResponse deleteTag(const QString &nameSpace, const QString &repository, const QString &tag,
                              bool change);
    SandboxResponse overview();

    QJsonObject repositoryJson(const SwrSnapshot &snapshot, const SwrRepository &repository,
                               qint64 total) const;
    QJsonObject tagJson(const SwrTag &tag) const;
    QString registryHost() const;

    const ImageStore *m_store;
    SwrRegistry *m_registry;
    SandboxCounters *m_counters;
    const SandboxOptions *m_options;
};

} // namespace mim::sandbox
