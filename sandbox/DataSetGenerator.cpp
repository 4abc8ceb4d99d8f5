#include "DataSetGenerator.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

constexpr qint64 MsPerMinute = 60 * 1000;
constexpr qint64 MsPerHour = 60 * MsPerMinute;
constexpr qint64 MsPerDay = 24 * MsPerHour;
// 2025-06-11T00:00:00Z: the generated data sets are dated up to about a month after this.
constexpr qint64 BaseEpochMs = 1749600000000LL;

const QStringList &dedicatedNamespacePool()
{
    static const QStringList pool{u"ai-platform"_s, u"cv-lab"_s,  u"nlp-research"_s, u"mlops"_s,
                                  u"speech-team"_s, u"recsys"_s,  u"autodrive"_s,    u"data-science"_s,
                                  u"llm-infra"_s,   u"edge-ai"_s, u"ascend-dev"_s,   u"devenv-users"_s};
    return pool;
}

const QStringList &dedicatedNamePool()
{
    static const QStringList pool{
        u"pytorch-train"_s,   u"mindspore-infer"_s, u"tf-serving"_s,        u"pytorch-notebook"_s,
        u"mindspore-train"_s, u"tensorflow-gpu"_s,  u"cann-toolkit"_s,      u"llama-finetune"_s,
        u"yolo-detect"_s,     u"bert-serving"_s,    u"stable-diffusion"_s,  u"whisper-asr"_s,
        u"paddle-ocr"_s,      u"xgboost-batch"_s,   u"ray-worker"_s,        u"jupyter-base"_s,
        u"vllm-serving"_s,    u"deepspeed-train"_s, u"onnx-runtime"_s,      u"triton-infer"_s,
        u"qwen-sft"_s,        u"resnet50-bench"_s,  u"mmdet-train"_s,       u"sklearn-notebook"_s,
        u"rl-gym"_s,          u"pangu-finetune"_s,  u"opencv-preprocess"_s, u"spark-etl"_s};
    return pool;
}

struct BuiltInKind
{
    QString name;
    QString showName;
    QString showTag;
    bool aarch64;
};

const QList<BuiltInKind> &builtInPool()
{
    static const QList<BuiltInKind> pool{
        {u"pytorch_2.1.0-cuda_12.1-py_3.10-ubuntu_22.04-x86_64"_s, u"PyTorch 2.1.0"_s,
         u"CUDA 12.1 | Python 3.10"_s, false},
        {u"mindspore_2.3.0-cann_8.0.rc1-py_3.9-euler_2.10.7-aarch64"_s, u"MindSpore 2.3.0"_s,
         u"CANN 8.0.RC1 | Python 3.9"_s, true},
        {u"tensorflow_2.13.0-cuda_11.8-py_3.9-ubuntu_20.04-x86_64"_s, u"TensorFlow 2.13.0"_s,
         u"CUDA 11.8 | Python 3.9"_s, false},
        {u"pytorch_1.11.0-cann_6.3.rc2-py_3.7-euler_2.8.3-aarch64"_s, u"PyTorch 1.11.0 Ascend"_s,
         u"CANN 6.3.RC2 | Python 3.7"_s, true},
        {u"mindspore_2.2.0-cuda_11.6-py_3.9-ubuntu_20.04-x86_64"_s, u"MindSpore 2.2.0 GPU"_s,
         u"CUDA 11.6 | Python 3.9"_s, false},
        {u"notebook2.0-mul-kernel-cpu-cp36"_s, u"Multi-kernel CPU"_s, u"Python 3.6"_s, false},
        {u"conda3-cuda11.1-ubuntu18.04"_s, u"Conda3 CUDA 11.1"_s, u"Ubuntu 18.04"_s, false},
    };
    return pool;
}

