/* figures-cli.h: the headless subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "figures-index.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand: users' scripts rely on them. */
#define FIGURES_EXIT_OK 0
#define FIGURES_EXIT_FAILURE 1
#define FIGURES_EXIT_USAGE 2

gboolean figures_cli_is_command (const char *name);
/* argv[0] is the subcommand's name. */
int      figures_cli_run        (int    argc,
                                 char **argv);

int      _figures_cli_extract   (int    argc,
                                 char **argv);
int      _figures_cli_index     (int    argc,
                                 char **argv);
int      _figures_cli_search    (int    argc,
                                 char **argv);
int      _figures_cli_stats     (int    argc,
                                 char **argv);
int      _figures_cli_chart     (int    argc,
                                 char **argv);
int _figures_cli_correct (int argc, char **argv);
int _figures_cli_corrections (int argc, char **argv);

/* Parses the options of `figures @command`; prints why not. */
gboolean
_figures_cli_parse_options (GOptionContext *context, int *argc, char ***argv, const char *command);

/* The index at @db (NULL: the application's), for reading only; prints why
 * not and returns NULL when it cannot be read. */
FiguresIndex *_figures_cli_open_index (const char *command,
                                       const char *db);
/* --years=FROM-TO, =YEAR, =FROM- or =-TO into @from and @to (0: open);
 * FALSE, having said why, for anything else. */
gboolean _figures_cli_parse_years (const char *command, const char *text, int *from, int *to);

G_END_DECLS
