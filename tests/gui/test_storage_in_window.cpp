// The SWR inventory in the main window against an in-process sandbox: once AccountSession::loadStorage() has
// loaded it, the details pane says which unit ModelArts' size is read in, and the delete confirmation says
// what the deletion frees in SWR from the tag sizes; before, neither says anything about SWR storage.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageTableModel.h"
#include "models/session/AccountSession.h"
#include "models/storage/FreedStorage.h"
#include "models/storage/SwrInventory.h"
#include "SandboxFixture.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/main/DetailsPane.h"
#include "views/main/MainWindow.h"

#include <memory>
#include <optional>
#include <QAction>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

class TestStorageInWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)); }
    void loadedInventoryReachesDetailsAndConfirmation();
};

void TestStorageInWindow::loadedInventoryReachesDetailsAndConfirmation()
{
    test::SandboxFixture sandbox(80, 5);
    QVERIFY(sandbox.start());
    test::MainWindowFixture f;
    QVERIFY(f.isValid());
    QVERIFY(f.openLoadedWindow(sandbox));
    MainWindow &window = f.window();
    const ImageTableModel *table = window.tableModel();
    QString privateId;
    for (int row = 0; row < table->rowCount() && privateId.isEmpty(); ++row) {
        const Image image = table->imageAt(row);
        if (!image.isBuiltIn() && !image.isSettling() && image.isPrivate() && image.swrInstanceId.isEmpty())
            privateId = image.id;
    }
    QVERIFY(!privateId.isEmpty());
    QCOMPARE(window.selectImages({privateId}), 1);
    DetailsPane *pane = test::detailsPane(window);
    QVERIFY(pane);
    QVERIFY(pane->fieldText(DetailsPane::Field::SizeUnit).isEmpty());

    std::optional<QString> freedText;
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        freedText = dialog.storageFreedText();
        return std::nullopt; // cancelled
    });
    test::deleteAction(window)->trigger();
    QVERIFY(freedText);
    QVERIFY(freedText->isEmpty()); // nothing loaded: nothing said

    SwrInventory *storage = window.session()->storage();
    QSignalSpy loaded(storage, &SwrInventory::loaded);
    window.session()->loadStorage();
    QVERIFY(loaded.wait(test::MainWindowFixture::LoadTimeoutMs));
    QCOMPARE(pane->fieldText(DetailsPane::Field::SizeUnit), storage->facts().sizeUnit.explanation());
    QVERIFY(!pane->fieldText(DetailsPane::Field::SizeUnit).isEmpty());

    // Without the SWR content, nothing is freed there; with it, the tag's size.
    freedText.reset();
    test::deleteAction(window)->trigger();
    QVERIFY(freedText);
    QVERIFY2(freedText->startsWith(u"Frees nothing in SWR"_s), qPrintable(*freedText));
    freedText.reset();
    bool forced = false;
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        forced = dialog.forceRequested();
        freedText = dialog.storageFreedText();
        return std::nullopt;
    });
    test::deleteWithContentAction(window)->trigger();
    QVERIFY(freedText);
    QVERIFY(forced);
    const QHash<QString, qint64> bytes = storage->facts().bytesByPath();
    QCOMPARE(*freedText, FreedStorage::of({table->imageAt(table->rowOfId(privateId))}, true, &bytes,
                                          SizeUnit::Inference{})
                             .sentence());
    QVERIFY2(freedText->contains(u"SWR tag sizes"_s), qPrintable(*freedText));
}

QTEST_MAIN(TestStorageInWindow)
#include "test_storage_in_window.moc"
