/* figures-corrections.h: the analyst's corrections, kept apart from the index
 *
 * The index is derived data and may be rebuilt at any time; corrections are
 * the user's own work. They live in a database of their own (by default
 * corrections.db beside the index), are keyed by the report's content hash
 * and the figure's position, so they survive re-indexing, Rebuild Index and
 * a moved or renamed file, and are never deleted by the program: undoing a
 * correction marks it undone.
 *
 * One FiguresCorrections is one SQLite connection, used by one thread at a
 * time; every call may block on the disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-core-types.h"
#include "figures-statistic.h"

G_BEGIN_DECLS

#define FIGURES_CORRECTIONS_ERROR (figures_corrections_error_quark ())

typedef enum
{
  FIGURES_CORRECTIONS_ERROR_FAILED,  /* SQLite said no: the message says why */
  FIGURES_CORRECTIONS_ERROR_INVALID, /* an unknown action, field or value */
  FIGURES_CORRECTIONS_ERROR_NEWER,   /* written by a newer Figures: left untouched */
} FiguresCorrectionsError;

GQuark figures_corrections_error_quark (void);

typedef enum
{
  FIGURES_CORRECTION_CONFIRM, /* the figure is right as read */
  FIGURES_CORRECTION_REJECT,  /* not a statistic */
  FIGURES_CORRECTION_SET,     /* @field becomes @new_value */
} FiguresCorrectionAction;

/* What a SET changes: a figure's metric, city, value or year, or its
 * report's title, date or city. A report's corrections have start 0 and
 * apply to the report, never to a figure. */
typedef enum
{
  FIGURES_CORRECTION_FIELD_NONE,
  FIGURES_CORRECTION_FIELD_METRIC,
  FIGURES_CORRECTION_FIELD_CITY,
  FIGURES_CORRECTION_FIELD_VALUE,
  FIGURES_CORRECTION_FIELD_YEAR,
  FIGURES_CORRECTION_FIELD_TITLE,       /* "title" */
  FIGURES_CORRECTION_FIELD_DATE,        /* "date": yyyy, yyyy-mm or yyyy-mm-dd */
  FIGURES_CORRECTION_FIELD_REPORT_CITY, /* "report-city" */
} FiguresCorrectionField;

/* Whether @field is one of a report's (title, date, report-city). */
gboolean figures_correction_field_is_report (FiguresCorrectionField field);

typedef struct
{
  char *hash;  /* the report's content hash */
  char *file;  /* its path when the correction was made */
  guint start; /* the figure's start (code points of the display text) */
  FiguresCorrectionAction action;
  FiguresCorrectionField field;
  char *old_value; /* as read, for the record */
  char *new_value;
  char *when; /* ISO 8601, UTC */
  /* the figure is no longer in the index (its report changed): set by
   * figures_index_check_corrections(), kept and listed, never dropped */
  gboolean orphaned;
} FiguresCorrection;

FiguresCorrection *figures_correction_new (void);
void figures_correction_free (FiguresCorrection *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresCorrection, figures_correction_free)

const char *figures_correction_action_to_key (FiguresCorrectionAction action);
gboolean figures_correction_action_from_key (const char *key, FiguresCorrectionAction *action);
const char *figures_correction_field_to_key (FiguresCorrectionField field);
gboolean figures_correction_field_from_key (const char *key, FiguresCorrectionField *field);

/* @statistic's @field as it stands, as a correction records it ("" for
 * none): its old value. */
char *figures_correction_field_dup_value (FiguresCorrectionField field,
                                          const FiguresStatistic *statistic);

/* FiguresCorrections: figures-core-types.h */

/* Opens (creating when missing) the corrections database at @path. A
 * database of a newer format is refused, never rewritten. */
FiguresCorrections *figures_corrections_open (const char *path, GError **error);
void figures_corrections_close (FiguresCorrections *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresCorrections, figures_corrections_close)
/* corrections.db in the folder of @index_path */
char *figures_corrections_path_for_index (const char *index_path);

/* Records @correction (its @when is set when NULL). A SET's new value is
 * checked: a known metric key, a decimal value, a year, a date, a place the
 * default gazetteer knows (FIGURES_CORRECTIONS_ERROR_INVALID otherwise); a
 * place is recorded as its prefecture-level city (@correction's new value
 * becomes it). */
gboolean
figures_corrections_add (FiguresCorrections *self, FiguresCorrection *correction, GError **error);
/* Marks the latest correction of the figure undone; FALSE without error
 * when there is none. */
gboolean
figures_corrections_undo (FiguresCorrections *self, const char *hash, guint start, GError **error);
/* The same for the latest correction of the report @hash itself. */
gboolean
figures_corrections_undo_report (FiguresCorrections *self, const char *hash, GError **error);
/* The corrections in force, oldest first (FiguresCorrection *). */
GPtrArray *figures_corrections_list (FiguresCorrections *self, GError **error);

/* The corrections in force of the report @hash, oldest first
 * (FiguresCorrection *). */
GPtrArray *
figures_corrections_list_report (FiguresCorrections *self, const char *hash, GError **error);
/* The hashes of every report with a correction, undone ones included (their
 * figures go back to what was read). */
GStrv figures_corrections_list_reports (FiguresCorrections *self, GError **error);

/* Applies one correction to @statistic; @keep becomes FALSE when it rejects
 * the figure, TRUE when it confirms it. */
void figures_correction_apply (const FiguresCorrection *self,
                               FiguresStatistic *statistic,
                               gboolean *keep);

/* Applies one report correction to a report's @title, @date and @city
 * (each a string it may replace). */
void figures_correction_apply_to_report (const FiguresCorrection *self,
                                         char **title,
                                         char **date,
                                         char **city);

/* Applies the corrections of the report @hash to @statistic (matched by
 * its start). Returns FALSE when the figure was rejected (the caller drops
 * it); sets @corrected when something applied. */
gboolean figures_corrections_apply (FiguresCorrections *self,
                                    const char *hash,
                                    FiguresStatistic *statistic,
                                    gboolean *corrected);

/* The TSV columns: file start action field old new when hash (NULL-ended) */
#define FIGURES_CORRECTIONS_N_COLUMNS 8
extern const char *const figures_corrections_columns[];

/* TSV with the header `file start action field old new when hash`: the
 * contract columns, then the report's hash, so that a colleague's copy of
 * the same report is found wherever it lies. */
gboolean figures_corrections_export (FiguresCorrections *self, GOutputStream *out, GError **error);
/* Reads such a TSV; a line that cannot be read is an error naming the
 * file and the line, and nothing is imported. Returns the rows added. */
gint figures_corrections_import (FiguresCorrections *self, const char *path, GError **error);

G_END_DECLS
