// Placeholder: implementation in progress.
#include "src/tile/tile_parser.h"
