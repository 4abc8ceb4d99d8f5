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

// Up to this many rows, filter changes go through QSortFilterProxyModel's incremental path (rows removed
// and inserted with their own signals); above it, one layout change (see refilter()).
constexpr int IncrementalRefilterRows = 4096;
// See m_comparisonsWithoutRanks.
constexpr int MaxComparisonsWithoutRanks = 4096;

char16_t foldedChar(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c;
    return char16_t(QChar::toCaseFolded(char32_t(c)));
}

// QStringView::contains(needle, Qt::CaseInsensitive) for a needle that is already case-folded and holds no
// surrogates, several times faster: the filter runs it on six fields of 100,000 images for every key the
// user types. Qt folds case one UTF-16 unit at a time, as this does; a surrogate never folds to a BMP
// character, so it can never match such a needle.
bool containsFolded(QStringView haystack, QStringView needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const qsizetype last = haystack.size() - n;
    const char16_t *hay = haystack.utf16();
    const char16_t *folded = needle.utf16();
    const char16_t first = folded[0];
    const bool firstIsAsciiLetter = first >= u'a' && first <= u'z';
    // Beyond ASCII, only KELVIN SIGN and LATIN SMALL LETTER LONG S fold to an ASCII letter.
    const char16_t otherFirst = first == u'k' ? u'\u212A' : (first == u's' ? u'\u017F' : first);
    for (qsizetype i = 0; i <= last; ++i) {
        const char16_t c = hay[i];
        if (firstIsAsciiLetter ? (char16_t(c | 0x20) != first && c != otherFirst) : foldedChar(c) != first)
            continue;
        qsizetype j = 1;
        while (j < n && foldedChar(hay[i + j]) == folded[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
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
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this,
            [this](int role) { m_sortsByRawValue = role == ImageTableModel::SortRole; });
}

void ImageFilterModel::applyState(FilterState state)
{
    // An empty facet set means "accept all": drop it so equal filters compare equal.
    state.facets.removeIf([](const auto &it) { return it.value().isEmpty(); });
    if (state == m_state)
        return;
    const bool onlyTextChanged = state.showBuiltIn == m_state.showBuiltIn && state.facets == m_state.facets;
    if (state.text != m_state.text || !onlyTextChanged) {
        const QString folded = state.text.toCaseFolded();
        // The text only grew: what did not pass still does not (a field that contains the new text contains
        // any part of it); it only shrank: what passed still does.
        const bool grew = onlyTextChanged && folded.contains(m_foldedText);
        const bool shrank = onlyTextChanged && !grew && m_foldedText.contains(folded);
        for (qint8 &accepted : m_accepted) {
            if (grew ? accepted == 1 : (shrank ? accepted == 0 : true))
                accepted = -1;
        }
        m_foldedText = folded;
        m_foldedTextHasSurrogates =
            std::any_of(folded.cbegin(), folded.cend(), [](QChar c) { return c.isSurrogate(); });
    }
    m_state = std::move(state);
    // A list, not the hash: iterating a QHash visits all its buckets, used or not, for each of 100,000 rows.
    m_activeFacets.clear();
    for (auto it = m_state.facets.cbegin(); it != m_state.facets.cend(); ++it)
        m_activeFacets.emplace_back(it.key(), it.value());
    refilter();
    Q_EMIT filterStateChanged();
}

void ImageFilterModel::refilter()
{
    const QAbstractItemModel *source = sourceModel();
    if (!source || source->rowCount() <= IncrementalRefilterRows) {
        invalidateRowsFilter();
        return;
    }
    // A full remap sorts the rows that pass: by ranks, so that it costs milliseconds.
    if (directSource() && dynamicSortFilter() && sortColumn() >= 0)
        prepareSortRanks(sortColumn());
    invalidate();
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
    // Before the base class connects: the match cache must follow the source's rows before the proxy
    // filters them.
    connectSource(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ImageFilterModel::connectSource(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_accepted.clear();
    if (!m_table)
        return;
    m_accepted.assign(size_t(model->rowCount()), -1);
    // A destroyed source is replaced by an empty model without a call to setSourceModel().
    m_sourceConnections.append(connect(model, &QObject::destroyed, this, [this] {
        m_table = nullptr;
        m_accepted.clear();
    }));
    const auto forgetAll = [this] { m_accepted.assign(size_t(m_table->rowCount()), -1); };
    m_sourceConnections += {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &parent, int first, int last) {
                    if (!parent.isValid() && size_t(first) <= m_accepted.size())
                        m_accepted.insert(m_accepted.begin() + first, size_t(last - first + 1), qint8(-1));
                    else
                        m_accepted.assign(size_t(m_table->rowCount()), -1);
                }),
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &parent, int first, int last) {
                    if (!parent.isValid() && size_t(last) < m_accepted.size())
                        m_accepted.erase(m_accepted.begin() + first, m_accepted.begin() + last + 1);
                    else
                        m_accepted.assign(size_t(m_table->rowCount()), -1);
                }),
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    forgetAcceptance(topLeft.row(), bottomRight.row() - topLeft.row() + 1);
                }),
        connect(model, &QAbstractItemModel::rowsMoved, this, forgetAll),
        connect(model, &QAbstractItemModel::layoutChanged, this, forgetAll),
        connect(model, &QAbstractItemModel::modelReset, this, forgetAll),
    };
}

