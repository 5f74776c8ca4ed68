"""Developer tool: rebuild api/oruk-openapi.json from a checkout of the ORUK spec files.

    python -m pathfinder.directory.api.tools.build_openapi /path/to/spec/oruk

Never run by the product. It inlines the UK-profile schemas (so the document works offline, e.g. for schemathesis),
strips keywords OpenAPI 3.0 does not know, fixes "type": "time", adds our 400/404/429 responses, and makes
/service_at_locations/{id} answer a service_at_location (the published spec points it at service.json).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

KEEP = {
    "type", "format", "enum", "properties", "items", "required", "description", "title", "example", "minimum",
    "maximum", "nullable", "allOf", "oneOf", "anyOf", "$ref", "default", "pattern", "minLength", "maxLength",
}
REMOTE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
MAPPING = {
    "compiled/service_list.json": "ServiceListItem",
    "compiled/service.json": "Service",
    "compiled/service_at_location_list.json": "ServiceAtLocationListItem",
    "compiled/service_at_location.json": "ServiceAtLocation",
    "taxonomy.json": "Taxonomy",
    "taxonomy_term.json": "TaxonomyTerm",
}


def clean(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "properties":
                out[key] = {name: clean(v) for name, v in value.items()}
            elif key in KEEP:
                out[key] = value if key in ("enum", "required", "example") else clean(value)
        if out.get("type") == "time":
            out["type"], out["format"] = "string", "time"
        if out.get("format") == "datetime":
            out["format"] = "date-time"
        if "example" in out and not isinstance(out["example"], str | int | float | bool):
            out.pop("example")
        return out
    if isinstance(node, list):
        return [clean(x) for x in node]
    return node


def reref(node, path):
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith(REMOTE):
            name = MAPPING[node["$ref"][len(REMOTE):]]
            if path == "/service_at_locations/{id}" and name == "Service":
                name = "ServiceAtLocation"
            return {"$ref": "#/components/schemas/" + name}
        return {k: reref(v, path) for k, v in node.items()}
    if isinstance(node, list):
        return [reref(x, path) for x in node]
    return node


def error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def build(spec_dir: Path) -> dict:
    spec = json.loads((spec_dir / "3.0/openapi.json").read_text())
    legacy = spec_dir / "validator-legacy/OpenReferralApi/Schemas/V3.0-UK"
    compiled = spec_dir / "uk-profile/schema/compiled"
    schemas = {
        "Page": spec["components"]["schemas"]["Page"],
        "ApiDetails": json.loads((legacy / "api_details.json").read_text()),
        "ServiceListItem": json.loads((compiled / "service_list.json").read_text()),
        "Service": json.loads((compiled / "service.json").read_text()),
        "ServiceAtLocationListItem": json.loads((compiled / "service_at_location_list.json").read_text()),
        "ServiceAtLocation": json.loads((compiled / "service_at_location.json").read_text()),
        "Taxonomy": json.loads((legacy / "taxonomy.json").read_text()),
        "TaxonomyTerm": json.loads((legacy / "taxonomy_term.json").read_text()),
        "Error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
        },
    }
    paths = {}
    for path, item in spec["paths"].items():
        item = reref(copy.deepcopy(item), path)
        op = item["get"]
        op["responses"]["400"] = error("A query parameter or id is not valid.")
        if "{id}" in path:
            op["responses"]["404"] = error("No public record has this id.")
        if path != "/":
            op["responses"]["429"] = error("Too many requests from this address; try again later.")
        paths[path] = item
    services_params = paths["/services"]["get"]["parameters"]
    for extra in ("postcode", "proximity"):
        services_params.append({"$ref": "#/components/parameters/" + extra})
    info = dict(spec["info"])
    info["description"] += (
        ". Served by Pathfinder: the ORUK 3.0 OpenAPI (tpximpact/mhclg-oruk@4aed5ea) with the UK-profile schemas "
        "(OpenReferralUK/uk-profile@ecdfabf) inlined, error responses added, /services also filtering by postcode "
        "and proximity, and /service_at_locations/{id} answering a service_at_location."
    )
    return {
        "openapi": "3.0.3",
        "info": info,
        "paths": paths,
        "components": {
            "parameters": {
                name: {**{k: v for k, v in param.items() if k != "schema"}, "schema": clean(param["schema"])}
                for name, param in spec["components"]["parameters"].items()
            },
            "schemas": {name: clean(schema) for name, schema in schemas.items()},
        },
    }


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "oruk-openapi.json"
    target.write_text(json.dumps(build(Path(sys.argv[1])), indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
