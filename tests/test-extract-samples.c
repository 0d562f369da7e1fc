/* test-extract-samples.c: the extractor against the hand-annotated gold of
 * the bundled sample reports (data/samples/gold.tsv)
 *
 * The same checks serve other fixture sets (tests/fixtures/unseen, test
 * `extract-unseen`): `--fixtures=DIR` (the reports), `--gold=PATH` (default
 * DIR/gold.tsv), `--expect=N` (how many reports, default 13), `--suffix=.txt`
 * (only those files; default: every format Figures reads) and
 * `--name=NAME` (the test path prefix, default extract-samples).
 *
 * One test per sample file. Every gold row is checked:
 * - a core row (training_sessions, trainees, funding, projects) must be found
 *   with the same metric, value, approx and city, its [start, end) inside the
 *   gold evidence and covering the number with its unit, and its evidence
 *   sentence containing the gold evidence;
 * - no core statistic beyond the gold may be reported (the gold is exhaustive);
 * - an `other` row must be reported as `other` with the same value and approx;
 * - a `none` row's number must not be covered by any statistic.
 * Mismatches are listed with g_test_message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gold.h"

typedef struct
{
  char *name; /* file name in data/samples */
  char *path;
  GPtrArray *rows; /* GoldRow*, borrowed from gold_rows */
} SampleCase;

static GPtrArray *gold_rows;
static char *gold_error;
static GPtrArray *sample_names;
static char *samples_dir;
static const char *set_name = "extract-samples";
static guint expected_files = 13;
static const char *suffix; /* NULL: every format Figures reads */

static void
sample_case_free (gpointer data)
{
  SampleCase *sc = data;

  g_free (sc->name);
  g_free (sc->path);
  g_ptr_array_unref (sc->rows);
  g_free (sc);
}

static gboolean
is_numeral (gunichar c)
{
  return g_unichar_isdigit (c) ||
         g_utf8_strchr ("零〇一二两兩三四五六七八九十百千万萬亿億", -1, c) != NULL;
}

