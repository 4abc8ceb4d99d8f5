// The application icon as the app and the desktop see it: the window icon resource compiled into the
// executable, and the committed hicolor PNGs, which must still be renderings of the same SVG.
#include <algorithm>
#include <cstdlib>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppIcon : public QObject
{
    Q_OBJECT

private slots:
    void resourceIsTheInstalledSvg();
    void iconRendersTheTile();
    void committedPngsMatchTheSvg_data();
    void committedPngsMatchTheSvg();

private:
    static QString sourceSvgPath();
    static QImage render(const QIcon &icon, int size);
};

static const QString kResourcePath = u":/icons/app/modelarts-image-manager.svg"_s;

QString TestAppIcon::sourceSvgPath()
{
    return QStringLiteral(MIM_HICOLOR_SOURCE_DIR "/scalable/apps/" MIM_APP_ID ".svg");
}

QImage TestAppIcon::render(const QIcon &icon, int size)
{
    return icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

void TestAppIcon::resourceIsTheInstalledSvg()
{
    QFile resource(kResourcePath);
    QVERIFY2(resource.open(QIODevice::ReadOnly), "the window icon resource is not linked in");
    QFile source(sourceSvgPath());
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.errorString()));
    const QByteArray bytes = resource.readAll();
    QVERIFY(bytes.contains("<svg"));
    QCOMPARE(bytes, source.readAll());
}

void TestAppIcon::iconRendersTheTile()
{
    const QIcon icon(kResourcePath);
    QVERIFY(!icon.isNull());
    const QImage image = render(icon, 256);
    QCOMPARE(image.size(), QSize(256, 256));

    // The rounded tile leaves the corners transparent...
    QCOMPARE(qAlpha(image.pixel(1, 1)), 0);
    // ...and is opaque blue at its left edge, where no layer covers it.
    const QRgb tile = image.pixel(24, 128);
    QCOMPARE(qAlpha(tile), 255);
    QVERIFY2(qBlue(tile) > 150 && qRed(tile) < 100, qPrintable(QString::number(tile, 16)));
    // The top layer is white, the removal badge red.
    const QRgb topLayer = image.pixel(116, 86);
    QVERIFY2(qRed(topLayer) > 230 && qGreen(topLayer) > 230 && qBlue(topLayer) > 230,
             qPrintable(QString::number(topLayer, 16)));
    const QRgb badge = image.pixel(190, 165);
    QVERIFY2(qRed(badge) > 200 && qGreen(badge) < 140 && qBlue(badge) < 140,
             qPrintable(QString::number(badge, 16)));
}

void TestAppIcon::committedPngsMatchTheSvg_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QTest::addRow("%dx%d", size, size) << size;
}

void TestAppIcon::committedPngsMatchTheSvg()
{
    QFETCH(int, size);
    const QString path = QStringLiteral(MIM_HICOLOR_SOURCE_DIR "/%1x%1/apps/" MIM_APP_ID ".png").arg(size);
    const QImage committed = QImage(path).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QVERIFY2(!committed.isNull(), qPrintable(path));
    QCOMPARE(committed.size(), QSize(size, size));

    // The PNGs come from rsvg-convert (packaging/render-icons.sh), whose anti-aliasing differs a little from
    // Qt's, so only clearly different pixels count. Matching PNGs have at most 0.2% of them; a PNG left
    // stale by an edit as small as recolouring the badge has about 6%.
    const QImage rendered = render(QIcon(sourceSvgPath()), size);
    QCOMPARE(rendered.size(), committed.size());
    int differentPixels = 0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const QRgb a = committed.pixel(x, y);
            const QRgb b = rendered.pixel(x, y);
            const int channelDifference =
                std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                          std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b))});
            if (channelDifference > 64)
                ++differentPixels;
        }
    }
    const double differentShare = double(differentPixels) / (size * size);
    QVERIFY2(differentShare < 0.01,
             qPrintable(u"%1% of the pixels differ: run packaging/render-icons.sh"_s.arg(
                 differentShare * 100.0, 0, 'f', 1)));
}

QTEST_MAIN(TestAppIcon)
#include "test_app_icon.moc"
