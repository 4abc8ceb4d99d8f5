// Exporting images: CSV per RFC 4180 (quoting, line breaks, Chinese, formulas), JSON with the API's field
// names, the rows in view order with only the visible columns, and atomic writes.

#include "models/catalog/ImageExporter.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupPreviewModel.h"
#include "models/cleanup/CleanupRules.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image make(const QString &id, const QString &name, qint64 sizeKb, const QString &description = {})
{
    Image image;
    image.id = id;
    image.name = name;
    image.tag = u"v1"_s;
    image.nameSpace = u"team"_s;
    image.status = u"ACTIVE"_s;
    image.type = u"DEDICATED"_s;
    image.visibility = u"PRIVATE"_s;
    image.arch = u"x86_64"_s;
    image.sizeKb = sizeKb;
    image.createAtMs = 1714552200000; // 2024-05-01T08:30:00Z
    image.updateAtMs = 1714638600000; // 2024-05-02T08:30:00Z
    image.description = description;
    image.resourceCategories = {u"CPU"_s, u"GPU"_s};
    image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/team/"_s + name + u":v1"_s;
    return image;
}

// A strict RFC 4180 reader, to prove that what was written reads back to the same fields.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            field.clear();
            records.append(record);
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

QString decodeCsv(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes.mid(3));
}

} // namespace

class TestImageExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvQuotesOnlyWhatNeedsIt_data();
    void csvQuotesOnlyWhatNeedsIt();
    void csvHasBomHeaderAndCrlf();
    void csvRoundTripsAwkwardText();
    void csvValuesAreRaw();
    void csvDefusesFormulas();
    void sizeInBytesFollowsTheUnit();
    void allFieldsAndExtraFields();
    void jsonUsesApiNamesAndRawValues();
    void exportFollowsViewOrderAndVisibleColumns();
    void exportFromCleanupPreviewThroughProxy();
    void writesAtomically();
    void failedWriteLeavesNoFile();
    void formatForPath();
    void exportIsPrivate();
    void fileTooLargeSaysWhy();
};

void TestImageExporter::csvQuotesOnlyWhatNeedsIt_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"plain"_s << u"plain"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"one\ntwo"_s << u"\"one\ntwo\""_s;
    QTest::newRow("carriage return") << u"one\rtwo"_s << u"\"one\rtwo\""_s;
    QTest::newRow("chinese") << u"中文描述"_s << u"中文描述"_s;
    QTest::newRow("chinese comma is not a separator") << u"模型，推理"_s << u"模型，推理"_s;
    QTest::newRow("spaces kept") << u" padded "_s << u" padded "_s;
}

void TestImageExporter::csvQuotesOnlyWhatNeedsIt()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(ImageExporter::csvField(value), field);
}

void TestImageExporter::csvHasBomHeaderAndCrlf()
{
    const QByteArray csv =
        ImageExporter::toCsv({make(u"id-1"_s, u"alpha"_s, 2048)},
                             {ImageTableModel::Name, ImageTableModel::Size, ImageTableModel::Id});
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(decodeCsv(csv), u"Name,Size (as reported),ID\r\nalpha,2048,id-1\r\n"_s);
}

void TestImageExporter::csvRoundTripsAwkwardText()
{
    const QString awkward = u"He said \"stop\", then\r\nleft; 中文描述，“引号”"_s;
    const QList<Image> images{make(u"1"_s, u"alpha"_s, 1, awkward), make(u"2"_s, u"beta"_s, 2, u"a,b,c"_s),
                              make(u"3"_s, u"gamma"_s, 3, u"line\nbreak"_s)};
    const QList<int> columns{ImageTableModel::Name, ImageTableModel::Description, ImageTableModel::Size};
    const QList<QStringList> records = parseCsv(decodeCsv(ImageExporter::toCsv(images, columns)));
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0), (QStringList{u"Name"_s, u"Description"_s, u"Size (as reported)"_s}));
    QCOMPARE(records.at(1), (QStringList{u"alpha"_s, awkward, u"1"_s}));
    QCOMPARE(records.at(2), (QStringList{u"beta"_s, u"a,b,c"_s, u"2"_s}));
    QCOMPARE(records.at(3), (QStringList{u"gamma"_s, u"line\nbreak"_s, u"3"_s}));
}

