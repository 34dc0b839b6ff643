"""ePrivacy (Directive 2002/58/EC Art. 5(3)): cookies and similar technologies.

Cookies set without consent are flagged by the consistency rule NG212.
"""

from ..base import Rule
from .cookie_choices_missing import CookieChoicesMissing
from .cookie_duration_missing import CookieDurationMissing
from .cookie_provider_vague import CookieProviderVague
from .cookies_mentioned_not_declared import CookiesMentionedNotDeclared
from .strictly_necessary_misclassified import StrictlyNecessaryMisclassified

RULES: tuple[type[Rule], ...] = (
    CookieDurationMissing,
    CookieProviderVague,
    CookieChoicesMissing,
    StrictlyNecessaryMisclassified,
    CookiesMentionedNotDeclared,
)
