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
    // The logical columns the header shows, in the order the user sees them (moved columns included).
    static QList<int> visibleColumns(const QHeaderView *header);

    // A save dialog offering CSV and JSON; remembers the folder (in `settings`, when given) and adds the
    // suffix of the chosen type when the name has none. Empty when the user cancels.
    static QString chooseFile(QWidget *parent, const QString &title, const QString &suggestedBaseName,
                              QSettings *settings);

    // Writes the rows of `model` in its order with `columns`; the format follows the file's suffix (CSV when
    // it has neither .csv nor .json). Returns the number of images written, or -1 with *error set.
    static int exportRows(const QAbstractItemModel *model, const QList<int> &columns, const QString &path,
                          QString *error);

    // "Exported 12 images to images.csv."
    static QString doneMessage(int count, const QString &path);
};

} // namespace mim
