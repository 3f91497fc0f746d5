from django.core.management.base import BaseCommand

from hent.search import index


class Command(BaseCommand):
    help = "Rebuild the occupation search index from the catalogue (done automatically after each ROME import)."

    def handle(self, **options):
        self.stdout.write(f"search index: {index.rebuild()} entries")
