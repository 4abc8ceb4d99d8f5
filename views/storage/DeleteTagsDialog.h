#pragma once

#include "models/storage/StorageFacts.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;

namespace mim {

// The confirmation for deleting SWR tags, laid out like the image one (DeleteImagesDialog): how many, how
// many bytes, their names (ns/repo:tag, plain text), and a button that names the action. Cancel is the
// default button and Esc cancels. Registered tags are never deleted here: any given are left out and only
// counted, with the way to delete them (their image, with force).
class DeleteTagsDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteTagsDialog(const QList<StoredTag> &tags, QWidget *parent = nullptr);

    // What confirming deletes: the tags given less the registered ones.
    const QList<StoredTag> &tags() const { return m_tags; }
    int registeredCount() const { return m_registeredCount; }
    // Sum of the known sizes; unknownSizeCount() tags are not in it.
    qint64 totalBytes() const { return m_totalBytes; }
    int unknownSizeCount() const { return m_unknownSizes; }

    // The texts the user reads (tests, screen readers).
    QString headline() const;
    QString namesText() const;
    QString registeredText() const;

    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }

    // How many names are listed before "and N more".
    static constexpr int MaxListedNames = 12;

private:
    QList<StoredTag> m_tags;
    int m_registeredCount = 0;
    int m_unknownSizes = 0;
    qint64 m_totalBytes = 0;
    QLabel *m_headline = nullptr;
    QLabel *m_names = nullptr;
    QLabel *m_registered = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace mim
