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

// What the bar below the filter bar says about the filter itself: rows shown because the filter text
// matches in a column the table hides (with a button that shows it), so that no row seems to match for no
// reason.
class FilterNotices : public QObject
{
    Q_OBJECT
public:
    FilterNotices(NoticeBar *bar, ImageFilterModel *filter, ImageTableView *view, QObject *parent = nullptr);

    // Typing, rows arriving and columns shown or hidden update the bar at most this often.
    static constexpr int UpdateDelayMs = 150;
    // Brings the bar up to date at once instead of after UpdateDelayMs.
    void updateNow();

private:
    enum class Notice
    {
        None,
        HiddenMatches,
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
};

} // namespace mim
