"""What several domains' views share about addresses: going back to a page of this site only, and pages
about one person that must stay private."""

import functools

from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def safe_next(request, value, default="/"):
    """A path on this site to go back to, never another site (open redirect); ``default`` otherwise."""
    value = (value or "").strip()
    if (
        value.startswith("/")
        and len(value) <= 2000
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return default


def private(view):
    """A page about one person (a project, a conversation): never cached, never indexed, and its address (which
    may hold a private link's token) never sent in a Referer: only the site's origin is. ("no-referrer" would do
    too, but browsers then send "Origin: null" with the page's forms, which the CSRF protection rightly refuses.)"""

    @functools.wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "strict-origin"
        return response

    return wrapper
