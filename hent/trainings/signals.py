from django.conf import settings

from hent.core.importing import in_batch

# The datasets the training catalogue is derived from.
SOURCES = {
    "rome", "geo", "bcn", "certifinfo", "rncp-2021", "kit-apprentissage", "onisep-fiches-formations",
    "onisep-fiches-metiers", "onisep-lycees-gt", "annuaire-education", "parcoursup-copie-non-officielle",
    "inserjeunes-regions", "inserjeunes-etablissements-depp", "inserjeunes-cfa", "lheo",
}  # fmt: skip


def enabled():
    return getattr(settings, "HENT_REBUILD_CATALOGUE_AFTER_IMPORT", True)


def rebuild_after_import(sender, slug, report, **kwargs):
    if slug in SOURCES and report.changes and enabled() and not in_batch(slug):
        from hent.trainings import catalogue

        catalogue.rebuild()


def rebuild_after_batch(sender, slugs, **kwargs):
    if SOURCES & set(slugs) and enabled():
        from hent.trainings import catalogue

        catalogue.rebuild()