static gboolean
has_numeral (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (is_numeral (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
stat_range_valid (GoldDoc *doc, const FiguresStatistic *stat)
{
  return stat->start < stat->end && stat->end <= doc->text->n_chars;
}

static gboolean
stat_inside (const FiguresStatistic *stat, GArray *ranges)
{
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint a = g_array_index (ranges, guint, i);
      guint b = g_array_index (ranges, guint, i + 1);

      if (stat->start >= a && stat->end <= b)
        return TRUE;
    }
  return FALSE;
}

static gboolean
stat_overlaps_any (const FiguresStatistic *stat, GArray *ranges)
{
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint a = g_array_index (ranges, guint, i);
      guint b = g_array_index (ranges, guint, i + 1);

      if (stat->start < b && stat->end > a)
        return TRUE;
    }
  return FALSE;
}

/* Why @stat is not a match for the core or other @row, or NULL when it is. */
static char *
mismatch_reason (GoldDoc *doc, const FiguresStatistic *stat, const GoldRow *row, GArray *ranges)
{
  g_autofree char *span = NULL;
  g_autofree char *span_norm = NULL;

  if (!stat_range_valid (doc, stat))
    return g_strdup ("invalid [start,end)");
  if (!stat_inside (stat, ranges))
    return g_strdup ("[start,end) is not inside the gold evidence");
  if (stat->metric != row->metric)
    return g_strdup_printf ("metric %s, gold %s", figures_metric_to_key (stat->metric),
                            row->metric_key);
  if (!gold_decimal_equal (stat->value, row->number))
    {
      g_autofree char *v = gold_decimal_to_string (stat->value);
      return g_strdup_printf ("value %s, gold %s", v, row->value);
    }
  if ((stat->approx != FALSE) != row->approx)
    return g_strdup_printf ("approx %d, gold %d", stat->approx ? 1 : 0, row->approx ? 1 : 0);

  span = gold_doc_dup_range (doc, stat->start, stat->end);
  if (!has_numeral (span))
    return g_strdup_printf ("display text at [start,end) “%s” holds no number", span);
  span_norm = gold_normalise (span);
  if (row->unit[0] != '\0')
    {
      g_autofree char *unit_norm = gold_normalise (row->unit);

      if (strstr (span_norm, unit_norm) == NULL)
        return g_strdup_printf ("display text at [start,end) “%s” lacks the unit %s", span,
                                row->unit);
    }

  if (row->kind == GOLD_KIND_CORE)
    {
      g_autofree char *ev_norm = gold_normalise (stat->evidence);
      g_autofree char *gold_norm = gold_normalise (row->evidence);

      if (g_strcmp0 (stat->city, row->city) != 0)
        return g_strdup_printf ("city %s, gold %s", stat->city ? stat->city : "(null)", row->city);
      if (strstr (ev_norm, gold_norm) == NULL)
        return g_strdup ("evidence sentence does not contain the gold evidence");
    }

  return NULL;
}

static void
list_nearby (GString *report, GoldDoc *doc, GArray *ranges, GoldRow *row, gboolean *used)
{
  GPtrArray *stats = doc->extraction->statistics;
  gboolean any = FALSE;

  for (guint i = 0; i < stats->len; i++)
    {
      const FiguresStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *desc = NULL;
      g_autofree char *why = NULL;

      if (!stat_overlaps_any (stat, ranges))
        continue;
      desc = gold_statistic_describe (stat);
      why = row != NULL ? mismatch_reason (doc, stat, row, ranges) : NULL;
      g_string_append_printf (report, "      nearby%s: %s%s%s\n",
                              used[i] ? " (already matched)" : "", desc, why ? " — " : "",
                              why ? why : "");
      any = TRUE;
    }
  if (!any)
    g_string_append (report, "      (no statistic reported inside the gold evidence)\n");
}

static void
test_sample (gconstpointer data)
{
  const SampleCase *sc = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GoldDoc) doc = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autofree gboolean *used = NULL;
  GPtrArray *stats;
  guint n_core = 0, n_found = 0, n_other = 0, n_other_found = 0, n_none = 0;
  guint n_fail = 0;

  if (gold_error != NULL)
    {
      g_test_fail_printf ("gold.tsv could not be read: %s", gold_error);
      return;
    }
  if (sc->rows->len == 0)
    {
      g_test_fail_printf ("%s has no rows in gold.tsv", sc->name);
      return;
    }

  doc = gold_doc_load (sc->path, &error);
  if (doc == NULL)
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }

  stats = doc->extraction->statistics;
  used = g_new0 (gboolean, stats->len + 1);

  for (guint i = 0; i < stats->len; i++)
    {
      const FiguresStatistic *stat = g_ptr_array_index (stats, i);

      if (stat == NULL || stat->metric >= FIGURES_N_METRICS)
        {
          g_test_fail_printf ("%s: statistic %u is NULL or has an invalid metric", sc->name, i);
          return;
        }
      if (!stat_range_valid (doc, stat))
        {
          g_autofree char *desc = gold_statistic_describe (stat);

          g_string_append_printf (report, "  BAD RANGE (text has %" G_GSIZE_FORMAT " chars): %s\n",
                                  doc->text->n_chars, desc);
          n_fail++;
        }
    }

  for (guint r = 0; r < sc->rows->len; r++)
    {
      GoldRow *row = g_ptr_array_index (sc->rows, r);
      g_autoptr (GArray) ranges = gold_doc_find (doc, row->evidence);
      g_autofree char *row_desc = gold_row_describe (row);
      gboolean found = FALSE;

      if (ranges->len == 0)
        {
          g_string_append_printf (report,
                                  "  EVIDENCE NOT IN DISPLAY TEXT (decoding or normalisation?): "
                                  "%s\n",
                                  row_desc);
          n_fail++;
          continue;
        }

      if (row->kind == GOLD_KIND_NONE)
        {
          g_autofree char *value_norm = gold_normalise (row->value);
          g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
          glong value_len = g_utf8_strlen (value_norm, -1);

          n_none++;
          /* The number as written, inside each occurrence of the evidence. */
          for (guint k = 0; k + 1 < ranges->len; k += 2)
            {
              guint a = g_array_index (ranges, guint, k);
              guint b = g_array_index (ranges, guint, k + 1);
              g_autofree char *piece = gold_doc_dup_range (doc, a, b);
              g_autofree char *piece_norm = gold_normalise (piece);
              const char *hit = strstr (piece_norm, value_norm);

              if (hit != NULL)
                {
                  guint at = a + g_utf8_pointer_to_offset (piece_norm, hit);
                  guint pair[2] = { at, at + value_len };

                  g_array_append_vals (numbers, pair, 2);
                }
            }
          if (numbers->len == 0)
            {
              g_string_append_printf (report, "  GOLD ERROR, number not in its evidence: %s\n",
                                      row_desc);
              n_fail++;
              continue;
            }
          for (guint i = 0; i < stats->len; i++)
            {
              const FiguresStatistic *stat = g_ptr_array_index (stats, i);

              if (stat_range_valid (doc, stat) && stat_overlaps_any (stat, numbers))
                {
                  g_autofree char *desc = gold_statistic_describe (stat);

                  g_string_append_printf (report,
                                          "  DISTRACTOR REPORTED (must be no statistic): %s\n"
                                          "      reported: %s\n",
                                          row_desc, desc);
                  n_fail++;
                }
            }
          continue;
        }

      if (row->kind == GOLD_KIND_CORE)
        n_core++;
      else
        n_other++;

      for (guint i = 0; i < stats->len && !found; i++)
        {
          const FiguresStatistic *stat = g_ptr_array_index (stats, i);
          g_autofree char *why = NULL;

          if (used[i])
            continue;
          why = mismatch_reason (doc, stat, row, ranges);
          if (why == NULL)
            {
              used[i] = TRUE;
              found = TRUE;
              /* Informative only: the gold's place is not part of a match. */
              if (row->kind == GOLD_KIND_CORE && g_strcmp0 (stat->place, row->place) != 0)
                g_string_append_printf (notes, "  place %s, gold %s: %s\n",
                                        stat->place ? stat->place : "(null)", row->place, row_desc);
            }
        }

      if (found)
        {
          if (row->kind == GOLD_KIND_CORE)
            n_found++;
          else
            n_other_found++;
          continue;
        }

      g_string_append_printf (report, "  %s: %s\n",
                              row->kind == GOLD_KIND_CORE ? "MISSING" : "NOT REPORTED AS OTHER",
                              row_desc);
      list_nearby (report, doc, ranges, row, used);
      n_fail++;
    }

  for (guint i = 0; i < stats->len; i++)
    {
      const FiguresStatistic *stat = g_ptr_array_index (stats, i);

      if (!used[i] && stat->metric != FIGURES_METRIC_OTHER)
        {
          g_autofree char *desc = gold_statistic_describe (stat);

          g_string_append_printf (report, "  EXTRA core statistic (not in the gold): %s\n", desc);
          n_fail++;
        }
    }

  g_test_message ("%s: %u statistics reported; core %u/%u found, other %u/%u, %u distractors "
                  "checked; %u mismatches",
                  sc->name, stats->len, n_found, n_core, n_other_found, n_other, n_none, n_fail);
  if (notes->len > 0)
    g_test_message ("%s notes (not failures):\n%s", sc->name, notes->str);
  if (n_fail > 0)
    {
      g_test_message ("%s mismatches:\n%s", sc->name, report->str);
      g_test_fail_printf ("%s: %u mismatches with gold.tsv (see messages above)", sc->name, n_fail);
    }
}

