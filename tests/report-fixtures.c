/* report-fixtures.c: writes PDF, DOCX and .doc test reports from invented text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "report-fixtures.h"

#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define MARGIN 60.0
#define FONT "Noto Sans CJK SC 12"
#define IMAGE_DPI 200.0

static void
draw_text (cairo_t *cr, const char *text, double x, double y, double width, const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, 6 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static void
finish_pdf (cairo_t *cr, cairo_surface_t *surface)
{
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
fixture_write_text_pdf (const char *path,
                        const char *const *pages,
                        const char *header,
                        gboolean page_numbers)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      if (header != NULL)
        draw_text (cr, header, MARGIN, 30, PAGE_WIDTH - 2 * MARGIN, "Noto Sans CJK SC 9");
      draw_text (cr, pages[p], MARGIN, 80, PAGE_WIDTH - 2 * MARGIN, FONT);
      if (page_numbers)
        {
          g_autofree char *number = g_strdup_printf ("- %u -", p + 1);

          draw_text (cr, number, PAGE_WIDTH / 2 - 15, PAGE_HEIGHT - 50, 100, "Noto Sans CJK SC 9");
        }
      cairo_show_page (cr);
    }
  finish_pdf (cr, surface);
}

void
fixture_write_image_pdf (const char *path, const char *const *pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double scale = IMAGE_DPI / 72.0;

  for (guint p = 0; pages[p] != NULL; p++)
    {
      cairo_surface_t *image = cairo_image_surface_create (
        CAIRO_FORMAT_RGB24, (int) (PAGE_WIDTH * scale), (int) (PAGE_HEIGHT * scale));
      cairo_t *icr = cairo_create (image);

      cairo_set_source_rgb (icr, 1, 1, 1);
      cairo_paint (icr);
      cairo_scale (icr, scale, scale);
      cairo_set_source_rgb (icr, 0, 0, 0);
      draw_text (icr, pages[p], MARGIN, 80, PAGE_WIDTH - 2 * MARGIN, "Noto Sans CJK SC 14");
      cairo_destroy (icr);

      cairo_save (cr);
      cairo_scale (cr, 1 / scale, 1 / scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);
    }
  finish_pdf (cr, surface);
}

void
fixture_write_encrypted_pdf (const char *path)
{
  static const char *const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -44"
    " /O <6e1f2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0>"
    " /U <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> >>",
  };
  g_autoptr (GString) pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n",
                          (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf,
                          "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R"
                          " /ID [<00112233445566778899aabbccddeeff> "
                          "<00112233445566778899aabbccddeeff>] >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  g_assert_true (g_file_set_contents (path, pdf->str, pdf->len, NULL));
}

/* ---- zip and OLE2, through libgsf ---- */

static void
put_child (GsfOutfile *dir, const char *name, const char *data, gsize len)
{
  GsfOutput *child =
    gsf_outfile_new_child_full (dir, name, FALSE, "compression-level", GSF_ZIP_DEFLATED, NULL);

  g_assert_nonnull (child);
  g_assert_true (gsf_output_write (child, len, (const guint8 *) data));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
}

static void
put_ole_child (GsfOutfile *dir, const char *name, const guint8 *data, gsize len)
{
  GsfOutput *child = gsf_outfile_new_child (dir, name, FALSE);

  g_assert_nonnull (child);
  g_assert_true (gsf_output_write (child, len, data));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
}

static void
write_docx_xml (const char *path, const char *document)
{
  static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  g_autoptr (GError) error = NULL;
  GsfOutput *sink;
  GsfOutfile *zip;
  GsfOutfile *dir;

  gsf_init ();
  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  g_object_unref (sink);

  put_child (zip, "[Content_Types].xml", content_types, strlen (content_types));
  dir = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels", TRUE));
  put_child (dir, ".rels", rels, strlen (rels));
  gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);
  dir = GSF_OUTFILE (gsf_outfile_new_child (zip, "word", TRUE));
  put_child (dir, "document.xml", document, strlen (document));
  gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);

  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
}

static void
append_paragraph (GString *xml, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (xml, "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
                          escaped);
}

void
fixture_write_docx (const char *path,
                    const char *const *paragraphs,
                    const char *const *rows,
                    const char *const *after)
{
  g_autoptr (GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body>");

  for (guint i = 0; paragraphs[i] != NULL; i++)
    append_paragraph (xml, paragraphs[i]);
  if (rows != NULL)
    {
      g_string_append (xml, "<w:tbl>");
      for (guint r = 0; rows[r] != NULL; r++)
        {
          g_auto (GStrv) cells = g_strsplit (rows[r], "\t", -1);

          g_string_append (xml, "<w:tr>");
          for (guint c = 0; cells[c] != NULL; c++)
            {
              g_string_append (xml, "<w:tc>");
              append_paragraph (xml, cells[c]);
              g_string_append (xml, "</w:tc>");
            }
          g_string_append (xml, "</w:tr>");
        }
      g_string_append (xml, "</w:tbl>");
    }
  for (guint i = 0; after != NULL && after[i] != NULL; i++)
    append_paragraph (xml, after[i]);
  g_string_append (xml, "</w:body></w:document>");
  write_docx_xml (path, xml->str);
}

void
fixture_write_large_docx (const char *path, gsize unpacked)
{
  g_autoptr (GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>");

  while (xml->len < unpacked)
    g_string_append (xml, "                                                                ");
  g_string_append (xml, "</w:t></w:r></w:p></w:body></w:document>");
  write_docx_xml (path, xml->str);
}

static void
put16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xFF;
  p[1] = v >> 8;
}

static void
put32 (guint8 *p, guint32 v)
{
  put16 (p, v & 0xFFFF);
  put16 (p + 2, v >> 16);
}

void
fixture_write_doc (const char *path, const char *text, gboolean encrypted)
{
  enum
  {
    TEXT_AT = 1024
  };
  g_autoptr (GError) error = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  g_autofree guint8 *word = NULL;
  guint8 table[1 + 4 + 8 + 8];
  GsfOutput *sink;
  GsfOutfile *ole;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, &error);
  g_assert_no_error (error);
  for (glong i = 0; i < n; i++)
    if (utf16[i] == '\n')
      utf16[i] = 0x0D; /* Word's paragraph mark */

  word = g_malloc0 (TEXT_AT + 2 * n);
  put16 (word + 0x00, 0xA5EC);                            /* wIdent */
  put16 (word + 0x02, 0x00C1);                            /* nFib: Word 97 */
  put16 (word + 0x0A, 0x0200 | (encrypted ? 0x0100 : 0)); /* fWhichTblStm, fEncrypted */
  put32 (word + 0x4C, (guint32) n);                       /* ccpText */
  put32 (word + 0x1A2, 0);                                /* fcClx */
  put32 (word + 0x1A6, sizeof table);                     /* lcbClx */
  for (glong i = 0; i < n; i++)
    put16 (word + TEXT_AT + 2 * i, utf16[i]);

  /* Clx: a Pcdt with one piece: CPs 0 and n, then a Pcd at fc TEXT_AT */
  memset (table, 0, sizeof table);
  table[0] = 0x02;
  put32 (table + 1, 4 * 2 + 8);
  put32 (table + 5, 0);
  put32 (table + 9, (guint32) n);
  put32 (table + 13 + 2, TEXT_AT);

  gsf_init ();
  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (sink);
  g_object_unref (sink);
  put_ole_child (ole, "WordDocument", word, TEXT_AT + 2 * n);
  put_ole_child (ole, "1Table", table, sizeof table);
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  g_object_unref (ole);
}
