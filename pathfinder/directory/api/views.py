"""Open Referral UK 3.0 API: nine anonymous GET endpoints over public (approved, current) services only.

Thin views: parse parameters (api.params), filter through search/selectors, build JSON (api.serializers).
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.http import Http404
from rest_framework import exceptions
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from pathfinder.core.access import ACCESS_ATTRIBUTE, PUBLIC
from pathfinder.core.client_address import client_address
from pathfinder.directory import search
from pathfinder.directory.api import params, serializers
from pathfinder.directory.geo import PostcodeError, bounding_box, distance_km_expression, postcode_point
from pathfinder.directory.models import (
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    Taxonomy,
    TaxonomyTerm,
)
from pathfinder.directory.selectors import services_public

OPENAPI_FILE = Path(__file__).with_name("oruk-openapi.json")
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"


class OrukAnonThrottle(AnonRateThrottle):
    """The "anon" rate from settings, read at request time so a council can change it without a code change.

    Counts live in the default cache, shared by every process (the database or Redis), and are kept per client
    address as our trusted proxies saw it: a made-up X-Forwarded-For does not give a fresh allowance.
    """

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request: Request) -> str:
        return client_address(request) or ""


class JsonOnly(BaseContentNegotiation):
    """Always JSON. DRF's own negotiation turns an unknown `?format=` into a 404; we check `format` ourselves
    (params.check_names) so a client hears what was wrong, and an `Accept: text/html` still gets the data."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


# Query parameters each endpoint takes (the served OpenAPI lists the same ones, with their limits).
PAGE_PARAMS = frozenset({"page", "per_page"})
SERVICE_FILTERS = PAGE_PARAMS | {
    "search", "taxonomy_term_id", "taxonomy_id", "minimum_age", "maximum_age", "start_time", "end_time", "day",
    "postcode", "proximity", "organization_id", "modified_after",
}
TERM_FILTERS = PAGE_PARAMS | {"taxonomy_id", "parent_id", "top_only"}


