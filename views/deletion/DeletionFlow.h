#pragma once

#include "models/deletion/DeleteImagesText.h"
#include "models/deletion/DeletionQueue.h" // DeletionRequest, DeletionResult, DeletionSummary in signatures
#include "views/common/AppServices.h"

#include <functional>
#include <QObject>
#include <QPointer>

class QSettings;
class QWidget;

namespace mim {

class AccountSession;
class DeletionSummaryDialog;
class MainStatusBar;
struct ReconciliationResult;

// The main window's deletions, from the confirmation to the summary: asks for confirmation, hands the
// requests to the session's queue, shows the progress (and Cancel) in the status bar and the summary at the
// end, retries only through the account the deletions were confirmed for, and asks before the account is
// left while deletions run. Its dialogs are children of `window`, where tests look for them.
class DeletionFlow : public QObject
{
    Q_OBJECT
public:
    // Leaving the account or quitting while deletions run: keep waiting, or send no more requests and go on
    // once the ones already sent have finished.
    enum class RunningDeletionsChoice
    {
        Wait,
        StopAfterCurrent,
    };
    // Asked instead of the message box with the number of deletions still running.
    using RunningDeletionsConfirmer = std::function<RunningDeletionsChoice(int running)>;

    // `settings` keeps what the results dialog remembers (its size); may be null.
    DeletionFlow(AccountSession *session, MainStatusBar *statusBar, DeletionConfirmer confirmer,
                 QSettings *settings, QWidget *window);
    ~DeletionFlow() override;

    void setDeletionConfirmer(DeletionConfirmer confirmer);
    void setRunningDeletionsConfirmer(RunningDeletionsConfirmer confirmer);

    // Confirms deleting those of `selected` that may be deleted (not built in, not being deleted already),
    // then deletes them; `preferForce` ticks "also delete the SWR content" in advance.
    void confirmAndDelete(const QList<Image> &selected, bool preferForce);
    // Deletes exactly these.
    void enqueue(const QList<DeletionRequest> &requests);
    // Deletes these again if `account` is the connected one; otherwise says so, sends nothing and returns
    // false.
    bool retry(const DeletionAccount &account, const QList<DeletionRequest> &requests);
    // True when the account may be left (or the app quit) now. While deletions run it asks; if the user
    // chooses to stop, the queue is cancelled and `proceed` runs once its last request has finished.
    bool mayLeaveAccount(std::function<void()> proceed, bool quitting = false);

Q_SIGNALS:
    // Deletions were handed to the queue, or a run ended: which rows may be deleted changed.
    void deletionsChanged();
    // A deletion run ended; its summary is shown.
    void finished(const mim::DeletionSummary &summary);

private:
    void onFinished(const DeletionSummary &summary);
    // The workspace names the table shows, for naming images outside the default workspace.
    DeleteImagesText::WorkspaceText workspaceText() const;
    void showSummary(const DeletionSummary &summary);
    // Tells the user what became of deletions the app was stopped in the middle of (journal intents without
    // outcomes for this account), as the server answered.
    void showReconciliation(const QList<ReconciliationResult> &results);

    AccountSession *m_session;
    DeletionQueue *m_queue;
    MainStatusBar *m_statusBar;
    QWidget *m_window;
    QSettings *m_settings;
    DeletionConfirmer m_deletionConfirmer;
    RunningDeletionsConfirmer m_runningDeletionsConfirmer;
    QPointer<DeletionSummaryDialog> m_summaryDialog;
    std::function<void()> m_afterDeletions; // what the user asked for once the running deletions end
    bool m_quitAfterDeletions = false;
};

} // namespace mim
