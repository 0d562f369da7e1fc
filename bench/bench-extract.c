/* bench-extract.c: extraction throughput against a plain byte scan
 *
 *   bench-extract CORPUS_DIR
 *
 * Single-threaded, file by file over a corpus made by gen-corpus.py:
 * 1. a warm-up read of every file (so that both timed passes read from the
 *    page cache);
 * 2. the reference: read each file and count its UTF-8 code points;
 * 3. the text alone: figures_text_new_from_file() on each file (decode,
 *    NFKC, fold, page-break joins), so that its share of the extraction shows;
 * 4. the extraction: figures_text_new_from_file() + figures_extract() on each
 *    file, as the indexer does.
 * Prints both throughputs in MB/s, their ratio, and the peak resident set size
 * (getrusage ru_maxrss) after 25 %, 50 %, 75 % and 100 % of the files: a flat
 * peak shows memory does not grow with the corpus. See bench/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-bench-extract"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "figures-extractor.h"
#include "figures-gazetteer.h"
#include "figures-text.h"

typedef struct
{
  guint64 n_files;
  guint64 n_bytes;
  guint64 n_chars;
  guint64 n_read_errors;
  guint64 n_text_errors;
  guint64 n_null_extractions;
  guint64 n_statistics;
  guint64 per_metric[FIGURES_N_METRICS];
  guint64 total_files; /* for the memory checkpoints */
  guint next_checkpoint;
  char *first_error;
} Pass;

typedef void (*FileFunc) (const char *path, Pass *pass);

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Visits the .txt files under @dir in sorted order, one folder listing in
 * memory at a time, so that the walk itself does not grow with the corpus. */
static void
walk (const char *dir, FileFunc func, Pass *pass)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        walk (path, func, pass);
      else if (g_str_has_suffix (path, ".txt") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        func (path, pass);
    }
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss; /* kilobytes on Linux */
}

static void
note_error (Pass *pass, const char *path, GError *error)
{
  if (pass->first_error == NULL)
    pass->first_error = g_strdup_printf ("%s: %s", path, error ? error->message : "?");
}

static void
count_file (const char *path, Pass *pass)
{
  pass->n_files++;
}

static void
scan_file (const char *path, Pass *pass)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  guint64 chars = 0;

  pass->n_files++;
  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      pass->n_read_errors++;
      note_error (pass, path, error);
      return;
    }
  for (gsize i = 0; i < len; i++)
    chars += ((guchar) contents[i] & 0xC0) != 0x80;
  pass->n_bytes += len;
  pass->n_chars += chars;
}

static void
checkpoint (Pass *pass)
{
  static const guint percents[] = { 25, 50, 75, 100 };

  while (pass->next_checkpoint < G_N_ELEMENTS (percents) &&
         pass->n_files * 100 >= pass->total_files * percents[pass->next_checkpoint])
    {
      printf ("  after %3u%% of the files (%" G_GUINT64_FORMAT "): peak RSS %ld KB\n",
              percents[pass->next_checkpoint], pass->n_files, peak_rss_kb ());
      pass->next_checkpoint++;
    }
}

static void
text_file (const char *path, Pass *pass)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresText) text = NULL;
  GStatBuf st;

  pass->n_files++;
  if (g_stat (path, &st) == 0)
    pass->n_bytes += st.st_size;

  text = figures_text_new_from_file (path, FIGURES_TEXT_DEFAULT_MAX_SIZE, &error);
  if (text == NULL)
    {
      pass->n_text_errors++;
      note_error (pass, path, error);
    }
  else
    pass->n_chars += text->n_chars;
}

static void
extract_file (const char *path, Pass *pass)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresText) text = NULL;
  FiguresExtraction *extraction;
  GStatBuf st;

  pass->n_files++;
  if (g_stat (path, &st) == 0)
    pass->n_bytes += st.st_size;

  text = figures_text_new_from_file (path, FIGURES_TEXT_DEFAULT_MAX_SIZE, &error);
  if (text == NULL)
    {
      pass->n_text_errors++;
      note_error (pass, path, error);
    }
  else
    {
      pass->n_chars += text->n_chars;
      extraction = figures_extract (text, figures_gazetteer_get_default ());
      if (extraction == NULL)
        pass->n_null_extractions++;
      else
        {
          if (extraction->statistics != NULL)
            {
              for (guint i = 0; i < extraction->statistics->len; i++)
                {
                  const FiguresStatistic *stat = g_ptr_array_index (extraction->statistics, i);

                  if (stat->metric < FIGURES_N_METRICS)
                    pass->per_metric[stat->metric]++;
                  pass->n_statistics++;
                }
            }
          figures_extraction_free (extraction);
        }
    }

  checkpoint (pass);
}