void TestImageExporter::csvValuesAreRaw()
{
    QList<int> all;
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column)
        all.append(column);
    Image image = make(u"id-9"_s, u"alpha"_s, 5 * 1024 * 1024, u"d"_s);
    image.workspaceId = u"0"_s;
    image.serviceType = u"TRAIN"_s;
    const QList<QStringList> records = parseCsv(decodeCsv(ImageExporter::toCsv({image}, all)));
    QCOMPARE(records.size(), 2);
    // Every column but "Used by", which is no field of the image.
    QCOMPARE(records.at(0).size(), all.size() - 1);
    QHash<QString, QString> byTitle;
    for (int column = 0; column < records.at(0).size(); ++column)
        byTitle.insert(records.at(0).at(column), records.at(1).at(column));
    QCOMPARE(byTitle.value(u"Status"_s), u"ACTIVE"_s);
    QCOMPARE(byTitle.value(u"Size (as reported)"_s), u"5242880"_s);
    QCOMPARE(byTitle.value(u"Created"_s), u"2024-05-01T08:30:00Z"_s);
    QCOMPARE(byTitle.value(u"Updated"_s), u"2024-05-02T08:30:00Z"_s);
    QCOMPARE(byTitle.value(u"Type"_s), u"DEDICATED"_s);
    QCOMPARE(byTitle.value(u"Visibility"_s), u"PRIVATE"_s);
    QCOMPARE(byTitle.value(u"Architecture"_s), u"X86_64"_s);
    QCOMPARE(byTitle.value(u"Service type"_s), u"TRAIN"_s);
    QVERIFY(records.at(1).contains(u"CPU;GPU"_s));
    QVERIFY(records.at(1).contains(image.swrPath));
}

void TestImageExporter::sizeInBytesFollowsTheUnit()
{
    // The raw `size` is the same number whatever it means; the bytes column is what the unit makes of it.
    Image unknown = make(u"3"_s, u"gamma"_s, 0);
    unknown.sizeKb = -1;
    const QList<Image> images{make(u"1"_s, u"alpha"_s, 2048), make(u"2"_s, u"beta"_s, 3), unknown};
    SizeUnit::Inference bytes;
    bytes.unit = SizeUnit::Unit::Bytes;
    bytes.fromEvidence = true;
    for (const auto &[unit, expected] :
         {std::pair{SizeUnit::Inference(), QStringList{u"2097152"_s, u"3072"_s, QString()}},
          std::pair{bytes, QStringList{u"2048"_s, u"3"_s, QString()}}}) {
        const QList<QStringList> records =
            parseCsv(decodeCsv(ImageExporter::toCsv(images, {ImageTableModel::Name, ImageTableModel::Size},
                                                    {ImageExporter::sizeInBytes(images, unit)})));
        QCOMPARE(records.at(0), (QStringList{u"Name"_s, u"Size (as reported)"_s, u"Size (bytes)"_s}));
        QCOMPARE(records.at(1), (QStringList{u"alpha"_s, u"2048"_s, expected.at(0)}));
        QCOMPARE(records.at(2), (QStringList{u"beta"_s, u"3"_s, expected.at(1)}));
        QCOMPARE(records.at(3), (QStringList{u"gamma"_s, u"-1"_s, expected.at(2)}));
        const QJsonArray json =
            QJsonDocument::fromJson(ImageExporter::toJson(images, {ImageTableModel::Size},
                                                          {ImageExporter::sizeInBytes(images, unit)}))
                .array();
        QCOMPARE(json.at(0).toObject().value(u"size"_s).toInteger(), 2048);
        QCOMPARE(json.at(0).toObject().value(u"size_bytes"_s).toInteger(), expected.at(0).toLongLong());
        QVERIFY(json.at(2).toObject().value(u"size_bytes"_s).isNull());
    }
}

