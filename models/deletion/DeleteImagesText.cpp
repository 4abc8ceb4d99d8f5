#include "models/deletion/DeleteImagesText.h"

#include "models/common/Formatting.h"

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
