/* hav1dec: GStreamer AV1 video decoder element on the public hav1 C API.
 *
 * Input buffers (temporal units or frames from av1parse) are wrapped, not
 * copied: the library holds the mapped GstBuffer until it is done with it.
 * Every packet carries the GstVideoCodecFrame's system_frame_number as user
 * data, which comes back on the pictures decoded from it.  Pictures are
 * decoded into a GstBufferPool (gsthav1picture.c) and pushed without a copy
 * when downstream handles GstVideoMeta. */
#include "gsthav1dec.h"

#include <string.h>

#include <hav1/hav1.h>

#include "gsthav1caps.h"
#include "gsthav1picture.h"

GST_DEBUG_CATEGORY (gst_hav1_dec_debug);
#define GST_CAT_DEFAULT gst_hav1_dec_debug

enum
{
  PROP_0,
  PROP_N_THREADS,
  PROP_MAX_FRAME_DELAY,
  PROP_APPLY_GRAIN,
  PROP_OPERATING_POINT,
  PROP_OUTPUT_ALL_LAYERS,
  PROP_INLOOP_FILTERS,
};

#define DEFAULT_N_THREADS 0
#define DEFAULT_MAX_FRAME_DELAY -1
#define DEFAULT_APPLY_GRAIN TRUE
#define DEFAULT_OPERATING_POINT 0
#define DEFAULT_OUTPUT_ALL_LAYERS FALSE
#define DEFAULT_INLOOP_FILTERS HAV1_INLOOPFILTER_ALL

/* How often a stalled send/get exchange is retried (1 ms apart) before the
 * element gives up with an error instead of hanging. */
#define MAX_STALLS 2000

struct _GstHav1Dec
{
  GstVideoDecoder parent;

  /* Properties (object lock); used when the decoder is opened. */
  guint n_threads;
  gint max_frame_delay;
  gboolean apply_grain;
  guint operating_point;
  gboolean output_all_layers;
  guint inloop_filters;

  /* Streaming state (stream lock). */
  Hav1Context *ctx;
  GstHav1PicturePool *pool;
  GstVideoCodecState *input_state;
  gint frame_delay;             /* of the open decoder */
  gboolean use_video_meta;      /* downstream handles GstVideoMeta */

  /* Description of the current output state. */
  gboolean have_output;
  GstVideoFormat out_format;
  gint out_width, out_height;
  GstVideoColorimetry out_colorimetry;
  GstVideoChromaSite out_chroma_site;
  gint out_par_n, out_par_d;    /* 0/0: the input's */
  gboolean have_mastering, have_light_level;
  GstVideoMasteringDisplayInfo mastering;
  GstVideoContentLightLevel light_level;
};

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS,
    GST_STATIC_CAPS ("video/x-av1, stream-format = (string) obu-stream, "
        "alignment = (string) { tu, frame }"));

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS,
    GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE (GST_HAV1_SRC_FORMATS)));

#define gst_hav1_dec_parent_class parent_class
G_DEFINE_TYPE (GstHav1Dec, gst_hav1_dec, GST_TYPE_VIDEO_DECODER);
GST_ELEMENT_REGISTER_DEFINE_WITH_CODE (hav1dec, "hav1dec", GST_RANK_PRIMARY,
    GST_TYPE_HAV1_DEC,
    GST_DEBUG_CATEGORY_INIT (gst_hav1_dec_debug, "hav1dec", 0,
        "hav1 AV1 decoder"));