class OrukView(APIView):
    """Anonymous, read-only, throttled; errors are JSON with a plain `message`; unknown parameters refused."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [OrukAnonThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonOnly
    http_method_names = ["get", "head", "options"]
    parameters: frozenset[str] = frozenset()

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        params.check_names(request.query_params, self.parameters)

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, params.BadParameter | PostcodeError):
            return Response({"status": 400, "message": exc.message}, status=400)
        if isinstance(exc, Http404 | exceptions.NotFound):
            return Response({"status": 404, "message": "Not found"}, status=404)
        response = super().handle_exception(exc)
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        response.data = {"status": response.status_code, "message": str(detail or "Request refused")}
        return response


setattr(OrukView, ACCESS_ATTRIBUTE, PUBLIC)


def page_json(queryset: QuerySet, paging: tuple[int, int, int | None], build) -> dict[str, Any]:
    """The HSDS Page envelope. `size` is the number of items on this page; page past the end is empty."""
    page, per_page, _ = paging
    total = queryset.count()
    start = (page - 1) * per_page
    items = [build(obj) for obj in queryset[start : start + per_page]] if start < total else []
    return page_envelope(total, items, paging)


def page_envelope(total: int, items: list, paging: tuple[int, int, int | None]) -> dict[str, Any]:
    """The Page fields, plus `per_page` and, when a larger page was asked for, a `message` saying it was reduced
    (extra fields are allowed: the Page schema does not forbid them)."""
    page, per_page, asked = paging
    total_pages = max(1, math.ceil(total / per_page))
    body = {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "per_page": per_page,
        "contents": items,
    }
    if asked is not None:
        body["message"] = f"per_page={asked} is more than this API gives on one page, so pages have {per_page}."
    return body


def service_details(queryset: QuerySet[Service]) -> QuerySet[Service]:
    """Everything a fully nested service shows, in a fixed number of queries."""
    return queryset.select_related("organisation", "harvested_from__subscription").prefetch_related(
        Prefetch("schedules", queryset=Schedule.objects.order_by("opens_at", "id")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").order_by("location__name", "id"),
        ),
        "contacts",
        "cost_options",
        Prefetch("attributes", queryset=ServiceAttribute.objects.select_related("term__taxonomy").order_by("term__name")),
    )


def _id(pk: str):
    """A path id as a UUID, or a 400 with a plain message."""
    try:
        return uuid.UUID(pk)
    except ValueError:
        raise params.BadParameter("The id must be a UUID") from None


def services_changed(query) -> QuerySet[Service]:
    """Public services, narrowed by `organization_id` (one provider's) and `modified_after` (changed on or after
    that moment: a harvester asks only for what changed since its last visit)."""
    qs = services_public()
    organisation_id = params.uuid_param(query, "organization_id")
    if organisation_id:
        qs = qs.filter(organisation_id=organisation_id)
    modified_after = params.datetime_param(query, "modified_after")
    if modified_after:
        qs = qs.filter(last_modified__gte=modified_after)
    return qs


def search_inputs(query) -> search.SearchInputs:
    """The ORUK filters as the public search's inputs (AND), checked in the order the parameters are documented.

    taxonomy_term_id: that term or its children; taxonomy_id: any term of it; minimum_age: the service's minimum
    age is at least this; maximum_age: its maximum is at or below this; start_time / end_time / day: one weekly
    session; postcode with proximity (metres): distance. Raises BadParameter with a plain message.
    """
    term_id = params.uuid_param(query, "taxonomy_term_id")
    taxonomy_id = params.uuid_param(query, "taxonomy_id")
    minimum_age = params.number(query, "minimum_age")
    maximum_age = params.number(query, "maximum_age")
    day = params.day(query)
    starts_from = params.time_param(query, "start_time")
    ends_by = params.time_param(query, "end_time")
    text = params.text(query, "search").strip()
    postcode = params.text(query, "postcode", limit=10)
    proximity = params.number(query, "proximity")
    if proximity is not None and not postcode:
        raise params.BadParameter("proximity needs a postcode")
    return search.SearchInputs(
        text=text, term_id=term_id, taxonomy_id=taxonomy_id, minimum_age_at_least=minimum_age,
        maximum_age_at_most=maximum_age, day=day, starts_from=starts_from, ends_by=ends_by, postcode=postcode,
        within_km=proximity / 1000.0 if proximity is not None else None,
    )


class ApiDetails(OrukView):
    """GET / : which standard this API follows."""

    def get(self, request: Request) -> Response:
        return Response(
            {
                "version": "HSDS-UK-3.0",
                "profile": PROFILE_URL,
                "openapi_url": request.build_absolute_uri("openapi.json"),
            }
        )


class OpenApiDocument(OrukView):
    """The ORUK 3.0 OpenAPI description, with its schemas inlined and our server address."""

    def get(self, request: Request) -> Response:
        document = dict(_openapi())
        document["servers"] = [{"url": request.build_absolute_uri("/api/oruk").rstrip("/")}]
        return Response(document)


@lru_cache(maxsize=1)
def _openapi() -> dict[str, Any]:
    return json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))


class ServiceList(OrukView):
    parameters = SERVICE_FILTERS

    def get(self, request: Request) -> Response:
        paging = params.page_params(request.query_params)
        page, per_page, _ = paging
        matches = search.service_matches(search_inputs(request.query_params), services_changed(request.query_params))
        # Best match first with words, then nearest with a postcode, then A to Z.
        order = [("rank", True)] if matches.has_text else []
        if matches.point is not None:
            order.append(("distance_km", False))
        total, services = search.search_page(matches.queryset, order, (page - 1) * per_page, per_page,
                                             counted=bool(order))
        items = [serializers.service_list_json(s) for s in services]
        return Response(page_envelope(total, items, paging))


class ServiceDetail(OrukView):
    def get(self, request: Request, pk) -> Response:
        try:
            service = service_details(services_public()).get(pk=_id(pk))
        except Service.DoesNotExist:
            raise Http404 from None
        return Response(serializers.service_full_json(service))


class TaxonomyList(OrukView):
    parameters = PAGE_PARAMS

    def get(self, request: Request) -> Response:
        paging = params.page_params(request.query_params)
        return Response(page_json(Taxonomy.objects.order_by("name", "id"), paging, serializers.taxonomy_json))


class TaxonomyDetail(OrukView):
    def get(self, request: Request, pk) -> Response:
        taxonomy = Taxonomy.objects.filter(pk=_id(pk)).first()
        if taxonomy is None:
            raise Http404
        terms = list(taxonomy.terms.order_by("sort_order", "name", "id"))
        return Response(serializers.taxonomy_json(taxonomy, terms))


class TaxonomyTermList(OrukView):
    parameters = TERM_FILTERS

    def get(self, request: Request) -> Response:
        paging = params.page_params(request.query_params)
        qs = TaxonomyTerm.objects.select_related("taxonomy").order_by("taxonomy__name", "sort_order", "name", "id")
        taxonomy_id = params.uuid_param(request.query_params, "taxonomy_id")
        if taxonomy_id:
            qs = qs.filter(taxonomy_id=taxonomy_id)
        parent_id = params.uuid_param(request.query_params, "parent_id")
        if parent_id:
            qs = qs.filter(parent_id=parent_id)
        if request.query_params.get("top_only", "").lower() in ("1", "true"):
            qs = qs.filter(parent__isnull=True)
        return Response(page_json(qs, paging, serializers.term_json))


class TaxonomyTermDetail(OrukView):
    def get(self, request: Request, pk) -> Response:
        term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=_id(pk)).first()
        if term is None:
            raise Http404
        return Response(serializers.term_json(term))


class ServiceAtLocationList(OrukView):
    parameters = SERVICE_FILTERS

    def get(self, request: Request) -> Response:
        paging = params.page_params(request.query_params)
        inputs = search_inputs(request.query_params)
        # The services filter as /services does; words and distance apply to each service at a location.
        services = search.service_matches(
            replace(inputs, text="", postcode="", within_km=None), services_changed(request.query_params)
        ).queryset
        point = postcode_point(inputs.postcode) if inputs.postcode else None
        within_km = inputs.within_km
        qs = ServiceAtLocation.objects.filter(service__in=services.values("pk")).select_related(
            "location", "service__organisation"
        )
        qs = search.filter_related_text(qs, inputs.text)
        order: list = []
        if point is not None:
            if within_km is not None:
                lat0, lat1, lon0, lon1 = bounding_box(point, within_km)
                qs = qs.filter(location__latitude__range=(lat0, lat1), location__longitude__range=(lon0, lon1))
            qs = qs.annotate(
                distance_km=distance_km_expression(point, "location__latitude", "location__longitude")
            )
            if within_km is not None:
                qs = qs.filter(distance_km__lte=within_km)
            order.append(F("distance_km").asc(nulls_last=True))
        qs = qs.order_by(*order, "service__name", "location__name", "id")
        return Response(page_json(qs, paging, serializers.service_at_location_list_json))


class ServiceAtLocationDetail(OrukView):
    """The official ORUK 3.0 OpenAPI declares a fully nested service for this path (serializers explains)."""

    def get(self, request: Request, pk) -> Response:
        sal = (
            ServiceAtLocation.objects.filter(pk=_id(pk), service__in=services_public().values("pk"))
            .select_related("location")
            .first()
        )
        if sal is None:
            raise Http404
        sal.service = service_details(Service.objects.filter(pk=sal.service_id)).get()
        return Response(serializers.service_at_location_full_json(sal))


class UnknownPath(OrukView):
    """Any other path under the API: the API's own JSON 404 (a client learns the path is wrong, not an HTML page)."""

    def get(self, request: Request, *args, **kwargs) -> Response:
        raise Http404
