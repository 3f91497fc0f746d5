"""The directory of guidance structures: nearest structures, opening hours, the "Je suis… / je cherche…" guide.

Callable without HTTP; other domains (contact, staff) use these functions rather than the tables.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hent.guidance.models import OutreachSession, Public, Structure, StructureKind
from hent.territories import services as territories

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MAX_LIMIT = 100
KIND_LABELS = dict(StructureKind.choices)
PUBLIC_LABELS = dict(Public.choices)


# -- querysets -----------------------------------------------------------------------------------------------


def public_structures():
    """Structures shown to the public (not withdrawn by staff)."""
    return Structure.objects.filter(is_active=True)


def structure(slug):
    """A public structure with its hours and upcoming outreach sessions, or None."""
    upcoming = OutreachSession.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at")
    return (
        public_structures()
        .select_related("dataset")
        .prefetch_related("opening_hours", Prefetch("outreach_sessions", queryset=upcoming, to_attr="upcoming"))
        .filter(slug=slug)
        .first()
    )


def kinds_present():
    """Kinds that have at least one public structure (the directory is partial: several kinds have none)."""
    return set(public_structures().values_list("kind", flat=True).distinct())


# -- nearest -------------------------------------------------------------------------------------------------


def serves(structure, public):
    """True when the structure serves this public (a structure open to all serves every public)."""
    return not public or public in structure.publics or Public.TOUS in structure.publics


def nearest(latitude, longitude, kinds=None, public=None, limit=20):
    """Public structures nearest first from a point, each with ``distance_km`` set (rounded to 0.1 km).

    ``kinds``: a kind or a list of kinds to keep (None: all); ``public``: a ``Public`` code the structures must
    serve; structures without coordinates are left out. At most ``limit`` structures (1 to 100).
    """
    found = nearest_all(latitude, longitude, kinds=kinds, public=public)
    return found[: max(1, min(int(limit), MAX_LIMIT))]


def nearest_all(latitude, longitude, kinds=None, public=None):
    """Every matching located public structure, nearest first (see ``nearest``); for paginated pages."""
    queryset = public_structures().filter(latitude__isnull=False, longitude__isnull=False)
    if kinds:
        queryset = queryset.filter(kind__in=[kinds] if isinstance(kinds, str) else list(kinds))
    results = []
    for item in queryset.select_related("dataset"):
        if not serves(item, public):
            continue
        item.distance_km = round(territories.distance_km(latitude, longitude, item.latitude, item.longitude), 1)
        results.append(item)
    results.sort(key=lambda s: (s.distance_km, s.name, s.pk))
    return results


def without_location(kinds=None, public=None):
    """Matching public structures that have no coordinates (they cannot be ordered by distance)."""
    queryset = public_structures().filter(latitude__isnull=True) | public_structures().filter(longitude__isnull=True)
    if kinds:
        queryset = queryset.filter(kind__in=list(kinds))
    return [s for s in queryset.order_by("name") if serves(s, public)]


# -- opening hours -------------------------------------------------------------------------------------------


def local_time(at=None):
    """``at`` (default: now) as a Europe/Paris wall-clock datetime; a naive ``at`` is taken as Paris time."""
    at = at or timezone.now()
    if timezone.is_naive(at):
        return at.replace(tzinfo=PARIS)
    return at.astimezone(PARIS)


def _slots(structure):
    return list(structure.opening_hours.all())


def is_open(structure, at=None) -> bool:
    """True when the structure is open at ``at`` (default: now), by its weekly hours in Europe/Paris time.

    A slot includes its opening minute and excludes its closing one (09:00–12:00 is open at 11:59, not 12:00).
    A structure without hours is never "open".
    """
    local = local_time(at)
    moment = local.time().replace(tzinfo=None)
    return any(s.weekday == local.weekday() and s.opens <= moment < s.closes for s in _slots(structure))


@dataclass
class OpeningStatus:
    known: bool
    open: bool
    until: datetime.time | None = None  # closing time of the current slot
    next_day: int | None = None  # weekday of the next opening
    next_time: datetime.time | None = None
    next_in_days: int | None = None  # 0 today, 1 tomorrow, …

    @property
    def next_day_label(self):
        if self.next_in_days == 0:
            return _("aujourd'hui")
        if self.next_in_days == 1:
            return _("demain")
        return WEEKDAY_NAMES[self.next_day] if self.next_day is not None else ""


WEEKDAY_NAMES = [
    _("lundi"), _("mardi"), _("mercredi"), _("jeudi"), _("vendredi"), _("samedi"), _("dimanche")
]  # fmt: skip


def opening_status(structure, at=None):
    """Open now or not, until when, and when it opens next (within the coming week)."""
    slots = _slots(structure)
    if not slots:
        return OpeningStatus(known=False, open=False)
    local = local_time(at)
    moment = local.time().replace(tzinfo=None)
    today = local.weekday()
    for slot in slots:
        if slot.weekday == today and slot.opens <= moment < slot.closes:
            return OpeningStatus(known=True, open=True, until=slot.closes)
    for offset in range(0, 8):
        day = (today + offset) % 7
        later = sorted(s.opens for s in slots if s.weekday == day and (offset > 0 or s.opens > moment))
        if later:
            return OpeningStatus(known=True, open=False, next_day=day, next_time=later[0], next_in_days=offset)
    return OpeningStatus(known=True, open=False)


def week(structure):
    """[(weekday name, [(opens, closes), …])] for Monday to Sunday; an empty list means closed that day."""
    slots = _slots(structure)
    return [(WEEKDAY_NAMES[day], [(s.opens, s.closes) for s in slots if s.weekday == day]) for day in range(7)]


# -- search from a place ---------------------------------------------------------------------------------------


@dataclass
class Search:
    place: object = None  # the Commune searched from
    candidates: list = None  # communes the text may designate, when it designates none for sure
    results: list = None  # structures nearest first (distance_km set)
    unlocated: list = None  # matching structures without coordinates


def search_from(text=None, insee=None, kinds=None, public=None):
    """Structures nearest first from a commune (INSEE code, or a name or postcode that designates one).

    A text that designates several communes gives ``candidates`` to choose from and no results; a text that
    designates none gives neither.
    """
    found = Search(candidates=[], results=[], unlocated=[])
    if insee:
        found.place = territories.commune(insee)
    elif text:
        places = territories.find_places(text, limit=10)
        found.place = territories.unambiguous_place(places)
        if found.place is None:
            found.candidates = places
    if found.place is not None and found.place.latitude is not None and found.place.longitude is not None:
        found.results = nearest_all(found.place.latitude, found.place.longitude, kinds=kinds, public=public)
        found.unlocated = without_location(kinds=kinds, public=public)
    return found


def place_for_code(code):
    """The commune an API ``near`` value designates: an INSEE code, else a postcode (its main commune)."""
    code = (code or "").strip().upper()
    if not (len(code) == 5 and code[:2].isalnum() and code[2:].isdigit()):
        return None
    commune = territories.commune(code)
    if commune is not None:
        return commune
    if code.isdigit():
        places = territories.find_places(code, limit=1)
        return places[0] if places else None
    return None


def datasets():
    """The datasets the directory's imported structures come from, for the source line."""
    from hent.core.models import Dataset

    return list(Dataset.objects.filter(structure__isnull=False).distinct().order_by("name"))


