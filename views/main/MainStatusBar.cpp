#include "views/main/MainStatusBar.h"

#include "models/common/Formatting.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace mim {

MainStatusBar::MainStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    setObjectName(u"statusBar"_s);
    setSizeGripEnabled(true);

    m_settling = new QLabel(this);
    m_settling->setObjectName(u"settlingNote"_s);
    m_settling->hide();
    // Permanent, and the first of them: QStatusBar paints temporary messages only left of the first permanent
    // widget, so a message and the note sit side by side and never over each other.
    m_settling->setContentsMargins(6, 0, 6, 0);
    addPermanentWidget(m_settling);

    m_load = makeProgress(tr("Loading progress"), &m_loadCancel);
    m_loadCancel->setToolTip(tr("Stop loading the image list"));
    connect(m_loadCancel, &QToolButton::clicked, this, &MainStatusBar::cancelLoadRequested);
    m_deletion = makeProgress(tr("Deletion progress"), &m_deletionCancel);
    m_deletionCancel->setToolTip(tr("Stop deleting: requests already sent finish, the rest are not sent"));
    connect(m_deletionCancel, &QToolButton::clicked, this, &MainStatusBar::cancelDeletionRequested);

    m_selection = new QLabel(this);
    m_selection->setObjectName(u"selectionLabel"_s);
    m_shown = new QLabel(this);
    m_shown->setObjectName(u"shownLabel"_s);
    m_refreshed = new QLabel(this);
    m_refreshed->setObjectName(u"refreshedLabel"_s);
    for (QLabel *label : {m_selection, m_shown, m_refreshed}) {
        label->setContentsMargins(6, 0, 6, 0);
        addPermanentWidget(label);
    }
    m_selection->hide();
    m_refreshed->hide();
}

MainStatusBar::Progress MainStatusBar::makeProgress(const QString &accessibleName, QToolButton **cancel)
{
    Progress progress;
    progress.box = new QWidget(this);
    auto *layout = new QHBoxLayout(progress.box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    progress.label = new QLabel(progress.box);
    progress.bar = new QProgressBar(progress.box);
    progress.bar->setAccessibleName(accessibleName);
    progress.bar->setTextVisible(false);
    progress.bar->setMaximumWidth(fontMetrics().averageCharWidth() * 18);
    progress.bar->setMaximumHeight(fontMetrics().height());
    *cancel = new QToolButton(progress.box);
    (*cancel)->setText(tr("Cancel"));
    (*cancel)->setAutoRaise(true);
    layout->addWidget(progress.label);
    layout->addWidget(progress.bar);
    layout->addWidget(*cancel);
    progress.box->hide();
    addPermanentWidget(progress.box);
    return progress;
}

void MainStatusBar::clearShown()
{
    m_shown->clear();
    m_shown->hide();
}

void MainStatusBar::setShown(int shownCount, qint64 shownBytes, int totalCount)
{
    m_shown->show();
    const QLocale locale;
    if (shownCount == totalCount) {
        m_shown->setText(tr("%Ln image(s), %1", "status bar: count and total size", shownCount)
                             .arg(Formatting::dataSize(shownBytes)));
    } else {
        m_shown->setText(
            tr("%1 of %Ln image(s) shown, %2", "status bar: filtered count, total count, size", totalCount)
                .arg(locale.toString(shownCount), Formatting::dataSize(shownBytes)));
    }
}

void MainStatusBar::setSelection(int count, qint64 bytes)
{
    m_selection->setVisible(count > 0);
    m_selection->setText(count > 0 ? tr("%Ln selected, %1", "status bar: selection count and size", count)
                                         .arg(Formatting::dataSize(bytes))
                                   : QString());
}

void MainStatusBar::setLastRefreshed(const QDateTime &when)
{
    m_refreshed->setVisible(when.isValid());
    if (!when.isValid()) {
        m_refreshed->clear();
        return;
    }
    const QDateTime local = when.toLocalTime();
    const bool today = local.date() == QDate::currentDate();
    const QString text = today ? QLocale().toString(local.time(), QLocale::ShortFormat)
                               : QLocale().toString(local, QLocale::ShortFormat);
    m_refreshed->setText(tr("Refreshed %1", "status bar: time of the last refresh").arg(text));
    m_refreshed->setToolTip(QLocale().toString(local, QLocale::LongFormat));
}

void MainStatusBar::setCachedAsOf(const QDateTime &asOf, bool refreshing)
{
    const QDateTime local = asOf.toLocalTime();
    const bool today = local.date() == QDate::currentDate();
    const QString when = today ? QLocale().toString(local.time(), QLocale::ShortFormat)
                               : QLocale().toString(local, QLocale::ShortFormat);
    m_refreshed->setVisible(true);
    m_refreshed->setText(
        refreshing ? tr("Images as of %1 — refreshing…", "status bar: rows from the last session").arg(when)
                   : tr("Images as of %1", "status bar: rows from the last session").arg(when));
    m_refreshed->setToolTip(
        tr("Remembered from the last session; grey rows are not confirmed by the server yet."));
}

void MainStatusBar::setSettlingCount(int count)
{
    m_settling->setVisible(count > 0);
    m_settling->setText(count > 0 ? tr("%Ln image(s) being saved — watching for changes", "status bar", count)
                                  : QString());
}

void MainStatusBar::setLoadProgress(qint64 received, qint64 total)
{
    m_load.box->show();
    if (total <= 0) {
        m_load.bar->setRange(0, 0);
        m_load.label->setText(tr("Loading images…"));
        return;
    }
    // QProgressBar takes int: scale to per mille so very large totals still fit.
    m_load.bar->setRange(0, 1000);
    m_load.bar->setValue(int(qBound(qint64(0), received * 1000 / total, qint64(1000))));
    m_load.label->setText(tr("Loading images: %1 of %2", "status bar progress")
                              .arg(QLocale().toString(received), QLocale().toString(total)));
}

void MainStatusBar::finishLoad()
{
    m_load.box->hide();
}

void MainStatusBar::setDeletionProgress(int done, int total)
{
    m_deletion.box->show();
    m_deletion.bar->setRange(0, qMax(1, total));
    m_deletion.bar->setValue(done);
    m_deletion.label->setText(
        tr("Deleting: %1 of %Ln image(s)", "status bar progress; %1 is the number done", total)
            .arg(QLocale().toString(done)));
}

void MainStatusBar::finishDeletion()
{
    m_deletion.box->hide();
}

QString MainStatusBar::shownText() const
{
    return m_shown->text();
}

QString MainStatusBar::selectionText() const
{
    return m_selection->text();
}

QString MainStatusBar::refreshedText() const
{
    return m_refreshed->text();
}

QString MainStatusBar::settlingText() const
{
    return m_settling->text();
}

QString MainStatusBar::loadProgressText() const
{
    return m_load.label->text();
}

QString MainStatusBar::deletionProgressText() const
{
    return m_deletion.label->text();
}

bool MainStatusBar::isLoadProgressVisible() const
{
    return m_load.box->isVisibleTo(this);
}

bool MainStatusBar::isDeletionProgressVisible() const
{
    return m_deletion.box->isVisibleTo(this);
}

} // namespace mim
