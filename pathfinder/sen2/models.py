"""The DfE's published statistics, kept to compare the council's SEN2 return with before it is sent."""

from __future__ import annotations

from django.db import models


class GeographicLevel(models.TextChoices):
    NATIONAL = "National", "England"
    REGIONAL = "Regional", "Region"
    LOCAL_AUTHORITY = "Local authority", "Council"


class PublishedFigure(models.Model):
    """One published number: a measure (a column of a DfE file) for one area and one year.

    Only the headline rows are kept (each file's total row, e.g. "All EHC plans"), one row per number, so that a new
    column in next year's files needs no migration. ``area_code`` is the 3-digit LA code for a council (the
    SEN2 LEA), the region's code (E12...) for a region, the country's (E92000001) for England.
    """

    time_period = models.CharField(max_length=6, help_text="As published: 2024 (calendar year) or 202425")
    year = models.PositiveSmallIntegerField(
        help_text="The calendar year of activity: 2024 for 2024 and for the January 2025 census (202425)")
    geographic_level = models.CharField(max_length=20, choices=GeographicLevel.choices)
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=9, blank=True)
    source_file = models.CharField(max_length=60, help_text="The DfE file it came from, e.g. requests.csv")
    measure = models.CharField(max_length=60, help_text="The DfE's column name, e.g. requests_received_in_year")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "geographic_level", "area_code", "measure"],
                                    name="sen2_one_published_figure"),
        ]
        indexes = [models.Index(fields=["area_code", "year"], name="sen2_published_by_area")]

    def __str__(self) -> str:
        return f"{self.area_name} {self.time_period} {self.measure} = {self.value}"