void TestImageExporter::csvDefusesFormulas()
{
    const QList<Image> images{make(u"1"_s, u"alpha"_s, 1, u"=HYPERLINK(\"http://x\")"_s),
                              make(u"2"_s, u"beta"_s, 2, u"+1"_s), make(u"3"_s, u"gamma"_s, 3, u"@cmd"_s),
                              make(u"4"_s, u"delta"_s, 4, u"-2"_s),
                              make(u"5"_s, u"eps"_s, 5, u"plain = fine"_s)};
    const QList<QStringList> records = parseCsv(
        decodeCsv(ImageExporter::toCsv(images, {ImageTableModel::Description, ImageTableModel::Size})));
    QCOMPARE(records.at(1).at(0), u"'=HYPERLINK(\"http://x\")"_s);
    QCOMPARE(records.at(2).at(0), u"'+1"_s);
    QCOMPARE(records.at(3).at(0), u"'@cmd"_s);
    QCOMPARE(records.at(4).at(0), u"'-2"_s);
    QCOMPARE(records.at(5).at(0), u"plain = fine"_s);
    // Numbers stay numbers.
    QCOMPARE(records.at(1).at(1), u"1"_s);
    // JSON is for programs: values as they are.
    const QJsonArray json =
        QJsonDocument::fromJson(ImageExporter::toJson(images, {ImageTableModel::Description})).array();
    QCOMPARE(json.at(0).toObject().value(u"description"_s).toString(), u"=HYPERLINK(\"http://x\")"_s);
}

void TestImageExporter::allFieldsAndExtraFields()
{
    const QList<int> all = ImageExporter::allFields();
    for (int column :
         {int(ImageTableModel::Id), int(ImageTableModel::SwrPath), int(ImageTableModel::Workspace),
          int(ImageTableModel::Description), int(ImageTableModel::Name)})
        QVERIFY(all.contains(column));
    QVERIFY(!all.contains(ImageTableModel::UsedBy));
    QVERIFY(std::is_sorted(all.cbegin(), all.cend()));

    // Extra fields follow the columns; their text is defused like the image's own.
    const QList<Image> images{make(u"1"_s, u"alpha"_s, 1), make(u"2"_s, u"beta"_s, 2)};
    const QList<ImageExporter::ExtraField> extra{
        {u"Why"_s, u"reason"_s, {u"=SUM(A1)"_s, u"old"_s}},
        {u"SWR"_s, u"delete_swr_content"_s, {true, false}},
    };
    const QList<QStringList> records =
        parseCsv(decodeCsv(ImageExporter::toCsv(images, {ImageTableModel::Name}, extra)));
    QCOMPARE(records.at(0), (QStringList{u"Name"_s, u"Why"_s, u"SWR"_s}));
    QCOMPARE(records.at(1), (QStringList{u"alpha"_s, u"'=SUM(A1)"_s, u"true"_s}));
    QCOMPARE(records.at(2), (QStringList{u"beta"_s, u"old"_s, u"false"_s}));
    const QJsonArray json =
        QJsonDocument::fromJson(ImageExporter::toJson(images, {ImageTableModel::Name}, extra)).array();
    QCOMPARE(json.at(0).toObject(),
             (QJsonObject{
                 {u"name"_s, u"alpha"_s}, {u"reason"_s, u"=SUM(A1)"_s}, {u"delete_swr_content"_s, true}}));
}

