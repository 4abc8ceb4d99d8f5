#include "views/deletion/DeletionFlow.h"

#include "models/catalog/ImageTableModel.h"
#include "models/common/Formatting.h"
#include "models/deletion/JournalReconciler.h"
#include "models/session/AccountSession.h"
#include "models/storage/ReportedSizeUnit.h"
#include "models/storage/SwrInventory.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h"
#include "views/main/MainStatusBar.h"

#include <QCheckBox>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDeletionFlow, "mim.ui.deletion", QtInfoMsg)

namespace mim {

DeletionFlow::DeletionFlow(AccountSession *session, MainStatusBar *statusBar, DeletionConfirmer confirmer,
                           QSettings *settings, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_queue(session->deletionQueue())
    , m_statusBar(statusBar)
    , m_window(window)
    , m_settings(settings)
    , m_deletionConfirmer(std::move(confirmer))
{
    connect(m_queue, &DeletionQueue::started, this,
            [this](int total) { m_statusBar->setDeletionProgress(0, total); });
    connect(m_queue, &DeletionQueue::progress, m_statusBar, &MainStatusBar::setDeletionProgress);
    connect(m_session, &AccountSession::journalReconciled, this, &DeletionFlow::showReconciliation);
    connect(m_queue, &DeletionQueue::finished, this, &DeletionFlow::onFinished);
    connect(m_statusBar, &MainStatusBar::cancelDeletionRequested, m_queue, &DeletionQueue::cancel);
}

DeletionFlow::~DeletionFlow()
{
    if (m_summaryDialog)
        m_summaryDialog->close();
}

void DeletionFlow::setDeletionConfirmer(DeletionConfirmer confirmer)
{
    m_deletionConfirmer = std::move(confirmer);
}

void DeletionFlow::setRunningDeletionsConfirmer(RunningDeletionsConfirmer confirmer)
{
    m_runningDeletionsConfirmer = std::move(confirmer);
}

bool DeletionFlow::mayLeaveAccount(std::function<void()> proceed, bool quitting)
{
    if (!m_queue->isRunning())
        return true;
    const int running = m_queue->remainingCount();
    RunningDeletionsChoice choice = RunningDeletionsChoice::Wait;
    if (m_runningDeletionsConfirmer) {
        choice = m_runningDeletionsConfirmer(running);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Deletions Running"),
                        tr("%Ln deletion(s) are still running.", nullptr, running), QMessageBox::NoButton,
                        m_window);
        box.setInformativeText(tr("Closing the account now could leave the outcome of requests already sent "
                                  "unknown. Wait for the deletions to finish, or stop: no more requests are "
                                  "sent, and the app goes on once the ones already sent have finished."));
        QPushButton *wait = box.addButton(tr("Wait"), QMessageBox::RejectRole);
        QPushButton *stop = box.addButton(tr("Stop After the Current Requests"), QMessageBox::AcceptRole);
        box.setDefaultButton(wait);
        box.setEscapeButton(wait);
        box.exec();
        if (box.clickedButton() == stop)
            choice = RunningDeletionsChoice::StopAfterCurrent;
    }
    // The queue may have finished while the question was open.
    if (!m_queue->isRunning())
        return choice == RunningDeletionsChoice::StopAfterCurrent;
    if (choice == RunningDeletionsChoice::Wait)
        return false;
    m_afterDeletions = std::move(proceed);
    m_quitAfterDeletions = quitting;
    m_statusBar->showMessage(tr("Stopping: waiting for the requests already sent…"));
    // finished() may follow at once (nothing in flight); onFinished() then runs m_afterDeletions.
    m_queue->cancel();
    return false;
}

void DeletionFlow::confirmAndDelete(const QList<Image> &selected, bool preferForce)
{
    QList<Image> deletable;
    int skippedBuiltIn = 0;
    int alreadyBeingDeleted = 0;
    for (const Image &image : selected) {
        if (image.isBuiltIn())
            ++skippedBuiltIn;
        else if (m_session->tableModel()->rowActivity(image.id) == ImageTableModel::RowActivity::Deleting)
            ++alreadyBeingDeleted;
        else
            deletable.append(image);
    }
    if (deletable.isEmpty()) {
        if (alreadyBeingDeleted > 0)
            m_statusBar->showMessage(
                tr("The %Ln selected image(s) are already being deleted.", nullptr, alreadyBeingDeleted),
                5000);
        else if (skippedBuiltIn > 0)
            m_statusBar->showMessage(tr("Built-in images cannot be deleted."), 5000);
        return;
    }

    DeleteImagesDialog dialog(deletable, skippedBuiltIn, m_session->sizeUnit()->inference(), m_window);
    dialog.setWorkspaceText(workspaceText());
    dialog.setAlreadyBeingDeleted(alreadyBeingDeleted);
    dialog.setUsage(m_session->usage());
    if (m_session->storage()->state() == SwrInventory::State::Loaded)
        dialog.setStorage(m_session->storage()->facts());
    if (preferForce && dialog.forceCheckBox()->isEnabled())
        dialog.forceCheckBox()->setChecked(true);
    const std::optional<bool> force = confirmDeletion(m_deletionConfirmer, dialog);
    if (!force)
        return;
    enqueue(dialog.requests(*force));
}

void DeletionFlow::enqueue(const QList<DeletionRequest> &requests)
{
    m_session->enqueueDeletions(requests);
    Q_EMIT deletionsChanged();
}

bool DeletionFlow::retry(const DeletionAccount &account, const QList<DeletionRequest> &requests)
{
    if (requests.isEmpty())
        return true;
    if (account != m_session->account()) {
        // Sent through the connected client these would go to another account than the one they were
        // confirmed for: the same image id means nothing there, or worse, something else.
        auto *notice =
            new QMessageBox(QMessageBox::Warning, tr("Retry Failed"),
                            tr("These deletions belong to the account “%1”; switch to it to retry them.")
                                .arg(account.profileName),
                            QMessageBox::Ok, m_window);
        notice->setObjectName(u"RetryOtherAccountNotice"_s);
        notice->setAttribute(Qt::WA_DeleteOnClose);
        notice->setModal(false);
        notice->show();
        qCInfo(lcDeletionFlow) << "retry refused: the deletions belong to another account";
        return false;
    }
    enqueue(requests);
    return true;
}

void DeletionFlow::onFinished(const DeletionSummary &summary)
{
    if (m_afterDeletions)
        m_statusBar->clearMessage(); // "Stopping…"
    m_statusBar->finishDeletion();
    Q_EMIT deletionsChanged();
    const int deleted = summary.count(DeletionResult::Outcome::Deleted);
    if (deleted == summary.results.size()) {
        m_statusBar->showMessage(tr("%Ln image(s) deleted.", nullptr, deleted), 8000);
    } else if (!m_quitAfterDeletions) {
        // Quitting: the results are in the journal, a window nobody will read is not shown.
        showSummary(summary);
    }
    Q_EMIT finished(summary);
    if (auto proceed = std::exchange(m_afterDeletions, nullptr)) {
        // Out of the queue's signal: what follows may replace the client the queue is still unwinding from.
        QTimer::singleShot(0, this, std::move(proceed));
    }
}

void DeletionFlow::showSummary(const DeletionSummary &summary)
{
    if (m_summaryDialog)
        m_summaryDialog->close();
    auto *dialog = new DeletionSummaryDialog(summary, m_settings, m_window, workspaceText());
    connect(dialog, &DeletionSummaryDialog::retryRequested, this,
            [this, summary](const QList<DeletionRequest> &requests) {
                if (!retry(summary.account, requests))
                    showSummary(summary); // still there to retry from once the account is switched
            });
    m_summaryDialog = dialog;
    dialog->show();
}

DeleteImagesText::WorkspaceText DeletionFlow::workspaceText() const
{
    const QPointer<ImageTableModel> model = m_session->tableModel();
    return [model](const QString &workspaceId) {
        return model ? model->workspaceText(workspaceId) : Formatting::visibleText(workspaceId);
    };
}

void DeletionFlow::showReconciliation(const QList<ReconciliationResult> &results)
{
    QStringList lines;
    for (const ReconciliationResult &result : results)
        lines.append(result.description());
    auto *notice = new QMessageBox(
        QMessageBox::Information, tr("Interrupted Deletions"),
        tr("The outcome of %Ln deletion(s) was not known: the app stopped, or the account was "
           "closed, while they ran. The server was asked; this is what became of them:",
           nullptr, int(results.size())),
        QMessageBox::Ok, m_window);
    notice->setObjectName(u"InterruptedDeletionsNotice"_s);
    // Image names come from the server: text to read, never markup to render. The message box
    // has no setting for the informative text's format (it guesses), so its label gets one.
    notice->setTextFormat(Qt::PlainText);
    notice->setInformativeText(lines.join(u'\n'));
    if (auto *informative = notice->findChild<QLabel *>(u"qt_msgbox_informativelabel"_s))
        informative->setTextFormat(Qt::PlainText);
    notice->setAttribute(Qt::WA_DeleteOnClose);
    notice->setModal(false);
    notice->show();
}

} // namespace mim
