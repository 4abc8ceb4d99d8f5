#include "models/storage/ReportedSizeUnit.h"

#include "models/common/Formatting.h"

namespace mim {

ReportedSizeUnit::ReportedSizeUnit(QObject *parent)
    : QObject(parent)
{}

QString ReportedSizeUnit::humanSize(qint64 reported) const
{
    return Formatting::humanSize(reported, m_inference);
}

void ReportedSizeUnit::setInference(const SizeUnit::Inference &inference)
{
    const bool same = inference.unit == m_inference.unit &&
                      inference.fromEvidence == m_inference.fromEvidence &&
                      inference.compared == m_inference.compared &&
                      inference.readAsKilobytes == m_inference.readAsKilobytes &&
                      inference.readAsBytes == m_inference.readAsBytes;
    m_inference = inference;
    if (!same)
        Q_EMIT changed();
}

void ReportedSizeUnit::reset()
{
    setInference(SizeUnit::Inference{});
}

} // namespace mim
