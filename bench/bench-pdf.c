/* bench-pdf.c: `figures index` on text PDFs against a pdftotext loop, and
 * OCR by `figures extract` against the tesseract command, in one run
 *
 *   build/bench/bench-pdf build/src/figures [WORK_DIR] [N_PDFS] [N_SCANNED_PAGES]
 *
 * 1. Writes N_PDFS (default 200) text PDFs of 6 pages each (invented text,
 *    Cairo's PDF surface, as the tests' fixtures) and times
 *    `figures index --db=… DIR` (reading, extraction and index) against
 *    `pdftotext -enc UTF-8 FILE -` run on each file in turn, as a shell
 *    loop would. Target: at most 1.3× the loop.
 * 2. Peak memory (ru_maxrss) of `figures index` on half the folder and on
 *    all of it: it should stay flat as the folder grows.
 * 3. Writes an image-only PDF of N_SCANNED_PAGES (default 4) and the same
 *    pages as PNGs at 300 dpi, and times `figures extract` (OCR of every
 *    page) against `tesseract PNG - -l chi_sim+chi_tra` on each page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report-fixtures.h"

#define PAGES_PER_PDF 6
#define OCR_DPI 300

static const char *const cities[] = { "包头市",     "赤峰市",     "通辽市",     "鄂尔多斯市",
                                      "呼伦贝尔市", "巴彦淖尔市", "乌兰察布市", "乌海市" };

typedef struct
{
  double seconds;
  long max_rss_kb;
} Run;

/* Runs @argv (stdout to /dev/null) and waits, with its time and peak RSS. */
static Run
run_child (const char *const *argv)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0;
  pid_t pid;
  Run run;

  fflush (stdout); /* else the child would print our buffer again */
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], (char *const *) argv);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) > 1)
    g_error ("%s failed (status %d)", argv[0], status);
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.max_rss_kb = usage.ru_maxrss;
  return run;
}

static char *
invented_page (guint doc, guint page)
{
  const char *city = cities[(doc + page) % G_N_ELEMENTS (cities)];
  GString *text = g_string_new (NULL);

  if (page == 0)
    g_string_append_printf (text, "%s%u年第%u号工作简报\n", city, 2015 + doc % 10, doc + 1);
  for (guint p = 0; p < 6; p++)
    g_string_append_printf (
      text,
      "%s围绕重点任务推进第%u项工作，举办专题培训班%u期，培训基层干部%u人次，"
      "落实专项资金%u万元，实施示范项目%u个，各项工作稳步推进，群众满意度持续提升。\n",
      city, p + 1, 3 + (doc * 7 + page + p) % 40, 100 + (doc * 13 + p) % 900,
      50 + (doc * 31 + page) % 500, 1 + (doc + p) % 20);
  return g_string_free (text, FALSE);
}

static void
write_text_pdfs (const char *dir, guint first, guint count)
{
  for (guint d = first; d < first + count; d++)
    {
      g_autofree char *name = g_strdup_printf ("report-%04u.pdf", d);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *pages[PAGES_PER_PDF + 1] = { NULL };

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      for (guint p = 0; p < PAGES_PER_PDF; p++)
        pages[p] = invented_page (d, p);
      fixture_write_text_pdf (path, (const char *const *) pages, "某某市人民政府办公室", TRUE);
      for (guint p = 0; p < PAGES_PER_PDF; p++)
        g_free (pages[p]);
    }
}

static Run
time_index (const char *figures, const char *dir, const char *db)
{
  g_autofree char *db_arg = g_strdup_printf ("--db=%s", db);
  const char *argv[] = { figures, "index", db_arg, dir, NULL };
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);

  g_unlink (db);
  g_unlink (wal);
  return run_child (argv);
}

static Run
time_pdftotext_loop (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  Run total = { 0, 0 };

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      Run run;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      run = run_child (argv);
      total.seconds += run.seconds;
      total.max_rss_kb = MAX (total.max_rss_kb, run.max_rss_kb);
    }
  return total;
}

