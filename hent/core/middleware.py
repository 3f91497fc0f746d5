from django.conf import settings


class SecurityHeadersMiddleware:
    """Headers Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()"
        )
        return response
