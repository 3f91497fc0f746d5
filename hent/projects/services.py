"""My project: saving items, notes and a plan without an account. Callable without HTTP (except the
session helpers, which take the request, as in hent.territories.services).

Access rules, all enforced here or by the views through these functions:
- the browser that created or opened a project holds its id in its session (for the visit): it edits;
- the private link (a token, only its hash stored) opens the project in a browser's session;
- the short code shows the project read-only, and look-ups that fail are rate-limited per address.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hent.core import tokens
from hent.projects import keys, references
from hent.projects.models import Project, ProjectItem, ProjectNote, ProjectStep

SESSION_KEY = "hent_project"
MAX_ITEMS = 100
MAX_NOTES = 20
NOTE_MAX_LENGTH = 2000
MAX_CUSTOM_STEPS = 20
STEP_TITLE_MAX_LENGTH = 120
TOUCH_INTERVAL = timedelta(hours=1)  # last_used_at is written at most this often when only reading

# The plan every project starts with: (key, title, what it means, in words a 13-year-old understands).
STANDARD_STEPS = [
    (
        "inform",
        _("Me renseigner"),
        _("Lire les fiches métiers et formations, aller à un salon ou à une journée portes ouvertes."),
    ),
    (
        "meet",
        _("Rencontrer un ou une professionnelle"),
        _("Poser vos questions à une personne qui fait ce métier : dans votre entourage, à un forum…"),
    ),
    (
        "immersion",
        _("Faire un stage ou une immersion"),
        _("Voir le métier en vrai pendant quelques jours : stage de 3e, mini-stage, immersion en entreprise."),
    ),
    (
        "training",
        _("Choisir une formation"),
        _("Comparer les formations qui mènent au métier : niveau, durée, lieu, apprentissage ou non."),
    ),
    (
        "apply",
        _("Candidater / postuler"),
        _("S'inscrire à une formation, envoyer une candidature ou chercher un contrat d'apprentissage."),
    ),
]
_STEP_TEXTS = {key: (title, hint) for key, title, hint in STANDARD_STEPS}


class ProjectError(Exception):
    """Something the person asked for that cannot be done; the message is for them."""


# -- keys ----------------------------------------------------------------------------------


def create_project():
    """A new, empty project with the standard plan. Its private link is made when first shown."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                project = Project.objects.create(code=keys.new_code(), token_hash=tokens.hash_token(tokens.new_token()))
                ProjectStep.objects.bulk_create(
                    ProjectStep(project=project, key=key, position=i) for i, (key, _t, _h) in enumerate(STANDARD_STEPS)
                )
                return project
        except IntegrityError:  # an existing code was drawn (about 1 in 10^6 with a million projects)
            continue
    raise RuntimeError("could not draw a free project code")


def reveal_key(project):
    """A new private-link token for the owner's eyes, once: None if this project's link was already shown.

    The token is generated here and only its hash is saved, so it exists nowhere but in this response.
    The conditional update makes two simultaneous page loads show one link, not two of which one is dead.
    """
    if project.key_shown:
        return None
    token = tokens.new_token()
    updated = Project.objects.filter(pk=project.pk, key_shown=False).update(
        token_hash=tokens.hash_token(token), key_shown=True, updated_at=timezone.now()
    )
    if not updated:
        return None
    project.key_shown = True
    project.token_hash = tokens.hash_token(token)
    return token


def renew_key(project):
    """Make the current private link stop working; the next page shown to the owner gives a new one."""
    project.token_hash = tokens.hash_token(tokens.new_token())  # a hash nobody holds the token of
    project.key_shown = False
    project.save(update_fields=["token_hash", "key_shown", "updated_at"])


def open_by_token(token):
    """The project this private-link token opens, or None."""
    return tokens.find_by_token(Project.objects, token)


def find_by_code(text):
    """The project whose short code this is (as typed, with or without dash), or None."""
    code = keys.normalise_code(text)
    return Project.objects.filter(code=code).first() if code else None


def touch(project, force=False):
    """Record that the project is in use (it is then kept for another retention period). Reading writes at
    most once per TOUCH_INTERVAL; changes (force) always do."""
    now = timezone.now()
    if force or project.last_used_at is None or now - project.last_used_at >= TOUCH_INTERVAL:
        Project.objects.filter(pk=project.pk).update(last_used_at=now)
        project.last_used_at = now


