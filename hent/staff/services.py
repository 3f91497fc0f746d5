"""Staff sign-in logic, callable without HTTP: login throttling and lockout, the second factor, accounts.

Throttling keys are HMAC-SHA256 digests (keyed with SECRET_KEY) of the username typed and of the client's
address: neither a username that does not exist nor an IP address is ever stored or logged.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from hent.core.http import client_address

from . import totp
from .models import STRUCTURE_ROLES, LoginFailure, LoginLock, Role, StaffProfile

Scope = LoginFailure.Scope


# Settings -------------------------------------------------------------------------------------------------


def _setting(name, default):
    return getattr(settings, name, default)


def lockout_failures():
    return int(_setting("HENT_STAFF_LOCKOUT_FAILURES", 5))


def lockout_client_failures():
    return int(_setting("HENT_STAFF_LOCKOUT_CLIENT_FAILURES", 20))


def lockout_window():
    return timedelta(seconds=int(_setting("HENT_STAFF_LOCKOUT_WINDOW_SECONDS", 15 * 60)))


def lockout_duration():
    return timedelta(seconds=int(_setting("HENT_STAFF_LOCKOUT_SECONDS", 15 * 60)))


def lockout_minutes():
    return max(1, round(lockout_duration().total_seconds() / 60))


# Keys -----------------------------------------------------------------------------------------------------


def _digest(scope, value):
    secret = force_bytes(f"hent.staff.throttle:{scope}:{settings.SECRET_KEY}")
    return hmac.new(secret, force_bytes(value), hashlib.sha256).hexdigest()


def username_key(username):
    return _digest(Scope.USERNAME, (username or "").strip().casefold())


def client_key(request):
    return _digest(Scope.CLIENT, client_address(request))


# Throttling -----------------------------------------------------------------------------------------------


def locked_until(request, username):
    """When the username or this client is locked out, the end of the lock; else None."""
    either = Q(scope=Scope.USERNAME, key=username_key(username)) | Q(scope=Scope.CLIENT, key=client_key(request))
    locks = LoginLock.objects.filter(either, until__gt=timezone.now())
    return locks.order_by("-until").values_list("until", flat=True).first()


def _lock(scope, key, until):
    with transaction.atomic():
        updated = LoginLock.objects.filter(scope=scope, key=key).update(until=until)
        if not updated:
            try:
                with transaction.atomic():
                    LoginLock.objects.create(scope=scope, key=key, until=until)
            except IntegrityError:  # created meanwhile by a concurrent failure
                LoginLock.objects.filter(scope=scope, key=key).update(until=until)
        LoginFailure.objects.filter(scope=scope, key=key).delete()


def register_failure(request, username):
    """Count one failed attempt for the username and for the client; lock either past its threshold.
    Returns True when this failure locked the username or the client."""
    now = timezone.now()
    since = now - lockout_window()
    # Forget what is too old to matter: the table stays small whatever the attack.
    LoginFailure.objects.filter(created_at__lt=since).delete()
    LoginLock.objects.filter(until__lte=now).delete()
    locked = False
    for scope, key, threshold in (
        (Scope.USERNAME, username_key(username), lockout_failures()),
        (Scope.CLIENT, client_key(request), lockout_client_failures()),
    ):
        LoginFailure.objects.create(scope=scope, key=key)
        if LoginFailure.objects.filter(scope=scope, key=key, created_at__gte=since).count() >= threshold:
            _lock(scope, key, now + lockout_duration())
            locked = True
    return locked


def clear_failures(username):
    """After a successful sign-in or a password reset: the username starts afresh (the client does not)."""
    key = username_key(username)
    LoginFailure.objects.filter(scope=Scope.USERNAME, key=key).delete()
    LoginLock.objects.filter(scope=Scope.USERNAME, key=key).delete()


# Staff profile and second factor --------------------------------------------------------------------------


def staff_profile_for_login(user):
    """The profile of a user allowed into the staff space, created for a superuser who has none; else None."""
    if user is None or not user.is_active:
        return None
    try:
        return user.staff_profile
    except StaffProfile.DoesNotExist:
        if user.is_superuser:
            return StaffProfile.objects.create(user=user, role=Role.ADMIN)
        return None


def start_enrolment(profile):
    """The secret the person will copy into their authenticator app (kept until they confirm it)."""
    if profile.totp_confirmed_at is None and not profile.totp_secret:
        profile.totp_secret = totp.generate_secret()
        profile.save(update_fields=["totp_secret", "updated_at"])
    return profile.totp_secret


def check_code(profile, code, confirm=False, now=None):
    """Accept `code` for this profile at most once; with `confirm`, finish enrolment. True when accepted."""
    with transaction.atomic():
        locked = StaffProfile.objects.select_for_update().get(pk=profile.pk)
        if not locked.totp_secret or (locked.totp_confirmed_at is None) != confirm:
            return False
        step = totp.matching_step(locked.totp_secret, code, last_step=locked.totp_last_step, now=now)
        if step is None:
            return False
        locked.totp_last_step = step
        fields = ["totp_last_step", "updated_at"]
        if confirm:
            locked.totp_confirmed_at = timezone.now()
            fields.append("totp_confirmed_at")
        locked.save(update_fields=fields)
    profile.refresh_from_db()
    return True


def reset_second_factor(profile):
    """Forget the second factor: the person enrols again at their next sign-in."""
    profile.totp_secret = ""
    profile.totp_confirmed_at = None
    profile.totp_last_step = None
    profile.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step", "updated_at"])


# Accounts -------------------------------------------------------------------------------------------------


class StaffAccountError(ValueError):
    pass


def admin_access_for(role):
    """Which roles use the Django admin (/gestion/): all but advisers; administrators as superusers."""
    return role != Role.ADVISER, role == Role.ADMIN


@transaction.atomic
def create_staff_account(username, role, email, structure=None, first_name="", last_name=""):
    """A new staff account with no usable password: the person sets one through a one-time link."""
    User = get_user_model()
    if role not in Role.values:
        raise StaffAccountError(f"unknown role {role!r}; choose one of {', '.join(Role.values)}")
    if role in STRUCTURE_ROLES and structure is None:
        raise StaffAccountError(f"the role {role} needs a structure (--structure SLUG)")
    if role not in STRUCTURE_ROLES and structure is not None:
        raise StaffAccountError(f"the role {role} is not attached to a structure")
    if User._default_manager.filter(username__iexact=username).exists():
        raise StaffAccountError(f"an account named {username!r} already exists")
    is_staff, is_superuser = admin_access_for(role)
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    StaffProfile.objects.create(user=user, role=role, structure=structure)
    grant_role_permissions(user, role)
    return user


ROLE_GROUPS = {
    Role.MANAGER: "Hent — responsables de structure",
    Role.EDITOR: "Hent — rédaction Région",
}
# Admin permissions of each role (superusers have all). Managers edit their own structure's entry only:
# the guidance admin narrows them with hent.staff.roles.can_edit_structure.
ROLE_PERMISSIONS = {
    Role.MANAGER: {
        "guidance.structure": ["view", "change"],
        "guidance.openinghours": ["view", "add", "change", "delete"],
        "guidance.outreachsession": ["view", "add", "change", "delete"],
    },
    Role.EDITOR: {
        "guidance.structure": ["view", "add", "change", "delete"],
        "guidance.openinghours": ["view", "add", "change", "delete"],
        "guidance.outreachsession": ["view", "add", "change", "delete"],
    },
}


def grant_role_permissions(user, role):
    from django.contrib.auth.models import Group, Permission

    if role not in ROLE_PERMISSIONS:
        return
    group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[role])
    for label, actions in ROLE_PERMISSIONS[role].items():
        app_label, model = label.split(".")
        codenames = [f"{action}_{model}" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    user.groups.add(group)


def set_password_path(user):
    """The one-time link (path) where the person chooses their password; it stops working once used."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("staff:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def send_set_password_email(user, link):
    """E-mail a new staff member the one-time link where they choose their password."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    context = {"user": user, "link": link, "site_name": getattr(settings, "HENT_SITE_NAME", "Hent")}
    subject = render_to_string("staff/email/welcome_subject.txt", context).strip()
    send_mail(subject, render_to_string("staff/email/welcome_email.txt", context), None, [user.email])


def advisers_of(structure_id):
    return (
        StaffProfile.objects.filter(role=Role.ADVISER, structure_id=structure_id)
        .select_related("user")
        .order_by("user__username")
    )
