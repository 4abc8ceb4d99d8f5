#pragma once

// Not for use outside models/api: the window of listing pages in flight (ImageListing.cpp,
// WorkspacesListing.cpp).

#include <QObject>

class QTimer;

namespace mim {

// The pages of image listings that may be in flight at once. The server throttles the account, not a
// workspace: the listings of every workspace share one window, so that neither the window nor a Retry-After
// hold is split or multiplied, and a throttled page of one workspace holds back the pages of all.
//
// Like TCP: it starts at `initial`, and until the server first pushes back one more page may be in flight per
// good answer, so the window doubles per round trip (4, 8, 16: two round trips instead of twelve); after a
// 429 or 503 has halved it, one more per window's worth of good answers, about one per round trip. It never
// exceeds `limit`.
class PageWindow : public QObject
{
    Q_OBJECT
public:
    // `maxHoldMs` caps a Retry-After (the throttled page retries itself after the same capped delay).
    PageWindow(int initial, int limit, int maxHoldMs, QObject *parent = nullptr);

    int size() const { return m_size; }
    int inFlight() const { return m_inFlight; }
    int peakInFlight() const { return m_peakInFlight; }
    // Counts the decreases: an answer throttled at a page sent in an older epoch says nothing about the
    // window since.
    int epoch() const { return m_epoch; }

    // Whether one more page may be sent now. A listing's first page tells how many more it has: until the
    // server first pushes back, first pages may also use what the window may grow to, so that every
    // workspace learns its total in the first round trip.
    bool mayRequest(bool firstPage) const;
    void pageSent();
    void pageAnswered();
    void goodAnswer();
    // A page sent in `epoch` was answered 429 or 503; retryAfterMs < 0: the server named no delay.
    void throttled(int epoch, int retryAfterMs);
    // Lets the listings send what the window now allows: they are asked in the order they connected to
    // pagesAllowed(), the first ones first.
    void offer();

Q_SIGNALS:
    void sizeChanged(int size);
    void pagesAllowed();

private:
    void setSize(int size);

    int m_size;
    int m_limit;
    int m_maxHoldMs;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_epoch = 0;
    int m_goodAnswers = 0;
    bool m_offering = false;
    bool m_offerAgain = false;
    QTimer *m_hold; // runs while the server's Retry-After holds new pages back
};

} // namespace mim
