#include "models/deletion/DeleteImagesText.h"

#include "models/catalog/UsageSummary.h"
#include "models/common/Formatting.h"
#include "models/storage/FreedStorage.h"

#include <algorithm>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim {

QString DeleteImagesText::title(int count)
{
    return count == 1 ? tr("Delete Image", "window title") : tr("Delete Images", "window title");
}

QString DeleteImagesText::imageName(const Image &image, const WorkspaceText &workspaceText)
{
    const QString name = Formatting::visibleText(
        image.nameSpace.isEmpty() ? image.nameAndTag() : image.nameSpace + u'/' + image.nameAndTag());
    if (image.workspaceId.isEmpty() || image.workspaceId == u"0")
        return name;
    const QString workspace =
        workspaceText ? workspaceText(image.workspaceId) : Formatting::visibleText(image.workspaceId);
    return tr("%1 (workspace %2)", "namespace/name:tag (workspace research)").arg(name, workspace);
}

QString DeleteImagesText::headline(const QList<Image> &images, const NameFormatter &name)
{
    if (images.size() == 1)
        return tr("Delete the image “%1”?", "one image; %1 is name:tag")
            .arg(name ? name(images.first()) : imageName(images.first()));
    return tr("Delete %Ln image(s)?", "several images", int(images.size()));
}

QString DeleteImagesText::alreadyBeingDeletedHeadline(int alreadyBeingDeleted, int selected, int count,
                                                      bool all)
{
    const QLocale locale;
    return (all ? tr("%1 of the %2 selected images are already being deleted; delete the other %Ln?",
                     "%1 and %2 are numbers of images; %Ln the images not being deleted yet", count)
                : tr("%1 of the %2 selected images are already being deleted; delete %Ln of the others?",
                     "%1 and %2 are numbers of images; %Ln the images not being deleted yet and not left out",
                     count))
        .arg(locale.toString(alreadyBeingDeleted), locale.toString(selected));
}

QString DeleteImagesText::nothingToDelete(int inUseCount)
{
    return tr("All %Ln selected image(s) are in use: none is deleted unless you include them.",
              "headline when every selected image is in use and left out", inUseCount);
}

QString DeleteImagesText::messageHtml(const QList<Image> &images, const SizeUnit::Inference &sizeUnit,
                                      const NameFormatter &listedName)
{
    const int count = int(images.size());
    if (count == 1) {
        const Image &image = images.first();
        return tr("It is removed from ModelArts (%1, %2). This cannot be undone.",
                  "one image; %1 is its size, %2 its visibility")
            .arg(Formatting::humanSize(image.sizeKb, sizeUnit).toHtmlEscaped(),
                 Formatting::visibilityText(image.visibility).toHtmlEscaped());
    }
    QString html = tr("These images are removed from ModelArts, %1 in total. This cannot be undone.",
                      "several images; %1 is their total size")
                       .arg(Formatting::humanSize(totalSizeKb(images), sizeUnit).toHtmlEscaped());
    html += u"<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">"_s;
    const int listed = qMin(count, MaxListedNames);
    for (int i = 0; i < listed; ++i) {
        const Image &image = images.at(i);
        const QString name = listedName ? listedName(image) : imageName(image);
        html += u"<li>"_s + name.toHtmlEscaped() + u"</li>"_s;
    }
    html += u"</ul>"_s;
    if (count > listed)
        html += u"<p>"_s +
                tr("and %Ln more", "after the first names of the images to delete", count - listed)
                    .toHtmlEscaped() +
                u"</p>"_s;
    return html;
}

QString DeleteImagesText::skipped(int skippedBuiltInCount)
{
    if (skippedBuiltInCount <= 0)
        return {};
    return tr("%Ln built-in image(s) skipped: built-in images cannot be deleted.",
              "images in the selection that are left alone", skippedBuiltInCount);
}

QString DeleteImagesText::forceOption()
{
    return tr("Also delete the image content from SWR");
}

QString DeleteImagesText::forceToolTip()
{
    return tr("Deletes the image in the SWR registry as well, which frees SWR storage. Without it "
              "only the ModelArts registration is removed and the image stays in SWR.");
}

QString DeleteImagesText::appliesTo(int count, int privateCount)
{
    if (privateCount == 0)
        return count == 1 ? tr("The image is public: its SWR content is kept.")
                          : tr("All selected images are public: their SWR content is kept.");
    if (privateCount == count)
        return count == 1 ? tr("Applies to this private image. Without it, the image stays in SWR.")
                          : tr("Applies to all %Ln selected images (all are private).", nullptr, count);
    return tr("Applies to %1 of the %Ln selected images (the private ones); public images keep "
              "their SWR content.",
              "%1 is the number of private images", count)
        .arg(QLocale().toString(privateCount));
}

