#pragma once

class QThreadPool;

namespace mim {

// The threads for work the GUI thread does not wait on: parsing and merging listings, preparing the table,
// reading and writing the listing cache and the journal, giving freed memory back.
//
// Not QThreadPool::globalInstance(): Qt's raster paint engine splits every large fill (a table's or a
// scroll bar's background) into tasks on the global pool and blocks the GUI thread until they have run. A
// merge of 100,000 images there held up every paint behind it, up to 100 ms and more. The global pool is
// left to work the GUI thread waits for (Qt's fills, ImageFilterModel's second half).
//
// One per process, like the global pool: it is finished (waitForDone) as the application object is
// destroyed, so a cache written at close is complete before the process exits.
QThreadPool *backgroundPool();

} // namespace mim
