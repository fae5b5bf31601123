// Decoder settings (Hav1Settings): defaults, checking what the caller gives,
// and the frame delay they lead to.
#ifndef HAV1_SRC_DECODER_SETTINGS_H_
#define HAV1_SRC_DECODER_SETTINGS_H_

#include "hav1/hav1.h"
#include "src/common/status.h"

namespace hav1 {

// hav1_default_settings.
void DefaultSettings(Hav1Settings* s);

// Copies the caller's settings into *out after checking struct_size (at
// least the first released layout; bytes past the layout this library
// knows must be zero) and the range of every field.  cpu_target names are
// checked later, when the kernel tables are filled.
Status ReadSettings(const Hav1Settings* s, Hav1Settings* out);

// Worker threads the settings lead to (n_threads, 0 = number of cores).
int ResolveThreadCount(const Hav1Settings& s);

// hav1_get_frame_delay for checked settings: max_frame_delay when set
// (at most the thread count), else about sqrt(threads), at most 8.
int FrameDelay(const Hav1Settings& s);

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_SETTINGS_H_
