/* figures-cli-chart.c: `figures chart`, a chart of the index as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <string.h>

#include "figures-chart.h"
#include "figures-cli.h"
#include "figures-gazetteer.h"
#include "figures-index.h"
#include "figures-statistic.h"

#define COMMAND "chart"

/* ---- suggestions ---- */

/* Levenshtein distance over code points. */
static guint
edit_distance (const char *a, const char *b)
{
  glong n_a, n_b;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &n_a);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &n_b);
  g_autofree guint *row = g_new (guint, n_b + 1);

  for (glong j = 0; j <= n_b; j++)
    row[j] = j;
  for (glong i = 1; i <= n_a; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= n_b; j++)
        {
          guint above = row[j];
          guint cost = g_unichar_tolower (ua[i - 1]) == g_unichar_tolower (ub[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[n_b];
}

typedef struct
{
  const char *name;
  guint distance;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  return strcmp (ca->name, cb->name);
}

/* "; did you mean “包头市” or “包头”?" or "" — up to three names close
 * to @wanted (containing it counts as close). */
static char *
suggest (const char *wanted, GPtrArray *known)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  glong length = g_utf8_strlen (wanted, -1);
  guint limit = MAX (1, (guint) length / 3);
  GString *out;

  for (guint i = 0; i < known->len; i++)
    {
      Candidate c = { g_ptr_array_index (known, i), 0 };

      if (!g_hash_table_add (seen, (gpointer) c.name))
        continue;
      c.distance = edit_distance (wanted, c.name);
      if (strstr (c.name, wanted) != NULL || strstr (wanted, c.name) != NULL)
        c.distance = MIN (c.distance, 1);
      if (c.distance <= limit)
        g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  if (candidates->len == 0)
    return g_strdup ("");

  out = g_string_new ("; did you mean ");
  for (guint i = 0; i < MIN (candidates->len, 3); i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == MIN (candidates->len, 3) ? " or " : ", ");
      g_string_append_printf (out, "“%s”", g_array_index (candidates, Candidate, i).name);
    }
  g_string_append_c (out, '?');

  return g_string_free (out, FALSE);
}

/* ---- arguments ---- */

/* A,B or A，B or A、B (Chinese commas, as typed with a Chinese input method). */
static GStrv
split_list (const char *text)
{
  g_autoptr (GString) plain = g_string_new (text);
  g_auto (GStrv) parts = NULL;

  g_string_replace (plain, "，", ",", 0);
  g_string_replace (plain, "、", ",", 0);
  parts = g_strsplit (plain->str, ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* A metric key, or its English or Chinese name ("Trainees", "培训人次"). */
static const char *
resolve_metric (const char *name)
{
  FiguresMetric metric;

  if (figures_metric_from_key (name, &metric))
    return figures_metric_to_key (metric);
  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    {
      const char *key = figures_metric_to_key (m);

      if (g_ascii_strcasecmp (
            name, figures_format_metric_name (key, FIGURES_NUMBER_STYLE_ENGLISH)) == 0 ||
          strcmp (name, figures_format_metric_name (key, FIGURES_NUMBER_STYLE_CHINESE)) == 0)
        return key;
    }

  return NULL;
}

static gboolean
parse_positive (const char *option, const char *text, double min, double max, double *value)
{
  char *end = NULL;
  double parsed;

  if (text == NULL)
    return TRUE;
  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(parsed >= min && parsed <= max))
    {
      g_printerr ("figures %s: --%s=%s: give a number from %g to %g\n", COMMAND, option, text, min,
                  max);
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

/* Canonical cities for @names: known to the index, or to the gazetteer
 * (counties roll up to their prefecture). Prints and fails on a name known
 * to neither, with the nearest known names. */
static GStrv
resolve_cities (FiguresIndex *index, GStrv names, gboolean *ok)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) indexed = figures_index_list_cities (index, NULL, &error);
  FiguresGazetteer *gazetteer = figures_gazetteer_get_default ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) known = NULL;

  *ok = TRUE;
  if (indexed == NULL)
    {
      g_printerr ("figures %s: %s\n", COMMAND, error->message);
      *ok = FALSE;
      return NULL;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      const FiguresPlace *place;

      if (g_strv_contains ((const char *const *) indexed, names[i]))
        {
          g_strv_builder_add (builder, names[i]);
          continue;
        }
      place = figures_gazetteer_lookup (gazetteer, names[i]);
      if (place != NULL)
        {
          const char *city = figures_place_get_city (place);

          if (strcmp (city, names[i]) != 0 && place->level >= FIGURES_PLACE_COUNTY)
            g_printerr ("figures %s: “%s” is counted under %s\n", COMMAND, names[i], city);
          g_strv_builder_add (builder, city);
          continue;
        }

      if (known == NULL)
        {
          known = figures_gazetteer_list_cities (gazetteer);
          for (guint j = 0; indexed[j] != NULL; j++)
            g_ptr_array_insert (known, 0, indexed[j]);
        }
      {
        g_autofree char *hint = suggest (names[i], known);

        g_printerr ("figures %s: unknown city “%s”%s\n", COMMAND, names[i], hint);
      }
      *ok = FALSE;
    }

  return g_strv_builder_end (builder);
}

/* ---- the command ---- */

int
_figures_cli_chart (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *metric_text = NULL;
  g_autofree char *city_text = NULL;
  g_autofree char *aggregate_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *theme_text = NULL;
  g_autofree char *sort_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *years = NULL;
  g_autofree char *values_text = NULL;
  g_autofree char *axis_text = NULL;
  g_auto (GStrv) label_args = NULL;
  g_auto (GStrv) rest = NULL;
  gboolean counts = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index (default: the application's)", "PATH" },
    { "metric", 'm', 0, G_OPTION_ARG_STRING, &metric_text,
      "training_sessions, trainees, funding, investment, projects or other; several separated by "
      "commas",
      "M[,M…]" },
    { "cities", 'c', 0, G_OPTION_ARG_STRING, &city_text,
      "Cities to show, in order (default: every city with the metric)", "A,B,…" },
    { "aggregate", 'a', 0, G_OPTION_ARG_STRING, &aggregate_text,
      "Per city: max (largest mention, default), sum (of distinct mentions) or count", "HOW" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, "city (default) or year (one line per city)",
      "city|year" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text, "Bars by value (default) or name",
      "value|name" },
    { "counts", 0, 0, G_OPTION_ARG_NONE, &counts, "Show mentions and reports beside each bar",
      NULL },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years,
      "Only the statistics of these years (2019-2021, 2021, 2019- or -2021)", "FROM-TO" },
    { "label", 0, 0, G_OPTION_ARG_STRING_ARRAY, &label_args,
      "With --metric=other: chart these labels (宣讲 场次; repeatable or comma separated; "
      "default: the four most mentioned), each in a panel of its own",
      "LABEL" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "Title (default: from the metric; empty: none)",
      "TEXT" },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle,
      "The line under the title (default: how the values were combined)", "TEXT" },
    { "values", 0, 0, G_OPTION_ARG_STRING, &values_text,
      "compact (56K, 6.29亿元 rounded to three digits; default) or exact (every digit)",
      "compact|exact" },
    { "axis", 0, 0, G_OPTION_ARG_STRING, &axis_text,
      "linear (default), log (powers of ten) or broken (the longest bar cut when over 5× the "
      "next): for one bar that dwarfs the rest",
      "linear|log|broken" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write: .png, .svg or .pdf",
      "FILE" },
    { "width", 'W', 0, G_OPTION_ARG_STRING, &width_text, "Width in pixels or points (1200)", "W" },
    { "height", 'H', 0, G_OPTION_ARG_STRING, &height_text, "Height (750)", "H" },
    { "scale", 's', 0, G_OPTION_ARG_STRING, &scale_text, "PNG pixels per unit: 1 or 2 (1)", "S" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_text, "light (default) or dark", "THEME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (FiguresChartData) data = NULL;
  g_autoptr (GPtrArray) metric_keys = g_ptr_array_new ();
  g_auto (GStrv) metric_names = NULL;
  g_auto (GStrv) metrics = NULL;
  g_auto (GStrv) cities = NULL;
  FiguresAggregate aggregate = FIGURES_AGGREGATE_MAX;
  FiguresChartSort sort = FIGURES_CHART_SORT_VALUE;
  FiguresChartTheme theme = FIGURES_CHART_THEME_LIGHT;
  FiguresChartFormat format;
  FiguresChartRequest request = { 0 };
  FiguresChartScale axis = FIGURES_CHART_SCALE_LINEAR;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) resolved = g_ptr_array_new_with_free_func (g_free);
  gboolean exact = FALSE;
  int year_from = 0, year_to = 0;
  gboolean by_year = FALSE;
  gboolean ok = TRUE;
  double width = 1200, height = 750, scale = 1;

  context = g_option_context_new ("— draw a chart of the index");
  g_option_context_set_summary (
    context, "One metric: bars by city. Several metrics: one panel per metric, one colour per "
             "city.\n--by=year: one line per city over the years the statistics state.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("figures %s: %s\n", COMMAND, error->message);
      return FIGURES_EXIT_USAGE;
    }
  if (rest != NULL && rest[0] != NULL)
    {
      g_printerr ("figures %s: unexpected argument “%s” (see --help)\n", COMMAND, rest[0]);
      return FIGURES_EXIT_USAGE;
    }
  if (metric_text == NULL)
    {
      g_printerr ("figures %s: say which statistics to draw with --metric=M (training_sessions, "
                  "trainees, funding, investment, projects or other)\n",
                  COMMAND);
      return FIGURES_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("figures %s: say where to write the chart with --output=FILE.png|.svg|.pdf\n",
                  COMMAND);
      return FIGURES_EXIT_USAGE;
    }
  if (!figures_chart_format_from_path (output, &format))
    {
      g_printerr ("figures %s: cannot tell the format of “%s”: name it .png, .svg or .pdf\n",
                  COMMAND, output);
      return FIGURES_EXIT_USAGE;
    }
  if (aggregate_text != NULL && !figures_aggregate_from_string (aggregate_text, &aggregate))
    {
      g_printerr ("figures %s: --aggregate=%s: use max, sum or count\n", COMMAND, aggregate_text);
      return FIGURES_EXIT_USAGE;
    }
  if (by_text != NULL)
    {
      if (g_ascii_strcasecmp (by_text, "year") == 0)
        by_year = TRUE;
      else if (g_ascii_strcasecmp (by_text, "city") != 0)
        {
          g_printerr ("figures %s: --by=%s: use city or year\n", COMMAND, by_text);
          return FIGURES_EXIT_USAGE;
        }
    }
  if (sort_text != NULL && !figures_chart_sort_from_string (sort_text, &sort))
    {
      g_printerr ("figures %s: --sort=%s: use value or name\n", COMMAND, sort_text);
      return FIGURES_EXIT_USAGE;
    }
  if (theme_text != NULL && !figures_chart_theme_from_string (theme_text, &theme))
    {
      g_printerr ("figures %s: --theme=%s: use light or dark\n", COMMAND, theme_text);
      return FIGURES_EXIT_USAGE;
    }
  if (values_text != NULL)
    {
      if (g_ascii_strcasecmp (values_text, "exact") == 0)
        exact = TRUE;
      else if (g_ascii_strcasecmp (values_text, "compact") != 0)
        {
          g_printerr ("figures %s: --values=%s: use compact or exact\n", COMMAND, values_text);
          return FIGURES_EXIT_USAGE;
        }
    }
  if (axis_text != NULL && !figures_chart_scale_from_string (axis_text, &axis))
    {
      g_printerr ("figures %s: --axis=%s: use linear, log or broken\n", COMMAND, axis_text);
      return FIGURES_EXIT_USAGE;
    }
  if (years != NULL && !_figures_cli_parse_years (COMMAND, years, &year_from, &year_to))
    return FIGURES_EXIT_USAGE;
  for (guint i = 0; label_args != NULL && label_args[i] != NULL; i++)
    {
      g_auto (GStrv) names = split_list (label_args[i]);

      for (guint j = 0; names[j] != NULL; j++)
        g_ptr_array_add (labels, g_strdup (names[j]));
    }
  g_ptr_array_add (labels, NULL);
  if (!parse_positive ("width", width_text, 160, 20000, &width) ||
      !parse_positive ("height", height_text, 120, 20000, &height) ||
      !parse_positive ("scale", scale_text, 1, 8, &scale))
    return FIGURES_EXIT_USAGE;

  metric_names = split_list (metric_text);
  for (guint i = 0; metric_names[i] != NULL; i++)
    {
      const char *key = resolve_metric (metric_names[i]);

      if (key == NULL)
        {
          g_autoptr (GPtrArray) known = g_ptr_array_new ();
          g_autofree char *hint = NULL;

          for (guint m = 0; m < FIGURES_N_METRICS; m++)
            g_ptr_array_add (known, (gpointer) figures_metric_to_key (m));
          hint = suggest (metric_names[i], known);
          g_printerr ("figures %s: unknown metric “%s”%s (known: training_sessions, trainees, "
                      "funding, investment, projects, other)\n",
                      COMMAND, metric_names[i], hint);
          ok = FALSE;
          continue;
        }
      if (!g_ptr_array_find_with_equal_func (metric_keys, key, g_str_equal, NULL))
        g_ptr_array_add (metric_keys, (gpointer) key);
    }
  if (!ok)
    return FIGURES_EXIT_USAGE;
  g_ptr_array_add (metric_keys, NULL);
  metrics = g_strdupv ((char **) metric_keys->pdata);
  if (metrics[0] == NULL)
    {
      g_printerr ("figures %s: --metric is empty\n", COMMAND);
      return FIGURES_EXIT_USAGE;
    }

  index = _figures_cli_open_index (COMMAND, db);
  if (index == NULL)
    return FIGURES_EXIT_FAILURE;

  if (city_text != NULL)
    {
      g_auto (GStrv) names = split_list (city_text);

      if (names[0] == NULL)
        {
          g_printerr ("figures %s: --cities is empty\n", COMMAND);
          return FIGURES_EXIT_USAGE;
        }
      cities = resolve_cities (index, names, &ok);
      if (!ok)
        return cities == NULL ? FIGURES_EXIT_FAILURE : FIGURES_EXIT_USAGE;
    }

  if (labels->len > 1)
    {
      g_auto (GStrv) known = NULL;

      if (!g_strv_contains ((const char *const *) metrics,
                            figures_metric_to_key (FIGURES_METRIC_OTHER)))
        {
          g_printerr ("figures %s: --label picks labels of other figures: add --metric=other\n",
                      COMMAND);
          return FIGURES_EXIT_USAGE;
        }
      known =
        figures_index_list_labels (index, figures_metric_to_key (FIGURES_METRIC_OTHER), &error);
      if (known == NULL)
        {
          g_printerr ("figures %s: %s\n", COMMAND, error->message);
          return FIGURES_EXIT_FAILURE;
        }
      /* a label as listed (示范单位 个), or what it counts in every unit it
       * was written in (示范单位: 示范单位 个 and 示范单位 個) */
      for (guint i = 0; i + 1 < labels->len; i++)
        {
          const char *name = labels->pdata[i];
          gsize length = strlen (name);
          g_autoptr (GString) near = g_string_new (NULL);
          gboolean found = FALSE;

          for (guint j = 0; known[j] != NULL; j++)
            if (strcmp (known[j], name) == 0 ||
                (strncmp (known[j], name, length) == 0 && known[j][length] == ' ' &&
                 strchr (known[j] + length + 1, ' ') == NULL))
              {
                if (!g_ptr_array_find_with_equal_func (resolved, known[j], g_str_equal, NULL))
                  g_ptr_array_add (resolved, g_strdup (known[j]));
                found = TRUE;
              }
            else if (strstr (known[j], name) != NULL && near->len < 200)
              g_string_append_printf (near, "%s“%s”", near->len > 0 ? ", " : "", known[j]);
          if (!found)
            {
              g_printerr ("figures %s: no other figure has the label “%s”%s%s%s (see the label "
                          "column of figures stats --metric=other)\n",
                          COMMAND, name, near->len > 0 ? "; did you mean " : "", near->str,
                          near->len > 0 ? "?" : "");
              ok = FALSE;
            }
        }
      if (!ok)
        return FIGURES_EXIT_USAGE;
      g_ptr_array_add (resolved, NULL);
    }

  request.kind = by_year                       ? FIGURES_CHART_YEARS
                 : g_strv_length (metrics) > 1 ? FIGURES_CHART_COMPARE
                                               : FIGURES_CHART_BARS;
  request.metrics = (const char *const *) metrics;
  request.cities = (const char *const *) cities;
  request.aggregate = aggregate;
  request.sort = sort;
  request.show_counts = counts;
  request.title = title;
  request.subtitle = subtitle;
  request.year_from = year_from;
  request.year_to = year_to;
  request.labels = resolved->len > 0 ? (const char *const *) resolved->pdata : NULL;
  request.exact = exact;
  request.scale = axis;
  data = figures_chart_data_new_from_index (index, &request, &error);
  if (data == NULL)
    {
      g_printerr ("figures %s: %s\n", COMMAND, error->message);
      return FIGURES_EXIT_FAILURE;
    }

  if (!figures_chart_export (data, output, width, height, scale, theme, &error))
    {
      g_printerr ("figures %s: %s\n", COMMAND, error->message);
      return FIGURES_EXIT_FAILURE;
    }
  if (figures_chart_data_is_empty (data))
    g_printerr ("figures %s: nothing to show; the chart in “%s” says so\n", COMMAND, output);

  return FIGURES_EXIT_OK;
}
