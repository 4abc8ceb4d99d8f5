#include "models/catalog/ImageExporter.h"

#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupPreviewModel.h"
#include "models/common/ModelsLogging.h"
#include "models/common/PrivateFiles.h"

#include <cerrno>
#include <QAbstractProxyModel>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

QString isoUtc(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    // Spelled out: Qt writes a UTC time zone as "+00:00"; "Z" is the form every parser and reader knows.
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc())
        .toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

// Spreadsheets run a cell that starts like a formula; such text is shown as text instead.
QString defuseFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
        return u'\'' + text;
    return text;
}

QJsonArray stringArray(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values)
        array.append(value);
    return array;
}

} // namespace

std::optional<ImageExporter::Format> ImageExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.compare("csv"_L1, Qt::CaseInsensitive) == 0)
        return Format::Csv;
    if (suffix.compare("json"_L1, Qt::CaseInsensitive) == 0)
        return Format::Json;
    return std::nullopt;
}

QList<Image> ImageExporter::imagesInOrder(const QAbstractItemModel *model)
{
    QList<Image> result;
    if (!model)
        return result;
    const int rows = model->rowCount();
    result.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        QModelIndex index = model->index(row, 0);
        const QAbstractItemModel *source = model;
        // Bounded: a proxy chain is a handful of models deep.
        for (int depth = 0; depth < 32; ++depth) {
            const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source);
            if (!proxy)
                break;
            index = proxy->mapToSource(index);
            source = proxy->sourceModel();
        }
        if (!index.isValid())
            continue;
        if (const auto *table = qobject_cast<const ImageTableModel *>(source))
            result.append(table->imageAt(index.row()));
        else if (const auto *preview = qobject_cast<const CleanupPreviewModel *>(source))
            result.append(preview->imageAt(index.row()));
    }
    return result;
}

QString ImageExporter::csvTitle(int column)
{
    const QString title = ImageColumns::title(column);
    if (column == ImageTableModel::Size)
        return tr("%1 (as reported)",
                  "CSV column header: the size column, the number as ModelArts sends it (KB as documented, "
                  "bytes in some regions)")
            .arg(title);
    return title;
}

ImageExporter::ExtraField ImageExporter::sizeInBytes(const QList<Image> &images,
                                                     const SizeUnit::Inference &unit)
{
    ExtraField field{tr("Size (bytes)", "CSV column header: the image size in bytes"), u"size_bytes"_s, {}};
    field.values.reserve(images.size());
    for (const Image &image : images) {
        const qint64 bytes = unit.toBytes(image.sizeKb);
        field.values.append(bytes < 0 ? QVariant() : QVariant(bytes));
    }
    return field;
}

QString ImageExporter::csvValue(const Image &image, int column)
{
    switch (column) {
    case ImageTableModel::Size:
        return QString::number(image.sizeKb);
    case ImageTableModel::Created:
    case ImageTableModel::Updated:
        return isoUtc(ImageColumns::numericValue(image, column));
    case ImageTableModel::Resources:
        return image.resourceCategories.join(u';');
    default:
        return ImageColumns::rawText(image, column);
    }
}

QString ImageExporter::jsonKey(int column)
{
    return ImageColumns::jsonKey(column);
}

QJsonValue ImageExporter::jsonValue(const Image &image, int column)
{
    if (ImageColumns::isNumeric(column))
        return ImageColumns::numericValue(image, column);
    if (column == ImageTableModel::Resources)
        return stringArray(image.resourceCategories);
    return csvValue(image, column);
}

QString ImageExporter::csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QList<int> ImageExporter::exportedColumns(const QList<int> &columns)
{
    // Who uses an image is not in the image: an empty "Used by" would read as "not in use".
    QList<int> exported;
    for (int column : columns) {
        if (!ImageColumns::isFromUsage(column))
            exported.append(column);
    }
    return exported;
}

QList<int> ImageExporter::allFields()
{
    QList<int> columns;
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column)
        columns.append(column);
    return exportedColumns(columns);
}

QByteArray ImageExporter::toCsv(const QList<Image> &images, const QList<int> &shownColumns,
                                const QList<ExtraField> &extra)
{
    const QList<int> columns = exportedColumns(shownColumns);
    QString text;
    const auto appendRecord = [&text](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += u',';
            text += csvField(fields.at(i));
        }
        text += u"\r\n"_s;
    };

    QStringList header;
    for (int column : columns)
        header.append(csvTitle(column));
    for (const ExtraField &field : extra)
        header.append(field.csvTitle);
    appendRecord(header);
    for (qsizetype row = 0; row < images.size(); ++row) {
        const Image &image = images.at(row);
        QStringList fields;
        fields.reserve(columns.size() + extra.size());
        for (int column : columns) {
            const QString value = csvValue(image, column);
            fields.append(ImageColumns::isNumeric(column) ? value : defuseFormula(value));
        }
        for (const ExtraField &field : extra)
            fields.append(defuseFormula(field.values.value(row).toString()));
        appendRecord(fields);
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

QByteArray ImageExporter::toJson(const QList<Image> &images, const QList<int> &shownColumns,
                                 const QList<ExtraField> &extra)
{
    const QList<int> columns = exportedColumns(shownColumns);
    QJsonArray array;
    for (qsizetype row = 0; row < images.size(); ++row) {
        const Image &image = images.at(row);
        QJsonObject object;
        for (int column : columns) {
            const QString key = jsonKey(column);
            if (!key.isEmpty())
                object.insert(key, jsonValue(image, column));
        }
        for (const ExtraField &field : extra)
            object.insert(field.jsonKey, QJsonValue::fromVariant(field.values.value(row)));
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray ImageExporter::encode(Format format, const QList<Image> &images, const QList<int> &columns,
                                 const QList<ExtraField> &extra)
{
    return format == Format::Csv ? toCsv(images, columns, extra) : toJson(images, columns, extra);
}

bool ImageExporter::write(const QString &path, Format format, const QList<Image> &images,
                          const QList<int> &columns, QString *error, const QList<ExtraField> &extra)
{
    const auto fail = [&](const QString &reason) {
        const QString message = tr("Cannot export to %1: %2").arg(QDir::toNativeSeparators(path), reason);
        qCWarning(lcModels) << "export:" << message;
        if (error)
            *error = message;
        return false;
    };

    // QSaveFile writes beside the target and renames only once everything is on disk: a full disk or a
    // cancelled write never leaves a truncated export (or replaces a good one with it).
    // Unbuffered: a buffered flush that the system cuts short (a full disk, a file size limit) is not
    // reported, and would leave a truncated export that looks complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(file.errorString());
    // The inventory is for its owner only, also when it replaces a file others could read.
    file.setPermissions(privatefiles::FilePermissions);
    const QByteArray bytes = encode(format, images, columns, extra);
    errno = 0;
    if (file.write(bytes) != bytes.size()) {
        const QString reason = privatefiles::errorString(file, errno);
        file.cancelWriting();
        return fail(reason);
    }
    errno = 0;
    if (!file.commit())
        return fail(privatefiles::errorString(file, errno));
    qCInfo(lcModels) << "exported" << images.size() << "images to" << path;
    return true;
}

} // namespace mim
