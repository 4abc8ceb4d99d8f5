#pragma once

#include <QCoreApplication>

namespace mim {

class ImageCatalog;
class NoticeBar;

// What the notice bar says when the image list has loaded or failed to: a part of the account that could not
// be listed, records that could not be read, rows that must not pass for the whole account.
class CatalogNotices
{
    Q_DECLARE_TR_FUNCTIONS(mim::CatalogNotices)
public:
    // After a load: what is missing from the list, if anything; else the bar is dismissed.
    static void showLoaded(NoticeBar *bar, const ImageCatalog &catalog);
    // After a failed load or refresh with `rows` rows on screen: why those rows are not the current list,
    // with Retry. Nothing when the table is empty (the empty state says it).
    static void showFailed(NoticeBar *bar, const ImageCatalog &catalog, int rows);
};

} // namespace mim
