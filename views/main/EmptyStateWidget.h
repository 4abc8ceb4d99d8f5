#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace mim {

// Shown instead of the table when there is nothing to list: an icon, a sentence saying why, and the
// buttons that get the user further (add an account, try the demo, clear the filter, retry).
class EmptyStateWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Button
    {
        AddAccount,
        TryDemo,
        Refresh,
        ShowBuiltIn,
        ClearFilter,
        Retry,
        ManageAccounts,
        Cancel,
    };

    explicit EmptyStateWidget(QWidget *parent = nullptr);

    // hasAccounts: accounts exist but none is connected (e.g. its keychain entry could not be read).
    void showNoAccount(bool hasAccounts);
    void showNotLoaded();
    void showLoading(const QString &accountName);
    void showNoImages(bool builtInShown);
    void showNoMatches(int hiddenCount);
    void showLoadFailed(const QString &errorText);

    QString title() const;
    QString body() const;
    QPushButton *button(Button which) const;

Q_SIGNALS:
    void buttonClicked(mim::EmptyStateWidget::Button which);

private:
    void present(const QString &iconName, const QString &title, const QString &body, QList<Button> buttons,
                 bool selectableBody = false);

    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QList<QPushButton *> m_buttons;
};

} // namespace mim
