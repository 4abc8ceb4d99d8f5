#include "views/tools/CleanupDialog.h"

#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupPreviewModel.h"
#include "models/common/Formatting.h"
#include "models/common/SettingsKeys.h"
#include "models/deletion/Deletion.h"
#include "models/storage/FreedStorage.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/tools/ExportImages.h"

#include <algorithm>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCleanup, "mim.ui.cleanup")

namespace mim {

namespace {

// The size rule's threshold is in KiB of bytes (CleanupRules::sizeAboveKb), whatever the unit of `size`.
constexpr qint64 KbPerMb = 1024;
constexpr qint64 KbPerGb = 1024 * 1024;

// The rule every first clean-up starts with: images that failed to save are never worth keeping.
CleanupRules firstRunRules()
{
    CleanupRules rules;
    rules.failedOnly = true;
    return rules;
}

// A row of the form: a check box that switches a rule on, then the widgets of its value.
QWidget *ruleRow(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    layout->addStretch(1);
    return row;
}

} // namespace

CleanupDialog::CleanupDialog(ImageTableModel *images, QSettings *settings, const QString &accountName,
                             Clock clock, QWidget *parent)
    : QDialog(parent)
    , m_images(images)
    , m_settings(settings)
    , m_accountName(accountName)
    , m_clock(std::move(clock))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"cleanupDialog"_s);
    setWindowTitle(tr("Clean Up Images", "window title"));
    setSizeGripEnabled(true);

    // Every change to the form or the table asks for a new preview; the timer makes one of a burst.
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(0);
    connect(m_previewTimer, &QTimer::timeout, this, &CleanupDialog::updatePreview);

    m_preview = new CleanupPreviewModel(this);
    connect(m_preview, &CleanupPreviewModel::checkedChanged, this, &CleanupDialog::updateSummary);

    auto *buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("Export Preview…"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(u"exportPreviewButton"_s);
    m_exportButton->setAutoDefault(false);
    m_exportButton->setToolTip(
        tr("Saves the ticked images as CSV or JSON without deleting anything (a dry run)."));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    m_deleteButton = buttons->addButton(tr("Delete…"), QDialogButtonBox::ActionRole);
    m_deleteButton->setObjectName(u"cleanupDeleteButton"_s);
    m_deleteButton->setAutoDefault(false);
    connect(m_exportButton, &QPushButton::clicked, this, &CleanupDialog::chooseFileAndExport);
    connect(m_deleteButton, &QPushButton::clicked, this, &CleanupDialog::deleteTicked);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createRulesBox());
    layout->addWidget(createPreview(), 1);
    layout->addWidget(buttons);

    if (m_images) {
        for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_images, signal, this, &CleanupDialog::schedulePreview);
        connect(m_images, &QAbstractItemModel::dataChanged, this, &CleanupDialog::schedulePreview);
        connect(m_images, &QAbstractItemModel::modelReset, this, &CleanupDialog::schedulePreview);
    }

    loadSettings();
    updateRuleControls();
    updatePreview();

    const QFontMetrics metrics(font());
    // Room for the rules and a dozen preview rows with every column readable.
    const QSize hint = sizeHint();
    resize(qMax(hint.width(), metrics.averageCharWidth() * 150), qMax(hint.height(), metrics.height() * 46));
    if (m_settings)
        restoreGeometry(SettingsKeys::value(*m_settings, SettingsKey::CleanupGeometry).toByteArray());
}

CleanupDialog::~CleanupDialog() = default;

QString CleanupDialog::settingsGroup(const QString &accountName)
{
    return SettingsKeys::cleanupGroup(accountName);
}