const QStringList &descriptionPool()
{
    static const QStringList pool{
        QString(),
        QString(),
        u"Training image with PyTorch 2.1 and CUDA 12.1"_s,
        u"Inference runtime for the recommendation model"_s,
        u"Notebook environment with JupyterLab extensions"_s,
        u"Saved from notebook before upgrading dependencies"_s,
        u"Custom image with OpenCV and ffmpeg"_s,
        u"Base image for batch jobs"_s,
        u"Do not delete: used by the nightly pipeline"_s,
        u"Experimental build, safe to remove"_s,
        u"训练镜像，包含 PyTorch 2.1 和 CUDA 12.1"_s,
        u"推理镜像（MindSpore Lite）"_s,
        u"从开发环境保存的镜像"_s,
        u"语音识别模型的部署镜像"_s,
        u"测试用镜像，可以删除"_s,
        u"昇腾 910B 训练环境"_s,
        u"包含常用数据处理工具的基础镜像"_s,
    };
    return pool;
}

QString statusMessageFor(const QString &status, DeterministicRandom &random)
{
    static const QStringList failed{
        u"Failed to save the image: the image size exceeds 35 GB."_s,
        u"Failed to push the image to SWR: the SWR storage quota is used up."_s,
        u"Failed to commit the container: the notebook was stopped while the image was being saved."_s};
    static const QStringList error{u"The image does not exist in SWR. It may have been deleted from SWR."_s,
                                   u"Failed to synchronize the image status from SWR."_s};
    static const QStringList creating{u"Saving the container as an image: committing layers."_s,
                                      u"Pushing the image to SWR."_s};
    if (status == u"CREATE_FAILED")
        return random.pick(failed);
    if (status == u"ERROR")
        return random.pick(error);
    if (status == u"CREATING")
        return random.pick(creating);
    if (status == u"INIT")
        return u"Waiting for the image saving task to start."_s;
    return QString();
}

qint64 randomSizeKb(DeterministicRandom &random)
{
    // Mostly a few GB, a long tail up to ~30 GB. Integers only, so every platform gets the same bytes.
    const quint64 bucket = random.bounded(100);
    qint64 megabytes = 0;
    if (bucket < 40)
        megabytes = random.between(300, 4 * 1024);
    else if (bucket < 80)
        megabytes = random.between(4 * 1024, 12 * 1024);
    else if (bucket < 95)
        megabytes = random.between(12 * 1024, 20 * 1024);
    else
        megabytes = random.between(20 * 1024, 30 * 1024);
    return megabytes * 1024 + random.between(0, 1023);
}

QStringList resourceCategoriesFor(bool aarch64, DeterministicRandom &random)
{
    if (aarch64)
        return random.chance(0.6) ? QStringList{u"ASCEND"_s} : QStringList{u"CPU"_s, u"ASCEND"_s};
    const quint64 roll = random.bounded(10);
    if (roll < 7)
        return {u"CPU"_s, u"GPU"_s};
    return roll < 9 ? QStringList{u"CPU"_s} : QStringList{u"GPU"_s};
}

} // namespace

QString DataSetGenerator::swrPath(const QString &regionId, const QString &nameSpace, const QString &name,
                                  const QString &tag)
{
    return u"swr."_s + regionId + u".myhuaweicloud.com/"_s + nameSpace + u'/' + name + u':' + tag;
}

DataSetGenerator::DataSetGenerator(quint32 seed, const QString &regionId)
    : m_random(quint64(seed) * 0x2545F4914F6CDD1DULL + 0x1234567ULL)
    , m_regionId(regionId)
    , m_baseEpochMs(BaseEpochMs + qint64(seed % 720) * MsPerHour)
{
    QStringList pool = dedicatedNamespacePool();
    const int namespaceCount = int(5 + m_random.bounded(6));
    while (m_namespaces.size() < namespaceCount)
        m_namespaces.append(pool.takeAt(qsizetype(m_random.bounded(quint64(pool.size())))));
    for (int i = 0; i < 3; ++i)
        m_workspaces.append(m_random.hex(32));
}

ImageRecord DataSetGenerator::next()
{
    return m_random.chance(0.05) ? makeBuiltIn() : makeDedicated();
}

