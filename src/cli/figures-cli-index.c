/* figures-cli-index.c — placeholder until its issue lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "figures-cli.h"

int
_figures_cli_index (int    argc,
     char **argv)
{
  g_printerr ("figures %s: not implemented yet\n", argv[0]);
  return FIGURES_EXIT_FAILURE;
}

int
_figures_cli_search (int    argc,
     char **argv)
{
  g_printerr ("figures %s: not implemented yet\n", argv[0]);
  return FIGURES_EXIT_FAILURE;
}

int
_figures_cli_stats (int    argc,
     char **argv)
{
  g_printerr ("figures %s: not implemented yet\n", argv[0]);
  return FIGURES_EXIT_FAILURE;
}
