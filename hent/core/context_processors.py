from django.conf import settings

from hent.core.datasets import demo_data


def site(request):
    return {
        "site_name": settings.HENT_SITE_NAME,
        "region_name": settings.HENT_REGION_NAME,
        "demo_data": demo_data(),
    }
