#pragma once

namespace mim {

// Makes every thread of the process allocate from one heap arena (glibc's M_ARENA_MAX = 1). Call first in
// main(), before any thread starts: a thread keeps the arena it first allocated from. Does nothing where the
// C library is not glibc.
//
// Why: by default glibc gives each thread that allocates its own arena. A listing of 100,000 images is
// parsed and merged by the background pool's threads, so the images end up spread over their arenas,
// interleaved with what the pages and the merges freed; malloc_trim() can give back only whole free pages,
// and how many are whole varied from listing to listing. With one arena the freed space is reused by
// whichever thread allocates next. Measured with mim-bench --worker at 100,015 images, five listings per run:
// the resident set after each listing was 146 to 149 MB in each of 40 listings (by default 146 to 210 MB, the
// median of a run over 170 MB in one run of six); the listing itself took about a fifth longer, the threads
// now sharing the arena's lock.
void shareOneHeapArena();

// How many arenas the heap has now (1 after shareOneHeapArena(), whatever threads allocated since); -1
// where that is not known.
int heapArenaCount();

} // namespace mim
