#include "models/catalog/ImageColumns.h"

#include "models/catalog/ImageTableModel.h"
#include "models/catalog/NaturalSortKey.h"
#include "models/common/Formatting.h"

#include <array>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

using M = ImageTableModel;
using Key = ImageColumn::SortKey;

// Descriptions can be 512 characters; nobody sorts by what comes after the first line's worth.
constexpr qsizetype SortPrefixLength = 128;

QString joinedResources(const QStringList &categories)
{
    return categories.size() == 1 ? categories.constFirst() : categories.join(u", "_s);
}

// The labels of a list of API values, as one cell.
QString resourceLabels(const QStringList &categories)
{
    QStringList labels;
    labels.reserve(categories.size());
    for (const QString &category : categories)
        labels.append(Formatting::resourceCategoryText(category));
    return joinedResources(labels);
}

// A translated label's tooltip: the value as the API sent it, which the console and the docs use.
QString apiValueToolTip(const QString &label, const QString &apiValue)
{
    return Formatting::withApiValue(label, apiValue);
}

QString statusToolTip(const Image &image)
{
    return image.statusMessage.isEmpty() ? Formatting::statusText(image.status)
                                         : Formatting::visibleText(image.statusMessage);
}

QString sizeToolTip(const Image &image)
{
    return image.sizeKb > 0 ? Formatting::reportedSize(image.sizeKb) : QString();
}

// A title with a disambiguation: QT_TRANSLATE_NOOP3 gives both as a pair.
constexpr struct
{
    const char *source;
    const char *comment;
} NamespaceTitle = QT_TRANSLATE_NOOP3("mim::ImageTableModel", "Namespace", "SWR organization");

