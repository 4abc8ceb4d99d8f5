#include "views/deletion/DeletionSummaryDialog.h"

#include "models/common/Formatting.h"
#include "models/common/SettingsKeys.h"
#include "views/common/DialogGeometry.h"

#include <algorithm>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

using Outcome = DeletionResult::Outcome;

enum Column
{
    ImageColumn,
    ReasonColumn,
    ActionColumn,
};

// The images that were not deleted for one reason.
struct ReasonGroup
{
    Outcome outcome = Outcome::Failed;
    QString reason;
    QList<const DeletionResult *> results;
};

// The reason shared by a group: for a failure the sentence that says what went wrong (the server's own
// words differ per image and stay on the image's row), for the other outcomes what became of the image.
QString reasonOf(const DeletionResult &result)
{
    if (result.outcome == Outcome::Failed)
        return result.error.summary();
    return DeletionSummaryDialog::outcomeText(result).section(u'\n', 0, 0);
}

// What the row of one image adds to its group's reason.
QString detailOf(const DeletionResult &result)
{
    if (result.outcome == Outcome::Failed || result.outcome == Outcome::Unknown) {
        QStringList lines = result.error.fullText().split(u'\n');
        if (result.outcome == Outcome::Failed && lines.size() > 1)
            lines.removeFirst(); // the group's reason
        return lines.join(u'\n');
    }
    return {};
}

QString countText(Outcome outcome, int count)
{
    switch (outcome) {
    case Outcome::Failed:
        return DeletionSummaryDialog::tr("%Ln failed", "deletion summary", count);
    case Outcome::AlreadyGone:
        return DeletionSummaryDialog::tr("%Ln already gone",
                                         "deletion summary: deleted by someone else before us", count);
    case Outcome::Cancelled:
        return DeletionSummaryDialog::tr("%Ln cancelled", "deletion summary: never sent", count);
    case Outcome::Unknown:
        return DeletionSummaryDialog::tr("%Ln with unknown outcome",
                                         "deletion summary: sent, but the answer was lost", count);
    case Outcome::Deleted:
        break;
    }
    return DeletionSummaryDialog::tr("%Ln image(s) deleted", "deletion summary", count);
}

int outcomeOrder(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return 0;
    case Outcome::Unknown:
        return 1;
    case Outcome::Cancelled:
        return 2;
    case Outcome::AlreadyGone:
        return 3;
    case Outcome::Deleted:
        break;
    }
    return 4;
}

// Word wrap in a tree: QTreeView asks for a row's height without the column's width, so a wrapped cell
// would get the height of its unwrapped text.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeWidget *tree)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem wrapped(option);
        int width = m_tree->columnWidth(index.column());
        if (index.column() == 0) {
            int depth = 0;
            for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
                ++depth;
            width -= m_tree->indentation() * (depth + (m_tree->rootIsDecorated() ? 1 : 0));
        }
        wrapped.rect = QRect(0, 0, qMax(1, width), qMax(1, option.rect.height()));
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

private:
    QTreeWidget *m_tree;
};

} // namespace

