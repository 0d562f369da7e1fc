/* figures-core-types.h: the types that several layers of core share
 *
 * The index returns them, and the query, chart and CSV code read them,
 * without depending on the index itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "figures-statistic.h"

G_BEGIN_DECLS

/* The index's errors (the tokenizer registered in it reports them too) */
#define FIGURES_INDEX_ERROR (figures_index_error_quark ())

typedef enum
{
  FIGURES_INDEX_ERROR_FAILED,    /* SQLite said no: the message says why */
  FIGURES_INDEX_ERROR_NOT_FOUND, /* no such document */
  FIGURES_INDEX_ERROR_CANCELLED,
  FIGURES_INDEX_ERROR_BUSY,           /* another indexer is updating this index */
  FIGURES_INDEX_ERROR_CORRUPT,        /* the database is damaged: rebuild it */
  FIGURES_INDEX_ERROR_QUERY_TOO_LONG, /* see FIGURES_QUERY_MAX_CHARS, _MAX_TERMS */
  FIGURES_INDEX_ERROR_OUTDATED,       /* opened read-only, made by another version */
} FiguresIndexError;

GQuark figures_index_error_quark (void);

/* One SQLite connection: see figures-index.h */
typedef struct _FiguresIndex FiguresIndex;

/* The analyst's corrections, one SQLite connection: see figures-corrections.h */
typedef struct _FiguresCorrections FiguresCorrections;

/* Which statistics: figures_index_list_statistics(), figures_index_aggregate() */
typedef struct
{
  const char *const *cities;   /* NULL: all */
  const char *const *metrics;  /* keys; NULL: all */
  gint64             document; /* 0: all */
  int                year;     /* 0: all */
  gboolean with_rejected;      /* also the figures the analyst rejected */
  int year_from;               /* 0: open; a figure of no known year is */
  int year_to;                 /* outside every bounded range */
  const char *const *labels;   /* NULL: all */
  const char *text;            /* NULL: all; else a substring (ASCII case
                                * folded) of its label, evidence, report
                                * title, city or place */
} FiguresStatisticsFilter;

typedef struct
{
  FiguresStatistic *statistic;
  gint64            document_id;
  char             *path;
  char             *title;
  char *hash;         /* the report's content hash (corrections' key) */
  gboolean corrected; /* an analyst's correction applies */
  gboolean rejected;  /* marked not a statistic (only with_rejected) */
  char *date;         /* the report's date (ISO 8601), NULL when unknown */
  gint64 id;          /* its row in the index, until its report is read again */
} FiguresStatisticRow;

void       figures_statistic_row_free (FiguresStatisticRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresStatisticRow, figures_statistic_row_free)

typedef enum
{
  FIGURES_GROUP_BY_CITY = 0,
  FIGURES_GROUP_BY_CITY_YEAR = 1 << 0,
  /* `other` by label too, as metric "other:LABEL" (figures-statistic.h) */
  FIGURES_GROUP_BY_OTHER_LABEL = 1 << 1,
} FiguresGroupBy;

typedef struct
{
  char    *city;
  char    *metric;
  int      year;        /* 0 unless grouped by year */
  double   sum;         /* of distinct mentions */
  double   max;
  guint    mentions;
  guint    documents;
  gboolean any_approx;  /* some mention behind it is approximate */
  gboolean max_approx;  /* the largest mention is approximate */
  char    *unit;        /* the most common unit written */
} FiguresAggregateRow;

void       figures_aggregate_row_free (FiguresAggregateRow *row);

/* A stretch of text, in code points */
typedef struct
{
  guint start; /* code points */
  guint end;
} FiguresRange;

G_END_DECLS
