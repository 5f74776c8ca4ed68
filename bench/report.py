"""The bench's targets, its verdicts on them, and the table it prints at the end."""

from __future__ import annotations

from bench.scenarios import RESULTS

TARGETS = {
    "caseworker_home_p95_ms": 100, "caseworker_home_ratio": 3.0,
    "local_offer_search_p95_ms": 50, "local_offer_search_ratio": 2.0,
}


def verdicts(scale: str, result: dict) -> list[str]:
    lines = []
    home = result.get("pages", {}).get("caseworker_home")
    if home and "page" in home:
        ok = home["page"]["p95_ms"] < TARGETS["caseworker_home_p95_ms"]
        ratio_ok = home["ratio_p95"] <= TARGETS["caseworker_home_ratio"]
        lines.append(f"caseworker home p95 {home['page']['p95_ms']:.1f} ms (target < 100 ms{' at national scale' if scale == 'national' else ''}): "
                     f"{'MET' if ok else 'MISSED'}; {home['ratio_p95']:.1f}x floor (target <= 3x): "
                     f"{'MET' if ratio_ok else 'MISSED'}")
    search = result.get("local_offer", {}).get("search", {})
    if "concurrent_20" in search:
        c = search["concurrent_20"]
        lines.append(f"Local Offer search p95 under 20 clients {c['p95_ms']:.1f} ms (target < 50 ms): "
                     f"{'MET' if c['p95_ms'] < 50 else 'MISSED'}; {c.get('ratio_p95_to_floor', 0):.1f}x floor "
                     f"(target <= 2x): {'MET' if c.get('ratio_p95_to_floor', 99) <= 2 else 'MISSED'}")
        inproc = search["in_process"]
        lines.append(f"  (one client, in-process: p95 {inproc['page']['p95_ms']:.1f} ms, "
                     f"{inproc['ratio_p95']:.1f}x floor)")
    return lines


def print_table(report: dict) -> None:
    print("\n" + "=" * 118)
    print(f"{'scale':<9} {'measure':<28} {'p50 ms':>8} {'p95 ms':>8} {'floor p50':>10} {'floor p95':>10} "
          f"{'ratio p95':>10} {'queries':>8}")
    print("-" * 118)
    for scale, result in report["scales"].items():
        for key, r in result["pages"].items():
            if isinstance(r, dict) and "page" in r:
                print(f"{scale:<9} {key:<28} {r['page']['p50_ms']:>8.1f} {r['page']['p95_ms']:>8.1f} "
                      f"{r['floor']['p50_ms']:>10.1f} {r['floor']['p95_ms']:>10.1f} {r['ratio_p95']:>9.1f}x "
                      f"{r['queries']:>8}")
        for key, r in result.get("local_offer", {}).items():
            if not isinstance(r, dict) or "in_process" not in r:
                continue
            i = r["in_process"]
            print(f"{scale:<9} {'LO ' + key + ' (1 client)':<28} {i['page']['p50_ms']:>8.1f} {i['page']['p95_ms']:>8.1f} "
                  f"{i['floor']['p50_ms']:>10.1f} {i['floor']['p95_ms']:>10.1f} {i['ratio_p95']:>9.1f}x {i['queries']:>8}")
            c = r.get("concurrent_20")
            if c:
                print(f"{scale:<9} {'LO ' + key + ' (20 clients)':<28} {c['p50_ms']:>8.1f} {c['p95_ms']:>8.1f} "
                      f"{'':>10} {'':>10} {c.get('ratio_p95_to_floor', 0):>9.1f}x {c['per_second']:>6.0f}/s")
        cw = result["pages"].get("caseworker", {})
        print(f"{scale:<9} typical caseworker {cw.get('username')}: {cw.get('open_cases')} open cases, "
              f"team of {cw.get('team_children'):,} children; built in {result['build']['seconds']:.0f}s")
        for line in result["verdicts"]:
            print(f"{scale:<9} {line}")
        print("-" * 118)
    print(f"Total {report['seconds']:.0f}s. Written to {RESULTS / 'latest.json'}")
    busy = max(report["load_average_at_start"][0], report["load_average_at_end"][0])
    if busy > (report["cpus"] or 1):
        print(f"WARNING: the machine was busy (load average {busy:.1f} on {report['cpus']} CPUs): p95 figures are "
              "inflated by other work; re-run on a quiet machine before trusting them.")
