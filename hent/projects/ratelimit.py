"""Counting failed look-ups (and project creations) per network address, in Django's cache.

Addresses are never stored: the cache key is an HMAC of the address and the current hour, made with
the site's secret key, so neither the cache nor anything else holds an address in clear. The window is
the clock hour: at most ``limit`` counted events per address and hour.

The default cache is per process (local memory): with several app servers, configure a shared cache
(Redis) so that the limit holds across them.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def lookup_limit():
    """Failed code or link look-ups allowed per address and hour."""
    return int(getattr(settings, "HENT_PROJECT_LOOKUP_LIMIT", 30))


def creation_limit():
    """New projects allowed per address and hour."""
    return int(getattr(settings, "HENT_PROJECT_CREATION_LIMIT", 30))


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or behind HENT_TRUSTED_PROXIES reverse proxies, the address the
    outermost trusted proxy saw (the n-th entry from the right of X-Forwarded-For)."""
    hops = int(getattr(settings, "HENT_TRUSTED_PROXIES", 0))
    if hops > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, request, now=None):
    window = int((now if now is not None else time.time()) // WINDOW_SECONDS)
    message = f"{scope}|{client_address(request)}|{window}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
    return f"hent:projects:{scope}:{digest}"


def count(scope, request):
    return cache.get(_key(scope, request), 0)


def exceeded(scope, request, limit):
    return count(scope, request) >= limit


def record(scope, request):
    key = _key(scope, request)
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        return 1
