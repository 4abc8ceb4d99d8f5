#pragma once

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mim {

// One ModelArts workspace of ListWorkspace (GET /v1/{project_id}/workspaces). Images belong to one
// workspace each; ListImage shows one workspace at a time, the default "0" when none is named.
struct Workspace
{
    QString id; // "0" for the default workspace, else a 32-character id
    QString name;
    QString status; // NORMAL, CREATE_FAILED, DELETING, DELETE_FAILED

    static constexpr QLatin1StringView DefaultId{"0"};
    bool isDefault() const { return id == DefaultId; }

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

// One page of ListWorkspace: {"total_count", "count", "workspaces": [...]}.
struct WorkspacePage
{
    Q_DECLARE_TR_FUNCTIONS(mim::WorkspacePage)
public:
    qint64 totalCount = -1; // -1: the server did not say
    QList<Workspace> workspaces;
    // Records without a usable id, "workspace N: reason".
    QStringList skippedRecords;

    static std::optional<WorkspacePage> fromJson(const QByteArray &body, QString *error = nullptr);
};

} // namespace mim
