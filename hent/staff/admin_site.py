"""The Django admin (/gestion/) behind the staff sign-in: its login page is ours (password, then TOTP), and
it lets in only active staff accounts whose second factor was verified in this session."""

from types import MethodType
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from .decorators import verified
from .roles import role_of


def has_permission(site, request):
    user = request.user
    return bool(user.is_active and user.is_staff and verified(request) and role_of(user) is not None)


def login(site, request, extra_context=None):
    next_url = request.GET.get("next") or reverse("admin:index", current_app=site.name)
    if site.has_permission(request):
        return redirect(next_url)
    if verified(request):
        # Signed in with both factors, but not an account of the back office (an adviser): no loop, a refusal.
        raise PermissionDenied
    return redirect(f"{reverse('staff:login')}?{urlencode({'next': next_url})}")


def protect(site=None):
    site = site or admin.site
    site.has_permission = MethodType(has_permission, site)
    site.login = MethodType(login, site)
    return site
