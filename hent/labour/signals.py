from django.conf import settings

from hent.core.importing import in_batch

# The datasets the figures per occupation are derived from (BMO datasets are "bmo-<year>").
SOURCES = {
    "rome", "geo", "fap2021", "dares-portraits", "dares-salaires", "dares-metiers-2030", "metiers-en-tension",
    "rome-fap2009-mobiville", "labonneboite-rome-naf", "francetravail-tension-bassin",
}  # fmt: skip


def concerned(slug):
    return slug in SOURCES or slug.startswith("bmo-")


def enabled():
    return getattr(settings, "HENT_REBUILD_CATALOGUE_AFTER_IMPORT", True)


def rebuild_after_import(sender, slug, report, **kwargs):
    if concerned(slug) and report.changes and enabled() and not in_batch(slug):
        from hent.labour import figures

        figures.rebuild()


def rebuild_after_batch(sender, slugs, **kwargs):
    if any(concerned(s) for s in slugs) and enabled():
        from hent.labour import figures

        figures.rebuild()
