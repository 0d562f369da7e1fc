/* test-extract-seeds.c: precision and recall of the five core metrics on a
 * set of real reports ($FIGURES_SHARED_DIR/corpus/SET, gold/SET.tsv; SET is
 * seeds unless --set=dev says otherwise)
 *
 * An extracted core statistic matches a gold row when document, metric,
 * value, city and approx are equal; each gold row is matched at most once.
 * Prints per-metric and overall precision, recall and F1, the gold rows
 * missed and the false positives, and fails when the overall F1 is below
 * --min-f1 (the level reached, guarded). Skips when the shared folder is
 * absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gold.h"

static char *set_name = NULL;
static double min_f1 = 0.98;

typedef struct
{
  guint tp, fp, fn;
} Score;

static double
ratio (guint a, guint b)
{
  return b == 0 ? 0.0 : (double) a / b;
}

static void
report_score (const char *name, const Score *s)
{
  double p = ratio (s->tp, s->tp + s->fp);
  double r = ratio (s->tp, s->tp + s->fn);
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;

  g_test_message ("%-18s precision %.3f  recall %.3f  F1 %.3f  (tp %u, fp %u, fn %u)", name, p, r,
                  f1, s->tp, s->fp, s->fn);
}

static double
score_f1 (const Score *s)
{
  double p = ratio (s->tp, s->tp + s->fp);
  double r = ratio (s->tp, s->tp + s->fn);

  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static gboolean
row_matches (const GoldRow *row, const char *doc, const FiguresStatistic *stat)
{
  return strcmp (row->file, doc) == 0 && row->metric == stat->metric &&
         gold_decimal_equal (row->number, stat->value) && g_strcmp0 (row->city, stat->city) == 0 &&
         row->approx == (stat->approx != FALSE);
}

static void
test_seeds_score (void)
{
  const char *shared = g_getenv ("FIGURES_SHARED_DIR");
  g_autofree char *gold_path = NULL;
  g_autofree char *corpus_dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GPtrArray) core_rows = NULL;
  g_autoptr (GString) misses = g_string_new (NULL);
  g_autoptr (GString) false_positives = g_string_new (NULL);
  g_autofree gboolean *matched = NULL;
  Score per_metric[FIGURES_N_METRICS] = { { 0 } };
  Score total = { 0 };
  guint n_failed_docs = 0;

  if (shared == NULL)
    {
      g_test_skip ("FIGURES_SHARED_DIR is not set: no real reports to score");
      return;
    }
  {
    g_autofree char *gold_name = g_strconcat (set_name, ".tsv", NULL);

    gold_path = g_build_filename (shared, "gold", gold_name, NULL);
  }
  corpus_dir = g_build_filename (shared, "corpus", set_name, NULL);
  if (!g_file_test (gold_path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (corpus_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *msg =
        g_strdup_printf ("%s or %s is absent: no real reports to score", gold_path, corpus_dir);
      g_test_skip (msg);
      return;
    }

  rows = gold_load (gold_path, &error);
  g_assert_no_error (error);
  docs = gold_list_files (corpus_dir, ".txt", &error);
  g_assert_no_error (error);

  core_rows = g_ptr_array_new ();
  for (guint r = 0; r < rows->len; r++)
    {
      GoldRow *row = g_ptr_array_index (rows, r);

      if (row->kind == GOLD_KIND_CORE)
        g_ptr_array_add (core_rows, row);
    }
  matched = g_new0 (gboolean, core_rows->len + 1);

  for (guint d = 0; d < docs->len; d++)
    {
      const char *name = g_ptr_array_index (docs, d);
      g_autofree char *path = g_build_filename (corpus_dir, name, NULL);
      g_autoptr (GoldDoc) doc = NULL;
      g_autoptr (GError) doc_error = NULL;
      GPtrArray *stats;

      doc = gold_doc_load (path, &doc_error);
      if (doc == NULL)
        {
          g_test_message ("%s: no extraction: %s", name, doc_error->message);
          n_failed_docs++;
          continue;
        }

      stats = doc->extraction->statistics;
      for (guint i = 0; i < stats->len; i++)
        {
          const FiguresStatistic *stat = g_ptr_array_index (stats, i);
          gboolean found = FALSE;

          if (stat == NULL || stat->metric >= FIGURES_METRIC_OTHER)
            continue;

          for (guint r = 0; r < core_rows->len && !found; r++)
            {
              GoldRow *row = g_ptr_array_index (core_rows, r);

              if (!matched[r] && row_matches (row, name, stat))
                {
                  matched[r] = TRUE;
                  found = TRUE;
                }
            }

          if (found)
            {
              per_metric[stat->metric].tp++;
              total.tp++;
            }
          else
            {
              g_autofree char *value = gold_decimal_to_string (stat->value);

              per_metric[stat->metric].fp++;
              total.fp++;
              g_string_append_printf (false_positives, "  %s\t%s\t%s\tapprox=%d\t%s\t«%s»\n", name,
                                      figures_metric_to_key (stat->metric), value,
                                      stat->approx ? 1 : 0, stat->city ? stat->city : "(null)",
                                      stat->evidence ? stat->evidence : "(null)");
            }
        }
    }

  for (guint r = 0; r < core_rows->len; r++)
    {
      GoldRow *row = g_ptr_array_index (core_rows, r);

      if (matched[r])
        continue;
      per_metric[row->metric].fn++;
      total.fn++;
      g_string_append_printf (misses, "  %s\t%s\t%s\tapprox=%d\t%s\t«%s»\n", row->file,
                              row->metric_key, row->value, row->approx ? 1 : 0, row->city,
                              row->evidence);
    }

  g_test_message ("%s: %u documents (%u without extraction), %u core gold rows", set_name,
                  docs->len, n_failed_docs, core_rows->len);
  for (guint m = 0; m < FIGURES_METRIC_OTHER; m++)
    report_score (figures_metric_to_key (m), &per_metric[m]);
  report_score ("overall", &total);
  if (misses->len > 0)
    g_test_message ("Gold rows not found (doc, metric, value, approx, city, evidence):\n%s",
                    misses->str);
  if (false_positives->len > 0)
    g_test_message ("False positives (doc, metric, value, approx, city, evidence):\n%s",
                    false_positives->str);

  if (score_f1 (&total) < min_f1)
    g_test_fail_printf ("overall F1 %.3f is below %.2f", score_f1 (&total), min_f1);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set_name, "The set of reports: seeds or dev", "SET" },
    { "min-f1", 0, 0, G_OPTION_ARG_DOUBLE, &min_f1, "The lowest overall F1 that passes", "F1" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL))
    return 2;
  if (set_name == NULL)
    set_name = g_strdup ("seeds");

  path = g_strdup_printf ("/extract-%s/score", set_name);
  g_test_add_func (path, test_seeds_score);

  return g_test_run ();
}
