// Every shipped translation is complete and well-formed: no unfinished, obsolete or vanished entry, no empty
// translation, the same placeholders, HTML tags and accelerators as the source, the plural forms the language
// needs, and the catalogue embedded in the application says the same as the .ts file.

#include "Localization.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

const QString TranslationsDir = QStringLiteral(MIM_TRANSLATIONS_DIR);

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;        // "", "unfinished", "obsolete" or "vanished"
    QString translation; // for numerus entries: the first form
    QStringList forms;   // numerus entries only
    qint64 line = 0;     // in the .ts file
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            result.language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
            message.line = xml.lineNumber();
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.forms.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
                message.translation = message.forms.value(0);
            } else {
                message.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
            result.messages.append(message);
        }
    }
    if (xml.hasError())
        result.error = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return result;
}

QStringList sortedMatches(const QRegularExpression &pattern, const QString &text)
{
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(?:[1-9][0-9]?|n)"_s);
    return sortedMatches(pattern, text);
}

QStringList htmlTags(const QString &text)
{
    static const QRegularExpression pattern(u"</?[a-zA-Z][^>]*>"_s);
    QStringList tags;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        tags.append(it.next().captured());
    return tags;
}

// "&File" has one, "Fish && Chips" none. Only meaningful for plain text.
int acceleratorCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (!text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

// How many plural forms Qt uses for a language (its numerus rules); unknown languages are not checked.
int expectedNumerusForms(const QString &language)
{
    const QString base = language.section(u'_', 0, 0);
    if (base == u"zh" || base == u"ja" || base == u"ko")
        return 1;
    if (base == u"en" || base == u"de" || base == u"es" || base == u"it" || base == u"nl")
        return 2;
    return -1;
}

QString describe(const QString &file, const Message &m)
{
    return u"%1:%2 [%3] \"%4\"%5"_s.arg(file).arg(m.line).arg(
        m.context, m.source, m.comment.isEmpty() ? QString() : u" (%1)"_s.arg(m.comment));
}

QStringList shippedTsFiles()
{
    return QDir(TranslationsDir).entryList({u"*.ts"_s}, QDir::Files, QDir::Name);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shipsTheExpectedLanguages();
    void everyEntryIsComplete_data();
    void everyEntryIsComplete();
    void englishHoldsOnlyPluralForms();
    void windowTitlesUseTheDashQtAppends_data();
    void windowTitlesUseTheDashQtAppends();
    void embeddedCatalogueMatchesTheTsFile_data();
    void embeddedCatalogueMatchesTheTsFile();
    void installsTheCatalogueOfTheLanguage();
};

void TestTranslations::shipsTheExpectedLanguages()
{
    const QStringList files = shippedTsFiles();
    QVERIFY2(files.contains(u"modelarts-image-manager_zh_CN.ts"_s), qPrintable(files.join(u", "_s)));
    QVERIFY2(files.contains(u"modelarts-image-manager_en.ts"_s), qPrintable(files.join(u", "_s)));
    for (const QString &language : mim::shippedUiLanguages())
        QVERIFY2(files.contains(u"modelarts-image-manager_%1.ts"_s.arg(language)), qPrintable(language));
}

void TestTranslations::everyEntryIsComplete_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : shippedTsFiles())
        QTest::newRow(qPrintable(file)) << file;
}

