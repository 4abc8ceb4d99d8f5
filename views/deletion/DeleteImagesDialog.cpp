#include "views/deletion/DeleteImagesDialog.h"

#include "models/common/Formatting.h"
#include "models/deletion/Deletion.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

QString plainText(const QLabel *label)
{
    if (label->textFormat() != Qt::RichText)
        return label->text();
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText().trimmed();
}

// Very long names would stretch the dialog past the screen; the middle is the least telling part.
QString elidedName(const Image &image, const QFontMetrics &metrics)
{
    return metrics.elidedText(Formatting::visibleText(image.nameAndTag()), Qt::ElideMiddle,
                              metrics.averageCharWidth() * 70);
}

} // namespace

DeleteImagesDialog::DeleteImagesDialog(const QList<Image> &images, int skippedBuiltInCount, QWidget *parent)
    : QDialog(parent)
    , m_images(images)
    , m_skippedBuiltIn(skippedBuiltInCount)
{
    setObjectName(u"deleteImagesDialog"_s);
    const int count = int(images.size());
    qint64 totalKb = 0;
    for (const Image &image : images) {
        totalKb += qMax<qint64>(0, image.sizeKb);
        m_privateCount += image.isPrivate() ? 1 : 0;
    }
    setWindowTitle(count == 1 ? tr("Delete Image", "window title") : tr("Delete Images", "window title"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("Warning"));

    m_headline = new QLabel(this);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.1);
    m_headline->setFont(headlineFont);
    if (count == 1)
        m_headline->setText(tr("Delete the image “%1”?", "one image; %1 is name:tag")
                                .arg(Formatting::visibleText(images.first().nameAndTag())));
    else
        m_headline->setText(tr("Delete %n image(s)?", "several images", count));

    // The names, HTML-escaped: image names are user data.
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::RichText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QFontMetrics metrics(font());
    QString html;
    if (count == 1) {
        const Image &image = images.first();
        html = tr("It is removed from ModelArts (%1, %2). This cannot be undone.",
                  "one image; %1 is its size, %2 its visibility")
                   .arg(Formatting::humanSize(image.sizeKb).toHtmlEscaped(),
                        Formatting::visibilityText(image.visibility).toHtmlEscaped());
    } else {
        html = tr("These images are removed from ModelArts, %1 in total. This cannot be undone.",
                  "several images; %1 is their total size")
                   .arg(Formatting::humanSize(totalKb).toHtmlEscaped());
        html += u"<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">"_s;
        const int listed = qMin(count, MaxListedNames);
        for (int i = 0; i < listed; ++i) {
            html += u"<li>"_s + elidedName(images.at(i), metrics).toHtmlEscaped() + u"</li>"_s;
        }
        html += u"</ul>"_s;
        if (count > listed)
            html += u"<p>"_s +
                    tr("and %n more", "after the first names of the images to delete", count - listed)
                        .toHtmlEscaped() +
                    u"</p>"_s;
    }
    m_message->setText(html);

    m_skipped = new QLabel(this);
    m_skipped->setTextFormat(Qt::PlainText);
    m_skipped->setWordWrap(true);
    if (skippedBuiltInCount > 0) {
        m_skipped->setText(tr("%n built-in image(s) skipped: built-in images cannot be deleted.",
                              "images in the selection that are left alone", skippedBuiltInCount));
    }
    m_skipped->setVisible(skippedBuiltInCount > 0);

    m_force = new QCheckBox(tr("Also delete the image content from SWR"), this);
    m_force->setObjectName(u"forceCheckBox"_s);
    m_force->setChecked(false);
    m_force->setEnabled(m_privateCount > 0);
    m_force->setToolTip(
        tr("Deletes the image in the SWR registry as well, which frees SWR storage. Without it "
           "only the ModelArts registration is removed and the image stays in SWR."));

    m_appliesTo = new QLabel(this);
    m_appliesTo->setTextFormat(Qt::PlainText);
    m_appliesTo->setWordWrap(true);
    if (m_privateCount == 0) {
        m_appliesTo->setText(count == 1 ? tr("The image is public: its SWR content is kept.")
                                        : tr("All selected images are public: their SWR content is kept."));
    } else if (m_privateCount == count) {
        m_appliesTo->setText(
            count == 1 ? tr("Applies to this private image. Without it, the image stays in SWR.")
                       : tr("Applies to all %n selected images (all are private).", nullptr, count));
    } else {
        m_appliesTo->setText(
            tr("Applies to %1 of the %n selected images (the private ones); public images keep "
               "their SWR content.",
               "%1 is the number of private images", count)
                .arg(m_privateCount));
    }
    // Indent the note under the check box's text so it reads as its explanation.
    const int indent = style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, m_force) +
                       style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, m_force);
    m_appliesTo->setContentsMargins(indent, 0, 0, 0);
    m_appliesTo->setEnabled(m_privateCount > 0);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::AcceptRole);
    m_delete->setObjectName(u"deleteButton"_s);
    m_delete->setAutoDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_force, &QCheckBox::toggled, this, &DeleteImagesDialog::updateDeleteButton);
    updateDeleteButton();

    auto *text = new QVBoxLayout();
    text->setSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);
    text->addWidget(m_headline);
    text->addWidget(m_message);
    text->addWidget(m_skipped);
    auto *forceBox = new QVBoxLayout();
    forceBox->setSpacing(2);
    forceBox->addWidget(m_force);
    forceBox->addWidget(m_appliesTo);
    text->addLayout(forceBox);

    auto *body = new QHBoxLayout();
    body->setSpacing(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) * 3);
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    const int width = fontMetrics().averageCharWidth() * 64;
    m_message->setMinimumWidth(width);
    m_cancel->setFocus();
}

bool DeleteImagesDialog::forceRequested() const
{
    return m_force->isEnabled() && m_force->isChecked();
}

QList<DeletionRequest> DeleteImagesDialog::requests(bool force) const
{
    QList<DeletionRequest> result;
    result.reserve(m_images.size());
    for (const Image &image : m_images)
        result.append(DeletionRequest{image, force && image.isPrivate()});
    return result;
}

void DeleteImagesDialog::updateDeleteButton()
{
    const int count = int(m_images.size());
    if (forceRequested())
        m_delete->setText(tr("Delete %n Image(s) and SWR Content", "button", count));
    else
        m_delete->setText(tr("Delete %n Image(s)", "button", count));
}

QString DeleteImagesDialog::headline() const
{
    return m_headline->text();
}

QString DeleteImagesDialog::messageText() const
{
    return plainText(m_message);
}

QString DeleteImagesDialog::appliesToText() const
{
    return m_appliesTo->text();
}

QString DeleteImagesDialog::skippedText() const
{
    return m_skippedBuiltIn > 0 ? m_skipped->text() : QString();
}

} // namespace mim
