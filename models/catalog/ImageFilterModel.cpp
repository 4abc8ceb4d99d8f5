#include "models/catalog/ImageFilterModel.h"

#include "models/catalog/ImageTableModel.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

struct FacetInfo
{
    Facet facet;
    ImageTableModel::Column column;
    QLatin1StringView key; // name in the persisted state; never translated, never renamed
};

constexpr std::array<FacetInfo, 9> facetTable{{
    {Facet::Status, ImageTableModel::Status, "status"_L1},
    {Facet::Type, ImageTableModel::Type, "type"_L1},
    {Facet::Visibility, ImageTableModel::Visibility, "visibility"_L1},
    {Facet::Architecture, ImageTableModel::Architecture, "architecture"_L1},
    {Facet::ServiceType, ImageTableModel::ServiceType, "serviceType"_L1},
    {Facet::ResourceCategory, ImageTableModel::Resources, "resourceCategory"_L1},
    {Facet::Namespace, ImageTableModel::Namespace, "namespace"_L1},
    {Facet::Workspace, ImageTableModel::Workspace, "workspace"_L1},
    {Facet::Usage, ImageTableModel::UsedBy, "usage"_L1},
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
// Up to this many rows shown or hidden, a large model is refiltered incrementally too.
constexpr int IncrementalRefilterChanges = 32;
// Below this many rows to evaluate per thread, a second thread costs more than it saves.
constexpr size_t MinRowsPerThread = 16384;

char16_t foldedChar(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c;
    return char16_t(QChar::toCaseFolded(char32_t(c)));
}

// The index of the first unit from `from` on whose lower case is the ASCII letter `letter` (or that is
// `other`), or `end`. Four units at a time: bits 5 set, each unit XORed with the letter, then a test for a
// zero unit (true zero units only; which one is found by the scalar loop).
qsizetype findLetter(const char16_t *text, qsizetype from, qsizetype end, char16_t letter, char16_t other)
{
    constexpr quint64 Ones = 0x0001000100010001ULL;
    constexpr quint64 Highs = 0x8000800080008000ULL;
    constexpr quint64 LowerCaseBits = 0x0020002000200020ULL;
    const quint64 letters = Ones * letter;
    const quint64 others = Ones * other;
    const auto hasZeroUnit = [](quint64 x) { return ((x - Ones) & ~x & Highs) != 0; };
    qsizetype i = from;
    for (; i + 4 <= end; i += 4) {
        quint64 units;
        std::memcpy(&units, text + i, sizeof units);
        if (hasZeroUnit((units | LowerCaseBits) ^ letters) ||
            (other != letter && hasZeroUnit(units ^ others)))
            break;
    }
    for (; i < end; ++i) {
        const char16_t c = text[i];
        if (char16_t(c | 0x20) == letter || c == other)
            return i;
    }
    return end;
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
        if (firstIsAsciiLetter) {
            i = findLetter(hay, i, last + 1, first, otherFirst);
            if (i > last)
                return false;
        } else if (foldedChar(hay[i]) != first) {
            continue;
        }
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
}

void ImageFilterModel::applyState(FilterState state)
{
    // An empty facet set means "accept all": drop it so equal filters compare equal.
    state.facets.removeIf([](const auto &it) { return it.value().isEmpty(); });
    if (state == m_state)
        return;
    // What the proxy shows now, as far as known: refilter() compares it with what it will show.
    const std::vector<qint8> shownBefore = m_accepted;
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
        m_textIsHex = ImageTableModel::isHexOrDash(folded);
        m_foldedTextHasSurrogates =
            std::any_of(folded.cbegin(), folded.cend(), [](QChar c) { return c.isSurrogate(); });
        m_textCharacters = 0;
        if (!m_foldedTextHasSurrogates) {
            for (const QChar c : folded) {
                // ':' may join the name and the tag (see matchesText()), which no field holds.
                if (c != u':')
                    m_textCharacters |= ImageTableModel::characterBit(c.unicode());
            }
        }
        const char16_t first = folded.isEmpty() ? u'\0' : folded.front().unicode();
        m_textDecidedByCharacters =
            folded.size() == 1 && ((first >= u'0' && first <= u'9') || (first >= u'a' && first <= u'z'));
    }
    m_state = std::move(state);
    // A list, not the hash: iterating a QHash visits all its buckets, used or not, for each of 100,000 rows.
    m_activeFacets.clear();
    for (auto it = m_state.facets.cbegin(); it != m_state.facets.cend(); ++it)
        m_activeFacets.emplace_back(it.key(), it.value());
    refilter(shownBefore);
    Q_EMIT filterStateChanged();
}

void ImageFilterModel::refilter(const std::vector<qint8> &shownBefore)
{
    const QAbstractItemModel *source = sourceModel();
    if (!source || source->rowCount() <= IncrementalRefilterRows || !directSource()) {
        invalidateRowsFilter();
        return;
    }
    // One more letter often hides nothing more: then nothing needs to move at all. A few rows more or less
    // are cheap incrementally; many are cheap only all at once.
    const int changes = countVisibilityChanges(shownBefore, IncrementalRefilterChanges + 1);
    if (changes == 0)
        return;
    if (changes <= IncrementalRefilterChanges) {
        invalidateRowsFilter();
        return;
    }
    // The rows come sorted from the table: a full remap is a pass over them.
    invalidate();
}

qint8 &ImageFilterModel::acceptanceOf(int sourceRow) const
{
    const size_t key = size_t(m_table->rowKey(sourceRow));
    if (key >= m_accepted.size())
        m_accepted.resize(size_t(m_table->rowKeyLimit()), -1);
    return m_accepted[key];
}

void ImageFilterModel::evaluateUnknownRows() const
{
    const ImageTableModel *table = directSource();
    if (!table)
        return;
    // In key order, which is the order of the images in memory, not in row order, which is random there.
    const int limit = table->rowKeyLimit();
    if (m_accepted.size() < size_t(limit))
        m_accepted.resize(size_t(limit), -1);
    // Most rows are settled here from their hints, a compact array read in order, without their images.
    std::vector<int> pending;
    for (int key = 0; key < limit; ++key) {
        if (m_accepted[size_t(key)] >= 0 || !table->isRowKeyInUse(key))
            continue;
        if (const std::optional<bool> decided = decidedByHints(table->searchHintsOfRowKey(key)))
            m_accepted[size_t(key)] = *decided ? 1 : 0;
        else
            pending.push_back(key);
    }
    // On 100,000 rows the time goes to waiting for memory, not to comparing characters: each image is
    // fetched well ahead of its turn, and the SWR path it points to (the field searched first) a little
    // later, once the image is there to say where it is.
    constexpr size_t Ahead = 8;
    const auto prefetch = [](const void *address) {
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(address);
#else
        Q_UNUSED(address)
#endif
    };
    const auto evaluate = [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
            if (i + 2 * Ahead < end) {
                const Image &later = table->imageOfRowKey(pending[i + 2 * Ahead]);
                prefetch(&later.swrPath);
                prefetch(reinterpret_cast<const char *>(&later.type) + sizeof(QString) - 1); // its size
                prefetch(&later.description);
            }
            if (i + Ahead < end) {
                const QString &path = table->imageOfRowKey(pending[i + Ahead]).swrPath;
                const char *data = reinterpret_cast<const char *>(path.constData());
                for (qsizetype offset = 0; offset < path.size() * 2; offset += 64)
                    prefetch(data + offset);
            }
            const int key = pending[i];
            m_accepted[size_t(key)] =
                accepts(table->imageOfRowKey(key), table->searchHintsOfRowKey(key)) ? 1 : 0;
        }
    };
    // Many rows: half of them on a second core. accepts() only reads, and each thread writes its own
    // entries of m_accepted (sized above), so the halves need no lock; waitForFinished() runs the other
    // half here if the pool had no thread free for it.
    if (pending.size() >= 2 * MinRowsPerThread && QThread::idealThreadCount() > 1) {
        const size_t half = pending.size() / 2;
        QFuture<void> secondHalf = QtConcurrent::run([&] { evaluate(half, pending.size()); });
        evaluate(0, half);
        secondHalf.waitForFinished();
    } else {
        evaluate(0, pending.size());
    }
}