void TestTranslations::everyEntryIsComplete()
{
    QFETCH(QString, file);
    const Catalogue catalogue = readCatalogue(QDir(TranslationsDir).filePath(file));
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    QVERIFY(!catalogue.language.isEmpty());
    QVERIFY(!catalogue.messages.isEmpty());
    const int formsNeeded = expectedNumerusForms(catalogue.language);

    QStringList problems;
    for (const Message &m : catalogue.messages) {
        const QString where = describe(file, m);
        if (!m.type.isEmpty()) {
            problems.append(u"%1: %2"_s.arg(where, m.type));
            continue;
        }
        const QStringList texts = m.numerus ? m.forms : QStringList{m.translation};
        if (m.numerus && m.forms.isEmpty())
            problems.append(u"%1: plural entry without a form"_s.arg(where));
        if (m.numerus && formsNeeded > 0 && m.forms.size() != formsNeeded)
            problems.append(u"%1: %2 plural forms, %3 needs %4"_s.arg(where)
                                .arg(m.forms.size())
                                .arg(catalogue.language)
                                .arg(formsNeeded));
        for (const QString &text : texts) {
            if (text.trimmed().isEmpty()) {
                problems.append(u"%1: empty translation"_s.arg(where));
                continue;
            }
            // A plural form may leave out its count, %n or %Ln ("a minute ago"), never anything else.
            QStringList expected = placeholders(m.source);
            QStringList actual = placeholders(text);
            if (m.numerus && !actual.contains(u"%n"_s) && !actual.contains(u"%Ln"_s)) {
                expected.removeAll(u"%n"_s);
                expected.removeAll(u"%Ln"_s);
            }
            if (expected != actual)
                problems.append(u"%1: placeholders %2 in \"%3\""_s.arg(where, actual.join(u' '), text));
            if (htmlTags(m.source) != htmlTags(text))
                problems.append(u"%1: HTML tags differ in \"%2\""_s.arg(where, text));
            if (!m.source.contains(u'<') && acceleratorCount(m.source) != acceleratorCount(text))
                problems.append(u"%1: accelerators differ in \"%2\""_s.arg(where, text));
        }
    }
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(u"%1 of %2 entries need work:\n"_s.arg(problems.size()).arg(catalogue.messages.size()) +
                   problems.join(u'\n')));
}

void TestTranslations::englishHoldsOnlyPluralForms()
{
    const Catalogue english =
        readCatalogue(QDir(TranslationsDir).filePath(u"modelarts-image-manager_en.ts"_s));
    QVERIFY2(english.error.isEmpty(), qPrintable(english.error));
    const Catalogue chinese =
        readCatalogue(QDir(TranslationsDir).filePath(u"modelarts-image-manager_zh_CN.ts"_s));
    QVERIFY2(chinese.error.isEmpty(), qPrintable(chinese.error));

    QSet<QString> englishKeys;
    for (const Message &m : english.messages) {
        QVERIFY2(m.numerus, qPrintable(describe(u"en"_s, m)));
        englishKeys.insert(m.context + u'\x1f' + m.source + u'\x1f' + m.comment);
    }
    // Both come from the same sources: every plural string has its English forms.
    for (const Message &m : chinese.messages) {
        if (m.numerus)
            QVERIFY2(englishKeys.contains(m.context + u'\x1f' + m.source + u'\x1f' + m.comment),
                     qPrintable(u"no English plural forms: "_s + describe(u"zh_CN"_s, m)));
    }
}

void TestTranslations::windowTitlesUseTheDashQtAppends_data()
{
    everyEntryIsComplete_data();
}

void TestTranslations::windowTitlesUseTheDashQtAppends()
{
    // Qt appends the display name to a dialog's title with an em dash ("Preferences — ModelArts Image
    // Manager"); a title of ours that joins with an en dash makes the windows of one app read differently.
    QFETCH(QString, file);
    const Catalogue catalogue = readCatalogue(QDir(TranslationsDir).filePath(file));
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    if (catalogue.language.startsWith(u"en"_s))
        QSKIP("English holds plural forms only, no titles");
    QStringList problems;
    int titles = 0;
    for (const Message &m : catalogue.messages) {
        const bool isTitle = m.comment.contains(u"window title"_s, Qt::CaseInsensitive) ||
                             m.source.contains(u"ModelArts Image Manager"_s);
        if (!isTitle || m.type == u"obsolete"_s || m.type == u"vanished"_s)
            continue;
        ++titles;
        for (const QString &text : QStringList{m.source, m.translation} + m.forms) {
            if (text.contains(QChar(0x2013)))
                problems.append(u"%1: %2"_s.arg(describe(file, m), text));
        }
    }
    QVERIFY(titles > 0);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::embeddedCatalogueMatchesTheTsFile_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : shippedTsFiles())
        QTest::newRow(qPrintable(file)) << file;
}

