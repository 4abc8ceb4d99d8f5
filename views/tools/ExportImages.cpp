#include "views/tools/ExportImages.h"

#include "models/catalog/ImageTableModel.h"
#include "models/common/SettingsKeys.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

const auto AllFieldsValue = u"all"_s;
const auto VisibleFieldsValue = u"visible"_s;

} // namespace

QList<int> ExportImages::visibleColumns(const QHeaderView *header)
{
    QList<int> columns;
    if (!header)
        return columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && !header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QList<int> ExportImages::columnsFor(Fields fields, const QHeaderView *header)
{
    return fields == Fields::All ? ImageExporter::allFields() : visibleColumns(header);
}

ExportImages::Fields ExportImages::rememberedFields(const QSettings *settings)
{
    if (!settings)
        return Fields::Visible;
    return SettingsKeys::value(*settings, SettingsKey::ExportFields).toString() == AllFieldsValue
               ? Fields::All
               : Fields::Visible;
}

void ExportImages::rememberFields(QSettings *settings, Fields fields)
{
    if (settings)
        SettingsKeys::setValue(*settings, SettingsKey::ExportFields,
                               fields == Fields::All ? AllFieldsValue : VisibleFieldsValue);
}

QString ExportImages::chooseFile(QWidget *parent, const QString &title, const QString &suggestedBaseName,
                                 QSettings *settings, Fields *fields)
{
    // The choice of fields rides on the file type: the save dialog is the one step every export takes, and
    // a native dialog takes no extra widgets.
    const QString csvFilter = fields ? tr("CSV, visible columns (*.csv)") : tr("CSV files (*.csv)");
    const QString jsonFilter = fields ? tr("JSON, visible columns (*.json)") : tr("JSON files (*.json)");
    const QString csvAllFilter = tr("CSV, all fields (*.csv)");
    const QString jsonAllFilter = tr("JSON, all fields (*.json)");
    QString folder =
        settings ? SettingsKeys::value(*settings, SettingsKey::ExportLastFolder).toString() : QString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool json =
        settings && SettingsKeys::value(*settings, SettingsKey::ExportLastFormat).toString() == u"json"_s;
    const bool all = fields && rememberedFields(settings) == Fields::All;
    QString selectedFilter = json ? (all ? jsonAllFilter : jsonFilter) : (all ? csvAllFilter : csvFilter);
    const QString suggested = QDir(folder).filePath(suggestedBaseName + (json ? u".json"_s : u".csv"_s));
    QStringList filters{csvFilter, jsonFilter};
    if (fields)
        filters = QStringList{csvFilter, csvAllFilter, jsonFilter, jsonAllFilter};

    QString path =
        QFileDialog::getSaveFileName(parent, title, suggested, filters.join(u";;"_s), &selectedFilter);
    if (path.isEmpty())
        return {};
    const bool choseJson = selectedFilter == jsonFilter || selectedFilter == jsonAllFilter;
    if (fields) {
        *fields =
            selectedFilter == csvAllFilter || selectedFilter == jsonAllFilter ? Fields::All : Fields::Visible;
        rememberFields(settings, *fields);
    }
    if (!ImageExporter::formatForPath(path))
        path += choseJson ? u".json"_s : u".csv"_s;
    if (settings) {
        SettingsKeys::setValue(*settings, SettingsKey::ExportLastFolder, QFileInfo(path).absolutePath());
        SettingsKeys::setValue(*settings, SettingsKey::ExportLastFormat,
                               ImageExporter::formatForPath(path) == ImageExporter::Format::Json ? u"json"_s
                                                                                                 : u"csv"_s);
    }
    return path;
}

int ExportImages::exportRows(const QAbstractItemModel *model, const QList<int> &columns, const QString &path,
                             const SizeUnit::Inference &sizeUnit, QString *error)
{
    const QList<Image> images = ImageExporter::imagesInOrder(model);
    const ImageExporter::Format format =
        ImageExporter::formatForPath(path).value_or(ImageExporter::Format::Csv);
    QList<ImageExporter::ExtraField> extra;
    if (ImageExporter::exportedColumns(columns).contains(ImageTableModel::Size))
        extra.append(ImageExporter::sizeInBytes(images, sizeUnit));
    if (!ImageExporter::write(path, format, images, columns, error, extra))
        return -1;
    return int(images.size());
}

QString ExportImages::doneMessage(int count, const QString &path)
{
    return tr("Exported %Ln image(s) to %1.", nullptr, count).arg(QFileInfo(path).fileName());
}

} // namespace mim
