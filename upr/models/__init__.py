from .choices import ActionCategory, ImplementationStatus, Response
from .implementation import Assessment, Cluster, ImplementationPlan
from .imports import RecommendationImport
from .recommendations import Recommendation, original_recommendations
from .repetitions import RepeatedRecommendation
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
    source_rows,
)

__all__ = [
    "original_recommendations",
    "source_rows",
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
    "RepeatedRecommendation",
    "RegionalGroup",
    "Response",
    "SDGGoal",
    "SDGTarget",
    "Session",
    "Theme",
]
