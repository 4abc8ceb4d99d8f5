#pragma once

#include "models/api/ApiError.h"
#include "models/api/Image.h"
#include "models/catalog/UsageSummary.h"
#include "models/storage/StorageFacts.h"

#include <memory>
#include <QList>
#include <QObject>

namespace mim {

class ApiClient;

// Loads everything SWR stores for the account, off the GUI thread where it is heavy: the organizations,
// every repository, then the tags of each repository (a few at a time), and builds the StorageFacts against
// the ModelArts images and usage given.
class SwrInventory : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Loading,
        Loaded,
        Failed,
    };
    Q_ENUM(State)

    explicit SwrInventory(QObject *parent = nullptr);
    ~SwrInventory() override;

    // Lists namespaces, every repository, then the tags of each repository (a few at a time), and builds the
    // facts against the ModelArts images and usage given. Cancels a load that runs.
    void load(ApiClient *client, const QList<Image> &images, const UsageSummary &usage);
    // Stops a load that runs: nothing more is asked; the state becomes Failed with a Cancelled error.
    void cancel();
    // Forgets everything (another account was opened): a load that runs stops, the facts are emptied, the
    // state is Idle.
    void clear();

    State state() const;
    // Those of the last load that succeeded: a load that runs or fails leaves them as they were.
    const StorageFacts &facts() const;
    const ApiError &error() const;
    bool permissionDenied() const; // error is a 403: the view shows Swr::missingPermission(Access::Read)

Q_SIGNALS:
    void progress(int repositoriesDone, int repositoriesTotal);
    void loaded();
    void failed(const mim::ApiError &error);
    void stateChanged(mim::SwrInventory::State state);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace mim
