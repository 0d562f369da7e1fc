/* figures-chart-data.c: what a chart shows, independent of how it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-data"

#include "config.h"

#include <math.h>
#include <string.h>

#include <unicode/ucol.h>

#include "figures-chart-private.h"
#include "figures-index.h"
#include "figures-statistic.h"

/* clang-format would put spaces into the registered name */
// clang-format off
G_DEFINE_QUARK (figures-chart-error-quark, figures_chart_error)
// clang-format on

G_DEFINE_BOXED_TYPE (FiguresChartData,
                     figures_chart_data,
                     figures_chart_data_ref,
                     figures_chart_data_unref)

gboolean
figures_aggregate_from_string (const char *text, FiguresAggregate *aggregate)
{
  static const struct
  {
    const char *name;
    FiguresAggregate value;
  } names[] = {
    { "max", FIGURES_AGGREGATE_MAX },
    { "sum", FIGURES_AGGREGATE_SUM },
    { "count", FIGURES_AGGREGATE_COUNT },
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        if (aggregate != NULL)
          *aggregate = names[i].value;
        return TRUE;
      }

  return FALSE;
}

gboolean
figures_chart_sort_from_string (const char *text, FiguresChartSort *sort)
{
  FiguresChartSort value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "value") == 0)
    value = FIGURES_CHART_SORT_VALUE;
  else if (g_ascii_strcasecmp (text, "name") == 0)
    value = FIGURES_CHART_SORT_NAME;
  else
    return FALSE;

  if (sort != NULL)
    *sort = value;

  return TRUE;
}

FiguresChartData *
figures_chart_data_copy (FiguresChartData *self)
{
  FiguresChartData *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = figures_chart_data_new (self->kind);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const FiguresChartRow *row = g_ptr_array_index (self->rows, i);
      FiguresAggregateRow same = {
        row->city,     row->metric,    row->year,       row->sum,        row->max,
        row->mentions, row->documents, row->any_approx, row->max_approx, row->unit,
      };

      figures_chart_data_add_row (copy, &same);
    }
  copy->aggregate = self->aggregate;
  copy->sort = self->sort;
  copy->style = self->style;
  copy->language = self->language;
  copy->show_counts = self->show_counts;
  copy->title = g_strdup (self->title);
  copy->subtitle = g_strdup (self->subtitle);
  copy->year_from = self->year_from;
  copy->year_to = self->year_to;
  copy->exact = self->exact;
  copy->scale = self->scale;
  copy->metrics = g_strdupv (self->metrics);
  copy->cities = g_strdupv (self->cities);
  copy->has_source = self->has_source;
  copy->n_documents = self->n_documents;
  copy->n_statistics = self->n_statistics;
  copy->indexed_date = g_strdup (self->indexed_date);
  return copy;
}

gboolean
figures_chart_data_has_metric (FiguresChartData *self, const char *metric)
{
  g_autoptr (GPtrArray) metrics = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);

  metrics = _figures_chart_data_list_metrics (self);
  return g_ptr_array_find_with_equal_func (metrics, metric, g_str_equal, NULL);
}

gboolean
figures_chart_scale_from_string (const char *text, FiguresChartScale *scale)
{
  FiguresChartScale value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "linear") == 0)
    value = FIGURES_CHART_SCALE_LINEAR;
  else if (g_ascii_strcasecmp (text, "log") == 0)
    value = FIGURES_CHART_SCALE_LOG;
  else if (g_ascii_strcasecmp (text, "broken") == 0)
    value = FIGURES_CHART_SCALE_BROKEN;
  else
    return FALSE;
  if (scale != NULL)
    *scale = value;
  return TRUE;
}

static void
chart_row_free (FiguresChartRow *row)
{
  g_free (row->city);
  g_free (row->metric);
  g_free (row->unit);
  g_free (row);
}

