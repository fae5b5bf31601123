/* The README example: decode an IVF file with hav1 in parse-only mode and
 * print its sequence info.  Build: cc example.c $(pkg-config --cflags --libs hav1) */
#include <hav1/hav1.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads the next IVF frame into a new packet; 0 at the end of the file. */
static int read_ivf_frame(FILE *f, Hav1Data *data) {
  unsigned char h[12];
  if (fread(h, 1, 12, f) != 12) return 0;
  size_t sz = h[0] | h[1] << 8 | h[2] << 16 | (size_t)h[3] << 24;
  uint8_t *buf = hav1_data_create(data, sz);
  return buf && fread(buf, 1, sz, f) == sz;
}

int main(int argc, char **argv) {
  unsigned char header[32];
  FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
  if (!f || fread(header, 1, 32, f) != 32) return fprintf(stderr, "usage: example file.ivf\n"), 1;

  Hav1Settings s;
  hav1_default_settings(&s);
  s.parse_only = 1; /* no pixels yet: parse the headers only */
  Hav1Context *c;
  if (hav1_open(&c, &s) < 0) return 1;

  Hav1Data data;
  Hav1Picture pic;
  Hav1SequenceInfo seq = {0};
  int units = 0, res = 0;
  while (res >= 0 && read_ivf_frame(f, &data)) {
    if (units++ == 0) hav1_parse_sequence_header(&seq, data.data, data.sz);
    while (data.sz > 0 && (res = hav1_send_data(c, &data)) == HAV1_ERR_AGAIN)
      while (hav1_get_picture(c, &pic) == 0) hav1_picture_unref(&pic);
    hav1_data_unref(&data);
  }
  hav1_drain(c);
  while ((res = hav1_get_picture(c, &pic)) == 0) hav1_picture_unref(&pic);
  printf("hav1 %s (SIMD %s): %d temporal units\n", hav1_version(), hav1_get_simd_target(c), units);
  printf("profile %d, %dx%d max, %d-bit, layout %d, %d operating point(s)\n", seq.profile,
         seq.max_width, seq.max_height, seq.bitdepth, (int)seq.layout, seq.operating_points);
  hav1_close(&c);
  fclose(f);
  return res == HAV1_ERR_EOF ? 0 : 1;
}
