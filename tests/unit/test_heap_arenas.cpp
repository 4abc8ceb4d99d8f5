#include "models/common/HeapArenas.h"

#include <barrier>
#include <memory>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTest>
#include <QThread>
#include <vector>

class TestHeapArenas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadsAllocateFromTheOneArena();
};

// Threads that allocate at the same time, each holding what it allocated until all have: by default glibc
// would give each of them an arena of its own.
void TestHeapArenas::threadsAllocateFromTheOneArena()
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

int main(int argc, char *argv[])
{
    // As the application does: first, before any thread allocates.
    mim::shareOneHeapArena();
    QCoreApplication app(argc, argv);
    TestHeapArenas test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_heap_arenas.moc"