GType
gst_hav1_dec_inloop_filters_get_type (void)
{
  static GType type = 0;
  static const GFlagsValue values[] = {
    {HAV1_INLOOPFILTER_DEBLOCK, "Deblocking filter", "deblock"},
    {HAV1_INLOOPFILTER_CDEF, "Constrained directional enhancement filter",
        "cdef"},
    {HAV1_INLOOPFILTER_RESTORATION, "Loop restoration filter", "restoration"},
    {0, NULL, NULL},
  };

  if (g_once_init_enter (&type)) {
    GType t = g_flags_register_static ("GstHav1DecInloopFilters", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

/* ------------------------------------------------------------------ */
/* Opening the decoder                                                 */

/* Hav1Logger.callback: library messages go to the GStreamer debug log. */
static void
gst_hav1_dec_log (void *cookie, Hav1LogLevel level, const char *message)
{
  static const GstDebugLevel levels[] = {
    GST_LEVEL_WARNING, GST_LEVEL_WARNING, GST_LEVEL_INFO, GST_LEVEL_DEBUG
  };
  GstDebugLevel gst_level = level >= 0 && level <= HAV1_LOG_DEBUG ?
      levels[level] : GST_LEVEL_DEBUG;

  GST_CAT_LEVEL_LOG (gst_hav1_dec_debug, gst_level, cookie, "hav1: %s",
      message);
}

static gboolean
gst_hav1_dec_upstream_is_live (GstHav1Dec * self)
{
  GstQuery *query = gst_query_new_latency ();
  gboolean live = FALSE;

  if (gst_pad_peer_query (GST_VIDEO_DECODER_SINK_PAD (self), query))
    gst_query_parse_latency (query, &live, NULL, NULL);
  gst_query_unref (query);
  return live;
}

/* Latency: a picture comes out frame_delay - 1 packets after its own. */
static void
gst_hav1_dec_update_latency (GstHav1Dec * self)
{
  gint fps_n = 25, fps_d = 1;   /* a guess while the rate is unknown */
  GstClockTime latency;

  if (!self->ctx)
    return;
  if (self->input_state && GST_VIDEO_INFO_FPS_N (&self->input_state->info) > 0
      && GST_VIDEO_INFO_FPS_D (&self->input_state->info) > 0) {
    fps_n = GST_VIDEO_INFO_FPS_N (&self->input_state->info);
    fps_d = GST_VIDEO_INFO_FPS_D (&self->input_state->info);
  }
  latency = gst_util_uint64_scale (MAX (self->frame_delay, 1) - 1,
      (guint64) fps_d * GST_SECOND, fps_n);
  GST_DEBUG_OBJECT (self, "frame delay %d, latency %" GST_TIME_FORMAT,
      self->frame_delay, GST_TIME_ARGS (latency));
  gst_video_decoder_set_latency (GST_VIDEO_DECODER (self), latency, latency);
}

static gboolean
gst_hav1_dec_open_decoder (GstHav1Dec * self)
{
  Hav1Settings s;
  int r;

  hav1_default_settings (&s);
  GST_OBJECT_LOCK (self);
  s.n_threads = (int) self->n_threads;
  s.max_frame_delay = self->max_frame_delay;
  s.apply_grain = self->apply_grain ? 1 : 0;
  s.operating_point = (int) self->operating_point;
  s.all_layers = self->output_all_layers ? 1 : 0;
  s.inloop_filters = (Hav1InloopFilterType) self->inloop_filters;
  GST_OBJECT_UNLOCK (self);
  if (s.max_frame_delay < 0)
    s.max_frame_delay = gst_hav1_dec_upstream_is_live (self) ? 1 : 0;
  gst_hav1_picture_pool_fill_allocator (self->pool, &s.allocator);
  s.logger.cookie = self;
  s.logger.callback = gst_hav1_dec_log;

  r = hav1_open (&self->ctx, &s);
  if (r != HAV1_OK) {
    GST_ELEMENT_ERROR (self, LIBRARY, INIT, ("Could not open the hav1 decoder"),
        ("hav1_open: %s", hav1_strerror (r)));
    self->ctx = NULL;
    return FALSE;
  }
  self->frame_delay = hav1_get_frame_delay (&s);
  GST_INFO_OBJECT (self, "hav1 %s opened: %d threads, max frame delay %d "
      "(frame delay %d), SIMD %s", hav1_version (), s.n_threads,
      s.max_frame_delay, self->frame_delay, hav1_get_simd_target (self->ctx));
  gst_hav1_dec_update_latency (self);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GstVideoDecoder start/stop/format                                    */

static gboolean
gst_hav1_dec_start (GstVideoDecoder * decoder)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);

  self->pool = gst_hav1_picture_pool_new (GST_OBJECT (self));
  self->have_output = FALSE;
  self->have_mastering = self->have_light_level = FALSE;
  self->use_video_meta = FALSE;
  return TRUE;
}

static gboolean
gst_hav1_dec_stop (GstVideoDecoder * decoder)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);

  hav1_close (&self->ctx);
  gst_hav1_picture_pool_free (self->pool);
  self->pool = NULL;
  g_clear_pointer (&self->input_state, gst_video_codec_state_unref);
  return TRUE;
}

static gboolean
gst_hav1_dec_set_format (GstVideoDecoder * decoder, GstVideoCodecState * state)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);

  GST_DEBUG_OBJECT (self, "input caps %" GST_PTR_FORMAT, state->caps);
  g_clear_pointer (&self->input_state, gst_video_codec_state_unref);
  self->input_state = gst_video_codec_state_ref (state);
  if (!self->ctx)
    return gst_hav1_dec_open_decoder (self);
  gst_hav1_dec_update_latency (self);
  return TRUE;
}

