// The bash and zsh completion scripts of modelarts-image-manager, run by the shells themselves: the options
// they offer are the ones the built executable's --help-all lists, --region offers the region table,
// --log-level the three levels, and --profile the names of the profiles saved by ProfileStore, read from
// the real settings file.

#include "models/accounts/Profile.h"
#include "models/api/Regions.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestShellCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void optionsAreTheOnesHelpAllLists();
    void regionsAreTheRegionTable();
    void logLevels();
    void profilesAreTheSavedNames();
    void profilesAfterAnEqualsSign();
    void noSettingsFileCompletesNoProfile();
    void zshScriptParsesAndOffersEveryOption();
    void zshReadsTheSavedProfileNames();

private:
    // Runs the bash completion function on these words (the last one is the word being completed).
    QStringList completeInBash(const QStringList &words, const QString &home = {});
    QString settingsFile() const;
    QProcessEnvironment environment(const QString &home) const;
    void saveProfiles(const QStringList &names);

    QTemporaryDir m_home;
    QStringList m_helpOptions;
};

void TestShellCompletion::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(MIM_BASH_COMPLETION)), MIM_BASH_COMPLETION);
    QVERIFY2(QFile::exists(QStringLiteral(MIM_ZSH_COMPLETION)), MIM_ZSH_COMPLETION);

    QProcess app;
    QProcessEnvironment env = environment(m_home.path());
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(MIM_APP_EXECUTABLE), {u"--help-all"_s});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 0);
    const QString help = QString::fromUtf8(app.readAllStandardOutput());
    // "  -h, --help   ...", "  --profile <name>   ...", "  -platform <name[:options]>   ..."
    static const QRegularExpression optionLine(u"^  (-[a-z-]+)(?:, (--[a-z-]+))?"_s);
    for (const QString &line : help.split(u'\n')) {
        const QRegularExpressionMatch match = optionLine.match(line);
        if (!match.hasMatch())
            continue;
        m_helpOptions << match.captured(1);
        if (match.hasCaptured(2))
            m_helpOptions << match.captured(2);
    }
    QVERIFY2(m_helpOptions.contains(u"--profile"_s), qPrintable(help));
    QVERIFY2(m_helpOptions.contains(u"-platform"_s), qPrintable(help));
}

QString TestShellCompletion::settingsFile() const
{
    // Where QSettings keeps the application's settings on Linux (organisation and application name are
    // both modelarts-image-manager, see app/AppPaths.cpp), with XDG_CONFIG_HOME pointing into m_home.
    return m_home.filePath(u".config/modelarts-image-manager/modelarts-image-manager.conf"_s);
}

QProcessEnvironment TestShellCompletion::environment(const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANGUAGE"_s, u"en"_s);
    return env;
}

void TestShellCompletion::saveProfiles(const QStringList &names)
{
    QFile::remove(settingsFile());
    mim::ProfileStore store(settingsFile());
    for (const QString &name : names) {
        mim::Profile profile;
        profile.id = mim::Profile::newId();
        profile.name = name;
        profile.regionId = u"cn-north-4"_s;
        profile.accessKey = u"SANDBOXAK0000DEMO000"_s;
        store.save(profile);
    }
    QCOMPARE(store.profiles().size(), names.size());
}

QStringList TestShellCompletion::completeInBash(const QStringList &words, const QString &home)
{
    QProcess bash;
    bash.setProcessEnvironment(environment(home.isEmpty() ? m_home.path() : home));
    const QString script = uR"(source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
_modelarts_image_manager
for reply in "${COMPREPLY[@]}"; do printf '%s\n' "$reply"; done)"_s;
    bash.start(u"bash"_s,
               QStringList{u"-c"_s, script, u"bash"_s, QStringLiteral(MIM_BASH_COMPLETION)} + words);
    if (!bash.waitForFinished(30000))
        return {u"<bash did not finish>"_s};
    const QString errors = QString::fromUtf8(bash.readAllStandardError());
    if (bash.exitCode() != 0 || !errors.isEmpty())
        return {u"<bash failed: "_s + errors + u'>'};
    return QString::fromUtf8(bash.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

void TestShellCompletion::optionsAreTheOnesHelpAllLists()
{
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"-"_s})), sorted(m_helpOptions));

    QStringList longOptions;
    for (const QString &option : std::as_const(m_helpOptions)) {
        if (option.startsWith(u"--"_s))
            longOptions << option;
    }
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"--"_s})), sorted(longOptions));
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--self"_s}), QStringList{u"--self-test"_s});
    // A word that is not an option is not completed with options.
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"x"_s}), QStringList{});
}

