// ReportedSizeUnit: the account's one unit of ModelArts' `size`. With evidence that `size` is bytes, every
// place that turns it into bytes (table Size column, clean-up size rule, delete dialog texts, freed storage)
// reads it as bytes; without evidence the documented KB; another account starts from KB again.

#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupRules.h"
#include "models/common/Formatting.h"
#include "models/deletion/DeleteImagesText.h"
#include "models/session/AccountSession.h"
#include "models/storage/FreedStorage.h"
#include "models/storage/ReportedSizeUnit.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr qint64 HalfGiB = qint64(512) * 1024 * 1024;

Image image(const QString &id, qint64 size)
{
    Image result;
    result.id = id;
    result.name = u"img-"_s + id;
    result.tag = u"v1"_s;
    result.nameSpace = u"ns"_s;
    result.swrPath = u"swr.cn-north-4.myhuaweicloud.com/ns/img-"_s + id + u":v1"_s;
    result.sizeKb = size;
    result.visibility = u"PRIVATE"_s;
    result.type = u"DEDICATED"_s;
    result.status = u"ACTIVE"_s;
    result.createAtMs = result.updateAtMs = 1'700'000'000'000;
    return result;
}

SizeUnit::Inference readAsBytes()
{
    // What SizeUnit::infer concludes from images whose SWR tags are about as large as their `size`.
    QList<SizeUnit::Sample> samples;
    for (int i = 0; i < 4; ++i)
        samples.append({QString::number(i), u"a:v1"_s, HalfGiB, HalfGiB + 1000});
    return SizeUnit::infer(samples);
}

} // namespace

class TestReportedSizeUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedUnitUntilEvidence()
    {
        ReportedSizeUnit unit;
        QCOMPARE(unit.unit(), SizeUnit::Unit::Kilobytes);
        QCOMPARE(unit.toBytes(2), 2048);
        QCOMPARE(unit.fromBytes(4096), 4);
        QSignalSpy changed(&unit, &ReportedSizeUnit::changed);
        const SizeUnit::Inference bytes = readAsBytes();
        QVERIFY(bytes.fromEvidence);
        unit.setInference(bytes);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(unit.toBytes(HalfGiB), HalfGiB);
        QCOMPARE(unit.humanSize(HalfGiB), Formatting::dataSize(HalfGiB));
        unit.setInference(bytes); // the same again: nothing to repaint
        QCOMPARE(changed.count(), 1);
        unit.reset();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(unit.toBytes(2), 2048);
    }

    void tableSizeColumnFollowsTheUnit()
    {
        ImageTableModel table;
        table.setImages({image(u"a"_s, HalfGiB), image(u"b"_s, 1024)});
        ReportedSizeUnit unit;
        table.setSizeUnit(&unit);
        const int row = table.rowOfId(u"a"_s);
        const QModelIndex size = table.index(row, ImageTableModel::Size);
        // Without evidence, KB as documented: 512 Mi KB is 512 GB.
        QCOMPARE(size.data().toString(), Formatting::dataSize(HalfGiB * 1024));

        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&table, &QAbstractItemModel::layoutChanged);
        unit.setInference(readAsBytes());
        QCOMPARE(size.data().toString(), Formatting::dataSize(HalfGiB));
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(topLeft.column(), int(ImageTableModel::Size));
        QCOMPARE(bottomRight.column(), int(ImageTableModel::Size));
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), table.rowCount() - 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(table.sizeUnit().unit, SizeUnit::Unit::Bytes);
    }

    void cleanupSizeRuleComparesBytes()
    {
        // "Larger than 1 GB": 512 MiB read as bytes is not; the same number read as KB (512 GiB) is.
        CleanupRules rules;
        rules.sizeAboveKb = 1024 * 1024;
        const QList<Image> images{image(u"a"_s, HalfGiB)};
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, QTimeZone::utc());
        QCOMPARE(rules.evaluate(images, now, true, nullptr, SizeUnit::Inference{}).count(), 1);
        const CleanupEvaluation asBytes = rules.evaluate(images, now, true, nullptr, readAsBytes());
        QCOMPARE(asBytes.count(), 0);
        rules.sizeAboveKb = 256 * 1024; // 256 MB
        const CleanupEvaluation above = rules.evaluate(images, now, true, nullptr, readAsBytes());
        QCOMPARE(above.count(), 1);
        QCOMPARE(above.matches.first().imageBytes, HalfGiB);
    }

    void deleteDialogFiguresUseTheUnit()
    {
        // 1 GiB read as bytes is below the deliberate step's 100 GB; read as KB (1 TiB) above it.
        const QList<Image> images{image(u"a"_s, qint64(1) << 30)};
        QVERIFY(DeleteImagesText::needsDeliberateStep(images, SizeUnit::Inference{}));
        QVERIFY(!DeleteImagesText::needsDeliberateStep(images, readAsBytes()));
        QVERIFY(DeleteImagesText::messageHtml(images, readAsBytes())
                    .contains(Formatting::dataSize(qint64(1) << 30)));
        QVERIFY(DeleteImagesText::deliberateStepOption(images, readAsBytes())
                    .contains(Formatting::dataSize(qint64(1) << 30)));

        // The freed-storage fallback (no inventory): ModelArts' size, in the account's unit.
        QCOMPARE(FreedStorage::of(images, true, nullptr, readAsBytes()).bytes, qint64(1) << 30);
        QCOMPARE(FreedStorage::of(images, true, nullptr, SizeUnit::Inference{}).bytes, qint64(1) << 40);
        QVERIFY(DeleteImagesText::storageFreed(images, true, nullptr, readAsBytes())
                    .contains(Formatting::dataSize(qint64(1) << 30)));
    }

    void anotherAccountStartsFromTheDocumentedUnit()
    {
        QNetworkAccessManager network;
        ImageTableModel table;
        table.setImages({image(u"a"_s, HalfGiB)});
        AccountSession session(&network, &table, QString());
        QVERIFY(session.sizeUnit());
        QCOMPARE(table.sizeUnit().unit, SizeUnit::Unit::Kilobytes);
        session.sizeUnit()->setInference(readAsBytes());
        QCOMPARE(table.index(0, ImageTableModel::Size).data().toString(), Formatting::dataSize(HalfGiB));
        session.close();
        QCOMPARE(session.sizeUnit()->unit(), SizeUnit::Unit::Kilobytes);
        QVERIFY(!session.sizeUnit()->inference().fromEvidence);
        QCOMPARE(table.index(0, ImageTableModel::Size).data().toString(),
                 Formatting::dataSize(HalfGiB * 1024));
    }
};

QTEST_GUILESS_MAIN(TestReportedSizeUnit)
#include "test_reported_size_unit.moc"
