#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QVariantMap>

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

Q_SIGNALS:
    void filterStateChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applyState(FilterState state);
    const ImageTableModel *directSource() const;
    bool acceptsImage(const Image &image) const;
    bool acceptsGenericRow(int sourceRow, const QModelIndex &sourceParent) const;

    FilterState m_state;
    const ImageTableModel *m_table = nullptr; // the source when it is an ImageTableModel
};

} // namespace mim
