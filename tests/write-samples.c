/* write-samples.c: writes the PDF and DOCX bundled samples from their drafts
 *
 *   build/tests/write-samples build-aux/sample-sources data/samples
 *
 * NN-*.pages: a text PDF, pages separated by form-feed lines, with a
 * running header and page numbers (as real reports have, and as the PDF
 * reader drops). NN-*.paragraphs: a DOCX, one paragraph a line; lines with
 * tabs are the rows of a table. Not a test: run it after editing a draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "report-fixtures.h"

#define PDF_HEADER "乌兰察布市人力资源和社会保障局文件"

static char *
output_path (const char *out_dir, const char *name, const char *suffix, const char *ext)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (suffix));
  g_autofree char *file = g_strconcat (stem, ext, NULL);

  return g_build_filename (out_dir, file, NULL);
}

static void
write_pdf (const char *draft, const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) pages = NULL;

  g_assert_true (g_file_get_contents (draft, &text, NULL, NULL));
  pages = g_strsplit (text, "\f\n", -1);
  fixture_write_text_pdf (path, (const char *const *) pages, PDF_HEADER, TRUE);
}

static void
write_docx (const char *draft, const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) after = g_ptr_array_new ();

  g_assert_true (g_file_get_contents (draft, &text, NULL, NULL));
  lines = g_strsplit (g_strchomp (text), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strchr (lines[i], '\t') != NULL)
        g_ptr_array_add (rows, lines[i]);
      else
        g_ptr_array_add (rows->len > 0 ? after : paragraphs, lines[i]);
    }
  g_ptr_array_add (paragraphs, NULL);
  g_ptr_array_add (rows, NULL);
  g_ptr_array_add (after, NULL);
  fixture_write_docx (path, (const char *const *) paragraphs->pdata,
                      (const char *const *) rows->pdata, (const char *const *) after->pdata);
}

int
main (int argc, char **argv)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (argc != 3)
    {
      g_printerr ("Usage: write-samples SOURCE-DIR OUTPUT-DIR\n");
      return 2;
    }
  dir = g_dir_open (argv[1], 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *draft = g_build_filename (argv[1], name, NULL);
      g_autofree char *path = NULL;

      if (g_str_has_suffix (name, ".pages"))
        write_pdf (draft, (path = output_path (argv[2], name, ".pages", ".pdf")));
      else if (g_str_has_suffix (name, ".paragraphs"))
        write_docx (draft, (path = output_path (argv[2], name, ".paragraphs", ".docx")));
      else
        continue;
      g_print ("%s\n", path);
    }
  return 0;
}
