#include "models/common/ModelsLogging.h"

namespace mim {

Q_LOGGING_CATEGORY(lcModels, "mim.models")

} // namespace mim
