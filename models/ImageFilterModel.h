#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QVariantMap>
#include <vector>

namespace mim {

struct Image;
class ImageTableModel;

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

    // Distinct raw values present in the source for a facet, for filling the facet menus.
    QStringList facetValues(Facet facet) const;

    // Any model with ImageTableModel's roles works; an ImageTableModel is read directly, which makes
    // filtering and sorting 100,000 rows several times faster than going through QVariants.
    void setSourceModel(QAbstractItemModel *model) override;
    // With an ImageTableModel, sorts by its sort ranks: integer comparisons.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void filterStateChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applyState(FilterState state);
    const ImageTableModel *directSource() const;
    bool acceptsImage(int sourceRow, const Image &image) const;
    bool acceptsGenericRow(int sourceRow, const QModelIndex &sourceParent) const;
    bool matchesText(const Image &image) const;
    bool accepts(const Image &image) const;
    // Refilters every row at once. QSortFilterProxyModel's incremental refiltering removes and inserts one
    // run of rows at a time, each costing a pass over all rows: with 100,000 rows and a filter that hides
    // half of them, that is minutes; this is milliseconds.
    void refilter();
    void prepareSortRanks(int column) const;
    void connectSource(QAbstractItemModel *model);
    void forgetAcceptance(int first, int count);

    FilterState m_state;
    std::vector<std::pair<Facet, QSet<QString>>> m_activeFacets; // the non-empty sets of m_state.facets
    const ImageTableModel *m_table = nullptr;                    // the source when it is an ImageTableModel
    bool m_sortsByRawValue = true;                               // sortRole() is ImageTableModel::SortRole
    QString m_foldedText;                                        // m_state.text, case-folded
    bool m_foldedTextHasSurrogates = false;
    // Whether each source row passes the filter: 1 yes, 0 no, -1 not known yet. When only the text changes
    // and only grows (typing), rows that did not pass cannot pass; when it only shrinks, rows that passed
    // still do: most rows need no second look.
    mutable std::vector<qint8> m_accepted;
    // Comparisons made without ranks since the ranks were last computed: past a few thousand, computing
    // the ranks is cheaper than going on (a full sort), below it not (one row moved).
    mutable int m_comparisonsWithoutRanks = 0;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace mim
