from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hent.search"
    verbose_name = "Recherche"

    def ready(self):
        from hent.core.importing import dataset_imported
        from hent.search import signals

        dataset_imported.connect(signals.rebuild_after_import, dispatch_uid="search-rebuild")