static void
bench_ocr (const char *figures, const char *work, guint n_pages)
{
  g_autofree char *pdf = g_build_filename (work, "scan.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) pngs = g_ptr_array_new_with_free_func (g_free);
  PopplerDocument *document;
  double tess = 0;
  Run ours;

  for (guint p = 0; p < n_pages; p++)
    g_ptr_array_add (texts, invented_page (p, p % 2));
  g_ptr_array_add (texts, NULL);
  fixture_write_image_pdf (pdf, (const char *const *) texts->pdata);

  /* the same pages as images, at the resolution figures renders them */
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (document);
  for (guint p = 0; p < n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (document, p);
      double w, h, scale = OCR_DPI / 72.0;
      cairo_surface_t *surface;
      cairo_t *cr;
      g_autofree char *name = g_strdup_printf ("scan-%u.png", p);
      char *png = g_build_filename (work, name, NULL);

      poppler_page_get_size (page, &w, &h);
      surface =
        cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale), (int) (h * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_object_unref (page);
      g_ptr_array_add (pngs, png);
    }
  g_object_unref (document);

  {
    const char *argv[] = { figures, "extract", pdf, NULL };

    ours = run_child (argv);
  }
  for (guint p = 0; p < pngs->len; p++)
    {
      const char *argv[] = { "tesseract",       pngs->pdata[p], "-",   "-l",
                             "chi_sim+chi_tra", "--dpi",        "300", NULL };

      tess += run_child (argv).seconds;
    }

  printf ("\nOCR, %u pages at %d dpi (Simplified + Traditional Chinese)\n", n_pages, OCR_DPI);
  printf ("  figures extract        %7.2f s  (%.2f s a page, rendering included)\n", ours.seconds,
          ours.seconds / n_pages);
  printf ("  tesseract, each page   %7.2f s  (%.2f s a page)\n", tess, tess / n_pages);
  printf ("  ratio                  %7.2f×   (target ≤ 1.2)\n", ours.seconds / tess);
}

int
main (int argc, char **argv)
{
  const char *figures;
  const char *work;
  guint n_pdfs, n_scanned;
  g_autofree char *half_dir = NULL;
  g_autofree char *all_dir = NULL;
  g_autofree char *db = NULL;
  Run index_half, index_all, loop;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-pdf FIGURES [WORK_DIR] [N_PDFS] [N_SCANNED_PAGES]\n");
      return 2;
    }
  figures = argv[1];
  work = argc > 2 ? argv[2] : "/tmp/figures-bench-pdf";
  n_pdfs = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 200;
  n_scanned = argc > 4 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 4;
  n_pdfs = MAX (n_pdfs, 2);

  half_dir = g_build_filename (work, "half", NULL);
  all_dir = g_build_filename (work, "all", NULL);
  db = g_build_filename (work, "index.db", NULL);
  g_mkdir_with_parents (half_dir, 0755);
  g_mkdir_with_parents (all_dir, 0755);
  write_text_pdfs (half_dir, 0, n_pdfs / 2);
  write_text_pdfs (all_dir, 0, n_pdfs);

  /* warm the page cache for both sides alike */
  time_pdftotext_loop (all_dir);

  loop = time_pdftotext_loop (all_dir);
  index_all = time_index (figures, all_dir, db);
  index_half = time_index (figures, half_dir, db);

  printf ("Text PDFs: %u files of %d pages\n", n_pdfs, PAGES_PER_PDF);
  printf ("  pdftotext loop         %7.2f s\n", loop.seconds);
  printf ("  figures index          %7.2f s  (reading, extraction and index)\n", index_all.seconds);
  printf ("  ratio                  %7.2f×   (target ≤ 1.3)\n", index_all.seconds / loop.seconds);
  printf ("Peak memory of figures index\n");
  printf ("  %4u files             %7ld KB\n", n_pdfs / 2, index_half.max_rss_kb);
  printf ("  %4u files             %7ld KB  (%.2f× for 2× the files)\n", n_pdfs,
          index_all.max_rss_kb, (double) index_all.max_rss_kb / MAX (index_half.max_rss_kb, 1));

  {
    g_autofree char *tesseract = g_find_program_in_path ("tesseract");

    if (n_scanned > 0 && tesseract != NULL)
      bench_ocr (figures, work, n_scanned);
  }
  return 0;
}
