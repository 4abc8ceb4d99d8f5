#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"

#include <optional>
#include <QString>
#include <QVariant>

namespace mim {

// One column of images (ImageTableModel::Column): everything the app says about it, written once. The main
// table, the clean-up preview, the image groups, the export and the table view's default layout all read
// it here, so that a column cannot read one way in one window and another way in the next.
struct ImageColumn
{
    enum class SortKey
    {
        Number,        // number()
        Code,          // the text as it is: codes (ACTIVE, X86_64), ids
        Natural,       // naturalSortKey(): "v2" before "v10"
        NaturalPrefix, // the same, of the first line's worth of a long text
    };

    int id = -1; // ImageTableModel::Column
    // Untranslated, in the context "mim::ImageTableModel"; ImageColumns::title() translates it.
    const char *title = "";
    const char *titleDisambiguation = nullptr;
    // The API's field name: the JSON export's key.
    const char *jsonKey = "";
    // Not a field of the image but who runs it: ImageTableModel answers it from its usage, the functions
    // below have nothing to say (text() is empty) and the export leaves it out.
    bool fromUsage = false;
    // Sorts, filters and exports as number(); shows formatted text.
    bool numeric = false;
    bool shownByDefault = false;
    bool rightAligned = false;
    SortKey sortKey = SortKey::Code;
    // A typical value, so that the default width shows it whole; nullptr: a date in the user's format.
    const char16_t *sampleText = nullptr;
    // The server's value: text() for a text column, number() for a numeric one (the other is nullptr).
    QString (*text)(const Image &) = nullptr;
    qint64 (*number)(const Image &) = nullptr;
    // The cell's text; nullptr: text() with line breaks and bidi controls made visible.
    QString (*cellText)(const Image &) = nullptr;
    // The cell's text of a column that shows ModelArts' `size`, in the account's unit; before cellText.
    QString (*sizedCellText)(const Image &, const SizeUnit::Inference &) = nullptr;
    // The cell's tooltip before plainToolTip(); nullptr: the cell's text.
    QString (*toolTip)(const Image &) = nullptr;
};

// The table of ImageColumn, and what is computed from it.
// Its texts keep the translation context "mim::ImageTableModel" they were translated in.
class ImageColumns
{
public:
    static int count();
    // Every column in ImageTableModel::Column order; the one of an out-of-range id is a column with no
    // fields.
    static const ImageColumn &column(int id);
    static bool isValid(int id) { return id >= 0 && id < count(); }

    static QString title(int id);
    static QString jsonKey(int id);
    static bool isNumeric(int id);
    static bool isFromUsage(int id) { return column(id).fromUsage; }
    static bool isShownByDefault(int id);
    static QString sampleText(int id);
    static QVariant alignment(int id); // Qt::Alignment as int for right-aligned columns, else none

    // The field a text column shows as it is and sorts by (architecture normalized, resources joined with
    // ", "); empty for the numeric columns.
    static QString rawText(const Image &image, int id);
    // Size (as reported), Created and Updated (ms since the epoch); 0 for the text columns.
    static qint64 numericValue(const Image &image, int id);
    // What the cell shows, and its tooltip (not yet made plain; the status without what the app is doing).
    // `sizeUnit` is the account's unit of `size` (ReportedSizeUnit), for the Size column.
    static QString cellText(const Image &image, int id, const SizeUnit::Inference &sizeUnit);
    static QString toolTip(const Image &image, int id);
    // The SortRole value: the number, or the text's sort key.
    static QVariant sortValue(const Image &image, int id);
    static QString sortKeyOfText(const QString &text, int id);
    // What a model that shows an image column beside columns of its own answers for it: display, plain
    // tooltip, alignment, status icon, and the sort value under that model's sortRole. Nothing for other
    // roles.
    static std::optional<QVariant> modelData(const Image &image, int id, int role, int sortRole,
                                             const SizeUnit::Inference &sizeUnit);
    // Negative, zero or positive as `a` sorts before, with or after `b` by the column.
    static int compare(const Image &a, const Image &b, int id);
};

} // namespace mim
