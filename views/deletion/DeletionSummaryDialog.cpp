#include "views/deletion/DeletionSummaryDialog.h"

#include "models/common/Formatting.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

DeletionSummaryDialog::DeletionSummaryDialog(const DeletionSummary &summary, QWidget *parent,
                                             const DeleteImagesText::WorkspaceText &workspaceText)
    : QDialog(parent)
    , m_summary(summary)
{
    setObjectName(u"deletionSummaryDialog"_s);
    setWindowTitle(tr("Deletion Results"));
    setAttribute(Qt::WA_DeleteOnClose);

    using Outcome = DeletionResult::Outcome;
    const int deleted = summary.count(Outcome::Deleted);
    const int gone = summary.count(Outcome::AlreadyGone);
    const int failed = summary.count(Outcome::Failed);
    const int cancelled = summary.count(Outcome::Cancelled);
    const int unknown = summary.count(Outcome::Unknown);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    const auto which =
        failed > 0 || unknown > 0 ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation;
    icon->setPixmap(style()->standardIcon(which, nullptr, this).pixmap(iconSize, iconSize));

    QStringList parts;
    parts.append(tr("%Ln image(s) deleted", "deletion summary", deleted));
    if (gone > 0)
        parts.append(tr("%Ln already gone", "deletion summary: deleted by someone else before us", gone));
    if (failed > 0)
        parts.append(tr("%Ln failed", "deletion summary", failed));
    if (cancelled > 0)
        parts.append(tr("%Ln cancelled", "deletion summary: never sent", cancelled));
    if (unknown > 0)
        parts.append(
            tr("%Ln with unknown outcome", "deletion summary: sent, but the answer was lost", unknown));
    m_headline =
        new QLabel(tr("%1.", "deletion summary sentence: the parts joined").arg(parts.join(u", "_s)), this);
    m_headline->setTextFormat(Qt::PlainText);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setWordWrap(true);

    auto *top = new QHBoxLayout();
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(m_headline, 1);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"problemList"_s);
    m_list->setAccessibleName(tr("Images that were not deleted"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Image"), tr("Result", "what happened to the image")});
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    for (const DeletionResult &result : summary.results) {
        if (result.outcome == Outcome::Deleted)
            continue;
        auto *item = new QTreeWidgetItem(
            m_list, {DeleteImagesText::imageName(result.image, workspaceText), outcomeText(result)});
        item->setToolTip(0, Formatting::plainToolTip(Formatting::visibleText(result.image.id)));
        item->setToolTip(1, Formatting::plainToolTip(outcomeText(result)));
    }
    m_list->header()->setStretchLastSection(true);
    m_list->resizeColumnToContents(0);
    m_list->setColumnWidth(0, qMin(m_list->columnWidth(0), fontMetrics().averageCharWidth() * 40));
    m_list->setVisible(m_list->topLevelItemCount() > 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = buttons->addButton(tr("Retry Failed"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(u"retryFailedButton"_s);
    m_retry->setEnabled(!summary.failedRequests().isEmpty());
    m_retry->setVisible(failed > 0);
    QPushButton *copy = buttons->addButton(tr("Copy Report"), QDialogButtonBox::ActionRole);
    copy->setVisible(m_list->topLevelItemCount() > 0);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const QList<DeletionRequest> again = m_summary.failedRequests();
        close();
        Q_EMIT retryRequested(again);
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(headline() + u'\n' + problemLines().join(u'\n'));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, m_list->isVisible() ? fontMetrics().height() * 22 : 0);
}

QString DeletionSummaryDialog::outcomeText(const DeletionResult &result)
{
    switch (result.outcome) {
    case DeletionResult::Outcome::Deleted:
        return tr("Deleted");
    case DeletionResult::Outcome::AlreadyGone:
        return tr("Already gone: it was deleted elsewhere before this request.");
    case DeletionResult::Outcome::Cancelled:
        return tr("Not deleted: cancelled before the request was sent.");
    case DeletionResult::Outcome::Unknown:
        return tr("Outcome unknown: the request was sent, but no answer said whether the image was deleted. "
                  "The app will check with the server the next time this account is opened.") +
               u'\n' + result.error.fullText();
    case DeletionResult::Outcome::Failed:
        break;
    }
    return result.error.fullText();
}

QString DeletionSummaryDialog::headline() const
{
    return m_headline->text();
}

QStringList DeletionSummaryDialog::problemLines() const
{
    QStringList lines;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        lines.append(item->text(0) + u": "_s + item->text(1).simplified());
    }
    return lines;
}

} // namespace mim
