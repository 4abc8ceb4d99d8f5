#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"

#include <optional>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariantList>

class QAbstractItemModel;

namespace mim {

// Writes images to CSV or JSON, one record per image and one field per column (ImageTableModel::Column).
//
// The values are the raw, machine-readable ones, not the table's display text: a spreadsheet or a script
// wants a number of KB it can add up and a date it can parse, whatever the user's language.
// - CSV (RFC 4180): a header row of the column titles (translated), CRLF line ends, fields with commas,
//   quotes or line breaks quoted, quotes doubled. UTF-8 with a byte-order mark, which spreadsheet programs
//   need to read Chinese text correctly. Sizes as ModelArts sends them ("Size (as reported)": KB as
//   documented, bytes where the account's SWR shows so; sizeInBytes() adds the bytes), dates in ISO 8601 UTC
//   ("2024-05-01T08:30:00Z"), enumerations as the API sends them (ACTIVE, PRIVATE), lists joined with ";".
//   A text field that starts with = + - @ or a tab gets a leading apostrophe so that a spreadsheet shows it
//   instead of running it as a formula (descriptions are typed by other people).
// - JSON: an array of objects whose keys are the API's field names (size as sent, create_at and update_at in
//   epoch milliseconds, resource_categories an array), indented, UTF-8.
// Files are written atomically: on any failure the target is left as it was and no partial file remains.
class ImageExporter
{
    Q_DECLARE_TR_FUNCTIONS(mim::ImageExporter)
public:
    enum class Format
    {
        Csv,
        Json,
    };

    // By the file name's suffix (.csv, .json, any case); nullopt for anything else.
    static std::optional<Format> formatForPath(const QString &path);

    // The images behind the rows of `model`, in its row order: an ImageTableModel or a CleanupPreviewModel,
    // directly or through any chain of proxies (filter, sort). Rows of other models are skipped.
    static QList<Image> imagesInOrder(const QAbstractItemModel *model);

    // A field that is not the image's own but the exporter's caller's (why the clean-up proposes the image),
    // written after the columns: one value per image, in the order of the images. A bool is written as
    // true/false in CSV and as a JSON boolean; text is defused like the image's own text.
    struct ExtraField
    {
        QString csvTitle;
        QString jsonKey;
        QVariantList values;
    };

    // The bytes of each image's `size` read in the account's unit (ReportedSizeUnit), empty where unknown:
    // "Size (bytes)" / "size_bytes", written after the columns so that the raw size keeps its place.
    static ExtraField sizeInBytes(const QList<Image> &images, const SizeUnit::Inference &unit);

    // The columns an export holds: the image's own fields (not "Used by").
    static QList<int> exportedColumns(const QList<int> &columns);
    // Every field of an image (id, SWR path, workspace, description included), in the table's column order:
    // what "All fields" exports whatever the table shows.
    static QList<int> allFields();
    static QByteArray toCsv(const QList<Image> &images, const QList<int> &columns,
                            const QList<ExtraField> &extra = {});
    static QByteArray toJson(const QList<Image> &images, const QList<int> &columns,
                             const QList<ExtraField> &extra = {});
    static QByteArray encode(Format format, const QList<Image> &images, const QList<int> &columns,
                             const QList<ExtraField> &extra = {});

    // Returns false and says why (in the user's language) when the file cannot be written.
    static bool write(const QString &path, Format format, const QList<Image> &images,
                      const QList<int> &columns, QString *error = nullptr,
                      const QList<ExtraField> &extra = {});

    // One field. csvValue() is not yet quoted; csvTitle() is the header of the column.
    static QString csvTitle(int column);
    static QString csvValue(const Image &image, int column);
    static QString jsonKey(int column);
    static QJsonValue jsonValue(const Image &image, int column);
    // A field as it appears in the CSV text: quoted when needed.
    static QString csvField(const QString &value);
};

} // namespace mim
