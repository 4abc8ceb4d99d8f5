#include "models/api/Workspace.h"

#include "models/api/JsonEnvelope.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim {

std::optional<WorkspacePage> WorkspacePage::fromJson(const QByteArray &body, QString *error)
{
    const auto fail = [error](const QString &reason) -> std::optional<WorkspacePage> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const JsonEnvelope envelope(body);
    if (!envelope.isObject())
        return fail(envelope.sentence());
    const QJsonValue list = envelope.object().value(u"workspaces"_s);
    if (!list.isArray())
        return fail(tr("The response has no \"workspaces\" array."));

    WorkspacePage page;
    const JsonEnvelope::Count total = envelope.count("total_count"_L1, JsonEnvelope::MaxListingCount);
    if (!total.valid)
        return fail(tr("The response's \"total_count\" is not an integer."));
    if (total.present)
        page.totalCount = total.value;
    // An id goes into ListImage's query: only the shapes the API documents are taken.
    static const QRegularExpression idPattern(u"^(0|[0-9a-z]{32})$"_s);
    const QJsonArray records = list.toArray();
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject object = records.at(i).toObject();
        const QJsonValue id = object.value(u"id"_s);
        if (!records.at(i).isObject() || !id.isString() || !idPattern.match(id.toString()).hasMatch()) {
            page.skippedRecords.append(tr("workspace %1: no valid id").arg(i));
            continue;
        }
        page.workspaces.append(Workspace{id.toString(), object.value(u"name"_s).toString(),
                                         object.value(u"status"_s).toString()});
    }
    return page;
}

} // namespace mim
