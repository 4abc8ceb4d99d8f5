#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QVariantMap>

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
};

struct FilterState
{
    QString text;        // matched case-insensitively against name, tag, id, SWR path, namespace, description
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

Q_SIGNALS:
    void filterStateChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    FilterState m_state;
};

} // namespace mim
