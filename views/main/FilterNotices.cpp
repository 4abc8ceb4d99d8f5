#include "views/main/FilterNotices.h"

#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "views/main/ImageTableView.h"
#include "views/main/NoticeBar.h"

#include <QLocale>
#include <QTimer>

namespace mim {

namespace {

QStringList columnTitles(const QList<int> &columns)
{
    QStringList titles;
    for (const int column : columns)
        titles.append(ImageTableModel::columnTitle(ImageTableModel::Column(column)));
    return titles;
}

} // namespace

FilterNotices::FilterNotices(NoticeBar *bar, ImageFilterModel *filter, ImageTableView *view, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_filter(filter)
    , m_view(view)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(UpdateDelayMs);
    connect(m_timer, &QTimer::timeout, this, &FilterNotices::updateNow);
    connect(m_bar, &NoticeBar::actionTriggered, this, &FilterNotices::onAction);
    connect(m_filter, &ImageFilterModel::filterStateChanged, this, [this] {
        // The user's own filter: they know what it hides.
        m_restored = false;
        scheduleUpdate();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &FilterNotices::scheduleUpdate);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &FilterNotices::scheduleUpdate);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FilterNotices::scheduleUpdate);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &FilterNotices::scheduleUpdate);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &FilterNotices::scheduleUpdate);
    connect(m_view, &ImageTableView::viewStateChanged, this, &FilterNotices::scheduleUpdate);
    // Rows the filter hides change "showing 12 of 2,851" without a signal of the filter model.
    const auto watchSource = [this] {
        if (QAbstractItemModel *source = m_filter->sourceModel()) {
            connect(source, &QAbstractItemModel::rowsInserted, this, &FilterNotices::scheduleUpdate,
                    Qt::UniqueConnection);
            connect(source, &QAbstractItemModel::rowsRemoved, this, &FilterNotices::scheduleUpdate,
                    Qt::UniqueConnection);
            connect(source, &QAbstractItemModel::modelReset, this, &FilterNotices::scheduleUpdate,
                    Qt::UniqueConnection);
        }
    };
    watchSource();
    connect(m_filter, &QAbstractProxyModel::sourceModelChanged, this, watchSource);
}

void FilterNotices::setRestoredFilter(bool restored)
{
    m_restored = restored;
    scheduleUpdate();
}

void FilterNotices::scheduleUpdate()
{
    if (!m_timer->isActive())
        m_timer->start();
}

QSet<int> FilterNotices::visibleColumns() const
{
    QSet<int> visible;
    for (int column = 0; column < m_filter->columnCount(); ++column) {
        if (!m_view->isColumnHidden(column))
            visible.insert(column);
    }
    return visible;
}

void FilterNotices::show(Notice notice, const QString &text, const QString &details, const QString &action)
{
    m_shown = notice;
    if (m_bar->text() != text || m_bar->isHidden())
        m_bar->showNotice(text, details, action);
}

void FilterNotices::updateNow()
{
    m_timer->stop();
    const QString &text = m_filter->filterState().text;
    if (m_shown != Notice::None && m_bar->isHidden()) {
        // The user closed it: not again (for the same text).
        if (m_shown == Notice::RestoredFilter)
            m_restored = false;
        else
            m_dismissedForText = text;
        m_shown = Notice::None;
    }

    const QAbstractItemModel *source = m_filter->sourceModel();
    const int total = source ? source->rowCount() : 0;
    const int shown = m_filter->rowCount();
    if (m_restored && m_filter->filterState().isActive() && total > 0 && shown < total) {
        show(Notice::RestoredFilter,
             tr("Filtered: showing %1 of %Ln image(s).", "the filter of the last session hides images", total)
                 .arg(QLocale().toString(shown)),
             tr("The filters of the last session were restored."), tr("Clear Filters"));
        return;
    }

    const ImageFilterModel::HiddenTextMatches matches = m_filter->hiddenTextMatches(visibleColumns());
    if (matches.rows > 0 && !matches.columns.isEmpty() && text != m_dismissedForText) {
        m_hiddenColumns = matches.columns;
        const QStringList titles = columnTitles(matches.columns);
        const QString where = QLocale().createSeparatedList(titles);
        show(Notice::HiddenMatches,
             tr("%Ln image(s) match \"%1\" only in %2, which the table hides.", nullptr, matches.rows)
                 .arg(text, where),
             tr("The filter looks for its text in: %1.")
                 .arg(QLocale().createSeparatedList(columnTitles(ImageFilterModel::textFilterColumns()))),
             titles.size() == 1 ? tr("Show %1", "show the hidden column").arg(titles.constFirst())
                                : tr("Show These Columns"));
        return;
    }
    if (text != m_dismissedForText)
        m_dismissedForText.clear();
    if (m_shown != Notice::None) {
        m_shown = Notice::None;
        m_bar->dismiss();
    }
}

void FilterNotices::onAction()
{
    if (m_shown == Notice::RestoredFilter)
        m_filter->clearFilters();
    if (m_shown == Notice::HiddenMatches) {
        for (const int column : std::as_const(m_hiddenColumns))
            m_view->setColumnShown(column, true);
    }
    updateNow();
}

} // namespace mim
