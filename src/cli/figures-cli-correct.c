/* figures-cli-correct.c: `figures correct`, `figures corrections`
 *
 * The analyst's corrections from the command line. They are recorded in
 * corrections.db beside the index (figures-corrections.h), then applied to
 * the index (figures_index_apply_corrections()), so that `figures stats`,
 * its CSV and the charts show them at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <string.h>

#include "figures-cli-output.h"
#include "figures-cli.h"
#include "figures-corrections.h"
#include "figures-gazetteer.h"
#include "figures-index.h"

static FiguresCorrections *
open_corrections (const char *command, const char *index_path)
{
  g_autofree char *path = figures_corrections_path_for_index (index_path);
  g_autoptr (GError) error = NULL;
  FiguresCorrections *corrections = figures_corrections_open (path, &error);

  if (corrections == NULL)
    g_printerr ("figures %s: %s\n", command, error->message);
  return corrections;
}

/* The corrections of @hash (NULL: all) into the index at @index_path. The
 * index was opened read-only first: it is this version's, so opening it
 * for writing never rebuilds it. */
static gboolean
apply_to_index (const char *command,
                const char *index_path,
                FiguresCorrections *corrections,
                const char *hash)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = figures_index_open (index_path, &error);

  if (index == NULL || !figures_index_apply_corrections (index, corrections, hash, &error))
    {
      g_printerr ("figures %s: recorded, but the index could not be updated: %s\n"
                  "(`figures index --db=%s` applies it)\n",
                  command, error->message, index_path);
      return FALSE;
    }
  return TRUE;
}

/* ---- correct ---- */

/* `figures correct FILE (--title=T | --date=D | --report-city=C | --undo)`:
 * the report's own title, date or city */
static int
correct_report (const char *index_path,
                const char *target,
                FiguresCorrectionField field,
                const char *value,
                gboolean undo)
{
  g_autoptr (FiguresIndex) index = _figures_cli_open_index ("correct", index_path);
  g_autoptr (FiguresDocumentInfo) document = NULL;
  g_autoptr (FiguresCorrections) corrections = NULL;
  g_autoptr (FiguresCorrection) correction = figures_correction_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_canonicalize_filename (target, NULL);
  g_autofree char *file = NULL;
  const char *now = NULL;

  if (index == NULL)
    return FIGURES_EXIT_FAILURE;
  document = figures_index_find_document (index, path, &error);
  if (document == NULL)
    {
      g_printerr ("figures correct: %s\n", error->message);
      return g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND)
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }
  g_clear_pointer (&index, figures_index_close);
  file = figures_cli_display_path (document->path);
  corrections = open_corrections ("correct", index_path);
  if (corrections == NULL)
    return FIGURES_EXIT_FAILURE;

  if (undo)
    {
      if (!figures_corrections_undo_report (corrections, document->hash, &error))
        {
          if (error != NULL)
            {
              g_printerr ("figures correct: %s\n", error->message);
              return FIGURES_EXIT_FAILURE;
            }
          g_printerr ("figures correct: the report “%s” has no correction to undo\n", file);
          return FIGURES_EXIT_USAGE;
        }
      if (!apply_to_index ("correct", index_path, corrections, document->hash))
        return FIGURES_EXIT_FAILURE;
      g_print ("undone: the latest correction of the report %s\n", file);
      return FIGURES_EXIT_OK;
    }

  now = field == FIGURES_CORRECTION_FIELD_TITLE  ? document->title
        : field == FIGURES_CORRECTION_FIELD_DATE ? document->date
                                                 : document->city;
  correction->hash = g_strdup (document->hash);
  correction->file = g_strdup (document->path);
  correction->start = 0;
  correction->action = FIGURES_CORRECTION_SET;
  correction->field = field;
  correction->old_value = g_strdup (now != NULL ? now : "");
  correction->new_value = g_strdup (value);
  if (!figures_corrections_add (corrections, correction, &error))
    {
      g_printerr ("figures correct: %s\n", error->message);
      return g_error_matches (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID)
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }
  if (!apply_to_index ("correct", index_path, corrections, document->hash))
    return FIGURES_EXIT_FAILURE;
  g_print ("recorded: the report %s: %s %s → %s\n", file, figures_correction_field_to_key (field),
           correction->old_value, correction->new_value);
  return FIGURES_EXIT_OK;
}

