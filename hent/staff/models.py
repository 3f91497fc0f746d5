"""Staff accounts: a role, an optional structure, a TOTP second factor; login throttling; the audit log.

Nothing here stores personal data of the public: the audit log records who (a staff account) did what to
which object (type and id), never the object's content. Login throttling stores keyed hashes only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADVISER = "adviser", _("Conseiller ou conseillère")
    MANAGER = "manager", _("Responsable de structure")
    EDITOR = "editor", _("Rédacteur ou rédactrice de la Région")
    ADMIN = "admin", _("Administrateur ou administratrice")


# Roles attached to one structure; the others act across the whole directory.
STRUCTURE_ROLES = frozenset({Role.ADVISER, Role.MANAGER})


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile", verbose_name=_("compte")
    )
    role = models.CharField(_("rôle"), max_length=16, choices=Role.choices)
    structure = models.ForeignKey(
        "guidance.Structure",
        on_delete=models.SET_NULL,  # a structure removed from the directory leaves its advisers with no access
        null=True,
        blank=True,
        related_name="staff_profiles",
        verbose_name=_("structure"),
    )
    # Base32 TOTP secret (RFC 6238). Set when enrolment starts, confirmed by a first valid code.
    totp_secret = models.CharField(max_length=64, blank=True, editable=False)
    totp_confirmed_at = models.DateTimeField(_("second facteur activé le"), null=True, blank=True, editable=False)
    # The last 30-second step whose code was accepted: a code is never accepted twice.
    totp_last_step = models.BigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil d'équipe")
        verbose_name_plural = _("profils d'équipe")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["editor", "admin"], structure__isnull=True)
                | models.Q(role__in=["adviser", "manager"]),
                name="staff_profile_structure_only_for_structure_roles",
            )
        ]

    def __str__(self):
        return f"{self.user.get_username()} ({self.get_role_display()})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.role in STRUCTURE_ROLES and self.structure_id is None:
            raise ValidationError({"structure": _("Un conseiller ou un responsable est rattaché à une structure.")})
        if self.role not in STRUCTURE_ROLES and self.structure_id is not None:
            raise ValidationError({"structure": _("Ce rôle agit sur tout l'annuaire : pas de structure.")})

    @property
    def totp_enrolled(self):
        return bool(self.totp_secret and self.totp_confirmed_at)


class LoginFailure(models.Model):
    """One failed attempt (password or second factor), keyed by a hash of the username or of the client."""

    class Scope(models.TextChoices):
        USERNAME = "username", _("identifiant")
        CLIENT = "client", _("poste client")

    scope = models.CharField(max_length=8, choices=Scope.choices)
    key = models.CharField(max_length=64)  # HMAC-SHA256 hex digest, never the username or the address
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "created_at"])]


class LoginLock(models.Model):
    """A username or a client refused until `until`, after too many failures."""

    scope = models.CharField(max_length=8, choices=LoginFailure.Scope.choices)
    key = models.CharField(max_length=64)
    until = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="login_lock_unique_key")]


class AuditEntry(models.Model):
    """Who (a staff account) did what, when, to which object (type and id) — never the data itself."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("compte"),
    )
    # The username at the time, kept when the account is later deleted. Staff accounts only.
    username = models.CharField(_("identifiant"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("type d'objet"), max_length=100, blank=True)
    object_id = models.CharField(_("identifiant de l'objet"), max_length=64, blank=True)
    detail = models.CharField(_("détail"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("entrée du journal d'accès")
        verbose_name_plural = _("journal d'accès")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action}"