DeletionSummaryDialog::DeletionSummaryDialog(const DeletionSummary &summary, QSettings *settings,
                                             QWidget *parent,
                                             const DeleteImagesText::WorkspaceText &workspaceText)
    : QDialog(parent)
    , m_summary(summary)
    , m_settings(settings)
{
    setObjectName(u"deletionSummaryDialog"_s);
    setWindowTitle(tr("Deletion Results"));
    setAttribute(Qt::WA_DeleteOnClose);
    setSizeGripEnabled(true);

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
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Image"), tr("Result", "what happened to the image"), QString()});
    m_list->setWordWrap(true);
    m_list->setItemDelegate(new WrappingDelegate(m_list));
    m_list->setUniformRowHeights(false);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    addGroups(workspaceText);
    m_list->setVisible(m_list->topLevelItemCount() > 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = buttons->addButton(tr("Retry Failed"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(u"retryFailedButton"_s);
    m_retry->setEnabled(!summary.failedRequests().isEmpty());
    m_retry->setVisible(failed > 0);
    QPushButton *copy = buttons->addButton(tr("Copy Report"), QDialogButtonBox::ActionRole);
    copy->setVisible(m_list->topLevelItemCount() > 0);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_retry, &QPushButton::clicked, this, [this] { retry(m_summary.failedRequests()); });
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(headline() + u'\n' + problemLines().join(u'\n'));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    DialogGeometry::open(this, contentSize(), m_settings, SettingsKey::DeletionResultsGeometry);
}

void DeletionSummaryDialog::addGroups(const DeleteImagesText::WorkspaceText &workspaceText)
{
    QList<ReasonGroup> groups;
    for (const DeletionResult &result : std::as_const(m_summary.results)) {
        if (result.outcome == Outcome::Deleted)
            continue;
        m_problemLines.append(DeleteImagesText::imageName(result.image, workspaceText) + u": "_s +
                              outcomeText(result).simplified());
        const QString reason = reasonOf(result);
        auto group = std::find_if(groups.begin(), groups.end(), [&](const ReasonGroup &candidate) {
            return candidate.outcome == result.outcome && candidate.reason == reason;
        });
        if (group == groups.end())
            group = groups.insert(groups.end(), ReasonGroup{result.outcome, reason, {}});
        group->results.append(&result);
    }
    // Failures first, the most common reason first: what most needs an answer.
    std::stable_sort(groups.begin(), groups.end(), [](const ReasonGroup &a, const ReasonGroup &b) {
        if (outcomeOrder(a.outcome) != outcomeOrder(b.outcome))
            return outcomeOrder(a.outcome) < outcomeOrder(b.outcome);
        return a.results.size() > b.results.size();
    });

    const QList<DeletionRequest> failedRequests = m_summary.failedRequests();
    for (const ReasonGroup &group : std::as_const(groups)) {
        auto *heading = new QTreeWidgetItem(m_list, {countText(group.outcome, int(group.results.size())),
                                                     Formatting::visibleText(group.reason)});
        QFont font = heading->font(ImageColumn);
        font.setBold(true);
        heading->setFont(ImageColumn, font);
        heading->setFont(ReasonColumn, font);
        heading->setToolTip(ReasonColumn, Formatting::plainToolTip(Formatting::visibleText(group.reason)));
        heading->setFlags(Qt::ItemIsEnabled);
        QSet<QString> ids;
        for (const DeletionResult *result : group.results) {
            ids.insert(result->image.id);
            auto *item = new QTreeWidgetItem(
                heading, {DeleteImagesText::imageName(result->image, workspaceText), detailOf(*result)});
            item->setToolTip(ImageColumn,
                             Formatting::plainToolTip(Formatting::visibleText(result->image.id)));
            item->setToolTip(ReasonColumn, Formatting::plainToolTip(outcomeText(*result)));
        }
        heading->setExpanded(true);
        if (group.outcome != Outcome::Failed)
            continue;
        // The failed requests of this reason; a group deletion goes again whole when any version failed here.
        QList<DeletionRequest> again;
        for (const DeletionRequest &request : failedRequests) {
            const QList<Image> images = request.images();
            if (std::any_of(images.begin(), images.end(),
                            [&ids](const Image &image) { return ids.contains(image.id); }))
                again.append(request);
        }
        if (again.isEmpty())
            continue;
        auto *button = new QPushButton(tr("Retry", "the failed deletions of one reason"), m_list);
        button->setObjectName(u"retryGroupButton"_s);
        button->setAccessibleName(tr("Retry: %1", "retry the deletions that failed for this reason")
                                      .arg(heading->text(ImageColumn)));
        connect(button, &QPushButton::clicked, this, [this, again] { retry(again); });
        m_list->setItemWidget(heading, ActionColumn, button);
        m_groupRetries.append(button);
    }

    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ImageColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    m_list->resizeColumnToContents(ImageColumn);
    m_list->setColumnWidth(ImageColumn,
                           qMin(m_list->columnWidth(ImageColumn), fontMetrics().averageCharWidth() * 48));
    // Wrapped rows take the height of their text at the column's new width.
    connect(header, &QHeaderView::sectionResized, m_list, [this] { m_list->doItemsLayout(); });
}

QSize DeletionSummaryDialog::contentSize() const
{
    const QFontMetrics metrics = fontMetrics();
    const int reasonWidth = metrics.averageCharWidth() * 72;
    const int width = m_list->columnWidth(ImageColumn) + reasonWidth + metrics.averageCharWidth() * 16;

    // Each row as tall as its wrapped text at that width.
    int rowsHeight = m_list->header()->sizeHint().height();
    const QRect textBox(0, 0, reasonWidth, 1 << 20);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *heading = m_list->topLevelItem(i);
        rowsHeight += metrics.boundingRect(textBox, Qt::TextWordWrap, heading->text(ReasonColumn)).height() +
                      metrics.lineSpacing() / 2;
        for (int j = 0; j < heading->childCount(); ++j) {
            const QString text = heading->child(j)->text(ReasonColumn);
            rowsHeight +=
                qMax(metrics.lineSpacing(), metrics.boundingRect(textBox, Qt::TextWordWrap, text).height()) +
                metrics.lineSpacing() / 2;
        }
    }
    const int chrome = sizeHint().height() - m_list->sizeHint().height();
    const int height = m_list->isVisible() || m_list->topLevelItemCount() > 0
                           ? chrome + rowsHeight + metrics.height() * 2
                           : sizeHint().height();
    return {width, height};
}

void DeletionSummaryDialog::retry(const QList<DeletionRequest> &requests)
{
    close();
    Q_EMIT retryRequested(requests);
}

void DeletionSummaryDialog::hideEvent(QHideEvent *event)
{
    DialogGeometry::keep(this, m_settings, SettingsKey::DeletionResultsGeometry);
    QDialog::hideEvent(event);
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
    return m_problemLines;
}

} // namespace mim
