from oscar.apps.shipping.models import *  # noqa: F401,F403  (Oscar's own models; migrations stay Oscar's)
