#include "views/common/AppServices.h"

#include "views/deletion/DeleteImagesDialog.h"

namespace mim {

std::optional<bool> confirmDeletion(const DeletionConfirmer &confirmer, DeleteImagesDialog &dialog)
{
    if (confirmer)
        return confirmer(dialog);
    if (dialog.exec() == QDialog::Accepted)
        return dialog.forceRequested();
    return std::nullopt;
}

} // namespace mim
