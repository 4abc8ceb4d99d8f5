#pragma once

namespace mim {

// How the process's heap is kept small: glibc's allocator, where these matter; elsewhere they do nothing.

// Makes every thread of the process allocate from one heap arena (glibc's M_ARENA_MAX = 1). Call first in
// main(), before any thread starts: a thread keeps the arena it first allocated from.
//
// Why: by default glibc gives each thread that allocates its own arena. A listing of 100,000 images is
// parsed and merged by the background pool's threads, so the images end up spread over their arenas,
// interleaved with what the pages and the merges freed; giveFreeHeapBack() can return only whole free pages,
// and how many are whole varied from listing to listing. With one arena the freed space is reused by
// whichever thread allocates next. Measured with mim-bench --worker at 100,015 images, five listings per run:
// the resident set after each listing was 146 to 149 MB in each of 40 listings (by default 146 to 210 MB, the
// median of a run over 170 MB in one run of six); the listing itself took about a fifth longer, the threads
// now sharing the arena's lock.
void shareOneHeapArena();

// How many arenas the heap has now (1 after shareOneHeapArena(), whatever threads allocated since); -1
// where that is not known.
int heapArenaCount();

// Returns the heap's free pages to the system (malloc_trim). glibc keeps freed memory for later unless asked:
// after a listing of 100,000 images, or the listing cache written, that is as much as the images take. It
// locks the arena while it runs (3 to 12 ms after such a listing), so call it on a worker thread, once the
// memory is freed (a trim before that gives back none of it).
void giveFreeHeapBack();

} // namespace mim
