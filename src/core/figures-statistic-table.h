/* figures-statistic-table.h: one schema for statistics wherever they are
 * written, and one CSV writer
 *
 * The columns `figures extract` and `figures stats` print (TSV, CSV, JSON)
 * and the window's Export Statistics as CSV writes:
 *
 *   file city place metric value approx unit start end label evidence year
 *
 * value is the exact decimal (yuan for money), approx 1 or 0, start/end
 * code-point offsets of the number in the display text, evidence the
 * sentence, year the one it refers to (figures_statistics_fill_years()),
 * empty when unknown. CSV is UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-statistic.h"

G_BEGIN_DECLS

#define FIGURES_N_STATISTIC_COLUMNS 12

/* NULL-terminated */
extern const char *const figures_statistic_columns[];
/* which columns are numbers (JSON) */
extern const gboolean    figures_statistic_numeric[];

/* The FIGURES_N_STATISTIC_COLUMNS fields of @statistic, @file first. */
GStrv    figures_statistic_fields    (const char             *file,
                                      const FiguresStatistic *statistic);

/* `figures extract --explain`: the statistic columns, then why_metric and
 * why_city (after the contract columns, so that scripts reading those by
 * position keep working). */
extern const char *const figures_statistic_explained_columns[];
extern const gboolean    figures_statistic_explained_numeric[];
GStrv    figures_statistic_explained_fields (const char             *file,
                                             const FiguresStatistic *statistic);

/* How a stored (absolute) file name is written: relative to @relative_to
 * when it is under it (NULL: never), and as the desktop shows it, so that a
 * name that is not UTF-8 never breaks a UTF-8 output. */
char    *figures_display_path        (const char             *path,
                                      const char             *relative_to);

/* One CSV line of @n_fields fields (NULL: empty), CRLF-terminated; a field
 * that is not UTF-8 is made valid. */
void     figures_csv_append_row      (GString                *out,
                                      const char *const      *fields,
                                      guint                   n_fields);

/* FiguresStatisticRow* @rows (figures_index_list_statistics()) as a whole
 * CSV file: the byte-order mark, the header, a line each. */
GBytes  *figures_statistics_to_csv   (GPtrArray              *rows,
                                      const char             *relative_to);

G_END_DECLS
