/* hav1dec: pictures decoded into GstBufferPool memory; zero-copy or copied
 * output buffers. */
#include "gsthav1picture.h"

#include <string.h>

#include "gsthav1caps.h"

GST_DEBUG_CATEGORY_EXTERN (gst_hav1_dec_debug);
#define GST_CAT_DEFAULT gst_hav1_dec_debug

struct _GstHav1PicturePool
{
  GstObject *owner;             /* for logging only, not referenced */
  GMutex lock;
  /* The pool for the current picture parameters; replaced when they change
   * (buffers of an old pool keep it alive until they are released). */
  GstBufferPool *pool;
  Hav1PictureParameters params;
  GstVideoInfo info;            /* plane layout in the pool's buffers */
};

/* What a picture allocated here owns (Hav1Picture.allocator_data). */
typedef struct
{
  GstBuffer *buffer;            /* from the pool */
  GstMapInfo map;               /* mapped for writing while decoding */
  GstVideoInfo info;            /* plane offsets and strides in buffer */
} GstHav1PictureMemory;

GstHav1PicturePool *
gst_hav1_picture_pool_new (GstObject * owner)
{
  GstHav1PicturePool *pool = g_new0 (GstHav1PicturePool, 1);

  pool->owner = owner;
  g_mutex_init (&pool->lock);
  return pool;
}

void
gst_hav1_picture_pool_free (GstHav1PicturePool * pool)
{
  if (!pool)
    return;
  if (pool->pool) {
    gst_buffer_pool_set_active (pool->pool, FALSE);
    gst_object_unref (pool->pool);
  }
  g_mutex_clear (&pool->lock);
  g_free (pool);
}

/* A pool whose buffers hold a picture with parameters p: planes and strides
 * aligned to HAV1_PICTURE_ALIGNMENT, every plane followed by at least
 * HAV1_PICTURE_ALIGNMENT bytes of padding rows.  Called with the lock. */
static gboolean
gst_hav1_picture_pool_configure (GstHav1PicturePool * pool,
    const Hav1PictureParameters * p)
{
  GstVideoFormat format = gst_hav1_video_format (p->layout, p->bpc, FALSE);
  GstVideoAlignment align;
  GstAllocationParams params;
  GstBufferPool *bpool;
  GstStructure *config;
  GstVideoInfo info;
  guint i;

  if (format == GST_VIDEO_FORMAT_UNKNOWN || p->w <= 0 || p->h <= 0 ||
      !gst_video_info_set_format (&info, format, p->w, p->h))
    return FALSE;
  gst_video_alignment_reset (&align);
  /* Two luma rows are at least one row of every plane, and a row is at
   * least one stride >= HAV1_PICTURE_ALIGNMENT bytes. */
  align.padding_bottom = 2;
  for (i = 0; i < GST_VIDEO_MAX_PLANES; i++)
    align.stride_align[i] = HAV1_PICTURE_ALIGNMENT - 1;
  if (!gst_video_info_align (&info, &align))
    return FALSE;
  for (i = 0; i < GST_VIDEO_INFO_N_PLANES (&info); i++) {
    if (GST_VIDEO_INFO_PLANE_OFFSET (&info, i) % HAV1_PICTURE_ALIGNMENT ||
        GST_VIDEO_INFO_PLANE_STRIDE (&info, i) % HAV1_PICTURE_ALIGNMENT)
      return FALSE;
  }

  bpool = gst_buffer_pool_new ();
  config = gst_buffer_pool_get_config (bpool);
  gst_buffer_pool_config_set_params (config, NULL,
      GST_VIDEO_INFO_SIZE (&info) + HAV1_PICTURE_ALIGNMENT, 0, 0);
  gst_allocation_params_init (&params);
  params.align = HAV1_PICTURE_ALIGNMENT - 1;
  /* System memory: the decoder keeps plain pointers into it. */
  gst_buffer_pool_config_set_allocator (config, NULL, &params);
  if (!gst_buffer_pool_set_config (bpool, config) ||
      !gst_buffer_pool_set_active (bpool, TRUE)) {
    gst_object_unref (bpool);
    return FALSE;
  }

  if (pool->pool) {
    gst_buffer_pool_set_active (pool->pool, FALSE);
    gst_object_unref (pool->pool);
  }
  pool->pool = bpool;
  pool->params = *p;
  pool->info = info;
  GST_DEBUG_OBJECT (pool->owner, "picture pool for %s %dx%d, strides %d/%d",
      gst_video_format_to_string (format), p->w, p->h,
      GST_VIDEO_INFO_PLANE_STRIDE (&info, 0),
      GST_VIDEO_INFO_PLANE_STRIDE (&info, 1));
  return TRUE;
}

