#pragma once

#include "views/common/UrlOpener.h"

#include <QDialog>

class QLabel;
class QTextBrowser;

namespace mim {

// Help > About: the version, what the app does, its licence (MIT), homepage and bug tracker, and the
// notices of the third-party libraries it uses (THIRD-PARTY-NOTICES.md, the text the packages install
// beside the licence). Links open through the injected opener.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(UrlOpener opener, QWidget *parent = nullptr);

    // The visible text of the upper part (version, licence, links) and of the notices.
    QString summaryText() const;
    QString noticesText() const;

    // The text of THIRD-PARTY-NOTICES.md, built into the app.
    static QString thirdPartyNotices();

private:
    void openLink(const QUrl &url);

    UrlOpener m_opener;
    QLabel *m_summary = nullptr;
    QTextBrowser *m_notices = nullptr;
};

} // namespace mim
