#include "views/main/CatalogNotices.h"

#include "models/catalog/ImageCatalog.h"
#include "views/main/NoticeBar.h"

namespace mim {

void CatalogNotices::showLoaded(NoticeBar *bar, const ImageCatalog &catalog)
{
    bar->dismiss();
    if (const ApiError &refused = catalog.workspaceError(); refused.isError()) {
        // Images of other workspaces are missing from the list: say so, and why, not just in a log.
        bar->showNotice(tr("Only the default workspace is shown: the account's workspaces could not "
                           "be listed, so images in other workspaces are missing. %1")
                            .arg(refused.summary()),
                        refused.fullText());
    } else if (const int skipped = int(catalog.skippedRecords().size()); skipped > 0) {
        bar->showNotice(tr("Skipped %Ln image record(s) that could not be read.", nullptr, skipped),
                        catalog.skippedRecords().join(u'\n'));
    }
}

void CatalogNotices::showFailed(NoticeBar *bar, const ImageCatalog &catalog, int rows)
{
    const ApiError &error = catalog.lastError();
    if (catalog.cachedAsOf().isValid()) {
        bar->showNotice(tr("Refreshing failed; the grey rows are from the last session and not "
                           "confirmed by the server. %1")
                            .arg(error.summary()),
                        error.fullText(), tr("Retry"));
    } else if (catalog.isIncomplete()) {
        // Rows arrived, then the load stopped: they must not pass for the whole account.
        bar->showNotice(tr("The list is incomplete: loading stopped after %Ln image(s). %1", nullptr, rows)
                            .arg(error.summary()),
                        error.fullText(), tr("Retry"));
    } else if (rows > 0) {
        // Keep the rows, but say they may be out of date, and why.
        bar->showNotice(tr("Refreshing failed; the list may be out of date. %1").arg(error.summary()),
                        error.fullText(), tr("Retry"));
    }
}

} // namespace mim