/* Hav1PicAllocator.alloc_picture_callback. */
static int
gst_hav1_picture_alloc (Hav1Picture * pic, void *cookie)
{
  GstHav1PicturePool *pool = cookie;
  GstHav1PictureMemory *mem;
  GstBuffer *buffer = NULL;
  GstVideoInfo info;
  guint i;

  g_mutex_lock (&pool->lock);
  if (!pool->pool || pool->params.w != pic->p.w || pool->params.h != pic->p.h
      || pool->params.layout != pic->p.layout
      || pool->params.bpc != pic->p.bpc) {
    if (!gst_hav1_picture_pool_configure (pool, &pic->p)) {
      g_mutex_unlock (&pool->lock);
      GST_WARNING_OBJECT (pool->owner, "no pool for a %dx%d picture, "
          "layout %d, %d bits", pic->p.w, pic->p.h, pic->p.layout, pic->p.bpc);
      return -1;
    }
  }
  info = pool->info;
  if (gst_buffer_pool_acquire_buffer (pool->pool, &buffer, NULL) !=
      GST_FLOW_OK)
    buffer = NULL;
  g_mutex_unlock (&pool->lock);
  if (!buffer)
    return -1;

  mem = g_new0 (GstHav1PictureMemory, 1);
  mem->buffer = buffer;
  mem->info = info;
  if (!gst_buffer_map (buffer, &mem->map, GST_MAP_READWRITE)) {
    gst_buffer_unref (buffer);
    g_free (mem);
    return -1;
  }
  if ((guintptr) mem->map.data % HAV1_PICTURE_ALIGNMENT) {
    GST_WARNING_OBJECT (pool->owner, "pool memory is not aligned");
    gst_buffer_unmap (buffer, &mem->map);
    gst_buffer_unref (buffer);
    g_free (mem);
    return -1;
  }
  pic->data[0] = pic->data[1] = pic->data[2] = NULL;
  for (i = 0; i < GST_VIDEO_INFO_N_PLANES (&info) && i < 3; i++)
    pic->data[i] = mem->map.data + GST_VIDEO_INFO_PLANE_OFFSET (&info, i);
  pic->stride[0] = GST_VIDEO_INFO_PLANE_STRIDE (&info, 0);
  pic->stride[1] = GST_VIDEO_INFO_N_PLANES (&info) > 1 ?
      GST_VIDEO_INFO_PLANE_STRIDE (&info, 1) : 0;
  pic->allocator_data = mem;
  return 0;
}

/* Hav1PicAllocator.release_picture_callback. */
static void
gst_hav1_picture_release (Hav1Picture * pic, void *cookie)
{
  GstHav1PictureMemory *mem = pic->allocator_data;

  (void) cookie;
  if (!mem)
    return;
  gst_buffer_unmap (mem->buffer, &mem->map);
  gst_buffer_unref (mem->buffer);       /* back to its pool */
  g_free (mem);
  pic->allocator_data = NULL;
}

void
gst_hav1_picture_pool_fill_allocator (GstHav1PicturePool * pool,
    Hav1PicAllocator * allocator)
{
  allocator->cookie = pool;
  allocator->alloc_picture_callback = gst_hav1_picture_alloc;
  allocator->release_picture_callback = gst_hav1_picture_release;
}

static void
gst_hav1_picture_free_shared (gpointer data)
{
  Hav1Picture *pic = data;

  hav1_picture_unref (pic);
  g_free (pic);
}

GstBuffer *
gst_hav1_picture_share (const Hav1Picture * pic, GstVideoFormat format)
{
  const GstHav1PictureMemory *mem = pic->allocator_data;
  gsize offsets[GST_VIDEO_MAX_PLANES] = { 0 };
  gint strides[GST_VIDEO_MAX_PLANES] = { 0 };
  const GstVideoFormatInfo *finfo = gst_video_format_get_info (format);
  Hav1Picture *ref;
  GstBuffer *buffer;
  guint i, n_planes;

  if (!mem || !finfo)
    return NULL;
  n_planes = GST_VIDEO_INFO_N_PLANES (&mem->info);
  if (GST_VIDEO_FORMAT_INFO_N_PLANES (finfo) != n_planes ||
      GST_VIDEO_INFO_WIDTH (&mem->info) != pic->p.w ||
      GST_VIDEO_INFO_HEIGHT (&mem->info) != pic->p.h)
    return NULL;
  for (i = 0; i < n_planes; i++) {
    offsets[i] = GST_VIDEO_INFO_PLANE_OFFSET (&mem->info, i);
    strides[i] = GST_VIDEO_INFO_PLANE_STRIDE (&mem->info, i);
  }

  ref = g_new0 (Hav1Picture, 1);
  if (hav1_picture_ref (ref, pic) != HAV1_OK) {
    g_free (ref);
    return NULL;
  }
  /* Read-only: the memory may still be a reference frame of the decoder. */
  buffer = gst_buffer_new_wrapped_full (GST_MEMORY_FLAG_READONLY,
      mem->map.data, mem->map.size, 0, GST_VIDEO_INFO_SIZE (&mem->info), ref,
      gst_hav1_picture_free_shared);
  gst_buffer_add_video_meta_full (buffer, GST_VIDEO_FRAME_FLAG_NONE, format,
      pic->p.w, pic->p.h, n_planes, offsets, strides);
  return buffer;
}

void
gst_hav1_picture_copy (const Hav1Picture * pic, GstVideoFrame * dst)
{
  guint i;

  for (i = 0; i < GST_VIDEO_FRAME_N_PLANES (dst) && i < 3; i++) {
    const guint8 *src = pic->data[i];
    ptrdiff_t src_stride = pic->stride[i ? 1 : 0];
    guint8 *out = GST_VIDEO_FRAME_PLANE_DATA (dst, i);
    gint out_stride = GST_VIDEO_FRAME_PLANE_STRIDE (dst, i);
    gsize row = (gsize) GST_VIDEO_FRAME_COMP_WIDTH (dst, i) *
        GST_VIDEO_FRAME_COMP_PSTRIDE (dst, i);
    gint rows = GST_VIDEO_FRAME_COMP_HEIGHT (dst, i);
    gint y;

    if (!src)
      break;
    for (y = 0; y < rows; y++)
      memcpy (out + (gsize) y * out_stride, src + y * src_stride, row);
  }
}