FiguresChartData *
figures_chart_data_new (FiguresChartKind kind)
{
  FiguresChartData *self = g_new0 (FiguresChartData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->aggregate = FIGURES_AGGREGATE_MAX;
  self->sort = FIGURES_CHART_SORT_VALUE;
  self->style = figures_number_style_from_locale ();
  self->language = figures_chart_language_from_locale ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_row_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

FiguresChartData *
figures_chart_data_ref (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
figures_chart_data_unref (FiguresChartData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->metrics, g_strfreev);
  g_clear_pointer (&self->cities, g_strfreev);
  g_clear_pointer (&self->indexed_date, g_free);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

FiguresChartKind
figures_chart_data_get_kind (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, FIGURES_CHART_BARS);

  return self->kind;
}

static char *
row_key (const char *city, const char *metric, int year)
{
  return g_strdup_printf ("%s\x1f%s\x1f%d", city, metric, year);
}

void
figures_chart_data_add_row (FiguresChartData *self, const FiguresAggregateRow *row)
{
  FiguresChartRow *merged;
  g_autofree char *key = NULL;
  int year;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row != NULL);
  g_return_if_fail (row->metric != NULL);

  /* A chart by city has no place for statistics attributed to none. */
  if (row->city == NULL || *row->city == '\0')
    return;

  /* Values the chart cannot place are left out rather than drawn wrong. */
  if (!isfinite (row->sum) || !isfinite (row->max))
    return;

  year = self->kind == FIGURES_CHART_YEARS ? row->year : 0;
  key = row_key (row->city, row->metric, year);
  merged = g_hash_table_lookup (self->by_key, key);

  if (merged == NULL)
    {
      merged = g_new0 (FiguresChartRow, 1);
      merged->city = g_strdup (row->city);
      merged->metric = g_strdup (row->metric);
      merged->year = year;
      merged->sum = row->sum;
      merged->max = row->max;
      merged->mentions = row->mentions;
      merged->documents = row->documents;
      merged->any_approx = row->any_approx;
      merged->max_approx = row->max_approx;
      merged->unit = g_strdup (row->unit);
      g_ptr_array_add (self->rows, merged);
      g_hash_table_insert (self->by_key, g_steal_pointer (&key), merged);
      return;
    }

  /* The same city and metric over several years, drawn without years. */
  merged->sum += row->sum;
  if (row->max > merged->max)
    {
      merged->max = row->max;
      merged->max_approx = row->max_approx;
    }
  merged->mentions += row->mentions;
  /* A report can speak of several years: this may count it twice, so keep
   * the larger count rather than claim more reports than there are. */
  merged->documents = MAX (merged->documents, row->documents);
  merged->any_approx |= row->any_approx;
  if (merged->unit == NULL && row->unit != NULL)
    merged->unit = g_strdup (row->unit);
}

void
figures_chart_data_add_rows (FiguresChartData *self, GPtrArray *rows)
{
  g_return_if_fail (self != NULL);

  if (rows == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    figures_chart_data_add_row (self, g_ptr_array_index (rows, i));
}

void
figures_chart_data_set_aggregate (FiguresChartData *self, FiguresAggregate aggregate)
{
  g_return_if_fail (self != NULL);

  self->aggregate = aggregate;
}

FiguresAggregate
figures_chart_data_get_aggregate (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, FIGURES_AGGREGATE_MAX);

  return self->aggregate;
}

void
figures_chart_data_set_metrics (FiguresChartData *self, const char *const *metrics)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->metrics, g_strfreev);
  if (metrics != NULL && metrics[0] != NULL)
    self->metrics = g_strdupv ((char **) metrics);
}

void
figures_chart_data_set_cities (FiguresChartData *self, const char *const *cities)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->cities, g_strfreev);
  if (cities != NULL && cities[0] != NULL)
    self->cities = g_strdupv ((char **) cities);
}

