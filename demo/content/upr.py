"""The recommendations part of the demo: Rwanda's first review (2011), from the UPR Info database.

The recommendations themselves are real (demo/content/rwanda-2011-upr-info.csv,
the Rwanda rows of the UPR Info export). Their translations, assessments and
the implementation plan are written for the demo.
"""

import datetime
from pathlib import Path

RECOMMENDATIONS_FILE = Path(__file__).with_name("rwanda-2011-upr-info.csv")
RECOMMENDATION_COUNT = 125

# Review dates of Rwanda's later sessions, for the demo; no shared document states them, and their
# source says so. Session 10's come, with their source, from the UPR calendar (upr/reference/sessions.csv).
DEMO_SOURCE = "Demo content: no shared document states this date; check it before relying on it"
SESSIONS = {
    23: {
        "starts_on": datetime.date(2015, 11, 2),
        "ends_on": datetime.date(2015, 11, 13),
        "stakeholder_deadline": datetime.date(2015, 3, 23),
    },
    37: {
        "starts_on": datetime.date(2021, 1, 18),
        "ends_on": datetime.date(2021, 1, 29),
        "stakeholder_deadline": datetime.date(2020, 7, 9),
        "mid_term_report_due": datetime.date(2023, 10, 1),
    },
}

NOT_HARASSED = "Ensure that journalists are not harassed or intimidated"
PRESS_FREEDOM = (
    "Ensure freedom of the press, and reply to the concerns raised by the experts of the Human Rights "
    "Committee in their 2009 report"
)
EXPRESSION = "Continue efforts to guarantee freedom of expression, while safeguarding against its abuse"
MEDIA_LAW = (
    "Review and possibly amend media legislation, in particular the 2009 Media Law, in order to lift undue "
    "restrictions on journalists"
)

TRANSLATIONS = {
    NOT_HARASSED: {
        "fr": "Veiller à ce que les journalistes ne soient ni harcelés ni intimidés",
        "rw": "Kwemeza ko abanyamakuru badahohoterwa kandi badaterwa ubwoba",
    },
    PRESS_FREEDOM: {
        "fr": (
            "Garantir la liberté de la presse et répondre aux préoccupations exprimées par les experts du "
            "Comité des droits de l’homme dans leur rapport de 2009"
        ),
        "rw": (
            "Kwemeza ubwisanzure bw’itangazamakuru no gusubiza impungenge zagaragajwe n’impuguke za Komite "
            "y’Uburenganzira bwa Muntu muri raporo yabo yo mu 2009"
        ),
    },
    EXPRESSION: {
        "fr": "Poursuivre les efforts visant à garantir la liberté d’expression, tout en prévenant les abus",
        "rw": "Gukomeza imbaraga zo kwemeza ubwisanzure bwo kuvuga icyo umuntu atekereza, hirindwa ko bukoreshwa nabi",
    },
}

COALITION = "Coalition of Rwandan civil society organisations for the UPR"

ASSESSMENTS = [
    (
        MEDIA_LAW,
        "not_implemented",
        datetime.date(2013, 3, 1),
        "Mid-term review: the 2009 Media Law was still in force.",
    ),
    (
        MEDIA_LAW,
        "partially_implemented",
        datetime.date(2015, 3, 1),
        "The 2013 Media Law lifted some restrictions.",
    ),
    (
        NOT_HARASSED,
        "partially_implemented",
        datetime.date(2015, 3, 1),
        "Fewer cases reported; investigations rare.",
    ),
    (EXPRESSION, "no_data", datetime.date(2015, 3, 1), ""),
]

PLAN = {
    "recommendation": NOT_HARASSED,
    "cluster": "Freedom of expression and the media",
    "goal": "Journalists report without being harassed, threatened or arrested for their work.",
    "expected_government_action": (
        "Investigate every reported case of harassment of a journalist and prosecute those responsible; "
        "train police and prosecutors on the Media Law."
    ),
    "indicators": (
        "Number of cases of harassment reported, investigated and prosecuted each year; "
        "number of police officers and prosecutors trained."
    ),
    "responsible_body": "Ministry of Justice; Rwanda Investigation Bureau; Rwanda Media Commission",
    "action_strategy": [
        {
            "type": "action",
            "value": {
                "activity": "Document cases of harassment of journalists and publish a yearly report",
                "resources": "One documentation officer; a secure case database",
                "partners": "Media associations; the legal aid clinic",
                "timeframe": "Every year, report in May",
                "risks": "Journalists afraid to report cases",
                "mitigation": "Confidential reporting through the legal assistance form",
            },
        },
        {
            "type": "action",
            "value": {
                "activity": "Train prosecutors and police officers on the Media Law and international standards",
                "resources": "Trainers, venue, training manual",
                "partners": "Ministry of Justice; Rwanda Bar Association",
                "timeframe": "Two sessions a year",
                "risks": "Low attendance",
                "mitigation": "Agree dates with the institutions in advance",
            },
        },
    ],
}