static gboolean
gst_hav1_dec_decide_allocation (GstVideoDecoder * decoder, GstQuery * query)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);

  if (!GST_VIDEO_DECODER_CLASS (parent_class)->decide_allocation (decoder,
          query))
    return FALSE;
  self->use_video_meta = gst_query_find_allocation_meta (query,
      GST_VIDEO_META_API_TYPE, NULL);
  GST_DEBUG_OBJECT (self, "downstream %s GstVideoMeta: %s",
      self->use_video_meta ? "supports" : "does not support",
      self->use_video_meta ? "zero-copy" : "copying pictures");
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

static guint32
gst_hav1_dec_frame_number (const Hav1DataProps * props, gboolean * found)
{
  guint32 number = 0;

  *found = props->user_data.data != NULL;
  if (*found)
    memcpy (&number, props->user_data.data, sizeof (number));
  return number;
}

/* Frames older than number are finished: they produced no picture (hidden
 * frames, packets without a frame) and never will, as pictures come out in
 * packet order. */
static void
gst_hav1_dec_release_older_frames (GstHav1Dec * self, guint32 number)
{
  GList *frames = gst_video_decoder_get_frames (GST_VIDEO_DECODER (self));
  GList *l;

  for (l = frames; l; l = l->next) {
    GstVideoCodecFrame *frame = l->data;

    if ((gint32) (frame->system_frame_number - number) < 0) {
      GST_LOG_OBJECT (self, "frame %u has no picture",
          frame->system_frame_number);
      gst_video_decoder_release_frame (GST_VIDEO_DECODER (self), frame);
    } else {
      gst_video_codec_frame_unref (frame);
    }
  }
  g_list_free (frames);
}

static void
gst_hav1_dec_release_all_frames (GstHav1Dec * self)
{
  GList *frames = gst_video_decoder_get_frames (GST_VIDEO_DECODER (self));
  GList *l;

  for (l = frames; l; l = l->next)
    gst_video_decoder_release_frame (GST_VIDEO_DECODER (self), l->data);
  g_list_free (frames);
}

/* The pending frame a picture belongs to (a new reference), or NULL. */
static GstVideoCodecFrame *
gst_hav1_dec_find_frame (GstHav1Dec * self, const Hav1Picture * pic)
{
  GstVideoDecoder *decoder = GST_VIDEO_DECODER (self);
  GstVideoCodecFrame *frame;
  gboolean found;
  guint32 number = gst_hav1_dec_frame_number (&pic->m, &found);

  if (!found)
    return gst_video_decoder_get_oldest_frame (decoder);
  gst_hav1_dec_release_older_frames (self, number);
  frame = gst_video_decoder_get_frame (decoder, number);
  if (frame || self->output_all_layers)
    return frame;
  /* A picture can carry the props of a packet whose frame is already done
   * (e.g. a shown existing frame); it is due now, so it belongs to the
   * oldest pending frame. */
  return gst_video_decoder_get_oldest_frame (decoder);
}

static GstVideoMasteringDisplayInfo *
gst_hav1_dec_dup_mastering (const GstVideoMasteringDisplayInfo * in)
{
  GstVideoMasteringDisplayInfo *out = g_slice_new (GstVideoMasteringDisplayInfo);

  *out = *in;
  return out;
}

static GstVideoContentLightLevel *
gst_hav1_dec_dup_light_level (const GstVideoContentLightLevel * in)
{
  GstVideoContentLightLevel *out = g_slice_new (GstVideoContentLightLevel);

  *out = *in;
  return out;
}

/* Makes the output caps describe pic: format, size, colorimetry, chroma
 * siting, HDR metadata.  Renegotiates when something changed. */
