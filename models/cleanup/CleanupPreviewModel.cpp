#include "models/cleanup/CleanupPreviewModel.h"

#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/Formatting.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mim {

CleanupPreviewModel::CleanupPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int CleanupPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_evaluation.count();
}

int CleanupPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int CleanupPreviewModel::imageColumn(int column)
{
    switch (Column(column)) {
    case Namespace:
        return ImageTableModel::Namespace;
    case Status:
        return ImageTableModel::Status;
    case Size:
        return ImageTableModel::Size;
    case Updated:
        return ImageTableModel::Updated;
    case Visibility:
        return ImageTableModel::Visibility;
    case Name:
    case Reason:
    case ColumnCount:
        break;
    }
    return -1;
}

QVariant CleanupPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CleanupMatch &match = m_evaluation.matches.at(index.row());
    const Image &image = match.image;
    const int column = index.column();
    if (const int shared = imageColumn(column); shared >= 0) {
        // The image table's columns read as they do there.
        if (std::optional<QVariant> value =
                ImageColumns::modelData(image, shared, role, SortRole, m_sizeUnit))
            return *value;
    }
    switch (role) {
    case Qt::DisplayRole:
        if (column == Name) // server text, shown with its control and bidi characters visible
            return Formatting::visibleText(image.nameAndTag());
        if (column == Reason)
            return reasonText(match);
        return {};
    case Qt::ToolTipRole:
        // Tooltips that look like HTML are rendered as HTML: server text is escaped for them.
        if (column == Name)
            return Formatting::plainToolTip(
                Formatting::visibleText(image.swrPath.isEmpty() ? image.nameAndTag() : image.swrPath));
        return Formatting::plainToolTip(data(index, Qt::DisplayRole).toString());
    case Qt::CheckStateRole:
        if (column == Name)
            return isChecked(image.id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case SortRole:
        if (column == Reason)
            return match.idleDays;
        return data(index, Qt::DisplayRole).toString().toCaseFolded();
    case ImageIdRole:
        return image.id;
    default:
        return {};
    }
}

bool CleanupPreviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != Name ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    setChecked(imageAt(index.row()).id, Qt::CheckState(value.toInt()) == Qt::Checked);
    return true;
}

Qt::ItemFlags CleanupPreviewModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant CleanupPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const int shared = imageColumn(section);
    if (role == Qt::TextAlignmentRole)
        return ImageColumns::alignment(shared);
    if (role != Qt::DisplayRole)
        return {};
    if (shared >= 0)
        return ImageColumns::title(shared);
    if (section == Name)
        return tr("Image");
    return tr("Why", "column: why the clean-up rules chose the image");
}

void CleanupPreviewModel::setEvaluation(const CleanupEvaluation &evaluation,
                                        const SizeUnit::Inference &sizeUnit)
{
    m_sizeUnit = sizeUnit;
    // The same images again (a poll of the table, a rule change that selects the same set): update in place
    // so the view keeps its scroll position, selection and current row.
    const bool sameRows =
        std::equal(evaluation.matches.cbegin(), evaluation.matches.cend(), m_evaluation.matches.cbegin(),
                   m_evaluation.matches.cend(),
                   [](const CleanupMatch &a, const CleanupMatch &b) { return a.image.id == b.image.id; });
    if (sameRows) {
        m_evaluation = evaluation;
        if (!m_evaluation.matches.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT checkedChanged();
        return;
    }
    beginResetModel();
    m_evaluation = evaluation;
    endResetModel();
    Q_EMIT checkedChanged();
}

void CleanupPreviewModel::setChecked(const QString &id, bool checked)
{
    if (isChecked(id) == checked)
        return;
    if (checked)
        m_unchecked.remove(id);
    else
        m_unchecked.insert(id);
    for (int row = 0; row < m_evaluation.count(); ++row) {
        if (imageAt(row).id == id) {
            const QModelIndex cell = index(row, Name);
            Q_EMIT dataChanged(cell, cell, {Qt::CheckStateRole});
            break;
        }
    }
    Q_EMIT checkedChanged();
}

void CleanupPreviewModel::setAllChecked(bool checked)
{
    bool changed = false;
    for (const CleanupMatch &match : std::as_const(m_evaluation.matches)) {
        if (isChecked(match.image.id) == checked)
            continue;
        changed = true;
        if (checked)
            m_unchecked.remove(match.image.id);
        else
            m_unchecked.insert(match.image.id);
    }
    if (!changed)
        return;
    if (m_evaluation.count() > 0)
        Q_EMIT dataChanged(index(0, Name), index(m_evaluation.count() - 1, Name), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

QList<Image> CleanupPreviewModel::checkedImages() const
{
    QList<Image> result;
    for (const CleanupMatch &match : m_evaluation.matches) {
        if (isChecked(match.image.id))
            result.append(match.image);
    }
    return result;
}

int CleanupPreviewModel::checkedCount() const
{
    int count = 0;
    for (const CleanupMatch &match : m_evaluation.matches)
        count += isChecked(match.image.id) ? 1 : 0;
    return count;
}

qint64 CleanupPreviewModel::checkedSizeKb() const
{
    qint64 total = 0;
    for (const CleanupMatch &match : m_evaluation.matches) {
        if (isChecked(match.image.id))
            total += qMax<qint64>(0, match.image.sizeKb);
    }
    return total;
}

qint64 CleanupPreviewModel::checkedReclaimableKb(bool force) const
{
    return CleanupRules::reclaimableKb(checkedImages(), force);
}

QString CleanupPreviewModel::reasonText(const CleanupMatch &match)
{
    // Only the rules that are set: a reason the user did not ask about ("not updated for 769 days" with the
    // age rule off) reads as if it had decided the proposal.
    QStringList parts;
    if (match.rules.testFlag(CleanupRule::Failed))
        parts.append(tr("Failed to save"));
    if (match.rules.testFlag(CleanupRule::NotUpdated) && match.idleDays >= 0)
        parts.append(tr("Not updated for %Ln day(s)", nullptr, match.idleDays));
    if (match.rules.testFlag(CleanupRule::KeepNewest)) {
        if (match.rankInName > 1)
            parts.append(tr("%Ln newer version(s)", "of the same image name", match.rankInName - 1));
        else
            parts.append(tr("Failed versions are never kept", "the keep-newest-versions rule"));
    }
    if (match.rules.testFlag(CleanupRule::SizeAbove))
        parts.append(
            tr("%1, larger than %2", "size of the image, then the size rule's threshold")
                .arg(Formatting::dataSize(match.imageBytes), Formatting::dataSize(match.sizeAboveKb * 1024)));
    if (match.rules.testFlag(CleanupRule::NamespacePattern))
        parts.append(tr("Namespace matches %1", "%1 is a wildcard pattern")
                         .arg(Formatting::visibleText(match.namespacePattern)));
    if (match.rules.testFlag(CleanupRule::NamePattern))
        parts.append(tr("Name matches %1", "%1 is a wildcard pattern")
                         .arg(Formatting::visibleText(match.namePattern)));
    // The separator between the reasons, e.g. "Failed to save · Not updated for 40 days".
    return parts.join(tr(" · ", "separator between reasons"));
}

} // namespace mim
