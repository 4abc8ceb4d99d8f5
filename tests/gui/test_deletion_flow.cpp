// The main window's deletion flow with a server: pressing Delete again while a bulk delete runs says what is
// already queued.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/UsageSummary.h"
#include "models/deletion/DeletionQueue.h"
#include "models/session/AccountSession.h"
#include "SandboxFixture.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/main/MainWindow.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

class TestDeletionFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(installTranslations(QCoreApplication::instance(),
                                    QLocale(QLocale::English, QLocale::UnitedStates))
                    .endsWith(u"_en.qm"_s));
    }

    void init()
    {
        m_sandbox = std::make_unique<test::SandboxFixture>(40, 11);
        QVERIFY(m_sandbox->start());
        m_f = std::make_unique<test::MainWindowFixture>();
        QVERIFY(m_f->isValid());
    }

    void cleanup()
    {
        m_f.reset();
        m_sandbox.reset();
    }

    void deleteWhileDeletingSaysWhatIsQueued()
    {
        QVERIFY(m_f->openLoadedWindow(*m_sandbox));
        MainWindow &window = m_f->window();
        DeletionQueue *queue = test::deletionQueue(window);
        queue->setMaxConcurrent(1);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->usage().hasUsage() &&
                                     !window.session()->usage().isLoading(),
                                 test::MainWindowFixture::LoadTimeoutMs);
        const QStringList ids = ownImageIds(6);
        QCOMPARE(ids.size(), 6);
        // Deleting four, slowly.
        QCOMPARE(window.selectImages(ids.mid(0, 4)), 4);
        m_sandbox->setFaults(QJsonObject{{u"latency_ms"_s, 400}});
        window.setDeletionConfirmer([](const DeleteImagesDialog &) -> std::optional<bool> { return false; });
        QSignalSpy itemStarted(queue, &DeletionQueue::itemStarted);
        QSignalSpy finished(queue, &DeletionQueue::finished);
        test::deleteAction(window)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!itemStarted.isEmpty(), test::MainWindowFixture::LoadTimeoutMs);
        QVERIFY(queue->isRunning());

        // All six selected, Delete again: the four are already on their way, the other two are asked about.
        QCOMPARE(window.selectImages(ids), 6);
        int asked = 0;
        window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
            ++asked;
            [&] {
                QCOMPARE(dialog.images().size(), 2);
                QCOMPARE(dialog.alreadyBeingDeletedCount(), 4);
                QCOMPARE(dialog.headline(),
                         u"4 of the 6 selected images are already being deleted; delete the other 2?"_s);
                QCOMPARE(dialog.deleteButton()->text(), u"Delete 2 Images"_s);
            }();
            return std::nullopt;
        });
        test::deleteAction(window)->trigger();
        QCOMPARE(asked, 1);
        queue->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), test::MainWindowFixture::LoadTimeoutMs);
    }

private:
    QStringList ownImageIds(int count) const
    {
        QStringList ids;
        const ImageTableModel *model = m_f->window().tableModel();
        const UsageSummary usage = m_f->window().session()->usage();
        for (int row = 0; row < model->rowCount() && ids.size() < count; ++row) {
            const Image image = model->imageAt(row);
            // Images in use are left out of a confirmation by default: not the point here.
            if (!image.isBuiltIn() && image.status == u"ACTIVE" &&
                usage.stateOf(image) == UsageState::NotInUse)
                ids.append(image.id);
        }
        return ids;
    }

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
};

QTEST_MAIN(TestDeletionFlow)
#include "test_deletion_flow.moc"
