#include "views/main/DetailsPane.h"

#include "models/common/Formatting.h"
#include "views/common/Icons.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

// Each API value as its translated label with the value as sent: "Ascend NPU (ASCEND), CPU".
QString labelled(const QStringList &values, QString (*label)(const QString &))
{
    QStringList parts;
    parts.reserve(values.size());
    for (const QString &value : values)
        parts.append(Formatting::withApiValue(label(value), value));
    return parts.join(u", "_s);
}

QLabel *makeValueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

// Ids and SWR paths have no spaces and tell each other apart at either end: shown on one line, elided in the
// middle to the pane's width, whole in the tooltip and through the copy button. The raw text stays in the
// "rawText" property (the copy button and fieldText() use it); the label is not mouse-selectable because a
// selection would copy the elided text.
class ElidedLabel final : public QLabel
{
public:
    explicit ElidedLabel(QWidget *parent)
        : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
        setWordWrap(false);
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }

    void setFullText(const QString &text)
    {
        m_full = text;
        updateElided();
    }

    QSize sizeHint() const override
    {
        return {fontMetrics().horizontalAdvance(m_full), QLabel::sizeHint().height()};
    }
    QSize minimumSizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 8, QLabel::minimumSizeHint().height()};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        updateElided();
    }

private:
    void updateElided()
    {
        const QString shown = fontMetrics().elidedText(m_full, Qt::ElideMiddle, contentsRect().width());
        if (shown != text())
            setText(shown);
    }

    QString m_full;
};

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"detailsPane"_s);
    setAccessibleName(tr("Image details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    // Page 0: nothing selected.
    m_hint = new QLabel(tr("Select an image to see its details."), m_pages);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    m_pages->addWidget(m_hint);

    // Page 1: one image.
    auto *scroll = new QScrollArea(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    column->setContentsMargins(margin, margin, margin, margin);
    m_title = makeValueLabel(content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    column->addWidget(m_title);
    m_statusLine = makeValueLabel(content);
    column->addWidget(m_statusLine);
    column->addSpacing(margin / 2);

    m_form = new QFormLayout();
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    column->addLayout(m_form);
    column->addStretch(1);
    scroll->setWidget(content);
    m_pages->addWidget(scroll);

    addRow(Field::Name, tr("Name:"));
    addRow(Field::Tag, tr("Tag:", "image version tag"));
    addRow(Field::NameTag, tr("Name:tag:"), true, tr("name:tag"));
    addRow(Field::Status, tr("Status:"));
    addRow(Field::StatusMessage, tr("Status message:"));
    {
        //: The notebooks, training jobs and services that run the image
        auto *label = new QLabel(tr("Used by:"), this);
        m_usageBox = new QWidget(this);
        m_usageBox->setObjectName(u"usedBy"_s);
        m_usageLayout = new QVBoxLayout(m_usageBox);
        m_usageLayout->setContentsMargins(0, 0, 0, 0);
        m_usageLayout->setSpacing(0);
        m_labels.insert(Field::UsedBy, label);
        m_rowWidgets.insert(Field::UsedBy, m_usageBox);
        m_form->addRow(label, m_usageBox);
    }
    addRow(Field::Size, tr("Size:"));
    addRow(Field::SizeUnit, tr("Size unit:"));
    addRow(Field::Created, tr("Created:"));
    addRow(Field::Updated, tr("Updated:"));
    addRow(Field::Type, tr("Type:", "image type: own or built-in"));
    addRow(Field::Origin, tr("Origin:", "how the image was made: registered or saved from a notebook"));
    addRow(Field::Visibility, tr("Visibility:"));
    addRow(Field::Architecture, tr("Architecture:", "CPU architecture"));
    addRow(Field::ServiceType, tr("Service type:"));
    addRow(Field::DevServices, tr("Dev services:", "development services such as SSH or Jupyter"));
    addRow(Field::Resources, tr("Resources:", "resource categories: CPU, GPU, ASCEND"));
    addRow(Field::SupportedResources, tr("Supports:", "supported resource categories"));
    addRow(Field::Namespace, tr("Namespace:", "SWR organization"));
    addRow(Field::SwrPath, tr("SWR path:"), true, tr("SWR path"));
    addRow(Field::Id, tr("ID:"), true, tr("image ID"));
    addRow(Field::Workspace, tr("Workspace:"));
    //: The ModelArts compute flavor (instance specification) type the image is meant for
    addRow(Field::FlavorType, tr("Flavor type:"));
    addRow(Field::SwrInstance, tr("SWR instance:"));
    addRow(Field::Description, tr("Description:"));
    addRow(Field::Tags, tr("Tags:", "key=value labels of the image"));

    // Page 2: several images.
    auto *summary = new QWidget(m_pages);
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(margin, margin, margin, margin);
    m_summaryTitle = makeValueLabel(summary);
    m_summaryTitle->setFont(titleFont);
    m_summaryBody = makeValueLabel(summary);
    summaryLayout->addWidget(m_summaryTitle);
    summaryLayout->addWidget(m_summaryBody);
    summaryLayout->addStretch(1);
    m_pages->addWidget(summary);

    setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    setImages({});
}

void DetailsPane::addRow(Field field, const QString &label, bool copyable, const QString &copyWhat)
{
    auto *labelWidget = new QLabel(label, this);
    QLabel *value = copyable ? new ElidedLabel(this) : makeValueLabel(this);
    labelWidget->setBuddy(value);
    m_values.insert(field, value);
    m_labels.insert(field, labelWidget);
    if (!copyable) {
        m_rowWidgets.insert(field, value);
        m_form->addRow(labelWidget, value);
        return;
    }
    auto *row = new QWidget(this);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->setSpacing(2);
    rowLayout->addWidget(value, 1);
    auto *copy = new QToolButton(row);
    copy->setIcon(icons::themed(u"copy"_s));
    copy->setAutoRaise(true);
    copy->setToolTip(tr("Copy %1", "copy button tooltip, %1 names the value").arg(copyWhat));
    copy->setAccessibleName(tr("Copy %1", "copy button tooltip, %1 names the value").arg(copyWhat));
    copy->setObjectName(u"copy"_s + QString::number(int(field)));
    rowLayout->addWidget(copy, 0, Qt::AlignTop);
    m_copyButtons.insert(field, copy);
    connect(copy, &QToolButton::clicked, this, [this, value, copyWhat] {
        QGuiApplication::clipboard()->setText(value->property("rawText").toString());
        Q_EMIT copied(copyWhat);
    });
    m_rowWidgets.insert(field, row);
    m_form->addRow(labelWidget, row);
}

void DetailsPane::setField(Field field, const QString &text)
{
    // Server text, with its control and bidi characters made visible so that a value can neither pose as
    // another line nor reorder what is around it. Tags come one a line, each made visible already.
    const QString shown = field == Field::Tags ? text : Formatting::visibleText(text);
    QLabel *value = m_values.value(field);
    if (m_copyButtons.contains(field)) {
        value->setProperty("rawText", text);
        static_cast<ElidedLabel *>(value)->setFullText(shown);
        value->setToolTip(Formatting::plainToolTip(shown));
    } else {
        value->setText(shown);
    }
    m_form->setRowVisible(m_rowWidgets.value(field), !text.isEmpty());
}

void DetailsPane::setImages(const QList<Image> &images)
{
    m_images = images;
    if (images.isEmpty())
        m_pages->setCurrentIndex(0);
    else if (images.size() == 1)
        showSingle(images.first());
    else
        showSummary(images);
}

void DetailsPane::showSingle(const Image &image)
{
    m_title->setText(Formatting::visibleText(image.nameAndTag()));
    QString status = Formatting::statusText(image.status);
    m_statusLine->setText(tr("%1 · %2 · %3", "details header: status, size, visibility")
                              .arg(status, Formatting::imageSize(image, m_sizeUnit),
                                   Formatting::visibilityText(image.visibility)));

    setField(Field::Name, image.name);
    setField(Field::Tag, image.tag);
    setField(Field::NameTag, image.nameAndTag());
    setField(Field::Status, Formatting::withApiValue(status, image.status));
    setField(Field::StatusMessage, image.statusMessage);
    setField(Field::Size,
             image.sizeKb > 0
                 ? tr("%1 (%2)", "size: human size, then the number as the server sent it")
                       .arg(Formatting::imageSize(image, m_sizeUnit), Formatting::reportedSize(image.sizeKb))
                 : Formatting::imageSize(image, m_sizeUnit));
    setField(Field::SizeUnit, m_sizeUnitExplanation);
    setField(Field::Created, Formatting::localDateTimeLong(image.createAtMs));
    setField(Field::Updated, Formatting::localDateTimeLong(image.updateAtMs));
    // Translated labels with the value as the API sent it: the console and the API docs use the latter.
    setField(Field::Type, Formatting::withApiValue(Formatting::typeText(image.type), image.type));
    setField(Field::Origin, Formatting::withApiValue(Formatting::originText(image.origin), image.origin));
    setField(Field::Visibility,
             Formatting::withApiValue(Formatting::visibilityText(image.visibility), image.visibility));
    setField(Field::Architecture,
             Formatting::withApiValue(Formatting::archText(image.arch), image.normalizedArch()));
    setField(Field::ServiceType,
             Formatting::withApiValue(Formatting::serviceTypeText(image.serviceType), image.serviceType));
    setField(Field::DevServices, labelled(image.devServices, Formatting::devServiceText));
    setField(Field::Resources, labelled(image.resourceCategories, Formatting::resourceCategoryText));
    setField(Field::SupportedResources,
             labelled(image.supportResCategories, Formatting::resourceCategoryText));
    setField(Field::Namespace, image.nameSpace);
    setField(Field::SwrPath, image.swrPath);
    setField(Field::Id, image.id);
    const QString workspace = m_workspaceText ? m_workspaceText(image.workspaceId) : image.workspaceId;
    setField(Field::Workspace, workspace == image.workspaceId
                                   ? workspace
                                   : Formatting::withApiValue(workspace, image.workspaceId));
    setField(Field::FlavorType, image.flavorType);
    setField(Field::SwrInstance, image.swrInstanceId);
    setField(Field::Description, image.description);
    QStringList tags;
    for (const ImageTag &tag : image.tags)
        tags.append(Formatting::visibleText(tag.value.isEmpty() ? tag.key : tag.key + u'=' + tag.value));
    setField(Field::Tags, tags.join(u'\n'));
    showUsage(image);
    m_pages->setCurrentIndex(1);
}

void DetailsPane::setSizeUnitExplanation(const QString &explanation)
{
    m_sizeUnitExplanation = explanation;
    if (m_images.size() == 1)
        showSingle(m_images.constFirst());
}

void DetailsPane::setSizeUnit(const SizeUnit::Inference &unit)
{
    m_sizeUnit = unit;
    setImages(m_images);
}

void DetailsPane::setUsage(const UsageSummary &usage)
{
    m_usage = usage;
    if (m_images.size() == 1)
        showUsage(m_images.constFirst());
}

void DetailsPane::showUsage(const Image &image)
{
    while (QLayoutItem *item = m_usageLayout->takeAt(0)) {
        // Later: this may run while one of the old rows' menus is still on its way out.
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        }
        delete item;
    }
    const QList<ImageUser> users = m_usage.usersOf(image);
    if (users.isEmpty()) {
        QLabel *line = makeValueLabel(m_usageBox);
        line->setObjectName(u"usageLine"_s);
        line->setText(m_usage.cellText(image));
        // Unknown: why, in the pane itself, not only in a tooltip.
        if (m_usage.stateOf(image) == UsageState::Unknown)
            line->setText(line->text() + u'\n' + m_usage.unknownReasons().join(u'\n'));
        m_usageLayout->addWidget(line);
        return;
    }
    for (const ImageUser &user : users) {
        auto *row = new QWidget(m_usageBox);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(2);
        QLabel *line = makeValueLabel(row);
        line->setObjectName(u"usageLine"_s);
        QString text = UsageSummary::userText(user);
        if (!user.id.isEmpty())
            text = tr("%1 · ID %2", "a user of the image and its id")
                       .arg(text, Formatting::visibleText(user.id));
        line->setText(text);
        rowLayout->addWidget(line, 1);

        auto *copy = new QToolButton(row);
        copy->setObjectName(u"usageCopy"_s);
        copy->setIcon(icons::themed(u"copy"_s));
        copy->setAutoRaise(true);
        copy->setPopupMode(QToolButton::MenuButtonPopup);
        const QString kind = UsageSummary::kindText(user.kind);
        copy->setToolTip(tr("Copy the %1's name", "%1: notebook, training job or service").arg(kind));
        copy->setAccessibleName(copy->toolTip());
        auto *menu = new QMenu(copy);
        QAction *copyName = menu->addAction(tr("Copy Name"));
        copyName->setObjectName(u"copyName"_s);
        QAction *copyId = menu->addAction(tr("Copy ID"));
        copyId->setObjectName(u"copyId"_s);
        copyId->setEnabled(!user.id.isEmpty());
        copy->setMenu(menu);
        const auto put = [this](const QString &text, const QString &what) {
            QGuiApplication::clipboard()->setText(text);
            Q_EMIT copied(what);
        };
        const QString name = user.name;
        const QString id = user.id;
        connect(copy, &QToolButton::clicked, this,
                [put, name, kind] { put(name, tr("%1 name", "notebook name, service name").arg(kind)); });
        connect(copyName, &QAction::triggered, this,
                [put, name, kind] { put(name, tr("%1 name", "notebook name, service name").arg(kind)); });
        connect(copyId, &QAction::triggered, this,
                [put, id, kind] { put(id, tr("%1 ID", "notebook ID, service ID").arg(kind)); });
        rowLayout->addWidget(copy, 0, Qt::AlignTop);
        m_usageLayout->addWidget(row);
    }
}

void DetailsPane::setWorkspaceText(std::function<QString(const QString &)> workspaceText)
{
    m_workspaceText = std::move(workspaceText);
    if (m_images.size() == 1)
        showSingle(m_images.constFirst());
}

QStringList DetailsPane::usageLines() const
{
    QStringList lines;
    for (const QLabel *line : m_usageBox->findChildren<QLabel *>(u"usageLine"_s))
        lines.append(line->text());
    return lines;
}

QList<QToolButton *> DetailsPane::usageCopyButtons() const
{
    return m_usageBox->findChildren<QToolButton *>(u"usageCopy"_s);
}

void DetailsPane::showSummary(const QList<Image> &images)
{
    qint64 totalKb = 0;
    int privateCount = 0;
    int builtInCount = 0;
    for (const Image &image : images) {
        totalKb += qMax<qint64>(0, image.sizeKb);
        privateCount += image.isPrivate() ? 1 : 0;
        builtInCount += image.isBuiltIn() ? 1 : 0;
    }
    m_summaryTitle->setText(
        tr("%Ln image(s) selected, total %1", "details pane, several images selected", int(images.size()))
            .arg(Formatting::humanSize(totalKb, m_sizeUnit)));
    QStringList lines;
    lines.append(tr("%Ln private", "count of private images in the selection", privateCount));
    lines.append(
        tr("%Ln public", "count of public images in the selection", int(images.size()) - privateCount));
    if (builtInCount > 0)
        lines.append(tr("%Ln built-in (cannot be deleted)", nullptr, builtInCount));
    m_summaryBody->setText(lines.join(u'\n'));
    m_pages->setCurrentIndex(2);
}

QString DetailsPane::fieldText(Field field) const
{
    QLabel *value = m_values.value(field);
    if (!value)
        return {};
    const QVariant raw = value->property("rawText");
    return raw.isValid() ? raw.toString() : value->text();
}

QString DetailsPane::summaryText() const
{
    switch (m_pages->currentIndex()) {
    case 0:
        return m_hint->text();
    case 1:
        return m_title->text();
    default:
        return m_summaryTitle->text();
    }
}

} // namespace mim
