/* figures-statistic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-statistic"

#include "config.h"

#include <string.h>

#include "figures-statistic.h"

static const char *const metric_keys[FIGURES_N_METRICS] = {
  [FIGURES_METRIC_TRAINING_SESSIONS] = "training_sessions",
  [FIGURES_METRIC_TRAINEES] = "trainees",
  [FIGURES_METRIC_FUNDING] = "funding",
  [FIGURES_METRIC_INVESTMENT] = "investment",
  [FIGURES_METRIC_PROJECTS] = "projects",
  [FIGURES_METRIC_OTHER] = "other",
};

G_DEFINE_BOXED_TYPE (FiguresStatistic,
                     figures_statistic,
                     figures_statistic_copy,
                     figures_statistic_free)

const char *
figures_metric_to_key (FiguresMetric metric)
{
  g_return_val_if_fail (metric < FIGURES_N_METRICS, NULL);

  return metric_keys[metric];
}

const char *
figures_metric_key_get_label (const char *key)
{
  if (key == NULL || !g_str_has_prefix (key, FIGURES_OTHER_LABEL_PREFIX))
    return NULL;
  return key + strlen (FIGURES_OTHER_LABEL_PREFIX);
}

gboolean
figures_metric_from_key (const char *key, FiguresMetric *metric)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < FIGURES_N_METRICS; i++)
    {
      if (strcmp (key, metric_keys[i]) == 0)
        {
          if (metric != NULL)
            *metric = i;
          return TRUE;
        }
    }

  return FALSE;
}

FiguresStatistic *
figures_statistic_new (void)
{
  return g_new0 (FiguresStatistic, 1);
}

FiguresStatistic *
figures_statistic_copy (const FiguresStatistic *self)
{
  FiguresStatistic *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->city = g_strdup (self->city);
  copy->place = g_strdup (self->place);
  copy->unit = g_strdup (self->unit);
  copy->label = g_strdup (self->label);
  copy->evidence = g_strdup (self->evidence);
  copy->why_metric = g_strdup (self->why_metric);
  copy->why_city = g_strdup (self->why_city);

  return copy;
}

void
figures_statistic_free (FiguresStatistic *self)
{
  if (self == NULL)
    return;

  g_free (self->city);
  g_free (self->place);
  g_free (self->unit);
  g_free (self->label);
  g_free (self->evidence);
  g_free (self->why_metric);
  g_free (self->why_city);
  g_free (self);
}

void
figures_statistics_fill_years (GPtrArray *statistics, const char *date)
{
  int year = figures_date_get_year (date);

  if (statistics == NULL)
    return;
  for (guint i = 0; i < statistics->len; i++)
    {
      FiguresStatistic *s = g_ptr_array_index (statistics, i);

      if (s->year == 0 || s->year_from_date)
        {
          s->year = year;
          s->year_from_date = TRUE;
        }
    }
}

int
figures_date_get_year (const char *date)
{
  /* yyyy-mm-dd: its first four digits */
  if (date != NULL && g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1]) &&
      g_ascii_isdigit (date[2]) && g_ascii_isdigit (date[3]) && !g_ascii_isdigit (date[4]))
    return (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  return 0;
}
