"""``chrome.*``: page chrome (site names around titles, rubrics, repeated titles, menus, breadcrumbs, widgets)."""

from clean.families.chrome import card_counters, embeds, navigation, page_chrome, widgets  # noqa: F401  (register their python rules)
