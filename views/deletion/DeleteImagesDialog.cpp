#include "views/deletion/DeleteImagesDialog.h"

#include "models/common/Formatting.h"
#include "models/deletion/DeleteImagesText.h"
#include "models/deletion/Deletion.h"
#include "models/storage/FreedStorage.h"

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
    , m_selected(images)
    , m_images(images)
    , m_skippedBuiltIn(skippedBuiltInCount)
{
    setObjectName(u"deleteImagesDialog"_s);
    const int count = int(images.size());
    m_privateCount = DeleteImagesText::privateCount(images);
    setWindowTitle(DeleteImagesText::title(count));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("Warning"));

    m_headline = new QLabel(DeleteImagesText::headline(images), this);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.1);
    m_headline->setFont(headlineFont);

    // The names, HTML-escaped: image names are user data.
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::RichText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QFontMetrics metrics(font());
    m_message->setText(DeleteImagesText::messageHtml(
        images, [&metrics](const Image &image) { return elidedName(image, metrics); }));

    m_skipped = new QLabel(DeleteImagesText::skipped(skippedBuiltInCount), this);
    m_skipped->setTextFormat(Qt::PlainText);
    m_skipped->setWordWrap(true);
    m_skipped->setVisible(skippedBuiltInCount > 0);

    // Images in use and unknown usage: shown by setUsage().
    m_inUseList = new QLabel(this);
    m_inUseList->setObjectName(u"inUseList"_s);
    m_inUseList->setTextFormat(Qt::PlainText);
    m_inUseList->setWordWrap(true);
    m_inUseList->setVisible(false);
    m_includeInUse = new QCheckBox(this);
    m_includeInUse->setObjectName(u"includeInUseCheckBox"_s);
    m_includeInUse->setChecked(false);
    m_includeInUse->setToolTip(DeleteImagesText::includeInUseToolTip());
    m_includeInUse->setVisible(false);
    m_unknownWarning = new QLabel(this);
    m_unknownWarning->setObjectName(u"unknownUsageWarning"_s);
    m_unknownWarning->setTextFormat(Qt::PlainText);
    m_unknownWarning->setWordWrap(true);
    m_unknownWarning->setVisible(false);

    m_force = new QCheckBox(DeleteImagesText::forceOption(), this);
    m_force->setObjectName(u"forceCheckBox"_s);
    m_force->setChecked(false);
    m_force->setEnabled(m_privateCount > 0);
    m_force->setToolTip(DeleteImagesText::forceToolTip());

    m_appliesTo = new QLabel(DeleteImagesText::appliesTo(count, m_privateCount), this);
    m_appliesTo->setTextFormat(Qt::PlainText);
    m_appliesTo->setWordWrap(true);
    // Indent the note under the check box's text so it reads as its explanation.
    const int indent = style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, m_force) +
                       style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, m_force);
    m_appliesTo->setContentsMargins(indent, 0, 0, 0);
    m_appliesTo->setEnabled(m_privateCount > 0);

    m_storageFreed = new QLabel(this);
    m_storageFreed->setObjectName(u"storageFreedLabel"_s);
    m_storageFreed->setTextFormat(Qt::PlainText);
    m_storageFreed->setWordWrap(true);
    m_storageFreed->setContentsMargins(indent, 0, 0, 0);
    m_storageFreed->setVisible(false);

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
    auto *inUseBox = new QVBoxLayout();
    inUseBox->setSpacing(2);
    inUseBox->addWidget(m_inUseList);
    inUseBox->addWidget(m_includeInUse);
    text->addLayout(inUseBox);
    text->addWidget(m_unknownWarning);
    auto *forceBox = new QVBoxLayout();
    forceBox->setSpacing(2);
    forceBox->addWidget(m_force);
    forceBox->addWidget(m_appliesTo);
    forceBox->addWidget(m_storageFreed);
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

