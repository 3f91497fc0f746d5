"""Staff sign-in (password, then TOTP), enrolment, logout, home, audit log, password reset and change."""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from hent.core.http import safe_next

from . import audit, services, totp
from .decorators import admin_required, mark_verified, no_store, staff_required, verified
from .forms import AdviserForm, CodeForm, JournalFilterForm, LoginForm, StaffPasswordResetForm
from .models import AuditEntry, Role
from .roles import role_of

PENDING_KEY = "staff_pending"
CONTACT_QUEUE_PATH = "/contact/equipe/"


def _pending_seconds():
    return int(getattr(settings, "HENT_STAFF_PENDING_SECONDS", 5 * 60))


def _lock_message():
    return _(
        "Trop de tentatives de connexion. Par sécurité, la connexion est suspendue pendant %(minutes)d minutes. "
        "Réessayez plus tard ; si vous avez oublié votre mot de passe, vous pouvez le réinitialiser."
    ) % {"minutes": services.lockout_minutes()}


def _render(request, template, context, status=200):
    return no_store(render(request, template, context, status=status))


def _pending_user(request):
    """The account that passed the password step in this session, if it is still fresh."""
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    started = pending.get("at")
    if not isinstance(started, (int, float)) or not 0 <= time.time() - started < _pending_seconds():
        request.session.pop(PENDING_KEY, None)
        return None
    user = get_user_model()._default_manager.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or services.staff_profile_for_login(user) is None:
        request.session.pop(PENDING_KEY, None)
        return None
    return user


def _finish_login(request, user, next_url):
    request.session.pop(PENDING_KEY, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    mark_verified(request)
    request.session.set_expiry(0)  # ends with the browser; verified() also ends it after HENT_STAFF_SESSION_SECONDS
    services.clear_failures(user.get_username())
    audit.record(request, "login", user=user)
    return redirect(safe_next(request, next_url, reverse("staff:home")))


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "GET" and verified(request) and role_of(request.user):
        return redirect(safe_next(request, next_url, reverse("staff:home")))
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if services.locked_until(request, username):
            audit.record(request, "login_refused_locked", user=None)
            form.add_error(None, _lock_message())
            status = 429
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            profile = services.staff_profile_for_login(user)
            if profile is None:
                existing = get_user_model()._default_manager.filter(username=username).first()
                audit.record(request, "login_failed", user=existing)
                if services.register_failure(request, username):
                    form.add_error(None, _lock_message())
                    status = 429
                else:
                    form.add_error(None, _("Identifiant ou mot de passe incorrect."))
            else:
                request.session.cycle_key()
                request.session[PENDING_KEY] = {"user": user.pk, "at": int(time.time()), "next": next_url}
                if profile.totp_enrolled:
                    return redirect("staff:login_code")
                return redirect("staff:enrol")
    return _render(request, "staff/login.html", {"form": form, "next": next_url}, status=status)


def _second_factor(request, template, confirm):
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Votre session de connexion a expiré. Saisissez à nouveau votre identifiant."))
        return redirect("staff:login")
    profile = user.staff_profile
    if confirm and profile.totp_enrolled:
        return redirect("staff:login_code")
    if not confirm and not profile.totp_enrolled:
        return redirect("staff:enrol")
    form = CodeForm(request.POST or None)
    status = 200
    username = user.get_username()
    if request.method == "POST":
        if services.locked_until(request, username):
            request.session.pop(PENDING_KEY, None)
            audit.record(request, "login_refused_locked", user=user)
            messages.error(request, _lock_message())
            return redirect("staff:login")
        if form.is_valid() and services.check_code(profile, form.cleaned_data["code"], confirm=confirm):
            if confirm:
                audit.record(request, "second_factor_enrolled", user=user)
            return _finish_login(request, user, request.session[PENDING_KEY].get("next"))
        audit.record(request, "login_code_failed", user=user)
        if services.register_failure(request, username):
            request.session.pop(PENDING_KEY, None)
            messages.error(request, _lock_message())
            return redirect("staff:login")
        if not form.errors:
            form.add_error(
                "code",
                _("Ce code n'est pas valable ou a déjà servi. Attendez le code suivant et saisissez-le."),
            )
        status = 400
    context = {"form": form, "staff_user": user}
    if confirm:
        secret = services.start_enrolment(profile)
        uri = totp.provisioning_uri(secret, username, getattr(settings, "HENT_SITE_NAME", "Hent"))
        context.update(
            secret=totp.grouped(secret),
            qr_svg=totp.qr_svg(uri, _("QR code à scanner avec votre application d'authentification")),
        )
    return _render(request, template, context, status=status)


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request):
    return _second_factor(request, "staff/code.html", confirm=False)


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request):
    return _second_factor(request, "staff/enrol.html", confirm=True)


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def logout_view(request):
    if request.method == "POST":
        logout(request)  # the audit entry is written by the user_logged_out signal
        messages.success(request, _("Vous êtes déconnecté·e."))
        return redirect("staff:login")
    if not request.user.is_authenticated:
        return redirect("staff:login")
    return _render(request, "staff/logout.html", {})


