#pragma once

#include "models/catalog/ImageExporter.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QHeaderView;
class QSettings;
class QWidget;

namespace mim {

// The interactive side of exporting images: which columns the user sees, where to save, and what to say.
class ExportImages
{
    Q_DECLARE_TR_FUNCTIONS(mim::ExportImages)
public:
    // What an export of the image table holds: the columns on screen, or every field of the image.
    enum class Fields
    {
        Visible,
        All,
    };

    // The logical columns the header shows, in the order the user sees them (moved columns included).
    static QList<int> visibleColumns(const QHeaderView *header);
    // The columns an export with `fields` writes: visibleColumns(), or ImageExporter::allFields().
    static QList<int> columnsFor(Fields fields, const QHeaderView *header);
    // The choice of the last export (Visible when there was none).
    static Fields rememberedFields(const QSettings *settings);
    static void rememberFields(QSettings *settings, Fields fields);

    // A save dialog offering CSV and JSON; remembers the folder (in `settings`, when given) and adds the
    // suffix of the chosen type when the name has none. Empty when the user cancels. With `fields`, each
    // type is offered with the visible columns and with all fields, the remembered choice preselected; the
    // choice is returned there and remembered.
    static QString chooseFile(QWidget *parent, const QString &title, const QString &suggestedBaseName,
                              QSettings *settings, Fields *fields = nullptr);

    // Writes the rows of `model` in its order with `columns`; the format follows the file's suffix (CSV when
    // it has neither .csv nor .json). With the Size column, the sizes in bytes read in `sizeUnit` (the
    // account's) follow the columns. Returns the number of images written, or -1 with *error set.
    static int exportRows(const QAbstractItemModel *model, const QList<int> &columns, const QString &path,
                          const SizeUnit::Inference &sizeUnit, QString *error);

    // "Exported 12 images to images.csv."
    static QString doneMessage(int count, const QString &path);
};

} // namespace mim