void ImageFilterModel::forgetAcceptance(int first, int count)
{
    for (int row = qMax(0, first); row < first + count && size_t(row) < m_accepted.size(); ++row)
        m_accepted[size_t(row)] = -1;
}

void ImageFilterModel::prepareSortRanks(int column) const
{
    if (const ImageTableModel *table = directSource(); table && m_sortsByRawValue) {
        table->sortRanks(column);
        m_comparisonsWithoutRanks = 0;
    }
}

void ImageFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column >= 0)
        prepareSortRanks(column);
    QSortFilterProxyModel::sort(column, order);
}

const ImageTableModel *ImageFilterModel::directSource() const
{
    return m_table;
}

bool ImageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (const ImageTableModel *table = directSource(); table && !sourceParent.isValid())
        return acceptsImage(sourceRow, table->imageAt(sourceRow));
    return acceptsGenericRow(sourceRow, sourceParent);
}

bool ImageFilterModel::acceptsImage(int sourceRow, const Image &image) const
{
    if (size_t(sourceRow) >= m_accepted.size())
        return accepts(image);
    qint8 &accepted = m_accepted[size_t(sourceRow)];
    if (accepted < 0)
        accepted = accepts(image) ? 1 : 0;
    return accepted == 1;
}

bool ImageFilterModel::accepts(const Image &image) const
{
    if (!m_state.showBuiltIn && image.isBuiltIn())
        return false;

    for (const auto &[facet, accepted] : m_activeFacets) {
        bool ok = false;
        switch (facet) {
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

    return m_state.text.isEmpty() || matchesText(image);
}

bool ImageFilterModel::matchesText(const Image &image) const
{
    const auto contains = [this](const QString &field) {
        return m_foldedTextHasSurrogates ? field.contains(m_foldedText, Qt::CaseInsensitive)
                                         : containsFolded(field, m_foldedText);
    };
    for (const QString *field :
         {&image.name, &image.tag, &image.id, &image.swrPath, &image.nameSpace, &image.description}) {
        if (contains(*field))
            return true;
    }
    // People paste "name:tag" as they would refer to an image.
    return m_state.text.contains(u':') && contains(image.nameAndTag());
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
    if (const ImageTableModel *table = directSource();
        table && m_sortsByRawValue && left.column() == right.column()) {
        const int column = left.column();
        const QList<int> *ranks = table->currentSortRanks(column);
        if (!ranks && ++m_comparisonsWithoutRanks > MaxComparisonsWithoutRanks) {
            prepareSortRanks(column);
            ranks = table->currentSortRanks(column);
        }
        if (ranks)
            return ranks->at(left.row()) < ranks->at(right.row());
        return table->compareRows(left.row(), right.row(), column) < 0;
    }
    const int role = sortRole();
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
