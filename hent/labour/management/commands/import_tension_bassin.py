from hent.core.management.base import ImportCommand
from hent.labour.importers.tension_bassin import BasinTensionImporter


class Command(ImportCommand):
    help = (
        "Import France Travail's tension class by ROME v3 and bassin BMO (Mobiville files "
        "tension_rome_bassin_<year>.csv and tension_fap2009_rome_bassin_<year>.csv, ';'). "
        "PATH: the folder holding them, or a zip of it."
    )
    importer_class = BasinTensionImporter
