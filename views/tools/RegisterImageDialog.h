#pragma once

#include "models/api/ApiClient.h"
#include "models/groups/RegisterImageRequest.h"

#include <optional>
#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace mim {

// Tools > Register Image…: makes an image that is already in SWR known to ModelArts (RegisterImage). The SWR
// path is checked while it is typed; Register is available once the whole form is valid; a refusal from the
// server is shown in the dialog, which stays open so the user can correct it.
class RegisterImageDialog : public QDialog
{
    Q_OBJECT
public:
    // `accountRegionId` lets the dialog point out an SWR path of another region; `knownWorkspaces` are
    // offered in the workspace box besides "0".
    RegisterImageDialog(ApiClient *client, const QString &accountRegionId, const QStringList &knownWorkspaces,
                        QWidget *parent = nullptr);
    ~RegisterImageDialog() override;

    // The request as the form stands.
    RegisterImageRequest request() const;
    // Fills the form (e.g. from a copied SWR path).
    void setRequest(const RegisterImageRequest &request);

    QLineEdit *swrPathEdit() const { return m_swrPath; }
    QPushButton *registerButton() const { return m_registerButton; }
    QComboBox *architectureBox() const { return m_arch; }
    QComboBox *serviceTypeBox() const { return m_serviceType; }
    QComboBox *visibilityBox() const { return m_visibility; }
    QComboBox *workspaceBox() const { return m_workspace; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QTableWidget *tagTable() const { return m_tags; }
    QCheckBox *resourceCategoryBox(const QString &category) const;
    QCheckBox *serviceBox(const QString &service) const;

    // The line under the SWR path: what is missing or wrong so far; empty when the path is fine.
    QString pathHint() const;
    // Why Register is unavailable (the form's first problem) or why the server refused; empty otherwise.
    QString problemText() const;
    bool isRegistering() const { return m_call; }
    std::optional<Image> registeredImage() const { return m_registered; }

public Q_SLOTS:
    // Sends the request; on success registered() follows and the dialog closes.
    void submit();
    void addTagRow();
    void removeSelectedTags();

Q_SIGNALS:
    void registered(const mim::Image &image);

private:
    void updateState();
    void onRegistered(ApiCall *call);
    void setFormEnabled(bool enabled);

    QPointer<ApiClient> m_client;
    QString m_regionId;
    QPointer<ApiCall> m_call;
    std::optional<Image> m_registered;
    QString m_serverProblem;

    QLineEdit *m_swrPath = nullptr;
    QLabel *m_pathHint = nullptr;
    QComboBox *m_arch = nullptr;
    QList<QCheckBox *> m_categories;
    QList<QCheckBox *> m_services;
    QComboBox *m_serviceType = nullptr;
    QComboBox *m_visibility = nullptr;
    QComboBox *m_workspace = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_descriptionCount = nullptr;
    QTableWidget *m_tags = nullptr;
    QPushButton *m_addTag = nullptr;
    QPushButton *m_removeTag = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_problemIcon = nullptr;
    QPushButton *m_registerButton = nullptr;
    QList<QWidget *> m_formWidgets;
};

} // namespace mim
