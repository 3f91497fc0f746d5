"""Hent settings: one module, driven by environment variables.

Defaults are safe for production (DEBUG off, secure cookies, HSTS, strict CSP).
`make run` relaxes only what plain-HTTP local serving needs (HENT_SECURE=0).
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HENT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def _secret_key():
    """The key comes from the environment; on a developer machine it is generated once under var/."""
    key = os.environ.get("HENT_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("HENT_DEBUG", False)
ALLOWED_HOSTS = env_list("HENT_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "hent.core",
    "hent.occupations",
    "hent.search",
    "hent.territories",
    "hent.trainings",
    "hent.labour",
    "hent.careers",
    "hent.explore",
    "hent.projects",
    "hent.guidance",
    "hent.staff",
    "hent.contact",
    "hent.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hent.core.middleware.AccessLogMiddleware",
    "hent.core.middleware.SecurityHeadersMiddleware",
    "hent.core.datasets.DatasetsPerRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hent.core.context_processors.site",
            ],
        },
    },
]

ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'hent.sqlite3'}",
        conn_max_age=int(os.environ.get("HENT_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security: production defaults. HENT_SECURE=0 only for plain-HTTP local serving.
SECURE = env_bool("HENT_SECURE", True)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and env_bool("HENT_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
BEHIND_PROXY = env_bool("HENT_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many reverse proxies of our own stand before the app (one behind HENT_BEHIND_PROXY): the visitor's address
# for rate limits is the one the outermost of them saw (hent.core.http.client_address).
HENT_TRUSTED_PROXIES = int(os.environ.get("HENT_TRUSTED_PROXIES", "1" if BEHIND_PROXY else "0"))
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("HENT_CSRF_TRUSTED_ORIGINS", [])

# Content-Security-Policy: no inline script or style, nothing from third parties.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# Logging: to stderr, without request bodies or query strings of users.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HENT_LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# Hent itself
HENT_REGION_NAME = os.environ.get("HENT_REGION_NAME", "Bretagne")
HENT_REGION_CODE = os.environ.get("HENT_REGION_CODE", "53")  # INSEE region code
HENT_SITE_NAME = os.environ.get("HENT_SITE_NAME", "Hent")
API_PAGE_SIZE = 50
API_MAX_PAGE_SIZE = 200

# --- Contact: live chat with advisers and call-back requests (hent.contact) ---
# Channel layer: in memory (one app server) unless REDIS_URL is set, then Redis, so that several app
# servers share conversations. HENT_CHANNELS_PREFIX separates sites (or test runs) sharing one Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Redis publish/subscribe: a group message is one PUBLISH, not one list push per member.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": os.environ.get("HENT_CHANNELS_PREFIX", "hent")},
        }
    }
    # The cache (rate limits, cached figures) is then shared by the app servers too.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("HENT_CHANNELS_PREFIX", "hent"),
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1000}}}
# Projects ("Mon projet") untouched for this many days are deleted by `manage.py purge_projects`.
HENT_PROJECT_RETENTION_DAYS = int(os.environ.get("HENT_PROJECT_RETENTION_DAYS", "365"))
# Conversations and call-back requests are deleted this many days after their last activity.
HENT_CONVERSATION_RETENTION_DAYS = int(os.environ.get("HENT_CONVERSATION_RETENTION_DAYS", "90"))
# An adviser counts as available this many seconds after their last sign of life (queue page or websocket).
HENT_ADVISER_PRESENCE_SECONDS = int(os.environ.get("HENT_ADVISER_PRESENCE_SECONDS", "120"))
# --- end of contact ---

# --- Staff accounts, security and e-mail (hent.staff) -------------------------------------------------------
# E-mail: SMTP when EMAIL_HOST is set; otherwise messages are written as files under var/mail (never printed
# to the console, where password-reset links and addresses would end up in the logs). HENT_EMAIL_BACKEND
# overrides both.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not env_bool("EMAIL_USE_SSL", False))
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_BACKEND = os.environ.get("HENT_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.filebased.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{HENT_SITE_NAME} <ne-pas-repondre@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
HENT_SITE_URL = os.environ.get("HENT_SITE_URL", "")  # absolute links printed by commands (create_staff)

LOGIN_URL = "/equipe/connexion/"
PASSWORD_RESET_TIMEOUT = int(os.environ.get("HENT_PASSWORD_RESET_SECONDS", str(3 * 24 * 3600)))
# Lockout: after N failed attempts (password or second factor) for one username within the window, that
# username is refused for HENT_STAFF_LOCKOUT_SECONDS; likewise per client (hash of the address), with a higher
# threshold since a school or an office shares one address.
HENT_STAFF_LOCKOUT_FAILURES = int(os.environ.get("HENT_STAFF_LOCKOUT_FAILURES", "5"))
HENT_STAFF_LOCKOUT_CLIENT_FAILURES = int(os.environ.get("HENT_STAFF_LOCKOUT_CLIENT_FAILURES", "20"))
HENT_STAFF_LOCKOUT_WINDOW_SECONDS = int(os.environ.get("HENT_STAFF_LOCKOUT_WINDOW_SECONDS", str(15 * 60)))
HENT_STAFF_LOCKOUT_SECONDS = int(os.environ.get("HENT_STAFF_LOCKOUT_SECONDS", str(15 * 60)))
# A staff sign-in lasts at most this long, and ends when the browser closes.
HENT_STAFF_SESSION_SECONDS = int(os.environ.get("HENT_STAFF_SESSION_SECONDS", str(8 * 3600)))
# Time allowed between the password and the second factor.
HENT_STAFF_PENDING_SECONDS = 5 * 60
# --- end of staff section -----------------------------------------------------------------------------------
