#include "models/common/Heap.h"
#include "ProcFiles.h"

#include <barrier>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTest>
#include <QThread>
#include <vector>

class TestHeap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadsAllocateFromTheOneArena();
    void freeHeapIsGivenBack();
};

// Threads that allocate at the same time, each holding what it allocated until all have: by default glibc
// would give each of them an arena of its own.
void TestHeap::threadsAllocateFromTheOneArena()
{
#if !defined(__GLIBC__)
    QSKIP("arenas are glibc's");
#elif defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer replaces glibc's allocator");
#else
    constexpr int ThreadCount = 6;
    std::barrier allocated(ThreadCount + 1);
    std::barrier counted(ThreadCount + 1);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < ThreadCount; ++i) {
        threads.push_back(std::unique_ptr<QThread>(QThread::create([&allocated, &counted, i] {
            QList<QString> held;
            for (int n = 0; n < 2000; ++n)
                held.append(QString(64 + n % 64, QChar(u'a' + i)));
            allocated.arrive_and_wait();
            counted.arrive_and_wait();
        })));
        threads.back()->start();
    }
    allocated.arrive_and_wait();
    const int arenas = mim::heapArenaCount();
    counted.arrive_and_wait();
    for (const auto &thread : threads)
        QVERIFY(thread->wait(10000));
    QCOMPARE(arenas, 1);
#endif
}

// Freed memory amid the heap, which free() keeps resident: only the trim gives it back.
void TestHeap::freeHeapIsGivenBack()
{
#if !defined(__GLIBC__)
    QSKIP("the trim is glibc's");
#elif defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer replaces glibc's allocator");
#else
    if (mim::test::residentSetMb() < 0)
        QSKIP("no /proc/self/status");
    // 64 MB in blocks the heap keeps (each far below the size glibc maps on its own), every page touched;
    // then one more, which stays, so that the freed ones are not at the top of the heap, which free() trims.
    constexpr int BlockSize = 4000;
    constexpr int BlockCount = 64 * 1024 * 1024 / BlockSize;
    std::vector<void *> blocks;
    blocks.reserve(BlockCount);
    for (int i = 0; i < BlockCount; ++i) {
        blocks.push_back(std::malloc(BlockSize));
        QVERIFY(blocks.back());
        std::memset(blocks.back(), 0x5a, BlockSize);
    }
    void *above = std::malloc(BlockSize);
    QVERIFY(above);
    for (void *block : blocks)
        std::free(block);
    const double freed = mim::test::residentSetMb();
    mim::giveFreeHeapBack();
    const double trimmed = mim::test::residentSetMb();
    std::free(above);
    QVERIFY2(
        freed - trimmed > 32,
        qPrintable(QStringLiteral("resident %1 MB before the trim, %2 MB after").arg(freed).arg(trimmed)));
#endif
}

int main(int argc, char *argv[])
{
    // As the application does: first, before any thread allocates.
    mim::shareOneHeapArena();
    QCoreApplication app(argc, argv);
    TestHeap test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_heap.moc"
