#pragma once

#include "models/api/SizeUnitInference.h"

#include <QObject>
#include <QString>

namespace mim {

// The unit the open account's ModelArts `size` is read in, owned once per account (AccountSession) and
// handed to everything that turns `size` into bytes: the table's Size column, the details pane, the status
// bar totals, the delete and clean-up dialogs, the freed-storage fallback. One inference for all of them, so
// that a displayed size, a total and a threshold can never be read in different units.
//
// Until evidence decides (the SWR inventory compares `size` with the tag sizes, SizeUnit::infer), the
// documented KB stands; another account starts from it again (reset()).
class ReportedSizeUnit : public QObject
{
    Q_OBJECT
public:
    explicit ReportedSizeUnit(QObject *parent = nullptr);

    const SizeUnit::Inference &inference() const { return m_inference; }
    SizeUnit::Unit unit() const { return m_inference.unit; }
    // A `size` as sent, in bytes; saturates; negative (unknown) stays -1.
    qint64 toBytes(qint64 reported) const { return m_inference.toBytes(reported); }
    // Bytes in the unit of `size`, rounded down: for thresholds compared with it. Negative stays -1.
    qint64 fromBytes(qint64 bytes) const { return m_inference.fromBytes(bytes); }
    // A `size` in the locale's words (Formatting::dataSize of toBytes()).
    QString humanSize(qint64 reported) const;

    // The inference of a finished SWR inventory; changed() follows when the unit or its explanation differs.
    void setInference(const SizeUnit::Inference &inference);
    // The documented unit without evidence (another account was opened, or none is).
    void reset();

Q_SIGNALS:
    void changed();

private:
    SizeUnit::Inference m_inference;
};

} // namespace mim
