"""JSON endpoints of this domain, mounted under /api/v1/ (see hent/api/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns = []

# OpenAPI "paths" entries for these endpoints, merged into /api/v1/openapi.json by hent/api/openapi.py.
OPENAPI_PATHS = {}
