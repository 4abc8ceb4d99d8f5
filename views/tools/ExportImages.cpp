#include "views/tools/ExportImages.h"

#include "models/common/SettingsKeys.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace mim {

namespace {} // namespace

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

QString ExportImages::chooseFile(QWidget *parent, const QString &title, const QString &suggestedBaseName,
                                 QSettings *settings)
{
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON files (*.json)");
    QString folder =
        settings ? SettingsKeys::value(*settings, SettingsKey::ExportLastFolder).toString() : QString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool json =
        settings && SettingsKeys::value(*settings, SettingsKey::ExportLastFormat).toString() == u"json"_s;
    QString selectedFilter = json ? jsonFilter : csvFilter;
    const QString suggested = QDir(folder).filePath(suggestedBaseName + (json ? u".json"_s : u".csv"_s));

    QString path = QFileDialog::getSaveFileName(parent, title, suggested, csvFilter + u";;"_s + jsonFilter,
                                                &selectedFilter);
    if (path.isEmpty())
        return {};
    const bool choseJson = selectedFilter == jsonFilter;
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
                             QString *error)
{
    const QList<Image> images = ImageExporter::imagesInOrder(model);
    const ImageExporter::Format format =
        ImageExporter::formatForPath(path).value_or(ImageExporter::Format::Csv);
    if (!ImageExporter::write(path, format, images, columns, error))
        return -1;
    return int(images.size());
}

QString ExportImages::doneMessage(int count, const QString &path)
{
    return tr("Exported %Ln image(s) to %1.", nullptr, count).arg(QFileInfo(path).fileName());
}

} // namespace mim