int
_figures_cli_correct (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *metric = NULL;
  g_autofree char *city = NULL;
  g_autofree char *value = NULL;
  g_autofree char *year = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *report_city = NULL;
  g_auto (GStrv) rest = NULL;
  gboolean confirm = FALSE;
  gboolean reject = FALSE;
  gboolean undo = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index (default: the application's)", "PATH" },
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirm, "The figure is right as read", NULL },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject,
      "Not a statistic: it leaves stats, CSV and charts", NULL },
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric,
      "Its metric becomes M: training_sessions, trainees, funding, investment, projects, other",
      "M" },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city,
      "It counts for the city C (a place the gazetteer knows)", "C" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value,
      "Its value becomes V (a plain decimal, yuan for money)", "V" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, "Its year becomes Y", "Y" },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo,
      "Undo the latest correction of the figure (of the report, without START)", NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "Without START: the report's title becomes T",
      "T" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      "Without START: the report's date becomes D (yyyy-mm-dd, yyyy-mm or yyyy)", "D" },
    { "report-city", 0, 0, G_OPTION_ARG_STRING, &report_city,
      "Without START: the report's city becomes C", "C" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new ("FILE [START] — correct the statistic at START of FILE, or the report");
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (FiguresStatisticRow) row = NULL;
  g_autoptr (FiguresCorrections) corrections = NULL;
  g_autoptr (FiguresCorrection) correction = figures_correction_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  g_autofree char *index_path = NULL;
  guint n_actions;
  guint64 start = 0;
  char *end = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
    context, "FILE and START are the file and start columns of `figures stats`. The correction\n"
             "is kept in corrections.db beside the index and survives re-indexing.");
  if (!_figures_cli_parse_options (context, &argc, &argv, "correct"))
    return FIGURES_EXIT_USAGE;

  index_path = db != NULL ? g_strdup (db) : figures_index_dup_default_path ();
  /* the report itself: its file and no start */
  if (rest != NULL && rest[0] != NULL && rest[1] == NULL &&
      (title != NULL) + (date != NULL) + (report_city != NULL) + undo == 1 && !confirm && !reject &&
      metric == NULL && city == NULL && value == NULL && year == NULL)
    {
      return correct_report (index_path, rest[0],
                             title != NULL  ? FIGURES_CORRECTION_FIELD_TITLE
                             : date != NULL ? FIGURES_CORRECTION_FIELD_DATE
                                            : FIGURES_CORRECTION_FIELD_REPORT_CITY,
                             title != NULL  ? title
                             : date != NULL ? date
                                            : report_city,
                             undo);
    }
  if (title != NULL || date != NULL || report_city != NULL)
    {
      g_printerr ("figures correct: --title, --date and --report-city correct a report: give "
                  "its file without a start, and one of them\n");
      return FIGURES_EXIT_USAGE;
    }
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    {
      g_printerr ("figures correct: give a file and a start\n"
                  "Usage: figures correct --db=PATH FILE START (--confirm | --reject | "
                  "--metric=M | --city=C | --value=V | --year=Y | --undo)\n"
                  "       figures correct --db=PATH FILE (--title=T | --date=D | "
                  "--report-city=C | --undo)\n");
      return FIGURES_EXIT_USAGE;
    }
  start = g_ascii_strtoull (rest[1], &end, 10);
  if (!g_ascii_isdigit (rest[1][0]) || *end != '\0' || start > G_MAXUINT)
    {
      g_printerr ("figures correct: “%s” is not a start position (the start column of "
                  "`figures stats`)\n",
                  rest[1]);
      return FIGURES_EXIT_USAGE;
    }
  n_actions = (confirm ? 1 : 0) + (reject ? 1 : 0) + (undo ? 1 : 0) + (metric != NULL) +
              (city != NULL) + (value != NULL) + (year != NULL);
  if (n_actions != 1)
    {
      g_printerr ("figures correct: give exactly one of --confirm, --reject, --metric, --city, "
                  "--value, --year or --undo\n");
      return FIGURES_EXIT_USAGE;
    }

  correction->action = confirm  ? FIGURES_CORRECTION_CONFIRM
                       : reject ? FIGURES_CORRECTION_REJECT
                                : FIGURES_CORRECTION_SET;
  if (metric != NULL)
    {
      correction->field = FIGURES_CORRECTION_FIELD_METRIC;
      correction->new_value = g_strdup (metric);
    }
  else if (city != NULL)
    {
      /* a county becomes its prefecture in figures_corrections_add() */
      correction->field = FIGURES_CORRECTION_FIELD_CITY;
      correction->new_value = g_strdup (city);
    }
  else if (value != NULL)
    {
      correction->field = FIGURES_CORRECTION_FIELD_VALUE;
      correction->new_value = g_strdup (value);
    }
  else if (year != NULL)
    {
      correction->field = FIGURES_CORRECTION_FIELD_YEAR;
      correction->new_value = g_strdup (year);
    }

  index = _figures_cli_open_index ("correct", index_path);
  if (index == NULL)
    return FIGURES_EXIT_FAILURE;
  path = g_canonicalize_filename (rest[0], NULL);
  row = figures_index_find_statistic (index, path, (guint) start, &error);
  if (row == NULL)
    {
      g_printerr ("figures correct: %s\n", error->message);
      return g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND)
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }
  g_clear_pointer (&index, figures_index_close);
  file = figures_cli_display_path (row->path);

  corrections = open_corrections ("correct", index_path);
  if (corrections == NULL)
    return FIGURES_EXIT_FAILURE;

  if (undo)
    {
      if (!figures_corrections_undo (corrections, row->hash, (guint) start, &error))
        {
          if (error != NULL)
            {
              g_printerr ("figures correct: %s\n", error->message);
              return FIGURES_EXIT_FAILURE;
            }
          g_printerr ("figures correct: the figure at %u of “%s” has no correction to undo\n",
                      (guint) start, file);
          return FIGURES_EXIT_USAGE;
        }
      if (!apply_to_index ("correct", index_path, corrections, row->hash))
        return FIGURES_EXIT_FAILURE;
      g_print ("undone: the latest correction of %s at %u\n", file, (guint) start);
      return FIGURES_EXIT_OK;
    }

  correction->hash = g_strdup (row->hash);
  correction->file = g_strdup (row->path);
  correction->start = (guint) start;
  correction->old_value = figures_correction_field_dup_value (correction->field, row->statistic);
  if (!figures_corrections_add (corrections, correction, &error))
    {
      g_printerr ("figures correct: %s\n", error->message);
      return g_error_matches (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID)
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }
  if (!apply_to_index ("correct", index_path, corrections, row->hash))
    return FIGURES_EXIT_FAILURE;

  if (correction->action == FIGURES_CORRECTION_SET)
    g_print ("recorded: %s at %u: %s %s → %s\n", file, (guint) start,
             figures_correction_field_to_key (correction->field), correction->old_value,
             correction->new_value);
  else
    g_print ("recorded: %s at %u: %s\n", file, (guint) start,
             correction->action == FIGURES_CORRECTION_REJECT ? "rejected (not a statistic)"
                                                             : "confirmed");
  return FIGURES_EXIT_OK;
}

