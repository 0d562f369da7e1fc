/* figures-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-metadata"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "figures-metadata.h"

#define TITLE_MAX_CHARS 40
/* A line ending as documents' titles do may be longer (a reply names the
 * proposal it answers). */
#define TITLE_LONG_MAX_CHARS 90
#define TITLE_SCAN_LINES 30
#define DATE_EDGE_LINES 12

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

static char *
strip_line (const char *line)
{
  GString *s = g_string_new (NULL);
  const char *start = line;
  const char *end = line + strlen (line);

  while (start < end)
    {
      gunichar c = g_utf8_get_char (start);
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0xFEFF)
        break;
      start = g_utf8_next_char (start);
    }
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c) && c != 0x3000)
        break;
      end = prev;
    }
  g_string_append_len (s, start, end - start);
  return g_string_free (s, FALSE);
}

/* "索引号: 123", "发布机构：…": a short label then a colon. Returns the
 * label's length in code points, or 0. */
static glong
field_label_length (const char *line)
{
  glong i = 0;

  for (const char *p = line; *p && i <= 8; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ':' || c == 0xFF1A)
        return i > 0 ? i : 0;
    }
  return 0;
}

static gboolean
has_han (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x3400 && c <= 0x9FFF)
        return TRUE;
    }
  return FALSE;
}

/* Section headings inside a document: 二、 (三) 3. 第二章 ① … */
static const char *const section_heading_patterns[] = {
  "^[一二三四五六七八九十百零〇]+[、.．]",
  "^[0-9０-９]+(?:[、．]|\\.(?![0-9]))",
  "^[（(][一二三四五六七八九十百0-9０-９]+[)）]",
  "^第[一二三四五六七八九十百零〇0-9０-９]+[章节条部分篇]",
  "^[\\x{2460}-\\x{2473}\\x{2776}-\\x{277F}]",
};

/* How titles of reports, replies and notices end. */
static const char *const title_endings[] = {
  "答复", "报告", "通知", "意见", "决定", "批复", "公告", "通报",
  "方案", "办法", "总结", "规划", "纲要", "函",   "回复", "公报",
};

static gboolean
is_section_heading (const char *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_heading_patterns); i++)
    if (g_regex_match_simple (section_heading_patterns[i], line, 0, 0))
      return TRUE;
  return FALSE;
}

static gboolean
has_title_ending (const char *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (title_endings); i++)
    if (g_str_has_suffix (line, title_endings[i]))
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_title (const char *line)
{
  glong n = g_utf8_strlen (line, -1);

  if (n < 2 || !has_han (line))
    return FALSE;
  if (n >= TITLE_MAX_CHARS && (n >= TITLE_LONG_MAX_CHARS || !has_title_ending (line)))
    return FALSE;
  if (is_section_heading (line))
    return FALSE;
  if (field_label_length (line) > 0)
    return FALSE;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      switch (g_utf8_get_char (p))
        {
          case 0x3002: /* 。 */
          case 0xFF0C: /* ， */
          case ',':
          case 0xFF1B: /* ； */
          case ';':
          case 0xFF01: /* ！ */
          case '!':
          case 0xFF1F: /* ？ */
          case '?':
          case '>': /* breadcrumbs: 首页 > 政务公开 */
          case 0x203A:
          case '|':
            return FALSE;
          default:
            break;
        }
    }

  /* a line that is only a date is not a title */
  if (g_regex_match_simple ("^[\\d\\s年月日.\\-/:：]+$", line, 0, 0))
    return FALSE;

  return TRUE;
}

char *
figures_metadata_find_title (const char *display)
{
  g_auto (GStrv) lines = NULL;
  g_autofree char *plain = NULL; /* the first line that looks like a title */
  guint scanned = 0;

  g_return_val_if_fail (display != NULL, NULL);

  lines = g_strsplit (display, "\n", TITLE_SCAN_LINES + 1);

  for (guint i = 0; lines[i] != NULL && scanned < TITLE_SCAN_LINES; i++)
    {
      g_autofree char *line = NULL;
      glong label;

      if (is_blank (lines[i]))
        continue;
      scanned++;
      line = strip_line (lines[i]);
      label = field_label_length (line);
      if (label > 0)
        {
          if (g_str_has_prefix (line, "标题") || g_str_has_prefix (line, "名称") ||
              g_str_has_prefix (line, "题名"))
            {
              const char *value = g_utf8_offset_to_pointer (line, label + 1);
              g_autofree char *title = strip_line (value);

              if (*title != '\0')
                return g_steal_pointer (&title);
            }
          continue;
        }
      /* The issuing office often comes first: a line that ends as titles
       * do wins over an earlier plain one. */
      if (looks_like_title (line))
        {
          if (has_title_ending (line))
            return g_steal_pointer (&line);
          if (plain == NULL)
            plain = g_steal_pointer (&line);
        }
    }
  if (plain != NULL)
    return g_steal_pointer (&plain);

  /* No heading: the start of the first visible line. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = NULL;

      if (is_blank (lines[i]))
        continue;
      line = strip_line (lines[i]);
      if (g_utf8_strlen (line, -1) > TITLE_MAX_CHARS)
        {
          char *cut = g_utf8_offset_to_pointer (line, TITLE_MAX_CHARS);
          *cut = '\0';
        }
      return g_steal_pointer (&line);
    }

  return g_strdup ("");
}

/* ---- dates ---- */

static int
chinese_digit (gunichar c)
{
  static const gunichar digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                     0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };

  if (c == 0x96F6) /* 零 */
    return 0;
  if (c == 'O' || c == 'o' || c == 0x25CB || c == 0xFF2F) /* look-alikes of 〇 */
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return i;
  return -1;
}