int ImageFilterModel::countVisibilityChanges(const std::vector<qint8> &shownBefore, int limit) const
{
    evaluateUnknownRows();
    const ImageTableModel *table = directSource();
    const int rows = table->rowCount();
    int changes = 0;
    for (int row = 0; row < rows && changes < limit; ++row) {
        const size_t key = size_t(table->rowKey(row));
        const qint8 before = key < shownBefore.size() ? shownBefore[key] : qint8(-1);
        // Rows the proxy never asked about: ask it (a lookup in its mapping).
        const bool shown = before >= 0 ? before == 1 : mapFromSource(table->index(row, 0)).isValid();
        if (shown != acceptsImage(row, table->imageAt(row)))
            ++changes;
    }
    return changes;
}

Qt::ItemFlags ImageFilterModel::flags(const QModelIndex &index) const
{
    if (m_table && index.isValid() && index.model() == this)
        return ImageTableModel::CellFlags;
    return QSortFilterProxyModel::flags(index);
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
    m_table = qobject_cast<ImageTableModel *>(model);
    // The table sorts its rows itself (see sort()): this proxy keeps them in the order they come.
    if (m_table && QSortFilterProxyModel::sortColumn() >= 0) {
        const int column = QSortFilterProxyModel::sortColumn();
        const Qt::SortOrder order = QSortFilterProxyModel::sortOrder();
        QSortFilterProxyModel::sort(-1, Qt::AscendingOrder);
        m_table->sort(column, order);
    }
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
    m_accepted.assign(size_t(m_table->rowKeyLimit()), -1);
    // A destroyed source is replaced by an empty model without a call to setSourceModel().
    m_sourceConnections.append(connect(model, &QObject::destroyed, this, [this] {
        m_table = nullptr;
        m_accepted.clear();
    }));
    // Kept by row key: sorting moves rows, not keys. A key that gets a new image is forgotten on insertion.
    m_sourceConnections += {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &parent, int first, int last) {
                    if (!parent.isValid())
                        forgetAcceptance(first, last - first + 1);
                }),
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    forgetAcceptance(topLeft.row(), bottomRight.row() - topLeft.row() + 1);
                }),
        connect(model, &QAbstractItemModel::modelReset, this,
                [this] { m_accepted.assign(size_t(m_table->rowKeyLimit()), -1); }),
    };
}

