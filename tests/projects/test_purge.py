import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hent.projects import services
from hent.projects.models import Project, ProjectItem, ProjectNote, ProjectStep

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    call_command("purge_projects", *args, stdout=out)
    return out.getvalue()


def project_last_used(days_ago, world=None):
    project = services.create_project()
    if world:
        services.add_item(project, "occupation", "D1102")
        services.add_note(project, "une note")
    Project.objects.filter(pk=project.pk).update(last_used_at=timezone.now() - datetime.timedelta(days=days_ago))
    return project


def test_purge_deletes_projects_unused_for_a_year_and_is_idempotent(world):
    old = project_last_used(366, world)
    recent = project_last_used(364, world)
    assert purge("--dry-run") == (
        "purge_projects: would delete 1 project(s) unused for 365 days (1 item(s), 1 note(s), 5 step(s))\n"
    )
    assert Project.objects.count() == 2
    assert purge() == "purge_projects: deleted 1 project(s) unused for 365 days (1 item(s), 1 note(s), 5 step(s))\n"
    assert list(Project.objects.all()) == [recent]
    assert not ProjectItem.objects.filter(project_id=old.pk).exists()
    assert not ProjectNote.objects.filter(project_id=old.pk).exists()
    assert not ProjectStep.objects.filter(project_id=old.pk).exists()
    assert purge() == "purge_projects: deleted 0 project(s) unused for 365 days (0 item(s), 0 note(s), 0 step(s))\n"


def test_the_retention_period_is_a_setting(db, settings):
    settings.HENT_PROJECT_RETENTION_DAYS = 30
    project_last_used(31)
    kept = project_last_used(29)
    assert "deleted 1 project(s) unused for 30 days" in purge()
    assert list(Project.objects.all()) == [kept]


def test_opening_a_project_postpones_its_deletion(client, world):
    client.post("/projet/ajouter/", {"kind": "occupation", "ref": "D1102"})
    Project.objects.update(last_used_at=timezone.now() - datetime.timedelta(days=400))
    client.get("/projet/")  # the owner comes back
    assert "deleted 0 project(s)" in purge()
