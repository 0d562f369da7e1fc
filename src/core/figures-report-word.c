/* figures-report-word.c: the text of Word files, .docx and .doc, through libgsf
 *
 * libgsf reads both containers: the zip of a .docx (GsfInfileZip) and the
 * OLE2 compound file of a .doc (GsfInfileMSOle), as GNOME's tracker-miners
 * does; one library for both, where libarchive would only give the zip.
 *
 * .docx: word/document.xml, streamed with libxml2's reader: paragraphs
 * become lines, a table row becomes a line of its cells in order, with
 * tabs between them.
 * .doc: the main text (FibRgLw97.ccpText characters) through the piece
 * table in the Clx of the table stream ([MS-DOC] 2.8.35, 2.9.38).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-report"

#include "config.h"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "figures-report-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* libgsf's complaints are about the sender's file, which the reader
 * reports as corrupt: they are not for the terminal */
static const char *const gsf_log_domains[] = { "libgsf", "libgsf:msole", "libgsf:zip" };

static void
ignore_log_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

static void
ensure_gsf (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      gsf_init ();
      for (guint i = 0; i < G_N_ELEMENTS (gsf_log_domains); i++)
        g_log_set_handler (gsf_log_domains[i], G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE,
                           ignore_log_cb, NULL);
      g_once_init_leave (&initialised, 1);
    }
}

/* All of @input, at most FIGURES_REPORT_MAX_UNPACKED bytes; a read error
 * is @corrupt ("corrupt DOCX"). */
static GBytes *
read_all (GsfInput *input, const char *what, const char *corrupt, GError **error)
{
  gsf_off_t size = gsf_input_size (input);
  guint8 *buf;

  if (size < 0 || size > FIGURES_REPORT_MAX_UNPACKED)
    {
      g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                   "too large: %s unpacks to more than %d MB", what,
                   FIGURES_REPORT_MAX_UNPACKED >> 20);
      return NULL;
    }
  buf = g_malloc ((gsize) size + 1);
  if (size > 0 && gsf_input_read (input, (size_t) size, buf) == NULL)
    {
      g_free (buf);
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT, corrupt);
      return NULL;
    }
  buf[size] = 0;
  return g_bytes_new_take (buf, (gsize) size);
}

/* ---- .docx ---- */

static gboolean
is_w (xmlTextReader *reader, const char *name)
{
  return strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

/* the separators the last cell or paragraph left */
static void
trim_end (GString *out)
{
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
}

gboolean
_figures_report_read_docx (GBytes *data, FiguresReportSource *source, GError **error)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GsfInput) document = NULL;
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (xmlTextReader) reader = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint table_depth = 0;
  gboolean in_t = FALSE;
  int status;

  ensure_gsf ();
  input = gsf_input_memory_new (bytes, (gsf_off_t) len, FALSE);
  zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                           "corrupt DOCX");
      return FALSE;
    }
  document = gsf_infile_child_by_vname (zip, "word", "document.xml", NULL);
  if (document == NULL)
    {
      g_autoptr (GsfInput) types = gsf_infile_child_by_name (zip, "[Content_Types].xml");

      /* an .xlsx or .pptx saved under another name */
      if (types != NULL)
        g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_UNSUPPORTED,
                             FIGURES_REPORT_UNSUPPORTED_REASON);
      else
        g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                             "corrupt DOCX");
      return FALSE;
    }
  xml = read_all (document, "word/document.xml", "corrupt DOCX", error);
  if (xml == NULL)
    return FALSE;

  /* no entity substitution, no network: the XML is the sender's */
  reader = xmlReaderForMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), NULL,
                               "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                           "corrupt DOCX");
      return FALSE;
    }

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          /* the same text box again, for readers without DrawingML */
          if (is_w (reader, "Fallback"))
            {
              if (!empty && xmlTextReaderNext (reader) != 1)
                break;
              continue;
            }
          if (is_w (reader, "t"))
            in_t = !empty;
          else if (is_w (reader, "tab"))
            g_string_append_c (out, '\t');
          else if (is_w (reader, "br") || is_w (reader, "cr"))
            g_string_append_c (out, '\n');
          else if (is_w (reader, "tbl") && !empty)
            table_depth++;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_w (reader, "t"))
            in_t = FALSE;
          else if (is_w (reader, "p"))
            g_string_append_c (out, table_depth > 0 ? ' ' : '\n');
          else if (is_w (reader, "tc"))
            {
              trim_end (out);
              g_string_append_c (out, '\t');
            }
          else if (is_w (reader, "tr"))
            {
              trim_end (out);
              g_string_append_c (out, '\n');
            }
          else if (is_w (reader, "tbl") && table_depth > 0)
            table_depth--;
        }
      else if (in_t &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE))
        g_string_append (out, (const char *) xmlTextReaderConstValue (reader));

      if (out->len > FIGURES_REPORT_MAX_CHARS)
        {
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                       "too large: more than %d MB of text", FIGURES_REPORT_MAX_CHARS >> 20);
          return FALSE;
        }
    }
  if (status < 0)
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                           "corrupt DOCX");
      return FALSE;
    }

  g_ptr_array_add (source->pages, g_string_free (g_steal_pointer (&out), FALSE));
  return TRUE;
}

