"""Reference data the council's administrator keeps: the Local Offer's taxonomies and who belongs to which
provider organisation. Services themselves are edited through the provider and officer pages, never here."""

from django.contrib import admin

from pathfinder.directory.models import Organisation, OrganisationMembership, Taxonomy, TaxonomyTerm


class TaxonomyTermInline(admin.TabularInline):
    model = TaxonomyTerm
    fields = ("code", "name", "description", "parent", "sort_order")
    extra = 1


@admin.register(Taxonomy)
class TaxonomyAdmin(admin.ModelAdmin):
    """The council can extend the SEND taxonomy (needs, kinds of support, provider types) with its own terms."""

    list_display = ("name", "code")
    inlines = [TaxonomyTermInline]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "taxonomy", "parent")
    list_filter = ("taxonomy",)
    search_fields = ("name", "code")


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    autocomplete_fields = ("user",)
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Which provider accounts may edit each organisation's services."""

    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name",)
    inlines = [MembershipInline]
    fields = ("name", "kind", "description", "email", "website")