QWidget *CleanupDialog::createRulesBox()
{
    auto *box = new QGroupBox(tr("Rules"), this);
    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_failedOnly = new QCheckBox(tr("Only images that failed to save (Creation failed or Error)"), box);
    m_failedOnly->setObjectName(u"failedOnlyCheckBox"_s);
    form->addRow(tr("Status:"), m_failedOnly);

    m_idleEnabled = new QCheckBox(tr("Not updated for", "followed by a number of days"), box);
    m_idleEnabled->setObjectName(u"idleCheckBox"_s);
    m_idleDays = new QSpinBox(box);
    m_idleDays->setObjectName(u"idleDaysSpinBox"_s);
    m_idleDays->setRange(0, 3650);
    m_idleDays->setValue(90);
    m_idleDays->setAccessibleName(tr("Days without an update"));
    m_idleUnit = new QLabel(box);
    form->addRow(tr("Age:"), ruleRow(box, {m_idleEnabled, m_idleDays, m_idleUnit}));

    m_keepEnabled = new QCheckBox(tr("Keep only the newest", "followed by a number of tags"), box);
    m_keepEnabled->setObjectName(u"keepCheckBox"_s);
    m_keepEnabled->setToolTip(
        tr("Per namespace and image name, the newest tags (by creation time) are kept and the older ones "
           "proposed. Tags that failed to save never count among the kept ones."));
    m_keepCount = new QSpinBox(box);
    m_keepCount->setObjectName(u"keepCountSpinBox"_s);
    m_keepCount->setRange(1, 1000);
    m_keepCount->setValue(3);
    m_keepCount->setAccessibleName(tr("Tags to keep per image"));
    m_keepUnit = new QLabel(box);
    form->addRow(tr("Versions:"), ruleRow(box, {m_keepEnabled, m_keepCount, m_keepUnit}));

    m_sizeEnabled = new QCheckBox(tr("Larger than", "followed by a size"), box);
    m_sizeEnabled->setObjectName(u"sizeCheckBox"_s);
    m_sizeValue = new QDoubleSpinBox(box);
    m_sizeValue->setObjectName(u"sizeSpinBox"_s);
    m_sizeValue->setRange(0, 1024 * 1024);
    m_sizeValue->setDecimals(1);
    m_sizeValue->setValue(5);
    m_sizeValue->setAccessibleName(tr("Minimum size"));
    m_sizeUnit = new QComboBox(box);
    m_sizeUnit->setObjectName(u"sizeUnitComboBox"_s);
    m_sizeUnit->addItem(tr("MB", "megabytes"), KbPerMb);
    m_sizeUnit->addItem(tr("GB", "gigabytes"), KbPerGb);
    m_sizeUnit->setCurrentIndex(1);
    m_sizeUnit->setAccessibleName(tr("Size unit"));
    form->addRow(tr("Size:"), ruleRow(box, {m_sizeEnabled, m_sizeValue, m_sizeUnit}));

    const QString patternTip = tr("Wildcards: * stands for any text, ? for one character. Separate several "
                                  "patterns with commas. Upper and lower case are the same.");
    m_namespacePattern = new QLineEdit(box);
    m_namespacePattern->setObjectName(u"namespacePatternEdit"_s);
    m_namespacePattern->setPlaceholderText(tr("Any namespace, or a pattern such as team-*"));
    m_namespacePattern->setToolTip(patternTip);
    m_namespacePattern->setClearButtonEnabled(true);
    form->addRow(tr("Namespace:", "SWR organization"), m_namespacePattern);

    m_namePattern = new QLineEdit(box);
    m_namePattern->setObjectName(u"namePatternEdit"_s);
    m_namePattern->setPlaceholderText(tr("Any image name, or a pattern such as tmp-*, *-test"));
    m_namePattern->setToolTip(patternTip);
    m_namePattern->setClearButtonEnabled(true);
    form->addRow(tr("Image name:"), m_namePattern);

    m_onlyOwn = new QCheckBox(tr("Only images I own"), box);
    m_onlyOwn->setObjectName(u"onlyOwnCheckBox"_s);
    m_onlyOwn->setToolTip(
        tr("Leaves out every image that is not of the type “Own”. Built-in images are never "
           "deleted in any case."));
    form->addRow(tr("Owner:"), m_onlyOwn);

    m_force = new QCheckBox(tr("Also delete the image content from SWR"), box);
    m_force->setObjectName(u"cleanupForceCheckBox"_s);
    m_forceNote = new QLabel(box);
    // One line: a wrapped label inside a form row can be squeezed under its neighbours.
    m_forceNote->setWordWrap(false);
    m_forceNote->setTextFormat(Qt::PlainText);
    m_forceNote->setEnabled(false); // read as a quiet note under the check box
    auto *forceBox = new QVBoxLayout();
    forceBox->setSpacing(2);
    forceBox->addWidget(m_force);
    forceBox->addWidget(m_forceNote);
    form->addRow(tr("SWR:", "the SWR container registry"), forceBox);

    auto *intro = new QLabel(tr("An image is proposed when it meets every rule that is switched on. Built-in "
                                "images and images still being saved are never proposed."),
                             box);
    intro->setWordWrap(true);
    m_lastRun = new QLabel(box);
    m_lastRun->setWordWrap(true);
    m_lastRun->setVisible(false);
    m_lastRun->setEnabled(false);

    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(intro);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_lastRun);

    for (QCheckBox *check : {m_failedOnly, m_idleEnabled, m_keepEnabled, m_sizeEnabled, m_onlyOwn, m_force}) {
        connect(check, &QCheckBox::toggled, this, [this] {
            updateRuleControls();
            schedulePreview();
        });
    }
    for (QSpinBox *spin : {m_idleDays, m_keepCount}) {
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            updateRuleControls();
            schedulePreview();
        });
    }
    connect(m_sizeValue, &QDoubleSpinBox::valueChanged, this, &CleanupDialog::schedulePreview);
    connect(m_sizeUnit, &QComboBox::currentIndexChanged, this, &CleanupDialog::schedulePreview);
    connect(m_namespacePattern, &QLineEdit::textChanged, this, &CleanupDialog::schedulePreview);
    connect(m_namePattern, &QLineEdit::textChanged, this, &CleanupDialog::schedulePreview);
    return box;
}

