#pragma once

#include "CommandLine.h"

#include <QFile>
#include <QRecursiveMutex>
#include <QString>
#include <QStringList>

namespace mim {
struct Credentials;
}

namespace mim::app {

// Where log messages go: stderr and, unless disabled (demo mode), a rotating file. Each line carries the
// time, the severity and the category. As a last line of defence against leaks, every secret the
// application has loaded is replaced by "<redacted>" before a line goes anywhere.
//
// Qt's message handler is process-wide, so at most one Logger is installed at a time; it uninstalls itself
// when destroyed.
class Logger
{
public:
    struct Options
    {
        QString directory; // of the log files; empty = no file
        QString baseName = QStringLiteral("modelarts-image-manager");
        qint64 maxFileBytes = 2 * 1024 * 1024; // a file this big is rotated
        int keptFiles = 3;                     // rotated files kept beside the current one
        bool toStderr = true;
    };

    explicit Logger(Options options);
    ~Logger();
    Logger(const Logger &) = delete;
    Logger &operator=(const Logger &) = delete;

    void install();
    // Applies --log-level to the application's "mim.*" categories.
    static void setLevel(LogLevel level);
    static QString filterRules(LogLevel level);

    // Remembers the secrets of a connection so that they can never appear in a log line.
    void addSecrets(const Credentials &credentials);
    void addSecret(const QString &secret);
    QString redact(QString text) const;

    QString currentFilePath() const;
    // The line as it is written (without the newline).
    static QString formatLine(QtMsgType type, const QMessageLogContext &context, const QString &message);

    // Secrets shorter than this are not redacted: replacing one or two characters everywhere would make
    // every line unreadable while hiding nothing.
    static constexpr int MinimumRedactedLength = 4;

private:
    static void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void write(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void openFile();
    void rotate();

    Options m_options;
    mutable QRecursiveMutex m_mutex; // recursive: Qt may log from inside a file operation
    QStringList m_secrets;
    QFile m_file;
    bool m_installed = false;
    QtMessageHandler m_previousHandler = nullptr;
};

} // namespace mim::app
