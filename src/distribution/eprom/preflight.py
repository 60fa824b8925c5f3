"""Order pre-flight: the problems ePROM would answer an order with BadRequest for.

The checks are ePROM's "Feilsituasjoner" for BestillingAvSkjemaV2 (``docs/sources.md`` §3).
They are pure: a form's settings and the national ID in, a tuple of :class:`Problem` out (empty
when the order is fine). The national ID never appears in a problem, only what is wrong with it.

National IDs are read by :func:`~distribution.patient.national_id.classify_national_id`:
python-stdnum's ``stdnum.no.fodselsnummer`` gives the two check digits and the century, never
its ``validate()``, which compares the birth date with today's date. Synthetic test numbers
(month + 80 or + 65) pass, as ePROM's test environments use them; H- and FH-numbers are told
apart there.

>>> [p.code.value for p in preflight("NoDistribution", must_be_signed=True)]
['signing_without_distribution']
>>> problems = preflight("BasicOrPaper", paper_enabled=False, national_id="15108695088")
>>> [p.code.value for p in problems]
['paper_not_enabled']

When ePROM refuses an order after all, :func:`parse_bad_request` maps its ``BadRequest`` text
back to the same codes.
"""

from __future__ import annotations

import enum
import json
import re
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution._errors import InvalidTypeError, TypeName, check_lang, exactly, wrong_type
from distribution.codes import DistributionRule, NotificationChannel
from distribution.patient._texts import PROBLEMS
from distribution.patient.national_id import classify_national_id
from distribution.routes import ROUTES

if TYPE_CHECKING:
    from distribution._texts import Lang

__all__ = ["Problem", "ProblemCode", "national_id_problem", "parse_bad_request", "preflight"]


class ProblemCode(enum.Enum):
    """What is wrong with an order. Values are stable identifiers."""

    SIGNING_WITHOUT_DISTRIBUTION = "signing_without_distribution"
    SIGNING_ON_BEHALF = "signing_on_behalf"
    PAPER_NOT_ENABLED = "paper_not_enabled"
    NATIONAL_ID_FORMAT = "national_id_format"
    NATIONAL_ID_CHECKSUM = "national_id_checksum"
    NATIONAL_ID_DATE = "national_id_date"
    NATIONAL_ID_H_NUMBER = "national_id_h_number"
    NATIONAL_ID_FH_NUMBER = "national_id_fh_number"
    # Only ePROM can tell these; they come from its BadRequest texts (parse_bad_request).
    FORM_NOT_PUBLISHED = "form_not_published"
    FORM_NOT_FOUND = "form_not_found"
    METADATA_NOT_JSON = "metadata_not_json"
    # A message's: its document collection is empty, so it has no main document.
    MAIN_DOCUMENT_MISSING = "main_document_missing"