void TestImageExporter::jsonUsesApiNamesAndRawValues()
{
    Image image = make(u"id-1"_s, u"模型"_s, 2048, u"描述, \"quoted\"\nnext"_s);
    QList<int> all;
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column)
        all.append(column);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(ImageExporter::toJson({image}, all), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonObject object = document.array().at(0).toObject();
    QCOMPARE(object.size(), int(ImageTableModel::ColumnCount) - 1); // not "used_by"
    QCOMPARE(object.value(u"name"_s).toString(), u"模型"_s);
    QCOMPARE(object.value(u"size"_s).toInteger(), 2048);
    QCOMPARE(object.value(u"create_at"_s).toInteger(), 1714552200000);
    QCOMPARE(object.value(u"update_at"_s).toInteger(), 1714638600000);
    QCOMPARE(object.value(u"resource_categories"_s).toArray(), (QJsonArray{u"CPU"_s, u"GPU"_s}));
    QCOMPARE(object.value(u"namespace"_s).toString(), u"team"_s);
    QCOMPARE(object.value(u"swr_path"_s).toString(), image.swrPath);
    QCOMPARE(object.value(u"description"_s).toString(), image.description);
    QCOMPARE(object.value(u"arch"_s).toString(), u"X86_64"_s);
    for (const QString &key :
         {u"tag"_s, u"status"_s, u"type"_s, u"visibility"_s, u"service_type"_s, u"id"_s, u"workspace_id"_s})
        QVERIFY2(object.contains(key), qPrintable(key));
}

void TestImageExporter::exportFollowsViewOrderAndVisibleColumns()
{
    ImageTableModel table;
    table.setImages({make(u"a"_s, u"alpha"_s, 300), make(u"b"_s, u"beta"_s, 100),
                     make(u"c"_s, u"gamma"_s, 200), make(u"d"_s, u"delta"_s, 400)});
    ImageFilterModel filter;
    filter.setSourceModel(&table);
    filter.sort(ImageTableModel::Size, Qt::DescendingOrder);
    filter.setText(u"ta"_s); // beta and delta

    const QList<Image> shown = ImageExporter::imagesInOrder(&filter);
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(0).id, u"d"_s);
    QCOMPARE(shown.at(1).id, u"b"_s);

    // The columns as the user arranged them: Size moved before Name; everything else hidden.
    const QList<int> columns{ImageTableModel::Size, ImageTableModel::Name};
    const QJsonArray json = QJsonDocument::fromJson(ImageExporter::toJson(shown, columns)).array();
    QCOMPARE(json.size(), 2);
    QCOMPARE(json.at(0).toObject(), (QJsonObject{{u"size"_s, 400}, {u"name"_s, u"delta"_s}}));
    QCOMPARE(json.at(1).toObject(), (QJsonObject{{u"size"_s, 100}, {u"name"_s, u"beta"_s}}));
    QCOMPARE(decodeCsv(ImageExporter::toCsv(shown, columns)),
             u"Size (as reported),Name\r\n400,delta\r\n100,beta\r\n"_s);

    // Resorting the view reorders the export.
    filter.sort(ImageTableModel::Name, Qt::AscendingOrder);
    const QList<Image> resorted = ImageExporter::imagesInOrder(&filter);
    QCOMPARE(resorted.at(0).id, u"b"_s);
    QCOMPARE(resorted.at(1).id, u"d"_s);
}

void TestImageExporter::exportFromCleanupPreviewThroughProxy()
{
    QList<Image> images{make(u"a"_s, u"alpha"_s, 1), make(u"b"_s, u"beta"_s, 3), make(u"c"_s, u"gamma"_s, 2)};
    for (Image &image : images)
        image.status = u"ERROR"_s;
    CleanupRules rules;
    rules.failedOnly = true;
    CleanupPreviewModel preview;
    preview.setEvaluation(rules.evaluate(images, QDateTime::currentDateTimeUtc(), false));
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&preview);
    sorted.setSortRole(CleanupPreviewModel::SortRole);
    sorted.sort(CleanupPreviewModel::Size, Qt::DescendingOrder);
    const QList<Image> ordered = ImageExporter::imagesInOrder(&sorted);
    QCOMPARE(ordered.size(), 3);
    QCOMPARE(ordered.at(0).id, u"b"_s);
    QCOMPARE(ordered.at(1).id, u"c"_s);
    QCOMPARE(ordered.at(2).id, u"a"_s);
}

