// use_intrabc blocks of intra frames (5.11.7 with find_mv_stack( 0 ) of
// 7.10.2 and assign_mv( 0 ) of 5.11.26).
#include "src/tile/tile_parser.h"

namespace hav1::tile {

Status TileParser::IntrabcModeInfo() {
  return NotImplemented("tile: intrabc motion vector prediction (7.10.2) not implemented");
}

}  // namespace hav1::tile