QString DataSetGenerator::uniqueTag(const QString &groupKey, qint64 createAtMs)
{
    const quint64 roll = m_random.bounded(100);
    QString tag;
    if (roll < 45) {
        tag = u"v%1.%2.%3"_s.arg(m_random.between(1, 3))
                  .arg(m_random.between(0, 12))
                  .arg(m_random.between(0, 30));
    } else if (roll < 80) {
        const QDate day = QDateTime::fromMSecsSinceEpoch(createAtMs, Qt::UTC).date();
        tag = day.toString(u"yyyyMMdd"_s) + u'-' + m_random.hex(6);
    } else if (roll < 90) {
        tag = u"py3%1-cu1%2-%3"_s.arg(m_random.between(8, 11))
                  .arg(m_random.pick(QList<int>{11, 18, 21}))
                  .arg(m_random.between(1, 40));
    } else if (roll < 95) {
        tag = u"latest"_s;
    } else {
        tag = u"dev-"_s + m_random.hex(4);
    }
    // Bounded: after a few collisions fall back to a tag that is unique in practice.
    bool claimed = claimTag(groupKey, tag);
    for (int attempt = 0; attempt < 4 && !claimed; ++attempt) {
        tag += u'-' + m_random.hex(2);
        claimed = claimTag(groupKey, tag);
    }
    if (!claimed) {
        tag = u"build-"_s + m_random.hex(12);
        claimTag(groupKey, tag);
    }
    return tag;
}

bool DataSetGenerator::claimTag(const QString &groupKey, const QString &tag)
{
    // FNV-1a: the same value on every platform and run, unlike qHash.
    quint64 hash = 0xCBF29CE484222325ULL;
    const auto mix = [&hash](const QString &text) {
        for (const QChar c : text) {
            hash ^= c.unicode();
            hash *= 0x100000001B3ULL;
        }
    };
    mix(groupKey);
    hash ^= u':';
    hash *= 0x100000001B3ULL;
    mix(tag);
    if (m_usedNameTags.contains(hash))
        return false;
    m_usedNameTags.insert(hash);
    return true;
}

void DataSetGenerator::fillCommon(Image &image)
{
    image.id = m_random.uuid().toString(QUuid::WithoutBraces);
    image.createAtMs = m_baseEpochMs - qint64(m_random.bounded(quint64(730 * MsPerDay)));
    const qint64 age = m_baseEpochMs - image.createAtMs;
    if (m_random.chance(0.7))
        image.updateAtMs = image.createAtMs + m_random.between(10 * MsPerMinute, 2 * MsPerHour);
    else
        image.updateAtMs = image.createAtMs + m_random.between(0, std::min(age, 180 * MsPerDay));
    image.updateAtMs = std::min(image.updateAtMs, m_baseEpochMs);
}

ImageRecord DataSetGenerator::makeBuiltIn()
{
    ImageRecord record;
    Image &image = record.image;
    fillCommon(image);
    const BuiltInKind &kind = m_random.pick(builtInPool());
    image.name = kind.name;
    image.nameSpace = m_random.chance(0.5) ? u"atelier"_s : u"modelarts-preset"_s;
    const QDate day = QDateTime::fromMSecsSinceEpoch(image.createAtMs, Qt::UTC).date();
    image.tag = day.toString(u"yyyyMMdd"_s) + QString::number(m_random.between(100000, 235959)) + u'-' +
                m_random.hex(7);
    image.swrPath = swrPath(m_regionId, image.nameSpace, image.name, image.tag);
    image.type = u"BUILD_IN"_s;
    image.origin = u"CUSTOMIZE"_s;
    image.status = u"ACTIVE"_s;
    image.visibility = u"PUBLIC"_s;
    image.arch = kind.aarch64 ? u"AARCH64"_s : u"X86_64"_s;
    if (m_random.chance(0.15))
        image.arch = image.arch.toLower();
    image.sizeKb = randomSizeKb(m_random);
    image.description = m_random.chance(0.5) ? u"ModelArts 预置镜像："_s + kind.showName
                                             : u"ModelArts preset image: "_s + kind.showName;
    image.devServices = {u"NOTEBOOK"_s, u"SSH"_s};
    image.resourceCategories = resourceCategoriesFor(kind.aarch64, m_random);
    image.supportResCategories = image.resourceCategories;
    image.serviceType = m_random.chance(0.7) ? u"DEV"_s : u"COMMON"_s;
    image.workspaceId = u"0"_s;
    if (kind.aarch64)
        image.flavorType = m_random.chance(0.5) ? u"ASCEND_SNT9B"_s : u"ASCEND_SNT9"_s;
    image.showName = kind.showName;
    image.showTag = kind.showTag;
    return record;
}

