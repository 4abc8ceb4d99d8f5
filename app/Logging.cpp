#include "Logging.h"

#include "models/api/ConnectionSettings.h"
#include "models/common/PrivateFiles.h"

#include <atomic>
#include <cstdio>
#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace mim::app {

namespace {

// The installed logger. Qt's message handler is a plain function, so it needs this one pointer.
std::atomic<Logger *> activeLogger{nullptr};

char severityLetter(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 'D';
    case QtInfoMsg:
        return 'I';
    case QtWarningMsg:
        return 'W';
    case QtCriticalMsg:
        return 'C';
    case QtFatalMsg:
        return 'F';
    }
    return '?';
}

} // namespace

Logger::Logger(Options options)
    : m_options(std::move(options))
{}

Logger::~Logger()
{
    if (m_installed) {
        qInstallMessageHandler(m_previousHandler);
        Logger *self = this;
        activeLogger.compare_exchange_strong(self, nullptr);
    }
}

void Logger::install()
{
    if (m_installed)
        return;
    {
        QMutexLocker locker(&m_mutex);
        openFile();
    }
    activeLogger.store(this);
    m_previousHandler = qInstallMessageHandler(&Logger::handleMessage);
    m_installed = true;
}

QString Logger::filterRules(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return u"mim.*.debug=true\nmim.*.info=true"_s;
    case LogLevel::Info:
        return u"mim.*.debug=false\nmim.*.info=true"_s;
    case LogLevel::Warning:
        return u"mim.*.debug=false\nmim.*.info=false"_s;
    }
    return {};
}

void Logger::setLevel(LogLevel level)
{
    // QT_LOGGING_RULES in the environment still wins, as Qt documents.
    QLoggingCategory::setFilterRules(filterRules(level));
}

void Logger::addSecrets(const Credentials &credentials)
{
    addSecret(credentials.secretKey);
    addSecret(credentials.securityToken);
    addSecret(credentials.password);
}

void Logger::addSecret(const QString &secret)
{
    if (secret.size() < MinimumRedactedLength)
        return;
    QMutexLocker locker(&m_mutex);
    if (!m_secrets.contains(secret)) {
        m_secrets << secret;
        // Longest first, so that a secret containing another one is replaced whole.
        std::sort(m_secrets.begin(), m_secrets.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }
}

QString Logger::redact(QString text) const
{
    QMutexLocker locker(&m_mutex);
    for (const QString &secret : m_secrets)
        text.replace(secret, QLatin1String("<redacted>"));
    return text;
}

QString Logger::currentFilePath() const
{
    if (m_options.directory.isEmpty())
        return {};
    return QDir(m_options.directory).filePath(m_options.baseName + u".log"_s);
}

QString Logger::formatLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = context.category ? QString::fromUtf8(context.category) : u"default"_s;
    return QDateTime::currentDateTime().toString(Qt::ISODateWithMs) + u' ' +
           QChar::fromLatin1(severityLetter(type)) + u' ' + category + u": "_s + message;
}

void Logger::handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (Logger *logger = activeLogger.load())
        logger->write(type, context, message);
}

void Logger::write(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line = redact(formatLine(type, context, message)) + u'\n';
    const QByteArray bytes = line.toUtf8();
    QMutexLocker locker(&m_mutex);
    if (m_options.toStderr) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    }
    if (m_file.isOpen()) {
        if (m_file.size() + bytes.size() > m_options.maxFileBytes)
            rotate();
        if (m_file.isOpen()) {
            m_file.write(bytes);
            m_file.flush();
        }
    }
}

void Logger::openFile()
{
    if (m_options.directory.isEmpty())
        return;
    // The log names accounts and endpoints: only the user may read it.
    if (!privatefiles::makeDirectory(m_options.directory))
        return;
    m_file.setFileName(currentFilePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text,
                     privatefiles::FilePermissions)) {
        std::fprintf(stderr, "cannot write the log file %s: %s\n",
                     qPrintable(QDir::toNativeSeparators(currentFilePath())),
                     qPrintable(m_file.errorString()));
        return;
    }
    privatefiles::makeFile(currentFilePath()); // a file left by an older version
}

// base.log -> base.1.log -> base.2.log ...; the oldest beyond keptFiles is deleted.
void Logger::rotate()
{
    m_file.close();
    const QDir directory(m_options.directory);
    const auto numbered = [&](int n) {
        return directory.filePath(m_options.baseName + u'.' + QString::number(n) + u".log"_s);
    };
    QFile::remove(numbered(m_options.keptFiles));
    for (int n = m_options.keptFiles - 1; n >= 1; --n)
        QFile::rename(numbered(n), numbered(n + 1));
    if (m_options.keptFiles >= 1)
        QFile::rename(currentFilePath(), numbered(1));
    else
        QFile::remove(currentFilePath());
    openFile();
}

} // namespace mim::app
