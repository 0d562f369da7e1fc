/* figures-chart-png.c: PNG (ISO/IEC 15948) for chart images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-png"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-chart-png.h"

/* zlib level 1 compresses flat chart images as well as level 6 nearly,
 * several times faster. */
#define ZLIB_LEVEL 1
/* Filtered rows are compressed in batches of about this many bytes. */
#define BATCH_BYTES (256 * 1024)
/* Compressed data is written in IDAT chunks of this size. */
#define CHUNK_BYTES (256 * 1024)

static guint32 crc_table[256];

static gpointer
init_crc_table (gpointer data)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }

  return NULL;
}

static guint32
crc_update (guint32 crc, const guint8 *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc;
}

static void
put_be32 (guint8 *out, guint32 value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

static gboolean
write_chunk (GOutputStream *stream,
             const char *type,
             const guint8 *data,
             gsize length,
             GCancellable *cancellable,
             GError **error)
{
  guint8 header[8];
  guint8 trailer[4];
  guint32 crc = 0xffffffffu;

  put_be32 (header, length);
  memcpy (header + 4, type, 4);
  crc = crc_update (crc, header + 4, 4);
  crc = crc_update (crc, data, length);
  put_be32 (trailer, crc ^ 0xffffffffu);

  return g_output_stream_write_all (stream, header, sizeof header, NULL, cancellable, error) &&
         (length == 0 ||
          g_output_stream_write_all (stream, data, length, NULL, cancellable, error)) &&
         g_output_stream_write_all (stream, trailer, sizeof trailer, NULL, cancellable, error);
}

/* ---- zlib's checksum, computed here because parts are compressed raw ---- */

#define ADLER_BASE 65521u
#define ADLER_NMAX 5552

static guint32
adler32_update (guint32 adler, const guint8 *data, gsize length)
{
  guint32 a = adler & 0xffff, b = adler >> 16;

  while (length > 0)
    {
      gsize n = MIN (length, ADLER_NMAX);

      length -= n;
      while (n-- > 0)
        {
          a += *data++;
          b += a;
        }
      a %= ADLER_BASE;
      b %= ADLER_BASE;
    }

  return a | (b << 16);
}

/* The checksum of A then B from theirs and B's length (as zlib's
 * adler32_combine() does). */
static guint32
adler32_combine (guint32 adler_a, guint32 adler_b, guint64 length_b)
{
  guint32 remainder = length_b % ADLER_BASE;
  guint32 sum1 = adler_a & 0xffff;
  guint32 sum2 = (guint32) (((guint64) remainder * sum1) % ADLER_BASE);

  sum1 += (adler_b & 0xffff) + ADLER_BASE - 1;
  sum2 += (adler_a >> 16) + (adler_b >> 16) + ADLER_BASE - remainder;
  if (sum1 >= ADLER_BASE)
    sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE)
    sum1 -= ADLER_BASE;
  if (sum2 >= (ADLER_BASE << 1))
    sum2 -= (ADLER_BASE << 1);
  if (sum2 >= ADLER_BASE)
    sum2 -= ADLER_BASE;

  return sum1 | (sum2 << 16);
}

/* ---- rows, filtered and compressed in parts, one thread each ----
 *
 * Each part is a raw deflate stream of its rows; all but the last end with
 * a sync flush (byte-aligned, not final), so concatenated after a zlib
 * header they are one valid zlib stream. Back-references stay inside each
 * part. The "up" filter reads the row above even across parts: it is in
 * the image. */

typedef struct
{
  const guint8 *pixels;
  int width;
  int stride;
  int first_row;
  int end_row;
  gboolean last;
  GCancellable *cancellable;
  GByteArray *out;
  guint32 adler;
  guint64 length;
  GError *error;
} Part;

static void
filter_row (const Part *part, int y, guint8 *out)
{
  const guint32 *row = (const guint32 *) (gconstpointer) (part->pixels + (gsize) y * part->stride);
  const guint32 *above;
  int width = part->width;

  if (y == 0)
    {
      *out++ = 0; /* None */
      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];

          *out++ = p >> 16;
          *out++ = p >> 8;
          *out++ = p;
        }
      return;
    }

  /* "Up": each byte minus the one above. Flat areas become zeros, and a row
   * like the one above (background, the inside of bars) is all zeros. */
  above = (const guint32 *) (gconstpointer) (part->pixels + (gsize) (y - 1) * part->stride);
  *out++ = 2;
  if (memcmp (row, above, (gsize) width * 4) == 0)
    {
      memset (out, 0, (gsize) width * 3);
      return;
    }
  for (int x = 0; x < width; x++)
    {
      guint32 p = row[x];
      guint32 q = above[x];

      *out++ = (guint8) ((p >> 16) - (q >> 16));
      *out++ = (guint8) ((p >> 8) - (q >> 8));
      *out++ = (guint8) (p - q);
    }
}

