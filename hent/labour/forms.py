from django import forms
from django.utils.translation import gettext_lazy as _

from hent.labour.services import HIRING_THRESHOLD, MIX_CHOICES


class MarketFilterForm(forms.Form):
    """Filters added to occupation lists and search results: gender mix, hiring in the Region."""

    mixite = forms.ChoiceField(label=_("Mixité"), required=False, choices=MIX_CHOICES)
    recrute = forms.BooleanField(
        label=_("Seulement les métiers qui recrutent dans la région (au moins %(n)s projets par an)")
        % {"n": HIRING_THRESHOLD},
        required=False,
    )

    def values(self):
        if not self.is_valid():
            return "", False
        return self.cleaned_data["mixite"], self.cleaned_data["recrute"]
