// Default CDF tables of the AV1 specification, section 9.4, with the spec's
// names and dimensions.  The data lives in default_cdfs.inc, generated from
// the spec markdown by tools/spec/gen_cdf_tables.py (committed, so builds do
// not need the spec).
//
// Layout (as in the spec): a CDF of an N-symbol alphabet has N + 1 uint16_t
// entries; cdf[i] is 32768 * P(symbol <= i), so cdf[N - 1] == 32768, and
// cdf[N] is the adaptation counter of 8.2.6 (0 in every default table).
#ifndef HAV1_SRC_ENTROPY_DEFAULT_CDFS_H_
#define HAV1_SRC_ENTROPY_DEFAULT_CDFS_H_

#include <cstdint>

namespace hav1 {

#include "src/entropy/default_cdfs.inc"

}  // namespace hav1

#endif  // HAV1_SRC_ENTROPY_DEFAULT_CDFS_H_