void
figures_chart_data_set_sort (FiguresChartData *self, FiguresChartSort sort)
{
  g_return_if_fail (self != NULL);

  self->sort = sort;
}

void
figures_chart_data_set_show_counts (FiguresChartData *self, gboolean show_counts)
{
  g_return_if_fail (self != NULL);

  self->show_counts = !!show_counts;
}

FiguresChartLanguage
figures_chart_language_from_locale (void)
{
  const char *const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "zh") ? FIGURES_CHART_LANGUAGE_CHINESE
                                                               : FIGURES_CHART_LANGUAGE_ENGLISH;
}

void
figures_chart_data_set_language (FiguresChartData *self, FiguresChartLanguage language)
{
  g_return_if_fail (self != NULL);

  self->language = language;
}

FiguresChartLanguage
figures_chart_data_get_language (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, FIGURES_CHART_LANGUAGE_ENGLISH);

  return self->language;
}

void
figures_chart_data_set_style (FiguresChartData *self, FiguresNumberStyle style)
{
  g_return_if_fail (self != NULL);

  self->style = style;
}

FiguresNumberStyle
figures_chart_data_get_style (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, FIGURES_NUMBER_STYLE_ENGLISH);

  return self->style;
}

void
figures_chart_data_set_title (FiguresChartData *self, const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

void
figures_chart_data_set_subtitle (FiguresChartData *self, const char *subtitle)
{
  g_return_if_fail (self != NULL);

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

void
figures_chart_data_set_years (FiguresChartData *self, int year_from, int year_to)
{
  g_return_if_fail (self != NULL);

  self->year_from = MAX (year_from, 0);
  self->year_to = MAX (year_to, 0);
}

void
figures_chart_data_set_exact_values (FiguresChartData *self, gboolean exact)
{
  g_return_if_fail (self != NULL);
  self->exact = exact;
}

gboolean
figures_chart_data_get_exact_values (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->exact;
}

void
figures_chart_data_set_scale (FiguresChartData *self, FiguresChartScale scale)
{
  g_return_if_fail (self != NULL);
  self->scale = scale;
}

FiguresChartScale
figures_chart_data_get_scale (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, FIGURES_CHART_SCALE_LINEAR);
  return self->scale;
}

void
figures_chart_data_set_source (FiguresChartData *self,
                               guint n_documents,
                               guint n_statistics,
                               const char *indexed_date)
{
  g_return_if_fail (self != NULL);

  self->has_source = TRUE;
  self->n_documents = n_documents;
  self->n_statistics = n_statistics;
  g_free (self->indexed_date);
  self->indexed_date = g_strdup (indexed_date);
}

gboolean
figures_chart_data_is_empty (FiguresChartData *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->kind == FIGURES_CHART_YEARS)
    {
      for (guint i = 0; i < self->rows->len; i++)
        if (((FiguresChartRow *) g_ptr_array_index (self->rows, i))->year != 0)
          return FALSE;
      return TRUE;
    }

  return self->rows->len == 0;
}

double
_figures_chart_row_value (const FiguresChartRow *row, FiguresAggregate aggregate, gboolean *approx)
{
  switch (aggregate)
    {
      case FIGURES_AGGREGATE_SUM:
        if (approx != NULL)
          *approx = row->any_approx;
        return row->sum;
      case FIGURES_AGGREGATE_COUNT:
        if (approx != NULL)
          *approx = FALSE;
        return row->mentions;
      case FIGURES_AGGREGATE_MAX:
      default:
        if (approx != NULL)
          *approx = row->max_approx;
        return row->max;
    }
}

const FiguresChartRow *
_figures_chart_data_lookup (FiguresChartData *self, const char *city, const char *metric, int year)
{
  g_autofree char *key = row_key (city, metric, year);

  return g_hash_table_lookup (self->by_key, key);
}