# -- the "Je suis… / je cherche…" guide --------------------------------------------------------------------------


@dataclass
class GuideEntry:
    who: str  # "Je suis…"
    seeking: str  # "je cherche…"
    kind: str
    why: str
    public: str = ""


GUIDE = [
    GuideEntry(
        _("collégien, lycéen, ou parent d'élève"),
        _("des conseils pour choisir une orientation, une filière, un établissement"),
        StructureKind.CIO,
        _(
            "Les psychologues de l'Éducation nationale des centres d'information et d'orientation (CIO) reçoivent "
            "gratuitement les élèves et leurs parents, sur rendez-vous ou sans, y compris pendant les vacances."
        ),
        Public.LYCEENS,
    ),
    GuideEntry(
        _("étudiant, ou je veux reprendre des études"),
        _("me réorienter ou construire mon projet d'études"),
        StructureKind.CIO,
        _("Les CIO accueillent aussi les étudiants et les jeunes qui veulent reprendre des études."),
        Public.ETUDIANTS,
    ),
    GuideEntry(
        _("jeune de 16 à 25 ans sorti de l'école"),
        _("un emploi, une formation, de l'aide pour le logement ou la mobilité"),
        StructureKind.MISSION_LOCALE,
        _(
            "Les Missions locales accompagnent les jeunes de 16 à 25 ans qui ne sont plus scolarisés : emploi, "
            "formation, santé, logement, et des dispositifs comme le Contrat d'engagement jeune."
        ),
        Public.JEUNES_16_25,
    ),
    GuideEntry(
        _("à la recherche d'un emploi"),
        _("m'inscrire, être indemnisé, trouver un emploi ou une formation"),
        StructureKind.FRANCE_TRAVAIL,
        _(
            "France Travail (ex-Pôle emploi) inscrit et indemnise les demandeurs d'emploi, propose des offres "
            "d'emploi et finance des formations."
        ),
        Public.DEMANDEURS_EMPLOI,
    ),
    GuideEntry(
        _("en situation de handicap"),
        _("trouver ou garder un emploi adapté"),
        StructureKind.CAP_EMPLOI,
        _(
            "Cap emploi accompagne les personnes en situation de handicap vers l'emploi et aide à garder son "
            "emploi quand la santé change."
        ),
        Public.HANDICAP,
    ),
    GuideEntry(
        _("cadre, ou jeune diplômé bac+3 et plus"),
        _("évoluer, changer de poste, trouver un premier emploi qualifié"),
        StructureKind.APEC,
        _("L'Apec conseille les cadres et les jeunes diplômés dans leur évolution professionnelle."),
        Public.SALARIES,
    ),
    GuideEntry(
        _("salarié, indépendant ou agent public"),
        _("faire le point sur ma carrière, changer de métier, me former"),
        StructureKind.CEP,
        _(
            "Le conseil en évolution professionnelle (CEP) est gratuit et confidentiel : un conseiller aide à "
            "faire le point, à construire un projet de reconversion et à le financer."
        ),
        Public.SALARIES,
    ),
    GuideEntry(
        _("jeune, quel que soit mon statut"),
        _("de l'information sur les métiers, les études, les jobs, la vie quotidienne"),
        StructureKind.INFORMATION_JEUNESSE,
        _(
            "Les structures Information Jeunesse (Bureaux et Points Information Jeunesse) informent gratuitement "
            "et sans rendez-vous sur tous les sujets qui concernent les jeunes."
        ),
        Public.JEUNES_16_25,
    ),
]

