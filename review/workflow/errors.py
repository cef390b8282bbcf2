"""The one exception the workflow raises for a refused action."""

from __future__ import annotations


class WorkflowError(Exception):
    """An action the workflow refuses; `message` is a complete Chinese sentence for the user.

    Faces (CLI, app) show `message` as it is and never a traceback. `code` is a short English tag for
    tests and logs (e.g. "own_submission", "open_high_findings", "forbidden", "not_found").
    """

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
