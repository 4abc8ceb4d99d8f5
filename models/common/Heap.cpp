#include "models/common/Heap.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mim {

void shareOneHeapArena()
{
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
#endif
}

int heapArenaCount()
{
#if defined(__GLIBC__)
    // malloc_info() writes one <heap nr="…"> element per arena.
    char *text = nullptr;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    if (!stream)
        return -1;
    const bool written = malloc_info(0, stream) == 0;
    std::fclose(stream);
    int count = 0;
    if (written) {
        for (const char *at = text; (at = std::strstr(at, "<heap nr=")) != nullptr; ++at)
            ++count;
    }
    std::free(text);
    return written ? count : -1;
#else
    return -1;
#endif
}

void giveFreeHeapBack()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace mim