void TestTranslations::embeddedCatalogueMatchesTheTsFile()
{
    QFETCH(QString, file);
    const Catalogue catalogue = readCatalogue(QDir(TranslationsDir).filePath(file));
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    QTranslator translator;
    const QString qm = u":/i18n/"_s + QString(file).replace(u".ts"_s, u".qm"_s);
    QVERIFY2(translator.load(qm), qPrintable(qm));

    QStringList stale;
    for (const Message &m : catalogue.messages) {
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const QString actual =
            translator.translate(context.constData(), source.constData(),
                                 m.comment.isEmpty() ? nullptr : comment.constData(), m.numerus ? 1 : -1);
        // Only the numbers of the forms differ with n; the first form is what n = 1 picks in both languages.
        if (actual != m.translation)
            stale.append(u"%1: embedded \"%2\""_s.arg(describe(file, m), actual));
    }
    QVERIFY2(stale.isEmpty(), qPrintable(stale.join(u'\n')));
}

void TestTranslations::installsTheCatalogueOfTheLanguage()
{
    QCoreApplication *app = QCoreApplication::instance();
    const auto deleted = [](int n) {
        return QCoreApplication::translate("mim::DeletionFlow", "%Ln image(s) deleted.", nullptr, n);
    };
    const auto installed = [app] {
        return app->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly).size();
    };

    QVERIFY(
        mim::installTranslations(app, QLocale(QLocale::Chinese, QLocale::China)).endsWith(u"_zh_CN.qm"_s));
    QCOMPARE(deleted(1), u"已删除 1 个镜像。"_s);
    QCOMPARE(deleted(12), u"已删除 12 个镜像。"_s);
    const qsizetype chineseTranslators = installed();

    // English is the source language; its catalogue gives the plural forms.
    QVERIFY(mim::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedKingdom))
                .endsWith(u"_en.qm"_s));
    QCOMPARE(deleted(1), u"1 image deleted."_s);
    QCOMPARE(deleted(2), u"2 images deleted."_s);
    QVERIFY(installed() <= chineseTranslators); // replaced, not stacked

    // A language without a catalogue stays English, with English plurals.
    QVERIFY(mim::installTranslations(app, QLocale(QLocale::German, QLocale::Germany)).endsWith(u"_en.qm"_s));
    QCOMPARE(deleted(1), u"1 image deleted."_s);
    QCOMPARE(deleted(3), u"3 images deleted."_s);
    QCOMPARE(QCoreApplication::translate("mim::MainWindowActions", "&Refresh"), u"&Refresh"_s);

    // Simplified Chinese elsewhere reads the zh_CN catalogue; Traditional Chinese is not shipped.
    QVERIFY(mim::installTranslations(app, QLocale(u"zh_SG"_s)).endsWith(u"_zh_CN.qm"_s));
    QVERIFY(mim::installTranslations(app, QLocale(u"zh_TW"_s)).endsWith(u"_en.qm"_s));

    // The preference: a chosen language becomes the default locale as well.
    const QLocale previous;
    QCOMPARE(mim::applyUiLanguage(app, u"zh_CN"_s).name(), u"zh_CN"_s);
    QCOMPARE(QLocale().name(), u"zh_CN"_s);
    QCOMPARE(QCoreApplication::translate("mim::MainWindowActions", "&Refresh"), u"刷新(&R)"_s);
    QLocale::setDefault(previous);
    QCOMPARE(mim::uiLocaleFor(QString()), QLocale::system());
    mim::installTranslations(app, QLocale(QLocale::English));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
