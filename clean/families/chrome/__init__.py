"""``chrome.*``: page chrome (site names around titles, rubrics, repeated titles, menus, breadcrumbs, widgets)."""

from clean.families.chrome import app_banner, embeds, navigation, page_chrome, reading_time, widgets  # noqa: F401  (register their python rules)
