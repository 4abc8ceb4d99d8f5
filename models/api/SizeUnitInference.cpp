#include "models/api/SizeUnitInference.h"

#include <limits>
#include <QCoreApplication>
#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim::SizeUnit {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("mim::SizeUnit", text);
}

bool within(double ratio, double target)
{
    return ratio >= target / Tolerance && ratio <= target * Tolerance;
}

} // namespace

qint64 Inference::toBytes(qint64 reported) const
{
    if (reported < 0)
        return -1;
    const qint64 factor = bytesPerUnit();
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    return reported > max / factor ? max : reported * factor;
}

Inference infer(const QList<Sample> &samples)
{
    Inference result;
    for (const Sample &sample : samples) {
        if (sample.reported <= 0 || sample.tagBytes <= 0)
            continue;
        ++result.compared;
        result.evidence.append(sample);
        const double ratio = double(sample.tagBytes) / double(sample.reported);
        if (within(ratio, 1024.0))
            ++result.readAsKilobytes;
        else if (within(ratio, 1.0))
            ++result.readAsBytes;
    }
    const int conclusive = result.readAsKilobytes + result.readAsBytes;
    const auto decides = [conclusive](int agreeing) {
        return agreeing >= MinAgreeing && double(agreeing) >= MinAgreement * double(conclusive);
    };
    if (decides(result.readAsBytes)) {
        result.unit = Unit::Bytes;
        result.fromEvidence = true;
    } else if (decides(result.readAsKilobytes)) {
        result.unit = Unit::Kilobytes;
        result.fromEvidence = true;
    }
    return result;
}

QString Inference::explanation() const
{
    const QLocale locale;
    if (fromEvidence) {
        const int agreeing = unit == Unit::Bytes ? readAsBytes : readAsKilobytes;
        const QString sentence =
            unit == Unit::Bytes
                ? QCoreApplication::translate("mim::SizeUnit",
                                              "ModelArts' image size is read as bytes: for %1 of %Ln images "
                                              "compared, the size of their SWR tag (in bytes) is about the "
                                              "same number.",
                                              nullptr, compared)
                : QCoreApplication::translate("mim::SizeUnit",
                                              "ModelArts' image size is read as KB, as documented: for %1 of "
                                              "%Ln images compared, the size of their SWR tag (in bytes) is "
                                              "about 1,024 times it.",
                                              nullptr, compared);
        return sentence.arg(locale.toString(agreeing));
    }
    if (compared == 0)
        return translated(QT_TRANSLATE_NOOP("mim::SizeUnit",
                                            "ModelArts' image size is read as KB, as the API documents: no "
                                            "image's SWR tag size is known to compare it with."));
    if (readAsKilobytes + readAsBytes < MinAgreeing)
        return QCoreApplication::translate("mim::SizeUnit",
                                           "ModelArts' image size is read as KB, as the API documents: only "
                                           "%Ln image(s) could be compared with their SWR tag, too few to "
                                           "decide.",
                                           nullptr, readAsKilobytes + readAsBytes);
    return translated(
               QT_TRANSLATE_NOOP("mim::SizeUnit",
                                 "ModelArts' image size is read as KB, as the API documents: the images "
                                 "compared with their SWR tag disagree (%1 read as KB, %2 as bytes)."))
        .arg(locale.toString(readAsKilobytes), locale.toString(readAsBytes));
}

QList<Sample> samplesFrom(const QList<Image> &images, const QList<SwrTag> &tags)
{
    QHash<QString, qint64> tagBytes;
    const auto key = [](const QString &nameSpace, const QString &repository, const QString &tag) -> QString {
        return nameSpace + u'\n' + repository + u'\n' + tag;
    };
    for (const SwrTag &tag : tags)
        tagBytes.insert(key(tag.nameSpace, tag.repository, tag.tag), tag.sizeBytes);
    QList<Sample> samples;
    for (const Image &image : images) {
        if (!image.swrInstanceId.isEmpty())
            continue;
        const auto found = tagBytes.constFind(key(image.nameSpace, image.name, image.tag));
        if (found == tagBytes.constEnd())
            continue;
        samples.append(Sample{image.id, image.nameAndTag(), image.sizeKb, found.value()});
    }
    return samples;
}

} // namespace mim::SizeUnit