// In ImageTableModel::Column order (checked below). Titles keep the translator comments they had.
constexpr std::array<ImageColumn, M::ColumnCount> Columns{{
    {.id = M::Name,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Name"),
     .jsonKey = "name",
     .shownByDefault = true,
     .sortKey = Key::Natural,
     .sampleText = u"mindspore-training",
     .text = [](const Image &i) { return i.name; }},
    {.id = M::Tag,
     //: Column: the image tag, the version after ":" in name:tag (not a key=value label)
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Tag"),
     .jsonKey = "tag",
     .shownByDefault = true,
     .sortKey = Key::Natural,
     .sampleText = u"20250530-e1f203",
     .text = [](const Image &i) { return i.tag; }},
    {.id = M::Status,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Status"),
     .jsonKey = "status",
     .shownByDefault = true,
     .sampleText = u"Creating – Watching…",
     .text = [](const Image &i) { return i.status; },
     .cellText = [](const Image &i) { return Formatting::statusText(i.status); },
     .toolTip = statusToolTip},
    {.id = M::Size,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Size"),
     .jsonKey = "size",
     .numeric = true,
     .shownByDefault = true,
     .rightAligned = true,
     .sortKey = Key::Number,
     .sampleText = u"99.9 GB",
     .number = [](const Image &i) { return i.sizeKb; },
     .sizedCellText = Formatting::imageSize,
     .toolTip = sizeToolTip},
    {.id = M::Created,
     //: Column: when the image was created
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Created"),
     .jsonKey = "create_at",
     .numeric = true,
     .shownByDefault = true,
     .sortKey = Key::Number,
     .number = [](const Image &i) { return i.createAtMs; },
     .cellText = [](const Image &i) { return Formatting::localDateTime(i.createAtMs); },
     .toolTip = [](const Image &i) { return Formatting::localDateTimeLong(i.createAtMs); }},
    {.id = M::Updated,
     //: Column: when the image was last updated
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Updated"),
     .jsonKey = "update_at",
     .numeric = true,
     .shownByDefault = true,
     .sortKey = Key::Number,
     .number = [](const Image &i) { return i.updateAtMs; },
     .cellText = [](const Image &i) { return Formatting::localDateTime(i.updateAtMs); },
     .toolTip = [](const Image &i) { return Formatting::localDateTimeLong(i.updateAtMs); }},
    {.id = M::Type,
     //: Column: image type, the user's own or built-in (preset)
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Type"),
     .jsonKey = "type",
     .sampleText = u"Private",
     .text = [](const Image &i) { return i.type; },
     .cellText = [](const Image &i) { return Formatting::typeText(i.type); },
     .toolTip = [](const Image &i) { return apiValueToolTip(Formatting::typeText(i.type), i.type); }},
    {.id = M::Visibility,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Visibility"),
     .jsonKey = "visibility",
     .shownByDefault = true,
     .sampleText = u"Private",
     .text = [](const Image &i) { return i.visibility; },
     .cellText = [](const Image &i) { return Formatting::visibilityText(i.visibility); },
     .toolTip =
         [](const Image &i) {
             return apiValueToolTip(Formatting::visibilityText(i.visibility), i.visibility);
         }},
    {.id = M::Architecture,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Architecture"),
     .jsonKey = "arch",
     .shownByDefault = true,
     .sampleText = u"AARCH64",
     .text = [](const Image &i) { return i.normalizedArch(); },
     .cellText = [](const Image &i) { return Formatting::archText(i.arch); },
     .toolTip =
         [](const Image &i) { return apiValueToolTip(Formatting::archText(i.arch), i.normalizedArch()); }},
    {.id = M::ServiceType,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Service type"),
     .jsonKey = "service_type",
     .sampleText = u"Development",
     .text = [](const Image &i) { return i.serviceType; },
     .cellText = [](const Image &i) { return Formatting::serviceTypeText(i.serviceType); },
     .toolTip =
         [](const Image &i) {
             return apiValueToolTip(Formatting::serviceTypeText(i.serviceType), i.serviceType);
         }},
    {.id = M::Resources,
     //: Column: the resource categories the image runs on (CPU, GPU, ASCEND)
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Resources"),
     .jsonKey = "resource_categories",
     .sampleText = u"CPU, GPU",
     .text = [](const Image &i) { return joinedResources(i.resourceCategories); },
     .cellText = [](const Image &i) { return resourceLabels(i.resourceCategories); },
     .toolTip =
         [](const Image &i) {
             return apiValueToolTip(resourceLabels(i.resourceCategories),
                                    joinedResources(i.resourceCategories));
         }},
    {.id = M::Namespace,
     .title = NamespaceTitle.source,
     .titleDisambiguation = NamespaceTitle.comment,
     .jsonKey = "namespace",
     .shownByDefault = true,
     .sortKey = Key::Natural,
     .sampleText = u"nlp-research",
     .text = [](const Image &i) { return i.nameSpace; }},
    {.id = M::SwrPath,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "SWR path"),
     .jsonKey = "swr_path",
     .sortKey = Key::Natural,
     .sampleText = u"swr.cn-north-4.myhuaweicloud.com/nlp-research/llama-finetune:20250301",
     .text = [](const Image &i) { return i.swrPath; }},
    {.id = M::Id,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "ID"),
     .jsonKey = "id",
     .sampleText = u"c7fe6fd3-d755-4784-93b3-bb05ae4ad37c",
     .text = [](const Image &i) { return i.id; }},
    {.id = M::Workspace,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Workspace"),
     .jsonKey = "workspace_id",
     .sampleText = u"0123456789ab",
     .text = [](const Image &i) { return i.workspaceId; }},
    {.id = M::Description,
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Description"),
     .jsonKey = "description",
     .sortKey = Key::NaturalPrefix,
     .sampleText = u"Training image with PyTorch 2.0 and CUDA",
     .text = [](const Image &i) { return i.description; }},
    {.id = M::UsedBy,
     //: Column: the notebooks, training jobs and services that run the image
     .title = QT_TRANSLATE_NOOP("mim::ImageTableModel", "Used by"),
     .jsonKey = "used_by",
     .fromUsage = true,
     .shownByDefault = true,
     .sampleText = u"notebook llm-dev (Running), +2 more",
     .text = [](const Image &) { return QString(); }},
}};

constexpr bool inColumnOrder()
{
    for (size_t i = 0; i < Columns.size(); ++i) {
        const ImageColumn &c = Columns[i];
        const bool valueFits = c.numeric ? c.number && !c.text && c.sortKey == Key::Number
                                         : c.text && !c.number && c.sortKey != Key::Number;
        if (c.id != int(i) || !*c.title || !*c.jsonKey || !valueFits)
            return false;
    }
    return true;
}
static_assert(inColumnOrder(), "one entry per ImageTableModel::Column, in order, with its value function");

