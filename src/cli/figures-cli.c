/* figures-cli.c: dispatch of the headless subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <string.h>

#include "figures-cli.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} FiguresCliCommand;

static const FiguresCliCommand commands[] = {
  { "extract", _figures_cli_extract },
  { "index", _figures_cli_index },
  { "search", _figures_cli_search },
  { "stats", _figures_cli_stats },
  { "chart", _figures_cli_chart },
  { "correct", _figures_cli_correct },
  { "corrections", _figures_cli_corrections },
};

gboolean
figures_cli_is_command (const char *name)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return TRUE;

  return FALSE;
}

int
figures_cli_run (int    argc,
                 char **argv)
{
  g_return_val_if_fail (argc > 0, FIGURES_EXIT_USAGE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].name, argv[0]) == 0)
        {
          g_autofree char *prgname = g_strconcat ("figures ", argv[0], NULL);

          /* --help then reads "figures extract [OPTION…]". */
          g_set_prgname (prgname);
          return commands[i].run (argc, argv);
        }
    }

  g_printerr ("figures: unknown command “%s”\n", argv[0]);
  return FIGURES_EXIT_USAGE;
}

static gboolean
parse_year (const char *text, int *year)
{
  guint64 value;

  if (*text == '\0')
    {
      *year = 0; /* an open end */
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1000, 9999, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

gboolean
_figures_cli_parse_years (const char *command, const char *text, int *from, int *to)
{
  /* an en dash as typeset (2019–2021) is a hyphen */
  g_autoptr (GString) plain = g_string_new (text);
  const char *dash = (g_string_replace (plain, "–", "-", 0), strchr (plain->str, '-'));
  g_autofree char *first =
    dash != NULL ? g_strndup (plain->str, dash - plain->str) : g_strdup (plain->str);
  const char *second = dash != NULL ? dash + 1 : plain->str;

  if (!parse_year (first, from) || !parse_year (second, to) || (*from == 0 && *to == 0) ||
      (*from > 0 && *to > 0 && *from > *to))
    {
      g_printerr ("figures %s: --years=%s: use FROM-TO (2019-2021), one year (2021), or an "
                  "open end (2019- or -2021)\n",
                  command, text);
      return FALSE;
    }
  return TRUE;
}

gboolean
_figures_cli_parse_options (GOptionContext *context, int *argc, char ***argv, const char *command)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("figures %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}
