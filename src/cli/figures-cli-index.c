/* figures-cli-index.c: `figures index`, `figures search`, `figures stats`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "figures-cli-output.h"
#include "figures-cli.h"
#include "figures-gazetteer.h"
#include "figures-index.h"

/* ---- shared ---- */

FiguresIndex *
_figures_cli_open_index (const char *command, const char *db)
{
  g_autofree char *path = db != NULL ? g_strdup (db) : figures_index_dup_default_path ();
  g_autoptr (GError) error = NULL;
  FiguresIndex *index;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("figures %s: no index at “%s”: build it with `figures index --db=%s FOLDER`\n",
                  command, path, path);
      return NULL;
    }
  /* reading only: an index on a read-only disk can be read */
  index = figures_index_open_read_only (path, &error);
  if (index == NULL)
    g_printerr ("figures %s: %s\n", command, error->message);
  return index;
}

/* ---- index ---- */

typedef struct
{
  gboolean tty;
  gint64 last;
} ProgressState;

static void
progress_cb (const FiguresIndexProgress *progress, gpointer user_data)
{
  ProgressState *state = user_data;
  gint64 now = g_get_monotonic_time ();

  if (!state->tty ||
      (now - state->last < G_USEC_PER_SEC / 10 && progress->files_done != progress->files_total))
    return;
  state->last = now;
  if (progress->files_total == 0)
    g_printerr ("\r\033[KLooking for reports… %u found", progress->files_done);
  else
    g_printerr ("\r\033[KIndexing %u/%u (%.0f%%)", progress->files_done, progress->files_total,
                progress->bytes_total > 0
                  ? 100.0 * (double) progress->bytes_done / (double) progress->bytes_total
                  : 100.0);
  if (progress->pages_total > 0 && progress->current_path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (progress->current_path);

      g_printerr (" — %s: OCR, %u of %u pages read", name, progress->pages_done,
                  progress->pages_total);
    }
}

static gboolean
parse_size (const char *text, gsize *size)
{
  char *end = NULL;
  guint64 value;
  guint64 multiplier = 1;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  switch (g_ascii_toupper (*end))
    {
      case '\0':
        break;
      case 'K':
        multiplier = 1024;
        end++;
        break;
      case 'M':
        multiplier = 1024 * 1024;
        end++;
        break;
      case 'G':
        multiplier = 1024 * 1024 * 1024;
        end++;
        break;
      default:
        return FALSE;
    }
  if (g_ascii_toupper (*end) == 'B')
    end++;
  if (*end != '\0' || value == 0)
    return FALSE;
  *size = value * multiplier;
  return TRUE;
}

