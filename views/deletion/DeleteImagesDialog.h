#pragma once

#include "models/api/Image.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace mim {

struct DeletionRequest;

// One confirmation for deleting one or many images: what (names, count, total size), whether to delete
// the SWR content too (private images only, off by default), and a button that names exactly that action.
// Cancel is the default button. Built-in images never reach it; it only says how many were skipped. The
// words are DeleteImagesText's; this class lays them out.
class DeleteImagesDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteImagesDialog(const QList<Image> &images, int skippedBuiltInCount, QWidget *parent = nullptr);

    const QList<Image> &images() const { return m_images; }
    int skippedBuiltInCount() const { return m_skippedBuiltIn; }
    int privateCount() const { return m_privateCount; }

    // The SWR box is ticked (and applies to at least one image).
    bool forceRequested() const;
    // What the user confirmed: every image, force only where it matters (private images).
    QList<DeletionRequest> requests(bool force) const;

    // The texts the user reads, as plain text (for tests and screen readers).
    QString headline() const;
    QString messageText() const;
    QString appliesToText() const;
    QString skippedText() const;

    QCheckBox *forceCheckBox() const { return m_force; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void updateDeleteButton();

    QList<Image> m_images;
    int m_skippedBuiltIn = 0;
    int m_privateCount = 0;
    QLabel *m_headline = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_appliesTo = nullptr;
    QLabel *m_skipped = nullptr;
    QCheckBox *m_force = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace mim
