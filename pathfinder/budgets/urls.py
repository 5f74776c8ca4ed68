"""Personal budgets' pages. Each part of the domain keeps its own URL list:

- urls_ras.py: the council's resource allocation system and rate card (/budgets/allocation/...), the "what if"
- urls_requests.py: a child's requests, indicative budgets, lines, agreement, direct payments
  (/children/<child>/budgets/...) and the family's own pages (/family/...)
- urls_money.py: payments, spending, statements, recovery, and the council's figures (/budgets/...)
"""

from pathfinder.budgets.urls_money import urlpatterns as money
from pathfinder.budgets.urls_ras import urlpatterns as ras
from pathfinder.budgets.urls_requests import urlpatterns as requests

app_name = "budgets"
urlpatterns = [*ras, *requests, *money]
