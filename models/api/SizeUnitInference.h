#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnit.h"
#include "models/api/Swr.h"

#include <QList>
#include <QString>

// Settles the unit of ModelArts' image `size` from evidence: where the SWR tag of an image is known, its size
// is in bytes, so the ratio tag bytes / `size` is about 1,024 if `size` is in KB and about 1 if it is in
// bytes. Enough images agreeing decide; anything less keeps the documented KB (SizeUnit.h) and says why, so
// the details pane can show which unit was used and from what.
namespace mim::SizeUnit {

enum class Unit
{
    Kilobytes, // as the API reference documents
    Bytes,     // as the published examples read
};

// One image compared with its SWR tag.
struct Sample
{
    QString imageId;
    QString imageName;    // "name:tag", for the explanation
    qint64 reported = -1; // the image's `size` as sent
    qint64 tagBytes = -1; // the SWR tag's `size`
};

struct Inference
{
    Unit unit = Unit::Kilobytes;
    bool fromEvidence = false; // false: the documented unit, for want of agreeing evidence
    int compared = 0;          // samples with both sizes above zero
    int readAsKilobytes = 0;   // ratio within Tolerance of 1,024
    int readAsBytes = 0;       // ratio within Tolerance of 1
    QList<Sample> evidence;    // the samples compared

    qint64 bytesPerUnit() const { return unit == Unit::Kilobytes ? BytesPerReportedUnit : 1; }
    // A `size` in bytes under this inference; saturates; negative stays -1.
    qint64 toBytes(qint64 reported) const;
    // Bytes in this unit, rounded down: for thresholds compared with `size`. Negative stays -1.
    qint64 fromBytes(qint64 bytes) const { return bytes < 0 ? -1 : bytes / bytesPerUnit(); }
    // One sentence in the user's language: the unit used and the evidence, or why the documented one stands.
    QString explanation() const;
};

// A ratio counts for a unit when within this factor of it (1,024 or 1); between the two bands it counts for
// neither. Layers compress differently in places, never by a factor of 2 on a whole image.
inline constexpr double Tolerance = 2.0;
// The fewest agreeing samples that decide, and the share of the conclusive ones that must agree.
inline constexpr int MinAgreeing = 3;
inline constexpr double MinAgreement = 0.9;

Inference infer(const QList<Sample> &samples);

// The samples of the images whose tag is among `tags` (same organization, repository and tag). Images of an
// SWR Enterprise instance (`swr_instance_id` set) are left out: their tags live in another API.
QList<Sample> samplesFrom(const QList<Image> &images, const QList<SwrTag> &tags);

} // namespace mim::SizeUnit
