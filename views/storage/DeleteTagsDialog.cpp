#include "views/storage/DeleteTagsDialog.h"

#include "models/common/Formatting.h"
#include "views/storage/StorageTagModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

DeleteTagsDialog::DeleteTagsDialog(const QList<StoredTag> &tags, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"deleteTagsDialog"_s);
    for (const StoredTag &tag : tags) {
        if (!tag.mayBeDeleted()) {
            ++m_registeredCount;
            continue;
        }
        m_tags.append(tag);
        if (tag.sizeBytes < 0)
            ++m_unknownSizes;
        else
            m_totalBytes += tag.sizeBytes;
    }
    const int count = int(m_tags.size());
    setWindowTitle(tr("Delete %n SWR Tag(s)", nullptr, count));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("Warning"));

    QString headline =
        tr("Delete %n tag(s) from SWR, %1?", nullptr, count).arg(Formatting::dataSize(m_totalBytes));
    if (m_unknownSizes > 0)
        headline += u' ' + tr("(%n of unknown size not counted)", nullptr, m_unknownSizes);
    m_headline = new QLabel(headline, this);
    m_headline->setObjectName(u"headline"_s);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.1);
    m_headline->setFont(headlineFont);
    m_headline->setToolTip(tr("%1 bytes").arg(QLocale().toString(m_totalBytes)));

    // Names are server strings: plain text, with hidden characters made visible, long ones elided.
    const QFontMetrics metrics(font());
    QStringList lines;
    for (const StoredTag &tag : std::as_const(m_tags)) {
        if (lines.size() == MaxListedNames) {
            lines << tr("… and %n more", nullptr, count - MaxListedNames);
            break;
        }
        lines << metrics.elidedText(Formatting::visibleText(tag.displayName()), Qt::ElideMiddle,
                                    metrics.averageCharWidth() * 70) +
                     u"  (" + StorageTagModel::sizeText(tag.sizeBytes) + u')';
    }
    m_names = new QLabel(lines.join(u'\n'), this);
    m_names->setObjectName(u"tagNames"_s);
    m_names->setTextFormat(Qt::PlainText);
    m_names->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *consequence = new QLabel(
        tr("The content is removed from SWR and cannot be restored. No ModelArts image names these tags."),
        this);
    consequence->setTextFormat(Qt::PlainText);
    consequence->setWordWrap(true);

    m_registered = new QLabel(
        tr("%n selected tag(s) registered in ModelArts are left out: delete the image with force instead.",
           nullptr, m_registeredCount),
        this);
    m_registered->setObjectName(u"registeredNote"_s);
    m_registered->setTextFormat(Qt::PlainText);
    m_registered->setWordWrap(true);
    m_registered->setVisible(m_registeredCount > 0);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_delete = buttons->addButton(tr("Delete %n Tag(s)", nullptr, count), QDialogButtonBox::AcceptRole);
    m_delete->setObjectName(u"deleteButton"_s);
    m_delete->setEnabled(count > 0);
    m_delete->setAutoDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout();
    text->setSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);
    text->addWidget(m_headline);
    text->addWidget(m_names);
    text->addWidget(consequence);
    text->addWidget(m_registered);

    auto *body = new QHBoxLayout();
    body->setSpacing(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) * 3);
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    m_names->setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    m_cancel->setFocus();
}

QString DeleteTagsDialog::headline() const
{
    return m_headline->text();
}

QString DeleteTagsDialog::namesText() const
{
    return m_names->text();
}

QString DeleteTagsDialog::registeredText() const
{
    return m_registered->isVisibleTo(this) ? m_registered->text() : QString();
}

} // namespace mim
