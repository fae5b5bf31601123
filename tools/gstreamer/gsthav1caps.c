/* hav1dec: hav1 picture descriptions to GStreamer formats and caps fields. */
#include "gsthav1caps.h"

GstVideoFormat
gst_hav1_video_format (Hav1PixelLayout layout, int bpc, gboolean rgb)
{
  /* Rows: I400, I420, I422, I444; columns: 8, 10, 12 bits. */
  static const GstVideoFormat yuv[4][3] = {
    {GST_VIDEO_FORMAT_GRAY8, GST_VIDEO_FORMAT_GRAY16_LE,
        GST_VIDEO_FORMAT_GRAY16_LE},
    {GST_VIDEO_FORMAT_I420, GST_VIDEO_FORMAT_I420_10LE,
        GST_VIDEO_FORMAT_I420_12LE},
    {GST_VIDEO_FORMAT_Y42B, GST_VIDEO_FORMAT_I422_10LE,
        GST_VIDEO_FORMAT_I422_12LE},
    {GST_VIDEO_FORMAT_Y444, GST_VIDEO_FORMAT_Y444_10LE,
        GST_VIDEO_FORMAT_Y444_12LE},
  };
  static const GstVideoFormat gbr[3] = {
    GST_VIDEO_FORMAT_GBR, GST_VIDEO_FORMAT_GBR_10LE, GST_VIDEO_FORMAT_GBR_12LE
  };
  int depth;

  switch (bpc) {
    case 8:
      depth = 0;
      break;
    case 10:
      depth = 1;
      break;
    case 12:
      depth = 2;
      break;
    default:
      return GST_VIDEO_FORMAT_UNKNOWN;
  }
  if (layout < HAV1_PIXEL_LAYOUT_I400 || layout > HAV1_PIXEL_LAYOUT_I444)
    return GST_VIDEO_FORMAT_UNKNOWN;
  /* In the AV1 identity matrix layout Y carries G, U carries B and V carries
   * R: exactly GStreamer's planar GBR formats. */
  if (rgb && layout == HAV1_PIXEL_LAYOUT_I444)
    return gbr[depth];
  return yuv[layout][depth];
}

void
gst_hav1_colorimetry (const Hav1ColorInfo * color, GstVideoColorimetry * out)
{
  /* 6.4.2: color_range 1 is full swing, 0 studio swing. */
  out->range = color->color_range ? GST_VIDEO_COLOR_RANGE_0_255 :
      GST_VIDEO_COLOR_RANGE_16_235;
  /* MC_IDENTITY (0) is RGB; the *_from_iso helpers map the remaining H.273
   * code points (2 = unspecified gives UNKNOWN: downstream picks a default). */
  out->matrix = gst_video_color_matrix_from_iso (color->matrix_coefficients);
  out->transfer =
      gst_video_transfer_function_from_iso (color->transfer_characteristics);
  out->primaries = gst_video_color_primaries_from_iso (color->color_primaries);
}

GstVideoChromaSite
gst_hav1_chroma_site (const Hav1ColorInfo * color, Hav1PixelLayout layout)
{
  if (layout != HAV1_PIXEL_LAYOUT_I420)
    return GST_VIDEO_CHROMA_SITE_UNKNOWN;
  switch (color->chroma_sample_position) {
    case 1:                    /* CSP_VERTICAL: left, between two rows */
      return GST_VIDEO_CHROMA_SITE_MPEG2;
    case 2:                    /* CSP_COLOCATED: with the (0, 0) luma sample */
      return GST_VIDEO_CHROMA_SITE_COSITED;
    default:                   /* CSP_UNKNOWN, CSP_RESERVED */
      return GST_VIDEO_CHROMA_SITE_UNKNOWN;
  }
}

void
gst_hav1_mastering_display (const Hav1MasteringDisplay * in,
    GstVideoMasteringDisplayInfo * out)
{
  int i;

  gst_video_mastering_display_info_init (out);
  /* 6.7.4: chromaticities are 0.16 fixed point, i = 0, 1, 2 for red, green,
   * blue (GStreamer's order too), in GStreamer units of 0.00002. */
  for (i = 0; i < 3; i++) {
    out->display_primaries[i].x =
        (guint16) (((guint64) in->primaries[i][0] * 50000 + 32768) >> 16);
    out->display_primaries[i].y =
        (guint16) (((guint64) in->primaries[i][1] * 50000 + 32768) >> 16);
  }
  out->white_point.x =
      (guint16) (((guint64) in->white_point[0] * 50000 + 32768) >> 16);
  out->white_point.y =
      (guint16) (((guint64) in->white_point[1] * 50000 + 32768) >> 16);
  /* luminance_max is 24.8 and luminance_min 18.14 fixed point cd/m^2;
   * GStreamer counts in units of 0.0001 cd/m^2. */
  out->max_display_mastering_luminance = (guint32) MIN (G_MAXUINT32,
      ((guint64) in->max_luminance * 10000 + 128) >> 8);
  out->min_display_mastering_luminance =
      (guint32) (((guint64) in->min_luminance * 10000 + 8192) >> 14);
}

void
gst_hav1_content_light_level (const Hav1ContentLightLevel * in,
    GstVideoContentLightLevel * out)
{
  gst_video_content_light_level_init (out);
  out->max_content_light_level = in->max_content_light_level;
  out->max_frame_average_light_level = in->max_frame_average_light_level;
}
