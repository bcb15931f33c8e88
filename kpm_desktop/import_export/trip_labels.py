"""Texts printed in a trip pack and written into calendar events, in German and English.

Like ``export_labels`` (sheets are written in a language chosen per export), these do not go
through Qt's translator.
"""

from __future__ import annotations

from kpm_desktop.domain.trips import NEED, RENEWAL, STALE, WHITE_SPOT, Question
from kpm_desktop.import_export.export_labels import check_language, format_amount, mark_name

_LABELS: dict[str, dict[str, str]] = {
    "de": {
        "trip": "Besuchstour",
        "default_name": "Tour {day}",  # as the planner names a new trip (its "Trip %1")
        "day_list": "Tagesplan",
        "visit": "Besuch",
        "cancelled": "Besuch abgesagt",
        "phone": "Tel.",
        "time": "Zeit",
        "customer": "Kunde",
        "address": "Adresse",
        "ask": "Fragen",
        "no_questions": "keine offenen Fragen",
        "more_questions": "… und {n} weitere",
        "answer_sheet": "Antwortbogen",
        "answer_hint": "Je Frage ankreuzen: X = kauft bei uns, W = Wettbewerb, B = Bedarf, "
        "K = kein Bedarf; ✓ = unverändert richtig",
        "answer_other": "Weitere Antworten, Notizen, nächste Schritte",
        "visits": "Besuche",
        "travel": "Fahrzeit zwischen Besuchen: {n} min",
        "missing": "{n} Kunde(n) der Tour gibt es nicht mehr",
        "date": "Datum",
        "signature": "Unterschrift",
        "q_renewal": "Vertrag {product} läuft aus am {day}{who}",
        "q_need": "Bedarf {product}{potential}: Ziel vereinbaren",
        "q_white_spot": "{product} ({group}): Bedarf? Wer liefert?",
        "q_white_spot_nogroup": "{product}: Bedarf? Wer liefert?",
        "q_stale": "{product}: noch {mark}? (bestätigt {day})",
        "potential": " (Potenzial {amount} €)",
        "never": "nie",
    },
    "en": {
        "trip": "Visit trip",
        "default_name": "Trip {day}",
        "day_list": "Day plan",
        "visit": "Visit",
        "cancelled": "Visit cancelled",
        "phone": "Phone",
        "time": "Time",
        "customer": "Customer",
        "address": "Address",
        "ask": "Questions",
        "no_questions": "no open questions",
        "more_questions": "… and {n} more",
        "answer_sheet": "Answer sheet",
        "answer_hint": "Tick per question: X = buys from us, W = competitor, B = need, "
        "K = no need; ✓ = still true",
        "answer_other": "Further answers, notes, next steps",
        "visits": "visits",
        "travel": "Travel between visits: {n} min",
        "missing": "{n} customer(s) of the trip no longer exist",
        "date": "Date",
        "signature": "Signature",
        "q_renewal": "Contract {product} ends on {day}{who}",
        "q_need": "Need {product}{potential}: agree a goal",
        "q_white_spot": "{product} ({group}): need? who supplies?",
        "q_white_spot_nogroup": "{product}: need? who supplies?",
        "q_stale": "{product}: still {mark}? (confirmed {day})",
        "potential": " (potential {amount} €)",
        "never": "never",
    },
}


def trip_label(key: str, lang: str = "de", **values: object) -> str:
    text = _LABELS[check_language(lang)][key]
    return text.format(**values) if values else text


def question_text(q: Question, lang: str = "de", *, customer_safe: bool = False) -> str:
    """One question as a line; customer-safe text names no competitor and no amount."""
    if q.kind == RENEWAL:
        who = "" if customer_safe or not q.competitor else f" ({q.competitor})"
        day = q.day.isoformat() if q.day else ""
        return trip_label("q_renewal", lang, product=q.product.name, day=day, who=who)
    if q.kind == NEED:
        potential = ""
        if q.potential is not None and not customer_safe:
            potential = trip_label("potential", lang, amount=format_amount(q.potential, lang))
        return trip_label("q_need", lang, product=q.product.name, potential=potential)
    if q.kind == WHITE_SPOT:
        if q.group:
            return trip_label("q_white_spot", lang, product=q.product.name, group=q.group)
        return trip_label("q_white_spot_nogroup", lang, product=q.product.name)
    if q.kind == STALE:
        assert q.mark is not None
        day = q.day.isoformat() if q.day else trip_label("never", lang)
        return trip_label(
            "q_stale", lang, product=q.product.name, mark=mark_name(q.mark, lang), day=day
        )
    raise ValueError(f"unknown question kind {q.kind!r}")