/* 三, 十, 十二, 二十, 二十三, 三十一 or Arabic digits */
static int
parse_small_number (const char *s)
{
  int value = 0;
  int current = -1;
  gboolean any = FALSE;

  if (g_ascii_isdigit (*s))
    return atoi (s);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = chinese_digit (c);

      if (c == 0x5341) /* 十 */
        {
          value += (current > 0 ? current : 1) * 10;
          current = -1;
        }
      else if (d >= 0)
        current = d;
      else
        return -1;
      any = TRUE;
    }
  if (!any)
    return -1;
  if (current > 0)
    value += current;
  return value;
}

static int
parse_year (const char *s)
{
  int year = 0;
  int digits = 0;

  if (g_ascii_isdigit (*s))
    return atoi (s);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      int d = chinese_digit (g_utf8_get_char (p));
      if (d < 0)
        return -1;
      year = year * 10 + d;
      digits++;
    }
  return digits == 4 ? year : -1;
}

static char *
make_date (const char *ys, const char *ms, const char *ds)
{
  int y = parse_year (ys);
  int m = parse_small_number (ms);
  int d = parse_small_number (ds);

  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

#define CN_DIGIT "[〇零一二三四五六七八九OoＯ○]"
#define CN_SMALL "[一二三四五六七八九十]{1,3}"

static GRegex *
date_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new (
        "(?<label>成文日期|发布日期|发布时间|印发日期|发文日期|日期|时间)?\\s*[:：]?\\s*"
        "(?:(?<y>(?<!\\d)\\d{4})\\s*(?:年|-|/|\\.)\\s*(?<m>\\d{1,2})\\s*(?:月|-|/|\\.)\\s*"
        "(?<d>\\d{2}|\\d(?!\\d))"
        "|(?<cy>" CN_DIGIT "{4})年(?<cm>" CN_SMALL ")月(?<cd>" CN_SMALL ")日)",
        G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r != NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

typedef struct
{
  char *date;
  gboolean labelled;
} DateMatch;

/* Every date in @text, in order. */
static GArray *
find_dates (const char *text)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (DateMatch));
  g_autoptr (GMatchInfo) info = NULL;

  g_regex_match (date_regex (), text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *label = g_match_info_fetch_named (info, "label");
      g_autofree char *y = g_match_info_fetch_named (info, "y");
      g_autofree char *m = g_match_info_fetch_named (info, "m");
      g_autofree char *d = g_match_info_fetch_named (info, "d");
      char *date = NULL;

      if (y != NULL && *y != '\0')
        date = make_date (y, m, d);
      else
        {
          g_autofree char *cy = g_match_info_fetch_named (info, "cy");
          g_autofree char *cm = g_match_info_fetch_named (info, "cm");
          g_autofree char *cd = g_match_info_fetch_named (info, "cd");
          date = make_date (cy, cm, cd);
        }
      if (date != NULL)
        {
          DateMatch match = { date, label != NULL && *label != '\0' };
          g_array_append_val (found, match);
        }
      g_match_info_next (info, NULL);
    }
  return found;
}

static void
free_dates (GArray *dates)
{
  for (guint i = 0; i < dates->len; i++)
    g_free (g_array_index (dates, DateMatch, i).date);
  g_array_free (dates, TRUE);
}

char *
figures_metadata_find_date (const char *display)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) visible = g_ptr_array_new ();
  g_autoptr (GString) top = g_string_new (NULL);
  g_autoptr (GString) bottom = g_string_new (NULL);
  GArray *dates;
  char *result = NULL;
  guint n_top;

  g_return_val_if_fail (display != NULL, NULL);

  lines = g_strsplit (display, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!is_blank (lines[i]))
      g_ptr_array_add (visible, lines[i]);

  n_top = MIN (visible->len, DATE_EDGE_LINES);
  for (guint i = 0; i < n_top; i++)
    {
      g_string_append (top, visible->pdata[i]);
      g_string_append_c (top, '\n');
    }
  for (guint i = MAX (n_top, visible->len > DATE_EDGE_LINES ? visible->len - DATE_EDGE_LINES : 0);
       i < visible->len; i++)
    {
      g_string_append (bottom, visible->pdata[i]);
      g_string_append_c (bottom, '\n');
    }

  /* a labelled date at the top, then any date at the top */
  dates = find_dates (top->str);
  for (guint i = 0; i < dates->len && result == NULL; i++)
    if (g_array_index (dates, DateMatch, i).labelled)
      result = g_strdup (g_array_index (dates, DateMatch, i).date);
  if (result == NULL && dates->len > 0)
    result = g_strdup (g_array_index (dates, DateMatch, 0).date);
  free_dates (dates);
  if (result != NULL)
    return result;

  /* the signature: the last date at the bottom (labelled first) */
  dates = find_dates (bottom->str);
  for (guint i = 0; i < dates->len && result == NULL; i++)
    if (g_array_index (dates, DateMatch, i).labelled)
      result = g_strdup (g_array_index (dates, DateMatch, i).date);
  if (result == NULL && dates->len > 0)
    result = g_strdup (g_array_index (dates, DateMatch, dates->len - 1).date);
  free_dates (dates);

  return result;
}
