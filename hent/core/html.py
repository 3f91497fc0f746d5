"""Publisher texts that come as HTML (ONISEP descriptions…), made safe to show."""

import html as html_lib

import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "h3", "h4", "h5", "h6", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def sanitize(text, unescape=False):
    """Keep only simple structure (paragraphs, lists, emphasis, links to http(s)); drop scripts, styles,
    event handlers, images and iframes. ``unescape`` first decodes text published as escaped HTML."""
    if not text:
        return ""
    if unescape:
        text = html_lib.unescape(text)
    cleaned = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="nofollow noopener noreferrer",
    )
    return cleaned.strip()