ImageRecord DataSetGenerator::makeDedicated()
{
    ImageRecord record;
    Image &image = record.image;
    fillCommon(image);
    image.nameSpace = m_random.pick(m_namespaces);
    image.name = m_random.pick(dedicatedNamePool());
    image.tag = uniqueTag(image.nameSpace + u'/' + image.name, image.createAtMs);
    image.swrPath = swrPath(m_regionId, image.nameSpace, image.name, image.tag);
    image.type = u"DEDICATED"_s;

    const quint64 statusRoll = m_random.bounded(100);
    if (statusRoll < 85)
        image.status = u"ACTIVE"_s;
    else if (statusRoll < 90)
        image.status = u"CREATE_FAILED"_s;
    else if (statusRoll < 93)
        image.status = u"ERROR"_s;
    else if (statusRoll < 96)
        image.status = u"INIT"_s;
    else
        image.status = u"CREATING"_s;
    image.statusMessage = statusMessageFor(image.status, m_random);
    const bool saving = image.status == u"INIT" || image.status == u"CREATING";
    image.origin = (saving || m_random.chance(0.6)) ? u"IMAGE_SAVE"_s : u"CUSTOMIZE"_s;
    image.visibility = m_random.chance(0.9) ? u"PRIVATE"_s : u"PUBLIC"_s;

    const bool aarch64 = m_random.chance(0.3);
    image.arch = aarch64 ? u"AARCH64"_s : u"X86_64"_s;
    if (m_random.chance(0.15))
        image.arch = image.arch.toLower();
    image.sizeKb = saving ? 0 : randomSizeKb(m_random);
    image.description = m_random.pick(descriptionPool());

    const quint64 servicesRoll = m_random.bounded(100);
    if (servicesRoll < 80)
        image.devServices = {u"NOTEBOOK"_s, u"SSH"_s};
    else if (servicesRoll < 95)
        image.devServices = {u"NOTEBOOK"_s};
    else
        image.devServices = {u"NOTEBOOK"_s, u"SSH"_s, u"AI_FLOW"_s};
    image.resourceCategories = resourceCategoriesFor(aarch64, m_random);
    image.supportResCategories = image.resourceCategories;

    const quint64 serviceRoll = m_random.bounded(100);
    if (serviceRoll < 45)
        image.serviceType = u"DEV"_s;
    else if (serviceRoll < 65)
        image.serviceType = u"TRAIN"_s;
    else if (serviceRoll < 80)
        image.serviceType = u"INFERENCE"_s;
    else if (serviceRoll < 92)
        image.serviceType = u"COMMON"_s;
    else
        image.serviceType = u"UNKNOWN"_s;
    image.workspaceId = m_random.chance(0.88) ? u"0"_s : m_random.pick(m_workspaces);
    if (aarch64 && image.resourceCategories.contains(u"ASCEND"_s))
        image.flavorType = m_random.pick(QStringList{u"ASCEND_SNT9B"_s, u"ASCEND_SNT9"_s, u"ASCEND_SNT3"_s});
    if (m_random.chance(0.2)) {
        image.tags.append(ImageTag{u"team"_s, image.nameSpace});
        if (m_random.chance(0.5))
            image.tags.append(ImageTag{u"env"_s, m_random.chance(0.5) ? u"prod"_s : u"dev"_s});
    }
    if (image.status == u"ACTIVE" && m_random.chance(0.035))
        record.inUseBy = u"notebook-"_s + m_random.hex(8);
    return record;
}

