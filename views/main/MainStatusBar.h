#pragma once

#include <QDateTime>
#include <QStatusBar>

class QLabel;
class QProgressBar;
class QToolButton;

namespace mim {

// The window's status bar: what is shown (count and size), what is selected, when the list was last
// refreshed, images being watched while they are saved, and the progress of loading and deleting, each
// with its own Cancel.
class MainStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit MainStatusBar(QWidget *parent = nullptr);

    void setShown(int shownCount, qint64 shownBytes, int totalCount);
    void clearShown(); // nothing is listed (no account, nothing loaded)
    void setSelection(int count, qint64 bytes);
    void setLastRefreshed(const QDateTime &when);
    // Rows from the listing cache are shown: "Images as of 10:32 — refreshing…" (or without "refreshing"
    // once the refresh failed).
    void setCachedAsOf(const QDateTime &asOf, bool refreshing);
    void setSettlingCount(int count);

    void setLoadProgress(qint64 received, qint64 total);
    void finishLoad();
    void setDeletionProgress(int done, int total);
    void finishDeletion();

    QString shownText() const;
    QString selectionText() const;
    QString refreshedText() const;
    QString settlingText() const;
    QString loadProgressText() const;
    QString deletionProgressText() const;
    bool isLoadProgressVisible() const;
    bool isDeletionProgressVisible() const;
    QToolButton *loadCancelButton() const { return m_loadCancel; }
    QToolButton *deletionCancelButton() const { return m_deletionCancel; }

Q_SIGNALS:
    void cancelLoadRequested();
    void cancelDeletionRequested();

private:
    struct Progress
    {
        QWidget *box = nullptr;
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
    };
    Progress makeProgress(const QString &accessibleName, QToolButton **cancel);

    QLabel *m_settling = nullptr;
    QLabel *m_shown = nullptr;
    QLabel *m_selection = nullptr;
    QLabel *m_refreshed = nullptr;
    Progress m_load;
    Progress m_deletion;
    QToolButton *m_loadCancel = nullptr;
    QToolButton *m_deletionCancel = nullptr;
};

} // namespace mim