@final
@attrs.frozen
class Problem:
    """One reason ePROM would refuse an order or a message.

    :func:`preflight` returns them, and a refused request body lists them in
    :attr:`~distribution.errors.OrderRefusedError.problems`.

    Attributes:
        code: what is wrong (:class:`ProblemCode`).
        rule: the order's rule; ``None`` for a message, which has none.
        field: ePROM's name of the body field the problem concerns (``"nationalId"``,
            ``"onBehalfOfNationalId"``, ``"mustBeSigned"``, ``"distributionRule"``) when it was
            found in a request body; ``None`` from :func:`preflight`, which sees no body.
    """

    code: ProblemCode = attrs.field(validator=exactly(ProblemCode))
    rule: DistributionRule | None = attrs.field(
        default=None, validator=exactly(DistributionRule, optional=True)
    )
    field: str | None = attrs.field(
        default=None, kw_only=True, validator=exactly(str, optional=True)
    )

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the problem in words, in *lang* (``"nb"`` or ``"en"``).

        The field comes first where it is known: ``"nationalId: The national ID must be 11
        digits."``.
        """
        say = PROBLEMS[check_lang(lang)]
        key = self.code.value
        if self.rule is None and f"{key}_no_rule" in say:
            key = f"{key}_no_rule"  # said without a rule, as a BadRequest text names none
        rule = "" if self.rule is None else self.rule.api_name
        text = say[key].format(rule=rule)
        return text if self.field is None else f"{self.field}: {text}"


def _flag(value: object, name: str) -> bool:
    if type(value) is not bool:
        raise InvalidTypeError("not_bool", value=value, field=name, type=TypeName(value))
    return value


def national_id_problem(national_id: str) -> ProblemCode | None:
    """Return what makes *national_id* unusable for ePROM, or ``None`` if it is fine.

    ePROM takes a fødselsnummer or a D-nummer (day + 40), and its test environments take the
    synthetic ones (month + 80 from Skatteetaten's Tenor, month + 65 from Norsk helsenett). An
    H-number (month + 40) or an FH-number (first digit 8 or 9) is named as such. Spaces are
    ignored; nothing else is. :func:`~distribution.patient.national_id.national_id_kind` says
    which kind a valid number is.

    >>> national_id_problem("26670271527") is None  # a synthetic test person (month + 65)
    True
    """
    if not isinstance(national_id, str):
        raise wrong_type(
            national_id, field="national_id", expected="a string of 11 digits", secret=True
        )
    result = classify_national_id(national_id)
    return ProblemCode(result) if isinstance(result, str) else None


def preflight(
    rule: DistributionRule | int | str,
    *,
    must_be_signed: bool = False,
    on_behalf_of: bool = False,
    paper_enabled: bool = True,
    national_id: str | None = None,
) -> tuple[Problem, ...]:
    """Return the problems ePROM would refuse this order for (empty: the order is fine).

    - a form that must be signed cannot use NoDistribution (signing needs a level-4 login);
    - a form that must be signed cannot be ordered on behalf of someone else;
    - a rule that may send paper needs a paper-enabled form;
    - the national ID must be a valid fødselsnummer or D-nummer (synthetic ones included).
    """
    parsed = DistributionRule.parse(rule)
    signed = _flag(must_be_signed, "must_be_signed")
    behalf = _flag(on_behalf_of, "on_behalf_of")
    paper = _flag(paper_enabled, "paper_enabled")
    codes = []
    if signed and not ROUTES[parsed]:
        codes.append(ProblemCode.SIGNING_WITHOUT_DISTRIBUTION)
    if signed and behalf:
        codes.append(ProblemCode.SIGNING_ON_BEHALF)
    if not paper and NotificationChannel.PHYSICAL_MAILBOX in ROUTES[parsed]:
        codes.append(ProblemCode.PAPER_NOT_ENABLED)
    if national_id is not None:
        id_problem = national_id_problem(national_id)
        if id_problem is not None:
            codes.append(id_problem)
    return tuple(Problem(code, parsed) for code in codes)


_BAD_REQUESTS: Final[tuple[tuple[re.Pattern[str], ProblemCode, str], ...]] = tuple(
    (re.compile(pattern, re.DOTALL), code, field)
    for pattern, code, field in (
        # BestillingAvSkjemaV2.md, "Feilsituasjoner", word for word: ePROM's BadRequest text
        # (the C# interpolations as wildcards), the problem, and the body field it concerns.
        (r"The ordered form is not Published", ProblemCode.FORM_NOT_PUBLISHED, "formId"),
        (r"No form with id='[^']*' exists", ProblemCode.FORM_NOT_FOUND, "formId"),
        (
            (
                r"The ordered form needs to be signed\. This is not possible when using "
                r"DistributionRule = 'NoDistribution'\."
            ),
            ProblemCode.SIGNING_WITHOUT_DISTRIBUTION,
            "mustBeSigned",
        ),
        (
            (
                r"The ordered form needs to be signed\. This is not possible when the form is "
                r"ordered on behalf of someone\."
            ),
            ProblemCode.SIGNING_ON_BEHALF,
            "onBehalfOfNationalId",
        ),
        (
            r"Form with id='[^']*' is not paper enabled",
            ProblemCode.PAPER_NOT_ENABLED,
            "distributionRule",
        ),
        (r"JSON in metadata is not valid: .*", ProblemCode.METADATA_NOT_JSON, "metadata"),
        # SendeMeldingTilInnbyggerV2.md, "Feilsituasjoner": a message without documents.
        (
            r"Main document in MessageToCitizen is missing",
            ProblemCode.MAIN_DOCUMENT_MISSING,
            "documentCollection",
        ),
        (
            (
                r"nationalId: FH-nummer is not supported as national ID\. The national ID must be "
                r"either Norsk fødselsnummer or D-nummer\."
            ),
            ProblemCode.NATIONAL_ID_FH_NUMBER,
            "nationalId",
        ),
        (
            (
                r"nationalId: H-nummer is not supported as national ID\. The national ID must be "
                r"either Norsk fødselsnummer or D-nummer\."
            ),
            ProblemCode.NATIONAL_ID_H_NUMBER,
            "nationalId",
        ),
    )
)
_LONGEST_TEXT: Final = 64 * 1024  # "JSON in metadata is not valid: …" quotes a parser's message


def parse_bad_request(
    text: str, *, rule: DistributionRule | int | str | None = None
) -> Problem | None:
    """Return the :class:`Problem` a ``BadRequest`` text from ePROM names, or ``None``.

    *text* is the response body as ePROM sends it to an order or a message: the text itself, or
    the text as a JSON string, in double quotes, as ASP.NET writes it. The texts are the guide's
    (BestillingAvSkjemaV2.md and SendeMeldingTilInnbyggerV2.md, "Feilsituasjoner",
    ``docs/sources.md`` §3), matched whole after
    surrounding space is stripped, whatever form id or parser message they quote. A text the
    guide does not list (another page's, a changed wording) gives ``None``: the caller shows
    ePROM's own text then. *rule* is the order's rule, for the problem's words.

    >>> problem = parse_bad_request("Form with id='1bc5f9f0' is not paper enabled", rule=3)
    >>> problem.code, problem.field, problem.rule
    (<ProblemCode.PAPER_NOT_ENABLED: 'paper_not_enabled'>, 'distributionRule',
     <DistributionRule.BASIC_OR_PAPER: 3>)
    >>> parse_bad_request('"The ordered form is not Published"').describe()
    'formId: The form is not published in ePROM; publish it before ordering it.'
    >>> parse_bad_request("Main document in MessageToCitizen is missing").describe()
    'documentCollection: The message has no documents; ePROM needs at least the main document.'
    >>> parse_bad_request("Internal Server Error") is None
    True
    """
    if not isinstance(text, str):
        raise wrong_type(text, field="text", expected="a string")
    parsed = None if rule is None else DistributionRule.parse(rule)
    body = text.strip()
    if len(body) > _LONGEST_TEXT:
        return None
    if body.startswith('"'):
        try:
            decoded = json.loads(body)
        except ValueError:
            decoded = None
        if isinstance(decoded, str):
            body = decoded.strip()
    for pattern, code, field in _BAD_REQUESTS:
        if pattern.fullmatch(body):
            return Problem(code, parsed, field=field)
    return None
