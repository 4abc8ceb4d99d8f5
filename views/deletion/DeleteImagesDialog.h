#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"
#include "models/catalog/UsageSummary.h"

#include <functional>
#include <optional>
#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QLabel;
class QPushButton;

namespace mim {

struct DeletionRequest;
struct StorageFacts;

// One confirmation for deleting one or many images: what (names, count, total size), whether to delete
// the SWR content too (private images only, off by default), and a button that names exactly that action.
// Cancel is the default button. Built-in images never reach it; it only says how many were skipped. The
// words are DeleteImagesText's; this class lays them out.
class DeleteImagesDialog : public QDialog
{
    Q_OBJECT
public:
    // `sizeUnit` is the account's unit of `size` (ReportedSizeUnit) as the dialog opens: sizes, the
    // deliberate-step threshold and the freed-storage fallback are computed in it at open time, since the
    // dialog is modal and short-lived (an inference arriving meanwhile applies to the next one).
    DeleteImagesDialog(const QList<Image> &images, int skippedBuiltInCount,
                       const SizeUnit::Inference &sizeUnit, QWidget *parent = nullptr);

    // The images the dialog would delete: the selection less the images in use, unless included.
    const QList<Image> &images() const { return m_images; }

    // Who uses which image (set before the dialog is shown): images in use are listed apart and kept unless
    // the user ticks includeInUseCheckBox(); images whose usage is unknown are deleted, with a warning that
    // says why it is unknown. Without it the dialog knows nothing of usage and says nothing about it.
    void setUsage(const UsageSummary &usage);
    // The names of workspaces, for images outside the default one; without it they are named by id.
    void setWorkspaceText(const std::function<QString(const QString &workspaceId)> &workspaceText);
    // How the dialog names an image (DeleteImagesText::imageName(), not elided).
    QString imageName(const Image &image) const;
    const QList<Image> &inUseImages() const { return m_inUse; }
    int unknownUsageCount() const { return m_unknownUsage; }
    int skippedBuiltInCount() const { return m_skippedBuiltIn; }
    int privateCount() const { return m_privateCount; }

    // Selected images a running deletion is deleting already (not among `images`): the headline says so.
    void setAlreadyBeingDeleted(int count);
    int alreadyBeingDeletedCount() const { return m_alreadyBeingDeleted; }
    // What SWR stores (a loaded inventory's facts; set before the dialog is shown): the dialog then says what
    // the deletion frees in SWR, following the SWR box. Without it the dialog says nothing about SWR storage.
    void setStorage(const StorageFacts &facts);
    // Empty unless setStorage() was called.
    QString storageFreedText() const;

    // The SWR box is ticked (and applies to at least one image).
    bool forceRequested() const;
    // What the user confirmed: every image, force only where it matters (private images).
    QList<DeletionRequest> requests(bool force) const;

    // The texts the user reads, as plain text (for tests and screen readers).
    QString headline() const;
    QString messageText() const;
    QString appliesToText() const;
    // The images whose SWR content is kept (the public ones of a mixed selection); empty when none.
    QString swrContentKeptText() const;
    QString skippedText() const;
    // Empty when nothing is in use, or usage is known for every image.
    QString inUseText() const;
    QString unknownUsageText() const;

    // Shown above DeleteImagesText's thresholds: the delete button stays disabled until it is ticked.
    QCheckBox *deliberateStepCheckBox() const { return m_deliberate; }
    // Empty when no selected image is still being created.
    QString stillBeingCreatedText() const;
    QCheckBox *forceCheckBox() const { return m_force; }
    QCheckBox *includeInUseCheckBox() const { return m_includeInUse; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void updateDeleteButton();
    // The images to delete changed: every text about them follows.
    void updateImages();

    // The list of images in use and what uses them.
    void updateInUseList();
    QString elidedName(const Image &image) const;

    QList<Image> m_selected;
    UsageSummary m_usage;
    std::function<QString(const QString &)> m_workspaceText;
    QList<Image> m_images;
    SizeUnit::Inference m_sizeUnit;
    QList<Image> m_inUse;
    QSet<QString> m_inUseIds;
    int m_unknownUsage = 0;
    int m_skippedBuiltIn = 0;
    int m_alreadyBeingDeleted = 0;
    int m_privateCount = 0;
    QLabel *m_headline = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_appliesTo = nullptr;
    QLabel *m_swrKept = nullptr;
    QLabel *m_skipped = nullptr;
    QLabel *m_inUseList = nullptr;
    QCheckBox *m_includeInUse = nullptr;
    QLabel *m_unknownWarning = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_stillBeingCreated = nullptr;
    QCheckBox *m_deliberate = nullptr;
    QLabel *m_storageFreed = nullptr;
    std::optional<QHash<QString, qint64>> m_storageBytes;
    QPushButton *m_delete = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace mim
