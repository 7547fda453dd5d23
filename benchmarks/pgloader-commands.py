#!/usr/bin/env python3
"""Writes one pgloader command file per CSV file of a generated scenario: what a migration team
would reach for instead of Wijkmigratie. Each file is loaded into a table of its own with the casts
pgloader can express — dates in the source's own pattern, the decimal comma, integers, the file's
encoding — and nothing more (no mapping onto one model, no merge, no lineage, no conflicts).

    pgloader-commands.py SCENARIO_FOLDER POSTGRES_URL OUT_FOLDER

Prints the command files' paths, one a line.
"""
import os, sys

# The two CSV sources of a generated scenario, in the demo's shapes (see wijkmigratie-fixtures).
SOURCES = {
    "bron-a": {"delimiter": ";", "encoding": "WINDOWS-1252", "date": "DD-MM-YYYY", "comma": True},
    "bron-b": {"delimiter": ",", "encoding": "UTF-8", "date": "YYYY-MM-DD", "comma": False},
}
DATES = {"Geb.datum", "Meldingsdatum", "Afgesloten", "Startdatum", "Einddatum", "Ingangsdatum",
         "geboortedatum", "datum_melding", "datum_afsluiting", "start", "eind", "van", "tot"}
DECIMALS = {"FTE", "fte"}
INTEGERS = {"Omvang", "volume", "huisnummer"}


def command(path, source, url):
    spec = SOURCES[source]
    with open(path, "rb") as f:
        header = f.readline().decode("utf-8-sig" if spec["encoding"] == "UTF-8" else "cp1252").strip()
    names = header.split(spec["delimiter"])
    table = (source + "_" + os.path.basename(path)[:-4]).replace("-", "_")
    fields, targets, columns = [], [], []
    for i, name in enumerate(names, 1):
        field = f"c{i}"
        if name in DATES:
            fields.append(f"{field} [date format '{spec['date']}', null if blanks]")
            columns.append(f"{field} date")
            targets.append(field)
        elif name in DECIMALS:
            fields.append(f"{field} [null if blanks]")
            columns.append(f"{field} numeric")
            # The decimal comma: pgloader's transformation functions are Lisp forms.
            targets.append(f"{field} numeric using (if {field} (substitute (char \".\" 0) (char \",\" 0) {field}) nil)" if spec["comma"] else field)
        elif name in INTEGERS:
            fields.append(f"{field} [null if blanks]")
            columns.append(f"{field} integer")
            targets.append(field)
        else:
            fields.append(field)
            columns.append(f"{field} text")
            targets.append(field)
    return f"""LOAD CSV
  FROM '{path}' WITH ENCODING {spec['encoding']}
  HAVING FIELDS ({', '.join(fields)})
  INTO {url}?tablename={table}
  TARGET COLUMNS ({', '.join(targets)})
  WITH skip header = 1, fields optionally enclosed by '"', fields escaped by double-quote,
       fields terminated by '{spec['delimiter']}'
  BEFORE LOAD DO
    $$ drop table if exists {table}; $$,
    $$ create table {table} ({', '.join(columns)}); $$;
"""


def main(folder, url, out):
    os.makedirs(out, exist_ok=True)
    for source in sorted(SOURCES):
        for name in sorted(os.listdir(os.path.join(folder, source))):
            if not name.endswith(".csv"):
                continue
            target = os.path.join(out, f"{source}-{name[:-4]}.load")
            with open(target, "w") as f:
                f.write(command(os.path.join(folder, source, name), source, url))
            print(target)


if __name__ == "__main__":
    main(*sys.argv[1:4])
