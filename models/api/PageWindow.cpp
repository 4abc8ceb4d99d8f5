#include "models/api/PageWindow.h"

#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

PageWindow::PageWindow(int initial, int limit, int maxHoldMs, QObject *parent)
    : QObject(parent)
    , m_size(qMax(1, initial))
    , m_limit(qMax(m_size, limit))
    , m_maxHoldMs(qMax(0, maxHoldMs))
    , m_hold(new QTimer(this))
{
    m_hold->setSingleShot(true);
    connect(m_hold, &QTimer::timeout, this, &PageWindow::offer);
}

bool PageWindow::mayRequest(bool firstPage) const
{
    if (m_hold->isActive())
        return false;
    const int open = firstPage && m_epoch == 0 ? m_limit : m_size;
    return m_inFlight < open;
}

void PageWindow::pageSent()
{
    ++m_inFlight;
    m_peakInFlight = qMax(m_peakInFlight, m_inFlight);
}

void PageWindow::pageAnswered()
{
    m_inFlight = qMax(0, m_inFlight - 1);
}

void PageWindow::goodAnswer()
{
    if (m_size >= m_limit)
        return;
    const bool slowStart = m_epoch == 0;
    if (!slowStart && ++m_goodAnswers < m_size)
        return;
    m_goodAnswers = 0;
    setSize(m_size + 1);
}

// Multiplicative decrease, once per window: the pages sent before the last decrease were sent at the old size
// and say nothing about the new one.
void PageWindow::throttled(int epoch, int retryAfterMs)
{
    if (retryAfterMs > 0 && !m_hold->isActive()) {
        // The server asked for a pause: no new page until it is over.
        m_hold->start(qMin(retryAfterMs, m_maxHoldMs));
    }
    if (epoch != m_epoch)
        return;
    ++m_epoch;
    m_goodAnswers = 0;
    qCDebug(lcApi) << "listing throttled: window" << m_size << "->" << qMax(1, m_size / 2) << "retry after"
                   << retryAfterMs << "ms";
    setSize(qMax(1, m_size / 2));
}

void PageWindow::offer()
{
    // A listing that answers an offer may finish a page at once (a cancellation): its offer is folded into
    // the one running, not nested in it.
    if (m_offering) {
        m_offerAgain = true;
        return;
    }
    m_offering = true;
    do {
        m_offerAgain = false;
        Q_EMIT pagesAllowed();
    } while (m_offerAgain && mayRequest(true));
    m_offering = false;
}

void PageWindow::setSize(int size)
{
    if (size == m_size)
        return;
    m_size = size;
    Q_EMIT sizeChanged(size);
}

} // namespace mim
