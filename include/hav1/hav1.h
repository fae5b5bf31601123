/*
 * hav1: an AV1 video decoder.  Public C API.
 *
 * Shape (as in dav1d): open a context with settings, feed it data with
 * hav1_send_data(), take pictures out with hav1_get_picture(); both return
 * HAV1_ERR_AGAIN when the other side has to be serviced first.  At the end of
 * the stream call hav1_drain() and take pictures until HAV1_ERR_EOF.  To seek,
 * call hav1_flush() and send data from a key frame on.
 *
 * Data and pictures are reference counted; the props (timestamp, duration,
 * offset, user data) given with a packet come back on the pictures decoded
 * from it.  No function here throws, and every function is safe to call with
 * the arguments documented; two contexts never share mutable state.
 *
 * This header compiles alone as C99 and as C++.
 */
#ifndef HAV1_HAV1_H_
#define HAV1_HAV1_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(HAV1_BUILDING_LIBRARY) && defined(__GNUC__)
#define HAV1_API __attribute__((visibility("default")))
#else
#define HAV1_API
#endif

/* ------------------------------------------------------------------ */
/* Versions                                                            */

#define HAV1_API_VERSION_MAJOR 0
#define HAV1_API_VERSION_MINOR 1
#define HAV1_API_VERSION_PATCH 0
#define HAV1_API_VERSION                                         \
  ((HAV1_API_VERSION_MAJOR << 16) | (HAV1_API_VERSION_MINOR << 8) | \
   HAV1_API_VERSION_PATCH)

/* Library version string, e.g. "0.1.0". */
HAV1_API const char *hav1_version(void);
/* API version the library was built with, in the HAV1_API_VERSION layout. */
HAV1_API unsigned hav1_version_api(void);

/* ------------------------------------------------------------------ */
/* Errors: every function returning int returns 0 or one of these.     */

enum {
  HAV1_OK = 0,
  HAV1_ERR_AGAIN = -1,            /* service the other side first      */
  HAV1_ERR_INVALID_ARGUMENT = -2, /* the caller broke an API rule      */
  HAV1_ERR_NO_MEMORY = -3,
  HAV1_ERR_INVALID_DATA = -4,     /* the bitstream breaks the AV1 spec */
  HAV1_ERR_UNSUPPORTED = -5,      /* valid AV1 that hav1 does not support
                                     (e.g. large-scale tile)           */
  HAV1_ERR_NOT_IMPLEMENTED = -6,  /* not implemented yet in this version */
  HAV1_ERR_LIMIT = -7,            /* exceeds a configured limit        */
  HAV1_ERR_EOF = -8,              /* drained: no more pictures         */
  HAV1_ERR_CALLBACK = -9          /* a user callback reported failure  */
};

/* A static, human readable description of an error code. */
HAV1_API const char *hav1_strerror(int error);

/* ------------------------------------------------------------------ */
/* Reference-counted buffers and data packets                          */

/* Opaque reference-counted owner of a buffer. */
typedef struct Hav1Ref Hav1Ref;

/* User data carried from a packet to the pictures decoded from it. */
typedef struct Hav1UserData {
  const uint8_t *data; /* as given to hav1_data_wrap_user_data() */
  Hav1Ref *ref;        /* owner; NULL when no user data           */
} Hav1UserData;

/* Properties of a packet, copied to every picture decoded from it. */
typedef struct Hav1DataProps {
  int64_t timestamp; /* INT64_MIN when unknown */
  int64_t duration;  /* 0 when unknown          */
  int64_t offset;    /* byte offset in the container, -1 when unknown */
  size_t size;       /* packet size in bytes    */
  Hav1UserData user_data;
} Hav1DataProps;

/* Initialise props to "unknown" values (no user data). */
HAV1_API void hav1_data_props_init(Hav1DataProps *props);
/* Release the props' user data reference and reinitialise them. */
HAV1_API void hav1_data_props_unref(Hav1DataProps *props);

/* A packet of AV1 data: OBUs in the low-overhead (Section 5) format. */
typedef struct Hav1Data {
  const uint8_t *data; /* next byte not yet consumed */
  size_t sz;           /* bytes not yet consumed     */
  Hav1Ref *ref;        /* owner of the bytes         */
  Hav1DataProps m;
} Hav1Data;

typedef void (*Hav1FreeCallback)(const uint8_t *buf, void *cookie);

/* Allocate a packet of sz bytes owned by the library; returns the bytes to
 * fill, or NULL on failure (data is then left empty). */
HAV1_API uint8_t *hav1_data_create(Hav1Data *data, size_t sz);
/* Wrap caller-owned bytes; free_callback(buf, cookie) runs when the library
 * no longer needs them.  free_callback must not be NULL. */
