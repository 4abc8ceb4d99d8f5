#include "models/catalog/ImageColumns.h"

#include "models/catalog/ImageTableModel.h"
#include "models/catalog/NaturalSortKey.h"
#include "models/common/Formatting.h"

#include <array>
#include <QDateTime>
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

QString statusToolTip(const Image &image)
{
    return image.statusMessage.isEmpty() ? Formatting::statusText(image.status)
                                         : Formatting::visibleText(image.statusMessage);
}

QString sizeToolTip(const Image &image)
{
    return QCoreApplication::translate("mim::ImageTableModel", "%1 (%2 KB)")
        .arg(Formatting::humanSize(image.sizeKb), QLocale().toString(image.sizeKb));
}

// A title with a disambiguation: QT_TRANSLATE_NOOP3 gives both as a pair.
constexpr struct
{
    const char *source;
    const char *comment;
} NamespaceTitle = QT_TRANSLATE_NOOP3("mim::ImageTableModel", "Namespace", "SWR organization");

// In ImageTableModel::Column order (checked below). Titles keep the translator comments they had.
constexpr std::array<ImageColumn, M::ColumnCount> Columns{{
    {M::Name, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Name"), nullptr, "name", false, true, false,
     Key::Natural, u"mindspore-training", [](const Image &i) { return i.name; }, nullptr, nullptr, nullptr},
    {M::Tag,
     //: Column: the image tag, the version after ":" in name:tag (not a key=value label)
     QT_TRANSLATE_NOOP("mim::ImageTableModel", "Tag"), nullptr, "tag", false, true, false, Key::Natural,
     u"20250530-e1f203", [](const Image &i) { return i.tag; }, nullptr, nullptr, nullptr},
    {M::Status, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Status"), nullptr, "status", false, true, false,
     Key::Code, u"Creating – Watching…", [](const Image &i) { return i.status; }, nullptr,
     [](const Image &i) { return Formatting::statusText(i.status); }, statusToolTip},
    {M::Size, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Size"), nullptr, "size", true, true, true,
     Key::Number, u"99.9 GB", nullptr, [](const Image &i) { return i.sizeKb; },
     [](const Image &i) { return Formatting::humanSize(i.sizeKb); }, sizeToolTip},
    {M::Created,
     //: Column: when the image was created
     QT_TRANSLATE_NOOP("mim::ImageTableModel", "Created"), nullptr, "create_at", true, true, false,
     Key::Number, nullptr, nullptr, [](const Image &i) { return i.createAtMs; },
     [](const Image &i) { return Formatting::localDateTime(i.createAtMs); },
     [](const Image &i) { return Formatting::localDateTimeLong(i.createAtMs); }},
    {M::Updated,
     //: Column: when the image was last updated
     QT_TRANSLATE_NOOP("mim::ImageTableModel", "Updated"), nullptr, "update_at", true, true, false,
     Key::Number, nullptr, nullptr, [](const Image &i) { return i.updateAtMs; },
     [](const Image &i) { return Formatting::localDateTime(i.updateAtMs); },
     [](const Image &i) { return Formatting::localDateTimeLong(i.updateAtMs); }},
    {M::Type,
     //: Column: image type, the user's own or built-in (preset)
     QT_TRANSLATE_NOOP("mim::ImageTableModel", "Type"), nullptr, "type", false, false, false, Key::Code,
     u"Private", [](const Image &i) { return i.type; }, nullptr,
     [](const Image &i) { return Formatting::typeText(i.type); }, nullptr},
    {M::Visibility, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Visibility"), nullptr, "visibility", false,
     true, false, Key::Code, u"Private", [](const Image &i) { return i.visibility; }, nullptr,
     [](const Image &i) { return Formatting::visibilityText(i.visibility); }, nullptr},
    {M::Architecture, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Architecture"), nullptr, "arch", false, true,
     false, Key::Code, u"AARCH64", [](const Image &i) { return i.normalizedArch(); }, nullptr, nullptr,
     nullptr},
    {M::ServiceType, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Service type"), nullptr, "service_type",
     false, false, false, Key::Code, u"INFERENCE", [](const Image &i) { return i.serviceType; }, nullptr,
     nullptr, nullptr},
    {M::Resources,
     //: Column: the resource categories the image runs on (CPU, GPU, ASCEND)
     QT_TRANSLATE_NOOP("mim::ImageTableModel", "Resources"), nullptr, "resource_categories", false, false,
     false, Key::Code, u"CPU, GPU", [](const Image &i) { return joinedResources(i.resourceCategories); },
     nullptr, nullptr, nullptr},
    {M::Namespace, NamespaceTitle.source, NamespaceTitle.comment, "namespace", false, true, false,
     Key::Natural, u"nlp-research", [](const Image &i) { return i.nameSpace; }, nullptr, nullptr, nullptr},
    {M::SwrPath, QT_TRANSLATE_NOOP("mim::ImageTableModel", "SWR path"), nullptr, "swr_path", false, false,
     false, Key::Natural, u"swr.cn-north-4.myhuaweicloud.com/nlp-research/llama-finetune:20250301",
     [](const Image &i) { return i.swrPath; }, nullptr, nullptr, nullptr},
    {M::Id, QT_TRANSLATE_NOOP("mim::ImageTableModel", "ID"), nullptr, "id", false, false, false, Key::Code,
     u"c7fe6fd3-d755-4784-93b3-bb05ae4ad37c", [](const Image &i) { return i.id; }, nullptr, nullptr, nullptr},
    {M::Workspace, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Workspace"), nullptr, "workspace_id", false,
     false, false, Key::Code, u"0123456789ab", [](const Image &i) { return i.workspaceId; }, nullptr, nullptr,
     nullptr},
    {M::Description, QT_TRANSLATE_NOOP("mim::ImageTableModel", "Description"), nullptr, "description", false,
     false, false, Key::NaturalPrefix, u"Training image with PyTorch 2.0 and CUDA",
     [](const Image &i) { return i.description; }, nullptr, nullptr, nullptr},
}};

constexpr bool inColumnOrder()
{
    for (size_t i = 0; i < Columns.size(); ++i) {
        const ImageColumn &c = Columns[i];
        if (c.id != int(i) || !c.title || !c.jsonKey ||
            (c.numeric ? !c.number || c.text : !c.text || c.number))
            return false;
    }
    return true;
}
static_assert(inColumnOrder(), "one entry per ImageTableModel::Column, in order, with its value function");

constexpr ImageColumn NoColumn{-1,        "",      nullptr, "",      false,   false,  false,
                               Key::Code, nullptr, nullptr, nullptr, nullptr, nullptr};

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

QString ImageColumns::cellText(const Image &image, int id)
{
    const ImageColumn &c = column(id);
    if (c.cellText)
        return c.cellText(image);
    // The field as it is, less what could disguise it: line breaks, bidi controls.
    return Formatting::visibleText(rawText(image, id));
}

QString ImageColumns::toolTip(const Image &image, int id)
{
    const ImageColumn &c = column(id);
    return c.toolTip ? c.toolTip(image) : cellText(image, id);
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

} // namespace mim
