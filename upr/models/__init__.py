from .choices import ActionCategory, ImplementationStatus, Response
from .implementation import Assessment, Cluster, ImplementationPlan
from .imports import RecommendationImport
from .recommendations import Recommendation
from .vocabularies import (
    AffectedGroup,
    Country,
    CountryAlias,
    Cycle,
    Organisation,
    RegionalGroup,
    SDGGoal,
    SDGTarget,
    Session,
    Theme,
)

__all__ = [
    "ActionCategory",
    "ImplementationStatus",
    "AffectedGroup",
    "Assessment",
    "Cluster",
    "Country",
    "CountryAlias",
    "Cycle",
    "ImplementationPlan",
    "Organisation",
    "Recommendation",
    "RecommendationImport",
    "RegionalGroup",
    "Response",
    "SDGGoal",
    "SDGTarget",
    "Session",
    "Theme",
]
