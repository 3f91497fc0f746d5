from django import forms
from django.utils.translation import gettext_lazy as _

from hent.territories import services as territories
from hent.trainings.models import Training

RADII = [(10, _("10 km")), (20, _("20 km")), (30, _("30 km")), (50, _("50 km")), (100, _("100 km"))]
MODES = [
    ("", _("Toutes")),
    ("initiale", _("Formation initiale (collège, lycée, études)")),
    ("apprentissage", _("Apprentissage")),
    ("continue", _("Formation continue (adultes)")),
    ("vae", _("VAE")),
]


class TrainingSearchForm(forms.Form):
    q = forms.CharField(label=_("Formation, diplôme ou métier"), required=False, max_length=200)
    metier = forms.RegexField(regex=r"^[A-Za-z]\d{4}$", required=False, widget=forms.HiddenInput)
    niveau = forms.TypedChoiceField(
        label=_("Niveau"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Tous les niveaux")), *Training.Level.choices],
    )  # fmt: skip
    modalite = forms.ChoiceField(label=_("Comment"), required=False, choices=MODES)
    departement = forms.ChoiceField(label=_("Département"), required=False)
    epci = forms.ChoiceField(label=_("Intercommunalité"), required=False)
    rayon = forms.TypedChoiceField(
        label=_("Autour de ma commune"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Toute la région")), *RADII],
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].choices = [("", _("Tous"))] + [
            (d.code, f"{d.name} ({d.code})") for d in territories.departments()
        ]
        self.fields["epci"].choices = [("", _("Toutes"))] + [
            (e.siren, e.name) for e in territories.epcis().order_by("name")
        ]
