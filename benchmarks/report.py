"""Writes benchmarks/RESULTS.md from the measurements benchmarks/run collected (results.tsv)."""
import os
import platform
import subprocess
import sys

results, work = sys.argv[1], sys.argv[2]
cols = ["n", "records", "csv_bytes", "xml_bytes", "csv_rows", "imp_s", "imp_kb", "copy_s", "copy_kb", "xml_s", "xml_kb",
        "ws_s", "ws_kb", "ws_load", "wp_s", "wp_kb", "wp_load", "wx_s", "wx_kb", "wx_read", "rows_s", "loaded_rows", "rejects",
        "pgl_s", "pgl_kb", "pgl_rows", "ws1_s", "ws1_kb", "ws_read", "ws1_read", "wx1_s", "wx1_kb", "wx1_read"]
rows = []
for line in open(results):
    values = line.rstrip("\n").split("\t")
    row = dict(zip(cols, values))
    for k in cols:
        row[k] = float(row[k]) if k.endswith("_s") or k.endswith("_read") or k in ("ws_load", "wp_load") else int(row[k])
    rows.append(row)
demo = float(open(os.path.join(work, "demo.txt")).read())


def sh(cmd):
    return subprocess.run(["sh", "-c", cmd], capture_output=True, text=True).stdout.strip()


def mb(kb):
    return "%.0f MB" % (kb / 1024)


def ok(value, target):
    return "met" if value <= target else "**not met**"


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
print("# Scale benchmark\n")
print("Produced by `benchmarks/run` (release build) on %s, %s cores, %s GiB memory, %s; %s, %s, %s, %s.\n" % (
    cpu or "an unknown CPU", sh("nproc"), sh("awk '/MemTotal/ {printf \"%.0f\", $2/1048576}' /proc/meminfo"), platform.platform(),
    sh("swift --version 2>&1 | head -1"), sh("sqlite3 --version | cut -d' ' -f1-2"), sh("psql --version"),
    sh("xmllint --version 2>&1 | head -1")))
print("Every figure is one run's wall time and peak resident memory from `/usr/bin/time -v`; all tools")
print("ran in the same run on the same generated files, with the files in the page cache. The")
print("scenarios come from `wijkmigratie-fixtures --clients N` (seed 1952): three sources in the demo's")
print("shapes (a `;`/Windows-1252 CSV export, a `,`/UTF-8 CSV export, an ISO-8859-1 XML export),")
print("households of 1–6, voorzieningen and hulpvragen per client, 3 % of households in two sources,")
print("planted defects at 0.2 %.\n")

print("## Targets (issue 15)\n")
print("| figure | measured | target | stretch | |")
print("| --- | ---: | ---: | ---: | --- |")
big = rows[-1]
n = "%s clients" % format(big["n"], ",")


def row(name, value, shown, target, stretch, strict=False):
    met = (value < target) if strict else (value <= target)
    print("| %s | %s | %s | %s | %s |" % (name, shown, ("< %g×" if strict else "≤ %g×") % target if "×" in shown else "≤ %g" % target,
                                          "≤ %g×" % stretch if "×" in shown else "≤ %g" % stretch,
                                          ("stretch met" if value <= stretch else "met") if met else "**not met**"))


r1 = big["ws_s"] / (big["imp_s"] + big["xml_s"])
row("`migrate` → SQLite ÷ (`sqlite3 .import` of every CSV + `xmllint --stream` of the XML), %s" % n, r1, "%.1f×" % r1, 3, 2)
r2 = big["wx_read"] / big["xml_s"]
row("XML read stage (`check` of the XML source) ÷ `xmllint --stream`, %s" % n, r2, "%.1f×" % r2, 3, 2)
r3 = big["wp_s"] / big["pgl_s"]
row("`migrate` → PostgreSQL ÷ pgloader of the same CSVs, %s" % n, r3, "%.1f×" % r3, 1, 0.5, strict=True)
peak = max(big["ws_kb"], big["wp_kb"]) / 1024
print("| peak memory of `migrate`, %s | %.0f MB | ≤ 400 MB | ≤ 250 MB | %s |" % (n, peak, ("stretch met" if peak <= 250 else "met") if peak <= 400 else "**not met**"))
print("| the demo migration, release build (best of 3) | %.2f s | ≤ 0.3 s | ≤ 0.15 s | %s |" % (demo, ("stretch met" if demo <= 0.15 else "met") if demo <= 0.3 else "**not met**"))
r4 = big["wp_load"] / big["rows_s"]
print("| (earlier target) load stage into PostgreSQL ÷ `\\copy` of the same rows, %s | %.1f× | ≤ 2× | | %s |" % (n, r4, "met" if r4 <= 2 else "**not met**"))