QString DeleteImagesText::deleteButton(int count, bool withSwrContent, int swrContentCount)
{
    if (!withSwrContent || swrContentCount == 0)
        return tr("Delete %Ln Image(s)", "button", count);
    if (swrContentCount < 0 || swrContentCount >= count)
        return tr("Delete %Ln Image(s) and SWR Content", "button", count);
    return tr("Delete %Ln Image(s) (SWR Content of %1)", "button; %1 is how many lose their SWR content too",
              count)
        .arg(QLocale().toString(swrContentCount));
}

QString DeleteImagesText::swrContentKept(const QList<Image> &images, const NameFormatter &name)
{
    QStringList names;
    int kept = 0;
    for (const Image &image : images) {
        if (image.isPrivate())
            continue;
        if (++kept <= MaxListedNames)
            names.append(name ? name(image) : imageName(image));
    }
    if (kept == 0)
        return {};
    QString text = tr("SWR content kept (public): %1", "followed by the names of the public images")
                       .arg(names.join(u", "_s));
    if (kept > names.size())
        text += u' ' +
                tr("and %Ln more", "after the first names of the images to delete", kept - int(names.size()));
    return text;
}

QString DeleteImagesText::inUseHeading(int count)
{
    return tr("%Ln image(s) in use, kept unless you include them:",
              "images of the selection that notebooks, training jobs or services run", count);
}

QString DeleteImagesText::inUseLine(const Image &image, const QList<ImageUser> &users,
                                    const NameFormatter &imageNamer)
{
    const QString name = imageNamer ? imageNamer(image) : imageName(image);
    if (users.isEmpty())
        return name;
    const QString first = UsageSummary::userText(users.constFirst());
    if (users.size() == 1)
        return tr("%1 — used by %2", "name:tag — used by notebook llm-dev (Running)").arg(name, first);
    return tr("%1 — used by %2 and %Ln more", "name:tag — used by notebook llm-dev (Running) and 2 more",
              int(users.size() - 1))
        .arg(name, first);
}

QString DeleteImagesText::moreInUse(int count)
{
    return tr("and %Ln more in use", "after the first images in use", count);
}

QString DeleteImagesText::includeInUseOption(int count)
{
    return tr("Delete the %Ln image(s) in use as well", nullptr, count);
}

QString DeleteImagesText::includeInUseToolTip()
{
    return tr("What runs them may stop working when it needs the image again, and the server may refuse to "
              "delete an image in use.");
}

QString DeleteImagesText::unknownUsageWarning(int count, const QStringList &reasons)
{
    QString text =
        tr("Whether %Ln of these image(s) are in use could not be checked; they are deleted if you "
           "confirm.",
           "usage of the images is unknown", count);
    for (const QString &reason : reasons)
        text += u'\n' + reason;
    return text;
}

bool DeleteImagesText::needsDeliberateStep(const QList<Image> &images, const SizeUnit::Inference &sizeUnit)
{
    return images.size() > DeliberateStepCount || sizeUnit.toBytes(totalSizeKb(images)) > DeliberateStepBytes;
}

QString DeleteImagesText::deliberateStepOption(const QList<Image> &images,
                                               const SizeUnit::Inference &sizeUnit)
{
    return tr("I understand this deletes %Ln image(s) (%1)", "%1 is their total size", int(images.size()))
        .arg(Formatting::humanSize(totalSizeKb(images), sizeUnit));
}

QString DeleteImagesText::stillBeingCreated(const QList<Image> &images)
{
    const int count = int(
        std::count_if(images.begin(), images.end(), [](const Image &image) { return image.isSettling(); }));
    if (count == 0)
        return {};
    return tr("%Ln of these image(s) are still being created (status INIT or CREATING).", nullptr, count);
}

QString DeleteImagesText::storageFreed(const QList<Image> &images, bool force, const StorageFacts *storage,
                                       const SizeUnit::Inference &sizeUnit)
{
    const QHash<QString, qint64> bytes = storage ? storage->bytesByPath() : QHash<QString, qint64>();
    return FreedStorage::of(images, force, storage ? &bytes : nullptr, sizeUnit).sentence();
}

int DeleteImagesText::privateCount(const QList<Image> &images)
{
    int count = 0;
    for (const Image &image : images)
        count += image.isPrivate() ? 1 : 0;
    return count;
}

qint64 DeleteImagesText::totalSizeKb(const QList<Image> &images)
{
    qint64 total = 0;
    for (const Image &image : images)
        total += qMax<qint64>(0, image.sizeKb);
    return total;
}

} // namespace mim
