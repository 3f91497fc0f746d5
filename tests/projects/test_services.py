import datetime

import pytest

from hent.projects import references, services
from hent.projects.models import Project, ProjectItem

pytestmark = pytest.mark.django_db


def test_a_new_project_has_the_standard_plan_and_nothing_else(db):
    project = services.create_project()
    view = services.project_view(project)
    assert [s.title_text for s in view.steps] == [
        "Me renseigner",
        "Rencontrer un ou une professionnelle",
        "Faire un stage ou une immersion",
        "Choisir une formation",
        "Candidater / postuler",
    ]
    assert not any(s.done or s.date for s in view.steps)
    assert view.n_items == 0 and view.notes == []
    assert [slug for slug, _h, items in view.groups] == ["occupations", "trainings", "places"]


def test_items_are_resolved_in_their_domain_and_grouped(world):
    project = services.create_project()
    for kind, ref in world.items():
        _item, created = services.add_item(project, kind, ref)
        assert created
    _item, created = services.add_item(project, "occupation", "d1102")  # again, in lower case
    assert not created and project.items.count() == 4
    groups = {slug: items for slug, _h, items in services.project_view(project).groups}
    assert [(i.label, i.reference.url) for i in groups["occupations"]] == [
        ("Boulanger / Boulangère", "/metiers/D1102/")
    ]
    assert [i.reference.url for i in groups["trainings"]] == ["/formations/ci-1/"]
    assert [i.reference.url for i in groups["places"]] == ["/territoires/epci/243500139/", "/etablissements/0350001A/"]
    assert groups["trainings"][0].reference.detail == "CAP, BEP (niveau 3)"


@pytest.mark.parametrize(
    "kind, ref",
    [("occupation", "Z9999"), ("occupation", "D1102 "), ("training", "nope"), ("commune", "99999"),
     ("establishment", "0000000X"), ("job", "D1102"), ("", ""), ("training", "../../etc"), ("commune", "35238" * 9)],
)  # fmt: skip
def test_unknown_or_malformed_items_are_refused_with_a_message(world, kind, ref):
    project = services.create_project()
    if kind == "occupation" and ref == "D1102 ":
        services.add_item(project, kind, ref)  # surrounding spaces are not a different code
        return
    with pytest.raises(services.ProjectError, match="pas trouvé"):
        services.add_item(project, kind, ref)
    assert project.items.count() == 0


def test_an_item_whose_record_disappeared_keeps_its_saved_name(world):
    project = services.create_project()
    services.add_item(project, "training", "ci-1")
    from hent.trainings.models import Training

    Training.objects.filter(slug="ci-1").delete()  # the publisher removed it at the next import
    (entry,) = services.project_view(project).groups[1][2]
    assert entry.reference is None and entry.label == "CAP boulanger"


def test_a_project_holds_at_most_max_items(world, monkeypatch):
    monkeypatch.setattr(services, "MAX_ITEMS", 2)
    project = services.create_project()
    services.add_item(project, "occupation", "D1102")
    services.add_item(project, "training", "ci-1")
    with pytest.raises(services.ProjectError, match="retirez-en un"):
        services.add_item(project, "commune", "35238")


def test_removing_only_touches_the_projects_own_items(world):
    mine, other = services.create_project(), services.create_project()
    theirs, _ = services.add_item(other, "occupation", "D1102")
    assert services.remove_item(mine, theirs.pk) is None
    assert other.items.count() == 1
    assert services.remove_item(other, theirs.pk).label == "Boulanger / Boulangère" and other.items.count() == 0


def test_notes_are_plain_bounded_text():
    assert services.clean_note("  Voir le CIO\r\n\r\n\r\n\r\nmardi\u200b  14h\x00 ") == "Voir le CIO\n\nmardi 14h"
    assert len(services.clean_note("a" * 10_000)) == services.NOTE_MAX_LENGTH
    assert services.clean_note("<script>alert(1)</script>") == "<script>alert(1)</script>"  # escaped when shown
    assert services.clean_note("\n\t \u202e\n") == ""


def test_notes_add_update_delete_and_limit(db, monkeypatch):
    project = services.create_project()
    note = services.add_note(project, "Demander un stage")
    assert services.update_note(project, note.pk, "Demander un stage en juin").text == "Demander un stage en juin"
    with pytest.raises(services.ProjectError):
        services.add_note(project, "   ")
    services.update_note(project, note.pk, "")  # emptied: deleted
    assert project.notes.count() == 0
    monkeypatch.setattr(services, "MAX_NOTES", 1)
    services.add_note(project, "un")
    with pytest.raises(services.ProjectError, match="supprimez-en une"):
        services.add_note(project, "deux")


def test_steps_update_only_the_projects_own_steps(db):
    mine, other = services.create_project(), services.create_project()
    my_step, their_step = mine.steps.first(), other.steps.first()
    day = datetime.date(2026, 3, 14)
    assert services.update_steps(mine, {my_step.pk: (True, day), their_step.pk: (True, day)}) == 1
    assert mine.steps.get(pk=my_step.pk).done and mine.steps.get(pk=my_step.pk).date == day
    assert not other.steps.get(pk=their_step.pk).done


def test_personal_steps_can_be_removed_not_the_standard_ones(db):
    project = services.create_project()
    step = services.add_step(project, "  Aller au   salon ", datetime.date(2026, 1, 20))
    assert step.title == "Aller au salon" and step.position == 5
    assert not services.delete_step(project, project.steps.get(key="inform").pk)
    assert services.delete_step(project, step.pk)
    assert project.steps.count() == 5
    with pytest.raises(services.ProjectError):
        services.add_step(project, " ")


def test_opening_a_project_renews_its_retention_but_reading_writes_rarely(db):
    project = services.create_project()
    long_ago = project.last_used_at - datetime.timedelta(days=100)
    Project.objects.filter(pk=project.pk).update(last_used_at=long_ago)
    project.refresh_from_db()
    services.touch(project)
    assert Project.objects.get(pk=project.pk).last_used_at > long_ago
    just_now = Project.objects.get(pk=project.pk).last_used_at
    services.touch(project)  # within the hour: no write
    assert Project.objects.get(pk=project.pk).last_used_at == just_now


def test_retention_text_follows_the_setting(settings):
    assert services.retention_text() == "Sans visite pendant 12 mois, votre projet sera supprimé."
    settings.HENT_PROJECT_RETENTION_DAYS = 730
    assert services.retention_text() == "Sans visite pendant 24 mois, votre projet sera supprimé."
    settings.HENT_PROJECT_RETENTION_DAYS = 7
    assert services.retention_text() == "Sans visite pendant 7 jours, votre projet sera supprimé."


def test_references_normalise_kinds_and_codes():
    assert references.normalise("OCCUPATION", " d1102 ") == ("occupation", "D1102")
    assert references.normalise("training", "onisep-FOR.1000") == ("training", "onisep-FOR.1000")
    assert references.normalise("commune", "2a004") == ("commune", "2A004")
    assert references.normalise("establishment", "0350001a") == ("establishment", "0350001A")
    for kind, ref in [("occupation", "D11020"), ("training", "a b"), ("commune", "3523"), ("x", "D1102")]:
        assert references.normalise(kind, ref) is None
    assert set(references.REF_PATTERNS) == set(ProjectItem.Kind.values)