void TestShellCompletion::regionsAreTheRegionTable()
{
    QStringList ids;
    for (const mim::Region &region : mim::Regions::all())
        ids << region.id;
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"--region"_s, QString()})), sorted(ids));

    QStringList cnNorth;
    for (const QString &id : std::as_const(ids)) {
        if (id.startsWith(u"cn-north"_s))
            cnNorth << id;
    }
    QVERIFY(!cnNorth.isEmpty());
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"--region"_s, u"cn-north"_s})),
             sorted(cnNorth));
}

void TestShellCompletion::logLevels()
{
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"--log-level"_s, QString()})),
             (QStringList{u"debug"_s, u"info"_s, u"warning"_s}));
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--demo"_s, u"--log-level"_s, u"w"_s}),
             QStringList{u"warning"_s});
}

void TestShellCompletion::profilesAreTheSavedNames()
{
    // Names that QSettings writes quoted or escaped in its INI file, and one in Chinese (written as UTF-8).
    saveProfiles({u"production"_s, u"staging eu"_s, u"测试账号"_s, u"a,b=c;d"_s, u"say \"hi\" \\o/"_s,
                  u" padded "_s, u"@home"_s});

    // Each reply is shell-quoted, as bash inserts it into the command line.
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, QString()})),
             sorted({u"production"_s, u"staging\\ eu"_s, u"测试账号"_s, u"a\\,b=c\\;d"_s,
                     u"say\\ \\\"hi\\\"\\ \\\\o/"_s, u"\\ padded\\ "_s, u"@home"_s}));
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, u"st"_s}),
             QStringList{u"staging\\ eu"_s});
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, u"测"_s}),
             QStringList{u"测试账号"_s});
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, u"nothing"_s}), QStringList{});
}

void TestShellCompletion::profilesAfterAnEqualsSign()
{
    saveProfiles({u"production"_s, u"staging"_s});
    // bash splits "--profile=pro" at the equals sign (COMP_WORDBREAKS).
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, u"="_s, u"pro"_s}),
             QStringList{u"production"_s});
    QCOMPARE(sorted(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, u"="_s})),
             (QStringList{u"production"_s, u"staging"_s}));
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--log-level"_s, u"="_s, u"d"_s}),
             QStringList{u"debug"_s});
}

void TestShellCompletion::noSettingsFileCompletesNoProfile()
{
    QTemporaryDir emptyHome;
    QVERIFY(emptyHome.isValid());
    QCOMPARE(completeInBash({u"modelarts-image-manager"_s, u"--profile"_s, QString()}, emptyHome.path()),
             QStringList{});
}

void TestShellCompletion::zshScriptParsesAndOffersEveryOption()
{
    const QString zsh = QStandardPaths::findExecutable(u"zsh"_s);
    if (zsh.isEmpty())
        QSKIP("zsh is not installed (./dev.sh deps installs it)");
    QProcess check;
    check.start(zsh, {u"-n"_s, QStringLiteral(MIM_ZSH_COMPLETION)});
    QVERIFY(check.waitForFinished(30000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());

    QFile file(QStringLiteral(MIM_ZSH_COMPLETION));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString script = QString::fromUtf8(file.readAll());
    QVERIFY(script.startsWith(u"#compdef modelarts-image-manager\n"_s));
    for (const QString &option : std::as_const(m_helpOptions)) {
        // "'--profile=[...", "'-platform[...", "(- *)--help-all[..." or one of "{-h,--help}'[...".
        const QRegularExpression spec(u"['){,]"_s + QRegularExpression::escape(option) + u"[=\\[,}]"_s);
        QVERIFY2(spec.match(script).hasMatch(), qPrintable(option));
    }
    for (const mim::Region &region : mim::Regions::all())
        QVERIFY2(script.contains(u' ' + region.id + u' ') || script.contains(u'(' + region.id + u' ') ||
                     script.contains(u' ' + region.id + u')'),
                 qPrintable(region.id));
}

void TestShellCompletion::zshReadsTheSavedProfileNames()
{
    const QString zsh = QStandardPaths::findExecutable(u"zsh"_s);
    if (zsh.isEmpty())
        QSKIP("zsh is not installed (./dev.sh deps installs it)");
    const QStringList names{u"production"_s,      u"staging eu"_s, u"测试账号"_s, u"a,b=c;d"_s,
                            u"say \"hi\" \\o/"_s, u" padded "_s,   u"@home"_s};
    saveProfiles(names);

    // Outside the completion system: _arguments does nothing, _describe prints the candidates it is given.
    QProcess process;
    process.setProcessEnvironment(environment(m_home.path()));
    const QString script = uR"(_arguments() { :; }
_describe() { print -rl -- "${(@P)4}"; }
source "$1"
_modelarts_image_manager_profiles)"_s;
    process.start(zsh, {u"-f"_s, u"-c"_s, script, u"zsh"_s, QStringLiteral(MIM_ZSH_COMPLETION)});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QCOMPARE(sorted(QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts)),
             sorted(names));
}

QTEST_GUILESS_MAIN(TestShellCompletion)
#include "test_shell_completion.moc"
