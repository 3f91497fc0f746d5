from django import forms
from django.utils.translation import gettext_lazy as _

from hent.explore.services import Filters
from hent.labour.forms import MarketFilterForm

LEVEL_CHOICES = [
    ("", _("Peu importe")),
    (3, _("Jusqu'au CAP (niveau 3)")),
    (4, _("Jusqu'au bac (niveau 4)")),
    (5, _("Jusqu'à bac + 2 (niveau 5)")),
    (6, _("Jusqu'à bac + 3 (niveau 6)")),
    (7, _("Jusqu'à bac + 5 (niveau 7)")),
]


class DiscoveryFilterForm(MarketFilterForm):
    """Filters of both discovery pages: gender mix and hiring in the Region (hent.labour), and the level of the
    shortest training that leads to the occupation."""

    niveau = forms.TypedChoiceField(
        label=_("Études pour commencer"),
        help_text=_("D'après la formation la plus courte reliée au métier dans nos sources."),
        required=False,
        coerce=int,
        empty_value=None,
        choices=LEVEL_CHOICES,
    )

    def filters(self):
        """The filters to apply: each field's value when it is valid, no filter for a field that is not."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = self.cleaned_data
        return Filters(mix=data.get("mixite", ""), hiring=data.get("recrute", False), level=data.get("niveau"))


class InterestsForm(DiscoveryFilterForm):
    envie = forms.TypedMultipleChoiceField(
        label=_("J'ai envie de…"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Une des envies demandées n'existe pas. Cochez de nouveau celles qui vous plaisent.")
        },
    )
    toutes = forms.BooleanField(
        label=_("Seulement les métiers qui correspondent à toutes mes envies"),
        required=False,
    )

    field_order = ["envie", "toutes", "niveau", "mixite", "recrute"]

    def __init__(self, *args, centres=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["envie"].choices = [(c.code, c.label) for c in centres]

    def chosen(self):
        """The chosen centres' codes ([] when none, or when the choice is not valid)."""
        if not self.is_bound:
            return []
        self.is_valid()
        return list(dict.fromkeys(self.cleaned_data.get("envie", [])))