HAV1_API int hav1_data_wrap(Hav1Data *data, const uint8_t *buf, size_t sz,
                            Hav1FreeCallback free_callback, void *cookie);
/* Attach user data to data->m; free_callback(user_data, cookie) runs when
 * the last packet or picture carrying it is released. */
HAV1_API int hav1_data_wrap_user_data(Hav1Data *data,
                                      const uint8_t *user_data,
                                      Hav1FreeCallback free_callback,
                                      void *cookie);
/* Release the packet's references and zero it.  NULL-safe. */
HAV1_API void hav1_data_unref(Hav1Data *data);

/* ------------------------------------------------------------------ */
/* Stream and frame description                                        */

typedef enum Hav1PixelLayout {
  HAV1_PIXEL_LAYOUT_I400 = 0, /* monochrome */
  HAV1_PIXEL_LAYOUT_I420 = 1,
  HAV1_PIXEL_LAYOUT_I422 = 2,
  HAV1_PIXEL_LAYOUT_I444 = 3
} Hav1PixelLayout;

typedef enum Hav1FrameType {
  HAV1_FRAME_TYPE_KEY = 0,
  HAV1_FRAME_TYPE_INTER = 1,
  HAV1_FRAME_TYPE_INTRA_ONLY = 2,
  HAV1_FRAME_TYPE_SWITCH = 3
} Hav1FrameType;

/* Colour description, values as in the AV1 spec section 6.4.2. */
typedef struct Hav1ColorInfo {
  int color_primaries;
  int transfer_characteristics;
  int matrix_coefficients;
  int color_range;           /* 0 studio, 1 full */
  int chroma_sample_position;/* 0 unknown, 1 vertical, 2 colocated */
} Hav1ColorInfo;

/* The parts of a sequence header a player needs (spec section 5.5). */
typedef struct Hav1SequenceInfo {
  int profile;               /* seq_profile 0..2 */
  int still_picture;
  int reduced_still_picture_header;
  int max_width, max_height; /* max_frame_{width,height}_minus_1 + 1 */
  int bitdepth;              /* 8, 10 or 12 */
  Hav1PixelLayout layout;
  int mono_chrome;
  Hav1ColorInfo color;
  int film_grain_params_present;
  int operating_points;      /* operating_points_cnt_minus_1 + 1 */
  int operating_point_idc[32];
  int seq_level_idx[32];
  int seq_tier[32];
  int timing_info_present;
  uint32_t num_units_in_display_tick, time_scale;
  uint8_t reserved[64];
} Hav1SequenceInfo;

/* Film grain parameters as in spec section 5.9.30 (applied unless
 * settings.apply_grain is 0; then the caller may apply them itself). */
typedef struct Hav1FilmGrainParams {
  int apply_grain;
  uint16_t grain_seed;
  int num_y_points;
  uint8_t point_y_value[14], point_y_scaling[14];
  int chroma_scaling_from_luma;
  int num_cb_points, num_cr_points;
  uint8_t point_cb_value[10], point_cb_scaling[10];
  uint8_t point_cr_value[10], point_cr_scaling[10];
  int grain_scaling_minus_8;
  int ar_coeff_lag;
  int8_t ar_coeffs_y[24], ar_coeffs_cb[25], ar_coeffs_cr[25];
  int ar_coeff_shift_minus_6;
  int grain_scale_shift;
  int cb_mult, cb_luma_mult, cb_offset;
  int cr_mult, cr_luma_mult, cr_offset;
  int overlap_flag;
  int clip_to_restricted_range;
} Hav1FilmGrainParams;

/* Per-frame description. */
typedef struct Hav1FrameInfo {
  Hav1FrameType frame_type;
  int show_existing_frame;
  int temporal_id, spatial_id;
  int frame_width, frame_height;   /* decoded (upscaled) size */
  int render_width, render_height;
  int order_hint;
  Hav1FilmGrainParams film_grain;
  uint8_t reserved[64];
} Hav1FrameInfo;

/* HDR metadata (spec section 6.7.3, 6.7.4). */
typedef struct Hav1ContentLightLevel {
  uint16_t max_content_light_level;
  uint16_t max_frame_average_light_level;
} Hav1ContentLightLevel;

typedef struct Hav1MasteringDisplay {
  uint16_t primaries[3][2]; /* 0.16 fixed point, x then y */
  uint16_t white_point[2];  /* 0.16 fixed point           */
  uint32_t max_luminance;   /* 24.8 fixed point           */
  uint32_t min_luminance;   /* 18.14 fixed point          */
} Hav1MasteringDisplay;

/* ITU-T T.35 metadata (spec section 6.7.2). */
typedef struct Hav1ITUTT35 {
  uint8_t country_code;
  uint8_t country_code_extension_byte;
  size_t payload_size;
  const uint8_t *payload;
} Hav1ITUTT35;

