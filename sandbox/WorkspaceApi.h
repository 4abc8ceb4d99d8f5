#pragma once

#include "HttpExchange.h"
#include "ImageStore.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mim::sandbox {

struct SandboxCounters;

// One ModelArts workspace as ListWorkspace shows it.
struct SandboxWorkspace
{
    QString id; // "0" for the default workspace, else 32 hex digits
    QString name;
    QString description;
    qint64 createTimeMs = 0;
    qint64 updateTimeMs = 0;
};

// The workspaces are derived from the images every time they are read: the default "0" and every workspace
// an image (live or deleted) names. Names are fixed for the demo set and follow from a hash of the id
// otherwise, so the same images always give the same workspaces.
// `names` overrides the names of the workspaces it holds.
QList<SandboxWorkspace> workspacesOf(const ImageStore &store, const QHash<QString, QString> &names = {});

// GET /v1/{project_id}/workspaces (ListWorkspace), behind authentication.
class WorkspaceApi
{
public:
    WorkspaceApi(const ImageStore *store, SandboxCounters *counters);

    static bool handles(const QStringList &route);
    SandboxResponse handle(const SandboxRequest &request, const QStringList &route);
    void setName(const QString &workspaceId, const QString &name) { m_names.insert(workspaceId, name); }

private:
    const ImageStore *m_store;
    SandboxCounters *m_counters;
    QHash<QString, QString> m_names;
};

} // namespace mim::sandbox