def _reverse_or_none(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@staff_required
def home(request):
    role = role_of(request.user)
    profile = getattr(request.user, "staff_profile", None)
    structure = profile.structure if profile is not None else None
    context = {
        "role": role,
        "role_label": Role(role).label,
        "structure": structure,
        "queue_url": CONTACT_QUEUE_PATH if role in (Role.ADVISER, Role.MANAGER, Role.ADMIN) else None,
        "admin_url": reverse("admin:index") if request.user.is_staff else None,
        "structure_admin_url": (
            _reverse_or_none("admin:guidance_structure_change", structure.pk)
            if structure is not None and role == Role.MANAGER
            else None
        ),
        "directory_admin_url": (
            _reverse_or_none("admin:guidance_structure_changelist") if role in (Role.EDITOR, Role.ADMIN) else None
        ),
        "journal_url": reverse("staff:journal") if role == Role.ADMIN else None,
        "team_url": reverse("staff:team") if role == Role.MANAGER and structure is not None else None,
        "accounts_admin_url": _reverse_or_none("admin:staff_staffprofile_changelist") if role == Role.ADMIN else None,
    }
    return render(request, "staff/home.html", context)


JOURNAL_PAGE_SIZE = 50


@admin_required
def journal(request):
    form = JournalFilterForm(request.GET or None)
    entries = AuditEntry.objects.all()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["user"]:
            entries = entries.filter(username__iexact=data["user"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        tz = timezone.get_current_timezone()
        if data["start"]:
            entries = entries.filter(created_at__gte=datetime.combine(data["start"], datetime.min.time(), tz))
        if data["end"]:
            end = datetime.combine(data["end"] + timedelta(days=1), datetime.min.time(), tz)
            entries = entries.filter(created_at__lt=end)
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries, JOURNAL_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return render(
        request,
        "staff/journal.html",
        {"form": form, "page": page, "query": query.urlencode(), "actions": list(actions)},
    )


# Password reset (by e-mail) and change: Django's views with our templates ---------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm
    template_name = "staff/password_reset_form.html"
    email_template_name = "staff/email/password_reset_email.txt"
    subject_template_name = "staff/email/password_reset_subject.txt"
    success_url = reverse_lazy("staff:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {"site_name": getattr(settings, "HENT_SITE_NAME", "Hent")}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "staff/password_reset_confirm.html"
    success_url = reverse_lazy("staff:password_reset_complete")
    reset_url_token = "nouveau"  # noqa: S105 - a URL segment, not a password

    def form_valid(self, form):
        response = super().form_valid(form)
        services.clear_failures(self.user.get_username())
        audit.record(self.request, "password_reset", user=self.user)
        return response


@method_decorator(staff_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "staff/password_change_form.html"
    success_url = reverse_lazy("staff:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(self.request, "password_changed")
        messages.success(self.request, _("Votre mot de passe a été changé."))
        return response


# A manager's team: the advisers of their structure -------------------------------------------------------

TEAM_ACTIONS = {"deactivate", "activate", "reset_second_factor"}


def _manager_required(view):
    def wrapper(request, *args, **kwargs):
        if role_of(request.user) != Role.MANAGER or request.user.staff_profile.structure_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return staff_required(wrapper)


@_manager_required
@require_http_methods(["GET", "POST"])
def team(request):
    structure = request.user.staff_profile.structure
    form = AdviserForm()
    if request.method == "POST" and request.POST.get("action") in TEAM_ACTIONS:
        _team_action(request, structure)
        return redirect("staff:team")
    if request.method == "POST":
        form = AdviserForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            user = services.create_staff_account(
                data["username"],
                Role.ADVISER,
                data["email"],
                structure=structure,
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
            services.send_set_password_email(user, request.build_absolute_uri(services.set_password_path(user)))
            audit.record(request, "adviser_created", obj=user.staff_profile)
            messages.success(
                request,
                _("Compte créé. %(username)s reçoit par courriel un lien pour choisir son mot de passe.")
                % {"username": user.get_username()},
            )
            return redirect("staff:team")
    advisers = services.advisers_of(structure.pk)
    return render(request, "staff/team.html", {"structure": structure, "advisers": advisers, "form": form})


def _team_action(request, structure):
    action = request.POST["action"]
    profile = services.advisers_of(structure.pk).filter(pk=_int_or_none(request.POST.get("profile"))).first()
    if profile is None:  # not an adviser of this structure: say nothing about it
        messages.error(request, _("Ce compte ne fait pas partie des conseillers de votre structure."))
        return
    user = profile.user
    if action == "reset_second_factor":
        services.reset_second_factor(profile)
        message = _("Le second facteur de %(username)s est réinitialisé : il sera activé à la prochaine connexion.")
    else:
        user.is_active = action == "activate"
        user.save(update_fields=["is_active"])
        message = (
            _("Le compte de %(username)s est réactivé.")
            if user.is_active
            else _("Le compte de %(username)s est désactivé : il ne peut plus se connecter.")
        )
    audit.record(request, f"adviser_{action}", obj=profile)
    messages.success(request, message % {"username": user.get_username()})


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
