/* report-fixtures.h: writes PDF, DOCX and .doc test reports from invented text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A text PDF (Cairo's PDF surface, Pango, Noto CJK): one page per string
 * of @pages, each with @header at the top (when not NULL) and "- N -" at
 * the bottom when @page_numbers. */
void fixture_write_text_pdf (const char *path,
                             const char *const *pages,
                             const char *header,
                             gboolean page_numbers);
/* An image-only PDF: each page's text drawn into a Cairo image surface at
 * 200 dpi, which is painted onto the PDF page (no text layer). */
void fixture_write_image_pdf (const char *path, const char *const *pages);
/* A minimal PDF with a standard-security /Encrypt dictionary whose
 * passwords the empty one does not open. */
void fixture_write_encrypted_pdf (const char *path);

/* A DOCX (through libgsf's zip writer): @paragraphs, then a table whose
 * rows are given as tab-separated cells (@rows may be NULL), then
 * @after (may be NULL). */
void fixture_write_docx (const char *path,
                         const char *const *paragraphs,
                         const char *const *rows,
                         const char *const *after);
/* A DOCX whose word/document.xml unpacks to @unpacked bytes. */
void fixture_write_large_docx (const char *path, gsize unpacked);

/* A Word 97 .doc (OLE2 through libgsf): @text (lines end with '\n') as one
 * Unicode piece of the main text; @encrypted sets fEncrypted. */
void fixture_write_doc (const char *path, const char *text, gboolean encrypted);

G_END_DECLS
