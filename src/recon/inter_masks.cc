// Placeholder: implementation in progress.
#include "src/recon/inter_masks.h"
