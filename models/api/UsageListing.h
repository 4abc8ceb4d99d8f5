#pragma once

#include "models/api/ApiError.h"
#include "models/api/Usage.h"

#include <array>
#include <functional>
#include <QObject>
#include <QStringList>

namespace mim {

// Reads the notebooks (both NOTEBOOK and the free DEFAULT CodeLab instances), the training jobs and the
// inference services (each shown for its images) concurrently, into one ImageUsage. Each listing ends on its
// own: sourceFinished() says which, and a listing that fails — 403 without permission, 404 where a region
// lacks the API, network, a server number out of bounds — leaves its kind Unknown with the reason, never "not
// in use". Made by ApiClient::listImageUsage(); deletes itself after finished().
class UsageListing : public QObject
{
    Q_OBJECT
public:
    const ImageUsage &usage() const { return m_usage; }
    bool isFinished() const { return m_finished; }
    bool isSourceFinished(UsageKind kind) const { return m_sourceFinished[qsizetype(kind)]; }
    // Records that could not be read, "notebook record N: reason"; their listing is Unknown.
    const QStringList &skippedRecords() const { return m_skipped; }

    // Bounds on what a server's numbers can make the listing do, per listing: a total beyond MaxUsers, or one
    // that would take more than MaxPages page requests, makes the listing Unknown at once; more than
    // MaxServices services are not shown one by one.
    static constexpr qint64 MaxUsers = 100'000;
    static constexpr qint64 MaxPages = 2'000;
    static constexpr qint64 MaxServices = 5'000;
    // The page sizes asked for: the largest each API documents (notebooks 10, 20 or 50; jobs up to 50).
    static constexpr int NotebookPageSize = 50;
    static constexpr int TrainingJobPageSize = 50;
    static constexpr int ServicePageSize = 100;

    // Aborts what is in flight; every listing not finished yet ends Unknown (cancelled), then finished().
    void cancel();

Q_SIGNALS:
    void sourceFinished(mim::UsageKind kind);
    void finished();

private:
    friend class ApiClient;
    friend class UsageListingPrivate;
    explicit UsageListing(QObject *parent);

    ImageUsage m_usage;
    std::array<bool, 3> m_sourceFinished{};
    bool m_finished = false;
    QStringList m_skipped;
    std::function<void()> m_cancel;
};

} // namespace mim
