#pragma once

#include "models/api/Clock.h"

#include <QString>

class QNetworkAccessManager;
class QSettings;

namespace mim {

class ProfileStore;
class SecretStore;

// What the main window needs from the application, created once in main() (or by a test) and injected.
struct AppServices
{
    QNetworkAccessManager *network = nullptr;
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
    QSettings *settings = nullptr; // window state, columns, filters; a throwaway file in demo mode
    QString journalPath;           // the deletion journal (JSON Lines)
    Clock clock = systemClock();
    bool demoMode = false; // running on the built-in sandbox; nothing is saved
};

} // namespace mim