/* ---- .doc ---- */

/* FibBase and FibRgFcLcb97 offsets, [MS-DOC] 2.5 */
#define FIB_IDENT 0x0000
#define FIB_FLAGS 0x000A
#define FIB_FLAG_ENCRYPTED 0x0100
#define FIB_FLAG_WHICH_TABLE 0x0200
#define FIB_CCP_TEXT 0x004C
#define FIB_FC_CLX 0x01A2
#define FIB_LCB_CLX 0x01A6
#define FIB_MIN_SIZE (FIB_LCB_CLX + 4)
#define WORD_IDENT 0xA5EC
#define PCD_SIZE 8
#define PCD_COMPRESSED 0x40000000u

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* 8-bit text pieces are Windows-1252, but for these bytes ([MS-DOC] 2.4.1) */
static gunichar
cp1252 (guint8 b)
{
  static const guint16 high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
  };

  if (b >= 0x80 && b < 0xA0)
    return high[b - 0x80] != 0 ? high[b - 0x80] : 0xFFFD;
  return b;
}

typedef struct
{
  GString *out;
  guint field_depth; /* inside field codes (0x13 … 0x14) */
  gboolean in_field_code;
  gunichar last;
} DocText;

/* Word's marks: paragraph and cell ends, fields, hyphens, objects. */
static void
doc_put (DocText *t, gunichar c)
{
  gunichar last = t->last;

  t->last = c;
  switch (c)
    {
      case 0x13: /* field begins: its code follows */
        t->field_depth++;
        t->in_field_code = TRUE;
        return;
      case 0x14: /* field result follows */
        t->in_field_code = FALSE;
        return;
      case 0x15:
        if (t->field_depth > 0)
          t->field_depth--;
        t->in_field_code = FALSE;
        return;
      default:
        break;
    }
  if (t->in_field_code)
    return;
  switch (c)
    {
      case 0x0D:
      case 0x0B:
      case 0x0C:
        g_string_append_c (t->out, '\n');
        break;
      case 0x07: /* end of a cell; twice: end of a row */
        if (last == 0x07)
          {
            if (t->out->len > 0 && t->out->str[t->out->len - 1] == '\t')
              t->out->str[t->out->len - 1] = '\n';
            else
              g_string_append_c (t->out, '\n');
          }
        else
          g_string_append_c (t->out, '\t');
        break;
      case 0x09:
        g_string_append_c (t->out, '\t');
        break;
      case 0x1E:
        g_string_append_c (t->out, '-');
        break;
      default:
        if (c >= 0x20 && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF))
          g_string_append_unichar (t->out, c);
        break;
    }
}

static gboolean
corrupt_doc (GError **error)
{
  g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT, "corrupt DOC");
  return FALSE;
}