/* ---- corrections ---- */

static int
export_corrections (FiguresCorrections *corrections, const char *target)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = NULL;

  g_autoptr (GFile) file = g_file_new_for_commandline_arg (target);

  /* written beside and renamed: a failure leaves no half file */
  out = G_OUTPUT_STREAM (
    g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error));
  if (out == NULL || !figures_corrections_export (corrections, out, &error) ||
      !g_output_stream_close (out, NULL, &error))
    {
      g_printerr ("figures corrections: --export: %s\n", error->message);
      return FIGURES_EXIT_FAILURE;
    }
  return FIGURES_EXIT_OK;
}

static int
import_corrections (FiguresCorrections *corrections, const char *index_path, const char *source)
{
  g_autoptr (GError) error = NULL;
  gint added = figures_corrections_import (corrections, source, &error);

  if (added < 0)
    {
      g_printerr ("figures corrections: --import: %s\n", error->message);
      return error->domain == FIGURES_CORRECTIONS_ERROR &&
                 error->code == FIGURES_CORRECTIONS_ERROR_INVALID
               ? FIGURES_EXIT_USAGE
               : FIGURES_EXIT_FAILURE;
    }
  if (!apply_to_index ("corrections", index_path, corrections, NULL))
    return FIGURES_EXIT_FAILURE;
  g_print ("%d imported\n", added);
  return FIGURES_EXIT_OK;
}

/* The corrections in force (@corrections NULL: none), each with its status
 * in @index */
