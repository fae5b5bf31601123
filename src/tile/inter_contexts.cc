// Placeholder: implementation in progress.
#include "src/tile/inter_contexts.h"