/* Whether @root can be read at all; prints why not. */
static gboolean
check_root (const char *root)
{
  GStatBuf st;

  if (g_stat (root, &st) != 0)
    {
      int saved = errno;
      g_printerr ("figures index: cannot read “%s”: %s\n", root, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = g_dir_open (root, 0, &error);

      if (dir == NULL)
        {
          g_printerr ("figures index: cannot read “%s”: %s\n", root, error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (S_ISREG (st.st_mode))
    {
      FILE *file = g_fopen (root, "rb");

      if (file == NULL)
        {
          int saved = errno;
          g_printerr ("figures index: cannot read “%s”: %s\n", root, g_strerror (saved));
          return FALSE;
        }
      fclose (file);
      return TRUE;
    }
  g_printerr ("figures index: cannot read “%s”: not a file or folder\n", root);
  return FALSE;
}

static void
print_no_roots (void)
{
  g_printerr ("figures index: give the folders or files to index\n"
              "Usage: figures index --db=PATH DIR|FILE…\n");
}

typedef struct
{
  char *kind;
  guint count;
} ReasonCount;

static int
compare_reasons (gconstpointer a, gconstpointer b)
{
  const ReasonCount *ra = a;
  const ReasonCount *rb = b;

  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;
  return strcmp (ra->kind, rb->kind);
}

static char *
skipped_summary (FiguresIndex *index)
{
  g_autoptr (GPtrArray) skipped = figures_index_list_skipped (index, NULL);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) reasons = g_array_new (FALSE, FALSE, sizeof (ReasonCount));
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (skipped == NULL)
    return g_string_free (out, FALSE);

  for (guint i = 0; i < skipped->len; i++)
    {
      FiguresSkippedFile *file = skipped->pdata[i];
      const char *colon = strchr (file->reason, ':');
      char *kind =
        colon != NULL ? g_strndup (file->reason, colon - file->reason) : g_strdup (file->reason);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, kind));

      g_autofree char *display = g_filename_display_name (file->path);

      g_printerr ("skipped “%s”: %s\n", display, file->reason);
      g_hash_table_insert (counts, kind, GUINT_TO_POINTER (count + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ReasonCount rc = { key, GPOINTER_TO_UINT (value) };
      g_array_append_val (reasons, rc);
    }
  g_array_sort (reasons, compare_reasons);
  for (guint i = 0; i < reasons->len; i++)
    {
      ReasonCount *rc = &g_array_index (reasons, ReasonCount, i);
      g_string_append_printf (out, "%s%u %s", i > 0 ? ", " : "", rc->count, rc->kind);
    }
  return g_string_free (out, FALSE);
}

/* --rebuild: the roots of the index at @path, to index again (none when it
 * is too damaged to read them) */
static GStrv
dup_roots_to_rebuild (const char *path)
{
  g_autoptr (FiguresIndex) old = figures_index_open_read_only (path, NULL);
  g_auto (GStrv) roots = NULL;

  /* an index of another version: opening it for writing keeps its roots */
  if (old == NULL)
    old = figures_index_open (path, NULL);
  if (old != NULL)
    roots = figures_index_list_roots (old, NULL);
  return roots != NULL ? g_steal_pointer (&roots) : g_new0 (char *, 1);
}

int
_figures_cli_index (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *max_size = NULL;
  g_auto (GStrv) roots = NULL;
  g_auto (GStrv) remove = NULL;
  g_auto (GStrv) kept_roots = NULL;
  gboolean rebuild = FALSE;
  gboolean no_ocr = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index (default: the application's)", "PATH" },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
      "Skip files larger than this (bytes, or 10K, 64M …; default 64M)", "SIZE" },
    { "remove", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remove,
      "Stop indexing this folder or file: its documents leave the index (repeatable)", "PATH" },
    { "rebuild", 0, 0, G_OPTION_ARG_NONE, &rebuild,
      "Rebuild the index from scratch (its folders and the corrections are kept)", NULL },
    { "no-ocr", 0, 0, G_OPTION_ARG_NONE, &no_ocr,
      "Do not read scanned PDF pages with OCR (they are then skipped)", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &roots, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new ("[DIR|FILE…] — index reports: add folders or files, update all");
  g_autoptr (GPtrArray) readable = g_ptr_array_new ();
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reasons = NULL;
  FiguresIndexOptions options = { 0 };
  FiguresIndexSummary summary = { 0 };
  ProgressState progress = { isatty (STDERR_FILENO), 0 };
  gboolean roots_ok = TRUE;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
    context, "The index remembers its folders and files: each run adds the ones given and\n"
             "updates all of them; --remove gives one up.");
  if (!_figures_cli_parse_options (context, &argc, &argv, "index"))
    return FIGURES_EXIT_USAGE;
  options.no_ocr = no_ocr;
  if (max_size != NULL && !parse_size (max_size, &options.max_file_size))
    {
      g_printerr ("figures index: --max-size: “%s” is not a size\n", max_size);
      return FIGURES_EXIT_USAGE;
    }

  /* a root that cannot be read now is not added; one that was is kept */
  for (guint i = 0; roots != NULL && roots[i] != NULL; i++)
    if (check_root (roots[i]))
      g_ptr_array_add (readable, roots[i]);
    else
      roots_ok = FALSE;
  g_ptr_array_add (readable, NULL);

  path = db != NULL ? g_strdup (db) : figures_index_dup_default_path ();
  if (rebuild && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      kept_roots = dup_roots_to_rebuild (path);
      if (kept_roots[0] == NULL && readable->len == 1)
        {
          if (roots_ok)
            print_no_roots ();
          return roots_ok ? FIGURES_EXIT_USAGE : FIGURES_EXIT_FAILURE;
        }
      /* from scratch; the corrections, in a database of their own beside
       * it, stay, and indexing applies them again */
      if (!figures_index_delete (path, &error))
        {
          g_printerr ("figures index: --rebuild: %s\n", error->message);
          return FIGURES_EXIT_FAILURE;
        }
    }
  if (readable->len == 1 && remove == NULL && kept_roots == NULL &&
      !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* nothing to add and no index to update: say so before making one */
      if (roots_ok)
        print_no_roots ();
      return roots_ok ? FIGURES_EXIT_USAGE : FIGURES_EXIT_FAILURE;
    }
  index = figures_index_open (path, &error);
  if (index == NULL)
    {
      g_printerr ("figures index: %s\n", error->message);
      return FIGURES_EXIT_FAILURE;
    }
  if (kept_roots != NULL &&
      !figures_index_add_roots (index, (const char *const *) kept_roots, &error))
    {
      g_printerr ("figures index: --rebuild: %s\n", error->message);
      return FIGURES_EXIT_FAILURE;
    }
  if (remove != NULL && !figures_index_remove_roots (index, (const char *const *) remove, &error))
    {
      g_printerr ("figures index: --remove: %s\n", error->message);
      return g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND)
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }
  if ((roots == NULL || roots[0] == NULL) && remove == NULL)
    {
      g_auto (GStrv) known = figures_index_list_roots (index, NULL);

      if (known == NULL || known[0] == NULL)
        {
          print_no_roots ();
          return FIGURES_EXIT_USAGE;
        }
    }

  ok = figures_index_update (index, (const char *const *) readable->pdata, &options, progress_cb,
                             &progress, NULL, &summary, &error);
  if (progress.tty)
    g_printerr ("\r\033[K");
  if (!ok)
    {
      g_printerr ("figures index: %s\n", error->message);
      return FIGURES_EXIT_FAILURE;
    }

  reasons = skipped_summary (index);
  g_print ("%u indexed, %u unchanged, %u skipped%s%s\n", summary.indexed, summary.unchanged,
           summary.skipped, *reasons != '\0' ? ": " : "", reasons);
  if (summary.moved > 0 || summary.removed > 0)
    g_print ("%u moved, %u removed\n", summary.moved, summary.removed);

  /* a file or folder that could not be read is a failure, as the README says */
  return roots_ok && summary.unreadable == 0 ? FIGURES_EXIT_OK : FIGURES_EXIT_FAILURE;
}

/* ---- search ---- */

static char *
mark_snippet (const FiguresSearchHit *hit)
{
  GString *out = g_string_new (NULL);
  const char *p = hit->snippet;
  guint pos = 0;

  for (guint i = 0; i < hit->snippet_matches->len; i++)
    {
      FiguresRange *r = &g_array_index (hit->snippet_matches, FiguresRange, i);

      while (*p && pos < r->start)
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
          pos++;
        }
      g_string_append (out, "<b>");
      while (*p && pos < r->end)
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
          pos++;
        }
      g_string_append (out, "</b>");
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

int
_figures_cli_search (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *format_name = NULL;
  g_auto (GStrv) words = NULL;
  int limit = 20;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index (default: the application's)", "PATH" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "At most N results (default 20)", "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, "tsv (default) or json", "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL },
  };
  static const char *const columns[] = {
    "rank", "file", "title", "city", "score", "snippet", NULL
  };
  static const gboolean numeric[] = { TRUE, FALSE, FALSE, FALSE, TRUE, FALSE };
  g_autoptr (GOptionContext) context = g_option_context_new ("QUERY — search the index");
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  FiguresCliFormat format = FIGURES_CLI_FORMAT_TSV;
  FiguresCliTable *table;
  double best = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!_figures_cli_parse_options (context, &argc, &argv, "search"))
    return FIGURES_EXIT_USAGE;
  if (format_name != NULL &&
      (!figures_cli_format_from_string (format_name, &format) || format == FIGURES_CLI_FORMAT_CSV))
    {
      g_printerr ("figures search: --format: “%s” is not tsv or json\n", format_name);
      return FIGURES_EXIT_USAGE;
    }
  if (limit <= 0)
    {
      g_printerr ("figures search: --limit must be a positive number\n");
      return FIGURES_EXIT_USAGE;
    }
  if (words == NULL || words[0] == NULL)
    {
      g_printerr ("figures search: give a query\nUsage: figures search --db=PATH QUERY\n");
      return FIGURES_EXIT_USAGE;
    }
  query = g_strjoinv (" ", words);

  index = _figures_cli_open_index ("search", db);
  if (index == NULL)
    return FIGURES_EXIT_FAILURE;
  hits = figures_index_search (index, query, limit, NULL, &error);
  if (hits == NULL)
    {
      g_printerr ("figures search: %s\n", error->message);
      return g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_QUERY_TOO_LONG)
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }

  /* the score column is each hit's relevance beside the best one's: bm25
   * (negative, lower is better) over the best hit's, 1.0000 down to 0 */
  if (hits->len > 0)
    best = ((FiguresSearchHit *) hits->pdata[0])->score;

  table = figures_cli_table_new (stdout, format, columns, numeric);
  for (guint i = 0; i < hits->len; i++)
    {
      FiguresSearchHit *hit = hits->pdata[i];
      double relevance = best < 0 ? CLAMP (hit->score / best, 0.0, 1.0) : 1.0;
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *snippet = mark_snippet (hit);
      g_autofree char *file = figures_cli_display_path (hit->path);
      char score[G_ASCII_DTOSTR_BUF_SIZE];
      const char *values[6];

      g_ascii_formatd (score, sizeof score, "%.4f", relevance);
      values[0] = rank;
      values[1] = file;
      values[2] = hit->title != NULL ? hit->title : "";
      values[3] = hit->city != NULL ? hit->city : "";
      values[4] = score;
      values[5] = snippet;
      figures_cli_table_add_row (table, values);
    }
  figures_cli_table_finish (table);

  return FIGURES_EXIT_OK;
}

