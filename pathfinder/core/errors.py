class ServiceError(Exception):
    """A change the rules refuse. The message is plain English, shown to the user as a form error.

    `field` names the form field it belongs to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class StaleEdit(ServiceError):
    """Someone else saved the same record since this form was opened."""
