from .programmes import ProgrammeIndexPage, ProgrammePage, ProgrammePartner, ProgrammeRelatedPage
from .snippets import ProgrammeKind
from .videos import TrainingVideoIndexPage, TrainingVideoPage, TrainingVideoSubtitle

__all__ = [
    "ProgrammeIndexPage",
    "ProgrammeKind",
    "ProgrammePage",
    "ProgrammePartner",
    "ProgrammeRelatedPage",
    "TrainingVideoIndexPage",
    "TrainingVideoPage",
    "TrainingVideoSubtitle",
]
