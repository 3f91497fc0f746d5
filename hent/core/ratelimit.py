"""Counting events (failed look-ups of a private link, creations of projects, conversations and call-back
requests) per network address and hour, in Django's cache.

Addresses are never stored: the cache key is an HMAC of the address and the current hour, made with
the site's secret key, so neither the cache nor anything else holds an address in clear. The window is
the clock hour: at most ``limit`` counted events per address and hour.

The cache is per process (local memory) unless REDIS_URL is set: with several app servers, set it so that the
limits hold across them.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

from hent.core.http import client_address

WINDOW_SECONDS = 3600


def _key(scope, request, now=None):
    window = int((now if now is not None else time.time()) // WINDOW_SECONDS)
    message = f"{scope}|{client_address(request)}|{window}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
    return f"hent:ratelimit:{scope}:{digest}"


def count(scope, request):
    """Events of ``scope`` counted for this visitor's address this hour."""
    return cache.get(_key(scope, request), 0)


def exceeded(scope, request, limit):
    """Whether the visitor has already reached ``limit`` events of ``scope`` this hour."""
    return count(scope, request) >= limit


def record(scope, request):
    """Count one event of ``scope`` for the visitor's address; the new count."""
    key = _key(scope, request)
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        return 1