static GstFlowReturn
gst_hav1_dec_update_output_state (GstHav1Dec * self, const Hav1Picture * pic)
{
  GstVideoDecoder *decoder = GST_VIDEO_DECODER (self);
  GstVideoColorimetry colorimetry = { 0, };
  GstVideoChromaSite chroma_site = GST_VIDEO_CHROMA_SITE_UNKNOWN;
  gboolean rgb = FALSE, changed;
  GstVideoCodecState *state;
  GstVideoFormat format;
  gint par_n = 0, par_d = 0;

  if (pic->seq) {
    rgb = pic->seq->color.matrix_coefficients == 0;     /* MC_IDENTITY */
    gst_hav1_colorimetry (&pic->seq->color, &colorimetry);
    chroma_site = gst_hav1_chroma_site (&pic->seq->color, pic->p.layout);
  }
  /* 6.8.6: the render size is the intended display size; when it differs from
   * the frame size, say so with the pixel aspect ratio. */
  if (pic->frame && pic->frame->render_width > 0 &&
      pic->frame->render_height > 0 && pic->p.w > 0 && pic->p.h > 0 &&
      (pic->frame->render_width != pic->p.w ||
          pic->frame->render_height != pic->p.h)) {
    guint64 n = (guint64) pic->frame->render_width * pic->p.h;
    guint64 d = (guint64) pic->frame->render_height * pic->p.w;
    guint64 a = n, b = d;

    while (b) {                 /* reduce by the greatest common divisor */
      guint64 t = a % b;
      a = b;
      b = t;
    }
    n /= a;
    d /= a;
    if (n <= G_MAXINT && d <= G_MAXINT) {
      par_n = (gint) n;
      par_d = (gint) d;
    }
  }
  format = gst_hav1_video_format (pic->p.layout, pic->p.bpc, rgb);
  if (format == GST_VIDEO_FORMAT_UNKNOWN || pic->p.w <= 0 || pic->p.h <= 0) {
    GST_ELEMENT_ERROR (self, STREAM, DECODE, ("Unexpected picture format"),
        ("layout %d, %d bits, %dx%d", pic->p.layout, pic->p.bpc, pic->p.w,
            pic->p.h));
    return GST_FLOW_ERROR;
  }

  changed = !self->have_output || format != self->out_format ||
      pic->p.w != self->out_width || pic->p.h != self->out_height ||
      !gst_video_colorimetry_is_equal (&colorimetry, &self->out_colorimetry) ||
      chroma_site != self->out_chroma_site || par_n != self->out_par_n ||
      par_d != self->out_par_d;
  /* HDR metadata OBUs usually come with key frames only: keep the last. */
  if (pic->mastering_display) {
    GstVideoMasteringDisplayInfo m;

    gst_hav1_mastering_display (pic->mastering_display, &m);
    if (!self->have_mastering ||
        !gst_video_mastering_display_info_is_equal (&m, &self->mastering)) {
      self->mastering = m;
      self->have_mastering = TRUE;
      changed = TRUE;
    }
  }
  if (pic->content_light) {
    GstVideoContentLightLevel l;

    gst_hav1_content_light_level (pic->content_light, &l);
    if (!self->have_light_level ||
        !gst_video_content_light_level_is_equal (&l, &self->light_level)) {
      self->light_level = l;
      self->have_light_level = TRUE;
      changed = TRUE;
    }
  }
  if (!changed)
    return GST_FLOW_OK;       /* the base class handles reconfigure events */

  GST_INFO_OBJECT (self, "output %s %dx%d", gst_video_format_to_string (format),
      pic->p.w, pic->p.h);
  state = gst_video_decoder_set_output_state (decoder, format, pic->p.w,
      pic->p.h, self->input_state);
  state->info.colorimetry = colorimetry;
  state->info.chroma_site = chroma_site;
  if (par_n > 0) {
    GST_VIDEO_INFO_PAR_N (&state->info) = par_n;
    GST_VIDEO_INFO_PAR_D (&state->info) = par_d;
  }
  if (self->have_mastering) {
    if (state->mastering_display_info)
      g_slice_free (GstVideoMasteringDisplayInfo, state->mastering_display_info);
    state->mastering_display_info =
        gst_hav1_dec_dup_mastering (&self->mastering);
  }
  if (self->have_light_level) {
    if (state->content_light_level)
      g_slice_free (GstVideoContentLightLevel, state->content_light_level);
    state->content_light_level =
        gst_hav1_dec_dup_light_level (&self->light_level);
  }
  /* The base class builds caps from state->info only: add the HDR fields. */
  state->caps = gst_video_info_to_caps (&state->info);
  if (self->have_mastering)
    gst_video_mastering_display_info_add_to_caps (&self->mastering,
        state->caps);
  if (self->have_light_level)
    gst_video_content_light_level_add_to_caps (&self->light_level,
        state->caps);
  gst_video_codec_state_unref (state);

  self->have_output = TRUE;
  self->out_format = format;
  self->out_width = pic->p.w;
  self->out_height = pic->p.h;
  self->out_colorimetry = colorimetry;
  self->out_chroma_site = chroma_site;
  self->out_par_n = par_n;
  self->out_par_d = par_d;

  if (!gst_video_decoder_negotiate (decoder)) {
    self->have_output = FALSE;  /* try again with the next picture */
    if (GST_PAD_IS_FLUSHING (GST_VIDEO_DECODER_SRC_PAD (self)))
      return GST_FLOW_FLUSHING;
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, (NULL),
        ("downstream does not accept %s %dx%d",
            gst_video_format_to_string (format), pic->p.w, pic->p.h));
    return GST_FLOW_NOT_NEGOTIATED;
  }
  return GST_FLOW_OK;
}

