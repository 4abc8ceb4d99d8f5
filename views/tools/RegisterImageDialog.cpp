#include "views/tools/RegisterImageDialog.h"

#include "models/api/ApiClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRegister, "mim.ui.register")

namespace mim {

namespace {

QString architectureText(const QString &arch)
{
    if (arch == u"AARCH64"_s)
        return RegisterImageDialog::tr("AArch64 (Arm)", "processor architecture");
    return RegisterImageDialog::tr("x86_64", "processor architecture");
}

QString categoryText(const QString &category)
{
    if (category == u"ASCEND"_s)
        return RegisterImageDialog::tr("Ascend", "Huawei's AI processors");
    return category; // CPU, GPU: the same in every language
}

QString serviceText(const QString &service)
{
    if (service == u"NOTEBOOK"_s)
        return RegisterImageDialog::tr("Notebook (JupyterLab)", "a way to use the image in ModelArts");
    return RegisterImageDialog::tr("SSH", "remote login, a way to use the image in ModelArts");
}

QString serviceTypeText(const QString &type)
{
    if (type == u"COMMON"_s)
        return RegisterImageDialog::tr("General purpose", "what an image is for");
    if (type == u"DEV"_s)
        return RegisterImageDialog::tr("Development", "what an image is for");
    if (type == u"TRAIN"_s)
        return RegisterImageDialog::tr("Training", "what an image is for");
    if (type == u"INFERENCE"_s)
        return RegisterImageDialog::tr("Inference", "what an image is for");
    return RegisterImageDialog::tr("Not specified", "what an image is for");
}

QString visibilityText(const QString &visibility)
{
    if (visibility == u"PUBLIC"_s)
        return RegisterImageDialog::tr("Public: every ModelArts user may use it by its ID",
                                       "image visibility");
    return RegisterImageDialog::tr("Private: only this account", "image visibility");
}

QLabel *quietNote(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    return label;
}

} // namespace

RegisterImageDialog::RegisterImageDialog(ApiClient *client, const QString &accountRegionId,
                                         const QStringList &knownWorkspaces, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_regionId(accountRegionId)
{
    setObjectName(u"registerImageDialog"_s);
    setWindowTitle(tr("Register Image", "window title"));
    const QFontMetrics metrics(font());

    auto *intro = quietNote(tr("Makes an image that is already in SWR available in ModelArts, for notebooks "
                               "and training jobs. The image itself is not copied."),
                            this);

    m_swrPath = new QLineEdit(this);
    m_swrPath->setObjectName(u"swrPathEdit"_s);
    // The form's labels name whole rows (a field with its hint), so screen readers need the names given here.
    m_swrPath->setAccessibleName(tr("SWR path"));
    m_swrPath->setPlaceholderText(
        accountRegionId.isEmpty() ? u"swr.cn-north-4.myhuaweicloud.com/namespace/name:tag"_s
                                  : u"swr.%1.myhuaweicloud.com/namespace/name:tag"_s.arg(accountRegionId));
    m_swrPath->setMaxLength(RegisterImageRequest::MaxSwrPathLength + 64); // room to show "too long"
    m_swrPath->setMinimumWidth(metrics.averageCharWidth() * 60);
    m_pathHint = quietNote(QString(), this);
    m_pathHint->setObjectName(u"swrPathHint"_s);
    auto *pathBox = new QVBoxLayout();
    pathBox->setSpacing(2);
    pathBox->addWidget(m_swrPath);
    pathBox->addWidget(m_pathHint);

    m_arch = new QComboBox(this);
    for (const QString &arch : RegisterImageRequest::architectures())
        m_arch->addItem(architectureText(arch), arch);

    auto *categoryRow = new QHBoxLayout();
    for (const QString &category : RegisterImageRequest::resourceCategoryValues()) {
        auto *box = new QCheckBox(categoryText(category), this);
        box->setObjectName(u"category_"_s + category);
        box->setProperty("apiValue", category);
        m_categories.append(box);
        categoryRow->addWidget(box);
    }
    categoryRow->addStretch(1);

    auto *serviceRow = new QHBoxLayout();
    for (const QString &service : RegisterImageRequest::serviceValues()) {
        auto *box = new QCheckBox(serviceText(service), this);
        box->setObjectName(u"service_"_s + service);
        box->setProperty("apiValue", service);
        m_services.append(box);
        serviceRow->addWidget(box);
    }
    serviceRow->addStretch(1);

    m_serviceType = new QComboBox(this);
    for (const QString &type : RegisterImageRequest::serviceTypes())
        m_serviceType->addItem(serviceTypeText(type), type);

    m_visibility = new QComboBox(this);
    for (const QString &visibility : RegisterImageRequest::visibilities())
        m_visibility->addItem(visibilityText(visibility), visibility);

    m_workspace = new QComboBox(this);
    m_workspace->setEditable(true);
    m_workspace->setInsertPolicy(QComboBox::NoInsert);
    m_workspace->addItem(u"0"_s);
    for (const QString &workspace : knownWorkspaces) {
        if (workspace != u"0"_s && m_workspace->findText(workspace) < 0)
            m_workspace->addItem(workspace);
    }
    m_workspace->setAccessibleName(tr("Workspace"));
    m_workspace->lineEdit()->setAccessibleName(tr("Workspace"));
    m_workspace->setToolTip(tr("“0” is the default workspace; other workspaces have a 32-character ID."));

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(metrics.lineSpacing() * 4 + 2 * m_description->frameWidth() + 8);
    m_descriptionCount = quietNote(QString(), this);
    m_descriptionCount->setObjectName(u"descriptionCountLabel"_s);
    // A word-wrapped label asks for its height by width, which the form layout answers late: the counter
    // was placed over the description box. "0 / 512" never needs to wrap.
    m_descriptionCount->setWordWrap(false);
    m_descriptionCount->setAlignment(Qt::AlignRight);
    auto *descriptionBox = new QVBoxLayout();
    descriptionBox->setSpacing(2);
    descriptionBox->addWidget(m_description);
    descriptionBox->addWidget(m_descriptionCount);

    m_tags = new QTableWidget(0, 2, this);
    m_tags->setObjectName(u"tagTable"_s);
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setHorizontalHeaderLabels({tr("Key", "of a tag"), tr("Value", "of a tag")});
    m_tags->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tags->verticalHeader()->setVisible(false);
    m_tags->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows are taller than a line of text: room for four whole rows, measured in rows.
    m_tags->setMinimumHeight(m_tags->horizontalHeader()->sizeHint().height() +
                             m_tags->verticalHeader()->defaultSectionSize() * 4 + 2 * m_tags->frameWidth());
    m_addTag = new QPushButton(tr("Add Tag"), this);
    m_addTag->setAutoDefault(false);
    m_removeTag = new QPushButton(tr("Remove"), this);
    m_removeTag->setAutoDefault(false);
    connect(m_addTag, &QPushButton::clicked, this, &RegisterImageDialog::addTagRow);
    connect(m_removeTag, &QPushButton::clicked, this, &RegisterImageDialog::removeSelectedTags);
    auto *tagButtons = new QVBoxLayout();
    tagButtons->addWidget(m_addTag);
    tagButtons->addWidget(m_removeTag);
    tagButtons->addStretch(1);
    auto *tagBox = new QHBoxLayout();
    tagBox->addWidget(m_tags, 1);
    tagBox->addLayout(tagButtons);

    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("SWR path:"), pathBox);
    form->addRow(tr("Architecture:"), m_arch);
    form->addRow(tr("Resource types:", "CPU, GPU, Ascend"), categoryRow);
    form->addRow(tr("Use through:", "Notebook, SSH"), serviceRow);
    form->addRow(tr("Purpose:", "what the image is for: training, inference…"), m_serviceType);
    form->addRow(tr("Visibility:"), m_visibility);
    form->addRow(tr("Workspace:"), m_workspace);
    form->addRow(tr("Description:"), descriptionBox);
    form->addRow(tr("Tags:", "key/value labels"), tagBox);

    m_problemIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_problemIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"registerProblemLabel"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *problemRow = new QHBoxLayout();
    problemRow->addWidget(m_problemIcon, 0, Qt::AlignTop);
    problemRow->addWidget(m_problem, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_registerButton = buttons->addButton(tr("Register", "button"), QDialogButtonBox::AcceptRole);
    m_registerButton->setObjectName(u"registerButton"_s);
    m_registerButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    // Accepting is submit(): the dialog closes only once the server said yes.
    connect(buttons, &QDialogButtonBox::accepted, this, &RegisterImageDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addLayout(form);
    layout->addLayout(problemRow);
    layout->addWidget(buttons);

    m_formWidgets = {m_swrPath,     m_arch, m_serviceType, m_visibility, m_workspace,
                     m_description, m_tags, m_addTag,      m_removeTag};
    for (QCheckBox *box : std::as_const(m_categories))
        m_formWidgets.append(box);
    for (QCheckBox *box : std::as_const(m_services))
        m_formWidgets.append(box);

    setRequest(RegisterImageRequest{});

    const auto changed = [this] {
        m_serverProblem.clear();
        updateState();
    };
    connect(m_swrPath, &QLineEdit::textChanged, this, changed);
    connect(m_arch, &QComboBox::currentIndexChanged, this, changed);
    connect(m_serviceType, &QComboBox::currentIndexChanged, this, changed);
    connect(m_visibility, &QComboBox::currentIndexChanged, this, changed);
    connect(m_workspace, &QComboBox::currentTextChanged, this, changed);
    connect(m_description, &QPlainTextEdit::textChanged, this, changed);
    connect(m_tags, &QTableWidget::itemChanged, this, changed);
    connect(m_tags, &QTableWidget::itemSelectionChanged, this, &RegisterImageDialog::updateState);
    for (QCheckBox *box : std::as_const(m_categories))
        connect(box, &QCheckBox::toggled, this, changed);
    for (QCheckBox *box : std::as_const(m_services))
        connect(box, &QCheckBox::toggled, this, changed);

    updateState();
    m_swrPath->setFocus();
}

RegisterImageDialog::~RegisterImageDialog()
{
    // A registration still under way is left to finish; its answer is no longer needed here.
    if (m_call)
        disconnect(m_call, nullptr, this, nullptr);
}

QCheckBox *RegisterImageDialog::resourceCategoryBox(const QString &category) const
{
    for (QCheckBox *box : m_categories) {
        if (box->property("apiValue").toString() == category)
            return box;
    }
    return nullptr;
}

QCheckBox *RegisterImageDialog::serviceBox(const QString &service) const
{
    for (QCheckBox *box : m_services) {
        if (box->property("apiValue").toString() == service)
            return box;
    }
    return nullptr;
}

RegisterImageRequest RegisterImageDialog::request() const
{
    RegisterImageRequest request;
    request.swrPath = m_swrPath->text().trimmed();
    request.arch = m_arch->currentData().toString();
    request.resourceCategories.clear();
    for (QCheckBox *box : m_categories) {
        if (box->isChecked())
            request.resourceCategories.append(box->property("apiValue").toString());
    }
    request.services.clear();
    for (QCheckBox *box : m_services) {
        if (box->isChecked())
            request.services.append(box->property("apiValue").toString());
    }
    request.serviceType = m_serviceType->currentData().toString();
    request.visibility = m_visibility->currentData().toString();
    request.workspaceId = m_workspace->currentText().trimmed();
    request.description = m_description->toPlainText();
    for (int row = 0; row < m_tags->rowCount(); ++row) {
        const QTableWidgetItem *key = m_tags->item(row, 0);
        const QTableWidgetItem *value = m_tags->item(row, 1);
        const QString keyText = key ? key->text().trimmed() : QString();
        const QString valueText = value ? value->text().trimmed() : QString();
        // A row left entirely empty is not a tag the user meant.
        if (keyText.isEmpty() && valueText.isEmpty())
            continue;
        request.tags.append({keyText, valueText});
    }
    return request;
}

void RegisterImageDialog::setRequest(const RegisterImageRequest &request)
{
    m_swrPath->setText(request.swrPath);
    m_arch->setCurrentIndex(qMax(0, m_arch->findData(request.arch)));
    for (QCheckBox *box : std::as_const(m_categories))
        box->setChecked(request.resourceCategories.contains(box->property("apiValue").toString()));
    for (QCheckBox *box : std::as_const(m_services))
        box->setChecked(request.services.contains(box->property("apiValue").toString()));
    m_serviceType->setCurrentIndex(qMax(0, m_serviceType->findData(request.serviceType)));
    m_visibility->setCurrentIndex(qMax(0, m_visibility->findData(request.visibility)));
    m_workspace->setCurrentText(request.workspaceId);
    m_description->setPlainText(request.description);
    m_tags->setRowCount(0);
    for (const ImageTag &tag : request.tags) {
        const int row = m_tags->rowCount();
        m_tags->insertRow(row);
        m_tags->setItem(row, 0, new QTableWidgetItem(tag.key));
        m_tags->setItem(row, 1, new QTableWidgetItem(tag.value));
    }
    updateState();
}

QString RegisterImageDialog::pathHint() const
{
    return m_pathHint->text();
}

QString RegisterImageDialog::problemText() const
{
    if (!m_serverProblem.isEmpty())
        return m_serverProblem;
    const QStringList problems = request().problems();
    return problems.isEmpty() ? QString() : problems.constFirst();
}

void RegisterImageDialog::updateState()
{
    const RegisterImageRequest current = request();
    const SwrPathCheck check = RegisterImageRequest::checkSwrPath(current.swrPath);

    // The path speaks for itself under the field: a gentle note while it is incomplete, a marked one when
    // something typed is wrong, a remark when it points at another region.
    QString hint;
    bool wrong = false;
    switch (check.state) {
    case SwrPathCheck::State::Empty:
        hint = tr("The address of the image in SWR, ending in :tag.");
        break;
    case SwrPathCheck::State::Incomplete:
        hint = check.problem;
        break;
    case SwrPathCheck::State::Invalid:
        hint = check.problem;
        wrong = true;
        break;
    case SwrPathCheck::State::Acceptable:
        hint = RegisterImageRequest::regionRemark(check, m_regionId);
        if (hint.isEmpty())
            hint = tr("Namespace “%1”, image “%2”, tag “%3”.").arg(check.nameSpace, check.name, check.tag);
        break;
    }
    m_pathHint->setText(hint);
    QFont hintFont = m_pathHint->font();
    hintFont.setBold(wrong);
    m_pathHint->setFont(hintFont);

    m_descriptionCount->setText(tr("%1 / %2", "characters used / allowed")
                                    .arg(current.description.size())
                                    .arg(RegisterImageRequest::MaxDescriptionLength));

    // Problems of the path are already under the path; the line above the buttons names the others.
    QStringList problems = current.problems();
    if (!check.isAcceptable() && !problems.isEmpty())
        problems.removeFirst();
    const QString shown = !m_serverProblem.isEmpty() ? m_serverProblem : problems.value(0);
    m_problem->setText(shown);
    m_problem->setVisible(!shown.isEmpty());
    m_problemIcon->setVisible(!shown.isEmpty());

    const bool busy = m_call;
    m_addTag->setEnabled(!busy && m_tags->rowCount() < RegisterImageRequest::MaxTags);
    m_removeTag->setEnabled(!busy && !m_tags->selectedItems().isEmpty());
    m_registerButton->setEnabled(!busy && m_client && current.problems().isEmpty());
    m_registerButton->setToolTip(current.problems().value(0));
}

void RegisterImageDialog::addTagRow()
{
    if (m_tags->rowCount() >= RegisterImageRequest::MaxTags)
        return;
    const int row = m_tags->rowCount();
    m_tags->insertRow(row);
    m_tags->setItem(row, 0, new QTableWidgetItem());
    m_tags->setItem(row, 1, new QTableWidgetItem());
    m_tags->setCurrentCell(row, 0);
    m_tags->editItem(m_tags->item(row, 0));
    updateState();
}

void RegisterImageDialog::removeSelectedTags()
{
    QList<int> rows;
    for (const QTableWidgetItem *item : m_tags->selectedItems()) {
        if (!rows.contains(item->row()))
            rows.append(item->row());
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_tags->removeRow(row);
    updateState();
}

void RegisterImageDialog::setFormEnabled(bool enabled)
{
    for (QWidget *widget : std::as_const(m_formWidgets))
        widget->setEnabled(enabled);
}

void RegisterImageDialog::submit()
{
    if (m_call || !m_client)
        return;
    const RegisterImageRequest current = request();
    if (!current.problems().isEmpty()) {
        updateState();
        return;
    }
    m_serverProblem.clear();
    qCInfo(lcRegister) << "registering" << current.swrPath;
    ApiCall *call = m_client->registerImage(current.toJson());
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call] { onRegistered(call); });
    setFormEnabled(false);
    m_registerButton->setText(tr("Registering…", "button while the request is under way"));
    updateState();
}

void RegisterImageDialog::onRegistered(ApiCall *call)
{
    m_call = nullptr;
    setFormEnabled(true);
    m_registerButton->setText(tr("Register", "button"));
    if (call->succeeded()) {
        const std::optional<Image> image = call->image();
        if (image && !image->id.isEmpty()) {
            m_registered = image;
            qCInfo(lcRegister) << "registered as" << image->id;
            Q_EMIT registered(*image);
            accept();
            return;
        }
        m_serverProblem =
            tr("ModelArts accepted the image but its answer could not be read. Refresh the list to "
               "see it.");
    } else {
        m_serverProblem = tr("ModelArts did not register the image. %1").arg(call->error().fullText());
    }
    updateState();
}

} // namespace mim
