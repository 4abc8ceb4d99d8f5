#pragma once

#include <QLoggingCategory>

namespace mim {

// "mim.storage": the SWR inventory and the deletion of SWR tags.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

} // namespace mim
