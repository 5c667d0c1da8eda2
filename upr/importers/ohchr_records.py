"""Turn the rows of an OHCHR matrix into recommendation records for one state's review.

The matrix does not say whose review it is: the state under review and the
Working Group session come from the person importing it. Natural key: state,
session and paragraph number ("ohchr:SVN:48:140.7"), unique in a review's
report. Themes and affected groups the vocabularies do not have yet are
added (as OHCHR themes); states are never guessed.
"""

from upr.models import Theme

from .ohchr import MatrixFormatError, MatrixRow, RowError, read_matrix, sdg_number
from .records import ImportFileError, RecommendationRecord, Rejection, content_key, unknown_state


class OhchrRecords:
    def __init__(self, vocabularies, *, state, session):
        self.vocabularies = vocabularies
        if not state:
            raise ImportFileError(
                "An OHCHR matrix does not say which state it is about: give the state under review."
            )
        self.state = state.upper() if state.upper() in vocabularies.countries else vocabularies.country(state)
        if self.state is None:
            raise ImportFileError(f"Unknown state under review “{state}”.")
        if not session:
            raise ImportFileError(
                "An OHCHR matrix does not say which session it comes from: give the session."
            )
        self.session = session
        self.cycle = vocabularies.cycle_of_session(session)
        if self.cycle is None:
            raise ImportFileError(f"Unknown session “{session}”.")

    def read(self, binary_file, filename):
        try:
            for item in read_matrix(binary_file, filename, is_state=self._is_state):
                if isinstance(item, RowError):
                    yield Rejection(item.line, item.message)
                else:
                    yield self._record(item)
        except MatrixFormatError as error:
            raise ImportFileError(str(error)) from None

    def _is_state(self, name):
        return self.vocabularies.country(name) is not None

    def _record(self, row: MatrixRow):
        vocabularies = self.vocabularies
        problems = []
        recommending = []
        for name in row.recommending_states:
            code = vocabularies.country(name)
            if code is None:
                problems.append(unknown_state("recommending state", name))
            elif code not in recommending:
                recommending.append(code)
        sdgs = []
        for text in row.sdgs:
            number = sdg_number(text)
            if number not in vocabularies.sdgs:
                problems.append(f"unknown SDG “{text}”")
            elif number not in sdgs:
                sdgs.append(number)
        if problems:
            return Rejection(row.line, "; ".join(problems))
        themes = []
        for name in (*((row.section_theme,) if row.section_theme else ()), *row.themes):
            slug = vocabularies.theme_slug(name, create_as=Theme.Source.OHCHR)
            if slug not in themes:
                themes.append(slug)
        groups = []
        for name in row.affected_groups:
            slug = vocabularies.affected_group_slug(name, create=True)
            if slug not in groups:
                groups.append(slug)
        key = (
            f"ohchr:{self.state}:{self.session}:{row.number}"
            if row.number
            else content_key("ohchr", self.state, self.session, row.text)
        )
        return RecommendationRecord(
            line=row.line,
            natural_key=key,
            text=row.text,
            number=row.number,
            state_under_review=self.state,
            recommending_states=tuple(recommending),
            session=self.session,
            cycle=self.cycle,
            response=row.position,
            response_as_published=row.position_as_published,
            themes=tuple(themes),
            sdgs=tuple(sdgs),
            affected_groups=tuple(groups),
            source_symbol=row.source_of_position.split(" - ")[0].strip(),
        )
