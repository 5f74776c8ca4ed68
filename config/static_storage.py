"""Static files for production: hashed names, compressed copies, and the ES module import rewritten.

WhiteNoise serves a file whose name carries its content hash with a ten-year, immutable Cache-Control, and its
pre-compressed .br or .gz copy to browsers that accept it. pathfinder-init.js imports GOV.UK Frontend by a relative
path; rewriting that import to the hashed name means a browser keeps one copy of the library, for years, and a new
release changes the name (Django's ManifestStaticFilesStorage does the rewriting when asked to).
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True
