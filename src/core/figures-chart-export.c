/* figures-chart-export.c: a chart layout as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "figures-chart-png.h"
#include "figures-chart-private.h"

/* Cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_PIXELS 32767

gboolean
figures_chart_format_from_path (const char *path, FiguresChartFormat *format)
{
  static const struct
  {
    const char *suffix;
    FiguresChartFormat format;
  } suffixes[] = {
    { ".png", FIGURES_CHART_FORMAT_PNG },
    { ".svg", FIGURES_CHART_FORMAT_SVG },
    { ".pdf", FIGURES_CHART_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        if (format != NULL)
          *format = suffixes[i].format;
        return TRUE;
      }

  return FALSE;
}

typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} WriteClosure;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  WriteClosure *write = closure;

  if (write->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (write->stream, data, length, NULL, write->cancellable,
                                  &write->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t status, WriteClosure *write, GError **error)
{
  if (write->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_FAILED,
                   "Could not draw the chart: %s", cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
figures_chart_layout_export_to_stream (FiguresChartLayout *self,
                                       GOutputStream *stream,
                                       FiguresChartFormat format,
                                       GCancellable *cancellable,
                                       GError **error)
{
  WriteClosure write = { stream, cancellable, NULL };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
      case FIGURES_CHART_FORMAT_PNG:
        {
          double pixels_wide = ceil (self->width * self->scale);
          double pixels_high = ceil (self->height * self->scale);

          if (pixels_wide > MAX_PIXELS || pixels_high > MAX_PIXELS)
            {
              g_set_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_INVALID,
                           "A PNG of %.0f×%.0f pixels is too large (at most %d a side)",
                           pixels_wide, pixels_high, MAX_PIXELS);
              return FALSE;
            }
          /* Opaque background: RGB makes a smaller file. */
          surface =
            cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) pixels_wide, (int) pixels_high);
        }
        break;

      case FIGURES_CHART_FORMAT_SVG:
        surface = cairo_svg_surface_create_for_stream (write_cb, &write, self->width, self->height);
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
        break;

      case FIGURES_CHART_FORMAT_PDF:
        surface = cairo_pdf_surface_create_for_stream (write_cb, &write, self->width, self->height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                        "Figures " PACKAGE_VERSION);
        break;

      default:
        g_set_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_FORMAT,
                     "Unknown chart format %d", format);
        return FALSE;
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_status (status, &write, error);
    }

  cr = cairo_create (surface);
  if (format == FIGURES_CHART_FORMAT_PNG)
    cairo_scale (cr, self->scale, self->scale);
  figures_chart_layout_draw (self, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FIGURES_CHART_FORMAT_PNG)
    {
      /* 96 logical units per inch, as GTK counts them. */
      gboolean written =
        _figures_chart_write_png (surface, 96 * self->scale, stream, cancellable, &write.error);

      cairo_surface_destroy (surface);
      if (!written)
        {
          g_propagate_error (error, g_steal_pointer (&write.error));
          return FALSE;
        }
      return TRUE;
    }
  else if (status == CAIRO_STATUS_SUCCESS)
    {
      /* Vector surfaces write as they finish. */
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  return check_status (status, &write, error);
}

/* A new file beside @file, for writing: the chart is written there whole
 * and renamed over @file, so a full disk or a refused size never leaves a
 * partial or empty file, nor touches the one already there. */
static GFileOutputStream *
create_temporary (GFile *file, GFile **temporary, GError **error)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());
      g_autoptr (GFile) candidate = g_file_get_child (parent, name);
      GFileOutputStream *stream = g_file_create (candidate, G_FILE_CREATE_NONE, NULL, &local_error);

      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&candidate);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt == 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

gboolean
figures_chart_layout_export (FiguresChartLayout *self,
                             const char *path,
                             FiguresChartFormat format,
                             GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) temporary = NULL;
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  stream = create_temporary (file, &temporary, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "Cannot write “%s”: %s", display,
                   local_error->message);
      return FALSE;
    }

  if (!figures_chart_layout_export_to_stream (self, G_OUTPUT_STREAM (stream), format, NULL,
                                              &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error) ||
      !g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL,
                    NULL, NULL, &local_error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
      g_set_error (error, local_error->domain, local_error->code, "Cannot write “%s”: %s", display,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
figures_chart_export (FiguresChartData *data,
                      const char *path,
                      double width,
                      double height,
                      double scale,
                      FiguresChartTheme theme,
                      GError **error)
{
  g_autoptr (FiguresChartLayout) layout = NULL;
  FiguresChartFormat format;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!figures_chart_format_from_path (path, &format))
    {
      g_set_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_FORMAT,
                   "Cannot tell the format of “%s”: name it .png, .svg or .pdf", path);
      return FALSE;
    }
  if (!(width >= 160 && width <= 20000 && height >= 120 && height <= 20000))
    {
      g_set_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_INVALID,
                   "A chart of %g×%g is out of range (160×120 to 20000×20000)", width, height);
      return FALSE;
    }
  if (!(scale >= 1 && scale <= 8))
    {
      g_set_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_INVALID,
                   "A scale of %g is out of range (1 to 8)", scale);
      return FALSE;
    }

  layout = figures_chart_layout_new (data, width, height, theme, scale);

  return figures_chart_layout_export (layout, path, format, error);
}
