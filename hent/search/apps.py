from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hent.search"
    verbose_name = "Recherche"

    def ready(self):
        from hent.core.importing import dataset_imported, datasets_batch_imported
        from hent.search import signals

        dataset_imported.connect(signals.rebuild_after_import, dispatch_uid="search-rebuild")
        datasets_batch_imported.connect(signals.rebuild_after_batch, dispatch_uid="search-rebuild-batch")
