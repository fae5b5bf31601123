/* hav1dec: the GStreamer plugin "hav1" holding the element hav1dec. */
#include <gst/gst.h>

#include "gsthav1dec.h"

#ifndef PACKAGE
#define PACKAGE "hav1"
#endif

#ifndef HAV1_GST_VERSION
#define HAV1_GST_VERSION "0.0.0"
#endif

static gboolean
plugin_init (GstPlugin * plugin)
{
  return GST_ELEMENT_REGISTER (hav1dec, plugin);
}

GST_PLUGIN_DEFINE (GST_VERSION_MAJOR, GST_VERSION_MINOR, hav1,
    "AV1 video decoding with the hav1 library", plugin_init, HAV1_GST_VERSION,
    "BSD", "hav1", "hav1 (no public URL)")
