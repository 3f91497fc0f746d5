from django.conf import settings

from hent.core.models import Dataset


def site(request):
    return {
        "site_name": settings.HENT_SITE_NAME,
        "region_name": settings.HENT_REGION_NAME,
        "demo_data": Dataset.objects.filter(is_demo=True).exists(),
    }
