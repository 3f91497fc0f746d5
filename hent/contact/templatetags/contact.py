import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# Links to this site's own catalogue pages, as advisers insert them ("/metiers/D1102/"); nothing else is linked.
SITE_LINK = re.compile(r"(?<![\w/])(/(?:metiers|formations|etablissements|structures)/[A-Za-z0-9_.-]+/)")


@register.filter
def chat_text(text):
    """A message as HTML: escaped, line breaks kept, the site's own catalogue paths made into links."""
    escaped = escape(text or "")
    linked = SITE_LINK.sub(r'<a href="\1">\1</a>', escaped)
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308 (escaped above; links only to own paths)
