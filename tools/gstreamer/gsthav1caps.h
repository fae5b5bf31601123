/* hav1dec: mapping of hav1 picture descriptions to GStreamer video formats,
 * colorimetry, chroma siting and HDR metadata (public hav1 API only). */
#ifndef HAV1_TOOLS_GSTREAMER_GSTHAV1CAPS_H_
#define HAV1_TOOLS_GSTREAMER_GSTHAV1CAPS_H_

#include <gst/gst.h>
#include <gst/video/video.h>
#include <hav1/hav1.h>

G_BEGIN_DECLS

/* Every raw format hav1dec can output, as a caps "format" list string. */
#define GST_HAV1_SRC_FORMATS                                                \
  "{ GRAY8, GRAY16_LE, I420, Y42B, Y444, I420_10LE, I422_10LE, Y444_10LE, " \
  "I420_12LE, I422_12LE, Y444_12LE, GBR, GBR_10LE, GBR_12LE }"

/* The GStreamer format whose memory layout is the picture's planes: Y, U, V
 * planes (Y only for I400) with 8-bit or 16-bit little-endian samples.
 * Identity-matrix 4:4:4 streams (G, B, R planes) give the GBR formats when
 * rgb is TRUE.  GST_VIDEO_FORMAT_UNKNOWN for a description hav1 does not
 * produce. */
GstVideoFormat gst_hav1_video_format (Hav1PixelLayout layout, int bpc,
    gboolean rgb);

/* Colorimetry from the sequence header colour description (AV1 6.4.2; the
 * code points are those of ISO/IEC 23091-4 / ITU-T H.273). */
void gst_hav1_colorimetry (const Hav1ColorInfo * color,
    GstVideoColorimetry * out);

/* Chroma siting from chroma_sample_position (AV1 6.4.2). */
GstVideoChromaSite gst_hav1_chroma_site (const Hav1ColorInfo * color,
    Hav1PixelLayout layout);

/* HDR_MDCV metadata (AV1 6.7.4) in GStreamer units. */
void gst_hav1_mastering_display (const Hav1MasteringDisplay * in,
    GstVideoMasteringDisplayInfo * out);

/* HDR_CLL metadata (AV1 6.7.3). */
void gst_hav1_content_light_level (const Hav1ContentLightLevel * in,
    GstVideoContentLightLevel * out);

G_END_DECLS

#endif /* HAV1_TOOLS_GSTREAMER_GSTHAV1CAPS_H_ */
