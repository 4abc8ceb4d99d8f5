#include "SwrRegistry.h"

#include "DeterministicRandom.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

constexpr qint64 MsPerDay = 24LL * 60 * 60 * 1000;
constexpr qint64 MiB = 1024LL * 1024;
constexpr qint64 GiB = 1024LL * MiB;

// Organizations with only SWR content: images pushed by CI or by hand and never registered in ModelArts.
const QStringList &swrOnlyNamespaces()
{
    static const QStringList namespaces{u"ci-builds"_s, u"archive-2023"_s};
    return namespaces;
}

// Repository names there; some with '/', which SWR allows and the URL carries as '$'.
const QStringList &swrOnlyRepositories()
{
    static const QStringList repositories{u"team/base"_s, u"team/cuda-runtime"_s, u"toolbox"_s,
                                          u"nightly/pytorch-dev"_s, u"scratch"_s};
    return repositories;
}

quint64 stableHash(const QString &text)
{
    quint64 hash = 0xCBF29CE484222325ULL; // FNV-1a: the same on every platform, unlike qHash
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

// A tag whose image has no ModelArts size yet (INIT, CREATING) still has its layers in SWR.
qint64 bytesWithoutModelArtsSize(const QString &key)
{
    DeterministicRandom random(stableHash(key));
    return random.between(300 * MiB, 30 * GiB);
}

} // namespace

const SwrRepository *SwrSnapshot::repository(const QString &nameSpace, const QString &name) const
{
    const int index = repositoryIndex.value(nameSpace + u'/' + name, -1);
    return index < 0 ? nullptr : &repositories[size_t(index)];
}

qint64 SwrSnapshot::bytes() const
{
    qint64 total = 0;
    for (const SwrTag &tag : tags)
        total += tag.bytes;
    return total;
}

int SwrSnapshot::unregisteredCount() const
{
    return int(
        std::count_if(tags.begin(), tags.end(), [](const SwrTag &tag) { return !tag.isRegistered(); }));
}

void SwrRegistry::resetGenerated(quint32 seed, qint64 baseEpochMs, int imageCount)
{
    *this = SwrRegistry();
    m_seed = seed;
    m_baseEpochMs = baseEpochMs;
    m_generatedImageCount = imageCount;
}

void SwrRegistry::resetDemo(const QDateTime &now)
{
    *this = SwrRegistry();
    m_demo = true;
    m_pushedTagsMade = true;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    struct Pushed
    {
        const char16_t *nameSpace;
        const char16_t *repository;
        const char16_t *tag;
        double gib;
        int ageDays;
    };
    // Left behind by old releases, debugging sessions and CI, in two organizations that also hold ModelArts
    // images and one that holds none.
    static constexpr Pushed pushed[] = {
        {u"llm-infra", u"vllm-serving", u"0.3.1", 18.2, 300},
        {u"llm-infra", u"vllm-serving", u"0.4.0-rc1", 19.1, 160},
        {u"llm-infra", u"deepspeed-train", u"0.13.1", 21.7, 260},
        {u"cv-lab", u"pytorch-train", u"debug-0423", 9.4, 220},
        {u"cv-lab", u"yolo-detect", u"v7-old", 6.3, 400},
        {u"ci-builds", u"team/base", u"cuda12.1-py310", 7.8, 90},
        {u"ci-builds", u"team/base", u"cuda11.8-py39", 7.1, 330},
        {u"ci-builds", u"toolbox", u"2024.03", 1.2, 250},
    };
    for (const Pushed &entry : pushed) {
        m_pushedTags.push_back(PushedTag{QString::fromUtf16(entry.nameSpace),
                                         QString::fromUtf16(entry.repository), QString::fromUtf16(entry.tag),
                                         qint64(entry.gib * double(GiB)), nowMs - entry.ageDays * MsPerDay});
    }
}

