from django.apps import AppConfig


class LabourConfig(AppConfig):
    name = "hent.labour"
    verbose_name = "Emploi et territoires"

    def ready(self):
        from hent.core.importing import dataset_imported, datasets_batch_imported
        from hent.labour import signals

        dataset_imported.connect(signals.rebuild_after_import, dispatch_uid="labour-rebuild")
        datasets_batch_imported.connect(signals.rebuild_after_batch, dispatch_uid="labour-rebuild-batch")
