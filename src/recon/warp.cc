// Placeholder: implementation in progress.
#include "src/recon/warp.h"