void SwrRegistry::ensurePushedTags(const ImageStore &store)
{
    if (m_pushedTagsMade)
        return;
    m_pushedTagsMade = true;
    // Made from the seed and the first images only, so the same data set always has the same unregistered
    // tags, whenever they are first asked for.
    const int count = std::min(m_generatedImageCount, store.size());
    QList<int> candidates;
    QSet<QString> taken;
    for (int i = 0; i < count; ++i) {
        const StoredImage &image = store.at(i);
        if (image.builtIn || !image.inSharedSwr)
            continue;
        candidates.append(i);
        taken.insert(image.nameSpace + u'/' + image.name + u':' + image.tag);
    }
    // About 15 % of all tags: pushed ones / (registered + pushed) = 0.15.
    const int pushedCount = int(std::lround(double(candidates.size()) * 15.0 / 85.0));
    DeterministicRandom random(quint64(m_seed) * 0x9E3779B97F4A7C15ULL + 0x535752ULL);
    m_pushedTags.reserve(size_t(pushedCount));
    for (int k = 0; k < pushedCount; ++k) {
        PushedTag pushed;
        if (!candidates.isEmpty() && random.chance(0.6)) {
            const StoredImage &image = store.at(candidates.at(qsizetype(random.bounded(candidates.size()))));
            pushed.nameSpace = image.nameSpace;
            pushed.repository = image.name;
        } else {
            pushed.nameSpace = random.pick(swrOnlyNamespaces());
            pushed.repository = random.pick(swrOnlyRepositories());
        }
        // "ci-" and eight hex digits: a form the generated ModelArts tags never take.
        do {
            pushed.tag = u"ci-"_s + random.hex(8);
        } while (taken.contains(pushed.nameSpace + u'/' + pushed.repository + u':' + pushed.tag));
        taken.insert(pushed.nameSpace + u'/' + pushed.repository + u':' + pushed.tag);
        pushed.bytes = random.between(200 * MiB, 20 * GiB);
        pushed.createdMs = m_baseEpochMs - random.between(0, 730 * MsPerDay);
        m_pushedTags.push_back(pushed);
    }
}

int SwrRegistry::addPushedTag(const QString &nameSpace, const QString &repository, const QString &tag,
                              qint64 bytes, qint64 createdMs)
{
    const QString key = nameSpace + u'/' + repository + u':' + tag;
    std::erase_if(m_pushedTags, [&key](const PushedTag &pushed) {
        return pushed.nameSpace + u'/' + pushed.repository + u':' + pushed.tag == key;
    });
    m_pushedTags.push_back(PushedTag{nameSpace, repository, tag, bytes, createdMs});
    m_deletedTags.remove(key);
    ++m_changes;
    return 1;
}

int SwrRegistry::addPushedTags(const QString &nameSpace, int count, int repositories, quint32 seed,
                               qint64 nowMs)
{
    DeterministicRandom random(quint64(seed) * 0x9E3779B97F4A7C15ULL + 0x7A6ULL);
    repositories = std::max(1, repositories);
    m_pushedTags.reserve(m_pushedTags.size() + size_t(std::max(0, count)));
    for (int i = 0; i < count; ++i) {
        const QString repository = u"repo-%1"_s.arg(i % repositories + 1, 4, 10, QLatin1Char('0'));
        const QString tag = u"t%1-%2"_s.arg(i / repositories + 1).arg(random.hex(6));
        m_deletedTags.remove(nameSpace + u'/' + repository + u':' + tag);
        m_pushedTags.push_back(PushedTag{nameSpace, repository, tag, random.between(10 * MiB, 10 * GiB),
                                         nowMs - random.between(0, 365 * MsPerDay)});
    }
    ++m_changes;
    return std::max(0, count);
}

const SwrSnapshot &SwrRegistry::snapshot(const ImageStore &store)
{
    ensurePushedTags(store);
    if (m_snapshotStoreVersion != store.version() || m_snapshotChanges != m_changes) {
        rebuild(store);
        m_snapshotStoreVersion = store.version();
        m_snapshotChanges = m_changes;
    }
    return m_snapshot;
}

