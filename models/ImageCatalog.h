#pragma once

#include "api/ApiError.h"
#include "api/Image.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QTimer;

namespace mim {

class ApiClient;
class ImageListing;
class ImageTableModel;

// Loads every image of the account into an ImageTableModel and keeps it fresh: refresh merges in place,
// images still being saved (INIT, CREATING) are polled with ShowImage until they settle.
class ImageCatalog : public QObject
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

    ImageCatalog(ImageTableModel *model, QObject *parent = nullptr);
    ~ImageCatalog() override;

    // nullptr detaches (no account). The catalog does not own the client.
    void setClient(ApiClient *client);
    ApiClient *client() const { return m_client; }

    // Built-in images are listed with a second query (type=BUILD_IN) only when asked for.
    void setIncludeBuiltIn(bool include);
    void setPollIntervalMs(int ms);

    void refresh();
    void cancel();
    // Asks the server to re-synchronize a stuck image's status (SyncImage), then updates its row.
    void resync(const QString &id);

    State state() const { return m_state; }
    const ApiError &lastError() const { return m_lastError; }
    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    QStringList skippedRecords() const { return m_skipped; }

Q_SIGNALS:
    void stateChanged(mim::ImageCatalog::State state);
    void progress(qint64 received, qint64 total);
    void loaded();
    void failed(const mim::ApiError &error);
    void resyncFinished(const QString &id, const mim::ApiError &error);

private:
    // implementation detail; free to change
    void pollSettling();

    ImageTableModel *m_model;
    QPointer<ApiClient> m_client;
    QList<QPointer<ImageListing>> m_listings;
    bool m_includeBuiltIn = false;
    State m_state = State::Idle;
    ApiError m_lastError;
    QDateTime m_lastRefreshed;
    QStringList m_skipped;
    QTimer *m_pollTimer = nullptr;
};

} // namespace mim
