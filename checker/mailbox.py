"""An IOM address whose local part names a post below the title beside it: "Chef de mission"
with assistant.cdm.sofia@iom.int, "RMO" with rmoassistant.bratislava@iom.int. The mailbox is
the assistant's (or the intern's, the driver's): whether the titled person or the one whose
mailbox it is signed cannot be told, so the row is in doubt (judge: reason_email_post),
never the title's role.

Only explicit post words count: a personal address (jdoe@iom.int, j.doe@) says nothing,
and a word that is also the person's surname ("J. Driver", jdriver@) is their name.

numpy only (see checker.layout: runs in the batch's reader processes).
"""

from __future__ import annotations

import re

from checker.lazyre import lazy
from checker.text import fold

# A row whose IOM address names a post below its title takes this, then the title and the
# address joined by "\x00", as its presence (judge: reason_email_post).
EMAIL_POST = "(e-mail post) "

# Words of a post below any the tables require, in EN/FR/ES/PT, as a local part writes them
# (folded, no accents). Each alone in the local part names the mailbox's post.
_BELOW = frozenset({
    "assistant", "assistante", "asistente", "assistente", "asst", "assist",
    "intern", "interne", "stagiaire", "pasante", "becario", "becaria", "estagiario",
    "estagiaria", "trainee", "driver", "chauffeur", "conductor", "chofer", "motorista",
    "secretary", "secretaire", "secretaria", "secretario", "secretariat",
})  # fmt: skip
# Short forms that name a post only beside the post they serve ("pa.com", "ass.cdm",
# "pacdm"): alone, "pa" or "ass" may be initials or part of a name.
_BELOW_SERVING = frozenset({"pa", "ass", "aa", "sa", "ea"})
# The posts an assistant serves, as local parts write them: the Chief of Mission (EN/FR/ES/
# PT), the deputy, the RMO, the programme coordinator.
_SERVED = frozenset({"com", "cdm", "jdm", "cm", "dcom", "rmo", "pc", "chief", "chef", "jefe",
                     "jefa", "chefe", "mission", "mision", "missao", "hom", "hos"})  # fmt: skip
_SPLIT = re.compile(r"[\W\d_]+")
# A token glued of a served post and a post below it, either way round: "rmoassistant",
# "assistantcom", "pacom", "cdmpa".
_GLUED = lazy(
    r"^(?:(?P<s1>" + "|".join(sorted(_SERVED, key=len, reverse=True)) + r"))?"
    r"(?P<below>" + "|".join(sorted(_BELOW | _BELOW_SERVING, key=len, reverse=True)) + r")"
    r"(?:to)?(?P<s2>" + "|".join(sorted(_SERVED, key=len, reverse=True)) + r")?$"
)
# The same words in a title (folded, whole words): a title that itself names such a post
# ("Assistant to the CoM", "Stagiaire") agrees with the mailbox.
_TITLE_BELOW = _BELOW | {"pa", "asistentes", "assistants", "interns", "associate", "associe",
                         "asociado", "asociada", "associado", "associada"}  # fmt: skip


def post_below(address: str, title: object, name: object = None) -> str | None:
    """The word of a post below the title that an IOM address's local part names, or None:
    "assistant" for assistant.cdm.sofia@iom.int beside "Chef de mission"; None for
    jdoe@iom.int, for a title naming such a post itself ("Assistante du chef de mission"),
    and for a word the person's name holds (J. Driver, jdriver@)."""
    # Split before folding: fold() drops the dots that part "assistant.cdm".
    tokens = [t for part in _SPLIT.split(address.partition("@")[0]) if (t := fold(part))]
    titled = set(fold(title).split()) if type(title) is str else set()
    named = set(fold(name).split()) if type(name) is str else set()
    served = any(t in _SERVED for t in tokens)
    for token in tokens:
        found = _GLUED.match(token)
        if found is None:
            continue
        below = found.group("below")
        glued = found.group("s1") or found.group("s2")
        if below in _BELOW_SERVING and not (glued or served):
            continue
        if token in named or below in named or titled & _TITLE_BELOW:
            continue
        return below
    return None
