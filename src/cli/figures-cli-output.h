/* figures-cli-output.h: tables on stdout as TSV, CSV or JSON
 *
 * Shared by the subcommands so that the same data prints the same way
 * everywhere (`figures extract` and `figures stats` print statistics with
 * figures_statistic_fields(), in figures-statistic-table.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

#include "figures-statistic-table.h"

G_BEGIN_DECLS

typedef enum
{
  FIGURES_CLI_FORMAT_TSV,
  FIGURES_CLI_FORMAT_CSV,  /* UTF-8 with a BOM, RFC 4180 quoting, CRLF */
  FIGURES_CLI_FORMAT_JSON, /* an array of objects */
} FiguresCliFormat;

/* "tsv", "csv", "json"; FALSE for anything else */
gboolean figures_cli_format_from_string (const char *name, FiguresCliFormat *format);

typedef struct _FiguresCliTable FiguresCliTable;

/* @numeric: which columns are numbers in JSON (may be NULL: all strings).
 * Prints the header (TSV, CSV) at once. */
FiguresCliTable *figures_cli_table_new (FILE *out,
                                        FiguresCliFormat format,
                                        const char *const *columns,
                                        const gboolean *numeric);
/* As many values as columns; NULL prints as empty (JSON null), and so does
 * an empty value of a numeric column. */
void figures_cli_table_add_row (FiguresCliTable *table, const char *const *values);
/* Ends the table (JSON: the closing bracket) and frees it. */
void figures_cli_table_finish (FiguresCliTable *table);

/* How a stored (absolute) path prints: relative to the current folder when
 * it is under it, as `figures extract dir/file.txt` prints it; else as is. */
char *figures_cli_display_path (const char *path);

/* 1.5, 435000000: shortest plain form of a double */
char *figures_cli_format_double (double value);

G_END_DECLS
