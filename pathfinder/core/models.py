from django.db import models


class NonWorkingDay(models.Model):
    """A one-off day the council is closed, such as a bank holiday announced at short notice."""

    day = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"{self.day:%d %B %Y}: {self.reason}"
