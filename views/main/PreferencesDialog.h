#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QSettings;

namespace mim {

// The application's preferences: the theme (applied at once) and the user interface language (the system's,
// or one the application ships). Stored in `settings` under "ui/language" when accepted; it applies from the
// next start, because widgets built before the change would keep their old texts.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QSettings *settings, QWidget *parent = nullptr);

    // The chosen language as a locale name; empty means "follow the system".
    QString selectedLanguage() const;
    void setSelectedLanguage(const QString &language);

    QComboBox *languageBox() const { return m_language; }
    // System, Light or Dark; applied to the running application when accepted.
    QComboBox *themeBox() const { return m_theme; }
    // Says that the change applies after a restart; shown once the choice differs from the stored one.
    QLabel *restartNote() const { return m_restartNote; }

    void accept() override;

private:
    void updateRestartNote();

    QSettings *m_settings = nullptr;
    QString m_storedLanguage;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_restartNote = nullptr;
};

} // namespace mim
