#include "views/main/EmptyStateWidget.h"

#include "views/common/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"emptyState"_s);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(this);
    m_title->setObjectName(u"emptyStateTitle"_s);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    m_body = new QLabel(this);
    m_body->setObjectName(u"emptyStateBody"_s);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::PlainText);

    const QList<std::pair<Button, QString>> buttons = {
        {Button::AddAccount, tr("Add Account…")},
        {Button::TryDemo, tr("Try the Demo")},
        {Button::Refresh, tr("Refresh")},
        {Button::ShowBuiltIn, tr("Show Built-in Images")},
        {Button::ClearFilter, tr("Clear Filter")},
        {Button::Retry, tr("Retry")},
        {Button::ManageAccounts, tr("Manage Accounts…")},
        {Button::Cancel, tr("Cancel")},
    };
    auto *buttonRow = new QHBoxLayout();
    buttonRow->addStretch(1);
    for (const auto &[which, text] : buttons) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(u"emptyStateButton"_s + QString::number(int(which)));
        button->hide();
        connect(button, &QPushButton::clicked, this, [this, which = which] { Q_EMIT buttonClicked(which); });
        buttonRow->addWidget(button);
        m_buttons.append(button);
    }
    buttonRow->addStretch(1);

    // The text column has a fixed, readable width; centring the column (not the labels) keeps word-wrapped
    // labels at their full height.
    auto *content = new QWidget(this);
    content->setFixedWidth(fontMetrics().averageCharWidth() * 64);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_icon);
    column->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);
    column->addWidget(m_title);
    column->addWidget(m_body);
    column->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);
    column->addLayout(buttonRow);

    auto *centred = new QHBoxLayout();
    centred->addStretch(1);
    centred->addWidget(content);
    centred->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addLayout(centred);
    outer->addStretch(3);
}

QPushButton *EmptyStateWidget::button(Button which) const
{
    return m_buttons.value(int(which));
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::body() const
{
    return m_body->text();
}

void EmptyStateWidget::present(const QString &iconName, const QString &title, const QString &body,
                               QList<Button> buttons, bool selectableBody)
{
    const int size = fontMetrics().height() * 4;
    // The disabled mode draws the icon in the palette's muted text colour: present, not loud.
    m_icon->setPixmap(
        icons::themed(iconName).pixmap(QSize(size, size), devicePixelRatioF(), QIcon::Disabled));
    m_title->setText(title);
    m_body->setText(body);
    m_body->setTextInteractionFlags(selectableBody ? Qt::TextSelectableByMouse : Qt::NoTextInteraction);
    m_body->setVisible(!body.isEmpty());
    for (int i = 0; i < m_buttons.size(); ++i) {
        QPushButton *button = m_buttons.at(i);
        const int position = int(buttons.indexOf(Button(i)));
        button->setVisible(position >= 0);
        button->setDefault(position == 0);
    }
}

void EmptyStateWidget::showNoAccount(bool hasAccounts)
{
    if (hasAccounts) {
        present(u"account"_s, tr("Not connected"),
                tr("Choose an account in the toolbar to see its images, or add another one."),
                {Button::ManageAccounts, Button::AddAccount});
        return;
    }
    present(
        u"account"_s, tr("No account yet"),
        tr("Add a Huawei Cloud account to see and clean up its ModelArts images. Or look around first with "
           "the demo, which runs entirely on this computer."),
        {Button::AddAccount, Button::TryDemo});
}

void EmptyStateWidget::showNotLoaded()
{
    present(u"loading"_s, tr("Image list not loaded"), tr("Loading was stopped before it finished."),
            {Button::Refresh});
}

void EmptyStateWidget::showLoading(const QString &accountName)
{
    present(u"loading"_s, tr("Loading images…"),
            accountName.isEmpty() ? QString() : tr("Reading the image list of “%1”.").arg(accountName),
            {Button::Cancel});
}

void EmptyStateWidget::showNoImages(bool builtInShown)
{
    if (builtInShown) {
        present(u"images-empty"_s, tr("No images"), tr("This account has no images in this region."),
                {Button::Refresh});
        return;
    }
    present(u"images-empty"_s, tr("No images of your own"),
            tr("Images you save from a notebook or register in the console appear here. Built-in images are "
               "hidden."),
            {Button::Refresh, Button::ShowBuiltIn});
}

void EmptyStateWidget::showNoMatches(int hiddenCount)
{
    present(u"filter-off"_s, tr("No matching images"),
            tr("None of the %Ln image(s) matches the filter.", "empty state when the filter hides everything",
               hiddenCount),
            {Button::ClearFilter});
}

void EmptyStateWidget::showLoadFailed(const QString &errorText)
{
    present(u"load-failed"_s, tr("Could not load the images"), errorText,
            {Button::Retry, Button::ManageAccounts}, true);
}

} // namespace mim
