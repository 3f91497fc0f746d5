from hent.core.management.base import ImportCommand
from hent.trainings.importers.onisep_metiers import OnisepMetiersImporter


class Command(ImportCommand):
    help = (
        "Import ONISEP's Idéo-Fiches métiers (XML), or the Idéo-Métiers Onisep list (XML or JSON; the most recent "
        "version when there are several): the file, the folder holding it, or the official zip."
    )
    importer_class = OnisepMetiersImporter
