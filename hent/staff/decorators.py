"""`staff_required`: logged in, second factor verified in this session, active, with a staff role."""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .roles import role_of

# Session keys. The flag holds the verified user's id and the time of the verification.
VERIFIED_USER_KEY = "staff_verified_user"
VERIFIED_AT_KEY = "staff_verified_at"


def staff_session_seconds():
    return int(getattr(settings, "HENT_STAFF_SESSION_SECONDS", 8 * 3600))


def verified(request) -> bool:
    """True when this session's user passed the second factor, less than the staff session length ago."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    session = request.session
    if session.get(VERIFIED_USER_KEY) != user.pk:
        return False
    verified_at = session.get(VERIFIED_AT_KEY)
    if not isinstance(verified_at, (int, float)):
        return False
    return 0 <= time.time() - verified_at < staff_session_seconds()


def mark_verified(request):
    request.session[VERIFIED_USER_KEY] = request.user.pk
    request.session[VERIFIED_AT_KEY] = int(time.time())


def login_url_for(request):
    return f"{reverse('staff:login')}?{urlencode({'next': request.get_full_path()})}"


def no_store(response):
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


def staff_required(view):
    """Pages for staff only. Anyone not verified goes to the staff login; an account without a staff role
    (or inactive) gets 403. Responses are never cached."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not verified(request):
            return no_store(redirect(login_url_for(request)))
        if role_of(request.user) is None:
            raise PermissionDenied
        return no_store(view(request, *args, **kwargs))

    return wrapper


def admin_required(view):
    """`staff_required`, and the administrator role."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if role_of(request.user) != "admin":
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_required(wrapper)
