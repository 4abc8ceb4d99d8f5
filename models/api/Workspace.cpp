#include "models/api/Workspace.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
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
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("The response is not valid JSON: %1 at offset %2")
                        .arg(parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return fail(tr("The response is not a JSON object."));
    const QJsonObject envelope = document.object();
    const QJsonValue list = envelope.value(u"workspaces"_s);
    if (!list.isArray())
        return fail(tr("The response has no \"workspaces\" array."));

    WorkspacePage page;
    const QJsonValue total = envelope.value(u"total_count"_s);
    if (!total.isUndefined() && !total.isNull()) {
        const double number = total.toDouble(-1);
        if (!total.isDouble() || number < 0 || number > 9.0e15 || std::trunc(number) != number)
            return fail(tr("The response's \"total_count\" is not an integer."));
        page.totalCount = qint64(number);
    }
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
