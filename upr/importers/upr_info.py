"""Reader of the UPR Info database export (To, To-Rgrp, To-Org, Text, From, … Issue, Session).

See ../shared/data/README.md for the export's quirks. Rows are read one at a
time; each becomes a RecommendationRecord or a Rejection with its line
number. Natural key: state under review, session, recommending state and
text (normalised); identical rows in one file are told apart by their
order, so that importing the same file again changes nothing.
"""

import html
from collections import Counter

from .records import CsvFile, ImportFileError, RecommendationRecord, Rejection, content_key, unknown_state

REQUIRED_COLUMNS = ("To", "Text", "From", "Response", "Action", "Issue", "Session")
# UPR Info files a recommendation the State considers already implemented as Accepted (its
# methodology note "Responses to recommendations"): its export has no fourth response to map.
RESPONSES = {"accepted": "supported", "supported": "supported", "noted": "noted", "rejected": "noted"}
UNKNOWN_STATE = "(unknown)"


class UprInfoReader:
    source = "upr_info"

    def __init__(self, vocabularies):
        """``vocabularies`` resolves names: .country(name), .theme_slug(name), .cycle_of_session(number)."""
        self.vocabularies = vocabularies

    def read(self, binary_file):
        csv_file = CsvFile(binary_file)
        header = csv_file.header
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise ImportFileError(
                "This is not a UPR Info export: the column(s) "
                + ", ".join(missing)
                + " are missing (found: "
                + ", ".join(header)
                + ")."
            )
        positions = {column: header.index(column) for column in header}
        seen = Counter()
        for line, values, problem in csv_file.rows():
            if problem:
                yield Rejection(line, problem)
                continue
            row = {column: values[index] for column, index in positions.items()}
            yield self._record(line, row, seen)

    def _record(self, line, row, seen):
        text = " ".join(row["Text"].split())
        if not text:
            return Rejection(line, "the recommendation text is empty")
        problems = []
        warnings = []
        to_name = html.unescape(row["To"]).strip()
        state = self.vocabularies.country(to_name)
        if state is None:
            problems.append(unknown_state("state under review", to_name))
        from_name = html.unescape(row["From"]).strip()
        recommending = ()
        if from_name.casefold() == UNKNOWN_STATE:
            warnings.append("the source does not say which state made this recommendation")
        else:
            code = self.vocabularies.country(from_name)
            if code is None:
                problems.append(unknown_state("recommending state", from_name))
            else:
                recommending = (code,)
        response_raw = row["Response"].strip()
        response = RESPONSES.get(response_raw.lower())
        if response is None:
            problems.append(f"unknown response “{response_raw}” (expected Accepted or Noted)")
        action = row["Action"].strip()
        action_category = None
        if action:
            if action in {"1", "2", "3", "4", "5"}:
                action_category = int(action)
            else:
                problems.append(f"action category “{action}” is not a number from 1 to 5")
        session_raw = row["Session"].strip()
        session = int(session_raw) if session_raw.isdigit() else None
        cycle = self.vocabularies.cycle_of_session(session) if session else None
        if cycle is None:
            problems.append(f"unknown session “{session_raw}”")
        themes = []
        for name in filter(None, (part.strip() for part in row["Issue"].split(","))):
            slug = self.vocabularies.theme_slug(name)
            if slug is None:
                problems.append(f"unknown issue “{name}”")
            elif slug not in themes:
                themes.append(slug)
        if problems:
            return Rejection(line, "; ".join(problems))

        key = content_key("uprinfo", state, session, ",".join(recommending), text)
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        return RecommendationRecord(
            line=line,
            natural_key=key,
            text=text,
            state_under_review=state,
            recommending_states=recommending,
            session=session,
            cycle=cycle,
            response=response,
            response_as_published=response_raw,
            action_category=action_category,
            themes=tuple(themes),
            warnings=warnings,
        )
