/* figures-chart-png.h: a fast PNG writer for chart images
 *
 * Cairo's PNG writer leaves libpng at its defaults: every row tried with
 * all five filters, then zlib level 6, about 250 ms for a 3200×2000 chart.
 * Charts are mostly flat colour: the "up" filter and a fast zlib level make
 * files about as small in a fraction of the time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @image (CAIRO_FORMAT_RGB24 or ARGB32, alpha dropped: charts are
 * opaque) as an 8-bit RGB PNG, declaring @pixels_per_inch (0: none). */
gboolean _figures_chart_write_png (cairo_surface_t *image,
                                   double pixels_per_inch,
                                   GOutputStream *stream,
                                   GCancellable *cancellable,
                                   GError **error);

G_END_DECLS