void DeleteImagesDialog::setUsage(const UsageSummary &usage)
{
    m_inUse.clear();
    m_inUseIds.clear();
    m_unknownUsage = 0;
    QStringList inUseLines;
    for (const Image &image : std::as_const(m_selected)) {
        switch (usage.stateOf(image)) {
        case UsageState::InUse:
            if (inUseLines.size() < DeleteImagesText::MaxListedNames)
                inUseLines.append(DeleteImagesText::inUseLine(image, usage.usersOf(image)));
            m_inUse.append(image);
            m_inUseIds.insert(image.id);
            break;
        case UsageState::Unknown:
            ++m_unknownUsage;
            break;
        case UsageState::NotInUse:
            break;
        }
    }
    const int inUse = int(m_inUse.size());
    if (inUse > inUseLines.size())
        inUseLines.append(DeleteImagesText::moreInUse(inUse - int(inUseLines.size())));
    m_inUseList->setText(DeleteImagesText::inUseHeading(inUse) + u'\n' + inUseLines.join(u'\n'));
    m_inUseList->setVisible(inUse > 0);
    m_includeInUse->setText(DeleteImagesText::includeInUseOption(inUse));
    m_includeInUse->setVisible(inUse > 0);
    m_includeInUse->setChecked(false);
    connect(m_includeInUse, &QCheckBox::toggled, this, &DeleteImagesDialog::updateImages,
            Qt::UniqueConnection);
    m_unknownWarning->setText(DeleteImagesText::unknownUsageWarning(m_unknownUsage, usage.unknownReasons()));
    m_unknownWarning->setVisible(m_unknownUsage > 0);
    updateImages();
}

void DeleteImagesDialog::updateImages()
{
    m_images.clear();
    for (const Image &image : std::as_const(m_selected)) {
        if (m_includeInUse->isChecked() || !m_inUseIds.contains(image.id))
            m_images.append(image);
    }
    // With nothing left to delete, the texts still describe the selection.
    const QList<Image> &described = m_images.isEmpty() ? m_selected : m_images;
    const int count = int(described.size());
    m_privateCount = DeleteImagesText::privateCount(m_images);
    setWindowTitle(DeleteImagesText::title(count));
    m_headline->setText(DeleteImagesText::headline(described));
    const QFontMetrics metrics(font());
    m_message->setText(DeleteImagesText::messageHtml(
        described, [&metrics](const Image &image) { return elidedName(image, metrics); }));
    m_message->setVisible(!m_images.isEmpty());
    m_force->setEnabled(m_privateCount > 0);
    m_appliesTo->setText(DeleteImagesText::appliesTo(count, DeleteImagesText::privateCount(described)));
    m_appliesTo->setEnabled(m_privateCount > 0);
    updateDeleteButton();
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
    m_delete->setText(DeleteImagesText::deleteButton(int(m_images.size()), forceRequested()));
    m_delete->setEnabled(!m_images.isEmpty());
    // The SWR figure follows the box: it is the box that decides whether SWR content goes.
    if (m_storageBytes)
        m_storageFreed->setText(FreedStorage::of(m_images, forceRequested(), &*m_storageBytes).sentence());
}

void DeleteImagesDialog::setStorage(const StorageFacts &facts)
{
    m_storageBytes = facts.bytesByPath();
    m_storageFreed->setVisible(true);
    updateDeleteButton();
}

QString DeleteImagesDialog::storageFreedText() const
{
    return m_storageBytes ? m_storageFreed->text() : QString();
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

QString DeleteImagesDialog::inUseText() const
{
    return m_inUse.isEmpty() ? QString() : m_inUseList->text();
}

QString DeleteImagesDialog::unknownUsageText() const
{
    return m_unknownUsage > 0 ? m_unknownWarning->text() : QString();
}

QString DeleteImagesDialog::skippedText() const
{
    return m_skippedBuiltIn > 0 ? m_skipped->text() : QString();
}

} // namespace mim