# -- the project of the visit (session) -------------------------------------------------------


def session_project_id(request):
    session = getattr(request, "session", None)
    value = session.get(SESSION_KEY) if session is not None else None
    return value if isinstance(value, int) else None


def session_project(request):
    """The project this browser holds for the visit, or None (also when it was deleted since)."""
    pk = session_project_id(request)
    if pk is None:
        return None
    project = Project.objects.filter(pk=pk).first()
    if project is None:
        forget(request)
    return project


def remember(request, project):
    """Hold the project for this visit. The session then ends when the browser closes (shared computers in
    schools and libraries) and gets a new key, as at a log-in."""
    if session_project_id(request) != project.pk:
        request.session.cycle_key()
    request.session[SESSION_KEY] = project.pk
    request.session.set_expiry(0)


def forget(request):
    request.session.pop(SESSION_KEY, None)


# -- items ----------------------------------------------------------------------------------


def add_item(project, kind, ref):
    """Save an occupation, training, commune or establishment: (item, created). ProjectError if it does not
    exist or the project is full."""
    reference = references.resolve(kind, ref)
    if reference is None:
        raise ProjectError(_("Nous n'avons pas trouvé ce que vous voulez ajouter. Le lien est peut-être ancien."))
    existing = project.items.filter(kind=reference.kind, ref=reference.ref).first()
    if existing is not None:
        return existing, False
    if project.items.count() >= MAX_ITEMS:
        raise ProjectError(
            _("Votre projet contient déjà %(n)s éléments : retirez-en un pour en ajouter un autre.") % {"n": MAX_ITEMS}
        )
    try:
        with transaction.atomic():
            item = ProjectItem.objects.create(
                project=project, kind=reference.kind, ref=reference.ref, label=reference.label[:300]
            )
    except IntegrityError:  # saved at the same moment from another tab
        return project.items.get(kind=reference.kind, ref=reference.ref), False
    touch(project, force=True)
    return item, True


def remove_item(project, item_id):
    """Remove one of the project's items; the removed item, or None if the project has no such item."""
    item = project.items.filter(pk=item_id).first()
    if item is not None:
        item.delete()
        touch(project, force=True)
    return item


def saved_keys(project_id):
    """{(kind, ref)} of what a project holds (for the "Ajouter à mon projet" buttons)."""
    if project_id is None:
        return set()
    return set(ProjectItem.objects.filter(project_id=project_id).values_list("kind", "ref"))


# -- notes ----------------------------------------------------------------------------------