void ImageFilterModel::forgetAcceptance(int first, int count)
{
    for (int row = qMax(0, first); row < first + count && row < m_table->rowCount(); ++row)
        acceptanceOf(row) = -1;
}

void ImageFilterModel::sort(int column, Qt::SortOrder order)
{
    if (m_table && sortsByRawValue()) {
        // The table keeps its rows in this order, cheaply and also when images come and change; sorting here
        // as well would compare 100,000 rows through virtual calls on every change of the filter.
        if (QSortFilterProxyModel::sortColumn() >= 0)
            QSortFilterProxyModel::sort(-1, Qt::AscendingOrder);
        m_table->sort(column, order);
        return;
    }
    QSortFilterProxyModel::sort(column, order);
}

bool ImageFilterModel::sortsByRawValue() const
{
    return sortRole() == ImageTableModel::SortRole;
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
    qint8 &accepted = acceptanceOf(sourceRow);
    if (accepted < 0)
        accepted = accepts(image, m_table->searchHints(sourceRow)) ? 1 : 0;
    return accepted == 1;
}

std::optional<bool> ImageFilterModel::decidedByHints(const ImageTableModel::SearchHints &hints) const
{
    if (!m_state.showBuiltIn && (hints.covered & ImageTableModel::IsBuiltIn))
        return false;
    if ((hints.characters & m_textCharacters) != m_textCharacters)
        return false;
    if (m_activeFacets.empty() && (m_state.text.isEmpty() || m_textDecidedByCharacters))
        return true;
    return std::nullopt;
}