GPtrArray *
_figures_chart_data_list_metrics (FiguresChartData *self)
{
  GPtrArray *metrics = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->metrics != NULL)
    {
      for (guint i = 0; self->metrics[i] != NULL; i++)
        if (g_hash_table_add (seen, self->metrics[i]))
          g_ptr_array_add (metrics, self->metrics[i]);
      return metrics;
    }

  /* Known metrics in their usual order, then any others as they come. */
  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    {
      const char *key = figures_metric_to_key (m);

      for (guint i = 0; i < self->rows->len; i++)
        {
          FiguresChartRow *row = g_ptr_array_index (self->rows, i);

          if (strcmp (row->metric, key) == 0)
            {
              g_hash_table_add (seen, row->metric);
              g_ptr_array_add (metrics, row->metric);
              break;
            }
        }
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      FiguresChartRow *row = g_ptr_array_index (self->rows, i);

      if (g_hash_table_add (seen, row->metric))
        g_ptr_array_add (metrics, row->metric);
    }

  return metrics;
}

static int
compare_names (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *name_a = *(const char *const *) a;
  const char *name_b = *(const char *const *) b;
  UCollator *collator = user_data;

  if (collator != NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UCollationResult result = ucol_strcollUTF8 (collator, name_a, -1, name_b, -1, &status);

      if (U_SUCCESS (status))
        return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
    }

  return strcmp (name_a, name_b);
}

void
_figures_chart_sort_names (GPtrArray *names)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("zh", &status);

  if (U_FAILURE (status))
    collator = NULL;
  g_ptr_array_sort_with_data (names, compare_names, collator);
  if (collator != NULL)
    ucol_close (collator);
}

GPtrArray *
_figures_chart_data_list_cities (FiguresChartData *self)
{
  GPtrArray *cities = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->cities != NULL)
    {
      for (guint i = 0; self->cities[i] != NULL; i++)
        if (g_hash_table_add (seen, self->cities[i]))
          g_ptr_array_add (cities, self->cities[i]);
      return cities;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      FiguresChartRow *row = g_ptr_array_index (self->rows, i);

      if (self->kind == FIGURES_CHART_YEARS && row->year == 0)
        continue;
      if (g_hash_table_add (seen, row->city))
        g_ptr_array_add (cities, row->city);
    }
  _figures_chart_sort_names (cities);

  return cities;
}

FiguresChartRequest *
figures_chart_request_copy (const FiguresChartRequest *request)
{
  FiguresChartRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->metrics = (const char *const *) g_strdupv ((char **) request->metrics);
  copy->cities = (const char *const *) g_strdupv ((char **) request->cities);
  copy->labels = (const char *const *) g_strdupv ((char **) request->labels);
  copy->title = g_strdup (request->title);
  copy->subtitle = g_strdup (request->subtitle);
  return copy;
}

void
figures_chart_request_free (FiguresChartRequest *request)
{
  if (request == NULL)
    return;
  g_strfreev ((char **) request->metrics);
  g_strfreev ((char **) request->cities);
  g_strfreev ((char **) request->labels);
  g_free ((char *) request->title);
  g_free ((char *) request->subtitle);
  g_free (request);
}

/* How many labels of `other` a chart shows when none are chosen */
#define DEFAULT_OTHER_LABELS 4
/* …beside every other metric (Compare), where panels are narrower */
#define DEFAULT_OTHER_LABELS_BESIDE 2