/* Timecode metadata (spec section 6.7.7). */
typedef struct Hav1Timecode {
  int counting_type, full_timestamp_flag, discontinuity_flag, cnt_dropped_flag;
  int n_frames, seconds_value, minutes_value, hours_value;
  int time_offset_length;
  uint32_t time_offset_value;
} Hav1Timecode;

/* ------------------------------------------------------------------ */
/* Pictures                                                            */

/* Plane pointers and strides are aligned to this many bytes. */
#define HAV1_PICTURE_ALIGNMENT 64

typedef struct Hav1PictureParameters {
  int w, h;               /* size of the luma plane in pixels */
  Hav1PixelLayout layout;
  int bpc;                /* bits per component: 8, 10 or 12 */
} Hav1PictureParameters;

typedef struct Hav1Picture {
  const Hav1SequenceInfo *seq; /* valid while the picture is referenced */
  const Hav1FrameInfo *frame;
  Hav1PictureParameters p;
  /* Planes Y, U, V; U and V are NULL for I400.  Samples are uint8_t when
   * bpc == 8, else uint16_t.  stride[0] for Y, stride[1] for U and V, in
   * bytes. */
  void *data[3];
  ptrdiff_t stride[2];
  Hav1DataProps m; /* props of the packet that started this frame */
  const Hav1ContentLightLevel *content_light; /* NULL when absent */
  const Hav1MasteringDisplay *mastering_display;
  const Hav1ITUTT35 *itut_t35;
  size_t n_itut_t35;
  const Hav1Timecode *timecode;
  void *allocator_data; /* set by the picture allocator callback */
  Hav1Ref *ref;         /* internal: owner of everything above */
  uint8_t reserved[64];
} Hav1Picture;

/* Custom picture allocation, e.g. for zero-copy into a player's buffers.
 * alloc_picture_callback gets pic->p filled in and must set pic->data[],
 * pic->stride[] (aligned to HAV1_PICTURE_ALIGNMENT) and may set
 * pic->allocator_data; each plane must have HAV1_PICTURE_ALIGNMENT bytes of
 * padding after its last row.  Returns 0 or a negative value on failure.
 * Callbacks may run on decoder worker threads. */
typedef struct Hav1PicAllocator {
  void *cookie;
  int (*alloc_picture_callback)(Hav1Picture *pic, void *cookie);
  void (*release_picture_callback)(Hav1Picture *pic, void *cookie);
} Hav1PicAllocator;

/* Take another reference to src into dst. */
HAV1_API int hav1_picture_ref(Hav1Picture *dst, const Hav1Picture *src);
/* Release the picture and zero it.  NULL-safe. */
HAV1_API void hav1_picture_unref(Hav1Picture *p);

/* ------------------------------------------------------------------ */
/* Logging and syntax tracing                                          */

typedef enum Hav1LogLevel {
  HAV1_LOG_ERROR = 0,
  HAV1_LOG_WARNING = 1,
  HAV1_LOG_INFO = 2,
  HAV1_LOG_DEBUG = 3
} Hav1LogLevel;

typedef struct Hav1Logger {
  void *cookie;
  /* message is one line without a trailing newline. */
  void (*callback)(void *cookie, Hav1LogLevel level, const char *message);
} Hav1Logger;

/* Receives every syntax element the header parser reads, by its spec name
 * with array subscripts filled in (e.g. "ref_order_hint[3]").
 * begin(cookie, structure) opens a syntax structure such as
 * "obu_header", "sequence_header_obu", "frame_header_obu",
 * "tile_group_obu" or "metadata_obu". */
typedef struct Hav1SyntaxTracer {
  void *cookie;
  void (*begin)(void *cookie, const char *structure);
  void (*element)(void *cookie, const char *name, int64_t value);
} Hav1SyntaxTracer;

/* ------------------------------------------------------------------ */
/* Settings                                                            */

typedef enum Hav1InloopFilterType {
  HAV1_INLOOPFILTER_NONE = 0,
  HAV1_INLOOPFILTER_DEBLOCK = 1 << 0,
  HAV1_INLOOPFILTER_CDEF = 1 << 1,
  HAV1_INLOOPFILTER_RESTORATION = 1 << 2,
  HAV1_INLOOPFILTER_ALL = 7
} Hav1InloopFilterType;

typedef enum Hav1DecodeFrameType {
  HAV1_DECODEFRAMETYPE_ALL = 0,       /* every frame                  */
  HAV1_DECODEFRAMETYPE_REFERENCE = 1, /* frames used as references    */
  HAV1_DECODEFRAMETYPE_INTRA = 2,     /* key and intra-only frames    */
  HAV1_DECODEFRAMETYPE_KEY = 3        /* key frames only              */
} Hav1DecodeFrameType;