gboolean
_figures_report_read_doc (GBytes *data, FiguresReportSource *source, GError **error)
{
  gsize len, word_len, table_len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GsfInfile) ole = NULL;
  g_autoptr (GsfInput) word_stream = NULL;
  g_autoptr (GsfInput) table_stream = NULL;
  g_autoptr (GBytes) word = NULL;
  g_autoptr (GBytes) table = NULL;
  g_autoptr (GError) local_error = NULL;
  const guint8 *fib, *clx, *plc;
  guint32 ccp_text, fc_clx, lcb_clx, lcb_plc, n_pieces, done = 0;
  guint16 flags;
  gsize at;
  DocText text = { 0 };

  ensure_gsf ();
  input = gsf_input_memory_new (bytes, (gsf_off_t) len, FALSE);
  ole = gsf_infile_msole_new (input, &local_error);
  if (ole == NULL)
    return corrupt_doc (error);
  word_stream = gsf_infile_child_by_name (ole, "WordDocument");
  if (word_stream == NULL)
    {
      /* an .xls, .ppt or .wps saved as .doc */
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_UNSUPPORTED,
                           FIGURES_REPORT_UNSUPPORTED_REASON);
      return FALSE;
    }
  word = read_all (word_stream, "WordDocument", "corrupt DOC", error);
  if (word == NULL)
    return FALSE;
  fib = g_bytes_get_data (word, &word_len);
  if (word_len < FIB_MIN_SIZE || le16 (fib + FIB_IDENT) != WORD_IDENT)
    return corrupt_doc (error);
  flags = le16 (fib + FIB_FLAGS);
  if (flags & FIB_FLAG_ENCRYPTED)
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_PASSWORD,
                           "password-protected");
      return FALSE;
    }
  ccp_text = le32 (fib + FIB_CCP_TEXT);
  fc_clx = le32 (fib + FIB_FC_CLX);
  lcb_clx = le32 (fib + FIB_LCB_CLX);

  table_stream =
    gsf_infile_child_by_name (ole, (flags & FIB_FLAG_WHICH_TABLE) ? "1Table" : "0Table");
  if (table_stream == NULL)
    return corrupt_doc (error);
  table = read_all (table_stream, "the table stream", "corrupt DOC", error);
  if (table == NULL)
    return FALSE;
  clx = g_bytes_get_data (table, &table_len);
  if ((gsize) fc_clx > table_len || (gsize) lcb_clx > table_len - fc_clx)
    return corrupt_doc (error);

  /* Clx: Prc* (0x01, cb, grpprl) then Pcdt (0x02, lcb, PlcPcd) */
  at = fc_clx;
  while (at < (gsize) fc_clx + lcb_clx && clx[at] == 0x01)
    {
      if (at + 3 > (gsize) fc_clx + lcb_clx)
        return corrupt_doc (error);
      at += 3 + le16 (clx + at + 1);
    }
  if (at + 5 > (gsize) fc_clx + lcb_clx || clx[at] != 0x02)
    return corrupt_doc (error);
  lcb_plc = le32 (clx + at + 1);
  plc = clx + at + 5;
  if (lcb_plc > (gsize) fc_clx + lcb_clx - (at + 5) || lcb_plc < 4 + PCD_SIZE ||
      (lcb_plc - 4) % (4 + PCD_SIZE) != 0)
    return corrupt_doc (error);
  n_pieces = (lcb_plc - 4) / (4 + PCD_SIZE);

  text.out = g_string_new (NULL);
  for (guint32 i = 0; i < n_pieces && done < ccp_text; i++)
    {
      guint32 cp_start = le32 (plc + 4 * i), cp_end = le32 (plc + 4 * (i + 1));
      const guint8 *pcd = plc + 4 * (n_pieces + 1) + PCD_SIZE * i;
      guint32 fc = le32 (pcd + 2);
      gboolean compressed = (fc & PCD_COMPRESSED) != 0;
      gsize n, offset, width;

      if (cp_end <= cp_start)
        continue;
      n = MIN (cp_end - cp_start, ccp_text - done);
      offset = compressed ? (fc & ~PCD_COMPRESSED) / 2 : fc;
      width = compressed ? 1 : 2;
      if (offset > word_len || n > (word_len - offset) / width)
        {
          g_string_free (text.out, TRUE);
          return corrupt_doc (error);
        }
      for (gsize k = 0; k < n; k++)
        doc_put (&text, compressed ? cp1252 (fib[offset + k]) : le16 (fib + offset + 2 * k));
      done += n;
      if (text.out->len > FIGURES_REPORT_MAX_CHARS)
        {
          g_string_free (text.out, TRUE);
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                       "too large: more than %d MB of text", FIGURES_REPORT_MAX_CHARS >> 20);
          return FALSE;
        }
    }

  g_ptr_array_add (source->pages, g_string_free (text.out, FALSE));
  return TRUE;
}
