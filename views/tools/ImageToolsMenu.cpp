#include "views/tools/ImageToolsMenu.h"

#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/session/AccountSession.h"
#include "models/storage/SwrInventory.h"
#include "views/main/ImageTableView.h"
#include "views/main/MainStatusBar.h"
#include "views/main/MainWindow.h"
#include "views/storage/SwrStorageDialog.h"
#include "views/tools/CleanupDialog.h"
#include "views/tools/ExportImages.h"
#include "views/tools/ImageGroupsDialog.h"
#include "views/tools/RegisterImageDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTools, "mim.ui.tools")

namespace mim {

namespace {

constexpr int StatusMessageMs = 8000;

template<typename Dialog> Dialog *raise(Dialog *dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace

ImageToolsMenu::ImageToolsMenu(MainWindow *window, const AppServices &services)
    : QObject(window)
    , m_window(window)
    , m_session(window->session())
    , m_services(services)
{
    setObjectName(u"imageToolsMenu"_s);
    m_cleanUp = new QAction(tr("Clean &Up…", "menu: the clean-up assistant"), window);
    m_cleanUp->setObjectName(u"cleanUpAction"_s);
    m_cleanUp->setStatusTip(
        tr("Find images to delete by rules (failed, old, older tags, large) and free SWR space."));
    m_groups = new QAction(tr("Image &Groups…"), window);
    m_groups->setObjectName(u"imageGroupsAction"_s);
    m_groups->setStatusTip(
        tr("Show the images grouped by name, and delete all versions of an image at once."));
    m_storage = new QAction(tr("SWR &Storage…", "menu: what the account stores in SWR"), window);
    m_storage->setObjectName(u"swrStorageAction"_s);
    m_storage->setStatusTip(
        tr("Show how much SWR storage each organization uses, and delete tags no ModelArts image names."));
    m_register = new QAction(tr("&Register Image…"), window);
    m_register->setObjectName(u"registerImageAction"_s);
    m_register->setStatusTip(tr("Make an image that is already in SWR available in ModelArts."));
    m_export = new QAction(tr("&Export Images…"), window);
    m_export->setObjectName(u"exportImagesAction"_s);
    m_export->setStatusTip(tr("Save the images shown, with the columns shown, as CSV or JSON."));

    connect(m_cleanUp, &QAction::triggered, this, [this] { openCleanup(); });
    connect(m_groups, &QAction::triggered, this, [this] { openImageGroups(); });
    connect(m_storage, &QAction::triggered, this, [this] { openSwrStorage(); });
    connect(m_register, &QAction::triggered, this, [this] { openRegisterImage(); });
    connect(m_export, &QAction::triggered, this, [this] { exportShownRows(); });

    m_menu = new QMenu(tr("&Tools"), window);
    m_menu->setObjectName(u"toolsMenu"_s);
    m_menu->addAction(m_cleanUp);
    m_menu->addAction(m_groups);
    m_menu->addAction(m_storage);
    m_menu->addSeparator();
    m_menu->addAction(m_register);
    m_menu->addSeparator();
    m_menu->addAction(m_export);
    // Before Help, which is the last menu by convention.
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.constLast(), m_menu);

    connect(m_session, &AccountSession::accountChanged, this, [this] {
        // Another account (or none): what the dialogs show and would delete belongs to the previous one.
        closeDialogs();
        updateActions();
    });
    connect(window, &MainWindow::pageChanged, this, &ImageToolsMenu::updateActions);
    connect(m_session->catalog(), &ImageCatalog::stateChanged, this, &ImageToolsMenu::updateActions);
    updateActions();
}

void ImageToolsMenu::setDeletionConfirmer(DeletionConfirmer confirmer)
{
    m_services.deletionConfirmer = std::move(confirmer);
}

void ImageToolsMenu::updateActions()
{
    const bool connected = m_session->isOpen();
    // Its rules judge the account as a whole ("keep the newest three"): not on a part of the list.
    m_cleanUp->setEnabled(connected && m_session->catalog()->isComplete());
    m_groups->setEnabled(connected);
    // A tag is "not registered" only against the whole image list: on a part of it, a registered tag would
    // be offered for deletion.
    m_storage->setEnabled(connected && m_session->catalog()->isComplete());
    m_register->setEnabled(connected);
    m_export->setEnabled(connected && m_window->currentPage() == MainWindow::Page::Table);
}

void ImageToolsMenu::closeDialogs()
{
    if (m_cleanupDialog)
        m_cleanupDialog->reject();
    if (m_groupsDialog)
        m_groupsDialog->reject();
    if (m_registerDialog)
        m_registerDialog->reject();
    if (m_storageDialog)
        m_storageDialog->reject();
}

CleanupDialog *ImageToolsMenu::openCleanup()
{
    if (m_cleanupDialog)
        return raise(m_cleanupDialog.data());
    if (!m_session->isOpen() || !m_session->catalog()->isComplete())
        return nullptr;
    auto *dialog = new CleanupDialog(m_session->tableModel(), m_services.settings, m_session->displayName(),
                                     m_services.clock, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDeletionConfirmer(m_services.deletionConfirmer);
    if (m_session->storage()->state() == SwrInventory::State::Loaded)
        dialog->setStorage(m_session->storage()->facts());
    // The account's one deletion path: same queue, journal, progress and summary as deleting from the table.
    connect(dialog, &CleanupDialog::deletionConfirmed, m_session, &AccountSession::enqueueDeletions);
    m_cleanupDialog = dialog;
    return raise(dialog);
}

ImageGroupsDialog *ImageToolsMenu::openImageGroups()
{
    if (m_groupsDialog)
        return raise(m_groupsDialog.data());
    if (!m_session->isOpen())
        return nullptr;
    auto *dialog = new ImageGroupsDialog(m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDeletionConfirmer(m_services.deletionConfirmer);
    m_groupsDialog = dialog;
    return raise(dialog);
}

SwrStorageDialog *ImageToolsMenu::openSwrStorage()
{
    if (m_storageDialog)
        return raise(m_storageDialog.data());
    if (!m_session->isOpen() || !m_session->client() || !m_session->catalog()->isComplete())
        return nullptr;
    auto *dialog = new SwrStorageDialog(m_session, m_window, m_services.settings);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_storageDialog = dialog;
    return raise(dialog);
}

RegisterImageDialog *ImageToolsMenu::openRegisterImage()
{
    if (m_registerDialog)
        return raise(m_registerDialog.data());
    ApiClient *client = m_session->client();
    if (!client)
        return nullptr;
    QSet<QString> workspaces;
    const ImageTableModel *table = m_session->tableModel();
    for (int row = 0; row < table->rowCount(); ++row)
        workspaces.insert(table->imageAt(row).workspaceId);
    QStringList sortedWorkspaces(workspaces.cbegin(), workspaces.cend());
    sortedWorkspaces.sort();

    auto *dialog = new RegisterImageDialog(client, client->settings().regionId, sortedWorkspaces, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterImageDialog::registered, m_window,
            [window = m_window, session = m_session](const Image &image) {
                session->tableModel()->upsertImage(image);
                window->selectImages({image.id});
                window->mainStatusBar()->showMessage(
                    ImageToolsMenu::tr("Registered %1.", "%1 is name:tag").arg(image.nameAndTag()),
                    StatusMessageMs);
            });
    m_registerDialog = dialog;
    return raise(dialog);
}

int ImageToolsMenu::exportShownRows(const QString &path)
{
    const bool interactive = path.isEmpty();
    ExportImages::Fields fields = ExportImages::rememberedFields(m_services.settings);
    const QString target = interactive ? ExportImages::chooseFile(m_window, tr("Export Images"),
                                                                  tr("modelarts-images", "file name"),
                                                                  m_services.settings, &fields)
                                       : path;
    if (target.isEmpty())
        return -1;
    const QList<int> columns = ExportImages::columnsFor(fields, m_window->tableView()->header());
    QString error;
    const int count = ExportImages::exportRows(m_window->filterModel(), columns, target,
                                               m_window->tableModel()->sizeUnit(), &error);
    if (count < 0) {
        if (interactive)
            QMessageBox::warning(m_window, tr("Export Failed"), error);
        else
            m_window->mainStatusBar()->showMessage(error, StatusMessageMs);
        return -1;
    }
    m_window->mainStatusBar()->showMessage(ExportImages::doneMessage(count, target), StatusMessageMs);
    return count;
}

} // namespace mim
