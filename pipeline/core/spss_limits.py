"""What SPSS accepts: name rules and the byte limits of labels (UTF-8), shared by the
questionnaire lint and the export."""

from __future__ import annotations

# Limits in bytes of UTF-8 that the whole writing chain keeps: readstat (pyreadstat) cuts
# silently beyond 64 bytes of file label and 256 of variable label, and GNU PSPP, which
# re-saves the file to add the multiple-response sets, keeps 60 and 255 (measured with PSPP
# 1.6.2: a 70-byte file label and a 300-byte variable label came back as 60 and 255 bytes;
# value labels kept 120, document lines 80).
SPSS_NAME_BYTES = 64
SPSS_VARIABLE_LABEL_BYTES = 255
SPSS_VALUE_LABEL_BYTES = 120
SPSS_FILE_LABEL_BYTES = 60
SPSS_NOTE_LINE_BYTES = 80
SPSS_RESERVED = frozenset(
    ["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]
)
SPSS_MAX_DISCRETE_MISSING = 3


SPSS_NAME_PUNCTUATION = "_.@#$"


def spss_name_problems(name: str) -> list[str]:
    """Why ``name`` is not a valid SPSS variable name ([] when it is)."""
    reasons = []
    if not name.isascii():
        reasons.append("has letters outside ASCII")
    if len(name.encode("utf-8")) > SPSS_NAME_BYTES:
        reasons.append(f"is {len(name.encode('utf-8'))} bytes long; at most {SPSS_NAME_BYTES}")
    if not name or not (name[0].isascii() and name[0].isalpha()):
        reasons.append("must start with a letter")
    bad = sorted({c for c in name if not (c.isalnum() or c in SPSS_NAME_PUNCTUATION)})
    if bad:
        found = " ".join(repr(c) for c in bad)
        reasons.append(f"may hold only letters, digits and _ . @ # $ (found {found})")
    if name.endswith("."):
        reasons.append("must not end with '.'")
    if name.upper() in SPSS_RESERVED:
        reasons.append("is a reserved word in SPSS")
    return reasons