constexpr ImageColumn NoColumn{};

} // namespace

int ImageColumns::count()
{
    return int(Columns.size());
}

const ImageColumn &ImageColumns::column(int id)
{
    return isValid(id) ? Columns[size_t(id)] : NoColumn;
}

QString ImageColumns::title(int id)
{
    const ImageColumn &c = column(id);
    return QCoreApplication::translate("mim::ImageTableModel", c.title, c.titleDisambiguation);
}

QString ImageColumns::jsonKey(int id)
{
    return QString::fromLatin1(column(id).jsonKey);
}

bool ImageColumns::isNumeric(int id)
{
    return column(id).numeric;
}

bool ImageColumns::isShownByDefault(int id)
{
    return column(id).shownByDefault;
}

QString ImageColumns::sampleText(int id)
{
    if (!isValid(id))
        return u"XXXXXXXXXX"_s;
    if (const char16_t *sample = column(id).sampleText)
        return QString::fromUtf16(sample);
    // Dates in the user's format, at their widest.
    return Formatting::localDateTime(QDateTime(QDate(2028, 12, 28), QTime(23, 58)).toMSecsSinceEpoch());
}

QVariant ImageColumns::alignment(int id)
{
    if (column(id).rightAligned)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QString ImageColumns::rawText(const Image &image, int id)
{
    const ImageColumn &c = column(id);
    return c.text ? c.text(image) : QString();
}

qint64 ImageColumns::numericValue(const Image &image, int id)
{
    const ImageColumn &c = column(id);
    return c.number ? c.number(image) : 0;
}

QString ImageColumns::cellText(const Image &image, int id, const SizeUnit::Inference &sizeUnit)
{
    const ImageColumn &c = column(id);
    if (c.sizedCellText)
        return c.sizedCellText(image, sizeUnit);
    if (c.cellText)
        return c.cellText(image);
    // The field as it is, less what could disguise it: line breaks, bidi controls.
    return Formatting::visibleText(rawText(image, id));
}

QString ImageColumns::toolTip(const Image &image, int id)
{
    const ImageColumn &c = column(id);
    // No column without a tooltip of its own shows a size: the documented unit is never used here.
    return c.toolTip ? c.toolTip(image) : cellText(image, id, SizeUnit::Inference{});
}

QString ImageColumns::sortKeyOfText(const QString &text, int id)
{
    switch (column(id).sortKey) {
    case ImageColumn::SortKey::Natural:
        return naturalSortKey(text);
    case ImageColumn::SortKey::NaturalPrefix:
        return naturalSortKey(text.size() > SortPrefixLength ? text.left(SortPrefixLength) : text);
    case ImageColumn::SortKey::Code:
    case ImageColumn::SortKey::Number:
        break;
    }
    return text;
}

QVariant ImageColumns::sortValue(const Image &image, int id)
{
    if (!isValid(id))
        return {};
    if (isNumeric(id))
        return numericValue(image, id);
    return sortKeyOfText(rawText(image, id), id);
}

int ImageColumns::compare(const Image &a, const Image &b, int id)
{
    if (isNumeric(id)) {
        const qint64 x = numericValue(a, id);
        const qint64 y = numericValue(b, id);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    return QString::compare(sortKeyOfText(rawText(a, id), id), sortKeyOfText(rawText(b, id), id));
}

std::optional<QVariant> ImageColumns::modelData(const Image &image, int id, int role, int sortRole,
                                                const SizeUnit::Inference &sizeUnit)
{
    if (role == sortRole)
        return sortValue(image, id);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(image, id, sizeUnit);
    case Qt::ToolTipRole:
        return Formatting::plainToolTip(toolTip(image, id));
    case Qt::TextAlignmentRole:
        return alignment(id);
    case Qt::DecorationRole:
        if (id == ImageTableModel::Status)
            return Formatting::statusIcon(image.status);
        return QVariant();
    default:
        return std::nullopt;
    }
}

} // namespace mim
