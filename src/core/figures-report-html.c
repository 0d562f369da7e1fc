/* figures-report-html.c: the text of a web page, through libxml2's HTML parser
 *
 * The charset comes from the byte-order mark, then <meta charset> or
 * http-equiv, then detection (figures-text); bytes are converted with ICU,
 * which reads GB2312/GBK as GB18030 and Big5 with its extensions. Script,
 * style and page furniture (navigation, header and footer link lists,
 * copyright lines) are dropped. The title is the first <h1>, else <title>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-report"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ucnv.h>

#include "figures-report-private.h"

/* how far into the page a <meta charset> is looked for */
#define META_SCAN_BYTES 8192
/* a block with at least this many links, nearly all its text in them, is a
 * list of links: navigation, "related links", a footer */
#define LINK_LIST_MIN_LINKS 3
#define LINK_LIST_PERCENT 70

/* elements never read */
static const char *const skipped_elements[] = {
  "script", "style",  "noscript", "nav", "header", "footer", "aside", "form",   "select",
  "button", "iframe", "template", "svg", "head",   "object", "embed", "canvas", "map",
};

/* class or id words of page furniture on government sites */
static const char *const furniture_words[] = {
  "nav",        "navbar", "menu",      "footer",  "foot",  "header",     "topbar",
  "breadcrumb", "crumb",  "copyright", "sidebar", "share", "friendlink", "toolbar",
};

/* lines that are the site's, not the report's */
static const char *const furniture_line_markers[] = {
  "版权所有", "ICP备", "公网安备", "网站标识码", "主办单位", "Copyright", "©",
};

static const char *const block_elements[] = {
  "p",       "div",     "li",      "tr",         "h1",     "h2", "h3",   "h4",
  "h5",      "h6",      "table",   "ul",         "ol",     "dl", "dt",   "dd",
  "pre",     "section", "article", "blockquote", "center", "hr", "main", "figure",
  "caption", "address", "body",    "tbody",      "thead",
};

/* charset names pages declare → the ICU converter that reads them */
static const struct
{
  const char *declared;
  const char *icu;
} charset_aliases[] = {
  { "gb2312", "GB18030" },     { "gbk", "GB18030" },           { "x-gbk", "GB18030" },
  { "gb_2312-80", "GB18030" }, { "cp936", "GB18030" },         { "gb18030", "GB18030" },
  { "big5", "Big5" },          { "big5-hkscs", "Big5-HKSCS" },
};