static GstFlowReturn
gst_hav1_dec_push_picture (GstHav1Dec * self, const Hav1Picture * pic)
{
  GstVideoDecoder *decoder = GST_VIDEO_DECODER (self);
  GstVideoCodecFrame *frame = gst_hav1_dec_find_frame (self, pic);
  GstFlowReturn ret;

  if (!frame) {
    GST_DEBUG_OBJECT (self, "no frame left for a picture: dropped");
    return GST_FLOW_OK;
  }
  ret = gst_hav1_dec_update_output_state (self, pic);
  if (ret != GST_FLOW_OK) {
    gst_video_decoder_drop_frame (decoder, frame);
    return ret;
  }

  if (self->use_video_meta)
    frame->output_buffer = gst_hav1_picture_share (pic, self->out_format);
  if (!frame->output_buffer) {
    GstVideoCodecState *state = gst_video_decoder_get_output_state (decoder);
    GstVideoFrame out;

    ret = gst_video_decoder_allocate_output_frame (decoder, frame);
    if (ret != GST_FLOW_OK) {
      gst_video_codec_state_unref (state);
      gst_video_decoder_drop_frame (decoder, frame);
      return ret;
    }
    if (!gst_video_frame_map (&out, &state->info, frame->output_buffer,
            GST_MAP_WRITE)) {
      gst_video_codec_state_unref (state);
      gst_video_decoder_drop_frame (decoder, frame);
      GST_ELEMENT_ERROR (self, RESOURCE, WRITE, (NULL),
          ("Could not map an output buffer"));
      return GST_FLOW_ERROR;
    }
    gst_hav1_picture_copy (pic, &out);
    gst_video_frame_unmap (&out);
    gst_video_codec_state_unref (state);
  }
  if (pic->frame && pic->frame->frame_type == HAV1_FRAME_TYPE_KEY)
    GST_VIDEO_CODEC_FRAME_SET_SYNC_POINT (frame);
  return gst_video_decoder_finish_frame (decoder, frame);
}

/* A failed packet: the stream is broken (a counted decode error, and a key
 * frame is requested upstream since the library resumes at one) or hav1
 * cannot decode it at all (a fatal error). */
static GstFlowReturn
gst_hav1_dec_handle_error (GstHav1Dec * self, int error)
{
  GstVideoDecoder *decoder = GST_VIDEO_DECODER (self);
  GstVideoCodecFrame *frame = NULL;
  GstFlowReturn ret = GST_FLOW_OK;
  Hav1DataProps props;

  hav1_data_props_init (&props);
  if (hav1_get_decode_error_data_props (self->ctx, &props) == HAV1_OK) {
    gboolean found;
    guint32 number = gst_hav1_dec_frame_number (&props, &found);

    if (found)
      frame = gst_video_decoder_get_frame (decoder, number);
  }
  hav1_data_props_unref (&props);

  switch (error) {
    case HAV1_ERR_INVALID_DATA:
    case HAV1_ERR_LIMIT:
      if (frame) {
        gst_video_decoder_request_sync_point (decoder, frame, 0);
        gst_video_decoder_drop_frame (decoder, frame);
      } else {
        gst_pad_push_event (GST_VIDEO_DECODER_SINK_PAD (self),
            gst_video_event_new_upstream_force_key_unit (GST_CLOCK_TIME_NONE,
                TRUE, 0));
      }
      GST_VIDEO_DECODER_ERROR (self, 1, STREAM, DECODE,
          ("Could not decode the AV1 stream"), ("hav1: %s",
              hav1_strerror (error)), ret);
      return ret;
    case HAV1_ERR_NOT_IMPLEMENTED:
    case HAV1_ERR_UNSUPPORTED:
      if (frame)
        gst_video_decoder_drop_frame (decoder, frame);
      GST_ELEMENT_ERROR (self, STREAM, NOT_IMPLEMENTED,
          ("hav1 cannot decode this AV1 stream"), ("hav1: %s",
              hav1_strerror (error)));
      return GST_FLOW_ERROR;
    default:
      if (frame)
        gst_video_decoder_drop_frame (decoder, frame);
      GST_ELEMENT_ERROR (self, STREAM, DECODE, ("AV1 decoding failed"),
          ("hav1: %s (%d)", hav1_strerror (error), error));
      return GST_FLOW_ERROR;
  }
}

/* Takes every picture the decoder has ready and pushes it.  *count (may be
 * NULL) is increased by the number of pictures taken; *eof is set when the
 * decoder reports the end of a drain. */
