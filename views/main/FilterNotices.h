#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

class QTimer;

namespace mim {

class ImageFilterModel;
class ImageTableView;
class NoticeBar;

// What the bar below the filter bar says about the filter itself: that a filter restored from the last
// session hides rows ("Filtered: showing 12 of 2,851 images", Clear Filters), so that an account never seems
// to have lost images; else, rows shown because the filter text matches in a column the table hides (with a
// button that shows it), so that no row seems to match for no reason.
class FilterNotices : public QObject
{
    Q_OBJECT
public:
    FilterNotices(NoticeBar *bar, ImageFilterModel *filter, ImageTableView *view, QObject *parent = nullptr);

    // Typing, rows arriving and columns shown or hidden update the bar at most this often.
    static constexpr int UpdateDelayMs = 150;
    // Brings the bar up to date at once instead of after UpdateDelayMs.
    void updateNow();
    // The filter was restored from the last session: while the user has not changed it (nor closed the
    // bar), the bar says whenever it hides rows.
    void setRestoredFilter(bool restored);

private:
    enum class Notice
    {
        None,
        HiddenMatches,
        RestoredFilter,
    };

    void scheduleUpdate();
    void onAction();
    void show(Notice notice, const QString &text, const QString &details, const QString &action);
    QSet<int> visibleColumns() const;

    NoticeBar *m_bar;
    ImageFilterModel *m_filter;
    ImageTableView *m_view;
    QTimer *m_timer;
    Notice m_shown = Notice::None;
    QList<int> m_hiddenColumns; // the columns the Show button shows
    QString m_dismissedForText; // the filter text whose hidden-match notice the user dismissed
    bool m_restored = false;
};

} // namespace mim