# Plain-word description of each kind, shown on structure pages.
KIND_DESCRIPTIONS = {
    StructureKind.CIO: _(
        "Service public gratuit de l'Éducation nationale : des psychologues de l'Éducation nationale y conseillent "
        "élèves, étudiants et parents sur l'orientation scolaire et professionnelle."
    ),
    StructureKind.CEP: _(
        "Conseil en évolution professionnelle : un accompagnement gratuit et confidentiel pour les actifs qui "
        "veulent faire le point, changer de métier ou se former."
    ),
    StructureKind.MISSION_LOCALE: _(
        "Accompagnement des jeunes de 16 à 25 ans sortis du système scolaire : emploi, formation, santé, logement."
    ),
    StructureKind.FRANCE_TRAVAIL: _(
        "Agence du service public de l'emploi : inscription, indemnisation, offres d'emploi, formations pour les "
        "demandeurs d'emploi."
    ),
    StructureKind.CAP_EMPLOI: _(
        "Accompagnement vers l'emploi et maintien dans l'emploi des personnes en situation de handicap."
    ),
    StructureKind.APEC: _("Conseil aux cadres et aux jeunes diplômés pour leur évolution professionnelle."),
    StructureKind.INFORMATION_JEUNESSE: _(
        "Information gratuite, anonyme et sans rendez-vous des jeunes sur les études, les métiers, l'emploi et la "
        "vie quotidienne."
    ),
    StructureKind.OTHER: _("Structure d'accueil, d'information ou d'accompagnement."),
}

# National directories to point to when the directory has no structure of a kind (named, not fetched).
NATIONAL_DIRECTORIES = {
    StructureKind.CIO: _("l'annuaire des CIO de l'Onisep (onisep.fr)"),
    StructureKind.CEP: _("le site Mon CEP (mon-cep.org), qui donne l'opérateur CEP de chaque région"),
    StructureKind.MISSION_LOCALE: _("l'annuaire des Missions locales de l'Union nationale des Missions locales"),
    StructureKind.FRANCE_TRAVAIL: _("la liste des agences sur francetravail.fr"),
    StructureKind.CAP_EMPLOI: _("l'annuaire du réseau Cap emploi (Cheops)"),
    StructureKind.APEC: _("la liste des centres Apec sur apec.fr"),
    StructureKind.INFORMATION_JEUNESSE: _("l'annuaire du réseau Information Jeunesse en Bretagne (CRIJ Bretagne)"),
}


def kind_description(kind):
    return KIND_DESCRIPTIONS.get(kind, KIND_DESCRIPTIONS[StructureKind.OTHER])


def missing_kinds():
    """Kinds with no structure in the directory, with where to look instead."""
    present = kinds_present()
    return [
        (kind, KIND_LABELS[kind], NATIONAL_DIRECTORIES[kind])
        for kind in StructureKind.values
        if kind in NATIONAL_DIRECTORIES and kind not in present
    ]


def coverage_gaps():
    """Kinds present in the directory but missing from some departments of the Region: [(label, [department
    names], where to look instead)]. The open data of a kind may cover one department only (CIO: Ille-et-Vilaine)."""
    departments = list(territories.departments().order_by("code"))
    if not departments:
        return []
    covered = {}
    for kind, department in public_structures().values_list("kind", "department").distinct():
        covered.setdefault(kind, set()).add(department)
    gaps = []
    for kind, codes in sorted(covered.items()):
        if kind not in NATIONAL_DIRECTORIES:
            continue
        missing = [d.name for d in departments if d.code not in codes]
        if missing:
            gaps.append((KIND_LABELS[kind], missing, NATIONAL_DIRECTORIES[kind]))
    return gaps


def upcoming_outreach(limit=5):
    """The next "hors les murs" sessions of public structures."""
    return list(
        OutreachSession.objects.filter(ends_at__gte=timezone.now(), structure__is_active=True)
        .select_related("structure")
        .order_by("starts_at")[:limit]
    )
