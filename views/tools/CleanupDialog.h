#pragma once

#include "models/api/Clock.h"
#include "models/api/SizeUnitInference.h"
#include "models/cleanup/CleanupRules.h"
#include "models/deletion/Deletion.h"
#include "models/storage/StorageFacts.h"
#include "views/common/AppServices.h"

#include <functional>
#include <optional>
#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QSpinBox;
class QTimer;
class QTreeView;

namespace mim {

class CleanupPreviewModel;
class DeleteImagesDialog;
class ImageTableModel;

// Tools > Clean Up…: rules that pick images to delete, a live preview of what they pick (tickable, with the
// space freed in SWR), a dry-run export of the preview, and "Delete" through the same confirmation as the
// table. The confirmed requests leave through deletionConfirmed(), for the window's deletion queue, so the
// journal and the result summary are the same as for any other deletion. The rules are remembered per
// account.
class CleanupDialog : public QDialog
{
    Q_OBJECT
public:
    // `images` is the window's table (the preview follows it: deleted or refreshed images update the
    // preview). `settings` may be nullptr (nothing remembered); `accountName` keys the remembered rules.
    CleanupDialog(ImageTableModel *images, QSettings *settings, const QString &accountName,
                  Clock clock = systemClock(), QWidget *parent = nullptr);
    ~CleanupDialog() override;

    // The rules as the form shows them.
    CleanupRules rules() const;
    void setRules(const CleanupRules &rules);
    // "Also delete the image content from SWR": decides the space freed, and is ticked in the confirmation.
    bool forceRequested() const;
    void setForceRequested(bool force);

    // What SWR stores (a loaded inventory's facts): the space freed is then summed from the SWR tag sizes,
    // with ModelArts' size only for tags SWR does not list, and the line says which.
    void setStorage(const StorageFacts &facts);

    // Answers the confirmation instead of showing it (AppServices::deletionConfirmer).
    void setDeletionConfirmer(DeletionConfirmer confirmer);

    CleanupPreviewModel *previewModel() const { return m_preview; }
    QTreeView *previewView() const { return m_view; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    // The two summary lines under the preview: how many images, and the space freed in SWR.
    QString countText() const;
    QString spaceText() const;
    // How many images the rules select but the preview spares, and why (in use, usage unknown); empty when
    // none.
    QString sparedText() const;
    // The ticked images in the order the preview shows them.
    QList<Image> tickedImages() const;

    // The dry run: writes the ticked images (preview order) to CSV or JSON, by the file's suffix.
    bool exportPreview(const QString &path, QString *error = nullptr);

    // Evaluates the rules now; changes to the form or the table do it soon after by themselves.
    void updatePreview();

    // The QSettings group of an account's clean-up rules.
    static QString settingsGroup(const QString &accountName);

public Q_SLOTS:
    // Confirms and hands the ticked images over (deletionConfirmed), then closes.
    void deleteTicked();

Q_SIGNALS:
    void deletionConfirmed(const QList<mim::DeletionRequest> &requests);

protected:
    void done(int result) override;

private:
    void fitPreviewColumns();
    QWidget *createRulesBox();
    QWidget *createPreview();
    void schedulePreview();
    void updateRuleControls();
    // The account's unit of `size`, from the table: read at each preview, and a change of it repaints the
    // table's Size column (dataChanged), which schedules a new preview, so the figures follow.
    const SizeUnit::Inference &sizeUnit() const;
    void setSizeControls(qint64 kb);
    qint64 sizeControlsKb() const;
    void updateSummary();
    void chooseFileAndExport();
    void loadSettings();
    void saveSettings(bool ranCleanup, int deletedCount);
    QList<Image> deletableImages() const;

    QPointer<ImageTableModel> m_images;
    QSettings *m_settings;
    QString m_accountName;
    Clock m_clock;
    DeletionConfirmer m_confirmer;
    QTimer *m_previewTimer = nullptr;
    bool m_loading = false;

    QCheckBox *m_failedOnly = nullptr;
    QCheckBox *m_idleEnabled = nullptr;
    QSpinBox *m_idleDays = nullptr;
    QLabel *m_idleUnit = nullptr;
    QCheckBox *m_keepEnabled = nullptr;
    QSpinBox *m_keepCount = nullptr;
    QLabel *m_keepUnit = nullptr;
    QCheckBox *m_sizeEnabled = nullptr;
    QDoubleSpinBox *m_sizeValue = nullptr;
    QComboBox *m_sizeUnit = nullptr;
    QLineEdit *m_namespacePattern = nullptr;
    QLineEdit *m_namePattern = nullptr;
    QCheckBox *m_onlyOwn = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_forceNote = nullptr;
    QLabel *m_lastRun = nullptr;

    CleanupPreviewModel *m_preview = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    std::optional<StorageFacts> m_storage;
    std::optional<QHash<QString, qint64>> m_storageBytes;
    QLabel *m_spaceLabel = nullptr;
    QLabel *m_sparedLabel = nullptr;
    QPushButton *m_tickAll = nullptr;
    QPushButton *m_untickAll = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_exportButton = nullptr;
};

} // namespace mim
