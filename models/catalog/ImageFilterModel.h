#pragma once

#include "models/catalog/ImageTableModel.h"

#include <optional>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QVariantMap>
#include <vector>

namespace mim {

// The facets a user can filter by. Each holds the set of accepted raw values; an empty set accepts all.
enum class Facet
{
    Status,
    Type,
    Visibility,
    Architecture,
    ServiceType,
    ResourceCategory,
    Namespace,
    Workspace,
    Usage, // UsageSummary::stateValue(): IN_USE, NOT_IN_USE, UNKNOWN
};

// Qt 6.4 has no qHash for scoped enums; QHash<Facet, ...> needs one.
constexpr size_t qHash(Facet facet, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(facet), seed);
}

struct FilterState
{
    QString text; // matched case-insensitively against name, tag, id, SWR path, namespace, description
    bool showBuiltIn = false;
    QHash<Facet, QSet<QString>> facets;

    bool isActive() const; // anything beyond the defaults
    QVariantMap toVariant() const;
    static FilterState fromVariant(const QVariantMap &map);
    friend bool operator==(const FilterState &, const FilterState &) = default;
};

// Text + facet filtering and natural, raw-value sorting over ImageTableModel.
class ImageFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ImageFilterModel(QObject *parent = nullptr);

    const FilterState &filterState() const { return m_state; }
    void setFilterState(const FilterState &state);
    void setText(const QString &text);
    void setShowBuiltIn(bool show);
    void setFacet(Facet facet, const QSet<QString> &accepted);
    void clearFilters(); // back to defaults (built-in stays hidden)

    // The rows shown whose filter text matches only in columns that are not in `visibleColumns` (say, the
    // hidden Description): how many, and those columns in the order of the table. Nothing without filter
    // text, or over a source that is not an ImageTableModel.
    struct HiddenTextMatches
    {
        int rows = 0;
        QList<int> columns;
    };
    HiddenTextMatches hiddenTextMatches(const QSet<int> &visibleColumns) const;
    // The columns the filter text is looked for in (ImageTableModel::Column values).
    static QList<int> textFilterColumns();

    // Distinct raw values present in the source for a facet, for filling the facet menus.
    QStringList facetValues(Facet facet) const;

    // Any model with ImageTableModel's roles works; an ImageTableModel is read directly, which makes
    // filtering and sorting 100,000 rows several times faster than going through QVariants.
    void setSourceModel(QAbstractItemModel *model) override;
    // With an ImageTableModel (and the default sort role), the table sorts its rows (ImageTableModel::sort())
    // and this proxy keeps their order: sortColumn() then stays -1; the column is the table's sortColumn().
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // With an ImageTableModel, without mapping the index to the source: a tree view asks for the flags of
    // every row each time it lays them out.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void filterStateChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applyState(FilterState state);
    const ImageTableModel *directSource() const;
    // sortRole() is ImageTableModel::SortRole: rows compare by the table's raw values.
    bool sortsByRawValue() const;
    bool acceptsImage(int sourceRow, const Image &image) const;
    bool acceptsGenericRow(int sourceRow, const QModelIndex &sourceParent) const;
    bool matchesText(const Image &image, const ImageTableModel::SearchHints &hints) const;
    bool accepts(const Image &image, const ImageTableModel::SearchHints &hints) const;
    // Whether the row passes, when its hints tell (without a read of its image): a built-in image while
    // those are hidden, or fields that lack a character of the text, do not; with no facet set, a row
    // passes an empty text, and a text of one letter or digit when its fields have that character.
    std::optional<bool> decidedByHints(const ImageTableModel::SearchHints &hints) const;
    // Refilters every row at once. QSortFilterProxyModel's incremental refiltering removes and inserts one
    // run of rows at a time, each costing a pass over all rows: with 100,000 rows and a filter that hides
    // half of them, that is minutes; this is milliseconds.
    void refilter(const std::vector<qint8> &shownBefore);
    // How many rows the current filter would show or hide compared with what the proxy shows (the
    // acceptance known before the change, -1 where unknown), counting at most `limit`; computes (and caches)
    // every row's acceptance.
    int countVisibilityChanges(const std::vector<qint8> &shownBefore, int limit) const;
    // Computes the acceptance of every row not known yet, in one pass that reads ahead.
    void evaluateUnknownRows() const;
    qint8 &acceptanceOf(int sourceRow) const;
    void connectSource(QAbstractItemModel *model);
    void forgetAcceptance(int first, int count);

    FilterState m_state;
    std::vector<std::pair<Facet, QSet<QString>>> m_activeFacets; // the non-empty sets of m_state.facets
    ImageTableModel *m_table = nullptr;                          // the source when it is an ImageTableModel
    QString m_foldedText;                                        // m_state.text, case-folded
    bool m_foldedTextHasSurrogates = false;
    bool m_textIsHex = true; // only hex digits and dashes: may be part of an id
    // ImageTableModel::characterBit() of each unit of m_foldedText: a row whose fields lack one cannot match
    // (0 when the text has surrogates, which are searched another way).
    quint64 m_textCharacters = 0;
    // m_foldedText is one character with a bit of its own: a row matches when it has that bit.
    bool m_textDecidedByCharacters = false;
    // Whether each source row passes the filter, by ImageTableModel::rowKey(): 1 yes, 0 no, -1 not known
    // yet. When only the text changes and only grows (typing), rows that did not pass cannot pass; when it
    // only shrinks, rows that passed still do: most rows need no second look.
    mutable std::vector<qint8> m_accepted;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace mim