static double
run (const char *dir, FileFunc func, Pass *pass)
{
  gint64 t0 = g_get_monotonic_time ();

  walk (dir, func, pass);
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int argc, char *argv[])
{
  Pass counting = { 0 }, warm = { 0 }, reference = { 0 }, text = { 0 }, extraction = { 0 };
  double t_ref, t_text, t_ext, mb_ref, mb_text, mb_ext;
  const char *dir;

  if (argc != 2 || !g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "Usage: %s CORPUS_DIR\n(make one with bench/gen-corpus.py)\n", argv[0]);
      return 2;
    }
  dir = argv[1];

  /* Load the gazetteer and fold tables before timing anything. */
  figures_gazetteer_get_default ();

  run (dir, count_file, &counting);
  if (counting.n_files == 0)
    {
      fprintf (stderr, "%s: no .txt files\n", dir);
      return 1;
    }
  printf ("Corpus %s: %" G_GUINT64_FORMAT " files\n", dir, counting.n_files);
  printf ("Peak RSS before the passes: %ld KB\n", peak_rss_kb ());

  run (dir, scan_file, &warm);
  t_ref = run (dir, scan_file, &reference);
  mb_ref = reference.n_bytes / 1e6;
  printf ("Reference (read + count UTF-8 code points): %.1f MB in %.2f s = %.1f MB/s\n", mb_ref,
          t_ref, mb_ref / t_ref);
  printf ("Peak RSS after the reference: %ld KB\n", peak_rss_kb ());

  t_text = run (dir, text_file, &text);
  mb_text = text.n_bytes / 1e6;
  printf ("Text only (decode + normalise, no extraction): %.1f MB in %.2f s = %.2f MB/s "
          "(%.4f of the reference's speed, reference %.1fx faster)\n",
          mb_text, t_text, mb_text / t_text, (mb_text / t_text) / (mb_ref / t_ref),
          (mb_ref / t_ref) / (mb_text / t_text));

  printf ("Extraction (decode + normalise + extract), single thread:\n");
  extraction.total_files = counting.n_files;
  t_ext = run (dir, extract_file, &extraction);
  mb_ext = extraction.n_bytes / 1e6;
  printf ("Extraction: %.1f MB in %.2f s = %.2f MB/s (%.0f files/s)\n", mb_ext, t_ext,
          mb_ext / t_ext, extraction.n_files / t_ext);
  printf ("Ratio: extraction runs at %.4f of the reference's speed (reference %.1fx faster)\n",
          (mb_ext / t_ext) / (mb_ref / t_ref), (mb_ref / t_ref) / (mb_ext / t_ext));
  printf ("Statistics: %" G_GUINT64_FORMAT " (", extraction.n_statistics);
  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    printf ("%s%s %" G_GUINT64_FORMAT, m > 0 ? ", " : "", figures_metric_to_key (m),
            extraction.per_metric[m]);
  printf (")\n");

  if (reference.n_read_errors > 0)
    printf ("WARNING: %" G_GUINT64_FORMAT " files could not be read (%s)\n",
            reference.n_read_errors, reference.first_error);
  if (extraction.n_text_errors > 0)
    printf ("WARNING: %" G_GUINT64_FORMAT " files could not be decoded (%s)\n",
            extraction.n_text_errors, extraction.first_error);
  if (extraction.n_null_extractions > 0)
    printf ("WARNING: figures_extract returned NULL for %" G_GUINT64_FORMAT
            " files: the extractor is not implemented, these numbers mean nothing\n",
            extraction.n_null_extractions);

  g_free (warm.first_error);
  g_free (reference.first_error);
  g_free (text.first_error);
  g_free (extraction.first_error);
  g_free (counting.first_error);

  return 0;
}