static int
compare_mentions_desc (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *mentions = user_data;
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (mentions, *(const char *const *) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (mentions, *(const char *const *) b));

  if (x != y)
    return x > y ? -1 : 1;
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The panels (metric keys, NULL-terminated, strings borrowed from @rows or
 * @metrics): each metric asked for, `other` replaced by its @labels, else
 * by its labels with the most mentions. */
static GPtrArray *
panels_for (const char *const *metrics, GPtrArray *rows, const char *const *labels, guint n_default)
{
  GPtrArray *panels = g_ptr_array_new ();
  g_autoptr (GHashTable) mentions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      FiguresAggregateRow *row = g_ptr_array_index (rows, i);
      const char *label = figures_metric_key_get_label (row->metric);
      guint n;

      if (label == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (mentions, row->metric));
      if (n == 0)
        g_ptr_array_add (keys, row->metric);
      g_hash_table_insert (mentions, row->metric, GUINT_TO_POINTER (n + row->mentions));
    }
  g_ptr_array_sort_with_data (keys, compare_mentions_desc, mentions);

  for (guint m = 0; metrics[m] != NULL; m++)
    {
      if (strcmp (metrics[m], figures_metric_to_key (FIGURES_METRIC_OTHER)) != 0)
        {
          g_ptr_array_add (panels, (gpointer) metrics[m]);
          continue;
        }
      for (guint i = 0, shown = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);
          const char *label = figures_metric_key_get_label (key);

          if (labels != NULL ? g_strv_contains (labels, label) : shown < n_default)
            {
              g_ptr_array_add (panels, (gpointer) key);
              shown++;
            }
        }
    }
  g_ptr_array_add (panels, NULL);
  return panels;
}

FiguresChartData *
figures_chart_data_new_from_index (FiguresIndex *index,
                                   const FiguresChartRequest *request,
                                   GError **error)
{
  g_autoptr (FiguresChartData) data = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *date = NULL;
  const char *all_metrics[FIGURES_N_METRICS + 1] = { NULL };
  const char *const *metrics;
  g_autoptr (GPtrArray) panels = NULL;
  FiguresStatisticsFilter filter = { 0 };
  GError *local_error = NULL;
  gboolean by_year;
  guint n_documents, n_statistics = 0;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    all_metrics[m] = figures_metric_to_key (m);
  metrics = request->metrics != NULL ? request->metrics : all_metrics;
  by_year = request->kind == FIGURES_CHART_YEARS;

  filter.cities = request->cities;
  filter.metrics = metrics;
  filter.year_from = request->year_from;
  filter.year_to = request->year_to;
  /* `other` is charted label by label: counts of different things are
   * never added up */
  rows = figures_index_aggregate (index, &filter,
                                  (by_year ? FIGURES_GROUP_BY_CITY_YEAR : FIGURES_GROUP_BY_CITY) |
                                    FIGURES_GROUP_BY_OTHER_LABEL,
                                  error);
  if (rows == NULL)
    return NULL;
  panels = panels_for (metrics, rows, request->labels,
                       g_strv_length ((char **) metrics) > 1 ? DEFAULT_OTHER_LABELS_BESIDE
                                                             : DEFAULT_OTHER_LABELS);
  n_documents = figures_index_count_documents (index, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* the statistics drawn: a row without a city (or a year, by year) is not */
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresAggregateRow *row = g_ptr_array_index (rows, i);

      if (row->city != NULL && *row->city != '\0' && !(by_year && row->year == 0) &&
          g_strv_contains ((const char *const *) panels->pdata, row->metric))
        n_statistics += row->mentions;
    }
  date = figures_index_dup_date (index);

  data = figures_chart_data_new (request->kind);
  figures_chart_data_set_source (data, n_documents, n_statistics, date);
  figures_chart_data_add_rows (data, rows);
  figures_chart_data_set_aggregate (data, request->aggregate);
  figures_chart_data_set_metrics (data, (const char *const *) panels->pdata);
  figures_chart_data_set_cities (data, request->cities);
  figures_chart_data_set_sort (data, request->sort);
  figures_chart_data_set_show_counts (data, request->show_counts);
  figures_chart_data_set_title (data, request->title);
  figures_chart_data_set_subtitle (data, request->subtitle);
  figures_chart_data_set_years (data, request->year_from, request->year_to);
  figures_chart_data_set_exact_values (data, request->exact);
  figures_chart_data_set_scale (data, request->scale);
  return g_steal_pointer (&data);
}
