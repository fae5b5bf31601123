#include "src/common/status.h"
