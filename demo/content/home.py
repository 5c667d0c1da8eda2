"""The home page of the demo site, in English with its French and Kinyarwanda translations."""

INTRO = (
    "We help civil society, journalists and human rights defenders use the Universal Periodic Review "
    "to hold their government to its commitments."
)
UPR_HEADING = "The Universal Periodic Review"
UPR_TEXT = (
    "Every four and a half years, each member state of the United Nations has its human rights record "
    "reviewed by its peers. States receive recommendations, say which ones they support, and are expected "
    "to act on them before the next review."
)
WORK_HEADING = "What we do"
WORK_TEXT = (
    "We track the recommendations made to each state, assess their implementation with civil society, "
    "train journalists and advocates, and offer legal assistance to media practitioners who face threats "
    "or lawsuits."
)

HOME = {
    "title": "Home",
    "seo_title": "Human rights and the Universal Periodic Review",
    "intro": INTRO,
    "body": [
        {"type": "heading", "value": {"text": UPR_HEADING, "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{UPR_TEXT}</p>"},
        {"type": "heading", "value": {"text": WORK_HEADING, "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{WORK_TEXT}</p>"},
    ],
}

TRANSLATIONS = {
    "fr": {
        "Home": "Accueil",
        "Human rights and the Universal Periodic Review": "Les droits humains et l’Examen périodique universel",
        INTRO: (
            "Nous aidons la société civile, les journalistes et les défenseurs des droits humains à utiliser "
            "l’Examen périodique universel pour que leur gouvernement tienne ses engagements."
        ),
        UPR_HEADING: "L’Examen périodique universel",
        UPR_TEXT: (
            "Tous les quatre ans et demi, chaque État membre des Nations unies voit sa situation des droits "
            "humains examinée par ses pairs. Les États reçoivent des recommandations, indiquent celles qu’ils "
            "soutiennent et doivent les mettre en œuvre avant l’examen suivant."
        ),
        WORK_HEADING: "Ce que nous faisons",
        WORK_TEXT: (
            "Nous suivons les recommandations adressées à chaque État, évaluons leur mise en œuvre avec la "
            "société civile, formons journalistes et militants, et offrons une assistance juridique aux "
            "professionnels des médias menacés ou poursuivis."
        ),
    },
    "rw": {
        "Home": "Ahabanza",
        "Human rights and the Universal Periodic Review": "Uburenganzira bwa muntu n’Isuzuma Ngarukagihe Rusange",
        INTRO: (
            "Dufasha imiryango itari iya Leta, abanyamakuru n’abaharanira uburenganzira bwa muntu gukoresha "
            "Isuzuma Ngarukagihe Rusange (UPR) kugira ngo Leta yubahirize ibyo yiyemeje."
        ),
        UPR_HEADING: "Isuzuma Ngarukagihe Rusange",
        UPR_TEXT: (
            "Buri myaka ine n’igice, buri gihugu kigize Umuryango w’Abibumbye gisuzumwa n’ibindi bihugu ku "
            "bijyanye n’uburenganzira bwa muntu. Ibihugu bihabwa ibyifuzo, bikavuga ibyo byemeye, kandi "
            "bigomba kubishyira mu bikorwa mbere y’isuzuma rikurikira."
        ),
        WORK_HEADING: "Ibyo dukora",
        WORK_TEXT: (
            "Dukurikirana ibyifuzo byahawe buri gihugu, tugasuzuma uko bishyirwa mu bikorwa dufatanyije "
            "n’imiryango itari iya Leta, duhugura abanyamakuru n’abaharanira uburenganzira, kandi dutanga "
            "ubufasha mu by’amategeko ku banyamakuru bahura n’iterabwoba cyangwa bakurikiranwa mu nkiko."
        ),
    },
}
