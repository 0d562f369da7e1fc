/* gold.h: gold statistics (TSV) and the extractor's output, for scoring
 *
 * Shared by test-extract-samples and test-extract-seeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "figures-extractor.h"
#include "figures-report.h"
#include "figures-statistic.h"
#include "figures-text.h"

G_BEGIN_DECLS

typedef enum
{
  GOLD_KIND_CORE,  /* one of the four core metrics: must be found */
  GOLD_KIND_OTHER, /* must be reported with metric `other` */
  GOLD_KIND_NONE,  /* a distractor: must not be reported at all */
} GoldKind;

typedef struct
{
  guint line;       /* line in the TSV, for messages */
  char *file;       /* column `file` (or `doc`) */
  char *city;       /* "" when absent or "-" */
  char *place;      /* "" when absent or "-" */
  char *metric_key; /* "training_sessions" … "other", or "none" */
  char *value;      /* as in the TSV: a plain decimal, or the number as written for `none` */
  char *unit;       /* "" when absent or "-" */
  char *evidence;   /* verbatim piece of the display text */
  GoldKind kind;
  FiguresMetric metric;  /* unless GOLD_KIND_NONE */
  FiguresDecimal number; /* @value parsed, unless GOLD_KIND_NONE */
  gboolean approx;
} GoldRow;

void gold_row_free (GoldRow *row);

/* Reads a gold TSV: comment lines (#) and blank lines are skipped, the first
 * other line is the header naming the columns (file|doc, city, place, metric,
 * value, approx, unit, evidence; place and unit optional). Returns GoldRow*. */
GPtrArray *gold_load (const char *path, GError **error);

/* Parses a plain decimal ("629000000", "1.5"). */
gboolean gold_decimal_parse (const char *s, FiguresDecimal *out);
/* Equal as numbers (trailing zeros after the point do not matter). */
gboolean gold_decimal_equal (FiguresDecimal a, FiguresDecimal b);
char *gold_decimal_to_string (FiguresDecimal value);

/* NFKC, then Traditional→Simplified per code point: the form in which gold
 * evidence and extracted text are compared. */
char *gold_normalise (const char *utf8);

typedef struct
{
  FiguresText *text; /* borrowed from @report */
  FiguresExtraction *extraction;
  FiguresReport *report;
} GoldDoc;

/* Reads @path (any format, figures_report_new_from_file()) and extracts
 * its statistics with the default gazetteer. Fails with a clear
 * message when the text cannot be read or the extractor returns NULL. */
GoldDoc *gold_doc_load (const char *path, GError **error);
void gold_doc_free (GoldDoc *doc);

/* Code-point ranges [start, end) of the display text where @evidence
 * (compared after gold_normalise()) occurs. Array of guint pairs. */
GArray *gold_doc_find (GoldDoc *doc, const char *evidence);

/* A newly allocated copy of display code points [start, end); "" when the
 * range is out of bounds. */
char *gold_doc_dup_range (GoldDoc *doc, guint start, guint end);

/* "funding 2800000 approx=0 city=包头市 place=… unit=万元 [412,419) «…evidence…»" */
char *gold_statistic_describe (const FiguresStatistic *stat);
char *gold_row_describe (const GoldRow *row);

/* The regular files of @dir whose names end in @suffix (NULL: in any
 * format Figures reads), sorted. */
GPtrArray *gold_list_files (const char *dir, const char *suffix, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GoldDoc, gold_doc_free)

G_END_DECLS
