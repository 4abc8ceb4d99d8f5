#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"
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
    // Deleting more images than this, or more than this many bytes in all, takes a deliberate step (a
    // tick) before the delete button enables: a slip of the selection should not cost a registry.
    static constexpr int DeliberateStepCount = 50;
    static constexpr qint64 DeliberateStepBytes = 100LL * 1024 * 1024 * 1024; // 100 GB

    // How each listed image is named; the dialog elides long names to its width.
    using NameFormatter = std::function<QString(const Image &image)>;
    // The name of a workspace by its id, as the table shows it.
    using WorkspaceText = std::function<QString(const QString &workspaceId)>;

    // How an image is named wherever it is confirmed or reported: "namespace/name:tag", because the same
    // name:tag lives in several SWR organizations, and "(workspace …)" outside the default workspace. Plain
    // text, control characters made visible; without `workspaceText` the workspace is named by its id.
    static QString imageName(const Image &image, const WorkspaceText &workspaceText = {});

    static QString title(int count);
    // Plain text: the image's imageName() (or `name`'s) or the number of images.
    static QString headline(const QList<Image> &images, const NameFormatter &name = {});
    // The headline when some selected images are being deleted already (a run in progress): "2,562 of the
    // 2,587 selected images are already being deleted; delete the other 25?". `all` is false when some of
    // the others are left out too (in use).
    static QString alreadyBeingDeletedHeadline(int alreadyBeingDeleted, int selected, int count, bool all);
    // The headline when every selected image is in use and left out: nothing would be deleted.
    static QString nothingToDelete(int inUseCount);
    // Rich text, the server's text escaped: size and visibility of one image, or the total size and the
    // first names of several. Without a formatter names are listed whole.
    static QString messageHtml(const QList<Image> &images, const SizeUnit::Inference &sizeUnit,
                               const NameFormatter &listedName = {});
    // Empty when nothing was skipped.
    static QString skipped(int skippedBuiltInCount);
    static QString forceOption();
    static QString forceToolTip();
    // Which of the images the SWR option applies to.
    static QString appliesTo(int count, int privateCount);
    // `swrContentCount` of the `count` images lose their SWR content as well (the private ones, when the
    // user asked for it): "Delete 12 Images and SWR Content" only when it is all of them, else
    // "Delete 12 Images (SWR Content of 10)".
    static QString deleteButton(int count, bool withSwrContent, int swrContentCount = -1);
    // The images whose SWR content is kept although the user asked to delete it (the public ones), by name;
    // empty when there are none.
    static QString swrContentKept(const QList<Image> &images, const NameFormatter &name = {});

    // Images in use, listed apart from the others and kept unless the user includes them.
    static QString inUseHeading(int count);
    // "namespace/name:tag — used by notebook llm-dev (Running), +1 more" (plain text, server text made
    // visible); `name` names the image instead of imageName().
    static QString inUseLine(const Image &image, const QList<ImageUser> &users,
                             const NameFormatter &name = {});
    static QString moreInUse(int count);
    static QString includeInUseOption(int count);
    static QString includeInUseToolTip();
    // Images whose usage could not be checked, and why (plain text).
    static QString unknownUsageWarning(int count, const QStringList &reasons);

    // Above DeliberateStepCount images or DeliberateStepBytes.
    static bool needsDeliberateStep(const QList<Image> &images, const SizeUnit::Inference &sizeUnit);
    // "I understand this deletes 51 images (2.3 TB)".
    static QString deliberateStepOption(const QList<Image> &images, const SizeUnit::Inference &sizeUnit);
    // Images of the selection still being created (INIT, CREATING); empty when there are none.
    static QString stillBeingCreated(const QList<Image> &images);
    // What the deletion frees in SWR (FreedStorage): from the SWR tag sizes when `storage` (a loaded
    // inventory's facts) lists the tags, ModelArts' size otherwise; nothing without `force`.
    static QString storageFreed(const QList<Image> &images, bool force, const StorageFacts *storage,
                                const SizeUnit::Inference &sizeUnit);

    static int privateCount(const QList<Image> &images);
    // The sum of the known `size` fields, as reported (in the unit of `size`).
    static qint64 totalSizeKb(const QList<Image> &images);
};

} // namespace mim
