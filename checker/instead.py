"""Words by which a text says that someone else went in a person's place or on their behalf
("Sent RMO instead", "Représentée par l'adjoint", "En su lugar la Oficial de Programa",
"Em nome da CM", "rep. by T. Mokoena", "p/o", "Delegated to the RMO").

One list for every reader: a tracker cell after a word of absence ("Absent (CoM) – en su
lugar …"), a presence cell's reason ("No – delegated to the RMO"), a remark beside the
attendance cell ("Yes" and "Sent RMO instead"), a name cell ("(represented by K. Roe)"). Each
reader may know more words of its own (words of absence, a deputy's title), but none knows
fewer of these."""

from __future__ import annotations

import re

from checker.text import fold

# Folded, whole words at both ends. Abbreviations that a folded name could hold ("P. O'Brien"
# folds to "p o brien") are read from the cell as written (_SIGNED_FOR).
_SOMEONE_ELSE = re.compile(
    r"\b(?:instead|in (?:his|her|their) place|a (?:la|sa) place|en (?:su )?lugar|"
    r"em (?:seu|su[ao]) lugar|no lugar d[aoe]s?|on behalf|de la part|en nombre|em nome|"
    r"pour le compte|por cuenta|au nom d|por conta d|in place of|"
    r"represented by|representee? par|representad[oa] (?:por|pel[oa])|en representacion|"
    r"em representacao|repr? (?:by|par|por|pel[oa])|per pro|"
    r"replaced by|remplacee? par|sustituid[oa] por|reemplazad[oa] por|"
    r"substituid[oa] (?:por|pel[oa])|"
    r"delegated to|delegue a|delegad[oa] (?:a|en|em)|delego (?:a|en)|stood in|standing in|"
    r"covered by|"
    # Someone sent, but not apologies sent: "Sent RMO", "Envió a la adjunta", "A envoyé le DCoM".
    r"sent (?!(?:his |her |their )?(?:apolog|regret|excuse))|"
    r"envi(?:o|a|aron|ou|ado|ada) (?!(?:sus |las |as )?(?:excusas|disculpas|justific))|"
    r"envoye?e? (?!(?:ses |des )?excuses)|"
    r"mand(?:o|ou|aron|aram) (?!(?:sus |as )?(?:excusas|justific)))"
)
# "p/o T. Mokoena", "p.p. J. Doe", "o.b.o. the CoM", "obo": as written, not folded.
_SIGNED_FOR = re.compile(r"(?<![\w.'’])(?:p/o|p\.\s?o\.|p\.\s?p\.|pp|o\.b\.o\.?|obo)(?![\w/'’])",
                         re.IGNORECASE)  # fmt: skip


def someone_else_went(text: object) -> bool:
    """Whether a text says that someone else went in a person's place or on their behalf."""
    if type(text) is not str:
        return False
    return bool(_SOMEONE_ELSE.search(f" {fold(text)} ")) or signed_for(text)


def signed_for(text: object) -> bool:
    """Whether a text holds, as written, an abbreviation of signing for someone ("p/o")."""
    return type(text) is str and bool(_SIGNED_FOR.search(text))