static GstFlowReturn
gst_hav1_dec_output_pictures (GstHav1Dec * self, guint * count, gboolean * eof)
{
  for (;;) {
    Hav1Picture pic = { 0 };
    GstFlowReturn ret;
    int r = hav1_get_picture (self->ctx, &pic);

    if (r == HAV1_ERR_AGAIN)
      return GST_FLOW_OK;
    if (r == HAV1_ERR_EOF) {
      if (eof)
        *eof = TRUE;
      return GST_FLOW_OK;
    }
    if (count)
      (*count)++;
    if (r != HAV1_OK)
      return gst_hav1_dec_handle_error (self, r);
    ret = gst_hav1_dec_push_picture (self, &pic);
    hav1_picture_unref (&pic);
    if (ret != GST_FLOW_OK)
      return ret;
  }
}

/* ------------------------------------------------------------------ */
/* Input                                                               */

typedef struct
{
  GstBuffer *buffer;
  GstMapInfo map;
} GstHav1InputRef;

/* Hav1FreeCallback of input packets: the library is done with the bytes. */
static void
gst_hav1_dec_free_input (const uint8_t * data, void *cookie)
{
  GstHav1InputRef *in = cookie;

  (void) data;
  gst_buffer_unmap (in->buffer, &in->map);
  gst_buffer_unref (in->buffer);
  g_free (in);
}

/* Hav1FreeCallback of the user data (a guint32 frame number). */
static void
gst_hav1_dec_free_user_data (const uint8_t * data, void *cookie)
{
  (void) cookie;
  g_free ((gpointer) data);
}

/* Wraps frame's input buffer into data without copying it. */
static gboolean
gst_hav1_dec_wrap_input (GstHav1Dec * self, GstVideoCodecFrame * frame,
    Hav1Data * data)
{
  GstHav1InputRef *in = g_new0 (GstHav1InputRef, 1);
  guint32 *number;

  in->buffer = gst_buffer_ref (frame->input_buffer);
  if (!gst_buffer_map (in->buffer, &in->map, GST_MAP_READ)) {
    gst_buffer_unref (in->buffer);
    g_free (in);
    return FALSE;
  }
  if (hav1_data_wrap (data, in->map.data, in->map.size,
          gst_hav1_dec_free_input, in) != HAV1_OK) {
    gst_hav1_dec_free_input (NULL, in);
    return FALSE;
  }
  number = g_new (guint32, 1);
  *number = frame->system_frame_number;
  if (hav1_data_wrap_user_data (data, (const uint8_t *) number,
          gst_hav1_dec_free_user_data, NULL) != HAV1_OK) {
    g_free (number);
    hav1_data_unref (data);
    return FALSE;
  }
  data->m.timestamp = GST_CLOCK_TIME_IS_VALID (frame->pts) ?
      (int64_t) frame->pts : INT64_MIN;
  data->m.duration = GST_CLOCK_TIME_IS_VALID (frame->duration) ?
      (int64_t) frame->duration : 0;
  data->m.offset = GST_BUFFER_OFFSET_IS_VALID (frame->input_buffer) ?
      (int64_t) GST_BUFFER_OFFSET (frame->input_buffer) : -1;
  GST_LOG_OBJECT (self, "frame %u: %" G_GSIZE_FORMAT " bytes",
      frame->system_frame_number, in->map.size);
  return TRUE;
}

static GstFlowReturn
gst_hav1_dec_handle_frame (GstVideoDecoder * decoder,
    GstVideoCodecFrame * frame)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);
  GstFlowReturn ret = GST_FLOW_OK;
  Hav1Data data = { 0 };
  guint stalls = 0;

  if (!self->ctx && !gst_hav1_dec_open_decoder (self)) {
    gst_video_decoder_drop_frame (decoder, frame);
    return GST_FLOW_ERROR;
  }
  if (gst_buffer_get_size (frame->input_buffer) == 0) {
    gst_video_decoder_release_frame (decoder, frame);
    return GST_FLOW_OK;
  }
  if (!gst_hav1_dec_wrap_input (self, frame, &data)) {
    gst_video_decoder_drop_frame (decoder, frame);
    GST_ELEMENT_ERROR (self, RESOURCE, READ, (NULL),
        ("Could not wrap an input buffer"));
    return GST_FLOW_ERROR;
  }
  /* The frame stays pending in the base class until its picture is out. */
  gst_video_codec_frame_unref (frame);

  while (data.sz > 0) {
    guint pictures = 0;
    int r = hav1_send_data (self->ctx, &data);

    if (r == HAV1_OK)
      break;
    if (r != HAV1_ERR_AGAIN) {
      ret = gst_hav1_dec_handle_error (self, r);
      break;
    }
    /* The decoder is full: take pictures out, then send the rest. */
    ret = gst_hav1_dec_output_pictures (self, &pictures, NULL);
    if (ret != GST_FLOW_OK)
      break;
    if (pictures == 0) {
      if (++stalls > MAX_STALLS) {
        GST_ELEMENT_ERROR (self, STREAM, DECODE, (NULL),
            ("hav1 neither accepts data nor returns pictures"));
        ret = GST_FLOW_ERROR;
        break;
      }
      g_usleep (1000);
    } else {
      stalls = 0;
    }
  }
  hav1_data_unref (&data);
  if (ret == GST_FLOW_OK)
    ret = gst_hav1_dec_output_pictures (self, NULL, NULL);
  return ret;
}

