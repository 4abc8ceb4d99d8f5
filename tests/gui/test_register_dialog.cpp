// The Register Image dialog, offscreen, in the real main window against the sandbox: the SWR path checked
// while it is typed, the other fields gating Register, a real registration that puts the image in the
// table, and a refusal shown in the dialog.

#include "ToolsGuiFixture.h"
#include "views/tools/RegisterImageDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace mim;
using test::ToolsGuiFixture;

class TestRegisterDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pathIsCheckedWhileTyping();
    void otherFieldsGateRegister();
    void registersAndTheImageAppearsInTheTable();
    void refusalIsShownAndTheDialogStays();
    void counterAndTagsFitTheirPlaces();

private:
    RegisterImageDialog *openDialog();

    std::unique_ptr<ToolsGuiFixture> m_f;
};

void TestRegisterDialog::init()
{
    m_f = std::make_unique<ToolsGuiFixture>();
    QVERIFY(m_f->startSandbox());
    QVERIFY(m_f->openWindow());
}

void TestRegisterDialog::cleanup()
{
    m_f.reset();
}

RegisterImageDialog *TestRegisterDialog::openDialog()
{
    RegisterImageDialog *dialog = m_f->tools().openRegisterImage();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning("the register dialog was not shown");
    return dialog;
}

void TestRegisterDialog::counterAndTagsFitTheirPlaces()
{
    RegisterImageDialog *dialog = openDialog();
    QVERIFY(dialog);
    // At the size it opens with, and squeezed to its minimum.
    for (const bool squeezed : {false, true}) {
        if (squeezed)
            dialog->resize(dialog->minimumSize());
        QCoreApplication::processEvents();
        // Found by what it says: "0 / 512".
        const QLabel *counter = nullptr;
        for (const QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->text().endsWith(u"/ 512"_s))
                counter = label;
        }
        QVERIFY(counter);
        QVERIFY(counter->isVisible());
        QVERIFY(counter->text().contains(u"512"_s));
        const QPlainTextEdit *description = dialog->descriptionEdit();
        const QRect counterRect(counter->mapTo(dialog, QPoint(0, 0)), counter->size());
        const QRect descriptionRect(description->mapTo(dialog, QPoint(0, 0)), description->size());
        QVERIFY2(!counterRect.intersects(descriptionRect),
                 qPrintable(u"counter %1,%2 %3x%4 over description %5,%6 %7x%8"_s.arg(counterRect.x())
                                .arg(counterRect.y())
                                .arg(counterRect.width())
                                .arg(counterRect.height())
                                .arg(descriptionRect.x())
                                .arg(descriptionRect.y())
                                .arg(descriptionRect.width())
                                .arg(descriptionRect.height())));
        // The counter's text is not cut either.
        QVERIFY(counter->height() >= counter->sizeHint().height());
        // Three whole tag rows are visible below the header.
        const QTableWidget *tags = dialog->tagTable();
        QVERIFY2(tags->viewport()->height() >= 3 * tags->verticalHeader()->defaultSectionSize(),
                 qPrintable(QString::number(tags->viewport()->height())));
    }
}

void TestRegisterDialog::pathIsCheckedWhileTyping()
{
    RegisterImageDialog *dialog = openDialog();
    QVERIFY(dialog);
    QLineEdit *path = dialog->swrPathEdit();
    QVERIFY(!dialog->registerButton()->isEnabled());

    QTest::keyClicks(path, u"swr.cn-north-4.myhuaweicloud.com/lab/my-model"_s);
    QVERIFY2(dialog->pathHint().contains(u"tag"_s), qPrintable(dialog->pathHint()));
    QVERIFY(!dialog->registerButton()->isEnabled());
    QTest::keyClicks(path, u":v1"_s);
    QCOMPARE(dialog->pathHint(), u"Namespace “lab”, image “my-model”, tag “v1”."_s);
    QVERIFY(dialog->registerButton()->isEnabled());

    // A character that can never be right is named at once.
    QTest::keyClicks(path, u"#"_s);
    QCOMPARE(dialog->pathHint(), u"An SWR path cannot contain #."_s);
    QVERIFY(!dialog->registerButton()->isEnabled());
    QTest::keyClick(path, Qt::Key_Backspace);
    QVERIFY(dialog->registerButton()->isEnabled());

    // Upper case in the name, a path of another region.
    path->setText(u"swr.cn-north-4.myhuaweicloud.com/lab/My-Model:v1"_s);
    QCOMPARE(dialog->pathHint(), u"The image name must be in lower case."_s);
    ToolsGuiFixture::saveScreenshot(dialog, u"register-dialog-invalid"_s);
    path->setText(u"swr.cn-south-1.myhuaweicloud.com/lab/my-model:v1"_s);
    QVERIFY(dialog->pathHint().contains(u"cn-south-1"_s));
    QVERIFY(dialog->registerButton()->isEnabled()); // a remark, not a refusal
    path->setText(u"a/b:c"_s);
    QVERIFY(dialog->pathHint().contains(u"too short"_s));
    QVERIFY(!dialog->registerButton()->isEnabled());
}

