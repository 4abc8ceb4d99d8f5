// The words of the delete confirmation, in English, without a widget: DeleteImagesText.

#include "Localization.h"
#include "models/deletion/DeleteImagesText.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image image(const QString &name, const QString &tag, const QString &visibility, qint64 sizeKb)
{
    Image result;
    result.id = u"0d6b1c2a-3e4f-4a5b-8c7d-9e0f1a2b3c4d"_s;
    result.name = name;
    result.tag = tag;
    result.visibility = visibility;
    result.sizeKb = sizeKb;
    result.status = u"ACTIVE"_s;
    return result;
}

QList<Image> images(int count, int privateCount)
{
    QList<Image> result;
    for (int i = 0; i < count; ++i)
        result.append(
            image(u"model-%1"_s.arg(i), u"v1"_s, i < privateCount ? u"PRIVATE"_s : u"PUBLIC"_s, 1024));
    return result;
}

} // namespace

class TestDeleteImagesText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // English with its plural forms ("1 image", "2 images"), as the application installs it.
        QVERIFY(installTranslations(QCoreApplication::instance(),
                                    QLocale(QLocale::English, QLocale::UnitedStates))
                    .endsWith(u"_en.qm"_s));
    }

    void title_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << 1 << u"Delete Image"_s;
        QTest::newRow("several") << 3 << u"Delete Images"_s;
    }
    void title()
    {
        QFETCH(int, count);
        QFETCH(QString, expected);
        QCOMPARE(DeleteImagesText::title(count), expected);
    }

    void headline()
    {
        QCOMPARE(DeleteImagesText::headline({image(u"pytorch"_s, u"2.1"_s, u"PRIVATE"_s, 10)}),
                 u"Delete the image “pytorch:2.1”?"_s);
        QCOMPARE(DeleteImagesText::headline(images(2, 1)), u"Delete 2 images?"_s);
        QCOMPARE(DeleteImagesText::headline(images(25, 0)), u"Delete 25 images?"_s);
        // A line break in the tag cannot add a line of its own to the question.
        QCOMPARE(DeleteImagesText::headline({image(u"x"_s, u"v1\n(dry run)"_s, u"PRIVATE"_s, 10)}),
                 u"Delete the image “x:v1\\n(dry run)”?"_s);
    }

    void messageForOneImage()
    {
        QCOMPARE(
            DeleteImagesText::messageHtml({image(u"a"_s, u"b"_s, u"PRIVATE"_s, 2048)}, SizeUnit::Inference{}),
            u"It is removed from ModelArts (2.0 MB, Private). This cannot be undone."_s);
        QCOMPARE(DeleteImagesText::messageHtml({image(u"a"_s, u"b"_s, u"PUBLIC"_s, 900 * 1024)},
                                               SizeUnit::Inference{}),
                 u"It is removed from ModelArts (900 MB, Public). This cannot be undone."_s);
    }

    void messageForSeveralListsTheFirstNamesEscaped()
    {
        QList<Image> list = images(12, 12);
        list[0].name = u"<b>bold</b>"_s;
        list[1].sizeKb = -5; // unknown: counts as nothing
        const QString html = DeleteImagesText::messageHtml(list, SizeUnit::Inference{});
        QVERIFY2(html.startsWith(
                     u"These images are removed from ModelArts, 11.0 MB in total. This cannot be undone."_s),
                 qPrintable(html));
        QCOMPARE(html.count(u"<li>"_s), DeleteImagesText::MaxListedNames);
        QVERIFY(html.contains(u"<li>&lt;b&gt;bold&lt;/b&gt;:v1</li>"_s));
        QVERIFY(html.contains(u"<li>model-9:v1</li>"_s));
        QVERIFY(!html.contains(u"model-10"_s));
        QVERIFY(html.endsWith(u"<p>and 2 more</p>"_s));

        // Exactly as many as are listed: no "more".
        QVERIFY(
            !DeleteImagesText::messageHtml(images(DeleteImagesText::MaxListedNames, 0), SizeUnit::Inference{})
                 .contains(u"more"_s));

        // The formatter decides how a name is listed; its result is escaped too.
        const QString formatted =
            DeleteImagesText::messageHtml(images(2, 0), SizeUnit::Inference{},
                                          [](const Image &i) -> QString { return i.name.left(5) + u"…&"_s; });
        QCOMPARE(formatted.count(u"<li>model…&amp;</li>"_s), 2);
    }

    void skipped_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << 0 << QString();
        QTest::newRow("one") << 1 << u"1 built-in image skipped: built-in images cannot be deleted."_s;
        QTest::newRow("several") << 4 << u"4 built-in images skipped: built-in images cannot be deleted."_s;
    }
    void skipped()
    {
        QFETCH(int, count);
        QFETCH(QString, expected);
        QCOMPARE(DeleteImagesText::skipped(count), expected);
    }

    void appliesTo_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("privateCount");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one public") << 1 << 0 << u"The image is public: its SWR content is kept."_s;
        QTest::newRow("all public") << 3 << 0
                                    << u"All selected images are public: their SWR content is kept."_s;
        QTest::newRow("one private")
            << 1 << 1 << u"Applies to this private image. Without it, the image stays in SWR."_s;
        QTest::newRow("all private") << 3 << 3 << u"Applies to all 3 selected images (all are private)."_s;
        QTest::newRow("some private")
            << 5 << 2
            << u"Applies to 2 of the 5 selected images (the private ones); public images keep their SWR content."_s;
    }
    void appliesTo()
    {
        QFETCH(int, count);
        QFETCH(int, privateCount);
        QFETCH(QString, expected);
        QCOMPARE(DeleteImagesText::appliesTo(count, privateCount), expected);
    }

    void deleteButton_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("withSwrContent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << 1 << false << u"Delete 1 Image"_s;
        QTest::newRow("several") << 7 << false << u"Delete 7 Images"_s;
        QTest::newRow("one with content") << 1 << true << u"Delete 1 Image and SWR Content"_s;
        QTest::newRow("several with content") << 7 << true << u"Delete 7 Images and SWR Content"_s;
    }
    void deleteButton()
    {
        QFETCH(int, count);
        QFETCH(bool, withSwrContent);
        QFETCH(QString, expected);
        QCOMPARE(DeleteImagesText::deleteButton(count, withSwrContent), expected);
    }

    void forceOption()
    {
        QCOMPARE(DeleteImagesText::forceOption(), u"Also delete the image content from SWR"_s);
        QVERIFY(DeleteImagesText::forceToolTip().contains(u"stays in SWR"_s));
    }

    void imagesInUse()
    {
        const Image used = image(u"llm\u202E"_s, u"v1"_s, u"PRIVATE"_s, 1024);
        const ImageUser notebook{UsageKind::Notebook, u"nb-1"_s, u"llm-dev"_s, u"RUNNING"_s, {}};
        const ImageUser job{UsageKind::TrainingJob, u"job-1"_s, u"tune"_s, u"Running"_s, {}};
        QCOMPARE(DeleteImagesText::inUseHeading(1), u"1 image in use, kept unless you include it:"_s);
        QCOMPARE(DeleteImagesText::inUseHeading(3), u"3 images in use, kept unless you include them:"_s);
        QCOMPARE(DeleteImagesText::inUseLine(used, {notebook}),
                 u"llm\\u{202E}:v1 — used by notebook llm-dev (RUNNING)"_s);
        QCOMPARE(DeleteImagesText::inUseLine(used, {notebook, job}),
                 u"llm\\u{202E}:v1 — used by notebook llm-dev (RUNNING) and 1 more"_s);
        QCOMPARE(DeleteImagesText::moreInUse(4), u"and 4 more in use"_s);
        QCOMPARE(DeleteImagesText::includeInUseOption(1), u"Delete the image in use as well"_s);
        QCOMPARE(DeleteImagesText::includeInUseOption(2), u"Delete the 2 images in use as well"_s);
        QCOMPARE(
            DeleteImagesText::unknownUsageWarning(2, {u"Services could not be listed: why"_s}),
            u"Whether 2 of these images are in use could not be checked; they are deleted if you confirm."
            u"\nServices could not be listed: why"_s);
    }

    void counts()
    {
        QList<Image> list = images(5, 2);
        list[4].sizeKb = -1;
        QCOMPARE(DeleteImagesText::privateCount(list), 2);
        QCOMPARE(DeleteImagesText::totalSizeKb(list), 4 * 1024);
        QCOMPARE(DeleteImagesText::privateCount({}), 0);
        QCOMPARE(DeleteImagesText::totalSizeKb({}), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeleteImagesText)
#include "test_delete_images_text.moc"