QList<ImageRecord> DataSetGenerator::demoSet(const QDateTime &now, const QString &regionId,
                                             QList<SettlingImage> *settling)
{
    // Fixed choices, dated relative to now: every run of the demo shows the same catalogue.
    DeterministicRandom random(20250611);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QList<ImageRecord> records;

    struct Spec
    {
        const char16_t *nameSpace;
        const char16_t *name;
        const char16_t *tag;
        const char16_t *status;
        bool aarch64;
        bool isPublic;
        double ageDays;
        int sizeMb;
        const char16_t *description;
        const char16_t *inUseBy;
    };
    static const Spec specs[] = {
        // Several versions of the same names.
        {u"cv-lab", u"pytorch-train", u"v1.0.0", u"ACTIVE", false, false, 540, 9800,
         u"Training image with PyTorch 1.13 and CUDA 11.7", nullptr},
        {u"cv-lab", u"pytorch-train", u"v1.1.0", u"ACTIVE", false, false, 420, 10450,
         u"Training image with PyTorch 2.0 and CUDA 11.8", nullptr},
        {u"cv-lab", u"pytorch-train", u"v1.2.0", u"ACTIVE", false, false, 300, 11200,
         u"训练镜像，包含 PyTorch 2.1 和 CUDA 12.1", u"notebook-cv-train-01"},
        {u"cv-lab", u"pytorch-train", u"v1.2.1", u"ACTIVE", false, false, 200, 11320,
         u"Adds OpenCV 4.9 and albumentations", nullptr},
        {u"cv-lab", u"pytorch-train", u"v1.3.0", u"CREATE_FAILED", false, false, 12, 0,
         u"Upgrade to PyTorch 2.3", nullptr},
        {u"cv-lab", u"pytorch-train", u"latest", u"ACTIVE", false, false, 3, 11900, u"最新训练环境", nullptr},
        {u"cv-lab", u"yolo-detect", u"20240311-4be1c0", u"ACTIVE", false, true, 470, 6100,
         u"YOLOv8 detection, shared with the whole account", nullptr},
        {u"cv-lab", u"yolo-detect", u"20240902-91fa3d", u"ACTIVE", false, true, 300, 6480,
         u"YOLOv8 + TensorRT export", nullptr},
        {u"cv-lab", u"yolo-detect", u"20250120-c03e77", u"ACTIVE", false, false, 150, 7020,
         u"目标检测推理镜像", nullptr},
        {u"cv-lab", u"stable-diffusion", u"v2.1", u"ACTIVE", false, false, 260, 24800,
         u"Stable Diffusion 2.1 with xformers", nullptr},
        {u"cv-lab", u"stable-diffusion", u"sdxl-1.0", u"ACTIVE", false, false, 90, 29700,
         u"SDXL 1.0, large image", nullptr},
        {u"nlp-research", u"mindspore-infer", u"v2.2.0", u"ACTIVE", true, false, 380, 8200,
         u"推理镜像（MindSpore Lite）", nullptr},
        {u"nlp-research", u"mindspore-infer", u"v2.3.0", u"ACTIVE", true, false, 160, 8750,
         u"推理镜像（MindSpore 2.3, CANN 8.0）", u"notebook-ms-serving"},
        {u"nlp-research", u"mindspore-infer", u"v2.3.1", u"ERROR", true, false, 40, 8760,
         u"The SWR repository was cleaned up by hand", nullptr},
        {u"nlp-research", u"mindspore-train", u"v2.3.0", u"ACTIVE", true, false, 170, 14300,
         u"昇腾 910B 训练环境", nullptr},
        {u"nlp-research", u"mindspore-train", u"v2.4.0", u"ACTIVE", true, false, 30, 15100,
         u"昇腾 910B 训练环境，新增 MindFormers", nullptr},
        {u"nlp-research", u"llama-finetune", u"20241105-77aa10", u"ACTIVE", false, false, 220, 21800,
         u"LLaMA 2 fine-tuning with DeepSpeed ZeRO-3", nullptr},
        {u"nlp-research", u"llama-finetune", u"20250301-0d9e42", u"ACTIVE", false, false, 100, 23500,
         u"LLaMA 3 fine-tuning", nullptr},
        {u"nlp-research", u"llama-finetune", u"20250530-e1f203", u"CREATE_FAILED", false, false, 20, 0,
         u"镜像超过 35 GB，保存失败", nullptr},
        {u"nlp-research", u"qwen-sft", u"v0.1.0", u"ACTIVE", true, false, 60, 18800, u"Qwen SFT on Ascend",
         nullptr},
        {u"nlp-research", u"bert-serving", u"v1.0.3", u"ACTIVE", false, true, 610, 3100,
         u"BERT base serving, public for the team", nullptr},
        {u"nlp-research", u"bert-serving", u"v1.0.4", u"ACTIVE", false, false, 500, 3150, u"", nullptr},
        {u"speech-team", u"whisper-asr", u"v3.0", u"ACTIVE", false, false, 330, 7400,
         u"语音识别模型的部署镜像", nullptr},
        {u"speech-team", u"whisper-asr", u"v3.1", u"ACTIVE", false, false, 75, 7600, u"Whisper large-v3",
         u"notebook-asr-dev"},
        {u"speech-team", u"whisper-asr", u"v3.2-rc1", u"INIT", false, false, 0.02, 0,
         u"Saving from notebook-asr-dev", nullptr},
        {u"speech-team", u"tts-train", u"20240620-aa01bc", u"ACTIVE", true, false, 360, 12100,
         u"TTS training on Ascend", nullptr},
        {u"mlops", u"tf-serving", u"2.13.0", u"ACTIVE", false, true, 700, 2300, u"TensorFlow Serving 2.13",
         nullptr},
        {u"mlops", u"tf-serving", u"2.14.1", u"ACTIVE", false, true, 420, 2350, u"TensorFlow Serving 2.14",
         nullptr},
        {u"mlops", u"tf-serving", u"2.15.0", u"ACTIVE", false, false, 180, 2410, u"", nullptr},
        {u"mlops", u"triton-infer", u"24.01-py3", u"ACTIVE", false, false, 400, 16400, u"NVIDIA Triton 24.01",
         nullptr},
        {u"mlops", u"triton-infer", u"24.05-py3", u"ACTIVE", false, false, 210, 17200, u"NVIDIA Triton 24.05",
         nullptr},
        {u"mlops", u"onnx-runtime", u"1.17.0", u"ACTIVE", true, false, 190, 1900,
         u"ONNX Runtime for ARM servers", nullptr},
        {u"mlops", u"jupyter-base", u"latest", u"ACTIVE", false, false, 45, 1400,
         u"包含常用数据处理工具的基础镜像", nullptr},
        {u"mlops", u"spark-etl", u"3.5.0", u"ERROR", false, false, 250, 5200,
         u"Status out of sync after SWR migration", nullptr},
        {u"data-science", u"sklearn-notebook", u"v1", u"ACTIVE", false, false, 680, 980,
         u"scikit-learn notebook", nullptr},
        {u"data-science", u"sklearn-notebook", u"v2", u"ACTIVE", false, false, 320, 1050,
         u"scikit-learn 1.4 + pandas 2.2", nullptr},
        {u"data-science", u"xgboost-batch", u"20240101-5e5e5e", u"ACTIVE", false, false, 530, 2600,
         u"Experimental build, safe to remove", nullptr},
        {u"data-science", u"xgboost-batch", u"20240115-6f6f6f", u"CREATE_FAILED", false, false, 516, 0,
         u"Failed: notebook stopped while saving", nullptr},
        {u"data-science", u"ray-worker", u"2.9.0", u"ACTIVE", false, false, 240, 4300, u"Ray 2.9 worker",
         nullptr},
        {u"data-science", u"ray-worker", u"2.10.0", u"ACTIVE", true, false, 130, 4100,
         u"Ray 2.10 worker for Kunpeng", nullptr},
        {u"edge-ai", u"paddle-ocr", u"v2.7", u"ACTIVE", true, false, 290, 3500, u"OCR 推理，鲲鹏服务器",
         nullptr},
        {u"edge-ai", u"paddle-ocr", u"v2.8", u"ACTIVE", true, false, 110, 3650, u"测试用镜像，可以删除",
         nullptr},
        {u"edge-ai", u"resnet50-bench", u"fp16", u"ACTIVE", true, false, 95, 2200, u"Benchmark image",
         nullptr},
        {u"edge-ai", u"resnet50-bench", u"int8", u"ACTIVE", true, false, 94, 2150,
         u"Benchmark image (quantized)", nullptr},
        {u"llm-infra", u"vllm-serving", u"0.4.2", u"ACTIVE", false, false, 140, 19800, u"vLLM 0.4.2",
         nullptr},
        {u"llm-infra", u"vllm-serving", u"0.5.0", u"ACTIVE", false, false, 70, 20500, u"vLLM 0.5.0",
         u"notebook-llm-bench"},
        {u"llm-infra", u"vllm-serving", u"0.6.0", u"CREATING", false, false, 0.01, 0,
         u"Saving from notebook-llm-bench", nullptr},
        {u"llm-infra", u"deepspeed-train", u"0.14.0", u"ACTIVE", false, false, 160, 22400, u"DeepSpeed 0.14",
         nullptr},
        {u"llm-infra", u"deepspeed-train", u"0.15.0", u"CREATING", false, false, 0.01, 0,
         u"从开发环境保存的镜像", nullptr},
        {u"llm-infra", u"pangu-finetune", u"v1.0.0", u"ACTIVE", true, false, 85, 27300, u"盘古大模型微调环境",
         nullptr},
    };

    for (const Spec &spec : specs) {
        ImageRecord record;
        Image &image = record.image;
        image.id = random.uuid().toString(QUuid::WithoutBraces);
        image.nameSpace = QString::fromUtf16(spec.nameSpace);
        image.name = QString::fromUtf16(spec.name);
        image.tag = QString::fromUtf16(spec.tag);
        image.swrPath = swrPath(regionId, image.nameSpace, image.name, image.tag);
        image.type = u"DEDICATED"_s;
        image.status = QString::fromUtf16(spec.status);
        image.statusMessage = statusMessageFor(image.status, random);
        const bool saving = image.status == u"INIT" || image.status == u"CREATING";
        image.origin = saving || random.chance(0.6) ? u"IMAGE_SAVE"_s : u"CUSTOMIZE"_s;
        image.visibility = spec.isPublic ? u"PUBLIC"_s : u"PRIVATE"_s;
        image.arch = spec.aarch64 ? u"AARCH64"_s : u"X86_64"_s;
        if (random.chance(0.2))
            image.arch = image.arch.toLower();
        image.sizeKb = qint64(spec.sizeMb) * 1024 + (spec.sizeMb > 0 ? random.between(0, 1023) : 0);
        image.createAtMs = nowMs - qint64(spec.ageDays * double(MsPerDay));
        image.updateAtMs = saving ? nowMs - random.between(5000, 60000)
                                  : image.createAtMs + random.between(5 * MsPerMinute, 90 * MsPerMinute);
        image.updateAtMs = std::min(image.updateAtMs, nowMs);
        image.createAtMs = std::min(image.createAtMs, image.updateAtMs);
        image.description = QString::fromUtf16(spec.description);
        image.devServices = {u"NOTEBOOK"_s, u"SSH"_s};
        image.resourceCategories = spec.aarch64 ? QStringList{u"ASCEND"_s} : QStringList{u"CPU"_s, u"GPU"_s};
        image.supportResCategories = image.resourceCategories;
        image.serviceType = image.name.contains(u"serving"_s) || image.name.contains(u"infer"_s)
                                ? u"INFERENCE"_s
                            : image.name.contains(u"train"_s) ? u"TRAIN"_s
                                                              : u"DEV"_s;
        image.workspaceId = u"0"_s;
        if (spec.aarch64)
            image.flavorType = u"ASCEND_SNT9B"_s;
        if (image.nameSpace == u"llm-infra")
            image.tags = {ImageTag{u"team"_s, u"llm"_s}, ImageTag{u"cost-center"_s, u"rd-042"_s}};
        if (spec.inUseBy)
            record.inUseBy = QString::fromUtf16(spec.inUseBy);
        if (image.status == u"CREATING" && settling) {
            record.settleScheduled = true;
            const bool succeeds = image.name == u"vllm-serving";
            settling->append(SettlingImage{
                image.id, succeeds ? u"ACTIVE"_s : u"CREATE_FAILED"_s,
                succeeds ? QString() : u"Failed to save the image: the image size exceeds 35 GB."_s,
                succeeds ? 20800 * 1024 + 512 : 0});
        }
        records.append(record);
    }

    // Built-in images: listed only with type=BUILD_IN, never deletable.
    for (int i = 0; i < 5; ++i) {
        const BuiltInKind &kind = builtInPool().at(i);
        ImageRecord record;
        Image &image = record.image;
        image.id = random.uuid().toString(QUuid::WithoutBraces);
        image.nameSpace = i % 2 ? u"modelarts-preset"_s : u"atelier"_s;
        image.name = kind.name;
        image.tag = u"20240612153046-"_s + random.hex(7);
        image.swrPath = swrPath(regionId, image.nameSpace, image.name, image.tag);
        image.type = u"BUILD_IN"_s;
        image.origin = u"CUSTOMIZE"_s;
        image.status = u"ACTIVE"_s;
        image.visibility = u"PUBLIC"_s;
        image.arch = kind.aarch64 ? u"aarch64"_s : u"x86_64"_s;
        image.sizeKb = randomSizeKb(random);
        image.createAtMs = nowMs - (400 - i * 60) * MsPerDay;
        image.updateAtMs = image.createAtMs + 2 * MsPerHour;
        image.description = u"ModelArts 预置镜像："_s + kind.showName;
        image.devServices = {u"NOTEBOOK"_s, u"SSH"_s};
        image.resourceCategories = kind.aarch64 ? QStringList{u"ASCEND"_s} : QStringList{u"CPU"_s, u"GPU"_s};
        image.supportResCategories = image.resourceCategories;
        image.serviceType = u"COMMON"_s;
        image.workspaceId = u"0"_s;
        image.showName = kind.showName;
        image.showTag = kind.showTag;
        records.append(record);
    }

    // Two more workspaces, so that the workspace column, facet and listing have something to show.
    const QString workspace = QLatin1String(DemoWorkspaceId);
    for (int i = 0; i < 5; ++i) {
        ImageRecord record;
        Image &image = record.image;
        image.id = random.uuid().toString(QUuid::WithoutBraces);
        image.nameSpace = u"autodrive"_s;
        image.name = u"bev-perception"_s;
        image.tag = u"v0.%1.0"_s.arg(i + 1);
        image.swrPath = swrPath(regionId, image.nameSpace, image.name, image.tag);
        image.type = u"DEDICATED"_s;
        image.origin = u"IMAGE_SAVE"_s;
        image.status = u"ACTIVE"_s;
        image.visibility = u"PRIVATE"_s;
        image.arch = u"X86_64"_s;
        image.sizeKb = randomSizeKb(random);
        image.createAtMs = nowMs - (200 - i * 35) * MsPerDay;
        image.updateAtMs = image.createAtMs + 30 * MsPerMinute;
        image.description = u"自动驾驶感知模型（工作空间 autodrive）"_s;
        image.devServices = {u"NOTEBOOK"_s, u"SSH"_s};
        image.resourceCategories = {u"CPU"_s, u"GPU"_s};
        image.supportResCategories = image.resourceCategories;
        image.serviceType = u"TRAIN"_s;
        image.workspaceId = i < 3 ? workspace : QLatin1String(DemoStagingWorkspaceId);
        records.append(record);
    }
    return records;
}

} // namespace mim::sandbox
