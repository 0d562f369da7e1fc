/* figures-list-row.c: one row of the app's lists (hits, statistics, mentions, files)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-list-row"

#include "config.h"

#include "figures-list-row.h"

struct _FiguresListRow
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *markup;
  char *detail;
  GStrv classes;

  gint64 document_id;
  guint offset;
  char *path;
  FiguresStatistic *statistic;
  GMenuModel *menu;
};

G_DEFINE_FINAL_TYPE (FiguresListRow, figures_list_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MARKUP,
  PROP_DETAIL,
  PROP_CLASSES,
  PROP_MENU,
  PROP_HAS_MENU,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
figures_list_row_finalize (GObject *object)
{
  FiguresListRow *self = FIGURES_LIST_ROW (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->markup);
  g_free (self->detail);
  g_strfreev (self->classes);
  g_free (self->path);
  g_clear_pointer (&self->statistic, figures_statistic_free);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (figures_list_row_parent_class)->finalize (object);
}

static void
figures_list_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FiguresListRow *self = FIGURES_LIST_ROW (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        g_value_set_string (value, self->title);
        break;
      case PROP_SUBTITLE:
        g_value_set_string (value, self->subtitle);
        break;
      case PROP_MARKUP:
        g_value_set_string (value, self->markup);
        break;
      case PROP_DETAIL:
        g_value_set_string (value, self->detail);
        break;
      case PROP_CLASSES:
        g_value_set_boxed (value, self->classes);
        break;
      case PROP_MENU:
        g_value_set_object (value, self->menu);
        break;
      case PROP_HAS_MENU:
        g_value_set_boolean (value, self->menu != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_list_row_class_init (FiguresListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = figures_list_row_finalize;
  object_class->get_property = figures_list_row_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_CLASSES] = g_param_spec_boxed ("classes", NULL, NULL, G_TYPE_STRV, flags);
  /* what can be done with the row's figure (a row template's menu button) */
  properties[PROP_MENU] = g_param_spec_object ("menu", NULL, NULL, G_TYPE_MENU_MODEL, flags);
  properties[PROP_HAS_MENU] = g_param_spec_boolean ("has-menu", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
figures_list_row_init (FiguresListRow *self)
{
  self->classes = g_new0 (char *, 1);
}

FiguresListRow *
figures_list_row_new (const char *title,
                      const char *subtitle,
                      const char *markup,
                      const char *detail)
{
  FiguresListRow *self = g_object_new (FIGURES_TYPE_LIST_ROW, NULL);

  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup (subtitle ? subtitle : "");
  self->markup = g_strdup (markup ? markup : "");
  self->detail = g_strdup (detail ? detail : "");
  return self;
}

const char *
figures_list_row_get_title (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->title;
}

const char *
figures_list_row_get_subtitle (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->subtitle;
}

const char *
figures_list_row_get_markup (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->markup;
}

const char *
figures_list_row_get_detail (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->detail;
}

void
figures_list_row_set_classes (FiguresListRow *self, const char *const *classes)
{
  g_return_if_fail (FIGURES_IS_LIST_ROW (self));

  g_strfreev (self->classes);
  self->classes = classes ? g_strdupv ((char **) classes) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSES]);
}

void
figures_list_row_set_target (FiguresListRow *self,
                             gint64 document_id,
                             guint offset,
                             const char *path)
{
  g_return_if_fail (FIGURES_IS_LIST_ROW (self));

  self->document_id = document_id;
  self->offset = offset;
  g_free (self->path);
  self->path = g_strdup (path);
}

gint64
figures_list_row_get_document_id (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), 0);
  return self->document_id;
}

guint
figures_list_row_get_offset (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), 0);
  return self->offset;
}

const char *
figures_list_row_get_path (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->path;
}

void
figures_list_row_take_statistic (FiguresListRow *self, FiguresStatistic *statistic)
{
  g_return_if_fail (FIGURES_IS_LIST_ROW (self));

  g_clear_pointer (&self->statistic, figures_statistic_free);
  g_clear_object (&self->menu);
  self->statistic = statistic;
}

FiguresStatistic *
figures_list_row_get_statistic (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->statistic;
}

void
figures_list_row_set_menu (FiguresListRow *self, GMenuModel *menu)
{
  g_return_if_fail (FIGURES_IS_LIST_ROW (self));

  if (g_set_object (&self->menu, menu))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENU]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MENU]);
    }
}

GMenuModel *
figures_list_row_get_menu (FiguresListRow *self)
{
  g_return_val_if_fail (FIGURES_IS_LIST_ROW (self), NULL);
  return self->menu;
}