def clean_note(text, max_length=NOTE_MAX_LENGTH):
    """Plain text as typed: NFC, line breaks kept (at most two in a row), no other control characters."""
    text = unicodedata.normalize("NFC", str(text or "")[: max_length * 4]).replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for c in text:
        if c == "\n" or c == "\t":
            kept.append("\n" if c == "\n" else " ")
        elif unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            kept.append(" ")
        else:
            kept.append(c)
    lines = [" ".join(line.split()) for line in "".join(kept).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()[:max_length].strip()


def add_note(project, text):
    text = clean_note(text)
    if not text:
        raise ProjectError(_("La note est vide : écrivez quelque chose avant d'enregistrer."))
    if project.notes.count() >= MAX_NOTES:
        raise ProjectError(
            _("Vous avez déjà %(n)s notes : supprimez-en une ou complétez une note existante.") % {"n": MAX_NOTES}
        )
    note = ProjectNote.objects.create(project=project, text=text)
    touch(project, force=True)
    return note


def update_note(project, note_id, text):
    """Change a note's text (an empty text deletes it). The note, or None if the project has no such note."""
    note = project.notes.filter(pk=note_id).first()
    if note is None:
        return None
    text = clean_note(text)
    if not text:
        note.delete()
    else:
        note.text = text
        note.save(update_fields=["text", "updated_at"])
    touch(project, force=True)
    return note


def delete_note(project, note_id):
    deleted, _ = project.notes.filter(pk=note_id).delete()
    return bool(deleted)


# -- the plan ----------------------------------------------------------------------------------


def step_title(step):
    return _STEP_TEXTS[step.key][0] if step.key in _STEP_TEXTS else step.title


def step_hint(step):
    return _STEP_TEXTS[step.key][1] if step.key in _STEP_TEXTS else ""


def update_steps(project, changes):
    """Apply {step id: (done, date or None)} to the project's steps (ids of other projects are ignored)."""
    steps = {s.pk: s for s in project.steps.all()}
    changed = [s for pk, (done, date) in changes.items() if (s := steps.get(pk)) is not None]
    for step in changed:
        step.done, step.date = changes[step.pk]
    ProjectStep.objects.bulk_update(changed, ["done", "date"])
    touch(project, force=True)
    return len(changed)


def add_step(project, title, date=None):
    title = " ".join(str(title or "").split())[:STEP_TITLE_MAX_LENGTH]
    if not title:
        raise ProjectError(_("Donnez un nom à votre étape."))
    if project.steps.exclude(key__in=_STEP_TEXTS).count() >= MAX_CUSTOM_STEPS:
        raise ProjectError(_("Vous avez déjà ajouté %(n)s étapes personnelles.") % {"n": MAX_CUSTOM_STEPS})
    last = project.steps.order_by("-position").values_list("position", flat=True).first() or 0
    step = ProjectStep.objects.create(project=project, title=title, date=date, position=last + 1)
    touch(project, force=True)
    return step


def delete_step(project, step_id):
    """Remove a personal step (the standard steps stay: mark them "fait" or leave them)."""
    deleted, _ = project.steps.filter(pk=step_id, key="").delete()
    return bool(deleted)


# -- the whole project ------------------------------------------------------------------------


@dataclass
class ItemView:
    item: ProjectItem
    reference: references.Reference | None  # None: the record no longer exists in our data

    @property
    def label(self):
        return self.reference.label if self.reference else self.item.label


@dataclass
class ProjectView:
    project: Project
    groups: list  # [(slug, heading, [ItemView])], every group, empty ones too
    steps: list  # [ProjectStep] with .title_text, .hint
    notes: list
    retention: str
    n_items: int = 0
    n_done: int = 0
    updated: object = None
    kinds: dict = field(default_factory=dict)


def project_view(project):
    """Everything a project page, its printable page and its PDF show."""
    items = list(project.items.all())
    found = references.resolve_many({(i.kind, i.ref) for i in items})
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(ItemView(item, found.get((item.kind, item.ref))))
    groups = [
        (slug, heading, [v for k in kinds for v in by_kind.get(k, [])]) for slug, heading, kinds in references.GROUPS
    ]
    steps = list(project.steps.all())
    for step in steps:
        step.title_text = step_title(step)
        step.hint = step_hint(step)
        step.is_custom = step.key not in _STEP_TEXTS
    return ProjectView(
        project=project,
        groups=groups,
        steps=steps,
        notes=list(project.notes.all()),
        retention=retention_text(),
        n_items=len(items),
        n_done=sum(s.done for s in steps),
        updated=project.updated_at,
        kinds=dict(ProjectItem.Kind.choices),
    )


def delete_project(project):
    """Delete the project and everything in it, at once."""
    project.delete()


# -- retention ----------------------------------------------------------------------------------


def retention_days():
    return int(getattr(settings, "HENT_PROJECT_RETENTION_DAYS", 365))


def retention_text():
    """ "Sans visite pendant 12 mois, votre projet sera supprimé." with the configured period."""
    days = retention_days()
    if days >= 28:
        months = max(1, round(days / 30.4))
        period = ngettext("%(n)s mois", "%(n)s mois", months) % {"n": months}
    else:
        period = ngettext("%(n)s jour", "%(n)s jours", days) % {"n": days}
    return _("Sans visite pendant %(period)s, votre projet sera supprimé.") % {"period": period}


def expired_projects(now=None):
    now = now or timezone.now()
    return Project.objects.filter(last_used_at__lt=now - timedelta(days=retention_days()))


def purge(now=None, dry_run=False):
    """Delete the projects unused for the retention period: {"projects", "items", "notes", "steps"} counts."""
    with transaction.atomic():
        expired = expired_projects(now)
        counts = {
            "projects": expired.count(),
            "items": ProjectItem.objects.filter(project__in=expired).count(),
            "notes": ProjectNote.objects.filter(project__in=expired).count(),
            "steps": ProjectStep.objects.filter(project__in=expired).count(),
        }
        if not dry_run:
            expired.delete()
    return counts
