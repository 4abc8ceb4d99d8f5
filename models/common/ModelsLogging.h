#pragma once

#include <QLoggingCategory>

namespace mim {

// "mim.models": table and filter models, catalog, deletion queue and journal.
Q_DECLARE_LOGGING_CATEGORY(lcModels)

} // namespace mim