static int
list_corrections (FiguresCorrections *corrections, FiguresIndex *index, FiguresCliFormat format)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree gboolean *numeric = g_new0 (gboolean, FIGURES_CORRECTIONS_N_COLUMNS + 1);
  FiguresCliTable *table;

  list = corrections != NULL ? figures_corrections_list (corrections, &error) : g_ptr_array_new ();
  if (list != NULL && !figures_index_check_corrections (index, list, &error))
    g_clear_pointer (&list, g_ptr_array_unref);
  if (list == NULL)
    {
      g_printerr ("figures corrections: %s\n", error->message);
      return FIGURES_EXIT_FAILURE;
    }
  for (guint i = 0; i < FIGURES_CORRECTIONS_N_COLUMNS; i++)
    g_ptr_array_add (columns, (gpointer) figures_corrections_columns[i]);
  /* after the contract columns, so scripts reading them by position keep working */
  g_ptr_array_add (columns, (gpointer) "status");
  g_ptr_array_add (columns, NULL);
  numeric[1] = TRUE; /* start */
  table = figures_cli_table_new (stdout, format, (const char *const *) columns->pdata, numeric);
  for (guint i = 0; i < list->len; i++)
    {
      const FiguresCorrection *c = g_ptr_array_index (list, i);
      g_autofree char *file = figures_cli_display_path (c->file);
      g_autofree char *start = g_strdup_printf ("%u", c->start);
      const char *values[] = {
        file,
        start,
        figures_correction_action_to_key (c->action),
        figures_correction_field_to_key (c->field),
        c->old_value,
        c->new_value,
        c->when,
        c->hash,
        c->orphaned ? "orphaned" : "applied",
      };

      figures_cli_table_add_row (table, values);
    }
  figures_cli_table_finish (table);

  return FIGURES_EXIT_OK;
}

int
_figures_cli_corrections (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index (default: the application's)", "PATH" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, "tsv (default) or json", "FORMAT" },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, "Write them to FILE as TSV, to share",
      "FILE" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      "Add the corrections of such a TSV file (all or none)", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new ("— list, export or import the analyst's corrections");
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (FiguresCorrections) corrections = NULL;
  g_autofree char *index_path = NULL;
  FiguresCliFormat format = FIGURES_CLI_FORMAT_TSV;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (
    context, "Columns: file start action field old new when hash status; status is applied,\n"
             "or orphaned when the figure is no longer in the index (its report changed).");
  if (!_figures_cli_parse_options (context, &argc, &argv, "corrections"))
    return FIGURES_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    {
      g_printerr ("figures corrections: unexpected argument “%s”\n", rest[0]);
      return FIGURES_EXIT_USAGE;
    }
  if (export_path != NULL && import_path != NULL)
    {
      g_printerr ("figures corrections: give --export or --import, not both\n");
      return FIGURES_EXIT_USAGE;
    }
  if (format_name != NULL &&
      (!figures_cli_format_from_string (format_name, &format) || format == FIGURES_CLI_FORMAT_CSV))
    {
      g_printerr ("figures corrections: --format: “%s” is not tsv or json\n", format_name);
      return FIGURES_EXIT_USAGE;
    }
  if (format_name != NULL && (export_path != NULL || import_path != NULL))
    {
      g_printerr ("figures corrections: --format is for the list; --export and --import are "
                  "TSV\n");
      return FIGURES_EXIT_USAGE;
    }

  /* the index is read first: it must be this version's (see apply_to_index()) */
  index_path = db != NULL ? g_strdup (db) : figures_index_dup_default_path ();
  index = _figures_cli_open_index ("corrections", index_path);
  if (index == NULL)
    return FIGURES_EXIT_FAILURE;
  if (export_path == NULL && import_path == NULL)
    {
      g_autofree char *path = figures_corrections_path_for_index (index_path);

      /* none made yet: listing them makes no file */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return list_corrections (NULL, index, format);
    }
  corrections = open_corrections ("corrections", index_path);
  if (corrections == NULL)
    return FIGURES_EXIT_FAILURE;
  if (export_path != NULL)
    return export_corrections (corrections, export_path);
  if (import_path != NULL)
    {
      g_clear_pointer (&index, figures_index_close);
      return import_corrections (corrections, index_path, import_path);
    }

  return list_corrections (corrections, index, format);
}
