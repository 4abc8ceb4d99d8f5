#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace mim {

// A slim bar above the table for something the user should know but that does not block them, e.g. "the
// refresh failed, these rows may be outdated", with one action button and a dismiss button.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows the bar; an empty actionText hides the action button.
    void showNotice(const QString &text, const QString &details = {}, const QString &actionText = {});
    void dismiss();
    QString text() const;
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace mim
