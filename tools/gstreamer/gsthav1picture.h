/* hav1dec: picture memory.  The library decodes straight into buffers of a
 * GstBufferPool (through Hav1PicAllocator); a decoded picture leaves the
 * element either as a read-only GstBuffer sharing that memory (zero-copy,
 * with GstVideoMeta for the strides) or copied into a downstream buffer. */
#ifndef HAV1_TOOLS_GSTREAMER_GSTHAV1PICTURE_H_
#define HAV1_TOOLS_GSTREAMER_GSTHAV1PICTURE_H_

#include <gst/gst.h>
#include <gst/video/video.h>
#include <hav1/hav1.h>

G_BEGIN_DECLS

typedef struct _GstHav1PicturePool GstHav1PicturePool;

GstHav1PicturePool *gst_hav1_picture_pool_new (GstObject * owner);
/* Only once no picture allocated from the pool is pending in a decoder
 * (buffers already handed out stay valid). */
void gst_hav1_picture_pool_free (GstHav1PicturePool * pool);

/* Fills allocator with callbacks allocating from pool (thread-safe: the
 * library may call them on its worker threads). */
void gst_hav1_picture_pool_fill_allocator (GstHav1PicturePool * pool,
    Hav1PicAllocator * allocator);

/* Zero-copy: a new read-only buffer showing pic as format (which must have
 * pic's plane layout) with a GstVideoMeta; it keeps a reference to pic.
 * NULL when pic was not allocated by a GstHav1PicturePool. */
GstBuffer *gst_hav1_picture_share (const Hav1Picture * pic,
    GstVideoFormat format);

/* Copies the planes of pic into dst (mapped for writing, same format and
 * size as pic). */
void gst_hav1_picture_copy (const Hav1Picture * pic, GstVideoFrame * dst);

G_END_DECLS

#endif /* HAV1_TOOLS_GSTREAMER_GSTHAV1PICTURE_H_ */
