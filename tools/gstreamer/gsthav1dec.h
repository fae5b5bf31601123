/* hav1dec: GStreamer AV1 video decoder element on the public hav1 C API. */
#ifndef HAV1_TOOLS_GSTREAMER_GSTHAV1DEC_H_
#define HAV1_TOOLS_GSTREAMER_GSTHAV1DEC_H_

#include <gst/gst.h>
#include <gst/video/video.h>

G_BEGIN_DECLS

#define GST_TYPE_HAV1_DEC (gst_hav1_dec_get_type ())
G_DECLARE_FINAL_TYPE (GstHav1Dec, gst_hav1_dec, GST, HAV1_DEC, GstVideoDecoder)

/* GFlags type of the "inloop-filters" property. */
#define GST_TYPE_HAV1_DEC_INLOOP_FILTERS (gst_hav1_dec_inloop_filters_get_type ())
GType gst_hav1_dec_inloop_filters_get_type (void);

GST_ELEMENT_REGISTER_DECLARE (hav1dec);

G_END_DECLS

#endif /* HAV1_TOOLS_GSTREAMER_GSTHAV1DEC_H_ */