void TestRegisterDialog::otherFieldsGateRegister()
{
    RegisterImageDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->swrPathEdit()->setText(u"swr.cn-north-4.myhuaweicloud.com/lab/gate:v1"_s);
    QVERIFY(dialog->registerButton()->isEnabled());

    for (const QString &category : {u"CPU"_s, u"GPU"_s, u"ASCEND"_s})
        dialog->resourceCategoryBox(category)->setChecked(false);
    QVERIFY(!dialog->registerButton()->isEnabled());
    QVERIFY(dialog->problemText().contains(u"resource type"_s));
    dialog->resourceCategoryBox(u"ASCEND"_s)->setChecked(true);
    QVERIFY(dialog->registerButton()->isEnabled());

    dialog->workspaceBox()->setCurrentText(u"not-a-workspace"_s);
    QVERIFY(!dialog->registerButton()->isEnabled());
    QVERIFY(dialog->problemText().contains(u"workspace"_s));
    dialog->workspaceBox()->setCurrentText(u"0"_s);

    dialog->descriptionEdit()->setPlainText(QString(513, u'x'));
    QVERIFY(!dialog->registerButton()->isEnabled());
    dialog->descriptionEdit()->setPlainText(u"说明"_s);
    QVERIFY(dialog->registerButton()->isEnabled());

    // Tags: a duplicate key blocks, an empty row is ignored.
    dialog->addTagRow();
    dialog->tagTable()->item(0, 0)->setText(u"team"_s);
    dialog->tagTable()->item(0, 1)->setText(u"nlp"_s);
    dialog->addTagRow();
    QVERIFY(dialog->registerButton()->isEnabled());
    dialog->tagTable()->item(1, 0)->setText(u"team"_s);
    QVERIFY(!dialog->registerButton()->isEnabled());
    QVERIFY(dialog->problemText().contains(u"team"_s));
    dialog->tagTable()->selectRow(1);
    dialog->removeSelectedTags();
    QVERIFY(dialog->registerButton()->isEnabled());
    QCOMPARE(dialog->request().tags, (QList<ImageTag>{{u"team"_s, u"nlp"_s}}));
    ToolsGuiFixture::saveScreenshot(dialog, u"register-dialog"_s);
}

void TestRegisterDialog::registersAndTheImageAppearsInTheTable()
{
    RegisterImageDialog *dialog = openDialog();
    QVERIFY(dialog);
    const int before = m_f->window().tableModel()->rowCount();
    dialog->swrPathEdit()->setText(u"swr.cn-north-4.myhuaweicloud.com/lab/registered:v2.0"_s);
    dialog->architectureBox()->setCurrentIndex(dialog->architectureBox()->findData(u"AARCH64"_s));
    dialog->serviceTypeBox()->setCurrentIndex(dialog->serviceTypeBox()->findData(u"INFERENCE"_s));
    dialog->visibilityBox()->setCurrentIndex(dialog->visibilityBox()->findData(u"PUBLIC"_s));
    dialog->serviceBox(u"SSH"_s)->setChecked(false);
    dialog->descriptionEdit()->setPlainText(u"推理镜像"_s);

    QSignalSpy registered(dialog, &RegisterImageDialog::registered);
    QSignalSpy finished(dialog, &QDialog::finished);
    dialog->registerButton()->click();
    QVERIFY(dialog->isRegistering());
    QVERIFY(!dialog->swrPathEdit()->isEnabled());
    QVERIFY(registered.wait(ToolsGuiFixture::TimeoutMs));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toInt(), int(QDialog::Accepted));

    const auto image = registered.constFirst().constFirst().value<Image>();
    QVERIFY(!image.id.isEmpty());
    QCOMPARE(image.normalizedArch(), u"AARCH64"_s);
    QCOMPARE(image.serviceType, u"INFERENCE"_s);
    QCOMPARE(image.visibility, u"PUBLIC"_s);
    QCOMPARE(image.devServices, QStringList{u"NOTEBOOK"_s});
    QCOMPARE(image.description, u"推理镜像"_s);
    QVERIFY(!m_f->sandbox().imageState(image.id).isEmpty());

    // The window shows it at once, selected.
    QCOMPARE(m_f->window().tableModel()->rowCount(), before + 1);
    QVERIFY(m_f->window().tableModel()->rowOfId(image.id) >= 0);
    QCOMPARE(m_f->window().selectedImageIds(), QStringList{image.id});
}

void TestRegisterDialog::refusalIsShownAndTheDialogStays()
{
    const QString path = u"swr.cn-north-4.myhuaweicloud.com/lab/twice:v1"_s;
    m_f->addImage({{u"name"_s, u"twice"_s}, {u"tag"_s, u"v1"_s}});
    RegisterImageDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->swrPathEdit()->setText(path);
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRegistering(), ToolsGuiFixture::TimeoutMs);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->problemText().contains(u"ModelArts.6737"_s), qPrintable(dialog->problemText()));
    QVERIFY(!dialog->registeredImage());
    QVERIFY(dialog->swrPathEdit()->isEnabled());
    // Correcting the form clears the server's complaint.
    dialog->swrPathEdit()->setText(u"swr.cn-north-4.myhuaweicloud.com/lab/twice:v2"_s);
    QVERIFY(dialog->problemText().isEmpty());
}

QTEST_MAIN(TestRegisterDialog)
#include "test_register_dialog.moc"
