from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "hent.trainings"
    verbose_name = "Formations"

    def ready(self):
        from hent.core.importing import dataset_imported, datasets_batch_imported
        from hent.trainings import signals

        dataset_imported.connect(signals.rebuild_after_import, dispatch_uid="trainings-rebuild")
        datasets_batch_imported.connect(signals.rebuild_after_batch, dispatch_uid="trainings-rebuild-batch")
