"""What several domains' views share about addresses: going back to a page of this site only, pages about one
person that must stay private, and the visitor's network address (for rate limits, only ever hashed)."""

import functools

from django.conf import settings
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


def client_address(request):
    """The visitor's network address: REMOTE_ADDR, or behind HENT_TRUSTED_PROXIES reverse proxies of our own, the
    address the outermost of them saw (the n-th entry of X-Forwarded-For from the right). Entries further left
    are the client's to write, so they are never believed. Only ever used to compute a keyed hash."""
    hops = settings.HENT_TRUSTED_PROXIES
    if hops > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")
