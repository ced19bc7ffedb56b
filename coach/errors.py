"""Errors whose text is safe and useful to show the person who hit them."""

from __future__ import annotations


class CoachError(Exception):
    """Base error: `str(error)` is a message a person can act on."""


class InvalidInput(CoachError):
    """The message or file cannot be accepted as given."""


class RateLimited(CoachError):
    """The person sent too many messages in a short time."""


class ModelUnavailable(CoachError):
    """The language model could not be reached or refused the request."""


class StreamInterrupted(CoachError):
    """The model's stream broke after it had started answering."""


class NotFound(CoachError):
    """The thing asked for does not exist (or is not yours)."""


class Forbidden(CoachError):
    """The person's role does not allow this."""