static gpointer
compress_part (gpointer data)
{
  Part *part = data;
  g_autoptr (GZlibCompressor) compressor =
    g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, ZLIB_LEVEL);
  gsize row_bytes = 1 + (gsize) part->width * 3;
  gsize rows_per_batch = MAX (1, BATCH_BYTES / row_bytes);
  g_autofree guint8 *batch = g_malloc (row_bytes * rows_per_batch);
  gsize scratch_size = BATCH_BYTES + 1024;
  g_autofree guint8 *scratch = g_malloc (scratch_size);

  part->adler = 1;
  for (int y = part->first_row; y < part->end_row;)
    {
      const guint8 *input = batch;
      gsize length = 0;
      gboolean at_end;
      GConverterFlags flags;

      for (; length + row_bytes <= row_bytes * rows_per_batch && y < part->end_row; y++)
        {
          filter_row (part, y, batch + length);
          length += row_bytes;
        }
      part->adler = adler32_update (part->adler, batch, length);
      part->length += length;
      at_end = y == part->end_row;
      flags = !at_end      ? G_CONVERTER_NO_FLAGS
              : part->last ? G_CONVERTER_INPUT_AT_END
                           : G_CONVERTER_FLUSH;

      for (;;)
        {
          gsize read = 0, written = 0;
          GConverterResult result =
            g_converter_convert (G_CONVERTER (compressor), input, length, scratch, scratch_size,
                                 flags, &read, &written, &part->error);

          if (result == G_CONVERTER_ERROR)
            return NULL;
          g_byte_array_append (part->out, scratch, written);
          input += read;
          length -= read;
          if (result == G_CONVERTER_FINISHED || result == G_CONVERTER_FLUSHED)
            break;
          if (flags == G_CONVERTER_NO_FLAGS && length == 0)
            break;
        }

      if (g_cancellable_set_error_if_cancelled (part->cancellable, &part->error))
        return NULL;
    }

  return NULL;
}

gboolean
_figures_chart_write_png (cairo_surface_t *image,
                          double pixels_per_inch,
                          GOutputStream *stream,
                          GCancellable *cancellable,
                          GError **error)
{
  static GOnce crc_once = G_ONCE_INIT;
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* Deflate, 32K window, fastest: what zlib writes for level 1. */
  static const guint8 zlib_header[2] = { 0x78, 0x01 };
  int width, height;
  guint8 header[13];
  guint8 checksum[4];
  g_autoptr (GByteArray) data = g_byte_array_new ();
  g_autofree Part *parts = NULL;
  g_autofree GThread **threads = NULL;
  guint n_parts;
  guint32 adler = 1;
  GError *part_error = NULL;

  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);
  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24 ||
                          cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32,
                        FALSE);

  g_once (&crc_once, init_crc_table, NULL);
  cairo_surface_flush (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);

  /* One part per processor, each of at least 128 rows. */
  n_parts = CLAMP (MIN ((guint) g_get_num_processors (), (guint) height / 128), 1, 8);
  parts = g_new0 (Part, n_parts);
  threads = g_new0 (GThread *, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      parts[i].pixels = cairo_image_surface_get_data (image);
      parts[i].width = width;
      parts[i].stride = cairo_image_surface_get_stride (image);
      parts[i].first_row = (int) ((gint64) height * i / n_parts);
      parts[i].end_row = (int) ((gint64) height * (i + 1) / n_parts);
      parts[i].last = i + 1 == n_parts;
      parts[i].cancellable = cancellable;
      parts[i].out = g_byte_array_new ();
    }
  for (guint i = 1; i < n_parts; i++)
    threads[i] = g_thread_new ("figures-png", compress_part, &parts[i]);
  compress_part (&parts[0]);

  g_byte_array_append (data, zlib_header, sizeof zlib_header);
  for (guint i = 0; i < n_parts; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      if (parts[i].error != NULL && part_error == NULL)
        part_error = g_steal_pointer (&parts[i].error);
      g_clear_error (&parts[i].error);
      g_byte_array_append (data, parts[i].out->data, parts[i].out->len);
      g_byte_array_unref (parts[i].out);
      adler = i == 0 ? parts[i].adler : adler32_combine (adler, parts[i].adler, parts[i].length);
    }
  if (part_error != NULL)
    {
      g_propagate_error (error, part_error);
      return FALSE;
    }
  put_be32 (checksum, adler);
  g_byte_array_append (data, checksum, sizeof checksum);

  if (!g_output_stream_write_all (stream, signature, sizeof signature, NULL, cancellable, error))
    return FALSE;

  put_be32 (header, width);
  put_be32 (header + 4, height);
  header[8] = 8;  /* bits per channel */
  header[9] = 2;  /* RGB */
  header[10] = 0; /* deflate */
  header[11] = 0; /* adaptive filtering, one filter byte per row */
  header[12] = 0; /* not interlaced */
  if (!write_chunk (stream, "IHDR", header, sizeof header, cancellable, error))
    return FALSE;

  if (pixels_per_inch > 0)
    {
      guint8 physical[9];
      guint32 per_metre = (guint32) round (pixels_per_inch / 0.0254);

      put_be32 (physical, per_metre);
      put_be32 (physical + 4, per_metre);
      physical[8] = 1; /* metres */
      if (!write_chunk (stream, "pHYs", physical, sizeof physical, cancellable, error))
        return FALSE;
    }

  for (gsize offset = 0; offset < data->len; offset += CHUNK_BYTES)
    if (!write_chunk (stream, "IDAT", data->data + offset, MIN (CHUNK_BYTES, data->len - offset),
                      cancellable, error))
      return FALSE;

  return write_chunk (stream, "IEND", NULL, 0, cancellable, error);
}