bool ImageFilterModel::accepts(const Image &image, const ImageTableModel::SearchHints &hints) const
{
    if (const std::optional<bool> decided = decidedByHints(hints))
        return *decided;

    for (const auto &active : m_activeFacets) {
        // Not a structured binding: the lambda below captures `accepted` (clang before 16 cannot).
        const Facet facet = active.first;
        const QSet<QString> &accepted = active.second;
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
        case Facet::Usage:
            ok = accepted.contains(UsageSummary::stateValue(m_table->usage().stateOf(image)));
            break;
        }
        if (!ok)
            return false;
    }

    // decidedByHints() found the text's characters.
    return m_state.text.isEmpty() || m_textDecidedByCharacters || matchesText(image, hints);
}

bool ImageFilterModel::matchesText(const Image &image, const ImageTableModel::SearchHints &hints) const
{
    const auto contains = [this](const QString &field) {
        return m_foldedTextHasSurrogates ? field.contains(m_foldedText, Qt::CaseInsensitive)
                                         : containsFolded(field, m_foldedText);
    };
    // The SWR path first: it usually holds the namespace, name and tag, which then need no search of their
    // own. Fewer strings read is what makes 100,000 rows fast: each one is a cache miss.
    if (contains(image.swrPath))
        return true;
    const auto searched = [&hints](quint8 coveredBy) { return (hints.covered & coveredBy) == 0; };
    if (searched(ImageTableModel::SwrPathHasName) && contains(image.name))
        return true;
    if (searched(ImageTableModel::SwrPathHasTag) && contains(image.tag))
        return true;
    if (searched(ImageTableModel::SwrPathHasNamespace) && contains(image.nameSpace))
        return true;
    const bool idCannotMatch = !m_textIsHex && (hints.covered & ImageTableModel::IdIsHex);
    if (!idCannotMatch && contains(image.id))
        return true;
    if (contains(image.description))
        return true;
    // People paste "name:tag" as they would refer to an image.
    return m_state.text.contains(u':') && contains(image.nameAndTag());
}

QList<int> ImageFilterModel::textFilterColumns()
{
    return QList<int>(textColumns.cbegin(), textColumns.cend());
}

ImageFilterModel::HiddenTextMatches ImageFilterModel::hiddenTextMatches(const QSet<int> &visibleColumns) const
{
    HiddenTextMatches result;
    const ImageTableModel *table = directSource();
    if (m_state.text.isEmpty() || !table)
        return result;
    QList<ImageTableModel::Column> hidden;
    for (const ImageTableModel::Column column : textColumns) {
        if (!visibleColumns.contains(column))
            hidden.append(column);
    }
    if (hidden.isEmpty())
        return result;
    const auto contains = [this](const QString &field) {
        return field.contains(m_state.text, Qt::CaseInsensitive);
    };
    // "name:tag" is seen wherever the name or the tag is.
    const bool nameAndTagSeen =
        m_state.text.contains(u':') &&
        (visibleColumns.contains(ImageTableModel::Name) || visibleColumns.contains(ImageTableModel::Tag));
    QSet<int> where;
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        const Image &image = table->imageAt(mapToSource(index(row, 0)).row());
        bool seen = nameAndTagSeen && contains(image.nameAndTag());
        for (const ImageTableModel::Column column : textColumns) {
            if (seen)
                break;
            seen = visibleColumns.contains(column) && contains(ImageTableModel::rawText(image, column));
        }
        if (seen)
            continue;
        ++result.rows;
        for (const ImageTableModel::Column column : std::as_const(hidden)) {
            if (contains(ImageTableModel::rawText(image, column)))
                where.insert(column);
        }
    }
    for (const ImageTableModel::Column column : std::as_const(hidden)) {
        if (where.contains(column))
            result.columns.append(column);
    }
    return result;
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
        table && sortsByRawValue() && left.column() == right.column()) {
        return table->compareRows(left.row(), right.row(), left.column()) < 0;
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
