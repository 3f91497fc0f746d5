from hent.core.management.base import ImportCommand
from hent.trainings.importers.annuaire import AnnuaireImporter


class Command(ImportCommand):
    help = (
        "Import the Éducation nationale's Annuaire de l'éducation (folder or zip holding "
        "fr-en-annuaire-education*.csv, ';'-separated, with its PROVENANCE.md if it is a copy)."
    )
    importer_class = AnnuaireImporter
