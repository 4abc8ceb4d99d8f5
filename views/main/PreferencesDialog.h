#pragma once

#include "models/common/Formatting.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSettings;

namespace mim {

// The application's preferences: the theme (applied at once); the user interface language (the system's, or
// one the application ships), stored under "ui/language" when accepted, which applies from the next start
// because widgets built before the change would keep their old texts; and how the date columns show dates
// ("ui/dateFormat": the language's short format or ISO 8601), which the main window applies at once.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QSettings *settings, QWidget *parent = nullptr);

    // The chosen language as a locale name; empty means "follow the system".
    QString selectedLanguage() const;
    void setSelectedLanguage(const QString &language);

    // Where the accounts' listing caches are kept: "Clear cached lists" empties it. Empty (demo mode): the
    // choice is shown but cannot be changed.
    void setListingCacheDirectory(const QString &directory);
    QCheckBox *rememberListsBox() const { return m_rememberLists; }
    QPushButton *clearCacheButton() const { return m_clearCache; }

    QComboBox *languageBox() const { return m_language; }
    QComboBox *dateFormatBox() const { return m_dateFormat; }
    Formatting::DateStyle selectedDateStyle() const;
    // The stored choice.
    static Formatting::DateStyle dateStyle(const QSettings &settings);
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
    QComboBox *m_dateFormat = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_restartNote = nullptr;
    QCheckBox *m_rememberLists = nullptr;
    QPushButton *m_clearCache = nullptr;
    QString m_cacheDirectory;
};

} // namespace mim
