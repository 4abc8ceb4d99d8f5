#include "ImageFilterModel.h"

#include "ImageTableModel.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

struct FacetInfo
{
    Facet facet;
    ImageTableModel::Column column;
    QLatin1StringView key; // name in the persisted state; never translated, never renamed
};

constexpr std::array<FacetInfo, 8> facetTable{{
    {Facet::Status, ImageTableModel::Status, "status"_L1},
    {Facet::Type, ImageTableModel::Type, "type"_L1},
    {Facet::Visibility, ImageTableModel::Visibility, "visibility"_L1},
    {Facet::Architecture, ImageTableModel::Architecture, "architecture"_L1},
    {Facet::ServiceType, ImageTableModel::ServiceType, "serviceType"_L1},
    {Facet::ResourceCategory, ImageTableModel::Resources, "resourceCategory"_L1},
    {Facet::Namespace, ImageTableModel::Namespace, "namespace"_L1},
    {Facet::Workspace, ImageTableModel::Workspace, "workspace"_L1},
}};

const FacetInfo &infoOf(Facet facet)
{
    for (const FacetInfo &info : facetTable) {
        if (info.facet == facet)
            return info;
    }
    Q_UNREACHABLE();
    return facetTable.front();
}

// The columns the text filter looks in.
constexpr std::array<ImageTableModel::Column, 6> textColumns{
    ImageTableModel::Name,    ImageTableModel::Tag,       ImageTableModel::Id,
    ImageTableModel::SwrPath, ImageTableModel::Namespace, ImageTableModel::Description,
};

QStringList sortedList(const QSet<QString> &values)
{
    QStringList list(values.cbegin(), values.cend());
    list.sort();
    return list;
}

} // namespace

bool FilterState::isActive() const
{
    if (!text.isEmpty() || showBuiltIn)
        return true;
    return std::any_of(facets.cbegin(), facets.cend(),
                       [](const QSet<QString> &set) { return !set.isEmpty(); });
}

QVariantMap FilterState::toVariant() const
{
    QVariantMap facetMap;
    for (auto it = facets.cbegin(); it != facets.cend(); ++it) {
        if (!it.value().isEmpty())
            facetMap.insert(QString(infoOf(it.key()).key), sortedList(it.value()));
    }
    return {
        {u"version"_s, 1},
        {u"text"_s, text},
        {u"showBuiltIn"_s, showBuiltIn},
        {u"facets"_s, facetMap},
    };
}

FilterState FilterState::fromVariant(const QVariantMap &map)
{
    FilterState state;
    state.text = map.value(u"text"_s).toString();
    state.showBuiltIn = map.value(u"showBuiltIn"_s, false).toBool();
    const QVariantMap facetMap = map.value(u"facets"_s).toMap();
    for (const FacetInfo &info : facetTable) {
        const QStringList values = facetMap.value(QString(info.key)).toStringList();
        if (!values.isEmpty())
            state.facets.insert(info.facet, QSet<QString>(values.cbegin(), values.cend()));
    }
    return state;
}

ImageFilterModel::ImageFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ImageTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ImageFilterModel::applyState(FilterState state)
{
    // An empty facet set means "accept all": drop it so equal filters compare equal.
    state.facets.removeIf([](const auto &it) { return it.value().isEmpty(); });
    if (state == m_state)
        return;
    m_state = std::move(state);
    invalidateRowsFilter();
    Q_EMIT filterStateChanged();
}

void ImageFilterModel::setFilterState(const FilterState &state)
{
    applyState(state);
}

void ImageFilterModel::setText(const QString &text)
{
    FilterState state = m_state;
    state.text = text.trimmed();
    applyState(std::move(state));
}

void ImageFilterModel::setShowBuiltIn(bool show)
{
    FilterState state = m_state;
    state.showBuiltIn = show;
    applyState(std::move(state));
}

void ImageFilterModel::setFacet(Facet facet, const QSet<QString> &accepted)
{
    FilterState state = m_state;
    state.facets.insert(facet, accepted);
    applyState(std::move(state));
}

void ImageFilterModel::clearFilters()
{
    applyState(FilterState{});
}

QStringList ImageFilterModel::facetValues(Facet facet) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return {};
    const int column = infoOf(facet).column;
    QSet<QString> values;
    const int rows = source->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QVariant value = source->index(row, column).data(ImageTableModel::FacetValueRole);
        if (value.typeId() == QMetaType::QStringList) {
            for (const QString &item : value.toStringList()) {
                if (!item.isEmpty())
                    values.insert(item);
            }
        } else if (const QString text = value.toString(); !text.isEmpty()) {
            values.insert(text);
        }
    }
    QStringList list = sortedList(values);
    // Case-insensitive so that "x86_64" and "X86_64" stay neighbours; stable for equal spellings.
    std::stable_sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return list;
}

void ImageFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_table = qobject_cast<const ImageTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

const ImageTableModel *ImageFilterModel::directSource() const
{
    // A destroyed source is replaced by an empty model without telling us: compare before use.
    return (m_table && sourceModel() == m_table) ? m_table : nullptr;
}

bool ImageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (const ImageTableModel *table = directSource(); table && !sourceParent.isValid())
        return acceptsImage(table->imageAt(sourceRow));
    return acceptsGenericRow(sourceRow, sourceParent);
}

bool ImageFilterModel::acceptsImage(const Image &image) const
{
    if (!m_state.showBuiltIn && image.isBuiltIn())
        return false;

    for (auto it = m_state.facets.cbegin(); it != m_state.facets.cend(); ++it) {
        const QSet<QString> &accepted = it.value();
        if (accepted.isEmpty())
            continue;
        bool ok = false;
        switch (it.key()) {
        case Facet::Status:
            ok = accepted.contains(image.status);
            break;
        case Facet::Type:
            ok = accepted.contains(image.type);
            break;
        case Facet::Visibility:
            ok = accepted.contains(image.visibility);
            break;
        case Facet::Architecture:
            // Facet values are normalized (upper case); the server may send lower case.
            ok = accepted.contains(image.arch) || accepted.contains(image.normalizedArch());
            break;
        case Facet::ServiceType:
            ok = accepted.contains(image.serviceType);
            break;
        case Facet::ResourceCategory:
            ok = std::any_of(image.resourceCategories.cbegin(), image.resourceCategories.cend(),
                             [&](const QString &category) { return accepted.contains(category); });
            break;
        case Facet::Namespace:
            ok = accepted.contains(image.nameSpace);
            break;
        case Facet::Workspace:
            ok = accepted.contains(image.workspaceId);
            break;
        }
        if (!ok)
            return false;
    }

    const QString &text = m_state.text;
    if (text.isEmpty())
        return true;
    for (const QString *field :
         {&image.name, &image.tag, &image.id, &image.swrPath, &image.nameSpace, &image.description}) {
        if (field->contains(text, Qt::CaseInsensitive))
            return true;
    }
    return text.contains(u':') && image.nameAndTag().contains(text, Qt::CaseInsensitive);
}

bool ImageFilterModel::acceptsGenericRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const auto valueAt = [&](int column) {
        return source->index(sourceRow, column, sourceParent).data(ImageTableModel::FacetValueRole);
    };

    if (!m_state.showBuiltIn &&
        source->index(sourceRow, 0, sourceParent).data(ImageTableModel::IsBuiltInRole).toBool())
        return false;

    for (auto it = m_state.facets.cbegin(); it != m_state.facets.cend(); ++it) {
        const QSet<QString> &accepted = it.value();
        if (accepted.isEmpty())
            continue;
        const QVariant value = valueAt(infoOf(it.key()).column);
        if (value.typeId() == QMetaType::QStringList) {
            // A multi-valued field (resource categories) passes when any of its values is accepted.
            const QStringList items = value.toStringList();
            if (std::none_of(items.cbegin(), items.cend(),
                             [&](const QString &v) { return accepted.contains(v); }))
                return false;
        } else if (!accepted.contains(value.toString())) {
            return false;
        }
    }

    if (m_state.text.isEmpty())
        return true;
    for (const ImageTableModel::Column column : textColumns) {
        if (valueAt(column).toString().contains(m_state.text, Qt::CaseInsensitive))
            return true;
    }
    // People paste "name:tag" as they would refer to an image.
    if (m_state.text.contains(u':')) {
        const QString nameAndTag =
            valueAt(ImageTableModel::Name).toString() + u':' + valueAt(ImageTableModel::Tag).toString();
        return nameAndTag.contains(m_state.text, Qt::CaseInsensitive);
    }
    return false;
}

bool ImageFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = sortRole();
    if (const ImageTableModel *table = directSource();
        table && role == ImageTableModel::SortRole && left.column() == right.column())
        return table->compareRows(left.row(), right.row(), left.column()) < 0;
    const QVariant a = left.data(role);
    const QVariant b = right.data(role);
    const int typeA = a.typeId();
    if (typeA == b.typeId()) {
        switch (typeA) {
        case QMetaType::LongLong:
            return *static_cast<const qlonglong *>(a.constData()) <
                   *static_cast<const qlonglong *>(b.constData());
        case QMetaType::QString:
            // Sort keys are already case-folded and digit-encoded: a plain comparison is natural order.
            return QString::compare(*static_cast<const QString *>(a.constData()),
                                    *static_cast<const QString *>(b.constData())) < 0;
        case QMetaType::Int:
            return a.toInt() < b.toInt();
        case QMetaType::Bool:
            return a.toBool() < b.toBool();
        default:
            break;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace mim