void SwrRegistry::rebuild(const ImageStore &store)
{
    SwrSnapshot snapshot;
    QHash<QString, SwrRepository> repositories;
    QHash<QString, int> tagIndex;
    const auto repositoryFor = [&repositories](const QString &nameSpace, const QString &name,
                                               qint64 createdMs) -> SwrRepository & {
        SwrRepository &repository = repositories[nameSpace + u'/' + name];
        if (repository.name.isEmpty()) {
            repository.nameSpace = nameSpace;
            repository.name = name;
            repository.createdMs = createdMs;
            repository.updatedMs = createdMs;
        }
        repository.createdMs = std::min(repository.createdMs, createdMs);
        repository.updatedMs = std::max(repository.updatedMs, createdMs);
        return repository;
    };
    const auto addTag = [&](const QString &nameSpace, const QString &repository, const QString &tag,
                            qint64 bytes, qint64 createdMs) {
        SwrTag entry{nameSpace, repository, tag, bytes, createdMs, createdMs, {}};
        const QString key = entry.key();
        if (m_deletedTags.contains(key))
            return -1;
        const int existing = tagIndex.value(key, -1);
        if (existing >= 0)
            return existing;
        snapshot.tags.push_back(std::move(entry));
        tagIndex.insert(key, int(snapshot.tags.size() - 1));
        return int(snapshot.tags.size() - 1);
    };

    for (int i = 0; i < store.size(); ++i) {
        const StoredImage &image = store.at(i);
        if (image.builtIn || !image.inSharedSwr)
            continue;
        SwrRepository &repository = repositoryFor(image.nameSpace, image.name, image.createAtMs);
        repository.isPublic = repository.isPublic || !image.isPrivate;
        if (image.swrContentDeleted)
            continue;
        const QString key = image.nameSpace + u'/' + image.name + u':' + image.tag;
        const qint64 bytes = image.sizeKb > 0 ? image.sizeKb * 1024 : bytesWithoutModelArtsSize(key);
        const int index = addTag(image.nameSpace, image.name, image.tag, bytes, image.createAtMs);
        if (index >= 0 && !image.deleted)
            snapshot.tags[size_t(index)].imageIndexes.append(i);
    }
    for (const PushedTag &pushed : m_pushedTags) {
        repositoryFor(pushed.nameSpace, pushed.repository, pushed.createdMs);
        addTag(pushed.nameSpace, pushed.repository, pushed.tag, pushed.bytes, pushed.createdMs);
    }

    QStringList keys = repositories.keys();
    std::sort(keys.begin(), keys.end(), [&repositories](const QString &a, const QString &b) {
        const SwrRepository &left = repositories[a];
        const SwrRepository &right = repositories[b];
        return std::tie(left.nameSpace, left.name) < std::tie(right.nameSpace, right.name);
    });
    snapshot.repositories.reserve(size_t(keys.size()));
    for (const QString &key : keys) {
        snapshot.repositoryIndex.insert(key, int(snapshot.repositories.size()));
        snapshot.repositories.push_back(repositories.value(key));
        const QString &nameSpace = snapshot.repositories.back().nameSpace;
        if (snapshot.namespaces.isEmpty() || snapshot.namespaces.constLast() != nameSpace)
            snapshot.namespaces.append(nameSpace);
    }
    for (int i = 0; i < int(snapshot.tags.size()); ++i) {
        const SwrTag &tag = snapshot.tags[size_t(i)];
        SwrRepository &repository =
            snapshot
                .repositories[size_t(snapshot.repositoryIndex.value(tag.nameSpace + u'/' + tag.repository))];
        repository.tagIndexes.append(i);
        repository.bytes += tag.bytes;
        repository.updatedMs = std::max(repository.updatedMs, tag.updatedMs);
    }
    for (SwrRepository &repository : snapshot.repositories) {
        std::sort(repository.tagIndexes.begin(), repository.tagIndexes.end(), [&snapshot](int a, int b) {
            const SwrTag &left = snapshot.tags[size_t(a)];
            const SwrTag &right = snapshot.tags[size_t(b)];
            if (left.updatedMs != right.updatedMs)
                return left.updatedMs > right.updatedMs;
            return left.tag < right.tag;
        });
    }
    m_snapshot = std::move(snapshot);
}

bool SwrRegistry::deleteTag(const ImageStore &store, const QString &nameSpace, const QString &repository,
                            const QString &tag)
{
    const SwrSnapshot &current = snapshot(store);
    const SwrRepository *entry = current.repository(nameSpace, repository);
    if (!entry)
        return false;
    for (const int index : entry->tagIndexes) {
        if (current.tags[size_t(index)].tag == tag) {
            m_deletedTags.insert(current.tags[size_t(index)].key());
            ++m_changes;
            return true;
        }
    }
    return false;
}

} // namespace mim::sandbox