/* Outputs every pending picture (EOS, drain query, new caps). */
static GstFlowReturn
gst_hav1_dec_drain (GstVideoDecoder * decoder)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);
  GstFlowReturn ret = GST_FLOW_OK;
  gboolean eof = FALSE;
  guint stalls = 0;
  int r;

  if (!self->ctx)
    return GST_FLOW_OK;
  GST_DEBUG_OBJECT (self, "draining");
  r = hav1_drain (self->ctx);
  if (r != HAV1_OK)
    ret = gst_hav1_dec_handle_error (self, r);
  while (ret == GST_FLOW_OK && !eof) {
    guint pictures = 0;

    ret = gst_hav1_dec_output_pictures (self, &pictures, &eof);
    if (ret != GST_FLOW_OK || eof)
      break;
    if (pictures == 0) {
      /* HAV1_ERR_AGAIN while draining: worker threads are still busy. */
      if (++stalls > MAX_STALLS) {
        GST_WARNING_OBJECT (self, "drain did not end, giving up");
        break;
      }
      g_usleep (1000);
    } else {
      stalls = 0;
    }
  }
  /* Whatever is left produced no picture. */
  gst_hav1_dec_release_all_frames (self);
  return ret;
}

static GstFlowReturn
gst_hav1_dec_finish (GstVideoDecoder * decoder)
{
  return gst_hav1_dec_drain (decoder);
}

static gboolean
gst_hav1_dec_flush (GstVideoDecoder * decoder)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);

  GST_DEBUG_OBJECT (self, "flush");
  if (self->ctx)
    hav1_flush (self->ctx);
  return TRUE;
}

/* With output-all-layers every spatial layer is its own picture, so ask
 * av1parse for frame alignment: one layer per input buffer. */