/* ---- stats ---- */

int
_figures_cli_stats (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *by = NULL;
  g_autofree char *years = NULL;
  g_auto (GStrv) cities = NULL;
  g_auto (GStrv) metrics = NULL;
  g_auto (GStrv) labels = NULL;
  g_auto (GStrv) rest = NULL;
  gboolean explain = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index (default: the application's)", "PATH" },
    { "city", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cities, "Only this city (repeatable)", "CITY" },
    { "metric", 0, 0, G_OPTION_ARG_STRING_ARRAY, &metrics,
      "Only this metric: training_sessions, trainees, funding, investment, projects, other "
      "(repeatable)",
      "METRIC" },
    { "label", 0, 0, G_OPTION_ARG_STRING_ARRAY, &labels,
      "Only this label (the label column: 宣讲 场次; repeatable)", "LABEL" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years,
      "Only these years (2019-2021, 2021, 2019- or -2021): the year column", "FROM-TO" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, "tsv (default), csv or json", "FORMAT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, "Sum by city", "city" },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
      "Say why each figure has its metric and its city (columns why_metric and why_city after "
      "the others)",
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL },
  };
  static const char *const by_columns[] = { "city",     "metric",    "sum", "max",
                                            "mentions", "documents", NULL };
  static const gboolean by_numeric[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr (GOptionContext) context = g_option_context_new ("— the statistics in the index");
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) canonical = g_ptr_array_new_with_free_func (g_free);
  FiguresStatisticsFilter filter = { 0 };
  FiguresCliFormat format = FIGURES_CLI_FORMAT_TSV;
  FiguresCliTable *table;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!_figures_cli_parse_options (context, &argc, &argv, "stats"))
    return FIGURES_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    {
      g_printerr ("figures stats: unexpected argument “%s”\n", rest[0]);
      return FIGURES_EXIT_USAGE;
    }
  if (format_name != NULL && !figures_cli_format_from_string (format_name, &format))
    {
      g_printerr ("figures stats: --format: “%s” is not tsv, csv or json\n", format_name);
      return FIGURES_EXIT_USAGE;
    }
  if (by != NULL && strcmp (by, "city") != 0)
    {
      g_printerr ("figures stats: --by: “%s” is not known (only --by=city)\n", by);
      return FIGURES_EXIT_USAGE;
    }
  for (guint i = 0; metrics != NULL && metrics[i] != NULL; i++)
    if (!figures_metric_from_key (metrics[i], NULL))
      {
        g_printerr ("figures stats: unknown metric “%s”: use training_sessions, trainees, "
                    "funding, investment, projects or other\n",
                    metrics[i]);
        return FIGURES_EXIT_USAGE;
      }
  for (guint i = 0; cities != NULL && cities[i] != NULL; i++)
    g_ptr_array_add (canonical, figures_gazetteer_dup_city (NULL, cities[i]));
  g_ptr_array_add (canonical, NULL);

  filter.cities = canonical->len > 1 ? (const char *const *) canonical->pdata : NULL;
  filter.metrics = (const char *const *) metrics;
  filter.labels = (const char *const *) labels;
  if (years != NULL &&
      !_figures_cli_parse_years ("stats", years, &filter.year_from, &filter.year_to))
    return FIGURES_EXIT_USAGE;

  index = _figures_cli_open_index ("stats", db);
  if (index == NULL)
    return FIGURES_EXIT_FAILURE;

  if (by != NULL)
    {
      rows = figures_index_aggregate (index, &filter, FIGURES_GROUP_BY_CITY, &error);
      if (rows == NULL)
        {
          g_printerr ("figures stats: %s\n", error->message);
          return FIGURES_EXIT_FAILURE;
        }
      table = figures_cli_table_new (stdout, format, by_columns, by_numeric);
      for (guint i = 0; i < rows->len; i++)
        {
          FiguresAggregateRow *row = rows->pdata[i];
          g_autofree char *sum = figures_cli_format_double (row->sum);
          g_autofree char *max = figures_cli_format_double (row->max);
          g_autofree char *mentions = g_strdup_printf ("%u", row->mentions);
          g_autofree char *documents = g_strdup_printf ("%u", row->documents);
          const char *values[] = { row->city, row->metric, sum, max, mentions, documents };

          figures_cli_table_add_row (table, values);
        }
      figures_cli_table_finish (table);
      return FIGURES_EXIT_OK;
    }

  rows = figures_index_list_statistics (index, &filter, &error);
  if (rows == NULL)
    {
      g_printerr ("figures stats: %s\n", error->message);
      return FIGURES_EXIT_FAILURE;
    }
  table = figures_cli_table_new (
    stdout, format, explain ? figures_statistic_explained_columns : figures_statistic_columns,
    explain ? figures_statistic_explained_numeric : figures_statistic_numeric);
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = rows->pdata[i];
      g_autofree char *file = figures_cli_display_path (row->path);
      g_auto (GStrv) fields = explain ? figures_statistic_explained_fields (file, row->statistic)
                                      : figures_statistic_fields (file, row->statistic);

      figures_cli_table_add_row (table, (const char *const *) fields);
    }
  figures_cli_table_finish (table);

  return FIGURES_EXIT_OK;
}
