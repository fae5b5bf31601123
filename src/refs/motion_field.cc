// Placeholder: implementation in progress.
#include "src/refs/motion_field.h"
