#include "models/storage/StorageLogging.h"

namespace mim {

Q_LOGGING_CATEGORY(lcStorage, "mim.storage")

} // namespace mim
