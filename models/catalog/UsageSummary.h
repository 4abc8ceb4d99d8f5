#pragma once

#include "models/api/Image.h"
#include "models/api/Usage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mim {

// What the app knows of who uses which image: the last ImageUsage read for the account and whether a newer
// one is being read. Every view of usage (the "Used by" column and facet, the details pane, the delete
// confirmation, the clean-up assistant) reads it here, so that "not in use" means the same everywhere: only
// what every listing answered says so.
class UsageSummary
{
    Q_DECLARE_TR_FUNCTIONS(mim::UsageSummary)
public:
    // Nothing read yet: every image is Unknown.
    UsageSummary() = default;
    UsageSummary(ImageUsage usage, bool loading);

    // A newer reading started: until it ends, what the last one saw in use stays in use (it most likely
    // still is), everything else is Unknown ("checking…"), never "not in use".
    static UsageSummary loadingAfter(const UsageSummary &previous);

    bool isLoading() const { return m_loading; }
    bool hasUsage() const { return m_hasUsage; }
    const ImageUsage &usage() const { return m_usage; }

    UsageState stateOf(const Image &image) const;
    QList<ImageUser> usersOf(const Image &image) const;
    // Why images that no listing names are Unknown, one sentence each: still checking, or a listing that
    // failed and why. Empty when every listing answered.
    QStringList unknownReasons() const;

    // The facet values of the "Used by" column: "IN_USE", "NOT_IN_USE", "UNKNOWN".
    static QString stateValue(UsageState state);
    static QString stateText(UsageState state);
    // "notebook", "training job", "service", translated.
    static QString kindText(UsageKind kind);
    // "notebook llm-dev (Running)": the server's name and status as plain, visible text.
    static QString userText(const ImageUser &user);

    // The "Used by" cell: "notebook llm-dev (Running)", "notebook a (Running), +2 more", "Not in use",
    // "Unknown", "Checking…".
    QString cellText(const Image &image) const;
    // Every user, one a line, or why it is Unknown.
    QString toolTip(const Image &image) const;
    // In use first (by the cell's text), then Unknown, then not in use.
    QString sortKey(const Image &image) const;

private:
    ImageUsage m_usage;
    bool m_loading = false;
    bool m_hasUsage = false;
};

} // namespace mim