print("\n## Every size\n")
print("| clients | source records | CSV | XML | tool | wall time | records/s | MB/s | peak memory | ratio |")
print("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    total_mb = (r["csv_bytes"] + r["xml_bytes"]) / 1e6
    csv_mb, xml_mb = r["csv_bytes"] / 1e6, r["xml_bytes"] / 1e6
    head = "| %s | %s | %.0f MB | %.0f MB |" % (format(r["n"], ","), format(r["records"], ","), csv_mb, xml_mb)
    blank = "| | | | |"
    lines = [
        ("`sqlite3 .import`, every CSV", r["imp_s"], r["csv_rows"], csv_mb, r["imp_kb"], "—"),
        ("`psql \\copy`, every CSV", r["copy_s"], r["csv_rows"], csv_mb, r["copy_kb"], "—"),
        ("`xmllint --stream --noout`, the XML", r["xml_s"], None, xml_mb, r["xml_kb"], "—"),
        ("pgloader, every CSV (%s rows loaded)" % format(r["pgl_rows"], ","), r["pgl_s"], r["csv_rows"], csv_mb, r["pgl_kb"], "—"),
        ("`wijkmigratie migrate` → SQLite", r["ws_s"], r["records"], total_mb, r["ws_kb"],
         "%.1f× .import; %.1f× .import + xmllint" % (r["ws_s"] / r["imp_s"], r["ws_s"] / (r["imp_s"] + r["xml_s"]))),
        ("`wijkmigratie migrate` → PostgreSQL", r["wp_s"], r["records"], total_mb, r["wp_kb"],
         "%.1f× pgloader; %.1f× \\copy; %.1f× \\copy + xmllint" % (r["wp_s"] / r["pgl_s"], r["wp_s"] / r["copy_s"], r["wp_s"] / (r["copy_s"] + r["xml_s"]))),
        ("  its load stage (%s rows)" % format(r["loaded_rows"], ","), r["wp_load"], r["loaded_rows"], None, None,
         "%.1f× \\copy of the same rows (%.2f s)" % (r["wp_load"] / r["rows_s"], r["rows_s"])),
        ("`wijkmigratie check`, the XML source alone", r["wx_s"], None, xml_mb, r["wx_kb"],
         "read stage %.2f s: %.1f× xmllint" % (r["wx_read"], r["wx_read"] / r["xml_s"])),
    ]
    for i, (tool, s, recs, size, kb, ratio) in enumerate(lines):
        print("%s %s | %.2f s | %s | %s | %s | %s |" % (
            head if i == 0 else blank, tool, s, format(int(recs / s), ",") if recs else "—",
            "%.0f" % (size / s) if size else "—", mb(kb) if kb else "—", ratio))
print("\nThe SQLite load stage took %s s at these sizes." % ", ".join("%.2f" % r["ws_load"] for r in rows))
print("Rows in rejects.csv (with its header): %s." % ", ".join(format(r["rejects"], ",") for r in rows))
print("\n## One thread against every core\n")
print("The same runs with `--threads 1` (the whole run on one thread) and with the default (%s threads read files, beside the merge);" % sh("nproc"))
print("the reports are byte for byte the same (the benchmark compares rejects.csv; the tests every report and the store).\n")
print("| clients | `migrate` → SQLite, 1 thread | all cores | speed-up | its read stage, 1 thread | all cores | speed-up | XML read stage, 1 thread | all cores | speed-up |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    print("| %s | %.2f s | %.2f s | %.2f× | %.2f s | %.2f s | %.2f× | %.2f s | %.2f s | %.2f× |" % (
        format(r["n"], ","), r["ws1_s"], r["ws_s"], r["ws1_s"] / r["ws_s"], r["ws1_read"], r["ws_read"], r["ws1_read"] / r["ws_read"],
        r["wx1_read"], r["wx_read"], r["wx1_read"] / r["wx_read"]))
print("\n## Where the time and memory go\n")
print("`wijkmigratie migrate --timings` into SQLite: wall time per stage, and the peak resident memory when the stage ended.\n")
stages = []
per = {}
for r in rows:
    path = os.path.join(work, "n%d" % r["n"], "migrate-sqlite.time")
    per[r["n"]] = {}
    for line in open(path):
        if line.startswith("timing: "):
            body = line[len("timing: "):].rstrip("\n")
            name = body[:30].strip()
            rest = body[30:].split()
            per[r["n"]][name] = (float(rest[0]), rest[3] if len(rest) > 3 else "")
            if name not in stages:
                stages.append(name)
print("| stage | " + " | ".join("%s clients" % format(r["n"], ",") for r in rows) + " |")
print("| --- |" + " ---: |" * len(rows))
for name in stages:
    cells = []
    for r in rows:
        sec, peak = per[r["n"]].get(name, (0.0, ""))
        cells.append("%.2f s, %s MB" % (sec, peak) if peak else "%.2f s" % sec)
    print("| %s | %s |" % (name, " | ".join(cells)))

notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS-notes.md")
if os.path.exists(notes):
    print()
    print(open(notes).read().rstrip())