typedef struct Hav1Settings {
  size_t struct_size;     /* sizeof(Hav1Settings), set by hav1_default_settings */
  int n_threads;          /* 0 = number of cores (default)                     */
  int max_frame_delay;    /* 0 = automatic (default), 1 = lowest latency       */
  int apply_grain;        /* 1 = apply film grain to output (default)          */
  int operating_point;    /* 0..31, default 0                                  */
  int all_layers;         /* 1 = output every spatial layer; 0 (default) only
                             the highest of each temporal unit                */
  unsigned frame_size_limit; /* max pixels per frame, 0 = 8192*8192 (default) */
  int strict_std_compliance; /* 1 = reject streams with non-normative quirks  */
  int output_invisible_frames; /* 1 = also output frames not shown            */
  Hav1InloopFilterType inloop_filters; /* default HAV1_INLOOPFILTER_ALL        */
  Hav1DecodeFrameType decode_frame_type; /* default HAV1_DECODEFRAMETYPE_ALL   */
  int parse_only;         /* 1 = parse OBUs and headers, output no pictures   */
  /* Highest SIMD target to use: NULL or "auto" for the best the CPU has, or
   * a Highway target name ("scalar", "emu128", "ssse3", "sse4", "avx2",
   * "avx3", "avx3_dl", "neon", "sve", ...).  Unknown names are rejected. */
  const char *cpu_target;
  Hav1PicAllocator allocator; /* default: the library's own allocator */
  Hav1Logger logger;          /* default: errors and warnings to stderr */
  Hav1SyntaxTracer tracer;    /* default: none                         */
  uint8_t reserved[64];
} Hav1Settings;

/* Fill s with defaults (including s->struct_size). */
HAV1_API void hav1_default_settings(Hav1Settings *s);

/* ------------------------------------------------------------------ */
/* Decoding                                                            */

typedef struct Hav1Context Hav1Context;

/* Open a decoder.  s may be NULL for defaults; s->struct_size must be set
 * (hav1_default_settings does it).  On failure *c_out is NULL. */
HAV1_API int hav1_open(Hav1Context **c_out, const Hav1Settings *s);

/* Parse the first sequence header found in buf (Section 5 OBUs). */
HAV1_API int hav1_parse_sequence_header(Hav1SequenceInfo *out,
                                        const uint8_t *buf, size_t sz);

/* Feed data.  On success the library takes the data's reference and zeroes
 * *in.  HAV1_ERR_AGAIN: pictures must be taken out first; *in is left with
 * the unconsumed part, to be sent again.  On an error the failing packet's
 * props are available from hav1_get_decode_error_data_props() and the
 * decoder stays usable: it resumes at the next key frame. */
HAV1_API int hav1_send_data(Hav1Context *c, Hav1Data *in);

/* Take a decoded picture.  HAV1_ERR_AGAIN: send more data first.
 * HAV1_ERR_EOF: after hav1_drain(), every picture has been returned. */
HAV1_API int hav1_get_picture(Hav1Context *c, Hav1Picture *out);

/* Signal the end of the stream: pending frames are finished and returned by
 * hav1_get_picture(), which then returns HAV1_ERR_EOF.  Sending data after
 * that starts a new stream segment. */
HAV1_API int hav1_drain(Hav1Context *c);

/* Drop all pending data and pictures and reference state (for seeking). */
HAV1_API void hav1_flush(Hav1Context *c);

/* Close the decoder and set *c_out to NULL.  NULL-safe. */
HAV1_API void hav1_close(Hav1Context **c_out);

typedef enum Hav1EventFlags {
  HAV1_EVENT_FLAG_NEW_SEQUENCE = 1 << 0,       /* a new sequence header   */
  HAV1_EVENT_FLAG_NEW_OP_PARAMS_INFO = 1 << 1  /* new operating parameters */
} Hav1EventFlags;

/* Events since the last call; clears them. */
HAV1_API int hav1_get_event_flags(Hav1Context *c, Hav1EventFlags *flags);

/* Props of the packet whose decoding failed last (a new reference is
 * taken; release with hav1_data_props_unref). */
HAV1_API int hav1_get_decode_error_data_props(Hav1Context *c,
                                              Hav1DataProps *out);

/* Frame delay the settings lead to (1 when max_frame_delay is 1). */
HAV1_API int hav1_get_frame_delay(const Hav1Settings *s);

/* Name of the SIMD target whose kernels this decoder uses, e.g. "AVX2". */
HAV1_API const char *hav1_get_simd_target(const Hav1Context *c);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* HAV1_HAV1_H_ */
