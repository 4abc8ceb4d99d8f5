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

} // namespace

DeleteImagesDialog::DeleteImagesDialog(const QList<Image> &images, int skippedBuiltInCount,
                                       const SizeUnit::Inference &sizeUnit, QWidget *parent)
    : QDialog(parent)
    , m_selected(images)
    , m_images(images)
    , m_sizeUnit(sizeUnit)
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

    m_headline = new QLabel(
        DeleteImagesText::headline(images, [this](const Image &image) { return imageName(image); }), this);
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
    m_message->setText(DeleteImagesText::messageHtml(
        images, m_sizeUnit, [this](const Image &image) { return elidedName(image); }));

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
    m_swrKept = new QLabel(this);
    m_swrKept->setObjectName(u"swrContentKept"_s);
    m_swrKept->setTextFormat(Qt::PlainText);
    m_swrKept->setWordWrap(true);
    m_swrKept->setContentsMargins(indent, 0, 0, 0);
    m_swrKept->setVisible(false);

    m_stillBeingCreated = new QLabel(this);
    m_stillBeingCreated->setObjectName(u"stillBeingCreatedNote"_s);
    m_stillBeingCreated->setTextFormat(Qt::PlainText);
    m_stillBeingCreated->setWordWrap(true);
    m_stillBeingCreated->setVisible(false);
    m_deliberate = new QCheckBox(this);
    m_deliberate->setObjectName(u"deliberateStepCheckBox"_s);
    m_deliberate->setVisible(false);

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
    connect(m_deliberate, &QCheckBox::toggled, this, &DeleteImagesDialog::updateDeleteButton);
    updateDeleteButton();

    auto *text = new QVBoxLayout();
    text->setSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);
    text->addWidget(m_headline);
    text->addWidget(m_message);
    text->addWidget(m_skipped);
    text->addWidget(m_stillBeingCreated);
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
    forceBox->addWidget(m_swrKept);
    forceBox->addWidget(m_storageFreed);
    text->addLayout(forceBox);
    text->addWidget(m_deliberate);

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
    updateImages();
    m_cancel->setFocus();
}

void DeleteImagesDialog::setUsage(const UsageSummary &usage)
{
    m_usage = usage;
    m_inUse.clear();
    m_inUseIds.clear();
    m_unknownUsage = 0;
    for (const Image &image : std::as_const(m_selected)) {
        switch (usage.stateOf(image)) {
        case UsageState::InUse:
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
    updateInUseList();
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

void DeleteImagesDialog::updateInUseList()
{
    QStringList lines;
    for (const Image &image : std::as_const(m_inUse)) {
        if (lines.size() == DeleteImagesText::MaxListedNames)
            break;
        lines.append(DeleteImagesText::inUseLine(image, m_usage.usersOf(image),
                                                 [this](const Image &named) { return imageName(named); }));
    }
    const int inUse = int(m_inUse.size());
    if (inUse > lines.size())
        lines.append(DeleteImagesText::moreInUse(inUse - int(lines.size())));
    m_inUseList->setText(DeleteImagesText::inUseHeading(inUse) + u'\n' + lines.join(u'\n'));
}

void DeleteImagesDialog::setWorkspaceText(
    const std::function<QString(const QString &workspaceId)> &workspaceText)
{
    m_workspaceText = workspaceText;
    updateInUseList();
    updateImages();
}

QString DeleteImagesDialog::imageName(const Image &image) const
{
    return DeleteImagesText::imageName(image, m_workspaceText);
}

// Very long names would stretch the dialog past the screen; the middle is the least telling part.
QString DeleteImagesDialog::elidedName(const Image &image) const
{
    const QFontMetrics metrics(font());
    return metrics.elidedText(imageName(image), Qt::ElideMiddle, metrics.averageCharWidth() * 70);
}

void DeleteImagesDialog::updateImages()
{
    m_images.clear();
    for (const Image &image : std::as_const(m_selected)) {
        if (m_includeInUse->isChecked() || !m_inUseIds.contains(image.id))
            m_images.append(image);
    }
    // Every count is of what the button deletes: the selection less what is left out.
    const int count = int(m_images.size());
    m_privateCount = DeleteImagesText::privateCount(m_images);
    setWindowTitle(DeleteImagesText::title(qMax(count, 1)));
    if (m_images.isEmpty())
        m_headline->setText(DeleteImagesText::nothingToDelete(int(m_inUse.size())));
    else if (m_alreadyBeingDeleted > 0)
        m_headline->setText(DeleteImagesText::alreadyBeingDeletedHeadline(
            m_alreadyBeingDeleted, m_alreadyBeingDeleted + int(m_selected.size()) + m_skippedBuiltIn, count,
            m_images.size() == m_selected.size()));
    else
        m_headline->setText(
            DeleteImagesText::headline(m_images, [this](const Image &image) { return imageName(image); }));
    m_message->setText(DeleteImagesText::messageHtml(
        m_images, m_sizeUnit, [this](const Image &image) { return elidedName(image); }));
    m_message->setVisible(!m_images.isEmpty());
    m_force->setEnabled(m_privateCount > 0);
    m_appliesTo->setText(m_images.isEmpty() ? QString() : DeleteImagesText::appliesTo(count, m_privateCount));
    m_appliesTo->setVisible(!m_images.isEmpty());
    m_appliesTo->setEnabled(m_privateCount > 0);
    // A mixed selection: which images keep their SWR content, by name.
    const bool mixed = m_privateCount > 0 && m_privateCount < count;
    m_swrKept->setText(mixed ? DeleteImagesText::swrContentKept(
                                   m_images, [this](const Image &image) { return elidedName(image); })
                             : QString());
    m_swrKept->setVisible(mixed);
    m_stillBeingCreated->setText(DeleteImagesText::stillBeingCreated(m_images));
    m_stillBeingCreated->setVisible(!m_stillBeingCreated->text().isEmpty());
    // What was understood is a number of images: another number needs another tick.
    const QString deliberate = DeleteImagesText::deliberateStepOption(m_images, m_sizeUnit);
    if (deliberate != m_deliberate->text())
        m_deliberate->setChecked(false);
    m_deliberate->setText(deliberate);
    m_deliberate->setVisible(DeleteImagesText::needsDeliberateStep(m_images, m_sizeUnit));
    updateDeleteButton();
}

void DeleteImagesDialog::setAlreadyBeingDeleted(int count)
{
    m_alreadyBeingDeleted = count;
    updateImages();
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
    m_delete->setText(DeleteImagesText::deleteButton(int(m_images.size()), forceRequested(), m_privateCount));
    m_delete->setEnabled(
        !m_images.isEmpty() &&
        (!DeleteImagesText::needsDeliberateStep(m_images, m_sizeUnit) || m_deliberate->isChecked()));
    // The SWR figure follows the box: it is the box that decides whether SWR content goes.
    if (m_storageBytes)
        m_storageFreed->setText(
            FreedStorage::of(m_images, forceRequested(), &*m_storageBytes, m_sizeUnit).sentence());
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

QString DeleteImagesDialog::swrContentKeptText() const
{
    return m_swrKept->isVisibleTo(this) ? m_swrKept->text() : QString();
}

QString DeleteImagesDialog::stillBeingCreatedText() const
{
    return m_stillBeingCreated->isVisibleTo(this) ? m_stillBeingCreated->text() : QString();
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