void TestImageExporter::writesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"images.json"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents");
    old.close();

    QString error;
    QVERIFY(ImageExporter::write(path, ImageExporter::Format::Json, {make(u"x"_s, u"alpha"_s, 7)},
                                 {ImageTableModel::Id}, &error));
    QVERIFY(error.isEmpty());
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QJsonArray array = QJsonDocument::fromJson(written.readAll()).array();
    QCOMPARE(array, (QJsonArray{QJsonObject{{u"id"_s, u"x"_s}}}));
    // Nothing else is left beside it (no temporary file).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"images.json"_s});
}

void TestImageExporter::failedWriteLeavesNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A "folder" that is a regular file cannot hold the export, whoever runs the test (root included).
    QFile blocker(dir.filePath(u"not-a-folder"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = dir.filePath(u"not-a-folder/images.csv"_s);

    QString error;
    QVERIFY(!ImageExporter::write(path, ImageExporter::Format::Csv, {make(u"x"_s, u"alpha"_s, 7)},
                                  {ImageTableModel::Id}, &error));
    QVERIFY(error.contains(u"images.csv"_s));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot),
             QStringList{u"not-a-folder"_s});

    // A missing folder fails the same way.
    const QString missing = dir.filePath(u"missing/images.json"_s);
    QVERIFY(!ImageExporter::write(missing, ImageExporter::Format::Json, {}, {ImageTableModel::Id}, &error));
    QVERIFY(!QFile::exists(missing));
}

void TestImageExporter::formatForPath()
{
    QCOMPARE(ImageExporter::formatForPath(u"/tmp/a.csv"_s), std::optional(ImageExporter::Format::Csv));
    QCOMPARE(ImageExporter::formatForPath(u"/tmp/a.CSV"_s), std::optional(ImageExporter::Format::Csv));
    QCOMPARE(ImageExporter::formatForPath(u"a.Json"_s), std::optional(ImageExporter::Format::Json));
    QVERIFY(!ImageExporter::formatForPath(u"a.txt"_s));
    QVERIFY(!ImageExporter::formatForPath(u"csv"_s));
}

// An export is the account's inventory: only its owner may read it, also when it replaces an older file.
void TestImageExporter::exportIsPrivate()
{
#if !defined(Q_OS_UNIX)
    QSKIP("Unix file modes");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto mode = [](const QString &path) {
        struct stat info
        {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
    };
    const QString created = dir.filePath(u"new.csv"_s);
    QVERIFY(ImageExporter::write(created, ImageExporter::Format::Csv, {make(u"x"_s, u"alpha"_s, 7)},
                                 {ImageTableModel::Id}, nullptr));
    QCOMPARE(mode(created), 0600);

    const QString replaced = dir.filePath(u"old.json"_s);
    QFile old(replaced);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.close();
    QVERIFY(QFile::setPermissions(replaced, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                QFile::ReadOther));
    QVERIFY(ImageExporter::write(replaced, ImageExporter::Format::Json, {make(u"x"_s, u"alpha"_s, 7)},
                                 {ImageTableModel::Id}, nullptr));
    QCOMPARE(mode(replaced), 0600);
#endif
}

// When the system refuses the bytes (a full disk, a file size limit), the message says what the system said.
void TestImageExporter::fileTooLargeSaysWhy()
{
#if !defined(Q_OS_UNIX)
    QSKIP("needs RLIMIT_FSIZE");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<Image> images;
    for (int i = 0; i < 200; ++i)
        images.append(make(u"id-%1"_s.arg(i), u"name-%1"_s.arg(i), i));
    rlimit previous{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = previous;
    small.rlim_cur = 1024;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    QString error;
    const bool written = ImageExporter::write(dir.filePath(u"big.json"_s), ImageExporter::Format::Json,
                                              images, {ImageTableModel::Id, ImageTableModel::Name}, &error);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!written);
    QVERIFY2(error.contains(qt_error_string(EFBIG)), qPrintable(error));
    QVERIFY2(!error.contains(u"Unknown error"_s), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(u"big.json"_s)));
#endif
}

QTEST_GUILESS_MAIN(TestImageExporter)
#include "test_image_exporter.moc"
