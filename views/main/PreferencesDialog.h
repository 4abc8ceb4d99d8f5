#pragma once

#include "models/common/Formatting.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QSettings;

namespace mim {

// The application's preferences: the user interface language (the system's, or one the application ships),
// stored under "ui/language" when accepted, which applies from the next start because widgets built before
// the change would keep their old texts; and how the date columns show dates ("ui/dateFormat": the
// language's short format or ISO 8601), which the main window applies at once.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QSettings *settings, QWidget *parent = nullptr);

    // The chosen language as a locale name; empty means "follow the system".
    QString selectedLanguage() const;
    void setSelectedLanguage(const QString &language);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *dateFormatBox() const { return m_dateFormat; }
    Formatting::DateStyle selectedDateStyle() const;
    // The stored choice.
    static Formatting::DateStyle dateStyle(const QSettings &settings);
    // Says that the change applies after a restart; shown once the choice differs from the stored one.
    QLabel *restartNote() const { return m_restartNote; }

    void accept() override;

private:
    void updateRestartNote();

    QSettings *m_settings = nullptr;
    QString m_storedLanguage;
    QComboBox *m_language = nullptr;
    QComboBox *m_dateFormat = nullptr;
    QLabel *m_restartNote = nullptr;
};

} // namespace mim