static GstCaps *
gst_hav1_dec_getcaps (GstVideoDecoder * decoder, GstCaps * filter)
{
  GstHav1Dec *self = GST_HAV1_DEC (decoder);
  GstCaps *templ, *caps;
  gboolean all_layers;

  GST_OBJECT_LOCK (self);
  all_layers = self->output_all_layers;
  GST_OBJECT_UNLOCK (self);
  if (!all_layers)
    return gst_video_decoder_proxy_getcaps (decoder, NULL, filter);

  templ = gst_caps_from_string ("video/x-av1, stream-format = (string) "
      "obu-stream, alignment = (string) frame; video/x-av1, stream-format = "
      "(string) obu-stream, alignment = (string) tu");
  caps = gst_video_decoder_proxy_getcaps (decoder, templ, filter);
  gst_caps_unref (templ);
  return caps;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
gst_hav1_dec_set_property (GObject * object, guint prop_id,
    const GValue * value, GParamSpec * pspec)
{
  GstHav1Dec *self = GST_HAV1_DEC (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_N_THREADS:
      self->n_threads = g_value_get_uint (value);
      break;
    case PROP_MAX_FRAME_DELAY:
      self->max_frame_delay = g_value_get_int (value);
      break;
    case PROP_APPLY_GRAIN:
      self->apply_grain = g_value_get_boolean (value);
      break;
    case PROP_OPERATING_POINT:
      self->operating_point = g_value_get_uint (value);
      break;
    case PROP_OUTPUT_ALL_LAYERS:
      self->output_all_layers = g_value_get_boolean (value);
      break;
    case PROP_INLOOP_FILTERS:
      self->inloop_filters = g_value_get_flags (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_hav1_dec_get_property (GObject * object, guint prop_id, GValue * value,
    GParamSpec * pspec)
{
  GstHav1Dec *self = GST_HAV1_DEC (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_N_THREADS:
      g_value_set_uint (value, self->n_threads);
      break;
    case PROP_MAX_FRAME_DELAY:
      g_value_set_int (value, self->max_frame_delay);
      break;
    case PROP_APPLY_GRAIN:
      g_value_set_boolean (value, self->apply_grain);
      break;
    case PROP_OPERATING_POINT:
      g_value_set_uint (value, self->operating_point);
      break;
    case PROP_OUTPUT_ALL_LAYERS:
      g_value_set_boolean (value, self->output_all_layers);
      break;
    case PROP_INLOOP_FILTERS:
      g_value_set_flags (value, self->inloop_filters);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_hav1_dec_class_init (GstHav1DecClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstVideoDecoderClass *decoder_class = GST_VIDEO_DECODER_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
      GST_PARAM_MUTABLE_READY;

  gobject_class->set_property = gst_hav1_dec_set_property;
  gobject_class->get_property = gst_hav1_dec_get_property;

  g_object_class_install_property (gobject_class, PROP_N_THREADS,
      g_param_spec_uint ("n-threads", "Threads",
          "Number of decoding threads (0 = one per CPU core)", 0, 256,
          DEFAULT_N_THREADS, flags));
  g_object_class_install_property (gobject_class, PROP_MAX_FRAME_DELAY,
      g_param_spec_int ("max-frame-delay", "Maximum frame delay",
          "Maximum number of frames in flight (-1 = 1 when upstream is live, "
          "else the library default; 0 = library default; 1 = lowest latency)",
          -1, 256, DEFAULT_MAX_FRAME_DELAY, flags));
  g_object_class_install_property (gobject_class, PROP_APPLY_GRAIN,
      g_param_spec_boolean ("apply-grain", "Apply film grain",
          "Apply film grain synthesis to the output (normative output)",
          DEFAULT_APPLY_GRAIN, flags));
  g_object_class_install_property (gobject_class, PROP_OPERATING_POINT,
      g_param_spec_uint ("operating-point", "Operating point",
          "Operating point to decode (scalable streams)", 0, 31,
          DEFAULT_OPERATING_POINT, flags));
  g_object_class_install_property (gobject_class, PROP_OUTPUT_ALL_LAYERS,
      g_param_spec_boolean ("output-all-layers", "Output all layers",
          "Output every spatial layer of a temporal unit, not only the "
          "highest", DEFAULT_OUTPUT_ALL_LAYERS, flags));
  g_object_class_install_property (gobject_class, PROP_INLOOP_FILTERS,
      g_param_spec_flags ("inloop-filters", "In-loop filters",
          "In-loop filters to apply (others are skipped: non-normative "
          "output)", GST_TYPE_HAV1_DEC_INLOOP_FILTERS, DEFAULT_INLOOP_FILTERS,
          flags));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "hav1 AV1 decoder",
      "Codec/Decoder/Video", "Decodes AV1 video with the hav1 library",
      "hav1 authors");

  decoder_class->start = GST_DEBUG_FUNCPTR (gst_hav1_dec_start);
  decoder_class->stop = GST_DEBUG_FUNCPTR (gst_hav1_dec_stop);
  decoder_class->set_format = GST_DEBUG_FUNCPTR (gst_hav1_dec_set_format);
  decoder_class->handle_frame = GST_DEBUG_FUNCPTR (gst_hav1_dec_handle_frame);
  decoder_class->flush = GST_DEBUG_FUNCPTR (gst_hav1_dec_flush);
  decoder_class->drain = GST_DEBUG_FUNCPTR (gst_hav1_dec_drain);
  decoder_class->finish = GST_DEBUG_FUNCPTR (gst_hav1_dec_finish);
  decoder_class->decide_allocation =
      GST_DEBUG_FUNCPTR (gst_hav1_dec_decide_allocation);
  decoder_class->getcaps = GST_DEBUG_FUNCPTR (gst_hav1_dec_getcaps);

  gst_type_mark_as_plugin_api (GST_TYPE_HAV1_DEC_INLOOP_FILTERS, 0);
}

static void
gst_hav1_dec_init (GstHav1Dec * self)
{
  GstVideoDecoder *decoder = GST_VIDEO_DECODER (self);

  self->n_threads = DEFAULT_N_THREADS;
  self->max_frame_delay = DEFAULT_MAX_FRAME_DELAY;
  self->apply_grain = DEFAULT_APPLY_GRAIN;
  self->operating_point = DEFAULT_OPERATING_POINT;
  self->output_all_layers = DEFAULT_OUTPUT_ALL_LAYERS;
  self->inloop_filters = DEFAULT_INLOOP_FILTERS;

  gst_video_decoder_set_packetized (decoder, TRUE);
  gst_video_decoder_set_needs_format (decoder, TRUE);
  gst_video_decoder_set_use_default_pad_acceptcaps (decoder, TRUE);
  GST_PAD_SET_ACCEPT_TEMPLATE (GST_VIDEO_DECODER_SINK_PAD (self));
}