static gboolean
name_in (const char *name, const char *const *table, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, table[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The charset a page declares in a <meta> near its start, or NULL. */
static char *
declared_charset (const guint8 *data, gsize len)
{
  static GRegex *meta_re;
  g_autofree char *head = NULL;
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&meta_re))
    g_once_init_leave (&meta_re,
                       g_regex_new ("<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)",
                                    G_REGEX_CASELESS | G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL));

  head = g_strndup ((const char *) data, MIN (len, META_SCAN_BYTES));
  if (!g_regex_match (meta_re, head, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

static char *
convert_with_icu (const char *charset, const guint8 *data, gsize len)
{
  UErrorCode status = U_ZERO_ERROR;
  const char *icu = charset;
  int32_t needed;
  char *out;

  for (guint i = 0; i < G_N_ELEMENTS (charset_aliases); i++)
    if (g_ascii_strcasecmp (charset, charset_aliases[i].declared) == 0)
      icu = charset_aliases[i].icu;
  if (len > G_MAXINT32 / 4)
    return NULL;

  /* invalid bytes become U+FFFD (ICU's default substitution) */
  needed = ucnv_convert ("UTF-8", icu, NULL, 0, (const char *) data, (int32_t) len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  status = U_ZERO_ERROR;
  out = g_malloc ((gsize) needed + 1);
  ucnv_convert ("UTF-8", icu, out, needed + 1, (const char *) data, (int32_t) len, &status);
  if (U_FAILURE (status))
    {
      g_free (out);
      return NULL;
    }
  out[needed] = '\0';
  return out;
}

/* The page as UTF-8: BOM, then the declared charset, then detection. */
static char *
page_to_utf8 (const guint8 *data, gsize len, GError **error)
{
  g_autofree char *charset = NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return g_utf8_make_valid ((const char *) data + 3, len - 3);
  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    return figures_text_decode (data, len, NULL, NULL, error);

  charset = declared_charset (data, len);
  if (charset != NULL && !(g_ascii_strcasecmp (charset, "utf-8") == 0 &&
                           !g_utf8_validate ((const char *) data, len, NULL)))
    {
      char *utf8 = convert_with_icu (charset, data, len);

      if (utf8 != NULL)
        return utf8;
    }
  /* no (usable) declaration: detect as for a text file */
  return figures_text_decode (data, len, NULL, NULL, error);
}

typedef struct
{
  guint chars;
  guint link_chars;
  guint links;
} LinkStats;

typedef struct
{
  GString *out;
  GHashTable *link_lists; /* xmlNode* of blocks that are lists of links */
  char *h1;
  char *title;
  char *date;
} Walk;

static gboolean
is_skipped (xmlNode *node)
{
  const char *attrs[] = { "class", "id" };

  if (name_in ((const char *) node->name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
    return TRUE;
  for (guint a = 0; a < G_N_ELEMENTS (attrs); a++)
    {
      g_autofree char *value = (char *) xmlGetProp (node, (const xmlChar *) attrs[a]);
      g_auto (GStrv) words = NULL;

      if (value == NULL)
        continue;
      words = g_regex_split_simple ("[\\s_-]+", value, 0, 0);
      for (guint w = 0; words[w] != NULL; w++)
        if (name_in (words[w], furniture_words, G_N_ELEMENTS (furniture_words)))
          return TRUE;
    }
  return FALSE;
}

static void
append_text (GString *out, const char *text)
{
  /* HTML white space, line breaks included, is one space */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static char *
node_text (xmlNode *node)
{
  g_autofree char *content = (char *) xmlNodeGetContent (node);
  GString *out = g_string_new (NULL);

  if (content != NULL)
    append_text (out, content);
  return g_strstrip (g_string_free (out, FALSE));
}

/* <title> and the publication date of <meta>, wherever they are (counting
 * the links visits every element once) */
static void
read_head_element (Walk *walk, xmlNode *child)
{
  const char *name = (const char *) child->name;

  if (g_ascii_strcasecmp (name, "title") == 0 && walk->title == NULL)
    walk->title = node_text (child);
  if (g_ascii_strcasecmp (name, "meta") == 0 && walk->date == NULL)
    {
      g_autofree char *meta_name = (char *) xmlGetProp (child, (const xmlChar *) "name");
      g_autofree char *content = (char *) xmlGetProp (child, (const xmlChar *) "content");
      int y, m, d;

      /* 中国政府网 style <meta name="PubDate" content="2023-04-01 10:00"> */
      if (meta_name != NULL && content != NULL &&
          (g_ascii_strcasecmp (meta_name, "PubDate") == 0 ||
           g_ascii_strcasecmp (meta_name, "publishdate") == 0) &&
          sscanf (content, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 &&
          d <= 31)
        walk->date = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
}

static LinkStats
count_links (Walk *walk, xmlNode *node, gboolean in_link)
{
  LinkStats stats = { 0, 0, 0 };

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        {
          glong n = g_utf8_strlen ((const char *) child->content, -1);

          stats.chars += n;
          if (in_link)
            stats.link_chars += n;
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          gboolean link = g_ascii_strcasecmp ((const char *) child->name, "a") == 0;
          LinkStats inner;

          read_head_element (walk, child);
          inner = count_links (walk, child, in_link || link);

          stats.chars += inner.chars;
          stats.link_chars += inner.link_chars;
          stats.links += inner.links + (link ? 1 : 0);
        }
    }
  if (node->type == XML_ELEMENT_NODE && stats.links >= LINK_LIST_MIN_LINKS &&
      (guint64) stats.link_chars * 100 >= (guint64) stats.chars * LINK_LIST_PERCENT &&
      name_in ((const char *) node->name, block_elements, G_N_ELEMENTS (block_elements)) &&
      g_ascii_strcasecmp ((const char *) node->name, "body") != 0)
    g_hash_table_add (walk->link_lists, node);
  return stats;
}

static void
walk_node (Walk *walk, xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *name;
      gboolean block;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            append_text (walk->out, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) child->name;

      if (is_skipped (child) || g_hash_table_contains (walk->link_lists, child))
        continue;
      if (g_ascii_strcasecmp (name, "h1") == 0 && walk->h1 == NULL)
        {
          walk->h1 = node_text (child);
          if (walk->h1[0] == '\0')
            g_clear_pointer (&walk->h1, g_free);
        }

      block = name_in (name, block_elements, G_N_ELEMENTS (block_elements));
      if (block || g_ascii_strcasecmp (name, "br") == 0)
        g_string_append_c (walk->out, '\n');
      walk_node (walk, child);
      if (block)
        g_string_append_c (walk->out, '\n');
      else if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
        g_string_append_c (walk->out, '\t'); /* cells stay apart, as in .docx and .doc */
    }
}

/* Drops the site's lines (copyright, registration numbers) from @text. */
static char *
drop_furniture_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean furniture = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (furniture_line_markers) && !furniture; k++)
        furniture = strstr (lines[i], furniture_line_markers[k]) != NULL;
      if (furniture)
        continue;
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* "报告标题_某某市人民政府" → "报告标题" */
static char *
title_without_site (const char *title)
{
  static const char *const separators[] = { "_", "|", " - ", "－", "—" };
  g_autofree char *copy = g_strdup (title);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      char *at = strstr (copy, separators[i]);

      if (at != NULL && at != copy)
        *at = '\0';
    }
  return g_strdup (g_strstrip (copy));
}

gboolean
_figures_report_read_html (GBytes *data, FiguresReportSource *source, GError **error)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autofree char *utf8 = NULL;
  htmlDocPtr doc;
  xmlNode *root;
  Walk walk = { 0 };
  g_autofree char *text = NULL;

  utf8 = page_to_utf8 (bytes, len, error);
  if (utf8 == NULL)
    return FALSE;
  if (strlen (utf8) > G_MAXINT32)
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT, "too large");
      return FALSE;
    }

  doc = htmlReadMemory (utf8, (int) strlen (utf8), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                           "corrupt HTML");
      return FALSE;
    }

  walk.out = g_string_new (NULL);
  walk.link_lists = g_hash_table_new (NULL, NULL);
  count_links (&walk, (xmlNode *) doc, FALSE);
  walk_node (&walk, (xmlNode *) doc);
  xmlFreeDoc (doc);

  _figures_report_tidy_spaces (walk.out->str);
  text = drop_furniture_lines (walk.out->str);
  g_ptr_array_add (source->pages, g_steal_pointer (&text));
  if (walk.h1 != NULL)
    source->title = g_steal_pointer (&walk.h1);
  else if (walk.title != NULL && walk.title[0] != '\0')
    source->title = title_without_site (walk.title);
  source->date = g_steal_pointer (&walk.date);

  g_string_free (walk.out, TRUE);
  g_hash_table_unref (walk.link_lists);
  g_free (walk.h1);
  g_free (walk.title);
  return TRUE;
}
