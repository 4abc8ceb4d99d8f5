#include "models/deletion/DeleteImagesText.h"

#include "models/catalog/UsageSummary.h"
#include "models/common/Formatting.h"
#include "models/storage/FreedStorage.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim {

QString DeleteImagesText::title(int count)
{
    return count == 1 ? tr("Delete Image", "window title") : tr("Delete Images", "window title");
}

QString DeleteImagesText::headline(const QList<Image> &images)
{
    if (images.size() == 1)
        return tr("Delete the image “%1”?", "one image; %1 is name:tag")
            .arg(Formatting::visibleText(images.first().nameAndTag()));
    return tr("Delete %Ln image(s)?", "several images", int(images.size()));
}

QString DeleteImagesText::messageHtml(const QList<Image> &images, const NameFormatter &listedName)
{
    const int count = int(images.size());
    if (count == 1) {
        const Image &image = images.first();
        return tr("It is removed from ModelArts (%1, %2). This cannot be undone.",
                  "one image; %1 is its size, %2 its visibility")
            .arg(Formatting::humanSize(image.sizeKb).toHtmlEscaped(),
                 Formatting::visibilityText(image.visibility).toHtmlEscaped());
    }
    QString html = tr("These images are removed from ModelArts, %1 in total. This cannot be undone.",
                      "several images; %1 is their total size")
                       .arg(Formatting::humanSize(totalSizeKb(images)).toHtmlEscaped());
    html += u"<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">"_s;
    const int listed = qMin(count, MaxListedNames);
    for (int i = 0; i < listed; ++i) {
        const Image &image = images.at(i);
        const QString name = listedName ? listedName(image) : Formatting::visibleText(image.nameAndTag());
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

QString DeleteImagesText::deleteButton(int count, bool withSwrContent)
{
    return withSwrContent ? tr("Delete %Ln Image(s) and SWR Content", "button", count)
                          : tr("Delete %Ln Image(s)", "button", count);
}

QString DeleteImagesText::inUseHeading(int count)
{
    return tr("%Ln image(s) in use, kept unless you include them:",
              "images of the selection that notebooks, training jobs or services run", count);
}

QString DeleteImagesText::inUseLine(const Image &image, const QList<ImageUser> &users)
{
    const QString name = Formatting::visibleText(image.nameAndTag());
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

QString DeleteImagesText::storageFreed(const QList<Image> &images, bool force, const StorageFacts *storage)
{
    const QHash<QString, qint64> bytes = storage ? storage->bytesByPath() : QHash<QString, qint64>();
    return FreedStorage::of(images, force, storage ? &bytes : nullptr).sentence();
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