QWidget *CleanupDialog::createPreview()
{
    auto *box = new QGroupBox(tr("Images to Delete"), this);

    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_preview);
    m_sorted->setSortRole(CleanupPreviewModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view = new QTreeView(box);
    m_view->setObjectName(u"cleanupPreview"_s);
    m_view->setAccessibleName(tr("Images to delete"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setModel(m_sorted);
    // Unsorted until the user clicks a header: the rules' order keeps the versions of a name together.
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->header()->setStretchLastSection(true);
    const QFontMetrics metrics(font());
    m_view->setColumnWidth(CleanupPreviewModel::Name, metrics.averageCharWidth() * 34);
    m_view->setColumnWidth(CleanupPreviewModel::Namespace, metrics.averageCharWidth() * 16);
    m_view->setColumnWidth(CleanupPreviewModel::Status, metrics.averageCharWidth() * 20);
    m_view->setColumnWidth(CleanupPreviewModel::Size, metrics.averageCharWidth() * 11);
    m_view->setColumnWidth(CleanupPreviewModel::Updated, metrics.averageCharWidth() * 18);
    m_view->setColumnWidth(CleanupPreviewModel::Visibility, metrics.averageCharWidth() * 10);
    // Fitted to what the rows and headers hold whenever a different set of images is shown.
    connect(m_sorted, &QAbstractItemModel::modelReset, this, &CleanupDialog::fitPreviewColumns);
    connect(m_sorted, &QAbstractItemModel::rowsInserted, this, &CleanupDialog::fitPreviewColumns);

    m_countLabel = new QLabel(box);
    m_countLabel->setObjectName(u"cleanupCountLabel"_s);
    m_countLabel->setTextFormat(Qt::PlainText);
    m_countLabel->setWordWrap(true);
    m_spaceLabel = new QLabel(box);
    m_spaceLabel->setObjectName(u"cleanupSpaceLabel"_s);
    m_spaceLabel->setTextFormat(Qt::PlainText);
    m_spaceLabel->setWordWrap(true);
    QFont bold = m_spaceLabel->font();
    bold.setBold(true);
    m_spaceLabel->setFont(bold);
    m_sparedLabel = new QLabel(box);
    m_sparedLabel->setObjectName(u"cleanupSparedLabel"_s);
    m_sparedLabel->setTextFormat(Qt::PlainText);
    m_sparedLabel->setWordWrap(true);
    m_sparedLabel->setVisible(false);

    m_tickAll = new QPushButton(tr("Tick All"), box);
    m_tickAll->setAutoDefault(false);
    m_untickAll = new QPushButton(tr("Untick All"), box);
    m_untickAll->setAutoDefault(false);
    connect(m_tickAll, &QPushButton::clicked, this, [this] { m_preview->setAllChecked(true); });
    connect(m_untickAll, &QPushButton::clicked, this, [this] { m_preview->setAllChecked(false); });

    auto *labels = new QVBoxLayout();
    labels->setSpacing(2);
    labels->addWidget(m_countLabel);
    labels->addWidget(m_spaceLabel);
    labels->addWidget(m_sparedLabel);
    auto *bottom = new QHBoxLayout();
    bottom->addLayout(labels, 1);
    bottom->addWidget(m_tickAll, 0, Qt::AlignTop);
    bottom->addWidget(m_untickAll, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    return box;
}

CleanupRules CleanupDialog::rules() const
{
    CleanupRules rules;
    rules.failedOnly = m_failedOnly->isChecked();
    if (m_idleEnabled->isChecked())
        rules.notUpdatedForDays = m_idleDays->value();
    if (m_keepEnabled->isChecked())
        rules.keepNewestPerName = m_keepCount->value();
    if (m_sizeEnabled->isChecked())
        rules.sizeAboveKb = sizeControlsKb();
    rules.namespacePattern = m_namespacePattern->text().trimmed();
    rules.namePattern = m_namePattern->text().trimmed();
    rules.onlyOwn = m_onlyOwn->isChecked();
    return rules;
}

void CleanupDialog::setRules(const CleanupRules &rules)
{
    m_loading = true;
    m_failedOnly->setChecked(rules.failedOnly);
    m_idleEnabled->setChecked(rules.notUpdatedForDays.has_value());
    if (rules.notUpdatedForDays)
        m_idleDays->setValue(*rules.notUpdatedForDays);
    m_keepEnabled->setChecked(rules.keepNewestPerName.has_value());
    if (rules.keepNewestPerName)
        m_keepCount->setValue(*rules.keepNewestPerName);
    m_sizeEnabled->setChecked(rules.sizeAboveKb.has_value());
    if (rules.sizeAboveKb)
        setSizeControls(*rules.sizeAboveKb);
    m_namespacePattern->setText(rules.namespacePattern);
    m_namePattern->setText(rules.namePattern);
    m_onlyOwn->setChecked(rules.onlyOwn);
    m_loading = false;
    updateRuleControls();
    schedulePreview();
}

void CleanupDialog::setSizeControls(qint64 kb)
{
    // Shown in GB when that reads naturally (a whole tenth of a GB), in MB otherwise.
    const bool gigabytes = kb >= KbPerGb / 10 && (kb * 10) % KbPerGb == 0;
    m_sizeUnit->setCurrentIndex(gigabytes ? 1 : 0);
    m_sizeValue->setValue(double(kb) / double(gigabytes ? KbPerGb : KbPerMb));
}

qint64 CleanupDialog::sizeControlsKb() const
{
    return qRound64(m_sizeValue->value() * double(m_sizeUnit->currentData().toLongLong()));
}

bool CleanupDialog::forceRequested() const
{
    return m_force->isChecked();
}

void CleanupDialog::setForceRequested(bool force)
{
    m_force->setChecked(force);
}

void CleanupDialog::setStorage(const StorageFacts &facts)
{
    m_storage = facts;
    m_storageBytes = facts.bytesByPath();
    updateSummary();
}

void CleanupDialog::setDeletionConfirmer(DeletionConfirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

void CleanupDialog::schedulePreview()
{
    if (!m_loading)
        m_previewTimer->start();
}

void CleanupDialog::updateRuleControls()
{
    m_idleDays->setEnabled(m_idleEnabled->isChecked());
    m_idleUnit->setEnabled(m_idleEnabled->isChecked());
    m_idleUnit->setText(tr("day(s)", "after “Not updated for N”", m_idleDays->value()));
    m_keepCount->setEnabled(m_keepEnabled->isChecked());
    m_keepUnit->setEnabled(m_keepEnabled->isChecked());
    m_keepUnit->setText(tr("tag(s) of each image", "after “Keep only the newest N”", m_keepCount->value()));
    m_sizeValue->setEnabled(m_sizeEnabled->isChecked());
    m_sizeUnit->setEnabled(m_sizeEnabled->isChecked());
    m_forceNote->setText(
        m_force->isChecked()
            ? tr("Frees SWR storage. Applies to private images; public images keep their SWR "
                 "content.")
            : tr("Without it only the ModelArts registration is removed: the images stay in SWR "
                 "and no SWR space is freed."));
}

QList<Image> CleanupDialog::deletableImages() const
{
    QList<Image> result;
    if (!m_images)
        return result;
    result.reserve(m_images->rowCount());
    for (int row = 0; row < m_images->rowCount(); ++row) {
        const Image &image = m_images->imageAt(row);
        // Already on its way out: proposing it again would only say "already gone" later.
        if (m_images->rowActivity(image.id) != ImageTableModel::RowActivity::Deleting)
            result.append(image);
    }
    return result;
}

const SizeUnit::Inference &CleanupDialog::sizeUnit() const
{
    static const SizeUnit::Inference documented;
    return m_images ? m_images->sizeUnit() : documented;
}

void CleanupDialog::updatePreview()
{
    m_previewTimer->stop();
    const CleanupRules current = rules();
    const UsageSummary usage = m_images ? m_images->usage() : UsageSummary();
    // A table no account reads usage for (none read, none being read) has nothing to spare by.
    const bool usageRead = usage.hasUsage() || usage.isLoading();
    const CleanupEvaluation evaluation = current.evaluate(deletableImages(), m_clock(), forceRequested(),
                                                          usageRead ? &usage : nullptr, sizeUnit());
    QStringList spared;
    if (evaluation.sparedInUse > 0)
        spared.append(
            tr("%Ln matching image(s) not proposed: in use by notebooks, training jobs or services.", nullptr,
               evaluation.sparedInUse));
    if (evaluation.sparedUnknownUsage > 0) {
        spared.append(tr("%Ln matching image(s) not proposed: whether they are in use could not be checked.",
                         nullptr, evaluation.sparedUnknownUsage));
        spared += usage.unknownReasons();
    }
    m_sparedLabel->setText(spared.join(u'\n'));
    m_sparedLabel->setVisible(!spared.isEmpty());
    m_preview->setEvaluation(evaluation, sizeUnit());
}

QString CleanupDialog::sparedText() const
{
    return m_sparedLabel->isHidden() ? QString() : m_sparedLabel->text();
}

void CleanupDialog::updateSummary()
{
    const int matches = m_preview->rowCount();
    const int ticked = m_preview->checkedCount();
    const QString total = Formatting::humanSize(m_preview->checkedSizeKb(), sizeUnit());

    QString count;
    if (!rules().hasCriteria())
        count = tr("Switch on at least one rule to see the images it selects.");
    else if (matches == 0)
        count = tr("No image matches these rules.");
    else if (ticked == matches)
        count = tr("%Ln matching image(s), %1 in total.", "%1 is a size", matches).arg(total);
    else
        count = tr("%1 of %Ln matching image(s) ticked, %2 in total.", "%1 is a number, %2 a size", matches)
                    .arg(QLocale().toString(ticked), total);
    m_countLabel->setText(count);

    QString space;
    if (ticked > 0) {
        if (forceRequested()) {
            const QList<Image> images = m_preview->checkedImages();
            const int publicCount = int(std::count_if(images.cbegin(), images.cend(),
                                                      [](const Image &image) { return !image.isPrivate(); }));
            // With the SWR inventory, the tags' own sizes; else ModelArts' size of the private images.
            space = m_storageBytes
                        ? FreedStorage::of(images, true, &*m_storageBytes, sizeUnit()).sentence()
                        : tr("Frees %1 in SWR.", "%1 is a size")
                              .arg(Formatting::humanSize(m_preview->checkedReclaimableKb(true), sizeUnit()));
            if (publicCount > 0)
                space += u' ' + tr("The SWR content of %Ln public image(s) is kept.",
                                   "after “Frees 3 GB in SWR.”", publicCount);
        } else {
            space = tr("Frees no SWR space: the SWR content is kept.");
        }
    }
    m_spaceLabel->setText(space);
    m_spaceLabel->setVisible(!space.isEmpty());

    m_deleteButton->setText(ticked > 0 ? tr("Delete %Ln Image(s)…", "button", ticked)
                                       : tr("Delete…", "button"));
    m_deleteButton->setEnabled(ticked > 0);
    m_exportButton->setEnabled(ticked > 0);
    m_tickAll->setEnabled(ticked < matches);
    m_untickAll->setEnabled(ticked > 0);
}

void CleanupDialog::fitPreviewColumns()
{
    // Each column as wide as its header and the rows on screen need, within reason: a very long name
    // elides rather than pushing "Why" out of sight. "Why", the last, takes what is left.
    const int cap = fontMetrics().averageCharWidth() * 48;
    QHeaderView *header = m_view->header();
    for (int column = 0; column < CleanupPreviewModel::Reason; ++column) {
        const int wanted = qMax(header->sectionSizeHint(column),
                                static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(column));
        m_view->setColumnWidth(column, qMin(wanted, cap));
    }
}

QString CleanupDialog::countText() const
{
    return m_countLabel->text();
}

QString CleanupDialog::spaceText() const
{
    return m_spaceLabel->text();
}

QList<Image> CleanupDialog::tickedImages() const
{
    QList<Image> result;
    for (const Image &image : ImageExporter::imagesInOrder(m_sorted)) {
        if (m_preview->isChecked(image.id))
            result.append(image);
    }
    return result;
}

bool CleanupDialog::exportPreview(const QString &path, QString *error)
{
    static const QList<int> columns = {
        ImageTableModel::Name,    ImageTableModel::Tag,        ImageTableModel::Namespace,
        ImageTableModel::Status,  ImageTableModel::Size,       ImageTableModel::Created,
        ImageTableModel::Updated, ImageTableModel::Visibility, ImageTableModel::SwrPath,
        ImageTableModel::Id,
    };
    const QList<Image> images = tickedImages();
    QHash<QString, QString> reasons;
    for (const CleanupMatch &match : m_preview->evaluation().matches)
        reasons.insert(match.image.id, CleanupPreviewModel::reasonText(match));
    // A dry run is read to decide: why each image is proposed, and whether its SWR content would go with it.
    ImageExporter::ExtraField reason{
        tr("Why", "CSV column: why the clean-up rules chose the image"), u"reason"_s, {}};
    ImageExporter::ExtraField swr{
        tr("SWR content deleted", "CSV column: true or false"), u"delete_swr_content"_s, {}};
    const bool force = forceRequested();
    for (const Image &image : images) {
        reason.values.append(reasons.value(image.id));
        // force reaches SWR for private images only (CleanupRules::reclaimableKb).
        swr.values.append(force && image.isPrivate());
    }
    const ImageExporter::Format format =
        ImageExporter::formatForPath(path).value_or(ImageExporter::Format::Csv);
    return ImageExporter::write(path, format, images, columns, error,
                                {reason, swr, ImageExporter::sizeInBytes(images, sizeUnit())});
}

void CleanupDialog::chooseFileAndExport()
{
    const QString path =
        ExportImages::chooseFile(this, tr("Export Preview"), tr("clean-up-preview", "file name"), m_settings);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPreview(path, &error)) {
        QMessageBox::warning(this, tr("Export Failed"), error);
        return;
    }
    m_countLabel->setText(countText() + u' ' + ExportImages::doneMessage(int(tickedImages().size()), path));
}

void CleanupDialog::deleteTicked()
{
    const QList<Image> images = tickedImages();
    if (images.isEmpty())
        return;
    DeleteImagesDialog dialog(images, 0, sizeUnit(), this);
    if (m_images)
        dialog.setUsage(m_images->usage()); // usage may have changed since the preview
    if (m_storage)
        dialog.setStorage(*m_storage);
    if (dialog.forceCheckBox()->isEnabled())
        dialog.forceCheckBox()->setChecked(forceRequested());
    const std::optional<bool> force = confirmDeletion(m_confirmer, dialog);
    if (!force)
        return;
    const QList<DeletionRequest> requests = dialog.requests(*force);
    qCInfo(lcCleanup) << "clean-up confirmed for" << requests.size() << "images, force" << *force;
    saveSettings(true, int(requests.size()));
    Q_EMIT deletionConfirmed(requests);
    accept();
}

void CleanupDialog::done(int result)
{
    if (result != QDialog::Accepted)
        saveSettings(false, 0);
    if (m_settings)
        SettingsKeys::setValue(*m_settings, SettingsKey::CleanupGeometry, saveGeometry());
    QDialog::done(result);
}

void CleanupDialog::loadSettings()
{
    CleanupRules rules = firstRunRules();
    bool force = false;
    if (m_settings) {
        m_settings->beginGroup(settingsGroup(m_accountName));
        if (SettingsKeys::contains(*m_settings, SettingsKey::CleanupRules))
            rules = CleanupRules::fromVariant(
                SettingsKeys::value(*m_settings, SettingsKey::CleanupRules).toMap());
        force = SettingsKeys::value(*m_settings, SettingsKey::CleanupForce).toBool();
        const QVariantMap values = SettingsKeys::value(*m_settings, SettingsKey::CleanupFormValues).toMap();
        const QDateTime lastRun =
            SettingsKeys::value(*m_settings, SettingsKey::CleanupLastRunAt).toDateTime();
        const int lastCount = SettingsKeys::value(*m_settings, SettingsKey::CleanupLastRunCount).toInt();
        m_settings->endGroup();

        // The numbers of rules that are off are remembered too, so switching one back on restores it; the
        // rules that are on override them below.
        if (values.contains(u"days"_s))
            m_idleDays->setValue(values.value(u"days"_s).toInt());
        if (values.contains(u"keep"_s))
            m_keepCount->setValue(values.value(u"keep"_s).toInt());
        if (values.contains(u"sizeKb"_s))
            setSizeControls(values.value(u"sizeKb"_s).toLongLong());
        if (lastRun.isValid()) {
            m_lastRun->setText(
                tr("These are the rules of your last clean-up of this account (%1, %Ln image(s)).",
                   "%1 is a date", lastCount)
                    .arg(Formatting::localDateTime(lastRun.toMSecsSinceEpoch())));
            m_lastRun->setVisible(true);
        }
    }
    setRules(rules);
    m_force->setChecked(force);
}

void CleanupDialog::saveSettings(bool ranCleanup, int deletedCount)
{
    if (!m_settings)
        return;
    m_settings->beginGroup(settingsGroup(m_accountName));
    SettingsKeys::setValue(*m_settings, SettingsKey::CleanupRules, rules().toVariant());
    SettingsKeys::setValue(*m_settings, SettingsKey::CleanupForce, forceRequested());
    SettingsKeys::setValue(*m_settings, SettingsKey::CleanupFormValues,
                           QVariantMap{{u"days"_s, m_idleDays->value()},
                                       {u"keep"_s, m_keepCount->value()},
                                       {u"sizeKb"_s, sizeControlsKb()}});
    if (ranCleanup) {
        SettingsKeys::setValue(*m_settings, SettingsKey::CleanupLastRunAt, m_clock());
        SettingsKeys::setValue(*m_settings, SettingsKey::CleanupLastRunCount, deletedCount);
    }
    m_settings->endGroup();
}

} // namespace mim