/* Every gold row names a bundled file, and every bundled file has core rows. */
static void
test_gold_covers_files (void)
{
  guint n_fail = 0;

  if (gold_error != NULL)
    {
      g_test_fail_printf ("gold.tsv could not be read: %s", gold_error);
      return;
    }

  for (guint r = 0; r < gold_rows->len; r++)
    {
      GoldRow *row = g_ptr_array_index (gold_rows, r);

      if (!g_ptr_array_find_with_equal_func (sample_names, row->file, g_str_equal, NULL))
        {
          g_test_message ("gold.tsv line %u names %s, which is not in %s", row->line, row->file,
                          samples_dir);
          n_fail++;
        }
    }

  for (guint i = 0; i < sample_names->len; i++)
    {
      const char *name = g_ptr_array_index (sample_names, i);
      guint n_core = 0;

      for (guint r = 0; r < gold_rows->len; r++)
        {
          GoldRow *row = g_ptr_array_index (gold_rows, r);

          if (row->kind == GOLD_KIND_CORE && strcmp (row->file, name) == 0)
            n_core++;
        }
      if (n_core == 0)
        {
          g_test_message ("%s has no core rows in gold.tsv", name);
          n_fail++;
        }
    }

  if (sample_names->len < expected_files)
    g_test_fail_printf ("only %u sample reports in %s, expected %u", sample_names->len, samples_dir,
                        expected_files);
  else if (n_fail > 0)
    g_test_fail_printf ("%u mismatches between gold.tsv and the sample files", n_fail);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autofree char *gold_path = NULL;
  const char *source_dir = g_getenv ("FIGURES_SOURCE_DIR");
  g_autofree char **args = g_new0 (char *, argc + 2);
  g_autofree char *fixtures_arg = NULL;
  g_autofree char *gold_arg = NULL;
  g_autofree char *test_name = NULL;
  int n_args = 0;
  int ret;

  /* Our own options first (g_test_init would reject them); then, since each
   * sample is its own report, keep going after one fails, so that a run
   * lists the mismatches of every file. */
  for (int i = 0; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--fixtures="))
        fixtures_arg = g_strdup (argv[i] + strlen ("--fixtures="));
      else if (g_str_has_prefix (argv[i], "--gold="))
        gold_arg = g_strdup (argv[i] + strlen ("--gold="));
      else if (g_str_has_prefix (argv[i], "--suffix="))
        suffix = argv[i] + strlen ("--suffix=");
      else if (g_str_has_prefix (argv[i], "--expect="))
        expected_files = (guint) g_ascii_strtoull (argv[i] + strlen ("--expect="), NULL, 10);
      else if (g_str_has_prefix (argv[i], "--name="))
        test_name = g_strdup (argv[i] + strlen ("--name="));
      else
        args[n_args++] = argv[i];
    }
  args[n_args++] = (char *) "--keep-going";
  argc = n_args;
  argv = args;
  if (test_name != NULL)
    set_name = test_name;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (fixtures_arg != NULL && source_dir != NULL && !g_path_is_absolute (fixtures_arg))
    samples_dir = g_build_filename (source_dir, fixtures_arg, NULL);
  else if (fixtures_arg != NULL)
    samples_dir = g_strdup (fixtures_arg);
  else if (source_dir != NULL)
    samples_dir = g_build_filename (source_dir, "data", "samples", NULL);
  else
    samples_dir = g_strdup (SOURCE_SAMPLES_DIR);
  if (gold_arg != NULL && source_dir != NULL && !g_path_is_absolute (gold_arg))
    gold_path = g_build_filename (source_dir, gold_arg, NULL);
  else if (gold_arg != NULL)
    gold_path = g_strdup (gold_arg);
  else
    gold_path = g_build_filename (samples_dir, "gold.tsv", NULL);

  gold_rows = gold_load (gold_path, &error);
  if (gold_rows == NULL)
    {
      gold_error = g_strdup (error->message);
      gold_rows = g_ptr_array_new ();
      g_clear_error (&error);
    }

  sample_names = gold_list_files (samples_dir, suffix, &error);
  if (sample_names == NULL)
    {
      if (gold_error == NULL)
        gold_error = g_strdup (error->message);
      sample_names = g_ptr_array_new_with_free_func (g_free);
      g_clear_error (&error);
    }

  {
    g_autofree char *covers_path = g_strdup_printf ("/%s/gold-covers-files", set_name);

    g_test_add_func (covers_path, test_gold_covers_files);
  }

  cases = g_ptr_array_new_with_free_func (sample_case_free);
  for (guint i = 0; i < sample_names->len; i++)
    {
      const char *name = g_ptr_array_index (sample_names, i);
      SampleCase *sc = g_new0 (SampleCase, 1);
      g_autofree char *stem = g_strndup (name, strrchr (name, '.') - name);
      g_autofree char *test_path = g_strdup_printf ("/%s/%s", set_name, stem);

      sc->name = g_strdup (name);
      sc->path = g_build_filename (samples_dir, name, NULL);
      sc->rows = g_ptr_array_new ();
      for (guint r = 0; r < gold_rows->len; r++)
        {
          GoldRow *row = g_ptr_array_index (gold_rows, r);

          if (strcmp (row->file, name) == 0)
            g_ptr_array_add (sc->rows, row);
        }
      g_ptr_array_add (cases, sc);
      g_test_add_data_func (test_path, sc, test_sample);
    }

  ret = g_test_run ();

  g_clear_pointer (&cases, g_ptr_array_unref);
  g_clear_pointer (&sample_names, g_ptr_array_unref);
  g_clear_pointer (&gold_rows, g_ptr_array_unref);
  g_clear_pointer (&gold_error, g_free);
  g_clear_pointer (&samples_dir, g_free);

  return ret;
}
