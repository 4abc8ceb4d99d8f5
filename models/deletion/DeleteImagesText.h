#pragma once

#include "models/api/Image.h"
#include "models/api/Usage.h"

#include <functional>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mim {

struct StorageFacts;

// The words of the delete confirmation (views/deletion/DeleteImagesDialog), apart from its layout, so they
// can be read and tested without a widget. They keep the dialog's translation context.
class DeleteImagesText
{
    Q_DECLARE_TR_FUNCTIONS(mim::DeleteImagesDialog)
public:
    // Names listed before "and K more".
    static constexpr int MaxListedNames = 10;

    // How each listed image is named; the dialog elides long names to its width.
    using NameFormatter = std::function<QString(const Image &image)>;

    static QString title(int count);
    // Plain text: the image's name:tag (control characters made visible) or the number of images.
    static QString headline(const QList<Image> &images);
    // Rich text, the server's text escaped: size and visibility of one image, or the total size and the
    // first names of several. Without a formatter names are listed whole.
    static QString messageHtml(const QList<Image> &images, const NameFormatter &listedName = {});
    // Empty when nothing was skipped.
    static QString skipped(int skippedBuiltInCount);
    static QString forceOption();
    static QString forceToolTip();
    // Which of the images the SWR option applies to.
    static QString appliesTo(int count, int privateCount);
    static QString deleteButton(int count, bool withSwrContent);

    // Images in use, listed apart from the others and kept unless the user includes them.
    static QString inUseHeading(int count);
    // "name:tag — used by notebook llm-dev (Running), +1 more" (plain text, server text made visible).
    static QString inUseLine(const Image &image, const QList<ImageUser> &users);
    static QString moreInUse(int count);
    static QString includeInUseOption(int count);
    static QString includeInUseToolTip();
    // Images whose usage could not be checked, and why (plain text).
    static QString unknownUsageWarning(int count, const QStringList &reasons);

    // What the deletion frees in SWR (FreedStorage): from the SWR tag sizes when `storage` (a loaded
    // inventory's facts) lists the tags, ModelArts' size otherwise; nothing without `force`.
    static QString storageFreed(const QList<Image> &images, bool force, const StorageFacts *storage);

    static int privateCount(const QList<Image> &images);
    static qint64 totalSizeKb(const QList<Image> &images);
};

} // namespace mim
