from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from . import audit
from .roles import role_of


@receiver(user_logged_out, dispatch_uid="hent.staff.audit_logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None and role_of(user) is not None:
        audit.record(request, "logout", user=user)
