#pragma once

#include "models/api/Clock.h"
#include "views/common/UrlOpener.h"

#include <functional>
#include <optional>
#include <QString>

class QNetworkAccessManager;
class QSettings;

namespace mim {

class DeleteImagesDialog;
class ProfileStore;
class SecretStore;

// Answers a deletion confirmation, given the fully built dialog: nullopt = cancelled, otherwise the force
// flag. Tests inject one; empty, the dialog is shown.
using DeletionConfirmer = std::function<std::optional<bool>(DeleteImagesDialog &dialog)>;

// The one way every deletion is confirmed: asks `confirmer`, or without one shows the dialog modally.
std::optional<bool> confirmDeletion(const DeletionConfirmer &confirmer, DeleteImagesDialog &dialog);

// What the main window needs from the application, created once in main() (or by a test) and injected.
struct AppServices
{
    QNetworkAccessManager *network = nullptr;
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
    QSettings *settings = nullptr; // window state, columns, filters; a throwaway file in demo mode
    QString journalPath;           // the deletion journal (JSON Lines)
    Clock clock = systemClock();
    bool demoMode = false;               // running on the built-in sandbox; nothing is saved
    QString listingCacheDirectory;       // the accounts' last listings (ListingCache.h); empty: none kept
    DeletionConfirmer deletionConfirmer; // empty: every confirmation is shown
    UrlOpener urlOpener;                 // empty: QDesktopServices opens web pages and folders
};

} // namespace mim
