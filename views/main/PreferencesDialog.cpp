#include "views/main/PreferencesDialog.h"

#include "Localization.h"
#include "models/catalog/ListingCache.h"
#include "models/common/SettingsKeys.h"
#include "views/common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

// A language is listed under its own name, so that whoever reads only that language still finds it.
QString nativeLanguageName(const QString &language)
{
    if (language == u"en")
        return u"English"_s;
    if (language == u"zh_CN")
        return u"简体中文"_s;
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name;
}

} // namespace

PreferencesDialog::PreferencesDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    if (m_settings)
        m_storedLanguage = SettingsKeys::value(*m_settings, SettingsKey::UiLanguage).toString();

    m_language = new QComboBox(this);
    m_language->setObjectName(u"languageBox"_s);
    m_language->addItem(tr("System Default", "user interface language: follow the operating system"),
                        QString());
    QStringList languages = shippedUiLanguages();
    // A language set by hand (or by a newer version) stays selectable instead of being silently reset.
    if (!m_storedLanguage.isEmpty() && !languages.contains(m_storedLanguage))
        languages.append(m_storedLanguage);
    for (const QString &language : std::as_const(languages))
        m_language->addItem(nativeLanguageName(language), language);
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setSelectedLanguage(m_storedLanguage);

    m_restartNote =
        new QLabel(tr("The new language is used the next time ModelArts Image Manager starts."), this);
    m_restartNote->setObjectName(u"restartNote"_s);
    m_restartNote->setWordWrap(true);
    m_restartNote->setEnabled(false); // the muted colour of a hint
    QSizePolicy notePolicy = m_restartNote->sizePolicy();
    notePolicy.setRetainSizeWhenHidden(true); // the dialog does not jump when the note appears
    m_restartNote->setSizePolicy(notePolicy);

    m_rememberLists = new QCheckBox(tr("&Remember the image list between sessions"), this);
    m_rememberLists->setObjectName(u"rememberListsBox"_s);
    m_rememberLists->setToolTip(tr("Shows the last list of an account at once when it is opened, while the "
                                   "current one loads. Only image details are kept, never credentials."));
    m_rememberLists->setChecked(!m_settings ||
                                SettingsKeys::value(*m_settings, SettingsKey::RememberImageLists).toBool());
    m_clearCache = new QPushButton(tr("&Clear Cached Lists"), this);
    m_clearCache->setObjectName(u"clearCacheButton"_s);
    m_clearCache->setEnabled(false);
    connect(m_clearCache, &QPushButton::clicked, this, [this] {
        listingcache::clear(m_cacheDirectory);
        m_clearCache->setEnabled(false);
    });
    auto *cacheRow = new QHBoxLayout();
    cacheRow->addWidget(m_rememberLists);
    cacheRow->addStretch(1);
    cacheRow->addWidget(m_clearCache);
    // Each choice shows what it looks like, with a date that tells day from month.
    const qint64 example = QDateTime(QDate(2028, 12, 28), QTime(23, 58)).toMSecsSinceEpoch();
    m_dateFormat = new QComboBox(this);
    m_dateFormat->setObjectName(u"dateFormatBox"_s);
    m_dateFormat->addItem(tr("Language's format (%1)", "date format; %1 is an example date")
                              .arg(Formatting::localDateTime(example, Formatting::DateStyle::Locale)),
                          Formatting::dateStyleName(Formatting::DateStyle::Locale));
    m_dateFormat->addItem(tr("ISO 8601 (%1)", "date format; %1 is an example date")
                              .arg(Formatting::localDateTime(example, Formatting::DateStyle::Iso)),
                          Formatting::dateStyleName(Formatting::DateStyle::Iso));
    m_dateFormat->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    if (m_settings)
        m_dateFormat->setCurrentIndex(
            m_dateFormat->findData(Formatting::dateStyleName(dateStyle(*m_settings))));
    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"themeBox"_s);
    m_theme->addItem(tr("System", "theme: the colours of the desktop"), themeName(Theme::System));
    m_theme->addItem(tr("Light", "theme"), themeName(Theme::Light));
    m_theme->addItem(tr("Dark", "theme"), themeName(Theme::Dark));
    m_theme->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    const QString storedTheme = m_settings ? SettingsKeys::value(*m_settings, SettingsKey::UiTheme).toString()
                                           : themeName(Theme::System);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(themeName(themeFromName(storedTheme)))));

    auto *form = new QFormLayout();
    form->addRow(tr("&Theme:", "light or dark colours"), m_theme);
    form->addRow(tr("&Language:", "user interface language"), m_language);
    form->addRow(QString(), m_restartNote);
    form->addRow(tr("Image list:"), cacheRow);
    form->addRow(tr("&Dates:", "how the date columns show dates"), m_dateFormat);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addStretch(1);
    layout->addWidget(buttons);
    m_restartNote->setMinimumWidth(fontMetrics().averageCharWidth() * 48);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateRestartNote);
    updateRestartNote();
}

Formatting::DateStyle PreferencesDialog::selectedDateStyle() const
{
    return Formatting::dateStyleFromName(m_dateFormat->currentData().toString());
}

Formatting::DateStyle PreferencesDialog::dateStyle(const QSettings &settings)
{
    return Formatting::dateStyleFromName(SettingsKeys::value(settings, SettingsKey::UiDateFormat).toString());
}

QString PreferencesDialog::selectedLanguage() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setSelectedLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index >= 0 ? index : 0);
}

void PreferencesDialog::setListingCacheDirectory(const QString &directory)
{
    m_cacheDirectory = directory;
    m_rememberLists->setEnabled(!directory.isEmpty());
    m_clearCache->setEnabled(!directory.isEmpty());
}

void PreferencesDialog::accept()
{
    if (m_settings) {
        const bool remember = m_rememberLists->isChecked();
        SettingsKeys::setValue(*m_settings, SettingsKey::RememberImageLists, remember);
        // Switched off: what was kept goes too.
        if (!remember && !m_cacheDirectory.isEmpty())
            listingcache::clear(m_cacheDirectory);
        const QString language = selectedLanguage();
        if (language.isEmpty())
            SettingsKeys::remove(*m_settings, SettingsKey::UiLanguage);
        else
            SettingsKeys::setValue(*m_settings, SettingsKey::UiLanguage, language);
        SettingsKeys::setValue(*m_settings, SettingsKey::UiDateFormat,
                               Formatting::dateStyleName(selectedDateStyle()));
        SettingsKeys::setValue(*m_settings, SettingsKey::UiTheme, m_theme->currentData().toString());
    }
    applyTheme(themeFromName(m_theme->currentData().toString()));
    QDialog::accept();
}

void PreferencesDialog::updateRestartNote()
{
    m_restartNote->setVisible(selectedLanguage() != m_storedLanguage);
}

} // namespace mim
