#pragma once

#include "models/cleanup/CleanupRules.h"

#include <QAbstractTableModel>
#include <QSet>

namespace mim {

// The images a set of clean-up rules proposes, each with a check box. Unticking an image is remembered by
// id while the rules change, so an image the user spared stays spared when it matches again.
class CleanupPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name, // name:tag, with the check box
        Namespace,
        Status,
        Size,
        Updated,
        Visibility,
        Reason,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value: qint64 for size and dates, text otherwise
        ImageIdRole,
    };

    explicit CleanupPreviewModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `sizeUnit` is the one the evaluation was made in (the account's ReportedSizeUnit), for the Size cells.
    void setEvaluation(const CleanupEvaluation &evaluation, const SizeUnit::Inference &sizeUnit = {});
    const CleanupEvaluation &evaluation() const { return m_evaluation; }
    const Image &imageAt(int row) const { return m_evaluation.matches.at(row).image; }

    bool isChecked(const QString &id) const { return !m_unchecked.contains(id); }
    void setChecked(const QString &id, bool checked);
    void setAllChecked(bool checked);

    // The ticked images, in model order.
    QList<Image> checkedImages() const;
    int checkedCount() const;
    qint64 checkedSizeKb() const;
    // SWR space freed by deleting the ticked images (see CleanupRules::reclaimableKb).
    qint64 checkedReclaimableKb(bool force) const;

    // "Failed to save · Not updated for 40 days · 3 newer versions": the rules that chose the image, each
    // rule that is set, nothing else.
    static QString reasonText(const CleanupMatch &match);

Q_SIGNALS:
    // A check box changed, or the rows changed: the counts and sizes may be different.
    void checkedChanged();

private:
    // The ImageTableModel::Column a column shows (it reads as the image table's), or -1 for the preview's
    // own.
    static int imageColumn(int column);

    CleanupEvaluation m_evaluation;
    SizeUnit::Inference m_sizeUnit;
    QSet<QString> m_unchecked; // by id: survives re-evaluation
};

} // namespace mim
