/* figures-statistic.h: one mention of a counted or measured quantity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "figures-number.h"

G_BEGIN_DECLS

typedef enum
{
  FIGURES_METRIC_TRAINING_SESSIONS,
  FIGURES_METRIC_TRAINEES,
  FIGURES_METRIC_FUNDING,
  FIGURES_METRIC_INVESTMENT,
  FIGURES_METRIC_PROJECTS,
  FIGURES_METRIC_OTHER,
  FIGURES_N_METRICS
} FiguresMetric;

/* "training_sessions", "trainees", "funding", "investment", "projects", "other" */
const char *figures_metric_to_key   (FiguresMetric metric);
/* `other` figures are charted label by label, as metrics of their own:
 * "other:宣讲 场次". Returns the label of such a key, else NULL. */
#define FIGURES_OTHER_LABEL_PREFIX "other:"
const char *figures_metric_key_get_label (const char *key);
gboolean    figures_metric_from_key (const char   *key,
                                     FiguresMetric *metric);

#define FIGURES_TYPE_STATISTIC (figures_statistic_get_type ())

typedef struct
{
  char          *city;      /* canonical prefecture-level division or province */
  char          *place;     /* most specific place named, else == city */
  FiguresMetric  metric;
  FiguresDecimal value; /* yuan for money, a plain count otherwise */
  gboolean       approx;
  char          *unit;      /* as written: 万元, 人次, 期, 个 */
  guint          start;     /* code points of the number-with-unit in the display text */
  guint          end;
  char          *label;     /* what it counts: 培训 期, 资金 万元, 活动 场次 */
  char          *evidence;  /* the sentence it was read from (display text) */
  guint          evidence_start;
  guint          evidence_end;
  int year;                 /* the year it refers to: the sentence's, else (once
                             * figures_statistics_fill_years() ran) the
                             * report's date's; 0 when neither is known */
  gboolean year_from_date;  /* no year stated: the report's date's, which
                             * follows a correction of the date */
  char *why_metric;         /* why this metric: "counted noun 资金" */
  char *why_city; /* why this city: "receiver 阿克苏地区 (giver 浙江省 is the subject)" */
  guint page;     /* 1-based page in a paged format (PDF), else 0 */
} FiguresStatistic;

GType             figures_statistic_get_type (void) G_GNUC_CONST;
FiguresStatistic *figures_statistic_new      (void);
FiguresStatistic *figures_statistic_copy     (const FiguresStatistic *self);
void              figures_statistic_free     (FiguresStatistic       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresStatistic, figures_statistic_free)

/* Every statistic has a year: the one its sentence refers to, else the year
 * of the report's @date (ISO yyyy-mm-dd, may be NULL). The one rule, for the
 * index and `figures extract`. @statistics: FiguresStatistic*, may be NULL. */
void figures_statistics_fill_years (GPtrArray *statistics, const char *date);
/* The year of an ISO date ("2021", "2021-03", "2021-03-05"); 0 for NULL or
 * anything else. */
int figures_date_get_year (const char *date);

G_END_DECLS
